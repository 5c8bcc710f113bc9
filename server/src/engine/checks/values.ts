// The table's arithmetic rules applied to the values read: which rules can be evaluated, and which
// unknown (blank) cells the rules determine. Shared by the arithmetic check and the blank-cell fix.
import type { Table } from '../model';
import type { CellRef, RuleTemplate } from '../template/types';

export const refKey = (ref: CellRef): string => `${ref.row}:${ref.col}`;

/** The table's rules, with the rows of a collapsed group (the single （六） row) replaced by the group. */
export function rulesOf(table: Table): readonly RuleTemplate[] {
  if (!table.collapsed.length) return table.template.rules;
  const groupOf = new Map<string, string>();
  for (const g of table.collapsed) for (const m of g.members) groupOf.set(m, g.key);
  const substitute = (refs: readonly CellRef[]): CellRef[] => {
    const seen = new Set<string>();
    return refs
      .map((r) => (groupOf.has(r.row) ? { row: groupOf.get(r.row)!, col: r.col } : r))
      .filter((r) => !seen.has(refKey(r)) && seen.add(refKey(r)) !== undefined);
  };
  return table.template.rules
    .filter((rule) => !(rule.code === 'row-total-mismatch' && groupOf.has(rule.reportAt.row)))
    .map((rule) => ({ ...rule, parts: substitute(rule.parts), totals: substitute(rule.totals) }));
}

export function knownValue(table: Table, ref: CellRef): number | null {
  return table.known(ref);
}

export interface RuleValues {
  readonly parts: number[];
  readonly totals: number[];
  readonly partSum: number;
  readonly totalSum: number;
  /** the value of the cell the rule is reported at */
  readonly actual: number;
  /** the value that cell needs for the rule to hold */
  readonly expected: number;
}

/** A rule's values when every cell of it is known (else null): what the arithmetic check and the total hints read. */
export function ruleValues(table: Table, rule: RuleTemplate): RuleValues | null {
  const parts = rule.parts.map((ref) => knownValue(table, ref));
  const totals = rule.totals.map((ref) => knownValue(table, ref));
  const actual = knownValue(table, rule.reportAt);
  if (actual === null || parts.some((v) => v === null) || totals.some((v) => v === null)) return null;
  const sum = (vs: (number | null)[]): number => vs.reduce<number>((a, b) => a + b!, 0);
  const partSum = sum(parts);
  const totalSum = sum(totals);
  return { parts: parts as number[], totals: totals as number[], partSum, totalSum, actual, expected: actual + partSum - totalSum };
}

/** Is the cell's row present in the table (so an unknown value there can be filled)? */
function fillable(table: Table, ref: CellRef): boolean {
  return table.has(ref.row) || table.collapsed.some((g) => g.key === ref.row);
}

/**
 * Values the rules force on unknown cells, e.g. seed 002: where 一 and 二 are 0 in a column, every cell
 * of that column is 0. An equation with one unknown is solved; one whose unknowns all stand on the same
 * side and must add up to 0 makes them all 0 (the cells are non-negative).
 */
export function determinedValues(table: Table): Map<string, number> {
  const rules = rulesOf(table);
  const known = new Map<string, number>();
  const lookup = (ref: CellRef): number | null => known.get(refKey(ref)) ?? knownValue(table, ref);
  for (let progress = true; progress; ) {
    progress = false;
    for (const rule of rules) {
      const terms = [...rule.parts.map((ref) => ({ ref, sign: 1 })), ...rule.totals.map((ref) => ({ ref, sign: -1 }))];
      const unknown = terms.filter((t) => lookup(t.ref) === null);
      if (!unknown.length || unknown.some((t) => !fillable(table, t.ref))) continue;
      const residual = terms.reduce((sum, t) => sum + (lookup(t.ref) ?? 0) * t.sign, 0);
      if (unknown.length === 1) {
        const value = -residual / unknown[0].sign;
        if (value >= 0 && Number.isInteger(value)) {
          known.set(refKey(unknown[0].ref), value);
          progress = true;
        }
      } else if (residual === 0 && unknown.every((t) => t.sign === unknown[0].sign)) {
        for (const t of unknown) known.set(refKey(t.ref), 0);
        progress = true;
      }
    }
  }
  return known;
}
