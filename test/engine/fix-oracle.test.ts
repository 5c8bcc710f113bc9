// Fix-all against an oracle of the smallest corrections (SPEC §4, README's --fix paragraph): fix-all may write a value
// into a cell only if every smallest set of cell corrections that makes table 三 consistent gives the cell that
// value. The oracle is brute force over the template's rules, written here apart from rules/corrections.ts (the
// engine's exact search), so that a mistake made there is not made again here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixAll } from '../../server/src/engine';
import { TEMPLATES } from '../../server/src/engine/template/tables';
import { consistentValues, digits, OUTCOME_KEYS, renderReport, seededRandom, TABLE3_KEYS, type Layout, type ReportValues } from '../support/generate';

const TABLE3 = TEMPLATES['2021'].tables['三'];
const TOTAL = 6;
const COLUMNS = [0, 1, 2, 3, 4, 5, TOTAL];

// ---- the oracle ----

/** A cell of table 三, as `row:col`. */
type CellKey = string;
const cellKey = (row: string, col: number): CellKey => `${row}:${col}`;
const CELLS: readonly CellKey[] = TABLE3_KEYS.flatMap((row) => COLUMNS.map((col) => cellKey(row, col)));

/**
 * A rule as signed cells, parts +1 and totals −1: it holds when Σ sign × value = 0. Every rule counts: the engine
 * sets a broken balance aside only while item 三 is empty (evaluate.ts, outcomesEntered), and generated reports
 * have it filled in.
 */
type Rule = ReadonlyMap<CellKey, number>;
const RULES: readonly Rule[] = TABLE3.rules.map((rule) => {
  const signs = new Map<CellKey, number>();
  const add = (row: string, col: number, sign: number): void => void signs.set(cellKey(row, col), (signs.get(cellKey(row, col)) ?? 0) + sign);
  for (const ref of rule.parts) add(ref.row, ref.col, 1);
  for (const ref of rule.totals) add(ref.row, ref.col, -1);
  return signs;
});
const RULES_OF = new Map(CELLS.map((cell) => [cell, RULES.filter((rule) => rule.has(cell))]));

/** Table 三's values by cell. */
type Grid = ReadonlyMap<CellKey, number>;
const gridOf = (table3: Record<string, readonly number[]>): Grid => new Map(TABLE3_KEYS.flatMap((row) => COLUMNS.map((col) => [cellKey(row, col), table3[row][col]])));

/** How far a rule is off: Σ sign × value, 0 when it holds. */
function offBy(rule: Rule, grid: Grid): number {
  let sum = 0;
  for (const [cell, sign] of rule) sum += sign * grid.get(cell)!;
  return sum;
}

/** New values for some cells, with which (and the other cells as they are) every rule holds. */
type Correction = ReadonlyMap<CellKey, number>;

/**
 * Every smallest correction: every set of one cell is tried, then (if none mends the table) every set of two. The
 * damage here is of one or two cells, and undoing it is a correction, so two is always enough. At the smallest size
 * every cell of a correction really changes, or a smaller one would have been found.
 */
function smallestCorrections(grid: Grid): Correction[] {
  const broken = RULES.filter((rule) => offBy(rule, grid) !== 0);
  if (!broken.length) return [new Map()];
  const ones = CELLS.map((cell) => correctionOf([cell], grid, broken));
  if (ones.some(Boolean)) return ones.filter((c) => c !== null);
  const twos = CELLS.flatMap((a, i) => CELLS.slice(i + 1).map((b) => correctionOf([a, b], grid, broken)));
  if (twos.some(Boolean)) return twos.filter((c) => c !== null);
  throw new Error('no correction of one or two cells: more cells are damaged than the oracle searches');
}

/**
 * The values of `cells` with which every rule holds, the other cells keeping theirs; null when there are none that
 * are counts. Each rule the cells are in says Σ sign × change = −offBy; a broken rule none of them is in stays broken.
 */
