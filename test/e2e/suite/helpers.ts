// What the extension-host tests share: the workspace they write into, waiting for the server, and its diagnostics.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const WORKSPACE = process.env.XXGK_E2E_WORKSPACE ?? vscode.workspace.workspaceFolders![0].uri.fsPath;
export const file = (name: string): vscode.Uri => vscode.Uri.file(path.join(WORKSPACE, name));

/** What `probe` gives once it is truthy, polled every 100 ms. */
export async function waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The diagnostics of this extension on a document. */
export const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'xxgk');
export const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

/** The hover at a position, its parts joined. */
export async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}
