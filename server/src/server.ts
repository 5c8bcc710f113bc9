// The language server (dist/server.js): stdio with --stdio, IPC when started by the extension.
// It keeps each open report parsed incrementally, publishes diagnostics after a short pause in typing, and
// answers code actions, hover, outline, folding, inlay hints and formatting from the kept model.
import * as path from 'node:path';
import {
  CodeActionKind,
  createConnection,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { agencyYearKey, LineIndex, message } from './engine';
import { CONFIG_FILE, findConfigFile, readConfigFile, type XxgkConfig } from './config';
import { REQUESTS, SERVER_COMMANDS } from './protocol';
import { codeActions, fixAllEdits, FIX_ALL_KIND, workspaceEdit } from './lsp/actions';
import { skeletonCompletions } from './lsp/completion';
import { toLsp } from './lsp/convert';
import { foldingRanges, formatting, hover, inlayHints, previewHtml, symbols, tableCellEdit, tableLenses } from './lsp/features';
import { OpenDocument } from './lsp/open-document';
import { PublishCache } from './lsp/publish';
import { resolveSettings, settingsFromEditor, type Settings } from './lsp/settings';
import {
  BUDGET,
  checkWorkspaceFile,
  comparableReports,
  otherReports,
  rereadReports,
  rereadWorkspaceFile,
  scanWorkspace,
  uriKey,
  workspaceChecked,
  workspaceIndex,
  yieldToRequests,
  type ScanResult,
  type WorkspaceChecked,
  type WorkspaceFile,
} from './lsp/workspace';
import type { Report, Span } from './engine';


function debounceFromEnv(): number | undefined {
  const ms = Number(process.env.XXGK_DEBOUNCE_MS);
  return Number.isFinite(ms) && ms >= 0 && process.env.XXGK_DEBOUNCE_MS !== '' ? ms : undefined;
}

export function startServer(connection: Connection): void {
  const documents = new Map<string, OpenDocument>();
  const timers = new Map<string, NodeJS.Timeout>();
  let folders: string[] = [];
  let canPullConfiguration = false;
  /** the client takes versioned edits (documentChanges): edits made for an older version are refused */
  let versionedEdits = false;
  let editorConfig: XxgkConfig = {};
  let fileConfig: XxgkConfig = {};
  let settings: Settings = resolveSettings({}, {}, debounceFromEnv());
  let workspaceReports = new Map<string, Report[]>();

  const log = (text: string): void => connection.console.log(text);
  /** Every handler runs guarded: the server logs a failure and answers nothing, it never throws to the client. */
  const guard =
    <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return fn(...args);
      } catch (e) {
        connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      }
    };

  /** An open document that is checked (editor features stay off in text files that are not reports). */
  const checkedDocument = (uri: string): OpenDocument | undefined => {
    const doc = documents.get(uri);
    return doc?.checked ? doc : undefined;
  };

  const publishCache = new PublishCache();
  const publish = (doc: OpenDocument): void => {
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: doc.checked ? publishCache.diagnostics(doc, settings) : [] });
  };

  const schedule = (doc: OpenDocument): void => {
    clearTimeout(timers.get(doc.uri));
    if (settings.debounceMs === 0) return publish(doc);
    timers.set(
      doc.uri,
      setTimeout(
        guard('publish', undefined, () => {
          timers.delete(doc.uri);
          // the document may have been closed or changed since; publish what is there now
          const current = documents.get(doc.uri);
          if (current) publish(current);
        }),
        settings.debounceMs,
      ),
    );
  };

  /** Reads xxgk.config.json of the first workspace folder that has one; returns what was wrong with it. */
  const reloadFileConfig = (): string | null => {
    fileConfig = {};
    for (const folder of folders) {
      const file = findConfigFile(folder);
      if (!file) continue;
      try {
        fileConfig = readConfigFile(file);
      } catch (e) {
        return (e as Error).message;
      }
      break;
    }
    return null;
  };
  const warn = (problem: string | null): void => {
    if (problem) void connection.window.showWarningMessage(problem);
  };
  let configProblem: string | null = null;

  /** "check all reports in the workspace" has published files that are not open, which new settings must reach too */
  let workspacePublished = false;

  const applySettings = (): void => {
    settings = resolveSettings(editorConfig, fileConfig, settings.debounceMs);
    for (const doc of documents.values()) {
      doc.parsed.reconfigure(settings.engine, otherReports(workspaceReports, doc.uri));
      publish(doc);
    }
    if (workspacePublished) void checkWorkspace().catch((e) => connection.console.error(`checking the workspace failed: ${(e as Error).message}`));
  };

  const pullEditorSettings = async (): Promise<void> => {
    if (!canPullConfiguration) return;
    const [raw] = await connection.workspace.getConfiguration([{ section: 'xxgk' }]);
    editorConfig = settingsFromEditor(raw, warn);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    versionedEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
    folders = (params.workspaceFolders ?? []).map((f) => uriKey(f.uri)).filter((f) => path.isAbsolute(f));
    if (!folders.length && params.rootUri) folders = [uriKey(params.rootUri)].filter((f) => path.isAbsolute(f));
    const init = params.initializationOptions as { debounceMs?: number } | undefined;
    const debounce = typeof init?.debounceMs === 'number' && init.debounceMs >= 0 ? init.debounceMs : debounceFromEnv();
    // the client may show messages only once initialized: a problem with the file waits until then
    configProblem = reloadFileConfig();
    settings = resolveSettings(editorConfig, fileConfig, debounce);
    return {
      capabilities: {
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
      },
      serverInfo: { name: 'xxgk-report' },
    };
  });

  /** Scans the workspace into `into` (the reports of each file by uriKey), saying in the log what it passed over. */
  const scanInto = async (into: Map<string, Report[]>, also: (file: WorkspaceFile) => void = () => {}): Promise<ScanResult> => {
    const scan = await scanWorkspace(folders, (file) => {
      const reports = comparableReports(file.text);
      if (reports.length) into.set(uriKey(file.uri), reports);
      else into.delete(uriKey(file.uri));
      also(file);
    });
    for (const skipped of scan.skipped) log(`workspace: not read: ${skipped}`);
    if (scan.stopped) log(`workspace: stopped at the ${scan.stopped} budget after ${scan.files} files`);
    return scan;
  };

  connection.onInitialized(
    guard('initialized', undefined, () => {
      void (async () => {
        try {
          warn(configProblem);
          await pullEditorSettings();
          // in the background: requests are answered meanwhile; reports saved during the scan are in the map already
          await scanInto(workspaceReports);
          applySettings();
        } catch (e) {
          connection.console.error(`reading the workspace failed: ${(e as Error).message}`);
        }
      })();
    }),
  );

  connection.onDidChangeConfiguration(
    guard('configuration', undefined, (change) => {
      void (async () => {
        const raw = (change.settings as { xxgk?: unknown } | null)?.xxgk;
        if (canPullConfiguration) await pullEditorSettings();
        else editorConfig = settingsFromEditor(raw, warn);
        warn(reloadFileConfig());
        applySettings();
      })().catch((e) => connection.console.error(`settings failed: ${(e as Error).message}`));
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('watched files', undefined, ({ changes }) => {
      if (changes.some((c) => c.uri.endsWith(CONFIG_FILE))) {
        warn(reloadFileConfig());
        applySettings();
      }
      // a report saved, added or deleted on disk: open reports whose last year it holds are checked again
      void (async () => {
        const changedKeys = new Set<string>();
        for (const change of changes.filter((c) => !c.uri.endsWith(CONFIG_FILE))) {
          const key = uriKey(change.uri);
          const after = change.type === FileChangeType.Deleted ? [] : await rereadReports(change.uri);
          const before = workspaceReports.get(key) ?? [];
          if (after.length) workspaceReports.set(key, after);
          else workspaceReports.delete(key);
          for (const r of [...before, ...after]) changedKeys.add(agencyYearKey(r) ?? '');
        }
        for (const doc of documents.values()) {
          const affected = doc.parsed.reports.some((e) => e.previousKey !== null && changedKeys.has(e.previousKey));
          if (!affected) continue;
          doc.parsed.reconfigure(settings.engine, otherReports(workspaceReports, doc.uri));
          publish(doc);
        }
      })().catch((e) => connection.console.error(`watched files failed: ${(e as Error).stack ?? e}`));
    }),
  );

  connection.onDidOpenTextDocument(
    guard('open', undefined, ({ textDocument: t }) => {
      const doc = new OpenDocument(t.uri, t.languageId, t.version, t.text, settings.engine, otherReports(workspaceReports, t.uri));
      documents.set(t.uri, doc);
      publish(doc);
    }),
  );

  connection.onDidChangeTextDocument(
    guard('change', undefined, ({ textDocument: t, contentChanges }) => {
      const doc = documents.get(t.uri);
      if (!doc) return log(`change for ${t.uri}, which is not open: ignored`);
      doc.applyChanges(contentChanges, t.version);
      if (settings.run === 'onType') schedule(doc);
    }),
  );

  connection.onDidSaveTextDocument(
    guard('save', undefined, ({ textDocument: t }) => {
      const doc = documents.get(t.uri);
      if (doc) publish(doc);
    }),
  );

  connection.onDidCloseTextDocument(
    guard('close', undefined, ({ textDocument: t }) => {
      clearTimeout(timers.get(t.uri));
      timers.delete(t.uri);
      documents.delete(t.uri);
      void connection.sendDiagnostics({ uri: t.uri, diagnostics: [] });
    }),
  );

  connection.onCodeAction(
    guard('codeAction', [], (params) => {
      const doc = checkedDocument(params.textDocument.uri);
      return doc ? codeActions(doc, params, settings.engine, settings.locale, versionedEdits) : [];
    }),
  );

  connection.onHover(
    guard('hover', null, ({ textDocument, position }) => {
      const doc = checkedDocument(textDocument.uri);
      return doc ? hover(doc, doc.offsetAt(position), settings.locale) : null;
    }),
  );

  connection.onDocumentSymbol(guard('symbols', [], ({ textDocument }) => {
    const doc = checkedDocument(textDocument.uri);
    return doc ? symbols(doc, settings.locale) : [];
  }));

  connection.onFoldingRanges(guard('folding', [], ({ textDocument }) => {
    const doc = checkedDocument(textDocument.uri);
    return doc ? foldingRanges(doc, settings.locale) : [];
  }));

  connection.languages.inlayHint.on(guard('inlayHint', [], ({ textDocument, range }) => {
    const doc = checkedDocument(textDocument.uri);
    return doc ? inlayHints(doc, range, settings.allTotalHints, settings.locale) : [];
  }));

  // the skeleton, in a report or in a text file that is still empty
  connection.onCompletion(guard('completion', [], ({ textDocument }) => {
    const doc = documents.get(textDocument.uri);
    return doc && (doc.checked || !doc.text.trim()) ? skeletonCompletions(new Date()) : [];
  }));

  connection.onDocumentFormatting(guard('formatting', [], ({ textDocument, options }) => {
    const doc = checkedDocument(textDocument.uri);
    if (!doc) return [];
    // a format that changes nothing, or leaves rows as they are, says why
    const { edits, notice } = formatting(doc, options.tabSize, settings.locale);
    if (notice) void (notice.warning ? connection.window.showWarningMessage(notice.message) : connection.window.showInformationMessage(notice.message));
    return edits;
  }));

  connection.onExecuteCommand(
    guard('command', Promise.resolve(null as unknown), async ({ command, arguments: args }) => {
      if (command === SERVER_COMMANDS.fixAll) {
        const doc = documents.get(String(args?.[0] ?? ''));
        if (!doc) return { applied: false };
        const edits = fixAllEdits(doc, settings.engine);
        if (!edits.length) return { applied: false, edits: 0 };
        const result = await connection.workspace.applyEdit(workspaceEdit(doc, edits, versionedEdits));
        return { applied: result.applied, edits: edits.length };
      }
      if (command === SERVER_COMMANDS.checkWorkspace) return checkWorkspace();
      return null;
    }),
  );

  // the preview draws the reports from the model held here, so the client needs no parser of its own
  connection.onRequest(
    REQUESTS.preview,
    guard('preview', null, ({ uri }: { uri: string }) => {
      const doc = checkedDocument(uri);
      return doc ? { version: doc.version, ...previewHtml(doc, settings.locale) } : null;
    }),
  );

  connection.onCodeLens(guard('codeLens', [], ({ textDocument }) => {
    const doc = checkedDocument(textDocument.uri);
    return doc ? tableLenses(doc, settings.locale) : [];
  }));

  // a cell typed in the preview's table view: the edit is computed here, from the model, and applied by the client
  connection.onRequest(
    REQUESTS.cellEdit,
    guard('cellEdit', null, ({ uri, version, cell, text }: { uri: string; version: number; cell: string; text: string }) => {
      const doc = checkedDocument(uri);
      const edit = doc ? tableCellEdit(doc, version, cell, text) : { refused: 'cell-edit.no-cell' as const };
      return 'refused' in edit ? { refused: message(settings.locale, edit.refused, { text: String(text).trim() }) } : edit;
    }),
  );

  // for benchmarks and bug reports: what the server holds (a full GC first when node runs with --expose-gc)
  connection.onRequest(
    REQUESTS.stats,
    guard('stats', null, () => {
      (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      // read before the reports, which parse what is pending
      const reparses = [...documents.values()].reduce((n, d) => n + d.parsed.reparses, 0);
      const reports = [...documents.values()].reduce((n, d) => n + d.parsed.reports.length, 0);
      const cpu = process.cpuUsage();
      return { documents: documents.size, reports, reparses, heapUsed: memory.heapUsed, rss: memory.rss, cpu: cpu.user + cpu.system };
    }),
  );

  /** Checks every report file of the workspace, within the budget, publishing what is found in files not open. */
  const checkWorkspace = async (): Promise<WorkspaceChecked> => {
    workspacePublished = true;
    const fresh = new Map<string, Report[]>();
    const read: { path: string; key: string }[] = [];
    const scan = await scanInto(fresh, (file) => read.push({ path: file.path, key: uriKey(file.uri) }));
    workspaceReports = fresh;
    const index = workspaceIndex(workspaceReports);
    const openByKey = new Map([...documents.values()].map((d) => [uriKey(d.uri), d]));
    let stopped = scan.stopped;
    let reports = 0;
    let problems = 0;
    for (const { path, key } of read) {
      if (problems >= BUDGET.problems) {
        stopped = 'problems';
        break;
      }
      const open = openByKey.get(key);
      if (open) {
        reports++;
        problems += open.parsed.diagnostics().length;
        continue;
      }
      const file = await rereadWorkspaceFile(path);
      const result = file && checkWorkspaceFile(file, settings.engine, index);
      if (file && result) {
        reports++;
        problems += result.diagnostics.length;
        const lines = new LineIndex(file.text);
        const positions = { uri: file.uri, version: 0, slice: (span: Span) => file.text.slice(span.start, span.end), range: (span: Span) => lines.range(span.start, span.end) };
        void connection.sendDiagnostics({ uri: file.uri, diagnostics: result.diagnostics.map((d) => toLsp(positions, d)) });
      }
      await yieldToRequests();
    }
    return workspaceChecked(settings.locale, { files: read.length, reports, problems, skipped: scan.skipped.length, stopped });
  };

  connection.listen();
}

if (require.main === module) startServer(createConnection());
