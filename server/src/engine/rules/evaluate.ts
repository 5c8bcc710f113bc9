// What the table's arithmetic rules say about its cells: which rules can be judged, which are broken, and which
// values the rules force. Checks, fixes, hover and hints all read the rules through here, so that they never
// disagree about a cell.
//
// A value is *forced* on a cell only when every rule that can testify about it gives that same value. A rule
// testifies when all its other cells are known and none of them is itself in question, i.e. part of a broken
// rule that does not involve the cell: when a part of a row is wrong, the row's 总计 is not forced to the wrong
// sum, because the part's column rule is broken too and the 总计 column still says what the total was.
//
// A table is read-only once parsed, so what is worked out of it (its rules as terms, which are broken) is kept per
// table: a reviewer's folder is mostly reports with blank cells, and each blank asks these questions.
import type { Table } from '../model';
import type { CellRef, RuleTemplate } from '../template/types';
import { valuesOfEverySmallestCorrection } from './corrections';

export const refKey = (ref: CellRef): string => `${ref.row}:${ref.col}`;

/** The table's rules, with the rows of a collapsed group (the single （六） row) replaced by the group. */
export function rulesOf(table: Table): readonly RuleTemplate[] {
  return analysisOf(table).rules;
}

/** the rules of a template with some groups collapsed, per template and groups: the same for every table so written */
const collapsedRuleSets = new WeakMap<Table['template'], Map<string, readonly RuleTemplate[]>>();

function collapsedRules(table: Table): readonly RuleTemplate[] {
  if (!table.collapsed.length) return table.template.rules;
  const groups = table.collapsed.map((g) => `${g.key}=${g.members.join(',')}`).join(';');
  let sets = collapsedRuleSets.get(table.template);
  if (!sets) collapsedRuleSets.set(table.template, (sets = new Map()));
  let rules = sets.get(groups);
  if (!rules) sets.set(groups, (rules = withGroups(table.template.rules, table.collapsed)));
  return rules;
}

