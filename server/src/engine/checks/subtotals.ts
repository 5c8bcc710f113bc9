// row-total-mismatch on a 法人或其他组织 subtotal that reports add as a column: it must be the sum of its
// parts. The subtotal is no template cell and takes part in no other rule; its fix is safe (applied in bulk)
// only where none of the parts it is computed from is itself in question (in a broken row or column rule).
import type { Subtotal, Table } from '../model';
import { inQuestion } from '../rules/evaluate';
import { formatNumber, numberFor, rowName, sumText, tableName } from './context';
import type { CheckContext } from './define';

function checkSubtotal(ctx: CheckContext, table: Table, subtotal: Subtotal, column: NonNullable<Table['template']['subtotal']>): void {
  const { cell } = subtotal;
  if (cell.state !== 'value') return;
  const parts = column.parts.map((col) => table.known({ row: subtotal.row, col }));
  if (parts.some((v) => v === null)) return;
  const values = parts as number[];
  const expected = values.reduce((a, b) => a + b, 0);
  if (Math.abs(expected - cell.value!) < 1e-9) return;
  const partsSure = column.parts.every((col) => !inQuestion(table, { row: subtotal.row, col }));
  const value = numberFor(table, expected);
  const params = {
    table: tableName(ctx, table.id),
    row: rowName(table, subtotal.row),
    column: column.label,
    expected: formatNumber(expected),
    actual: formatNumber(cell.value!),
    sum: sumText(values),
  };
  ctx.emit('row-total-mismatch', cell.span, ctx.msg('row-total-mismatch', params), {
    title: ctx.msg('fix.set-total', { value }),
    edits: [{ span: cell.span, newText: value }],
    preferred: partsSure,
  });
}

/** Part of the arithmetic check. */
export function checkSubtotals(ctx: CheckContext): void {
  for (const table of Object.values(ctx.report.tables)) {
    const column = table.template.subtotal;
    if (column) for (const subtotal of table.subtotals) checkSubtotal(ctx, table, subtotal, column);
  }
}