function correctionOf(cells: readonly CellKey[], grid: Grid, broken: readonly Rule[]): Correction | null {
  if (broken.some((rule) => !cells.some((cell) => rule.has(cell)))) return null;
  const rules = [...new Set(cells.flatMap((cell) => RULES_OF.get(cell)!))];
  const changes = solveInIntegers(rules.map((rule) => ({ coefficients: cells.map((cell) => rule.get(cell) ?? 0), rhs: -offBy(rule, grid) })));
  if (changes === null) return null;
  const values = cells.map((cell, i) => grid.get(cell)! + changes[i]);
  return values.every((v) => v >= 0) ? new Map(cells.map((cell, i) => [cell, values[i]])) : null;
}

/** Σ coefficients[i] × unknown[i] = rhs, with integer coefficients. */
interface Equation {
  readonly coefficients: readonly number[];
  readonly rhs: number;
}

/** The integer solution of equations in one or two unknowns, or null when there is none. */
function solveInIntegers(equations: readonly Equation[]): number[] | null {
  const candidate = equations[0].coefficients.length === 1 ? oneUnknown(equations) : twoUnknowns(equations);
  const holds = (e: Equation): boolean => e.coefficients.reduce((sum, c, i) => sum + c * candidate![i], 0) === e.rhs;
  return candidate !== null && equations.every(holds) ? candidate : null;
}

function oneUnknown(equations: readonly Equation[]): number[] | null {
  const pinning = equations.find((e) => e.coefficients[0] !== 0);
  if (!pinning) throw new Error('a cell in no rule');
  const x = pinning.rhs / pinning.coefficients[0];
  return Number.isInteger(x) ? [x] : null;
}

/**
 * Cramer's rule on the first two independent equations; the rest are checked by the caller. Two cells of table 三
 * always have two independent rules (each is in its own row's rule, and in its own column's or the balance), so the
 * oracle never meets a pair of cells that may take many values; if it did, it would say so rather than guess.
 */
function twoUnknowns(equations: readonly Equation[]): number[] | null {
  for (const [i, e] of equations.entries()) {
    for (const f of equations.slice(i + 1)) {
      const [a, b] = e.coefficients;
      const [c, d] = f.coefficients;
      const det = a * d - b * c;
      if (det === 0) continue;
      const x = (e.rhs * d - b * f.rhs) / det;
      const y = (a * f.rhs - e.rhs * c) / det;
      // the only rational solution is not whole: no count solves them
      return Number.isInteger(x) && Number.isInteger(y) ? [x, y] : null;
    }
  }
  throw new Error('two cells whose rules do not pin them down: the oracle cannot enumerate their values');
}

/** The values a cell takes across the smallest corrections (a correction that leaves the cell alone keeps its value). */
const valuesAcross = (corrections: readonly Correction[], grid: Grid, cell: CellKey): number[] =>
  [...new Set(corrections.map((c) => c.get(cell) ?? grid.get(cell)!))].sort((a, b) => a - b);

// ---- the text, read without the engine ----

/** Where a cell's digits are: a line of the text and the tab-separated field in it (0 for a line of its own). */
interface Place {
  readonly line: number;
  readonly field: number;
}

/** Each cell's place in a generated report: after its row's label on the same line (tabs), or on the lines after it (lines). */
function placesOf(lines: readonly string[], layout: Layout): Map<CellKey, Place> {
  const places = new Map<CellKey, Place>();
  for (const row of TABLE3.rows) {
    const isLabel = (line: string): boolean => (layout === 'tabs' ? line.startsWith(`${row.label}\t`) : line === row.label);
    const at = lines.flatMap((line, i) => (isLabel(line) ? [i] : []));
    assert.equal(at.length, 1, `the label of ${row.key} on one line`);
    for (const col of COLUMNS) places.set(cellKey(row.key, col), layout === 'tabs' ? { line: at[0], field: col + 1 } : { line: at[0] + 1 + col, field: 0 });
  }
  return places;
}

