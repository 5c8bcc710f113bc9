// What the table's arithmetic rules say about its cells: which rules can be judged, which are broken, and which
// values the rules force. Checks, fixes, hover and hints all read the rules through here, so that they never
// disagree about a cell.
//
// A value is *forced* on a cell only when every rule that can testify about it gives that same value. A rule
// testifies when all its other cells are known and none of them is itself in question, i.e. part of a broken
// rule that does not involve the cell: when a part of a row is wrong, the row's 总计 is not forced to the wrong
// sum, because the part's column rule is broken too and the 总计 column still says what the total was.
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
  /** the value that cell needs for this rule alone to hold */
  readonly expected: number;
}

/** A rule's values when every cell of it is known (else null). */
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

const holds = (v: RuleValues): boolean => Math.abs(v.partSum - v.totalSum) < 1e-9;
const involves = (rule: RuleTemplate, key: string): boolean => rule.parts.some((r) => refKey(r) === key) || rule.totals.some((r) => refKey(r) === key);
const cellsOf = (rule: RuleTemplate): CellRef[] => [...rule.parts, ...rule.totals];

/**
 * The rules that can judge the table's cells: while item 三 is empty a broken balance only says that the outcomes
 * are still to be entered, so it neither gives a value nor puts 一 or 二 in question.
 */
function judgingRules(table: Table): readonly RuleTemplate[] {
  const rules = rulesOf(table);
  if (outcomesEntered(table)) return rules;
  return rules.filter((rule) => rule.code !== 'balance-mismatch' || brokenAmong(table, [rule]).length === 0);
}

const brokenAmong = (table: Table, rules: readonly RuleTemplate[]): RuleTemplate[] =>
  rules.filter((rule) => {
    const v = ruleValues(table, rule);
    return v !== null && !holds(v);
  });

/** The cells of the broken rules that do not involve `key`: cells whose own value is in question. */
function questionedCells(broken: readonly RuleTemplate[], key: string | null): Set<string> {
  const out = new Set<string>();
  for (const rule of broken) if (key === null || !involves(rule, key)) for (const ref of cellsOf(rule)) out.add(refKey(ref));
  return out;
}

/**
 * The value `rule` gives the cell `key` from its other cells, or null when one of them is unknown or in
 * question. `value` reads a cell (known, or determined so far).
 */
function testimony(rule: RuleTemplate, key: string, value: (ref: CellRef) => number | null, questioned: ReadonlySet<string>): number | null {
  let residual = 0;
  let sign = 0;
  for (const [refs, s] of [[rule.parts, 1], [rule.totals, -1]] as const) {
    for (const ref of refs) {
      const k = refKey(ref);
      if (k === key) {
        sign = s;
        continue;
      }
      const v = value(ref);
      if (v === null || questioned.has(k)) return null;
      residual += v * s;
    }
  }
  return sign === 0 ? null : -residual / sign;
}

const isCount = (v: number): boolean => v >= 0 && Number.isInteger(v);

/** What one rule says about one cell. */
export interface Testimony {
  readonly rule: RuleTemplate;
  /** whether the rule holds; null when one of its cells is unknown */
  readonly holds: boolean | null;
  /** the value the rule gives the cell from its other cells; null when one is unknown or in question */
  readonly value: number | null;
  /** the value the rule's arithmetic gives the cell, in question or not; null when a cell is unknown */
  readonly arithmetic: number | null;
  /** the rule's other cells that are in question (part of another broken rule) */
  readonly questioned: readonly CellRef[];
}

const NONE: ReadonlySet<string> = new Set();

/** What each rule that involves a cell says about it. */
export function testimonies(table: Table, ref: CellRef): Testimony[] {
  const key = refKey(ref);
  const judging = judgingRules(table);
  const questioned = questionedCells(brokenAmong(table, judging), key);
  return rulesOf(table).filter((rule) => involves(rule, key)).map((rule) => {
    const values = ruleValues(table, rule);
    return {
      rule,
      holds: values && holds(values),
      value: judging.includes(rule) ? testimony(rule, key, (r) => knownValue(table, r), questioned) : null,
      arithmetic: testimony(rule, key, (r) => knownValue(table, r), NONE),
      questioned: cellsOf(rule).filter((r) => refKey(r) !== key && questioned.has(refKey(r))),
    };
  });
}

