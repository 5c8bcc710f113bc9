// "Insert a blank table": the contributed snippets, offered in a list, inserted at the cursor.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

export async function insertBlankTable(context: vscode.ExtensionContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const snippets = JSON.parse(readFileSync(context.asAbsolutePath('snippets/xxgk-report.json'), 'utf8')) as Record<string, Snippet>;
  const picked = await vscode.window.showQuickPick(
    Object.entries(snippets).map(([label, s]) => ({ label, description: s.description, body: s.body })),
    { placeHolder: vscode.l10n.t('Which blank table?') },
  );
  if (picked) await editor.insertSnippet(new vscode.SnippetString(picked.body.join('\n')));
}
