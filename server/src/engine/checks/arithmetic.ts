// row-total-mismatch, column-total-mismatch, balance-mismatch: every rule of the table whose cells are
// all known. A rule with a blank cell is not reported broken (the blank is reported instead).
import type { Table } from '../model';
import { lookupOf, type CompiledRule } from '../template/lookup';
import type { RuleTemplate } from '../template/types';
import { cellAt, columnName, formatNumber, rowName, tableName, type Check, type CheckContext } from './context';
import { ruleValues, rulesOf } from './values';

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
  const fix =
    expected >= 0
      ? {
          title: ctx.msg('fix.set-total', { value: params.expected }),
          edits: [{ span: cell.span, newText: params.expected }],
          preferred: true,
        }
      : undefined;
  ctx.emit(rule.code, cell.span, ctx.msg(rule.code, params), fix);
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
