// The subtotals some reports add to table 三, which are no template cells and take part in no rule but their own:
// a 法人或其他组织 subtotal column (row-total-mismatch: the sum of the row's five 法人 cells) and subtotal rows for
// （三）–（六） (column-total-mismatch: the sum of the rows under the heading, column by column). A subtotal is
// judged only where all its parts are known; its fix is safe (applied in bulk) only where none of them is itself in
// question (in a broken row or column rule).
import type { Cell, Table } from '../model';
import { inQuestion } from '../rules/evaluate';
import type { CellRef } from '../template/types';
import { columnName, formatNumber, numberFor, rowName, sumText, tableName } from './context';
import type { CheckContext } from './define';

/** How a wrong subtotal is reported: its code and message, and the row and column the message names. */
interface Finding {
  readonly code: 'row-total-mismatch' | 'column-total-mismatch';
  readonly message: string;
  readonly row: string;
  readonly column: string;
}

/** A subtotal's cell against the cells it adds up. */
function checkSum(ctx: CheckContext, table: Table, cell: Cell, parts: readonly CellRef[], { code, message, row, column }: Finding): void {
  if (cell.state !== 'value') return;
  const known = parts.map((ref) => table.known(ref));
  if (known.some((v) => v === null)) return;
  const values = known as number[];
  const expected = values.reduce((a, b) => a + b, 0);
  if (Math.abs(expected - cell.value!) < 1e-9) return;
  const value = numberFor(table, expected);
  const params = {
    table: tableName(ctx, table.id),
    row,
    column,
    expected: formatNumber(expected),
    actual: formatNumber(cell.value!),
    sum: sumText(values),
  };
  ctx.emit(code, cell.span, ctx.msg(message, params), {
    title: ctx.msg('fix.set-total', { value }),
    edits: [{ span: cell.span, newText: value }],
    preferred: parts.every((ref) => !inQuestion(table, ref)),
  });
}

/** Part of the arithmetic check. */
export function checkSubtotals(ctx: CheckContext): void {
  for (const table of Object.values(ctx.report.tables)) {
    const column = table.template.subtotal;
    if (column) {
      for (const { row, cell } of table.subtotals) {
        const parts = column.parts.map((col) => ({ row, col }));
        checkSum(ctx, table, cell, parts, { code: 'row-total-mismatch', message: 'row-total-mismatch', row: rowName(table, row), column: column.label });
      }
    }
    for (const group of table.subtotalRows) {
      group.cells?.forEach((cell, col) => {
        const parts = group.members.map((row) => ({ row, col }));
        checkSum(ctx, table, cell, parts, { code: 'column-total-mismatch', message: 'subtotal-row', row: group.label, column: columnName(table, { row: group.members[0], col }) });
      });
    }
  }
}