function withGroups(templateRules: readonly RuleTemplate[], collapsed: Table['collapsed']): readonly RuleTemplate[] {
  const groupOf = new Map<string, string>();
  for (const g of collapsed) for (const m of g.members) groupOf.set(m, g.key);
  const substitute = (refs: readonly CellRef[]): CellRef[] => {
    const seen = new Set<string>();
    return refs
      .map((r) => (groupOf.has(r.row) ? { row: groupOf.get(r.row)!, col: r.col } : r))
      .filter((r) => !seen.has(refKey(r)) && seen.add(refKey(r)) !== undefined);
  };
  return templateRules
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

interface Term {
  readonly ref: CellRef;
  readonly key: string;
  /** +1 for a part, -1 for a total: the rule says Σ sign × value = 0 */
  readonly sign: 1 | -1;
}

interface Rule {
  readonly rule: RuleTemplate;
  readonly terms: readonly Term[];
  /** whether every cell is known */
  readonly known: boolean;
  /** whether every cell is known and the rule does not hold */
  readonly broken: boolean;
  /** whether it may judge cells: not a balance broken while item 三 is empty */
  readonly judges: boolean;
}

/** Rules as terms, and the rules each cell is in: the same for every table of a template. */
interface Shape {
  readonly terms: readonly (readonly Term[])[];
  readonly byCell: ReadonlyMap<string, readonly number[]>;
}

/** A table's rules, which of them are broken and judge, and the rules each cell is in. */
interface Analysis {
  readonly rules: readonly RuleTemplate[];
  readonly compiled: readonly Rule[];
  readonly byCell: ReadonlyMap<string, readonly number[]>;
  readonly outcomesEntered: boolean;
  /** the values forced on known cells, worked out on first use */
  forced?: ReadonlyMap<string, number>;
}

const shapes = new WeakMap<readonly RuleTemplate[], Shape>();
const analyses = new WeakMap<Table, Analysis>();

function shapeOf(rules: readonly RuleTemplate[]): Shape {
  let shape = shapes.get(rules);
  if (shape) return shape;
  const terms = rules.map((rule): Term[] => [
    ...rule.parts.map((ref) => ({ ref, key: refKey(ref), sign: 1 as const })),
    ...rule.totals.map((ref) => ({ ref, key: refKey(ref), sign: -1 as const })),
  ]);
  const byCell = new Map<string, number[]>();
  terms.forEach((ts, i) => {
    for (const t of ts) {
      const list = byCell.get(t.key);
      if (list) list.push(i);
      else byCell.set(t.key, [i]);
    }
  });
  shapes.set(rules, (shape = { terms, byCell }));
  return shape;
}

function analysisOf(table: Table): Analysis {
  let analysis = analyses.get(table);
  if (analysis) return analysis;
  const rules = collapsedRules(table);
  const { terms, byCell } = shapeOf(rules);
  const sums = terms.map((ts) => {
    let sum = 0;
    for (const t of ts) sum += (knownValue(table, t.ref) ?? Number.NaN) * t.sign;
    return sum;
  });
  // while every outcome (the rows the column totals add up, and the totals) is 0 or blank, a broken balance only
  // says that item 三 is still to be filled in: it neither gives a value nor puts 一 or 二 in question
  const outcomesEntered = rules.some((rule, i) => rule.code === 'column-total-mismatch' && terms[i].some((t) => (knownValue(table, t.ref) ?? 0) !== 0));
  const compiled = rules.map((rule, i): Rule => {
    const known = !Number.isNaN(sums[i]);
    const broken = known && Math.abs(sums[i]) >= 1e-9;
    return { rule, terms: terms[i], known, broken, judges: outcomesEntered || rule.code !== 'balance-mismatch' || !broken };
  });
  analysis = { rules, compiled, byCell, outcomesEntered };
  analyses.set(table, analysis);
  return analysis;
}

/** The rules a cell is in. */
const rulesAt = (analysis: Analysis, key: string): Rule[] => (analysis.byCell.get(key) ?? []).map((i) => analysis.compiled[i]);

/**
 * Whether any outcome (item 三 of table 三) has been entered: while every one is 0 or blank, a balance break says
 * only that item 三 is still to be filled in.
 */
export function outcomesEntered(table: Table): boolean {
  return analysisOf(table).outcomesEntered;
}

/** Whether a cell is in a broken rule that judges: its own value may be the wrong one. */
export function inQuestion(table: Table, ref: CellRef): boolean {
  const analysis = analysisOf(table);
  return rulesAt(analysis, refKey(ref)).some((r) => r.broken && r.judges);
}

/** The cells of the broken, judging rules that do not involve `key`: cells whose own value is in question. */
function questionedCells(analysis: Analysis, key: string | null): Set<string> {
  const out = new Set<string>();
  for (const r of analysis.compiled) {
    if (!r.broken || !r.judges || (key !== null && r.terms.some((t) => t.key === key))) continue;
    for (const t of r.terms) out.add(t.key);
  }
  return out;
}

/**
 * The value a rule gives the cell `key` from its other cells, or null when one of them is unknown or in question.
 * `value` reads a cell (known, or determined so far).
 */
function testimony(r: Rule, key: string, value: (t: Term) => number | null, questioned: ReadonlySet<string>): number | null {
  let residual = 0;
  let sign = 0;
  for (const t of r.terms) {
    if (t.key === key) {
      sign = t.sign;
      continue;
    }
    const v = value(t);
    if (v === null || questioned.has(t.key)) return null;
    residual += v * t.sign;
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
  const analysis = analysisOf(table);
  const questioned = questionedCells(analysis, key);
  const known = (t: Term): number | null => knownValue(table, t.ref);
  return rulesAt(analysis, key).map((r) => {
    return {
      rule: r.rule,
      holds: r.known ? !r.broken : null,
      value: r.judges ? testimony(r, key, known, questioned) : null,
      arithmetic: testimony(r, key, known, NONE),
      questioned: r.terms.filter((t) => t.key !== key && questioned.has(t.key)).map((t) => t.ref),
    };
  });
}

/**
 * The value the rules force on a known cell (see the top of this file), or null when no rule testifies, the
 * rules disagree, or the value is no count; and only if every rule of the cell that holds now still holds once
 * all the table's forced values are written. A value that breaks a rule which holds is no correction but a guess
 * between wrong cells: with 自然人 of 一 and of （七）总计 both 4 too many, the balance holds, 一's row says its
 * 总计 is 4 short, and writing that 总计 would break the balance of 总计; two cells of （七）总计 wrong together
 * (4 and 5 for 5 and 6) keep their row rule, which still holds once both are written.
 */
export function forcedValue(table: Table, ref: CellRef): number | null {
  return forcedValues(table).get(refKey(ref)) ?? null;
}

/** What the testifying rules agree on for a known cell, or null (see forcedValue). */
function agreedValue(table: Table, ref: CellRef): number | null {
  let agreed: number | null = null;
  for (const { value } of testimonies(table, ref)) {
    if (value === null) continue;
    if (agreed !== null && Math.abs(agreed - value) > 1e-9) return null;
    agreed = value;
  }
  return agreed !== null && isCount(agreed) ? agreed : null;
}

function forcedValues(table: Table): ReadonlyMap<string, number> {
  const analysis = analysisOf(table);
  if (analysis.forced) return analysis.forced;
  const forced = new Map<string, number>();
  const cells = new Map<string, CellRef>();
  for (const r of analysis.compiled) if (r.broken && r.judges) for (const t of r.terms) cells.set(t.key, t.ref);
  for (const [key, ref] of cells) {
    const value = agreedValue(table, ref);
    if (value !== null) forced.set(key, value);
  }
  /** whether a rule holds with the forced values written (but the one of `except`, which keeps its own) */
  const holdsWritten = (r: Rule, except?: string): boolean => {
    let sum = 0;
    for (const t of r.terms) sum += ((t.key === except ? undefined : forced.get(t.key)) ?? knownValue(table, t.ref)!) * t.sign;
    return Math.abs(sum) < 1e-9;
  };
  // a value that breaks a rule which holds, or which the other values make hold, is a guess: the row of 一's
  // 其他 9 too many says its 总计 is 9 short, while the 总计 column, broken only by another row's 总计 that the
  // rules do correct, holds once that one is written and breaks again with this one; the 其他 column's balance,
  // broken too, says that 其他 is the wrong cell
  const breaksRule = (r: Rule, key: string): boolean => r.known && (!r.broken || holdsWritten(r, key)) && !holdsWritten(r);
  // dropping a value can break another's rule in turn, so until nothing is dropped
  for (let dropped = true; dropped; ) {
    dropped = false;
    for (const key of [...forced.keys()]) {
      if (!rulesAt(analysis, key).some((r) => breaksRule(r, key))) continue;
      forced.delete(key);
      dropped = true;
    }
  }
  // a cell that two rules judge can be wrong together with another in ways one rule cannot see (two parts swapped
  // between rows keep their column; a row unread takes the column rules away): its value is forced only where
  // every smallest correction of the table writes it. A cell of one rule alone (a group of 表四, 一's row while
  // item 三 is empty) is the SPEC's wrong 总计 whose parts are known.
  const judgedTwice = [...forced.keys()].filter((key) => rulesAt(analysis, key).filter((r) => r.judges).length > 1);
  if (judgedTwice.length) {
    const judging = analysis.compiled.filter((r) => r.judges);
    const refs = new Map(judging.flatMap((r) => r.terms.map((t) => [t.key, t.ref] as const)));
    const common = valuesOfEverySmallestCorrection(judging, (key) => knownValue(table, refs.get(key)!));
    for (const key of judgedTwice) if (common?.get(key) !== forced.get(key)) forced.delete(key);
  }
  analysis.forced = forced;
  return forced;
}

/**
 * Values the rules force on unknown (blank) cells, e.g. seed 002: where 一 and 二 are 0 in a column, every cell
 * of that column is 0. An equation with one unknown is solved; one whose unknowns all stand on the same side and
 * must add up to 0 makes them all 0 (the cells are counts). Only rules whose known cells are not in question take
 * part, and a value that another rule contradicts is dropped, so a blank is never filled from a wrong figure.
 */
export function determinedValues(table: Table): Map<string, number> {
  const analysis = analysisOf(table);
  const questioned = questionedCells(analysis, null);
  const fillable = fillableCells(table);
  const refused = new Set<string>();
  for (;;) {
    const determined = solve(table, analysis, questioned, refused, fillable);
    const contradicted = contradictedCells(table, analysis, determined, questioned);
    if (!contradicted.length) return determined;
    for (const key of contradicted) refused.add(key);
  }
}

/**
 * The determined cells that a rule contradicts: a judging rule none of whose cells is in question, whose cells are
 * all known or determined, and that does not hold with the determined values.
 */
function contradictedCells(table: Table, analysis: Analysis, determined: ReadonlyMap<string, number>, questioned: ReadonlySet<string>): string[] {
  if (!determined.size) return [];
  const out: string[] = [];
  for (const r of analysis.compiled) {
    if (!r.judges) continue;
    let sum = 0;
    let involved = false;
    for (const t of r.terms) {
      const d = determined.get(t.key);
      if (d !== undefined) involved = true;
      sum += (d ?? knownValue(table, t.ref) ?? Number.NaN) * t.sign;
      if (questioned.has(t.key)) sum = Number.NaN;
    }
    if (involved && !Number.isNaN(sum) && Math.abs(sum) >= 1e-9) for (const t of r.terms) if (determined.has(t.key)) out.push(t.key);
  }
  return out;
}

/** Whether a cell is one the rules may fill: a blank in a row that is there, not a cell holding invalid text. */
function fillableCells(table: Table): (t: Term) => boolean {
  const memo = new Map<string, boolean>();
  return (t) => {
    let ok = memo.get(t.key);
    if (ok === undefined) {
      const present = table.has(t.ref.row) || table.collapsed.some((g) => g.key === t.ref.row);
      memo.set(t.key, (ok = present && table.cell(t.ref)?.state !== 'invalid'));
    }
    return ok;
  };
}

function solve(table: Table, analysis: Analysis, questioned: ReadonlySet<string>, refused: ReadonlySet<string>, fillable: (t: Term) => boolean): Map<string, number> {
  const determined = new Map<string, number>();
  const lookup = (t: Term): number | null => determined.get(t.key) ?? knownValue(table, t.ref);
  for (let progress = true; progress; ) {
    progress = false;
    for (const r of analysis.compiled) {
      if (!r.judges) continue;
      let residual = 0;
      let unknown: Term[] | null = null;
      let usable = true;
      for (const t of r.terms) {
        if (questioned.has(t.key)) usable = false;
        const v = lookup(t);
        if (v !== null) residual += v * t.sign;
        else if (refused.has(t.key) || !fillable(t)) usable = false;
        else (unknown ??= []).push(t);
        if (!usable) break;
      }
      if (!usable || !unknown) continue;
      if (unknown.length === 1) {
        const value = -residual / unknown[0].sign;
        if (isCount(value)) {
          determined.set(unknown[0].key, value);
          progress = true;
        }
      } else if (residual === 0 && unknown.every((t) => t.sign === unknown![0].sign)) {
        for (const t of unknown) determined.set(t.key, 0);
        progress = true;
      }
    }
  }
  return determined;
}
