// Excel workbooks (.xlsx, the official template filled in) to the canonical text: each visible sheet's rows,
// merged ranges placed on the grid, values as Excel shows them (shared and inline strings, numbers, dates,
// formulas by their cached value). A formula saved without a value is evaluated when it is a plain sum, else
// left blank with a note; a 总计 whose SUM range leaves out an addend is handed back as `formulaRanges`.
import { ImportError } from './failure';
import { evaluateSum, formatAddress, inRange, parseAddress, parseRange, shiftFormula, sumRange, type CellAddress, type Operand, type Range } from './formula';
import { layoutRows, rowBlocks, type PlacedCell } from './table-layout';
import type { ShortFormula } from '../engine';
import type { Imported } from './types';
import { TextWriter } from './writer';
import { local, readDateStyles, readSharedStrings, readWorkbook } from './xlsx-parts';
import { readRelationships, readXml } from './xml';
import { openPackage } from './zip';

/** Rows past this are not read (a report's sheet has a few hundred; a stray cell far below must not cost memory). */
const MAX_ROWS = 20000;
const MAX_COLUMNS = 16384;
/** formulas without values evaluated one inside another at most: a report's sums are one or two deep */
const MAX_FORMULA_CHAIN = 200;
/** empty cells Excel left unwritten that are made empty fields, at most (a crafted sheet could ask for its whole grid) */
const MAX_ABSENT = 100000;
const TOTAL = /总计|合计/;
/** a cell's text that is a count or an amount (a date or a label is not) */
const NUMBER = /^[+-]?[\d０-９][\d０-９,，]*([.．][\d０-９]+)?$/;
const SUBTOTAL = /小计|合计|总计/;

export function importXlsx(bytes: Uint8Array): Imported {
  const parts = openPackage(bytes, 'xlsx');
  const main = [...readRelationships(parts, '').values()].find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const workbookBytes = parts.get(main);
  if (!workbookBytes) throw new ImportError('文件中没有 Excel 工作簿（xl/workbook.xml），无法读取');
  const relationships = readRelationships(parts, main);
  const partOf = (type: string): string | null => [...relationships.values()].find((r) => r.type === type)?.target ?? null;
  const workbook = readWorkbook(workbookBytes, main);
  const sharedPart = partOf('sharedStrings');
  const stylesPart = partOf('styles');
  const book: Book = {
    strings: sharedPart ? readSharedStrings(parts.get(sharedPart), sharedPart) : [],
    dateStyles: stylesPart ? readDateStyles(parts.get(stylesPart), stylesPart) : [],
    date1904: workbook.date1904,
  };
  const writer = new TextWriter();
  const formulaRanges: ShortFormula[] = [];
  for (const entry of workbook.sheets) {
    if (entry.hidden) {
      writer.note(`隐藏的工作表「${entry.name}」未读取`);
      continue;
    }
    const target = relationships.get(entry.relationship)?.target;
    const sheetBytes = target ? parts.get(target) : null;
    if (!target || !sheetBytes) {
      writer.note(`工作表「${entry.name}」缺失，未读取`);
      continue;
    }
    formulaRanges.push(...writeSheet(new Sheet(entry.name, sheetBytes, target, book, writer), writer));
  }
  return { ...writer.result('xlsx'), formulaRanges };
}

interface Book {
  readonly strings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

interface XCell {
  readonly address: CellAddress;
  readonly type: string;
  readonly style: number;
  value: string | null;
  inline: string | null;
  formula: string | null;
  /** a shared formula's group, resolved against its first cell once the sheet is read */
  shared: string | null;
}

const keyOf = (a: CellAddress): number => a.row * MAX_COLUMNS + a.col;

class Sheet {
  readonly cells = new Map<number, XCell>();
  readonly merges: Range[] = [];
  readonly #values = new Map<number, Operand>();
  readonly #evaluating = new Set<number>();
  /** formulas without a cached value: evaluated, or not */
  evaluated = 0;
  /** formulas taken as blank for standing at the end of a chain of more than MAX_FORMULA_CHAIN */
  chainsCut = 0;
  truncated = false;

  constructor(
    readonly name: string,
    bytes: Uint8Array,
    part: string,
    private readonly book: Book,
    private readonly writer: TextWriter,
  ) {
    this.#read(bytes, part);
  }

