// The language server (dist/server.js): stdio with --stdio (as the extension starts it), IPC with --node-ipc. This
// file starts it and wires the handlers, which live one concern per file in lsp/ and share what the server holds in
// a Session.
import * as path from 'node:path';
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { CONFIG_FILE } from './config';
import { SERVER_COMMANDS } from './protocol';
import { FIX_ALL_KIND } from './lsp/actions';
import { fixAllCommand, registerCodeActions } from './lsp/code-actions';
import { Configuration } from './lsp/configuration';
import { Publisher, registerDocumentSync } from './lsp/documents';
import { registerEditorFeatures } from './lsp/editor-features';
import { registerImportRequest } from './lsp/import-file';
import { registerPreviewRequests } from './lsp/preview-requests';
import { Session } from './lsp/session';
import { serverConnection } from './lsp/transport';
import { registerStats } from './lsp/stats';
import { uriKey } from './lsp/workspace';
import { WorkspaceScan } from './lsp/workspace-scan';

const CAPABILITIES: InitializeResult['capabilities'] = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  hoverProvider: true,
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  inlayHintProvider: true,
  documentFormattingProvider: true,
  completionProvider: {},
  codeLensProvider: { resolveProvider: false },
  executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
};

/** The workspace folders as absolute paths (the root when the client names no folders); others cannot be read. */
function folderPaths(params: InitializeParams): string[] {
  const folders = (params.workspaceFolders ?? []).map((f) => uriKey(f.uri)).filter((f) => path.isAbsolute(f));
  return folders.length || !params.rootUri ? folders : [uriKey(params.rootUri)].filter((f) => path.isAbsolute(f));
}

const isConfigFile = (uri: string): boolean => uri.endsWith(CONFIG_FILE);

export function startServer(connection: Connection): void {
  const session = new Session(connection);
  const publisher = new Publisher(session);
  const workspace = new WorkspaceScan(session, publisher);
  const configuration = new Configuration(session, publisher, workspace);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    session.versionedEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
    session.folders = folderPaths(params);
    configuration.initialize(params);
    return { capabilities: CAPABILITIES, serverInfo: { name: 'xxgk-report' } };
  });

  connection.onInitialized(
    session.guard('initialized', undefined, () => {
      void (async () => {
        try {
          await configuration.initialized();
          // in the background: requests are answered meanwhile
          await workspace.read();
          configuration.apply();
        } catch (e) {
          session.error(`reading the workspace failed: ${(e as Error).message}`);
        }
      })();
    }),
  );

  connection.onDidChangeConfiguration(
    session.guard('configuration', undefined, (change) => {
      const failed = (e: unknown): void => session.error(`settings failed: ${(e as Error).message}`);
      void configuration.editorChanged(change.settings).catch(failed);
    }),
  );

  connection.onDidChangeWatchedFiles(
    session.guard('watched files', undefined, ({ changes }) => {
      if (changes.some((c) => isConfigFile(c.uri))) configuration.fileChanged();
      workspace.filesChanged(changes.filter((c) => !isConfigFile(c.uri)));
    }),
  );

  connection.onExecuteCommand(
    session.guard('command', Promise.resolve(null as unknown), async ({ command, arguments: args }) => {
      if (command === SERVER_COMMANDS.fixAll) return fixAllCommand(session, String(args?.[0] ?? ''));
      if (command === SERVER_COMMANDS.checkWorkspace) return workspace.check();
      return null;
    }),
  );

  registerDocumentSync(session, publisher);
  registerCodeActions(session);
  registerEditorFeatures(session);
  registerPreviewRequests(session);
  registerImportRequest(session);
  registerStats(session);
  connection.listen();
}

if (require.main === module) startServer(serverConnection());
