// The options every check receives, and the helpers checks share for naming rows, columns and cells.
import type { Cell, Table } from '../model';
import { numberingAt, WRITTEN_NUMBERING } from '../parse/labels';
import { foldText } from '../text/fold';
import type { Locale } from '../messages/catalog';
import type { CellRef, TableId } from '../template/types';
import type { CheckContext } from './define';
import type { ShortFormula } from './formula-range';

/** how the publication deadline (条例 第四十九条) applies; 'auto' guesses from the agency's name */
export type DeadlineRule = 'auto' | 'department' | 'government' | 'none';

export interface CheckOptions {
  readonly locale: Locale;
  readonly deadline: DeadlineRule;
  /** (an imported workbook) the totals whose SUM range misses addends */
  readonly shortFormulas: readonly ShortFormula[];
}

export function tableName(ctx: CheckContext, id: TableId): string {
  return ctx.msg('table', { id });
}

export function rowName(table: Table, rowKey: string): string {
  const template = table.template.rows.find((r) => r.key === rowKey);
  if (template?.name) return template.name;
  return table.template.groups.find((g) => g.key === rowKey)?.label ?? rowKey;
}

export function columnName(table: Table, ref: CellRef): string {
  const template = table.template.rows.find((r) => r.key === ref.row) ?? table.template.rows[0];
  return template.columns[ref.col]?.label ?? String(ref.col + 1);
}

export function cellAt(table: Table, ref: CellRef): Cell | null {
  return table.cell(ref);
}

/**
 * Whether a cell's digits may be, in part, the numbering of the row label glued right after it. A scraper that
 * drops a table's line breaks glues each row's last cell to the next row's label (`…\t144二、上年结转…`); the cell
 * ends for sure only where that label starts with its own numbering as written. Where the numbering is mistyped or
 * lost (`\t223、上年…` for 223 二、: read 22 and 3、; `\t64保护…` for 6 4.保护…: read 64), the cell read may hold a
 * digit of it or have lost one to it, so no fix should write over it as if its digits were known.
 */
export function runsIntoLabel(text: string, table: Table, cell: Cell): boolean {
  const end = cell.span.end;
  for (const row of table.rows.values()) {
    if (row.labelSpan.start !== end) continue;
    const numbering = WRITTEN_NUMBERING.exec(row.template.label)?.[0];
    if (!numbering) return false;
    const written = numberingAt(text, end);
    // a numbering that starts with no digit (`二、`, `（三）`) ends the digits before it; a digit must be the row's own
    return !written || (/\d/.test(written[0]) && foldText(written) !== foldText(numbering));
  }
  return false;
}

export function formatNumber(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** A sum as a message shows it: `97+16+7=120`, or the total alone when fewer than two terms are not 0. */
export const sumText = (values: number[]): string => {
  const shown = values.filter((v) => v !== 0);
  const total = formatNumber(values.reduce((a, b) => a + b, 0));
  return shown.length > 1 ? `${shown.map(formatNumber).join('+')}=${total}` : total;
};

const wideDigits = new WeakMap<Table, boolean>();

/** Whether the table's numbers are written in full-width digits (the first number written decides). */
function writesWideDigits(table: Table): boolean {
  let wide = wideDigits.get(table);
  if (wide === undefined) {
    wide = false;
    search: for (const row of table.rows.values()) {
      for (const cell of row.cells ?? []) {
        if (cell.state !== 'value') continue;
        wide = /[０-９]/.test(cell.raw);
        break search;
      }
    }
    wideDigits.set(table, wide);
  }
  return wide;
}

/** A number as a fix writes it into the table: in the width of the table's own digits. */
export function numberFor(table: Table, n: number): string {
  const text = formatNumber(n);
  return writesWideDigits(table) ? text.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : text;
}
