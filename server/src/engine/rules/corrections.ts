// The smallest corrections of a table: the fewest known cells whose values, changed, make every rule hold. A value
// is forced on a cell only when every smallest correction gives the cell that value: when two parts of one column
// are swapped between two rows, the column still adds up and both rows' 总计 look wrong, but moving the parts back
// is as small an explanation as rewriting both 总计, so neither 总计 is forced.
//
// Unknown cells (blank, invalid, in a row that could not be read) may take any value: they are eliminated first,
// so that only what the known cells must satisfy among themselves remains. The search is exact within its bounds;
// beyond them it gives no answer, and then nothing is forced.

/** A rule as terms: Σ sign × value = 0. */
export interface LinearRule {
  readonly terms: readonly { readonly key: string; readonly sign: number }[];
}

/** A rule over known cells only: Σ coeffs[i] × value(cells[i]) = 0, which is off by `residual` now. */
interface Equation {
  readonly cells: readonly number[];
  readonly coeffs: readonly number[];
  readonly residual: number;
}

const EPS = 1e-9;
/** corrections of more cells than this are not searched: with that many wrong cells nothing is forced */
const MAX_CELLS = 7;
/** sets of cells tried, in all: the bound that keeps a fix computed on a keystroke quick */
const MAX_TRIED = 20_000;
/** the chosen cells fit together in more than one way: what they are is not said by the rules */
const UNDETERMINED = 'undetermined';

/**
 * The values every smallest correction gives to the cells it changes, or null when no correction is found within
 * the search's bounds. A cell absent from the map keeps its value in some smallest correction.
 */
export function valuesOfEverySmallestCorrection(rules: readonly LinearRule[], value: (key: string) => number | null): Map<string, number> | null {
  const { keys, equations } = knownEquations(rules, value);
  const values = keys.map((k) => value(k)!);
  const corrections = smallestCorrections(equations, values, keys.length);
  if (corrections === null) return null;
  const common = new Map<string, number>();
  if (!corrections.length || corrections.includes(UNDETERMINED)) return common;
  const [first, ...rest] = corrections as Map<number, number>[];
  for (const [cell, v] of first) if (rest.every((c) => c.get(cell) === v)) common.set(keys[cell], v);
  return common;
}

/** The rules with their unknown cells eliminated, over the known cells (numbered). */
function knownEquations(rules: readonly LinearRule[], value: (key: string) => number | null): { keys: string[]; equations: Equation[] } {
  let rows = rules.map((r) => {
    const row = new Map<string, number>();
    for (const t of r.terms) row.set(t.key, (row.get(t.key) ?? 0) + t.sign);
    return row;
  });
  const unknown = new Set<string>();
  for (const row of rows) for (const key of row.keys()) if (value(key) === null) unknown.add(key);
  for (const u of unknown) {
    const pivot = rows.find((row) => Math.abs(row.get(u) ?? 0) > EPS);
    if (!pivot) continue;
    const p = pivot.get(u)!;
    rows = rows.filter((row) => row !== pivot);
    for (const row of rows) {
      const c = row.get(u);
      if (c === undefined || Math.abs(c) <= EPS) continue;
      const f = c / p;
      for (const [key, pc] of pivot) {
        const v = (row.get(key) ?? 0) - f * pc;
        if (Math.abs(v) <= EPS) row.delete(key);
        else row.set(key, v);
      }
    }
  }
  const index = new Map<string, number>();
  const keys: string[] = [];
  const equations: Equation[] = [];
  for (const row of rows) {
    const cells: number[] = [];
    const coeffs: number[] = [];
    let residual = 0;
    for (const [key, c] of row) {
      if (Math.abs(c) <= EPS) continue;
      let i = index.get(key);
      if (i === undefined) index.set(key, (i = keys.push(key) - 1));
      cells.push(i);
      coeffs.push(c);
      residual += c * value(key)!;
    }
    if (cells.length) equations.push({ cells, coeffs, residual });
  }
  return { keys, equations };
}

/**
 * Every smallest set of cells with new values (non-negative integers) that makes each equation hold, as maps from
 * cell to value; null when the search's bounds are reached first. The search grows a set of cells from what it
 * still needs: a broken equation none of whose cells is in the set, or an equation that holds and has only one
 * cell in the set (that cell could not change alone). Every smallest correction is reached so, since each of its
 * cells changes.
 */
