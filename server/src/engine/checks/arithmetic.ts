// row-total-mismatch, column-total-mismatch, balance-mismatch: every rule of the table whose cells are
// all known. A rule with a blank cell is not reported broken (the blank is reported instead).
import type { Table } from '../model';
import { lookupOf, type CompiledRule } from '../template/lookup';
import type { RuleTemplate } from '../template/types';
import type { Fix } from '../diagnostic';
import { forcedValue, outcomesEntered, ruleValues, rulesOf } from '../rules/evaluate';
import { cellAt, columnName, formatNumber, numberFor, rowName, tableName, type Check, type CheckContext } from './context';

export const sumText = (values: number[]): string => {
  const shown = values.filter((v) => v !== 0);
  const total = formatNumber(values.reduce((a, b) => a + b, 0));
  return shown.length > 1 ? `${shown.map(formatNumber).join('+')}=${total}` : total;
};

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
  ctx.emit(rule.code, cell.span, ctx.msg(rule.code, params), totalFix(ctx, table, rule, expected));
}

/**
 * Setting the reported cell to what its rule needs. Fix-all may apply it only when every rule that can judge the
 * cell forces that value (a wrong 总计 whose parts are right); otherwise, and always for a balance break (any
 * outcome row may be the wrong one), it is a choice offered to the user.
 */
function totalFix(ctx: CheckContext, table: Table, rule: RuleTemplate, expected: number): Fix | undefined {
  if (expected < 0 || !Number.isInteger(expected)) return undefined;
  const forced = rule.code === 'balance-mismatch' ? null : forcedValue(table, rule.reportAt);
  const value = numberFor(table, expected);
  return {
    title: ctx.msg('fix.set-total', { value }),
    edits: [{ span: cellAt(table, rule.reportAt)!.span, newText: value }],
    preferred: forced === expected,
  };
}

/** Whether a rule compiled to grid positions holds, or cannot be judged for an unknown cell. */
function holdsOrUnknown(table: Table, rule: CompiledRule): boolean {
  const balance = table.grid.balance(rule.parts, rule.totals);
  return Number.isNaN(balance) || Math.abs(balance) < 1e-9;
}

export const checkArithmetic: Check = (ctx) => {
  for (const table of Object.values(ctx.report.tables)) {
    // a collapsed group changes the rules; otherwise the rules that hold are passed over by their compiled form
    if (table.collapsed.length) for (const rule of rulesOf(table)) checkRule(ctx, table, rule);
    else for (const compiled of lookupOf(table.template).rules) if (!holdsOrUnknown(table, compiled)) checkRule(ctx, table, compiled.rule);
  }
};
