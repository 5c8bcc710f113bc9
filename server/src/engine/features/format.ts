// Format Document: the cells of every table row whose cells stand on one line are aligned in columns by display
// width (an ideograph takes two columns), each row keeping its own separator: tab-separated rows keep one tab per
// cell, with spaces before it so that it lands on the column; PDF text stays space-separated, its lines of values
// apart from their labels set under the same columns; markdown rows are padded between their pipes. Only the
// whitespace before and between the cells changes (with the HTML markup the parser reads as blanks there, a crawled
// page's `&nbsp;` or `<br>`: the rows are laid out as read), and the result is given only when the parser reads every cell
// of it back as before.
//
// Rows are padded to their table's longest label, whatever the editor's width (which formatting is not told), and
// reports keep word wrap on: a paragraph of prose is one line of hundreds of characters, which unwrapped would be
// read by scrolling sideways, while padding makes no row much longer than the table's longest row already is (the
// longest label and its cells: 100 to 130 columns in the examples), so a window that shows that row whole shows
// every aligned row whole, and one too narrow for it wrapped that row before formatting too.
import type { TextEdit } from '../diagnostic';
import { applyEdits } from '../fixes/apply';
import type { Cell, Report, Span, Table } from '../model';
import { parseDocument } from '../parse';
import type { TableId } from '../template/types';
import { columnAfter, displayWidth } from '../text/width';
import { differences, readings, type Readings } from './readings';

type Separator = 'tab' | 'pipe' | 'space';

/**
 * How a row's first cell is reached: after a separator (a label, or a wrapped label's last part, comes before
 * it on its line), by spaces alone (a line of values only, as PDF text puts a row's values apart from its label),
 * or not at all (the text before it is left as it is).
 */
type Lead = 'separator' | 'spaces' | 'none';

/** A row whose cells stand on one line, with only whitespace (and its separators) between them and before them. */
interface LineRow {
  /** what is rewritten: from the end of the text before the first cell on its line to the line's end */
  readonly span: Span;
  readonly separator: Separator;
  readonly lead: Lead;
  /** the display column of span.start */
  readonly column: number;
  readonly cells: readonly string[];
  /** a markdown row's closing pipe */
  readonly closed: boolean;
}

export interface FormatResult {
  readonly edits: TextEdit[];
  /** rows that cannot be aligned, by table: their cells are not on their label's line, not all known, or have other text between them */
  readonly leftAsWritten: readonly { readonly table: TableId; readonly rows: number }[];
  /** a table the parser would read differently once aligned; then nothing is changed */
  readonly unreadable: TableId | null;
}

/** columns between the widest entry of a column and the next column */
const MIN_GAP = 2;
const PIPE_SEPARATOR = ' | ';
const BLANKS = /^[ \t\u3000]*$/;
const PIPE_GAP = /^[ \t\u3000]*\|[ \t\u3000]*$/;
const SPACE_GAP = /^[ \u3000]+$/;

