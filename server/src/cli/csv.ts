// The summary as CSV for Excel: UTF-8 with a byte order mark (without one Excel reads it as the ANSI code page,
// and the Chinese comes out garbled), CRLF rows, RFC 4180 quoting; tables one after another, a blank row between.
import type { Grid, Value } from './summary-table';

const BOM = '\ufeff';

/** A text that Excel would run as a formula (=, +, -, @ first) is written as text. */
const guarded = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function field(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = guarded(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (values: readonly Value[]): string => `${values.map(field).join(',')}\r\n`;

export function toCsv(tables: readonly { title?: string; grid: Grid }[]): string {
  const parts = tables.map(({ title, grid }) =>
    [title === undefined ? '' : line([title]), line(grid.columns.map((c) => c.header)), ...grid.rows.map(line), grid.totals ? line(grid.totals) : ''].join(''),
  );
  return BOM + parts.join('\r\n');
}
