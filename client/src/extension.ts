// The extension: starts the language server (dist/server.js over IPC), and wires VS Code to it: the
// report language, commands, and the offer to switch a .txt/.md report to the report language.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, SERVER_COMMANDS } from '../../server/src/protocol';
import { looksLikeReport, REPORT_LANGUAGE, TEXT_LANGUAGES } from './recognise';
import { openPreview, previewOf, type TableTarget } from './preview';
import { insertBlankTable } from './snippets';

let client: LanguageClient | undefined;

/** What the extension gives other extensions: the previews, for the extension-host tests to drive the table view. */
export interface XxgkApi {
  previewOf: typeof previewOf;
}

export async function activate(context: vscode.ExtensionContext): Promise<XxgkApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const selector = [REPORT_LANGUAGE, ...TEXT_LANGUAGES].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    synchronize: {
      configurationSection: 'xxgk',
      // the shared options, and reports on disk (last year's report of an open one may change)
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/xxgk.config.json'), vscode.workspace.createFileSystemWatcher('**/*.{xxgk,txt,md}')],
    },
    initializationOptions: {},
  };
  client = new LanguageClient('xxgk', 'xxgk-report', serverOptions, clientOptions);
  await client.start();

  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.fixAll, arguments: [editor.document.uri.toString()] });
    }),
    vscode.commands.registerCommand('xxgk.checkWorkspace', async () => {
      if (!client) return;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking reports in the workspace…') },
        () => client!.sendRequest<{ message: string }>('workspace/executeCommand', { command: SERVER_COMMANDS.checkWorkspace, arguments: [] }),
      );
      void vscode.window.showInformationMessage(result.message);
      return result;
    }),
    vscode.commands.registerCommand('xxgk.insertTable', () => insertBlankTable(context)),
    vscode.commands.registerCommand('xxgk.openPreview', () => {
      const document = vscode.window.activeTextEditor?.document;
      if (client && document) openPreview(context, client, document);
    }),
    // the 表格视图 lens above each table: the preview scrolled to that table
    vscode.commands.registerCommand(CLIENT_COMMANDS.openTableView, async (uri: string, report: number, table: string) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
      const target: TableTarget = { report, table };
      if (client) openPreview(context, client, document, target);
    }),
    vscode.commands.registerCommand('xxgk.switchToReportLanguage', async (uri?: vscode.Uri) => {
      const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (document) await vscode.languages.setTextDocumentLanguage(document, REPORT_LANGUAGE);
    }),
    vscode.workspace.onDidOpenTextDocument((document) => offerSwitch(context, document)),
  );
  vscode.workspace.textDocuments.forEach((document) => offerSwitch(context, document));
  return { previewOf };
}

/** A .txt or .md file that reads as a report is checked in place; the user is offered the report language once. */
function offerSwitch(context: vscode.ExtensionContext, document: vscode.TextDocument): void {
  if (!TEXT_LANGUAGES.includes(document.languageId) || document.uri.scheme !== 'file') return;
  if (!looksLikeReport(document.getText(new vscode.Range(0, 0, 40, 0)))) return;
  const key = `offered:${document.uri.toString()}`;
  if (context.workspaceState.get(key)) return;
  void context.workspaceState.update(key, true);
  const action = vscode.l10n.t('Switch to the report language');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('{0} looks like a 政府信息公开工作年度报告. It is checked as one.', path.basename(document.uri.fsPath)), action)
    .then((chosen) => (chosen === action ? vscode.languages.setTextDocumentLanguage(document, REPORT_LANGUAGE) : undefined));
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
