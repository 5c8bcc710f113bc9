// carryover-mismatch (across files): this year's 二、上年结转 must equal last year's 四、结转下年度继续办理,
// column by column.
import type { Report } from '../model';
import { TABLE3_COLUMNS } from '../template/tables';
import { formatNumber } from './context';
import { knownValue } from '../rules/evaluate';
import { defineCheck, type CheckContext } from './define';

function checkCarryover(ctx: CheckContext, lastYear: Report): void {
  const current = ctx.report.tables['三'];
  const previous = lastYear.tables['三'];
  if (!current || !previous) return;
  TABLE3_COLUMNS.forEach((column, col) => {
    const actual = knownValue(current, { row: 'R2', col });
    const expected = knownValue(previous, { row: 'R25', col });
    if (actual === null || expected === null || actual === expected) return;
    // the one cell, not the table's rows built to reach it (a folder of two years' reports has a mismatch in most)
    const cell = current.cell({ row: 'R2', col })!;
    ctx.emit(
      'carryover-mismatch',
      cell.span,
      ctx.msg('carryover-mismatch', { column, actual: formatNumber(actual), expected: formatNumber(expected), lastYear: lastYear.year ?? '' }),
    );
  });
}

export const carryoverCheck = defineCheck({
  about: { zh: '“二、上年结转”与上年报告“四、结转下年度继续办理”（工作区或同一文件夹中有上年报告时）', en: '二、上年结转 against last year’s 四、结转下年度继续办理 (when last year’s report is in the workspace or folder)' },
  codes: {
    'carryover-mismatch': { severity: 'warning', fix: 'none', name: { zh: '与上年结转不符', en: 'Carry-over mismatch' } },
  },
  messages: {
    'carryover-mismatch': {
      zh: (p) =>
      `表三“二、上年结转政府信息公开申请数量”“${p.column}”为 ${p.actual}，与上年报告（${p.lastYear} 年）“四、结转下年度继续办理”的 ${p.expected} 不一致`,
      en: (p) =>
      `Table 三 “二、上年结转政府信息公开申请数量”, column “${p.column}” is ${p.actual}, but last year’s report (${p.lastYear}) carried over ${p.expected}`,
    },
  },
  againstLastYear: checkCarryover,
});
