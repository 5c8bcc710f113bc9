// carryover-mismatch (across files): this year's 二、上年结转 must equal last year's 四、结转下年度继续办理,
// column by column.
import type { Report } from '../model';
import { TABLE3_COLUMNS } from '../template/tables';
import { formatNumber, type CheckContext } from './context';
import { knownValue } from '../rules/evaluate';

export function checkCarryover(ctx: CheckContext, lastYear: Report): void {
  const current = ctx.report.tables['三'];
  const previous = lastYear.tables['三'];
  if (!current || !previous) return;
  TABLE3_COLUMNS.forEach((column, col) => {
    const actual = knownValue(current, { row: 'R2', col });
    const expected = knownValue(previous, { row: 'R25', col });
    if (actual === null || expected === null || actual === expected) return;
    const cell = current.rows.get('R2')!.cells![col];
    ctx.emit(
      'carryover-mismatch',
      cell.span,
      ctx.msg('carryover-mismatch', { column, actual: formatNumber(actual), expected: formatNumber(expected), lastYear: lastYear.year ?? '' }),
    );
  });
}