const cellText = (lines: readonly string[], place: Place): string => lines[place.line].split('\t')[place.field] ?? '';

function withCellText(lines: string[], place: Place, text: string): void {
  const fields = lines[place.line].split('\t');
  fields[place.field] = text;
  lines[place.line] = fields.join('\t');
}

function readCount(text: string): number {
  const ascii = text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  assert.match(ascii, /^\d+$/, `a count: «${text}»`);
  return Number(ascii);
}

// ---- the damaged reports and the check ----

interface Damage {
  readonly row: string;
  readonly col: number;
  /** added to the cell; where that would go below 0, subtracted instead */
  readonly delta: number;
}

interface Case {
  readonly seed: number;
  readonly layout: Layout;
  readonly fullWidth: boolean;
  readonly damage: readonly Damage[];
}

function damagedValues(c: Case): ReportValues {
  const values = consistentValues(seededRandom(c.seed));
  for (const { row, col, delta } of c.damage) {
    const v = values.table3[row][col];
    values.table3[row][col] = v + delta >= 0 ? v + delta : v - delta;
  }
  return values;
}

const reportText = (c: Case, values: ReportValues): string => renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: c.layout, fullWidth: c.fullWidth });

type Fixer = (text: string) => string;
const engineFixAll: Fixer = (text) => fixAll(text).text;

interface Verdict {
  readonly corrections: readonly Correction[];
  /** the cells fix-all changed, with the values it wrote */
  readonly written: ReadonlyMap<CellKey, number>;
  /** the cells every smallest correction changes to one value, with that value */
  readonly forced: ReadonlyMap<CellKey, number>;
}

/**
 * Runs `fix` on the damaged report and checks it against the oracle: the text is unchanged but for the digits of
 * the cells it wrote (in the table's width), and each of those cells has, in every smallest correction, the value
 * written.
 */
function checkAgainstOracle(c: Case, fix: Fixer = engineFixAll): Verdict {
  const values = damagedValues(c);
  const before = reportText(c, values).split('\n');
  const after = fix(before.join('\n')).split('\n');
  assert.equal(after.length, before.length, 'the fix added or removed lines');
  const places = placesOf(before, c.layout);
  const grid = gridOf(values.table3);
  const written = new Map(CELLS.map((cell) => [cell, readCount(cellText(after, places.get(cell)!))] as const).filter(([cell, v]) => v !== grid.get(cell)));
  const expected = [...before];
  for (const [cell, v] of written) withCellText(expected, places.get(cell)!, digits(v, c.fullWidth));
  assert.equal(after.join('\n'), expected.join('\n'), 'the fix changed more than the digits of the cells it wrote');
  const corrections = smallestCorrections(grid);
  for (const [cell, v] of written) {
    const across = valuesAcross(corrections, grid, cell);
    const found = `${corrections.length} smallest correction(s) of ${corrections[0].size} cell(s)`;
    assert.deepEqual(across, [v], `${cell}: ${v} written over ${grid.get(cell)}; the ${found} give it ${across.join(' or ')}`);
  }
  return { corrections, written, forced: forcedValues(corrections, grid) };
}

/** The cells that every smallest correction changes, to one value. */
function forcedValues(corrections: readonly Correction[], grid: Grid): Map<CellKey, number> {
  const forced = new Map<CellKey, number>();
  for (const cell of CELLS) {
    const across = valuesAcross(corrections, grid, cell);
    if (across.length === 1 && across[0] !== grid.get(cell)) forced.set(cell, across[0]);
  }
  return forced;
}

/** The cells of each correction, sorted, for comparing what the oracle found with what an example expects. */
const cellsOf = (corrections: readonly Correction[]): string[] => corrections.map((c) => [...c.keys()].sort().join(' ')).sort();

// ---- generated cases ----