function smallestCorrections(equations: readonly Equation[], values: readonly number[], cellCount: number): (Map<number, number> | typeof UNDETERMINED)[] | null {
  const broken = equations.map((e) => Math.abs(e.residual) > EPS);
  if (!broken.some(Boolean)) return [];
  const equationsOf: number[][] = Array.from({ length: cellCount }, () => []);
  equations.forEach((e, i) => e.cells.forEach((c) => equationsOf[c].push(i)));
  const touched = new Int32Array(equations.length);
  const chosen: number[] = [];
  const inSet = new Uint8Array(cellCount);
  let tried = 0;
  for (let size = 1; size <= Math.min(MAX_CELLS, cellCount); size++) {
    const found = new Map<string, Map<number, number> | typeof UNDETERMINED>();
    const seen = new Set<string>();
    const needs = (i: number): boolean => (broken[i] ? touched[i] === 0 : touched[i] === 1);
    const add = (c: number): void => {
      chosen.push(c);
      inSet[c] = 1;
      for (const i of equationsOf[c]) touched[i] += 1;
    };
    const remove = (c: number): void => {
      chosen.pop();
      inSet[c] = 0;
      for (const i of equationsOf[c]) touched[i] -= 1;
    };
    /** a lower bound on the cells still needed: needing equations that share no cell outside the set */
    const stillNeeded = (needing: number[]): number => {
      const claimed = new Set<number>();
      let n = 0;
      for (const i of needing) {
        const free = equations[i].cells.filter((c) => !inSet[c]);
        if (free.some((c) => claimed.has(c))) continue;
        for (const c of free) claimed.add(c);
        n++;
      }
      return n;
    };
    const grow = (): boolean => {
      const key = [...chosen].sort((a, b) => a - b).join(',');
      if (seen.has(key)) return true;
      seen.add(key);
      if (++tried > MAX_TRIED) return false;
      const needing: number[] = [];
      for (let i = 0; i < equations.length; i++) if (needs(i)) needing.push(i);
      if (!needing.length) {
        if (chosen.length === size) {
          const solved = solve(equations, values, chosen);
          if (solved) found.set(key, solved);
          return true;
        }
        // fewer cells would have been found at a smaller size: these do not fit together, so one more from an
        // equation they are in
        const next = new Set<number>();
        for (const c of chosen) for (const i of equationsOf[c]) for (const d of equations[i].cells) if (!inSet[d]) next.add(d);
        return tryEach(next);
      }
      if (chosen.length + stillNeeded(needing) > size) return true;
      let narrowest = needing[0];
      let freeCells = Number.POSITIVE_INFINITY;
      for (const i of needing) {
        const n = equations[i].cells.reduce((a, c) => a + (inSet[c] ? 0 : 1), 0);
        if (n < freeCells) [narrowest, freeCells] = [i, n];
      }
      return tryEach(equations[narrowest].cells.filter((c) => !inSet[c]));
    };
    const tryEach = (cells: Iterable<number>): boolean => {
      for (const c of cells) {
        add(c);
        const ok = grow();
        remove(c);
        if (!ok) return false;
      }
      return true;
    };
    if (!grow()) return null;
    if (found.size) return [...found.values()];
  }
  return null;
}

/**
 * The new values of the chosen cells that make every equation hold, when all are counts that differ from the old
 * values; UNDETERMINED when more than one choice does; else null.
 */
function solve(equations: readonly Equation[], values: readonly number[], chosen: readonly number[]): Map<number, number> | typeof UNDETERMINED | null {
  const n = chosen.length;
  const column = new Map(chosen.map((c, j) => [c, j]));
  const rows: number[][] = [];
  for (const e of equations) {
    const row = new Array<number>(n + 1).fill(0);
    let touches = false;
    e.cells.forEach((c, k) => {
      const j = column.get(c);
      if (j === undefined) return;
      row[j] += e.coeffs[k];
      touches = true;
    });
    if (!touches) {
      if (Math.abs(e.residual) > EPS) return null;
      continue;
    }
    row[n] = -e.residual;
    rows.push(row);
  }
  const pivotRow: number[] = [];
  let rank = 0;
  for (let j = 0; j < n && rank < rows.length; j++) {
    let p = -1;
    for (let i = rank; i < rows.length; i++) if (Math.abs(rows[i][j]) > EPS && (p < 0 || Math.abs(rows[i][j]) > Math.abs(rows[p][j]))) p = i;
    if (p < 0) continue;
    [rows[rank], rows[p]] = [rows[p], rows[rank]];
    const pivot = rows[rank];
    const pv = pivot[j];
    for (let k = j; k <= n; k++) pivot[k] /= pv;
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i][j];
      if (i === rank || Math.abs(f) <= EPS) continue;
      for (let k = j; k <= n; k++) rows[i][k] -= f * pivot[k];
    }
    pivotRow[j] = rank++;
  }
  for (let i = rank; i < rows.length; i++) if (Math.abs(rows[i][n]) > 1e-6) return null;
  if (rank < n) return UNDETERMINED;
  const out = new Map<number, number>();
  for (let j = 0; j < n; j++) {
    const delta = rows[pivotRow[j]][n];
    const v = values[chosen[j]] + delta;
    if (Math.abs(delta) < 1e-6 || v < -1e-6 || Math.abs(v - Math.round(v)) > 1e-6) return null;
    out.set(chosen[j], Math.round(v));
  }
  return out;
}
