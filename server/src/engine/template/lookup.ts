// Templates indexed for the parser and the checks: a row's position by its key, and each rule's cells as
// positions in a table's value grid (row position × widest row + column). Built once per template.
import type { CellRef, RuleTemplate, TableTemplate } from './types';

export interface TableLookup {
  /** row key → position in template.rows */
  readonly rowIndex: ReadonlyMap<string, number>;
  /** columns of the widest row: the stride of the value grid */
  readonly stride: number;
  /** each rule of template.rules, its cells as grid positions */
  readonly rules: readonly CompiledRule[];
}

export interface CompiledRule {
  readonly rule: RuleTemplate;
  readonly parts: readonly number[];
  readonly totals: readonly number[];
}

const lookups = new WeakMap<TableTemplate, TableLookup>();

export function lookupOf(template: TableTemplate): TableLookup {
  let lookup = lookups.get(template);
  if (!lookup) {
    const rowIndex = new Map(template.rows.map((r, i) => [r.key, i]));
    const stride = Math.max(...template.rows.map((r) => r.columns.length));
    const position = (ref: CellRef): number => rowIndex.get(ref.row)! * stride + ref.col;
    const rules = template.rules.map((rule) => ({ rule, parts: rule.parts.map(position), totals: rule.totals.map(position) }));
    lookups.set(template, (lookup = { rowIndex, stride, rules }));
  }
  return lookup;
}