const arbCell = fc.record({ row: fc.constantFrom(...TABLE3_KEYS), col: fc.constantFrom(...COLUMNS) });
const arbDelta = fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0);
// the second damaged cell anywhere, or in the first one's row or column (where the rules see the two together), by
// its own amount or by the first one's taken back (a part moved to another row keeps its column's sum)
type Second = { near: 'anywhere' | 'same-row' | 'same-column'; cell: { row: string; col: number }; delta: number; moved: boolean };
const arbSecond: fc.Arbitrary<Second> = fc.record({ near: fc.constantFrom('anywhere', 'same-row', 'same-column'), cell: arbCell, delta: arbDelta, moved: fc.boolean() });

function secondDamage(first: Damage, second: Second): Damage {
  const row = second.near === 'same-row' ? first.row : second.cell.row;
  const col = second.near === 'same-column' ? first.col : second.cell.col;
  const delta = second.moved ? -first.delta : second.delta;
  if (row !== first.row || col !== first.col) return { row, col, delta };
  // the same cell drawn twice: its neighbour in the line the two were to share
  return second.near === 'same-column' ? { row: TABLE3_KEYS[(TABLE3_KEYS.indexOf(row) + 1) % TABLE3_KEYS.length], col, delta } : { row, col: (col + 1) % COLUMNS.length, delta };
}

const arbCase: fc.Arbitrary<Case> = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    layout: fc.constantFrom<Layout>('tabs', 'lines'),
    fullWidth: fc.boolean(),
    first: arbCell,
    delta: arbDelta,
    second: fc.option(arbSecond, { nil: undefined }),
  })
  .map(({ seed, layout, fullWidth, first, delta, second }) => {
    const damage = { ...first, delta };
    return { seed, layout, fullWidth, damage: second ? [damage, secondDamage(damage, second)] : [damage] };
  });

/** Every 总计: a cell that a rule's fix sets to the sum of its parts (each row's 总计, and each cell of （七）总计). */
const TOTALS: readonly CellKey[] = CELLS.filter((cell) => cell.endsWith(`:${TOTAL}`) || cell.startsWith('R24:'));

/**
 * A fixer that trusts every row's parts and sets each 总计 to their sum, forced or not: what the check must reject
 * where another correction is as small.
 */
const partsTrustingFixer =
  (c: Case): Fixer =>
  (text) => {
    const lines = text.split('\n');
    const places = placesOf(lines, c.layout);
    const at = (row: string, col: number): Place => places.get(cellKey(row, col))!;
    for (const row of TABLE3_KEYS) {
      const sum = COLUMNS.slice(0, TOTAL).reduce((s, col) => s + readCount(cellText(lines, at(row, col))), 0);
      withCellText(lines, at(row, TOTAL), digits(sum, c.fullWidth));
    }
    return lines.join('\n');
  };

/** Two parts of one column swapped between two outcome rows (seed 11): the column still adds up, both rows' 总计 look wrong. */
function swappedParts(): { c: Case; from: string; to: string; col: number } {
  const values = consistentValues(seededRandom(11));
  const col = [0, 1, 2, 3, 4, 5].find((k) => OUTCOME_KEYS.some((row) => values.table3[row][k] > 0))!;
  const from = OUTCOME_KEYS.find((row) => values.table3[row][col] > 0)!;
  const to = OUTCOME_KEYS.find((row) => row !== from)!;
  const damage = [
    { row: from, col, delta: -1 },
    { row: to, col, delta: 1 },
  ];
  return { c: { seed: 11, layout: 'tabs', fullWidth: false, damage }, from, to, col };
}

const cellSet = (...cells: CellKey[]): string => [...cells].sort().join(' ');

