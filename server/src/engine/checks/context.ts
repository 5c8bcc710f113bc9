// What every check receives, and the helpers they share for naming rows, columns and cells.
import type { Code, Diagnostic, Fix } from '../diagnostic';
import type { Cell, Report, Span, Table } from '../model';
import type { Locale, MessageKey } from '../messages/catalog';
import type { CellRef, TableId } from '../template/types';

/** how the publication deadline (条例 第四十九条) applies; 'auto' guesses from the agency's name */
export type DeadlineRule = 'auto' | 'department' | 'government' | 'none';

export interface CheckOptions {
  readonly locale: Locale;
  readonly deadline: DeadlineRule;
}

/** A diagnostic before its severity is set from the defaults and the user's options. */
export type Finding = Omit<Diagnostic, 'severity'>;

export interface CheckContext {
  readonly text: string;
  readonly report: Report;
  readonly options: CheckOptions;
  readonly eol: string;
  msg(key: MessageKey, params?: Record<string, string | number>): string;
  /** `related`: another place the message refers to (the first of two duplicates) */
  emit(code: Code, span: Span, message: string, fix?: Fix, related?: Span): void;
}

export type Check = (ctx: CheckContext) => void;

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

export function formatNumber(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

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
