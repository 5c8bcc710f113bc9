// Pages to the rows of the imported text: ruled tables row by row (a merged cell once, in its first row),
// the rest of the page as lines and borderless table rows, top to bottom; running headers and footers left out.
import { boxOf, joinLines, unionBox, type Box } from './pdf-geometry';
import { cellBox, cellText, gridsOf, lineText, linesOfPieces, type Grid, type GridCell } from './pdf-grid';
import { flowRows, type Field } from './pdf-flow';
import type { PageContent } from './pdf-page';
import { runningLines } from './pdf-running';
import { isTemplateLabel } from './landmarks';

export interface PageRow {
  /** 1-based */
  readonly page: number;
  readonly fields: readonly Field[];
  readonly box: Box;
  /** a row of a ruled table */
  readonly ruled: boolean;
  /** a paragraph made of several printed lines: each printed line's part of it */
  readonly parts?: readonly Field[];
}

const NUMBER = /^[0-9０-９][0-9０-９,，.．]*$/;

/**
 * The rows of a ruled table. An empty cell at the start of a row, in columns that hold no number anywhere in
 * the table, before the row's own label, is the rest of a label cell the page break cut (Chromium, Word and
 * LibreOffice draw it again, empty, on the next page): it is left out, where an empty cell among values stays an
 * empty field. Empty cells before a number are blank values, not a label's: table 四's row with its 行政复议 block
 * blank keeps those five cells.
 */
function gridRows(grid: Grid, page: number, carried: Carried): PageRow[] {
  const texts = new Map(grid.cells.map((c) => [c, carried.texts.get(c) ?? cellText(c, grid.padding)]));
  const valueColumns = new Set(grid.cells.filter((c) => NUMBER.test(texts.get(c)!)).flatMap((c) => Array.from({ length: c.colSpan }, (_, k) => c.col + k)));
  const labelOnly = (c: GridCell): boolean => Array.from({ length: c.colSpan }, (_, k) => c.col + k).every((col) => !valueColumns.has(col));
  const rows: PageRow[] = [];
  for (let r = carried.onwards.has(grid) ? 1 : 0; r < grid.rowCount; r++) {
    const cells = grid.cells.filter((c) => c.row === r);
    const first = cells.findIndex((c) => texts.get(c) !== '');
    const restOfLabel = first > 0 && !NUMBER.test(texts.get(cells[first])!) && cells.slice(0, first).every(labelOnly);
    const kept = restOfLabel ? cells.slice(first) : cells;
    if (kept.length === 0) continue;
    const fields = kept.map((c) => ({ text: texts.get(c)!, box: cellBox(c) }));
    rows.push({ page, fields, box: kept.map((c) => c.rect).reduce(unionBox), ruled: true });
  }
  return rows;
}

const sameColumns = (a: Grid, b: Grid): boolean => Math.abs(a.rect[0] - b.rect[0]) <= 2 && Math.abs(a.rect[2] - b.rect[2]) <= 2;

/** Cells whose text runs on across a page break: what each is to read, and the tables whose first row went back to the page before. */
interface Carried {
  readonly texts: Map<GridCell, string>;
  readonly onwards: Set<Grid>;
}

/**
 * A row the page break cuts in two: the last row of a page's lowest table and the first row of the next page's
 * top table, both open where the page cuts them, are one row of one table (a label wrapped over the break, its
 * last line on the next page). Each piece on the next page joins the cell above it; the row is read once, where
 * it starts, and its cells point there. Tables whose columns differ, or a piece with no cell above it, are not
 * joined. LibreOffice and Word close a cut row with a rule on both pages: there the two are one row only when the
 * next page's has no number and its pieces finish labels of the template the pieces above leave unfinished
 * (`6.属于四` over the break `类过程性信息`); a row of its own there (a row left blank, its label whole) is not joined.
 */