describe('fix-all against a brute-force oracle of the smallest corrections of table 三', () => {
  it('writes a value only where every smallest correction gives the cell that value, and changes nothing else', () => {
    // counted so that a fix-all that writes nothing, or damage that never leaves a choice, cannot pass unnoticed
    let runsWithWrites = 0;
    let runsWithChoices = 0;
    fc.assert(
      fc.property(arbCase, (c) => {
        const verdict = checkAgainstOracle(c);
        if (verdict.written.size) runsWithWrites++;
        if (verdict.corrections.length > 1) runsWithChoices++;
      }),
      { numRuns: 1000 },
    );
    assert.ok(runsWithWrites > 20, `fix-all wrote in ${runsWithWrites} runs`);
    assert.ok(runsWithChoices > 20, `more than one smallest correction in ${runsWithChoices} runs`);
  });

  it('one wrong 总计: its old value is the only smallest correction, and fix-all writes it', () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom(...TOTALS), (c, total) => {
        const [row, col] = total.split(':');
        const original = gridOf(consistentValues(seededRandom(c.seed)).table3);
        const verdict = checkAgainstOracle({ ...c, damage: [{ row, col: Number(col), delta: c.damage[0].delta }] });
        assert.deepEqual([...verdict.forced], [[total, original.get(total)]]);
        assert.deepEqual([...verdict.written], [[total, original.get(total)]]);
      }),
      { numRuns: 60 },
    );
  });

  it('a wrong 总计 of one row (seed 3, （三）1 总计 two over): forced, and written', () => {
    const c: Case = { seed: 3, layout: 'tabs', fullWidth: false, damage: [{ row: 'R5', col: TOTAL, delta: 2 }] };
    const damaged = gridOf(damagedValues(c).table3).get('R5:6')!;
    const verdict = checkAgainstOracle(c);
    assert.deepEqual(cellsOf(verdict.corrections), [cellSet('R5:6')]);
    assert.deepEqual([...verdict.written], [['R5:6', damaged - 2]]);
  });

  it('two parts swapped between rows of one column: moving them back is as small as rewriting both 总计, so nothing is forced or written', () => {
    const { c, from, to, col } = swappedParts();
    const verdict = checkAgainstOracle(c);
    assert.deepEqual(cellsOf(verdict.corrections), [cellSet(`${from}:${col}`, `${to}:${col}`), cellSet(`${from}:${TOTAL}`, `${to}:${TOTAL}`)].sort());
    assert.deepEqual([...verdict.forced], []);
    assert.deepEqual([...verdict.written], []);
  });

  it('一 and 四 both one over their parts (README): one application left out of any one column explains it as well, so nothing is forced', () => {
    const c: Case = { seed: 5, layout: 'lines', fullWidth: true, damage: [{ row: 'R1', col: TOTAL, delta: 1 }, { row: 'R25', col: TOTAL, delta: 1 }] };
    const verdict = checkAgainstOracle(c);
    assert.deepEqual(cellsOf(verdict.corrections), COLUMNS.map((col) => cellSet(`R1:${col}`, `R25:${col}`)).sort());
    assert.deepEqual([...verdict.written], []);
  });

  it('the check rejects a fixer that writes the forced 总计 in ASCII digits into a full-width table', () => {
    const c: Case = { seed: 3, layout: 'tabs', fullWidth: true, damage: [{ row: 'R5', col: TOTAL, delta: 2 }] };
    const forced = gridOf(damagedValues(c).table3).get('R5:6')! - 2;
    const asciiFixer: Fixer = (text) => {
      const lines = text.split('\n');
      withCellText(lines, placesOf(lines, c.layout).get('R5:6')!, String(forced));
      return lines.join('\n');
    };
    assert.throws(() => checkAgainstOracle(c, asciiFixer), { message: /^the fix changed more than the digits of the cells it wrote/ });
  });

  it('the check rejects a fixer that writes a 总计 the rules do not force (parts swapped, both 总计 set to their parts’ sums)', () => {
    const { c, from, to } = swappedParts();
    assert.throws(() => checkAgainstOracle(c, partsTrustingFixer(c)), { message: new RegExp(`^(${from}|${to}):${TOTAL}: \\d+ written over`) });
  });
});