function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEndFrom(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The separator the gaps between a row's label and cells are written with, or null when they hold anything else. */
function separatorOf(gaps: readonly string[]): Separator | null {
  if (gaps.some((g) => g.includes('|'))) return gaps.every((g) => PIPE_GAP.test(g)) ? 'pipe' : null;
  if (gaps.some((g) => g.includes('\t'))) return gaps.every((g) => BLANKS.test(g) && g.includes('\t')) ? 'tab' : null;
  return gaps.every((g) => SPACE_GAP.test(g)) ? 'space' : null;
}

const isBlankChar = (c: string): boolean => c === ' ' || c === '\t' || c === '\u3000';

/** Where the rewrite of a row's line starts, and how its first cell is reached (see Lead). */
function leadOf(text: string, labelEnd: number | null, first: number): { from: number; lead: Lead } {
  const lineStart = lineStartBefore(text, first);
  if (labelEnd !== null && labelEnd >= lineStart && labelEnd <= first) return { from: labelEnd, lead: 'separator' };
  let end = first;
  while (end > lineStart && isBlankChar(text[end - 1])) end--;
  // a wrapped label's last part (a markdown row's pipe is no text of its own)
  if (end > lineStart && text[end - 1] !== '|') return { from: end, lead: 'separator' };
  // a leading tab is a field of its own: kept
  if (end === lineStart && !text.slice(lineStart, first).includes('\t')) return { from: lineStart, lead: 'spaces' };
  return { from: first, lead: 'none' };
}

function lineRow(text: string, labelEnd: number | null, cells: readonly Cell[], tabSize: number): LineRow | null {
  const { from, lead } = leadOf(text, labelEnd, cells[0].span.start);
  // one value on a line of its own (one cell per line) has nothing to line up with
  if (lead === 'spaces' && cells.length < 2) return null;
  const lineEnd = lineEndFrom(text, from);
  const gaps: string[] = [];
  let at = from;
  for (const [i, cell] of cells.entries()) {
    if (cell.span.start < at || cell.span.end > lineEnd) return null;
    if (lead === 'separator' || i > 0) gaps.push(text.slice(at, cell.span.start));
    at = cell.span.end;
  }
  const tail = text.slice(at, lineEnd);
  const separator = separatorOf(gaps);
  const texts = cells.map((c) => text.slice(c.span.start, c.span.end).trim());
  if (!separator || !BLANKS.test(tail.replace('|', '')) || texts.some((t) => /\s/.test(t))) return null;
  // a blank with nothing written is an empty field: only tabs and pipes can show one
  if (separator === 'space' && texts.includes('')) return null;
  return {
    span: { start: from, end: lineEnd },
    separator,
    lead,
    column: columnAfter(text, lineStartBefore(text, from), from, 0, tabSize),
    cells: texts,
    closed: separator === 'pipe' && tail.includes('|'),
  };
}

/** The rows of a table with their cells, as (label end, or null for table 四's unlabelled row; cells). */
function rowsOf(table: Table): { labelEnd: number | null; cells: readonly Cell[] | null }[] {
  const unlabelled = !!table.template.unlabelled;
  return [
    ...[...table.rows.values()].map((r) => ({ labelEnd: unlabelled ? null : r.labelSpan.end, cells: r.cells })),
    ...[...table.collapsed, ...table.subtotalRows].map((g) => ({ labelEnd: g.labelSpan.end, cells: g.cells })),
  ];
}

/** Where column text starts after entries that end at `widest` at most. */
function columnAt(widest: number, separator: Separator, tabSize: number): number {
  if (separator === 'pipe') return widest + PIPE_SEPARATOR.length;
  if (separator === 'space') return widest + MIN_GAP;
  // a tab lands on a multiple of the tab size
  return Math.ceil((widest + MIN_GAP) / tabSize) * tabSize;
}

/** The text that takes a row from column `at` to `target`, separator included. */
function padding(at: number, target: number, separator: Separator, tabSize: number): string {
  if (separator === 'pipe') return ' '.repeat(target - PIPE_SEPARATOR.length - at) + PIPE_SEPARATOR;
  if (separator === 'space') return ' '.repeat(target - at);
  // spaces up to the last tab stop before the target, then the tab
  return ' '.repeat(Math.max(0, target - tabSize - at)) + '\t';
}

/** The aligned text of rows written with one separator: column by column, each past the widest entry before it. */
function aligned(rows: readonly LineRow[], separator: Separator, tabSize: number): string[] {
  const out = rows.map(() => '');
  const at = rows.map((r) => r.column);
  const columns = Math.max(...rows.map((r) => r.cells.length));
  for (let col = 0; col < columns; col++) {
    const here = rows.map((_, i) => i).filter((i) => rows[i].cells.length > col);
    const separated = here.filter((i) => col > 0 || rows[i].lead === 'separator');
    if (separated.length) {
      const target = columnAt(Math.max(...separated.map((i) => at[i])), separator, tabSize);
      for (const i of separated) {
        out[i] += padding(at[i], target, separator, tabSize);
        at[i] = target;
      }
      // lines of values only start under the first column
      for (const i of col === 0 ? here.filter((k) => rows[k].lead === 'spaces') : []) {
        out[i] += ' '.repeat(target - at[i]);
        at[i] = target;
      }
    }
    for (const i of here) {
      out[i] += rows[i].cells[col];
      at[i] += displayWidth(rows[i].cells[col]);
    }
  }
  // closing pipes line up among rows of as many cells
  for (const [i, row] of rows.entries()) {
    if (!row.closed) continue;
    const widest = Math.max(...rows.map((r, k) => (r.closed && r.cells.length === row.cells.length ? at[k] : 0)));
    out[i] += ' '.repeat(widest - at[i]) + ' |';
  }
  return out;
}

/** The edits aligning a table, as `read` (the text masked) lays it out, of the text as `written`. */
function tableEdits(read: string, written: string, table: Table, tabSize: number): { edits: TextEdit[]; left: number } {
  const rows = rowsOf(table);
  const lineRows = rows.flatMap((r) => (r.cells?.length ? [lineRow(read, r.labelEnd, r.cells, tabSize)] : [null])).filter((r) => r !== null);
  const edits: TextEdit[] = [];
  for (const separator of ['tab', 'pipe', 'space'] as const) {
    const group = lineRows.filter((r) => r.separator === separator);
    if (!group.length) continue;
    aligned(group, separator, tabSize).forEach((newText, i) => {
      const span = group[i].span;
      if (written.slice(span.start, span.end) !== newText) edits.push({ span, newText });
    });
  }
  return { edits, left: rows.length - lineRows.length };
}

/** The first table the reports of `after` read differently than those of `before`, report by report. */
function unreadableTable(before: readonly Report[], after: readonly Report[]): TableId | null {
  const read = (report: Report | undefined): Readings => (report ? readings(report) : new Map());
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const changed = differences(read(before[i]), read(after[i]));
    if (changed.length) return changed[0].split(':')[0] as TableId;
  }
  return null;
}

/** Format Document: the edits that align every table of the text, for an editor showing tabs `tabSize` wide. */
export function formatDocument(text: string, tabSize: number): FormatResult {
  const { text: read, reports } = parseDocument(text);
  const edits: TextEdit[] = [];
  const left = new Map<TableId, number>();
  for (const report of reports) {
    for (const table of Object.values(report.tables)) {
      const result = tableEdits(read, text, table, tabSize);
      edits.push(...result.edits);
      if (result.left) left.set(table.id, (left.get(table.id) ?? 0) + result.left);
    }
  }
  const leftAsWritten = [...left].map(([table, rows]) => ({ table, rows }));
  if (!edits.length) return { edits, leftAsWritten, unreadable: null };
  const unreadable = unreadableTable(reports, parseDocument(applyEdits(text, edits).text).reports);
  return { edits: unreadable ? [] : edits, leftAsWritten, unreadable };
}
