// "导入年报": a published file (web page, Word, Excel, PDF), chosen in the Explorer or in a file picker, imported
// by the server and opened as a new report document named after the report's title; saving it asks where to write
// that name's .xxgk file. The server keeps where each cell came from, for the hover.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_EXTENSIONS, REPORT_LANGUAGE, REQUESTS, type ImportParams, type ImportReply } from '../../server/src/protocol';

async function pickFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Import'),
    // any file may be picked: a legacy .doc is answered with how to convert it (or read, when it is a web page inside)
    filters: { [vscode.l10n.t('Published reports')]: IMPORT_EXTENSIONS.map((e) => e.slice(1)), [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0];
}

/** An untitled document of that name not open yet: importing the same file twice gives two documents. */
function untitledUri(name: string): vscode.Uri {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `${name}${n > 1 ? ` (${n})` : ''}.xxgk` });
    if (!open.has(uri.toString())) return uri;
  }
}

/** The new document with the imported text in it, or undefined (the error said) when the file cannot be imported. */
export async function importReport(client: LanguageClient, file?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  file ??= await pickFile();
  if (!file) return undefined;
  const params: ImportParams = { uri: file.toString() };
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const reply = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', name) }, () =>
    client.sendRequest<ImportReply>(REQUESTS.importFile, params),
  );
  if ('error' in reply) {
    void vscode.window.showErrorMessage(reply.error);
    return undefined;
  }
  let document = await vscode.workspace.openTextDocument(untitledUri(reply.name));
  // set before the text is in: a change of language reopens the document, as the server sees it
  if (document.languageId !== REPORT_LANGUAGE) document = await vscode.languages.setTextDocumentLanguage(document, REPORT_LANGUAGE);
  const editor = await vscode.window.showTextDocument(document);
  // the text exactly as imported (line ends too, whatever files.eol says): the server gives its origins to the
  // document that holds exactly that text
  await editor.edit((edit) => {
    edit.setEndOfLine(vscode.EndOfLine.LF);
    edit.insert(new vscode.Position(0, 0), reply.text);
  });
  if (reply.notes.length) void vscode.window.showWarningMessage(reply.notes.join('；'));
  return editor.document;
}
