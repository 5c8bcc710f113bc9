// A spreadsheet printed wider than its paper: Calc and Excel print the columns that do not fit on later pages
// ("down, then over"), so those pages hold the right-hand cells of rows whose labels are on an earlier page, at
// the same heights. Read page by page, every row of table 三 is short of values and table 四 splits in two: a
// cascade of `blank-cell` errors on cells that are printed, only elsewhere. Such a file is said to be unreadable
// once, with what to do, rather than read wrong.
import type { Piece } from './pdf-geometry';
import { linesOfPieces } from './pdf-grid';
import type { PageContent } from './pdf-page';

/** a count or an amount (`1.` is a label's numbering, not a number) */
const NUMBER = /^[0-9０-９][0-9０-９,，]*([.．][0-9０-９]+)?$/;
/** how near (points) two baselines on two pages are the same printed row */
const SAME_ROW = 1;
/** rows of numbers alone, each matched by a labelled row of an earlier page, that make a page a sheet's further columns */
const ENOUGH_ROWS = 5;

const isNumber = (p: Piece): boolean => NUMBER.test(p.text.trim());

/** Numbers and nothing else: cells of a row whose label is not on this page. */
const numbersAlone = (line: readonly Piece[]): boolean => line.every(isNumber);

/** A table's row cut at the paper's edge: a label first, a number last. */
const cutRow = (line: readonly Piece[]): boolean => line.length >= 2 && !isNumber(line[0]) && isNumber(line[line.length - 1]);

/**
 * The pages that print further columns of an earlier page's rows: ENOUGH_ROWS lines of numbers alone, each at the
 * height of a row of that page that starts with a label and ends with a number, and most of the page's lines so.
 */
export function columnPages(pages: readonly PageContent[]): { page: number; of: number }[] {
  const rows = pages.map((p) => linesOfPieces(p.pieces));
  const found: { page: number; of: number }[] = [];
  rows.forEach((lines, k) => {
    const alone = lines.filter(numbersAlone);
    if (alone.length < ENOUGH_ROWS || alone.length * 2 < lines.length) return;
    for (let j = 0; j < k; j++) {
      // the height of the row's numbers (a label in another font may sit a little off their baseline)
      const heights = rows[j].filter(cutRow).map((line) => line[line.length - 1].baseline);
      const matched = alone.filter((line) => heights.some((h) => Math.abs(h - line[0].baseline) <= SAME_ROW)).length;
      if (matched >= ENOUGH_ROWS && matched * 5 >= alone.length * 4) {
        found.push({ page: pages[k].number, of: pages[j].number });
        return;
      }
    }
  });
  return found;
}

/** The one message for such a file. */
export function columnPagesMessage(found: readonly { page: number; of: number }[]): string {
  const pages = found.map((f) => f.page).join('、');
  const of = [...new Set(found.map((f) => f.of))].join('、');
  return `第 ${pages} 页是第 ${of} 页表格右侧的列（表格软件按纸宽把表格分页打印），各行的数字不在同一页，无法按行读取：请检查原 Excel 文件，或将其设为“将所有列调整为一页”后重新导出 PDF`;
}
