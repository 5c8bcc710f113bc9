// The subtotals some reports add to table 三, which are no template cells and take part in no rule but their own:
// a 法人或其他组织 subtotal column (row-total-mismatch: the sum of the row's five 法人 cells) and subtotal rows for
// （三）–（六） (column-total-mismatch: the sum of the rows under the heading, column by column). A subtotal is
// judged only where all its parts are known; its fix is safe (applied in bulk) only where none of them is itself in
// question (in a broken row or column rule, or a subtotal row's cell that is not the sum of the rows under it).
import type { Cell, GroupRow, Table } from '../model';
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

/** A subtotal row's parts in one column: the rows under its heading. */
const membersAt = (group: GroupRow, col: number): CellRef[] => group.members.map((row) => ({ row, col }));

/** The sum of cells when all are known, else null. */
function knownSum(table: Table, parts: readonly CellRef[]): { values: number[]; sum: number } | null {
  const values: number[] = [];
  for (const ref of parts) {
    const v = table.known(ref);
    if (v === null) return null;
    values.push(v);
  }
  return { values, sum: values.reduce((a, b) => a + b, 0) };
}

/** Whether a cell of a subtotal row is not the sum of the rows under its heading: a wrong figure to add up. */
function wrongSubtotalRowCell(table: Table, ref: CellRef): boolean {
  const group = table.subtotalRows.find((g) => g.key === ref.row);
  const value = group ? table.known(ref) : null;
  if (!group || value === null) return false;
  const members = knownSum(table, membersAt(group, ref.col));
  return members !== null && Math.abs(members.sum - value) >= 1e-9;
}

/** A subtotal's cell against the cells it adds up. */
function checkSum(ctx: CheckContext, table: Table, cell: Cell, parts: readonly CellRef[], { code, message, row, column }: Finding): void {
  if (cell.state !== 'value') return;
  const known = knownSum(table, parts);
  if (!known) return;
  const { values, sum: expected } = known;
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
    preferred: parts.every((ref) => !inQuestion(table, ref) && !wrongSubtotalRowCell(table, ref)),
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
        checkSum(ctx, table, cell, membersAt(group, col), { code: 'column-total-mismatch', message: 'subtotal-row', row: group.label, column: columnName(table, { row: group.members[0], col }) });
      });
    }
  }
}
