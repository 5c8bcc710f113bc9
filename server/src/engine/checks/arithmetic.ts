// row-total-mismatch, column-total-mismatch, balance-mismatch: every rule of the table whose cells are
// all known (and the subtotals some reports add, and glued digits no split makes add up). A rule with a blank cell is not
// reported broken (the blank is reported instead).
import type { Table } from '../model';
import { lookupOf, type CompiledRule } from '../template/lookup';
import type { RuleTemplate } from '../template/types';
import type { Fix } from '../diagnostic';
import { forcedValue, outcomesEntered, ruleValues, rulesOf } from '../rules/evaluate';
import { cellAt, columnName, formatNumber, numberFor, rowName, runsIntoLabel, sumText, tableName } from './context';
import { defineCheck, type CheckContext } from './define';
import { gluedRowParams, gluedRowSpan } from './glued';
import { checkSubtotals } from './subtotals';

/** A sum shown after its value, unless it is the value alone (one term: "6（6）" says nothing). */
const zhSum = (sum: string | number | undefined): string => (sum !== undefined && String(sum).includes('=') ? `（${sum}）` : '');
const enSum = (sum: string | number | undefined): string => (sum !== undefined && String(sum).includes('=') ? ` (${sum})` : '');


function checkRule(ctx: CheckContext, table: Table, rule: RuleTemplate): void {
  const values = ruleValues(table, rule);
  if (!values || Math.abs(values.partSum - values.totalSum) < 1e-9) return;
  const { parts, totals, partSum, totalSum, actual, expected } = values;
  const cell = cellAt(table, rule.reportAt)!;
  const params = {
    table: tableName(ctx, table.id),
    row: rowName(table, rule.reportAt.row) || table.template.title,
    column: columnName(table, rule.reportAt),
    expected: formatNumber(expected),
    actual: formatNumber(actual),
    sum: sumText(parts),
    left: formatNumber(partSum),
    leftSum: sumText(parts),
    right: formatNumber(totalSum),
    rightSum: sumText(totals),
  };
  // while item 三 is all 0 or blank, a balance break only says that the outcomes are still to be entered
  if (rule.code === 'balance-mismatch' && !outcomesEntered(table)) {
    ctx.emit(rule.code, cell.span, ctx.msg('balance-pending', params));
    return;
  }
  // a negative or fractional total is no count to write; whether every rule forces it is worked out when asked
  const writable = expected >= 0 && Number.isInteger(expected);
  ctx.emit(rule.code, cell.span, ctx.msg(rule.code, params), writable ? () => totalFix(ctx, table, rule, expected) : undefined);
}

/**
 * Setting the reported cell to what its rule needs. Fix-all may apply it only when every rule that can judge the
 * cell forces that value (a wrong 总计 whose parts are right); otherwise, and always for a balance break (any
 * outcome row may be the wrong one), it is a choice offered to the user.
 */
function totalFix(ctx: CheckContext, table: Table, rule: RuleTemplate, expected: number): Fix {
  const forced = rule.code === 'balance-mismatch' ? null : forcedValue(table, rule.reportAt);
  const value = numberFor(table, expected);
  const cell = cellAt(table, rule.reportAt)!;
  return {
    title: ctx.msg('fix.set-total', { value }),
    edits: [{ span: cell.span, newText: value }],
    // a total glued to a label whose numbering was mistyped may hold a digit of it: what to write is no sure thing
    preferred: forced === expected && !runsIntoLabel(ctx.text, table, cell),
  };
}

/** Whether a rule compiled to grid positions holds, or cannot be judged for an unknown cell. */
function holdsOrUnknown(table: Table, rule: CompiledRule): boolean {
  const balance = table.grid.balance(rule.parts, rule.totals);
  return Number.isNaN(balance) || Math.abs(balance) < 1e-9;
}

function checkArithmetic(ctx: CheckContext): void {
  for (const table of Object.values(ctx.report.tables)) {
    // a collapsed group changes the rules; otherwise the rules that hold are passed over by their compiled form
    if (table.collapsed.length) for (const rule of rulesOf(table)) checkRule(ctx, table, rule);
    else for (const compiled of lookupOf(table.template).rules) if (!holdsOrUnknown(table, compiled)) checkRule(ctx, table, compiled.rule);
    // glued digits that no split makes add up break a row's total whatever the split
    for (const row of table.glued) {
      if (!row.contradicts) continue;
      ctx.emit('row-total-mismatch', gluedRowSpan(ctx, row), ctx.msg('glued-contradicts', gluedRowParams(ctx, table, row)));
    }
  }
  checkSubtotals(ctx);
}