  at(a: CellAddress): XCell | undefined {
    return this.cells.get(keyOf(a));
  }

  /** What the cell holds as Excel shows it: a number, text, or nothing. */
  value(a: CellAddress): Operand {
    const key = keyOf(a);
    if (this.#values.has(key)) return this.#values.get(key)!;
    const cell = this.cells.get(key);
    const v = cell ? this.#compute(cell) : null;
    this.#values.set(key, v);
    return v;
  }

  /** The cell's text in the imported text. */
  text(cell: XCell): string {
    const v = this.value(cell.address);
    if (typeof v !== 'number') return v ?? '';
    return this.book.dateStyles[cell.style] ? dateText(v, this.book.date1904) : numberText(v);
  }

  #compute(cell: XCell): Operand {
    const cached = cell.value !== null && cell.value !== '';
    if (cell.formula !== null && !cached) return this.#evaluate(cell);
    switch (cell.type) {
      case 's':
        return this.book.strings[+cell.value!] ?? '';
      case 'inlineStr':
        return cell.inline ?? '';
      case 'str':
      case 'e':
        return cell.value ?? '';
      case 'b':
        return cell.value === '1' ? 'TRUE' : cell.value === null ? null : 'FALSE';
      case 'd':
        return cell.value ? cell.value.slice(0, 10) : null;
      default: {
        if (!cached) return null;
        const n = Number(cell.value);
        return Number.isFinite(n) ? n : cell.value;
      }
    }
  }

  #evaluate(cell: XCell): Operand {
    const key = keyOf(cell.address);
    if (this.#evaluating.has(key)) return null;
    // a chain of formulas without values deeper than this (each one's value the next one's) is not followed
    if (this.#evaluating.size >= MAX_FORMULA_CHAIN) {
      this.chainsCut++;
      return null;
    }
    this.#evaluating.add(key);
    const cells = this.cells;
    const v = evaluateSum(cell.formula!, (a) => this.value(a), { count: cells.size, addresses: () => Array.from(cells.values(), (c) => c.address) });
    this.#evaluating.delete(key);
    if (v !== null) {
      this.evaluated++;
      return v;
    }
    this.writer.note(`工作表「${this.name}」${formatAddress(cell.address)} 的公式 =${cell.formula} 没有保存计算结果，且不是简单求和，无法计算：按空白处理`);
    return null;
  }

  #read(bytes: Uint8Array, part: string): void {
    let row = -1;
    let nextCol = 0;
    let cell: XCell | null = null;
    let collecting: 'value' | 'formula' | 'inline' | null = null;
    let inPhonetic = false;
    const masters = new Map<string, { formula: string; at: CellAddress }>();
    readXml(bytes, part, {
      open: (name, a) => {
        switch (local(name)) {
          case 'row':
            // a row number that is none (a damaged file's `r="2S"`, `r="0"`) is read as absent: the row after the last
            row = a.r && /^[1-9]\d{0,6}$/.test(a.r) ? +a.r - 1 : row + 1;
            nextCol = 0;
            break;
          case 'c': {
            const address = (a.r && parseAddress(a.r)) || { row, col: nextCol };
            nextCol = address.col + 1;
            if (address.row >= MAX_ROWS || address.col >= MAX_COLUMNS) {
              this.truncated = true;
              cell = null;
              break;
            }
            cell = { address, type: a.t ?? 'n', style: +(a.s ?? 0), value: null, inline: null, formula: null, shared: null };
            this.cells.set(keyOf(address), cell);
            break;
          }
          case 'v':
            if (!cell) break;
            collecting = 'value';
            cell.value = '';
            break;
          case 'f':
            if (!cell) break;
            collecting = 'formula';
            cell.formula = '';
            if (a.t === 'shared' && a.si !== undefined) {
              cell.shared = a.si;
              if (a.ref) masters.set(a.si, { formula: '', at: cell.address });
            }
            break;
          case 'is':
            if (cell) cell.inline = '';
            break;
          case 'rPh':
            inPhonetic = true;
            break;
          case 't':
            if (cell && cell.inline !== null && !inPhonetic) collecting = 'inline';
            break;
          case 'mergeCell': {
            const range = a.ref && parseRange(a.ref);
            // rows past those read are not placed: a merge reaching into them ends at the last one
            if (range && range.from.row < MAX_ROWS) this.merges.push({ from: range.from, to: { row: Math.min(range.to.row, MAX_ROWS - 1), col: range.to.col } });
            break;
          }
        }
      },
      close: (name) => {
        const element = local(name);
        if (element === 'c') cell = null;
        else if (element === 'rPh') inPhonetic = false;
        else if (element === 'f' && cell?.shared !== null && cell?.shared !== undefined) {
          const master = masters.get(cell.shared);
          if (master && master.at === cell.address) master.formula = cell.formula ?? '';
        }
        if (element === 'v' || element === 'f' || element === 't') collecting = null;
      },
      text: (t) => {
        if (!cell || !collecting) return;
        if (collecting === 'value') cell.value += t;
        else if (collecting === 'formula') cell.formula += t;
        else cell.inline += t;
      },
    });
    for (const c of this.cells.values()) {
      if (c.shared === null || c.formula) continue;
      const master = masters.get(c.shared);
      c.formula = master ? shiftFormula(master.formula, c.address.row - master.at.row, c.address.col - master.at.col) : null;
    }
  }
}

