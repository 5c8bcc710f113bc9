// Inlay hints: beside a total, the sum its rule computes; by default only where the two disagree.
import { cellAt, formatNumber } from '../checks/context';
import { outcomesEntered, ruleValues, rulesOf } from '../rules/evaluate';
import type { Report } from '../model';

export interface TotalHint {
  /** where the hint goes: just after the total */
  readonly offset: number;
  readonly value: number;
  readonly agrees: boolean;
}

export function totalHints(report: Report, all: boolean): TotalHint[] {
  const hints: TotalHint[] = [];
  for (const table of Object.values(report.tables)) {
    // while item 三 is empty, the balance gives no 结转 figure
    const pending = !outcomesEntered(table);
    for (const rule of rulesOf(table)) {
      const values = ruleValues(table, rule);
      if (!values || (pending && rule.code === 'balance-mismatch')) continue;
      const agrees = Math.abs(values.expected - values.actual) < 1e-9;
      const cell = cellAt(table, rule.reportAt)!;
      if (all || !agrees) hints.push({ offset: cell.span.end, value: Number(formatNumber(values.expected)), agrees });
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}
