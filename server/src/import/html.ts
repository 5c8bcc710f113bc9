// HTML pages (a CMS article, a page saved from a browser, Word's "save as web page") to the canonical text.
// parse5 builds the tree a browser builds (unclosed cells, implied tbody, foster-parented text, no deeper than a
// browser's: html-depth.ts); the page is read as it is shown, the report's tables cell by cell on their grid, never
// as one run of text.
import { parse } from 'parse5';
import { decodeHtml } from './decode';
import { articleItems, type PageItem } from './html-article';
import { capTreeDepth } from './html-depth';
import { leanHtml } from './html-lean';
import { attr, cellTextOf, containsTable, Flow, PLACEHOLDER_STYLE, rowCells, tableRows, walkTableAsBlocks, type Element, type FlowSink } from './html-flow';
import { isReportLandmark, isTemplateLabel, TEMPLATE_TABLE_LABELS } from './landmarks';
import { layoutRows, rowBlocks, type LaidField, type PlacedCell } from './table-layout';
import type { Imported } from './types';
import { TextWriter } from './writer';

export function importHtml(bytes: Uint8Array): Imported {
  const decoded = decodeHtml(bytes);
  const writer = new TextWriter();
  if (decoded.note) writer.note(decoded.note);
  writeHtml(decoded.text, writer);
  return writer.result('html');
}

type Item = (PageItem & { readonly kind: 'line'; readonly text: string }) | (PageItem & { readonly kind: 'table'; readonly rows: LaidField<null>[][] });

/** Writes a page's article into `writer` (a Word document's altChunk goes the same way, into the document's text). */
export function writeHtml(html: string, writer: TextWriter): void {
  const document = parse(leanHtml(html));
  capTreeDepth(document);
  const root = document.childNodes.find((n): n is Element => n.nodeName === 'html');
  const body = root?.childNodes.find((n): n is Element => n.nodeName === 'body');
  if (!body) return;
  const items: Item[] = [];
  const sink: FlowSink = {
    line: (text, linkShare, owner) => items.push({ kind: 'line', text, owner, linkShare, landmark: isReportLandmark(text) && linkShare < 0.5 }),
    table: (table, flow) => {
      // a table right after one of the report's, nothing shown between them, is the rest of it split off
      const last = items[items.length - 1];
      const continues = last?.kind === 'table' && last.landmark;
      const read = readTable(table, continues);
      if (!read) return walkTableAsBlocks(table, flow);
      const caption = table.childNodes.find((c): c is Element => c.nodeName === 'caption');
      if (caption) flow.children(caption);
      flow.break();
      items.push({ kind: 'table', owner: table, rows: read.rows, landmark: read.template || continues, linkShare: 0 });
    },
  };
  const flow = new Flow(sink, body);
  flow.children(body);
  flow.break();
  for (const item of articleItems(items)) {
    if (item.kind === 'line') writer.prose(item.text);
    else writer.table(item.rows);
  }
}

/**
 * A table's rows on its grid, or null when it is only layout: it holds another table, or is not a grid at all and
 * does not continue one of the report's (table 四's row of values split off its header rows is one row of cells).
 */
function readTable(table: Element, continues: boolean): { rows: LaidField<null>[][]; template: boolean } | null {
  const rows = tableRows(table).map(rowCells);
  const texts = new Map<Element, string>();
  const textOf = (cell: Element): string => texts.get(cell) ?? texts.set(cell, cellTextOf(cell)).get(cell)!;
  // a cell holding a table is layout, whatever its text: its text is not read unless the table holds data
  const template = atLeast(TEMPLATE_TABLE_LABELS, rows, (c) => !containsTable(c) && isTemplateLabel(textOf(c)));
  const grid = rows.length >= 2 && rows.some((cells) => cells.length >= 2);
  if (!template && (containsTable(table) || !(grid || continues))) return null;
  return { rows: layoutRows(rows.length, withoutTrailingPadding(placeCells(rows, textOf))), template };
}

/**
 * A spreadsheet saved as a web page (LibreOffice Calc, Excel) is one table as wide as the sheet's widest row:
 * table 三's rows come with table 四's five more columns, all empty, and a row whose 总计 is blank then ends in six
 * empty cells, which of them the blank is nobody can tell. Empty cells past every text of their block of rows
 * (rows with text one after another: the report's table with its header) are the sheet's, not the table's, and
 * are left out. A block of one row keeps its cells: it is a table of its own (table 四's row of values split off
 * its header), whose empty cells are its blanks.
 */
function withoutTrailingPadding(cells: PlacedCell<null>[]): PlacedCell<null>[] {
  const blockOf = rowBlocks(cells);
  return cells.filter((c) => {
    const block = c.text ? undefined : blockOf(c.row);
    return !block || block.top === block.bottom || c.col <= block.right;
  });
}

/** Whether at least `enough` cells of the rows are `wanted`, looking no further than that. */
function atLeast(enough: number, rows: readonly Element[][], wanted: (cell: Element) => boolean): boolean {
  let found = 0;
  for (const cells of rows) for (const cell of cells) if (wanted(cell) && ++found >= enough) return true;
  return false;
}

/** The HTML table model: each cell takes the next grid column no cell from a row above still spans. */
function placeCells(rows: readonly Element[][], textOf: (cell: Element) => string): PlacedCell<null>[] {
  const taken = new Set<number>();
  const key = (r: number, c: number): number => r * MAX_COLUMNS + c;
  const placed: PlacedCell<null>[] = [];
  rows.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (taken.has(key(r, col))) col++;
      const colSpan = span(attr(cell, 'colspan'), MAX_SPAN);
      const rowSpan = span(attr(cell, 'rowspan'), rows.length - r, true);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(key(r + dr, col + dc));
      placed.push({ row: r, col, rowSpan, colSpan, text: textOf(cell), void: isPlaceholder(cell), source: null });
      col += colSpan;
    }
  });
  return placed;
}

const MAX_COLUMNS = 1 << 14;
const MAX_SPAN = 1000;

/** A span attribute as browsers read it: a positive integer, capped; rowspan 0 reaches the table's last row. */
function span(value: string | undefined, cap: number, zeroMeansAll = false): number {
  const n = value === undefined ? 1 : parseInt(value, 10);
  if (zeroMeansAll && n === 0) return cap;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, cap) : 1;
}

const isPlaceholder = (cell: Element): boolean => PLACEHOLDER_STYLE.test(attr(cell, 'style') ?? '');