/** Excel stores binary doubles: 12.300000000000001 is shown as 12.3. */
const numberText = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15))));

function dateText(serial: number, date1904: boolean): string {
  // the 1900 system counts a 29 February 1900 that never was
  const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(days) * 86400000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

interface Source {
  readonly ref: string;
  readonly cell: XCell | null;
}

/** Writes a sheet's rows; returns its totals whose range misses an addend. */
function writeSheet(sheet: Sheet, writer: TextWriter): ShortFormula[] {
  if (sheet.truncated) writer.note(`工作表「${sheet.name}」过大，只读取了前 ${MAX_ROWS} 行`);
  const placed = placeCells(sheet, writer);
  const rowCount = placed.reduce((n, c) => Math.max(n, c.row + c.rowSpan), 0);
  const spans = new Map<string, { start: number; end: number }>();
  let previousRow = -1;
  layoutRows(rowCount, placed).forEach((fields, row) => {
    if (fields.length === 0) return;
    if (previousRow >= 0 && row > previousRow + 1) writer.blankLine();
    const cells = fields.map((f) => ({ text: f.text, origin: { sheet: sheet.name, cell: f.source.ref } }));
    const written = writer.row(cells, { sheet: sheet.name, cell: fields[0].source.ref });
    if (!written) return;
    previousRow = row;
    fields.forEach((f, i) => f.text && spans.set(f.source.ref, written[i]));
  });
  writer.blankLine();
  if (sheet.chainsCut > 0) writer.note(`工作表「${sheet.name}」有公式依赖超过 ${MAX_FORMULA_CHAIN} 层没有保存计算结果的公式，其中 ${sheet.chainsCut} 处无法计算：按空白处理`);
  if (sheet.evaluated > 0) writer.note(`工作表「${sheet.name}」有 ${sheet.evaluated} 个公式没有保存计算结果，已按公式求和`);
  return shortTotals(sheet, placed, spans);
}

/**
 * The sheet's cells on the grid: a merged range is one cell at its top-left corner. An empty cell (a bordered
 * cell of a table, written by Excel for its style) is an empty field when it lies within the columns its block
 * of rows fills, a block being rows with text one after another.
 */
function placeCells(sheet: Sheet, writer: TextWriter): PlacedCell<Source>[] {
  const mergeAt = new Map<number, Range>();
  // the cells a merge hides, among those the sheet holds (a merge as wide as the sheet is not walked cell by cell)
  const covered = new Set<number>();
  const hides = (m: Range, a: CellAddress): boolean => inRange(m, a) && (a.row !== m.from.row || a.col !== m.from.col);
  for (const m of sheet.merges) {
    mergeAt.set(keyOf(m.from), m);
    if ((m.to.row - m.from.row + 1) * (m.to.col - m.from.col + 1) > sheet.cells.size) {
      for (const c of sheet.cells.values()) if (hides(m, c.address)) covered.add(keyOf(c.address));
      continue;
    }
    for (let row = m.from.row; row <= m.to.row; row++) {
      for (let col = m.from.col; col <= m.to.col; col++) if (row !== m.from.row || col !== m.from.col) covered.add(keyOf({ row, col }));
    }
  }
  const cells: PlacedCell<Source>[] = [];
  const place = (address: CellAddress, cell: XCell | null): void => {
    const merge = mergeAt.get(keyOf(address));
    cells.push({
      row: address.row,
      col: address.col,
      rowSpan: merge ? merge.to.row - merge.from.row + 1 : 1,
      colSpan: merge ? merge.to.col - merge.from.col + 1 : 1,
      text: cell ? sheet.text(cell) : '',
      source: { ref: formatAddress(address), cell },
    });
  };
  for (const c of sheet.cells.values()) if (!covered.has(keyOf(c.address))) place(c.address, c);
  for (const m of sheet.merges) if (!sheet.at(m.from)) place(m.from, null);
  const blockOf = rowBlocks(cells);
  const kept = cells.filter((c) => {
    if (c.text) return true;
    const e = blockOf(c.row);
    return e !== undefined && c.col >= e.left && c.col <= e.right;
  });
  const absent = absentCells(kept, cells);
  if (absent.cut) writer.note(`工作表「${sheet.name}」中没有写出的空白单元格过多，只补出了前 ${MAX_ABSENT} 个`);
  return [...kept, ...absent.cells];
}

/**
 * Excel writes no `<c>` for an empty cell it has no style for (nor do openpyxl and other writers for a cell never
 * set), and the row would close up over it. Such a cell is an empty field when its column is one the table uses:
 *  - between two cells of its row: a cell starts in that column in the row above or below, or above or below the
 *    run of rows that all lack it (a spacer column, where no cell starts, stays out);
 *  - before a row's first cell or after its last (table 四's 行政复议 block or a 总计 left blank): only in a row of
 *    values, one crossed by two cells or more of which one shows a number, next to (or to a run of rows of the
 *    table next to) a row crossed by two cells or more where a cell starts in that column. A line of prose, one
 *    cell wide, lends no column and ends a run; a row of labels only (a header, a line of labels and dates such as
 *    发布时间 beside the table, a row left all blank) carries a run but is written as it is, since what lies past
 *    its last cell need not be the table's.
 */
function absentCells(kept: readonly PlacedCell<Source>[], all: readonly PlacedCell<Source>[]): { cells: PlacedCell<Source>[]; cut: boolean } {
  const rowCount = kept.reduce((n, c) => Math.max(n, c.row + c.rowSpan), 0);
  // every cell covers its columns, an empty merge left out of the text included: what it covers is no gap
  const covers: { from: number; to: number }[][] = Array.from({ length: rowCount }, () => []);
  for (const c of all) for (let r = c.row; r < Math.min(rowCount, c.row + c.rowSpan); r++) covers[r].push({ from: c.col, to: c.col + c.colSpan - 1 });
  const starts: Set<number>[] = Array.from({ length: rowCount }, () => new Set());
  const crossing: number[] = new Array<number>(rowCount).fill(0);
  const numbers = new Set<number>();
  const own: { first: number; last: number }[] = [];
  for (const c of kept) {
    if (NUMBER.test(c.text)) numbers.add(c.row);
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      starts[r].add(c.col);
      crossing[r]++;
    }
    const o = own[c.row] ?? { first: c.col, last: c.col };
    own[c.row] = { first: Math.min(o.first, c.col), last: Math.max(o.last, c.col) };
  }
  const tableRow = (r: number): boolean => crossing[r] >= 2;
  const columns = [...new Set(kept.map((c) => c.col))].sort((a, b) => a - b);
  const after = (col: number): number => {
    let lo = 0;
    let hi = columns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (columns[mid] <= col) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // each column's rows that lack it, and which of them lack it before the row's first cell or after its last
  const gaps = new Map<number, number[]>();
  const outer = new Set<number>();
  let found = 0;
  scan: for (let r = 0; r < rowCount; r++) {
    const o = own[r];
    if (!o) continue;
    const spans = covers[r].sort((a, b) => a.from - b.from);
    let j = 0;
    let coveredTo = -1;
    // a table's row is looked at across every column the sheet uses, any other row between its own cells only
    const [from, to] = tableRow(r) ? [0, columns.length] : [after(o.first), after(o.last - 1)];
    for (let k = from; k < to; ) {
      const col = columns[k];
      while (j < spans.length && spans[j].from <= col) coveredTo = Math.max(coveredTo, spans[j++].to);
      if (coveredTo >= col) {
        k = after(coveredTo);
        continue;
      }
      if (++found > MAX_ABSENT) break scan;
      if (col < o.first || col > o.last) outer.add(keyOf({ row: r, col }));
      const column = gaps.get(col);
      if (column) column.push(r);
      else gaps.set(col, [r]);
      k++;
    }
  }
  const cells: PlacedCell<Source>[] = [];
  for (const [col, rows] of gaps) {
    for (let i = 0; i < rows.length; ) {
      let end = i;
      while (end + 1 < rows.length && rows[end + 1] === rows[end] + 1) end++;
      const top = rows[i];
      const bottom = rows[end];
      // a run that reaches past some row's last cell is lent its column only by a table's row
      const strict = rows.slice(i, end + 1).some((r) => outer.has(keyOf({ row: r, col })));
      const lends = (row: number): boolean => starts[row]?.has(col) === true && (!strict || tableRow(row));
      if (lends(top - 1) || lends(bottom + 1)) {
        // a row of labels only (a header, a row left all blank) carries the run, and is written as it is
        for (let r = top; r <= bottom; r++) if (numbers.has(r) || !outer.has(keyOf({ row: r, col }))) cells.push({ row: r, col, rowSpan: 1, colSpan: 1, text: '', source: { ref: formatAddress({ row: r, col }), cell: null } });
      }
      i = end + 1;
    }
  }
  return { cells, cut: found > MAX_ABSENT };
}

/**
 * Totals (a cell headed 总计/合计, or in a row labelled so) computed by one SUM over a range of their own row or
 * column that stops short of numbers between the range and the total, or (in a row) of the numbers just before
 * the range: the addends an auto-sum left out. A formula or a cell headed as a subtotal is no addend (a 总计
 * rightly skips a 小计 column).
 */
function shortTotals(sheet: Sheet, placed: readonly PlacedCell<Source>[], spans: ReadonlyMap<string, { start: number; end: number }>): ShortFormula[] {
  const found: ShortFormula[] = [];
  const labels = (pattern: RegExp) => placed.filter((c) => c.source.cell !== null && typeof sheet.value(c.source.cell.address) === 'string' && pattern.test(c.text));
  const totals = labels(TOTAL);
  const subtotals = labels(SUBTOTAL);
  const headed = (cells: typeof placed, col: number, above: number): boolean => cells.some((c) => c.row < above && c.col <= col && col < c.col + c.colSpan);
  const labelled = (cells: typeof placed, row: number, before: number): boolean => cells.some((c) => c.col < before && c.row <= row && row < c.row + c.rowSpan);
  /** a number typed in, not a formula: what a sum would add */
  const addend = (a: CellAddress): boolean => typeof sheet.value(a) === 'number' && sheet.at(a)?.formula === null;
  for (const cell of sheet.cells.values()) {
    const range = cell.formula === null ? null : sumRange(cell.formula);
    if (!range) continue;
    const { row, col } = cell.address;
    const missing: CellAddress[] = [];
    if (range.from.row === row && range.to.row === row && range.to.col < col) {
      if (!headed(totals, col, row)) continue;
      for (let c = range.to.col + 1; c < col; c++) if (addend({ row, col: c }) && !headed(subtotals, c, row)) missing.push({ row, col: c });
      // back to the row's label, a blank (where an auto-sum stops too), a formula or a subtotal's column
      for (let c = range.from.col - 1; c >= 0 && addend({ row, col: c }) && !headed(subtotals, c, row); c--) missing.push({ row, col: c });
    } else if (range.from.col === col && range.to.col === col && range.to.row < row) {
      if (!labelled(totals, row, col)) continue;
      for (let r = range.to.row + 1; r < row; r++) if (addend({ row: r, col }) && !labelled(subtotals, r, col)) missing.push({ row: r, col });
    }
    const span = spans.get(formatAddress(cell.address));
    if (missing.length === 0 || !span) continue;
    const ref = formatAddress(cell.address);
    const names = missing.sort((a, b) => a.row - b.row || a.col - b.col).map(formatAddress);
    found.push({
      span,
      sheet: sheet.name,
      cell: ref,
      formula: `=${cell.formula}`,
      missing: names,
    });
  }
  return found;
}
