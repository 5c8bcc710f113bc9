// "Open Preview to the Side" and the 表格视图 CodeLens: the report's tables drawn as the official form, from the
// model the server holds (request xxgk/preview), wrong cells marked, live as the user types; a click reveals the
// line. The number cells are the place to fill the tables in: a double click, Enter, F2 or a typed character edits
// one, Tab and Enter write it and move on as in a spreadsheet, Esc cancels. Each write is one normal, undoable edit
// of that cell's text, computed by the server (xxgk/cellEdit) like a quick fix and applied here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REQUESTS, type CellEditReply, type PreviewReply } from '../../server/src/protocol';

const UPDATE_DELAY_MS = 250;

/** What the preview's script posts. */
export type PreviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; line: number }
  /** `text` typed into the cell keyed `cell` (its data-cell) of the preview drawn from document version `version` */
  | { type: 'edit'; version: number; cell: string; text: string };

/** A table to scroll to: its report's position in the document, and its id. */
export interface TableTarget {
  report: number;
  table: string;
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

// The page's script: it draws what the extension sends, keeps an edit in progress across redraws (cells are
// found again by their key), and posts reveals and edits. Plain JavaScript, run in the webview.
const SCRIPT = `
const vscode = acquireVsCodeApi();
const root = document.getElementById('root');
const reportStyle = document.getElementById('report-style');
let version = -1;
/** the cell being edited: { td, input, original } */
let editing = null;
let revealTimer;

const cellByKey = (key) => root.querySelector('td[data-cell="' + CSS.escape(key) + '"]');
const focusedCell = () => document.activeElement && document.activeElement.closest ? document.activeElement.closest('td[data-cell]') : null;
const columnOf = (td) => td.dataset.cell.split(':')[3];

/** The cell to move to from td: right and left through the table, up and down its column. */
function neighbour(td, move) {
  const cells = [...td.closest('.table').querySelectorAll('td[data-cell]')];
  const line = move === 'right' || move === 'left' ? cells : cells.filter((c) => columnOf(c) === columnOf(td));
  return line[line.indexOf(td) + (move === 'right' || move === 'down' ? 1 : -1)] || null;
}

function beginEdit(td, value, selection) {
  if (editing) commit(null);
  const input = document.createElement('input');
  input.className = 'cell-input';
  input.value = value;
  editing = { td, input, original: td.textContent };
  td.textContent = '';
  td.classList.add('editing');
  td.appendChild(input);
  input.focus();
  input.setSelectionRange(selection[0], selection[1]);
  input.addEventListener('keydown', (event) => {
    const moves = { Enter: event.shiftKey ? 'up' : 'down', Tab: event.shiftKey ? 'left' : 'right' };
    if (event.key in moves) {
      event.preventDefault();
      commit(moves[event.key]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      endEdit(editing.original).focus();
    }
  });
  // leaving the cell writes it; a redraw or a commit removes the input after clearing 'editing'
  input.addEventListener('blur', () => {
    if (editing && editing.input === input) commit(null);
  });
}

/** Ends the edit, the cell showing 'shown'; returns the cell. */
function endEdit(shown) {
  const { td, input } = editing;
  editing = null;
  input.remove();
  td.classList.remove('editing');
  td.textContent = shown;
  return td;
}

function commit(move) {
  const text = editing.input.value.trim();
  const changed = text !== '' && text !== editing.original;
  const td = endEdit(changed ? text : editing.original);
  if (changed) {
    td.classList.add('pending');
    vscode.postMessage({ type: 'edit', version, cell: td.dataset.cell, text });
  }
  const next = move && neighbour(td, move);
  if (next) beginEdit(next, next.textContent, [0, next.textContent.length]);
  else if (move) td.focus();
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (data.type !== 'update') return;
  // the report's style comes with it from the server, which draws the report
  if (reportStyle.textContent !== data.css) reportStyle.textContent = data.css;
  const edit = editing && { key: editing.td.dataset.cell, value: editing.input.value, selection: [editing.input.selectionStart, editing.input.selectionEnd] };
  const focused = focusedCell();
  const focusedKey = focused && focused.dataset.cell;
  editing = null;
  root.innerHTML = data.html;
  version = data.version;
  const again = edit && cellByKey(edit.key);
  if (again) beginEdit(again, edit.value, edit.selection);
  else if (focusedKey && cellByKey(focusedKey)) cellByKey(focusedKey).focus();
  if (data.target) {
    const report = root.querySelectorAll('section.report')[data.target.report];
    const table = report && report.querySelector('[data-table="' + data.target.table + '"]');
    if (table) {
      table.scrollIntoView({ block: 'start' });
      const first = table.querySelector('td[data-cell]');
      if (first) first.focus({ preventScroll: true });
    }
  }
});

const reveal = (target) => vscode.postMessage({ type: 'reveal', line: Number(target.dataset.line) });
document.addEventListener('click', (event) => {
  const target = event.target.closest('[data-line]');
  if (!target || event.target.closest('input')) return;
  clearTimeout(revealTimer);
  if (!target.matches('td[data-cell]')) return reveal(target);
  // revealing the line takes the focus to the editor: it waits to see whether this is a double click
  target.focus();
  revealTimer = setTimeout(() => reveal(target), 300);
});
document.addEventListener('dblclick', (event) => {
  const td = event.target.closest('td[data-cell]');
  if (!td || editing) return;
  clearTimeout(revealTimer);
  beginEdit(td, td.textContent, [0, td.textContent.length]);
});
document.addEventListener('keydown', (event) => {
  const td = !editing && focusedCell();
  if (!td) return;
  const arrows = { ArrowRight: 'right', ArrowLeft: 'left', ArrowDown: 'down', ArrowUp: 'up' };
  if (event.key === 'Enter' || event.key === 'F2') beginEdit(td, td.textContent, [0, td.textContent.length]);
  else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) beginEdit(td, event.key, [1, 1]);
  else if (event.key in arrows) {
    const next = neighbour(td, arrows[event.key]);
    if (next) next.focus();
  } else return;
  event.preventDefault();
});
vscode.postMessage({ type: 'ready' });
`;

function page(title: string): string {
  const n = nonce();
  // strict: nothing remote, no inline handlers; only this page's own style and script
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';">
<title>${title}</title><style nonce="${n}" id="report-style"></style><style nonce="${n}">
.note { opacity: .7; font-style: italic; }
body.vscode-high-contrast td.cell.error { outline-width: 3px; }
td[data-cell] { cursor: text; }
td[data-cell]:focus { outline: 2px solid var(--vscode-focusBorder, #0078d4); outline-offset: -2px; }
td.editing { padding: 0; }
input.cell-input { box-sizing: border-box; width: 100%; min-width: 3.5em; font: inherit; text-align: right; padding: .2em .5em; border: 1px solid var(--vscode-focusBorder, #0078d4); color: var(--vscode-input-foreground, inherit); background: var(--vscode-input-background, transparent); outline: none; }
td.pending { opacity: .6; }
</style></head><body><div id="root"></div>
<script nonce="${n}">${SCRIPT}</script></body></html>`;
}

/** A change of the document that is exactly the edit a preview is writing. */
interface PendingWrite {
  range: vscode.Range;
  text: string;
}

/** One document's preview: its panel, kept up to date, and the edits its table view writes. */
export class Preview {
  private timer: NodeJS.Timeout | undefined;
  private ready = false;
  private target: TableTarget | undefined;
  /** the last version of the document made by other hands than this preview's: an edit drawn before it is stale */
  private foreignVersion: number;
  private writing: PendingWrite | undefined;
  /** edits are written one after the other, in the order they were typed */
  private edits: Promise<void> = Promise.resolve();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly client: LanguageClient,
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
  ) {
    this.foreignVersion = document.version;
    panel.webview.html = page('xxgk preview');
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== document) return;
        if (!this.isOwn(e.contentChanges)) this.foreignVersion = document.version;
        this.schedule();
      }),
      panel.webview.onDidReceiveMessage((message: PreviewMessage) => this.receive(message)),
      // a hidden page is discarded; shown again, it is loaded afresh and says when it is ready
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    ];
    panel.onDidDispose(() => {
      clearTimeout(this.timer);
      this.subscriptions.forEach((s) => s.dispose());
    });
  }

  /** Brings the panel up; with a target, scrolled there and focused, so that its cells can be typed into. */
  show(target?: TableTarget): void {
    this.target = target;
    this.panel.reveal(undefined, !target);
    if (this.ready) void this.update();
  }

  /** A message from the page's script (also how the extension-host tests drive the table view). */
  receive(message: PreviewMessage): Promise<void> {
    if (message.type === 'ready') {
      this.ready = true;
      return this.update();
    }
    if (message.type === 'reveal') return this.revealLine(message.line);
    const written = this.edits.then(() => this.edit(message));
    this.edits = written.catch(() => undefined);
    return written;
  }

  private isOwn(changes: readonly vscode.TextDocumentContentChangeEvent[]): boolean {
    const own = this.writing;
    return !!own && changes.length === 1 && changes[0].range.isEqual(own.range) && changes[0].text === own.text;
  }

  private async edit(message: Extract<PreviewMessage, { type: 'edit' }>, retried = false): Promise<void> {
    // the changes since the page was drawn, if any, are this preview's own edits of other cells: the page still
    // shows the text, at the current version; otherwise the server refuses the page's version as stale
    const version = message.version >= this.foreignVersion ? this.document.version : message.version;
    const reply = await this.client.sendRequest<CellEditReply | null>(REQUESTS.cellEdit, { uri: this.document.uri.toString(), version, cell: message.cell, text: message.text });
    if (!reply) return this.update();
    if ('refused' in reply) {
      void vscode.window.showWarningMessage(reply.refused);
      return this.update();
    }
    const range = this.client.protocol2CodeConverter.asRange(reply.range);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(this.document.uri, range, reply.newText);
    // applied only to the version the server computed it for (VS Code checks the version the edit is sent with)
    let applied = false;
    if (this.document.version === version) {
      this.writing = { range, text: reply.newText };
      try {
        applied = await vscode.workspace.applyEdit(edit);
      } finally {
        this.writing = undefined;
      }
    }
    // the text changed meanwhile: asked again, the server says why it is not written
    if (!applied && !retried) return this.edit(message, true);
    if (!applied) return this.update();
  }

  private async revealLine(line: number): Promise<void> {
    const target = vscode.window.visibleTextEditors.find((e) => e.document === this.document) ?? (await vscode.window.showTextDocument(this.document, vscode.ViewColumn.One));
    const position = new vscode.Position(line, 0);
    target.selection = new vscode.Selection(position, position);
    target.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await vscode.window.showTextDocument(target.document, target.viewColumn);
  }

  private async update(): Promise<void> {
    const reply = await this.client.sendRequest<PreviewReply | null>(REQUESTS.preview, { uri: this.document.uri.toString() });
    if (!reply) return;
    const note = reply.shown < reply.reports ? `<p class="note">${vscode.l10n.t('Showing the first {0} of {1} reports.', reply.shown, reply.reports)}</p>` : '';
    const target = this.target;
    this.target = undefined;
    await this.panel.webview.postMessage({ type: 'update', html: note + reply.html, css: reply.css, version: reply.version, target });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }
}

/** The open previews, one per document. */
const previews = new Map<string, Preview>();

export const previewOf = (uri: vscode.Uri): Preview | undefined => previews.get(uri.toString());

/** The document's preview beside it (opened, or the one already open), scrolled to `target` when given. */
export function openPreview(context: vscode.ExtensionContext, client: LanguageClient, document: vscode.TextDocument, target?: TableTarget): Preview {
  const key = document.uri.toString();
  let preview = previews.get(key);
  if (!preview) {
    const panel = vscode.window.createWebviewPanel(
      'xxgk.preview',
      vscode.l10n.t('Preview {0}', document.fileName.split(/[\\/]/).pop() ?? ''),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: !target },
      { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false },
    );
    const opened = new Preview(client, document, panel);
    panel.onDidDispose(() => previews.delete(key));
    previews.set(key, opened);
    context.subscriptions.push(panel);
    preview = opened;
  }
  preview.show(target);
  return preview;
}
