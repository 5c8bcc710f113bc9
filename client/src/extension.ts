// The extension: starts the language server (dist/server.js over IPC), and wires VS Code to it: the
// report language, commands (importing a published file among them), the offer to switch a .txt/.md report to
// the report language, and the one to show reports in the user's own font.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, REPORT_LANGUAGE, SERVER_COMMANDS } from '../../server/src/protocol';
import { offerOwnFont } from './font';
import { importReport } from './import';
import { followDocumentKinds, isReportText, TEXT_LANGUAGES } from './recognise';
import { openPreview, previewOf, type TableTarget } from './preview';
import { insertBlankTable } from './snippets';

let client: LanguageClient | undefined;

/**
 * What the extension gives other extensions, for the extension-host tests: the previews, to drive the table
 * view, and which text documents the server says are reports.
 */
export interface XxgkApi {
  previewOf: typeof previewOf;
  isReportText: typeof isReportText;
}

export async function activate(context: vscode.ExtensionContext): Promise<XxgkApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // stdio: the server sends a large document's diagnostics from the JSON it kept of each (lsp/transport.ts)
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
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
  context.subscriptions.push(followDocumentKinds(context, client), offerOwnFont(context));
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
    // from the Explorer's menu on a published file (its URI), or from the palette (a file picker)
    vscode.commands.registerCommand('xxgk.importReport', (uri?: vscode.Uri) => (client ? importReport(client, uri instanceof vscode.Uri ? uri : undefined) : undefined)),
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
  );
  return { previewOf, isReportText };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
