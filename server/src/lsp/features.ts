// Hover, outline, folding, inlay hints, formatting, the preview and its table view: engine answers translated
// into LSP shapes.
import {
  FoldingRangeKind,
  InlayHintKind,
  SymbolKind,
  type CodeLens,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import {
  cellEdit,
  explainAt,
  formatDocument,
  message,
  outline,
  reportHtml,
  totalHints,
  type Locale,
  type MessageKey,
  type OutlineNode,
  type ReportEntry,
  type TableCell,
  type TableId,
} from '../engine';
import { sourceLine } from '../import';
import { CLIENT_COMMANDS } from '../protocol';
import type { OpenDocument } from './open-document';

/** What a cell is and the rules it is in; in an imported document, also where in the published file it came from. */
export function hover(doc: OpenDocument, offset: number, locale: Locale): Hover | null {
  const at = doc.reportAt(offset);
  if (!at) return null;
  const explained = explainAt(at.entry.report, at.local, locale);
  if (!explained) return null;
  const span = doc.currentSpan(at.entry, explained.span);
  const origin = doc.origins?.at(span);
  const lines = origin ? [...explained.lines, sourceLine(locale, origin)] : explained.lines;
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: doc.range(span) };
}

const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = { report: SymbolKind.File, section: SymbolKind.Namespace, table: SymbolKind.Struct };

function toSymbol(doc: OpenDocument, entry: ReportEntry, node: OutlineNode): DocumentSymbol {
  const range = doc.range(doc.currentSpan(entry, node.span));
  const selection = doc.range(doc.currentSpan(entry, node.selection));
  return {
    name: node.name || '—',
    detail: node.detail,
    kind: SYMBOL_KIND[node.kind],
    range,
    // the selection must lie inside the range
    selectionRange: node.selection.start >= node.span.start && node.selection.end <= node.span.end ? selection : range,
    children: node.children.map((c) => toSymbol(doc, entry, c)),
  };
}

export function symbols(doc: OpenDocument, locale: Locale): DocumentSymbol[] {
  return doc.parsed.reports.map((entry) => toSymbol(doc, entry, outline(entry.report, locale)));
}

export function foldingRanges(doc: OpenDocument, locale: Locale): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (entry: ReportEntry, node: OutlineNode): void => {
    const range = doc.range(doc.currentSpan(entry, node.span));
    if (range.end.line > range.start.line) out.push({ startLine: range.start.line, endLine: range.end.line, kind: FoldingRangeKind.Region });
    node.children.forEach((c) => visit(entry, c));
  };
  for (const entry of doc.parsed.reports) visit(entry, outline(entry.report, locale));
  return out;
}

export function inlayHints(doc: OpenDocument, range: Range, all: boolean, locale: Locale): InlayHint[] {
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const entry of doc.parsed.reports) {
    const span = doc.currentSpan(entry, entry.report.span);
    if (span.end < from || span.start > to) continue;
    for (const hint of totalHints(entry.report, all)) {
      const offset = hint.offset + entry.delta;
      if (offset < from || offset > to) continue;
      hints.push({
        position: doc.range({ start: offset, end: offset }).start,
        label: `= ${hint.value}`,
        kind: InlayHintKind.Parameter,
        paddingLeft: true,
        tooltip: locale === 'en' ? 'sum computed from the table' : '按表内数字计算的合计',
      });
    }
  }
  return hints;
}

export interface FormatReply {
  readonly edits: TextEdit[];
  /** what the user is told: why nothing changed, or which rows could not be aligned */
  readonly notice: { readonly warning: boolean; readonly message: string } | null;
}

const DEFAULT_TAB_SIZE = 4;

/** Formatting is asked for rarely and must see exact offsets: it reads the current text afresh. */
export function formatting(doc: OpenDocument, tabSize: number, locale: Locale): FormatReply {
  const size = Number.isInteger(tabSize) && tabSize >= 1 && tabSize <= 32 ? tabSize : DEFAULT_TAB_SIZE;
  const result = formatDocument(doc.text, size);
  const table = (id: string): string => message(locale, 'table', { id });
  if (result.unreadable) return { edits: [], notice: { warning: true, message: message(locale, 'format.unreadable', { table: table(result.unreadable) }) } };
  const edits = result.edits.map((e) => ({ range: doc.range(e.span), newText: e.newText }));
  if (!result.leftAsWritten.length) return { edits, notice: null };
  const rows = result.leftAsWritten.map((l) => message(locale, 'format.rows', { table: table(l.table), rows: l.rows })).join(locale === 'en' ? ', ' : '、');
  return { edits, notice: { warning: false, message: message(locale, 'format.left-as-written', { rows }) } };
}

/** A compilation of thousands of reports is previewed in part: the first ones, with a note of how many. */
const MAX_PREVIEW_REPORTS = 50;

/** The key of a cell in the preview: its report (by position in the document), table, row and column. */
const cellKeyOf = (report: number, table: TableId, row: string, col: number): string => `${report}:${table}:${row}:${col}`;

function parseCellKey(key: string): (TableCell & { report: number }) | null {
  const m = /^(\d+):([二三四]):([^:]+):(\d+)$/.exec(key);
  return m ? { report: Number(m[1]), table: m[2] as TableId, row: m[3], col: Number(m[4]) } : null;
}

export function previewHtml(doc: OpenDocument, locale: Locale): { html: string; reports: number; shown: number } {
  const entries = doc.parsed.reports.slice(0, MAX_PREVIEW_REPORTS);
  const html = entries
    .map((entry, report) =>
      reportHtml(entry.report, [...entry.findings, ...entry.carryover], {
        locale,
        slice: (span) => doc.slice(doc.currentSpan(entry, span)),
        lineOf: (offset) => doc.range({ start: offset + entry.delta, end: offset + entry.delta }).start.line,
        cellKey: (table, row, col) => cellKeyOf(report, table, row, col),
      }),
    )
    .join('');
  return { html, reports: doc.parsed.reports.length, shown: entries.length };
}

/**
 * The edit a cell typed in the table view makes: exactly that cell's span in the document at `version`, or why
 * it is refused (the preview was drawn from another version, the cell is gone, the text would not read as it).
 */
export function tableCellEdit(doc: OpenDocument, version: number, key: string, text: string): { range: Range; newText: string } | { refused: MessageKey } {
  if (version !== doc.version) return { refused: 'cell-edit.stale' };
  const at = parseCellKey(key);
  const entry = at && doc.parsed.reports[at.report];
  if (!at || !entry) return { refused: 'cell-edit.no-cell' };
  const report = doc.currentSpan(entry, entry.report.span);
  const edit = cellEdit(doc.slice(report), at, text);
  if ('refused' in edit) return edit;
  return { range: doc.range({ start: report.start + edit.span.start, end: report.start + edit.span.end }), newText: edit.newText };
}

/** A 表格视图 lens on the first line of each table with text, opening the preview there. */
export function tableLenses(doc: OpenDocument, locale: Locale): CodeLens[] {
  return doc.parsed.reports.flatMap((entry, report) =>
    Object.values(entry.report.tables).map((table): CodeLens => {
      const span = doc.currentSpan(entry, table.span);
      const at = span.start + Math.max(0, doc.slice(span).search(/\S/));
      const position = doc.range({ start: at, end: at }).start;
      return {
        range: { start: position, end: position },
        command: { title: message(locale, 'lens.table-view'), command: CLIENT_COMMANDS.openTableView, arguments: [doc.uri, report, table.id] },
      };
    }),
  );
}
