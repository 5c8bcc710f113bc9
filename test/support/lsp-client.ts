// A real LSP client for tests: spawns dist/server.js --stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from './helpers';

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
  data?: unknown;
  relatedInformation?: unknown[];
}
export interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}
export interface LspTextEdit {
  range: LspDiagnostic['range'];
  newText: string;
}

export interface StartOptions {
  rootPath?: string;
  locale?: string;
  /** what the server gets for workspace/configuration 'xxgk' */
  settings?: unknown;
  debounceMs?: number;
  /** options for the server's node, e.g. --cpu-prof when profiling */
  nodeArgs?: string[];
  /** keep only the latest publication per document (benchmarks: thousands of large publications) */
  latestOnly?: boolean;
  /**
   * declare versioned workspace edits (documentChanges), and take them as an editor does: only for the version
   * of the document the client has now
   */
  versionedEdits?: boolean;
}

export const fileUri = (path: string): string => pathToFileURL(path).href;

/**
 * A publication of the whole document: a large one is first published for its first reports, which its first line
 * says (in Chinese or English).
 */
export const wholePublication = (p: Published): boolean => !/^(正在检查|Checking the rest)/.test(p.diagnostics[0]?.message ?? '');

export class LspClient {
  readonly published: Published[] = [];
  readonly appliedEdits: unknown[] = [];
  /** the version of each document as this client last sent it */
  readonly versions = new Map<string, number>();
  readonly messages: string[] = [];
  /** what the server said of open text documents (xxgk/documentKind), in order */
  readonly documentKinds: { uri: string; isReport: boolean }[] = [];
  settings: unknown;
  private waiters: (() => void)[] = [];
  private stderr = '';

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    client.settings = options.settings ?? {};
    child.stderr!.on('data', (d) => (client.stderr += d));
    connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      const previous = options.latestOnly ? client.published.findIndex((q) => q.uri === p.uri) : -1;
      if (previous >= 0) client.published.splice(previous, 1);
      client.published.push(p);
      client.wake();
    });
    connection.onNotification('window/showMessage', (p: { message: string }) => client.messages.push(p.message));
    connection.onNotification('xxgk/documentKind', (p: { uri: string; isReport: boolean }) => client.documentKinds.push(p));
    connection.onNotification('window/logMessage', (p: { message: string; type: number }) => {
      if (p.type === 1) client.messages.push(p.message);
    });
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => client.settings));
    connection.onRequest('workspace/applyEdit', (p: { edit: { documentChanges?: { textDocument: { uri: string; version: number } }[] } }) => {
      const stale = (p.edit.documentChanges ?? []).find((c) => client.versions.get(c.textDocument.uri) !== c.textDocument.version);
      if (stale) return { applied: false, failureReason: `version ${stale.textDocument.version} is not the document's` };
      client.appliedEdits.push(p.edit);
      return { applied: true };
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      client.messages.push(p.message);
      return null;
    });
    connection.listen();
    const root = options.rootPath ? fileUri(options.rootPath) : null;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: root ? [{ uri: root, name: 'ws' }] : null,
      locale: options.locale ?? 'zh-cn',
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: !!options.versionedEdits } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: { debounceMs: options.debounceMs ?? 0 },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((w) => w());
  }

  /** The latest diagnostics published for `uri` that satisfy `accept`. */
  async diagnostics(uri: string, accept: (p: Published) => boolean = () => true, timeoutMs = 20000): Promise<Published> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const latest = [...this.published].reverse().find((p) => p.uri === uri);
      if (latest && accept(latest)) return latest;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri}; latest: ${JSON.stringify(latest)?.slice(0, 500)}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  open(uri: string, text: string, version = 1, languageId = 'xxgk-report'): Promise<void> {
    this.versions.set(uri, version);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: ({ range: LspTextEdit['range']; text: string } | { text: string })[]): Promise<void> {
    this.versions.set(uri, version);
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    if (this.process.exitCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 3000);
        this.process.once('exit', () => {
          clearTimeout(timer);
          resolve(null);
        });
      });
    }
    this.connection.dispose();
    this.process.kill();
  }

  get errorOutput(): string {
    return this.stderr;
  }
}

/** Applies LSP edits to text (edits must not overlap), as an editor does. */
export function applyLspEdits(text: string, edits: readonly LspTextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  const offset = (p: LspTextEdit['range']['start']): number => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
