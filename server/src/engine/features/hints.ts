// Inlay hints: beside a total, the sum its rule computes; by default only where the two disagree.
import { formatNumber } from '../checks/context';
import { knownValue, rulesOf } from '../checks/values';
import { cellAt } from '../checks/context';
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
    for (const rule of rulesOf(table)) {
      const cell = cellAt(table, rule.reportAt);
      if (!cell || cell.state !== 'value') continue;
      const parts = rule.parts.map((r) => knownValue(table, r));
      const totals = rule.totals.map((r) => knownValue(table, r));
      if ([...parts, ...totals].some((v) => v === null)) continue;
      const sum = (vs: (number | null)[]): number => vs.reduce<number>((a, b) => a + b!, 0);
      const value = cell.value! + sum(parts) - sum(totals);
      const agrees = Math.abs(value - cell.value!) < 1e-9;
      if (all || !agrees) hints.push({ offset: cell.span.end, value: Number(formatNumber(value)), agrees });
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}