function carryCutRows(pages: readonly (readonly Grid[])[]): Carried {
  const carried: Carried = { texts: new Map(), onwards: new Set() };
  for (let p = 0; p + 1 < pages.length; p++) {
    const upper = pages[p].reduce<Grid | undefined>((low, g) => (!low || g.rect[1] < low.rect[1] ? g : low), undefined);
    const lower = pages[p + 1].reduce<Grid | undefined>((high, g) => (!high || g.rect[3] > high.rect[3] ? g : high), undefined);
    if (!upper || !lower || !sameColumns(upper, lower)) continue;
    const last = upper.rowCount - 1;
    const above = upper.cells.filter((c) => c.row <= last && last < c.row + c.rowSpan);
    const pairs = lower.cells
      .filter((c) => c.row === 0 && c.pieces.length > 0)
      .map((c) => {
        const x = (c.rect[0] + c.rect[2]) / 2;
        return [c, above.find((a) => a.rect[0] <= x && x <= a.rect[2])] as const;
      });
    if (pairs.length === 0 || pairs.some(([, a]) => !a)) continue;
    const joined = pairs.map(([c, a]) => ({ c, a: a!, above: carried.texts.get(a!) ?? cellText(a!, upper.padding), below: cellText(c, lower.padding) }));
    if (!(upper.cutBottom && lower.cutTop) && !finishesLabels(joined)) continue;
    for (const { c, a, above, below } of joined) {
      carried.texts.set(a, joinLines(above, below));
      carried.texts.set(c, '');
    }
    carried.onwards.add(lower);
  }
  return carried;
}

/** Pieces below a closed cut that are the rest of the labels above: no number, no label whole above, one made whole. */
function finishesLabels(joined: readonly { above: string; below: string }[]): boolean {
  return (
    joined.every(({ above, below }) => !NUMBER.test(below) && !isTemplateLabel(above)) &&
    joined.some(({ above, below }) => isTemplateLabel(joinLines(above, below)))
  );
}

interface Block {
  readonly top: number;
  readonly rows: PageRow[];
  /** the ruled table the rows come from */
  readonly grid?: Grid;
}

const rowKey = (row: PageRow): string => row.fields.map((f) => f.text).join('\t');

/**
 * A ruled table that goes on at the top of the next page, with its header rows printed again (a repeated
 * <thead>, Word's "repeat as header row"): the repeated rows are left out, as the table has them already.
 */
function dropRepeatedHeaders(pages: Block[][]): void {
  let head: PageRow[] = [];
  let last: Grid | undefined;
  for (const blocks of pages) {
    const first = blocks[0];
    if (first?.grid && last && sameColumns(first.grid, last)) {
      let k = 0;
      while (k < head.length && k < first.rows.length - 1 && rowKey(first.rows[k]) === rowKey(head[k])) k++;
      first.rows.splice(0, k);
    } else if (first?.grid) head = first.rows.slice();
    for (const block of blocks.slice(1)) if (block.grid) head = block.rows.slice();
    const end = blocks[blocks.length - 1];
    last = end?.grid;
  }
}

export function layoutPages(pages: readonly PageContent[]): PageRow[] {
  const split = pages.map((page) => {
    const { grids, outside } = gridsOf(page.segments, page.pieces);
    return { page, grids, printed: linesOfPieces(outside) };
  });
  const carried = carryCutRows(split.map((s) => s.grids));
  const running = runningLines(
    split.map(({ page, printed }) => ({ height: page.height, lines: printed.map((line) => ({ text: lineText(line), box: boxOf(line) })) })),
  );
  const pageBlocks = split.map(({ page, grids, printed }, p) => {
    const kept = printed.filter((_, k) => !running[p].has(k));
    const blocks: Block[] = grids.map((grid) => ({ top: grid.rect[3], rows: gridRows(grid, page.number, carried), grid }));
    // the text between two tables (or before the first, after the last) is laid out apart: a table's value
    // columns are never looked for across another table
    const tops = [...grids.map((g) => g.rect[3]), -Infinity].sort((a, b) => b - a);
    let rest = kept;
    for (const top of tops) {
      const above = rest.filter((line) => line[0].baseline > top);
      rest = rest.filter((line) => line[0].baseline <= top);
      if (above.length) {
        const rows = flowRows(above).map((r) => ({ page: page.number, fields: r.fields, box: r.fields.map((f) => f.box).reduce(unionBox), ruled: false, parts: r.parts }));
        blocks.push({ top: boxOf(above[0])[3], rows });
      }
    }
    return blocks.sort((a, b) => b.top - a.top);
  });
  dropRepeatedHeaders(pageBlocks);
  return pageBlocks.flat().flatMap((b) => b.rows);
}