export const arithmeticCheck = defineCheck({
  about: {
    zh: '行合计、（七）总计、一+二＝三（七）+四、复议诉讼各组合计、法人或其他组织小计、（三）至（六）的小计行',
    en: 'row totals, （七）总计, 一+二 = 三（七）+四, the groups of table 四, the 法人或其他组织 subtotal, subtotal rows for （三）–（六）',
  },
  codes: {
    'row-total-mismatch': { severity: 'error', fix: 'safe', name: { zh: '行合计不符', en: 'Row total wrong' } },
    'column-total-mismatch': { severity: 'error', fix: 'safe', name: { zh: '列合计不符（（七）总计或小计行）', en: 'Column total wrong (（七）总计 or a subtotal row)' } },
    'balance-mismatch': { severity: 'error', fix: 'pick', name: { zh: '勾稽关系不平衡', en: 'Table does not balance' } },
  },
  messages: {
    'row-total-mismatch': {
      zh: (p) => `${p.table}“${p.row}”行的“${p.column}”应为 ${p.expected}${zhSum(p.sum)}，实为 ${p.actual}`,
      en: (p) => `${p.table}, row “${p.row}”: “${p.column}” should be ${p.expected}${enSum(p.sum)}, not ${p.actual}`,
    },
    'column-total-mismatch': {
      zh: (p) =>
      `${p.table}“（七）总计”行“${p.column}”列应为 ${p.expected}（（一）至（六）各项之和：${p.sum}），实为 ${p.actual}`,
      en: (p) =>
      `${p.table}, row “（七）总计”, column “${p.column}” should be ${p.expected} (the sum of （一）–（六）: ${p.sum}), not ${p.actual}`,
    },
    'subtotal-row': {
      zh: (p) => `${p.table}“${p.row}”行“${p.column}”列应为 ${p.expected}（其下各项之和：${p.sum}），实为 ${p.actual}`,
      en: (p) => `${p.table}, row “${p.row}”, column “${p.column}” should be ${p.expected} (the sum of the rows under it: ${p.sum}), not ${p.actual}`,
    },
    'balance-mismatch': {
      zh: (p) =>
      `${p.table}“${p.column}”列不平衡：第一项加第二项之和为 ${p.left}${zhSum(p.leftSum)}，第三项加第四项之和为 ${p.right}${zhSum(p.rightSum)}；` +
      (Number(p.expected) >= 0
        ? `“四、结转下年度继续办理”应为 ${p.expected}`
        : `即使“四、结转下年度继续办理”为 0，第三项也比第一项加第二项多 ${-Number(p.expected)}，请核对第三项各数`),
      en: (p) =>
      `${p.table}, column “${p.column}” does not balance: items 一+二 = ${p.left}${enSum(p.leftSum)} but items 三+四 = ${p.right}${enSum(p.rightSum)}; ` +
      (Number(p.expected) >= 0
        ? `“四、结转下年度继续办理” should be ${p.expected}`
        : `even with “四、结转下年度继续办理” at 0, item 三 exceeds 一+二 by ${-Number(p.expected)}: check the figures of item 三`),
    },
    'balance-pending': {
      zh: (p) =>
      `${p.table}“${p.column}”列不平衡：第一项加第二项之和为 ${p.left}，而“三、本年度办理结果”各项都还是 0 或空白；请先填写办理结果，才能判断“四、结转下年度继续办理”应为多少`,
      en: (p) =>
      `${p.table}, column “${p.column}” does not balance: items 一+二 = ${p.left}, but every outcome of item 三 is still 0 or blank; fill in the outcomes first, then “四、结转下年度继续办理” can be judged`,
    },
    'fix.set-total': {
      zh: (p) => `改为 ${p.value}`,
      en: (p) => `Change to ${p.value}`,
    },
    'glued-contradicts': {
      zh: (p) => `${p.table}“${p.row}”行的数字连在一起（${p.raw}），无论怎样拆分，总计都不等于各项之和；请核对本行`,
      en: (p) => `${p.table}, row “${p.row}”: the digits run together (${p.raw}) and no split makes the totals the sums of their parts; check the row`,
    },
  },
  run: checkArithmetic,
});