/**
 * The value the rules force on a known cell (see the top of this file), or null when no rule testifies, the
 * rules disagree, or the value is no count.
 */
export function forcedValue(table: Table, ref: CellRef): number | null {
  let forced: number | null = null;
  for (const { value } of testimonies(table, ref)) {
    if (value === null) continue;
    if (forced !== null && Math.abs(forced - value) > 1e-9) return null;
    forced = value;
  }
  return forced !== null && isCount(forced) ? forced : null;
}

/** Is the cell one the rules may fill: a blank in a row that is there, not a cell holding invalid text? */
function fillable(table: Table, ref: CellRef): boolean {
  if (!table.has(ref.row) && !table.collapsed.some((g) => g.key === ref.row)) return false;
  return table.cell(ref)?.state !== 'invalid';
}

/**
 * Values the rules force on unknown (blank) cells, e.g. seed 002: where 一 and 二 are 0 in a column, every cell
 * of that column is 0. An equation with one unknown is solved; one whose unknowns all stand on the same side and
 * must add up to 0 makes them all 0 (the cells are counts). Only rules whose known cells are not in question take
 * part, and a value that another rule contradicts is dropped, so a blank is never filled from a wrong figure.
 */
export function determinedValues(table: Table): Map<string, number> {
  const rules = judgingRules(table);
  const questioned = questionedCells(brokenAmong(table, rules), null);
  const refused = new Set<string>();
  for (;;) {
    const determined = solve(table, rules, questioned, refused);
    const contradicted = [...determined.keys()].filter((key) => contradicts(table, rules, determined, key, questioned));
    if (!contradicted.length) return determined;
    for (const key of contradicted) refused.add(key);
  }
}

function solve(table: Table, rules: readonly RuleTemplate[], questioned: ReadonlySet<string>, refused: ReadonlySet<string>): Map<string, number> {
  const determined = new Map<string, number>();
  const lookup = (ref: CellRef): number | null => determined.get(refKey(ref)) ?? knownValue(table, ref);
  for (let progress = true; progress; ) {
    progress = false;
    for (const rule of rules) {
      const terms = [...rule.parts.map((ref) => ({ ref, sign: 1 })), ...rule.totals.map((ref) => ({ ref, sign: -1 }))];
      const unknown = terms.filter((t) => lookup(t.ref) === null);
      if (!unknown.length || unknown.some((t) => refused.has(refKey(t.ref)) || !fillable(table, t.ref))) continue;
      if (terms.some((t) => questioned.has(refKey(t.ref)))) continue;
      const residual = terms.reduce((sum, t) => sum + (lookup(t.ref) ?? 0) * t.sign, 0);
      if (unknown.length === 1) {
        const value = -residual / unknown[0].sign;
        if (isCount(value)) {
          determined.set(refKey(unknown[0].ref), value);
          progress = true;
        }
      } else if (residual === 0 && unknown.every((t) => t.sign === unknown[0].sign)) {
        for (const t of unknown) determined.set(refKey(t.ref), 0);
        progress = true;
      }
    }
  }
  return determined;
}

/** Does a rule that can be judged with the determined values say otherwise about `key`? */
function contradicts(table: Table, rules: readonly RuleTemplate[], determined: ReadonlyMap<string, number>, key: string, questioned: ReadonlySet<string>): boolean {
  const lookup = (ref: CellRef): number | null => determined.get(refKey(ref)) ?? knownValue(table, ref);
  const own = determined.get(key)!;
  return rules.some((rule) => {
    if (!involves(rule, key)) return false;
    const v = testimony(rule, key, lookup, questioned);
    return v !== null && Math.abs(v - own) > 1e-9;
  });
}

/**
 * Whether any outcome (item 三 of table 三: the rows its column totals add up, and the totals) has been entered:
 * while every one is 0 or blank, a balance break says only that item 三 is still to be filled in.
 */
export function outcomesEntered(table: Table): boolean {
  const columnRules = rulesOf(table).filter((r) => r.code === 'column-total-mismatch');
  return columnRules.some((rule) => cellsOf(rule).some((ref) => (knownValue(table, ref) ?? 0) !== 0));
}
