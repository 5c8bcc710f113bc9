// Splits a row's glued digits (`15130000154`, `10 0 00 0 1`) into its cells by the template: the number of
// cells the row has, no leading zero in a multi-digit cell, and the row's sum rules (总计 = the sum of its
// parts). A search over digit positions: a total that follows its parts is not searched but computed and
// compared with the digits that stand there, so a table 三 row costs a search over its six parts only. The
// search has a step budget and stops at a few splits, so a row costs a bounded time whatever its text.
import { BoundedCache } from '../text/bounded-cache';

/**
 * A value token as the splitter sees it: its digits (ASCII), which may hold several cells, or null for a token
 * that is one cell whatever it holds (a decimal, a blank marker, malformed text).
 */
export type Piece = string | null;

/**
 * A row's value tokens as the splitter reads them, read where they stand: a row seen before is looked up
 * without a copy of its digits being made.
 */
export interface RowDigits {
  readonly count: number;
  /** how many digits piece p has; -1 for a piece that is one cell whatever it holds (a null Piece) */
  length(p: number): number;
  /** the ASCII code of digit i of piece p */
  digit(p: number, i: number): number;
  /** the pieces as strings: made only for a row not searched before */
  pieces(): Piece[];
}

/** Pieces given as strings. */
class PieceList implements RowDigits {
  constructor(private readonly list: readonly Piece[]) {}

  get count(): number {
    return this.list.length;
  }

  length(p: number): number {
    return this.list[p]?.length ?? -1;
  }

  digit(p: number, i: number): number {
    return this.list[p]!.charCodeAt(i);
  }

  pieces(): Piece[] {
    return [...this.list];
  }
}

/** A row rule over its cells: cells[total] = Σ cells[parts]. */
export interface SumRule {
  readonly parts: readonly number[];
  readonly total: number;
}

/**
 * Where each cell of a split lies: cell k is pieces[piece[k]].slice(from[k], to[k]); from[k] === to[k] where the
 * cell is a whole null piece. Its value (NaN for a null piece) and its digits (null for a null piece) come with it.
 */
export interface Split {
  readonly piece: readonly number[];
  readonly from: readonly number[];
  readonly to: readonly number[];
  readonly values: readonly number[];
  readonly digits: readonly (string | null)[];
}

export interface SplitOutcome {
  /** the digits can be split into the row's cells at all (too few or too many digits cannot) */
  readonly splittable: boolean;
  /** the split to take: the only one the layout allows, or the only one that satisfies every rule */
  readonly chosen: Split | null;
  /** when no split is chosen: the splits that satisfy every rule (at most MAX_CANDIDATES); none when the search gave up */
  readonly candidates: readonly Split[];
  /** the candidates are every split that satisfies the rules (none was left out for the cap or the budget) */
  readonly complete: boolean;
  /** the digits can be split into the row's cells, but no split satisfies its rules: a rule is broken whatever the split */
  readonly contradicts: boolean;
}

/** counts and amounts beyond a billion are not written in these tables */
const MAX_CELL_DIGITS = 9;
/** candidates shown when several splits satisfy every rule */
export const MAX_CANDIDATES = 3;
/**
 * search steps per row: far above what a real row needs (tens; hundreds to thousands for a row of numbers in
 * the thousands), a fraction of a millisecond; a row that needs more is left unsplit (ambiguous), never guessed
 */
const STEP_BUDGET = 5000;

/** Some piece's digits cannot be one cell (`00`, `0494246`, more digits than a cell has): they are glued cells for sure. */
export function holdsSeveralCells(row: RowDigits): boolean {
  for (let p = 0; p < row.count; p++) {
    const length = row.length(p);
    if (length > 1 && (row.digit(p, 0) === 48 || length > MAX_CELL_DIGITS)) return true;
  }
  return false;
}

const NONE: SplitOutcome = { splittable: false, chosen: null, candidates: [], complete: false, contradicts: false };
const CONTRADICTS: SplitOutcome = { splittable: true, chosen: null, candidates: [], complete: true, contradicts: true };

/**
 * A row searched before: its pieces as one string (a null piece as `.`, a space between pieces: one string to
 * compare a row with, where an array of strings would be several objects to reach), its cell count, and what
 * the search found.
 */
interface Searched {
  readonly key: string;
  readonly cells: number;
  readonly outcome: SplitOutcome;
}

/**
 * outcomes kept per rule set, by a hash of the row's pieces (no key string is built for a row looked up): rows repeat
 * (all-zero rows above all, and every row of a report parsed again as it is edited), and a split depends on nothing
 * else
 */
const outcomes = new WeakMap<readonly SumRule[], BoundedCache<number, Searched[]>>();
/**
 * the hashes of rows searched once, per rule set: a row's outcome is kept the second time it is searched. Most rows
 * of reports never seen before are never seen again, and keeping each one's key and outcome (past the young
 * generation's collections, to be dropped when the cache starts again) cost more than searching it: fresh glued
 * text checked 10% slower with every outcome kept
 */
const searchedOnce = new WeakMap<readonly SumRule[], BoundedCache<number, true>>();
/** distinct rows kept per rule set before the cache starts again */
const CACHE_LIMIT = 4096;
/** rows of one hash kept at most */
const MAX_BUCKET = 4;

const NULL_PIECE = 0x2e;
const BETWEEN_PIECES = 0x20;

function rowHash(row: RowDigits, cells: number): number {
  let hash = Math.imul(0x811c9dc5 ^ cells, 0x01000193);
  for (let p = 0; p < row.count; p++) {
    const length = row.length(p);
    if (length < 0) hash = Math.imul(hash ^ NULL_PIECE, 0x01000193);
    else for (let i = 0; i < length; i++) hash = Math.imul(hash ^ row.digit(p, i), 0x01000193);
    hash = Math.imul(hash ^ BETWEEN_PIECES, 0x01000193);
  }
  return hash;
}

function keyOf(pieces: readonly Piece[]): string {
  return pieces.map((p) => p ?? String.fromCharCode(NULL_PIECE)).join(String.fromCharCode(BETWEEN_PIECES));
}

function sameKey(key: string, row: RowDigits): boolean {
  let at = 0;
  for (let p = 0; p < row.count; p++) {
    if (p > 0 && key.charCodeAt(at++) !== BETWEEN_PIECES) return false;
    const length = row.length(p);
    if (length < 0) {
      if (key.charCodeAt(at++) !== NULL_PIECE) return false;
      continue;
    }
    for (let i = 0; i < length; i++) if (key.charCodeAt(at++) !== row.digit(p, i)) return false;
  }
  return at === key.length;
}

/** Splits `pieces` into `cells` cells, each piece into one or more consecutive cells. */
export function splitPieces(pieces: readonly Piece[], cells: number, rules: readonly SumRule[]): SplitOutcome {
  return splitRow(new PieceList(pieces), cells, rules);
}

/** Splits a row's pieces into `cells` cells, each piece into one or more consecutive cells. */
export function splitRow(row: RowDigits, cells: number, rules: readonly SumRule[]): SplitOutcome {
  let cache = outcomes.get(rules);
  if (!cache) outcomes.set(rules, (cache = new BoundedCache(CACHE_LIMIT)));
  let once = searchedOnce.get(rules);
  if (!once) searchedOnce.set(rules, (once = new BoundedCache(CACHE_LIMIT)));
  const hash = rowHash(row, cells);
  const bucket = cache.get(hash);
  if (bucket) for (const s of bucket) if (s.cells === cells && sameKey(s.key, row)) return s.outcome;
  const pieces = row.pieces();
  const outcome = searchSplits(pieces, cells, rules);
  if (!once.has(hash)) {
    once.set(hash, true);
    return outcome;
  }
  const searched = { key: keyOf(pieces), cells, outcome };
  if (bucket && bucket.length < MAX_BUCKET) bucket.push(searched);
  else cache.set(hash, [searched]);
  return outcome;
}

function searchSplits(pieces: readonly Piece[], cells: number, rules: readonly SumRule[]): SplitOutcome {
  let digits = 0;
  for (const p of pieces) digits += p === null ? 1 : p.length;
  if (pieces.length > cells || digits < cells || digits > cells * MAX_CELL_DIGITS) return NONE;
  // the only split the rules allow is taken whatever the layout allows (the layout's only split would be it): most
  // glued rows are settled here, and the search by the layout alone is made only for the others
  const ruled = new Search(pieces, cells, rules, MAX_CANDIDATES + 1);
  if (ruled.found.length === 1 && !ruled.gaveUp) return { splittable: true, chosen: ruled.found[0], candidates: [], complete: true, contradicts: false };
  // splits the rules allow are splits the layout allows: with two of them, the search by the layout alone could
  // only find two as well
  if (ruled.found.length > 1) return { splittable: true, chosen: null, candidates: ruled.found.slice(0, MAX_CANDIDATES), complete: !ruled.gaveUp && ruled.found.length <= MAX_CANDIDATES, contradicts: false };
  // with no rules, the search by the layout alone is the one just made
  const layout = rules.length ? new Search(pieces, cells, NO_RULES, 2) : ruled;
  if (layout.found.length === 0) return NONE;
  const contradicts = ruled.found.length === 0 && !ruled.gaveUp;
  // the only split the layout allows is taken where the rules then fail only for one run of digits: where the
  // row's numbers stand apart, it cuts one of them, which a value lost from the row reads the same as (`21 0 0 0
  // 0 0` for seven cells), so its cells would be a guess, and a fix computed from them would write what nothing forces
  if (contradicts && pieces.length > 1) return CONTRADICTS;
  if (layout.found.length === 1 && !layout.gaveUp) return { splittable: true, chosen: layout.found[0], candidates: [], complete: true, contradicts: false };
  if (contradicts) return CONTRADICTS;
  // the rules allow one split, or none found before the search gave up: it cannot be called the only one
  return { splittable: true, chosen: null, candidates: [], complete: false, contradicts: false };
}

const POWERS = Array.from({ length: MAX_CELL_DIGITS + 2 }, (_, k) => 10 ** k);

/** The number of digits of a non-negative integer. */
function digitCount(n: number): number {
  let count = 1;
  while (count < POWERS.length && n >= POWERS[count]) count++;
  return count;
}

function digitsValue(digits: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) value = value * 10 + (digits.charCodeAt(i) - 48);
  return value;
}

/**
 * Whether `partsAfter` parts can add up to `rest` in `between` digits, shared with `others` cells that are not
 * parts (one to nine digits each), before a total of `length` digits: none is longer than `rest`, the longest
 * (when one has several digits) is at least 10, and when no part so far is within a digit of the total's length,
 * one of these must be (a sum of a few parts has at most one digit more than its longest part).
 */
function partsFit(rest: number, between: number, partsAfter: number, others: number, longest: number, length: number): boolean {
  if (!(rest >= 0)) return false;
  if (partsAfter === 0) return rest === 0 && between >= others && between <= others * MAX_CELL_DIGITS;
  // the digits the parts can have between them
  const most = between - others;
  const least = Math.max(partsAfter, between - others * MAX_CELL_DIGITS);
  if (least > most || least > partsAfter * digitCount(rest)) return false;
  if (longest < length - 1 && most < length - 1 + partsAfter - 1) return false;
  return least === partsAfter || rest >= POWERS[Math.ceil(least / partsAfter) - 1];
}

/** Where a search over `cells` cells checks each rule of a rule set. */
interface RulePlan {
  /** per cell: the other rules whose last cell it is, checked once it is placed */
  readonly checkedAt: readonly (readonly SumRule[])[];
  /** per cell: the computed-total rule it is a part of */
  readonly partOf: readonly (SumRule | undefined)[];
  /**
   * per part of a computed-total rule: the rule's part before it (-1: none), how many of its parts follow it, and
   * how many cells between it and the total are not parts
   */
  readonly previousPart: readonly number[];
  readonly partsAfter: readonly number[];
  readonly othersAfter: readonly number[];
  /** per cell: when it is the total of a rule whose parts all come before it (the total is then computed), the rule's last part; else -1 */
  readonly lastPart: readonly number[];
  /** the last cell is the total of a rule whose parts are all the other cells (table 三's rows) */
  readonly allPartsOfLast: boolean;
}

/** plans made once per rule set and cell count: every row of a kind is searched with the same one */
const plans = new WeakMap<readonly SumRule[], Map<number, RulePlan>>();

function planOf(rules: readonly SumRule[], cells: number): RulePlan {
  let byCells = plans.get(rules);
  if (!byCells) plans.set(rules, (byCells = new Map()));
  let plan = byCells.get(cells);
  if (plan) return plan;
  const checkedAt: SumRule[][] = Array.from({ length: cells }, () => []);
  const partOf = new Array<SumRule | undefined>(cells).fill(undefined);
  const previousPart = new Array<number>(cells).fill(-1);
  const partsAfter = new Array<number>(cells).fill(0);
  const othersAfter = new Array<number>(cells).fill(0);
  const lastPart = new Array<number>(cells).fill(-1);
  for (const rule of rules) {
    const last = Math.max(rule.total, ...rule.parts);
    if (last >= cells) continue;
    if (last === rule.total && !rule.parts.includes(rule.total)) {
      const parts = [...rule.parts].sort((a, b) => a - b);
      parts.forEach((part, n) => {
        partOf[part] = rule;
        previousPart[part] = n > 0 ? parts[n - 1] : -1;
        partsAfter[part] = parts.length - 1 - n;
        othersAfter[part] = rule.total - part - 1 - partsAfter[part];
      });
      lastPart[last] = parts[parts.length - 1];
    } else checkedAt[last].push(rule);
  }
  const allPartsOfLast = rules.length === 1 && lastPart[cells - 1] >= 0 && rules[0].parts.length === cells - 1;
  byCells.set(cells, (plan = { checkedAt, partOf, previousPart, partsAfter, othersAfter, lastPart, allPartsOfLast }));
  return plan;
}

/** the rule set of a search by the layout alone */
const NO_RULES: readonly SumRule[] = [];

/**
 * The arrays a search works in, by cell (by piece for digitsFrom, by length for lastDigits): searches run one at
 * a time and copy out what they find, so one set serves them all.
 */
const workArray = (): number[] => new Array<number>(32).fill(0);
const WORK = { values: workArray(), piece: workArray(), from: workArray(), to: workArray(), digitsFrom: workArray(), partSum: workArray(), partLongest: workArray(), lastDigits: workArray() };

/** Whether a rule's total can still be written after a cell: yes; not with the cell this long; not with it any longer either. */
const FITS = 0;
const NOT_HERE = 1;
const NEVER = 2;
type Fit = typeof FITS | typeof NOT_HERE | typeof NEVER;

/** The order a depth-first search finds splits of one row in: by the first cell that differs, the shorter first. */
function shorterFirst(a: Split, b: Split): number {
  for (let k = 0; k < a.to.length; k++) {
    const difference = a.to[k] - a.from[k] - (b.to[k] - b.from[k]);
    if (difference) return difference;
  }
  return 0;
}

/** A depth-first search for up to `limit` splits; with rules, only those that satisfy them. */
class Search {
  readonly found: Split[] = [];
  gaveUp = false;
  private steps = 0;
  private readonly values = WORK.values;
  private readonly piece = WORK.piece;
  private readonly from = WORK.from;
  private readonly to = WORK.to;
  /** digits (a null piece counting as one) from piece p to the end */
  private readonly digitsFrom = WORK.digitsFrom;
  private readonly plan: RulePlan;
  /** per part of a computed-total rule: the sum of the rule's parts up to it, and the most digits one of them has */
  private readonly partSum = WORK.partSum;
  private readonly partLongest = WORK.partLongest;
  /** the value of the row's last `length` digits (1 ≤ length < lastDigitsEnd), NaN where they cannot be a cell (a leading zero) */
  private readonly lastDigits = WORK.lastDigits;
  private readonly lastDigitsEnd: number;
  /** some piece is a cell with no number (a null piece) */
  private readonly withoutNumber: boolean;
  /**
   * Where the row's last cell is a total its parts add up to, the search is made once per length of it: its value is
   * then known (`target`, in `targetLength` digits), and each part placed is checked against it once, not against
   * every total the row's last digits could spell. 0: no length fixed.
   */
  private target = 0;
  private targetLength = 0;
  /** with the total known, its last part, whose value is then computed (-1: none) */
  private computedPart = -1;
  /** the first of `found` of the length being searched */
  private foundFrom = 0;

  constructor(
    private readonly pieces: readonly Piece[],
    private readonly cells: number,
    rules: readonly SumRule[],
    private readonly limit: number,
  ) {
    this.digitsFrom[pieces.length] = 0;
    for (let p = pieces.length - 1; p >= 0; p--) this.digitsFrom[p] = this.digitsFrom[p + 1] + (pieces[p] === null ? 1 : pieces[p]!.length);
    this.plan = planOf(rules, cells);
    this.withoutNumber = pieces.includes(null);
    const tail = pieces[pieces.length - 1];
    let length = 1;
    for (; tail !== null && tail !== undefined && length <= Math.min(MAX_CELL_DIGITS, tail.length); length++) {
      const at = tail.length - length;
      this.lastDigits[length] = length > 1 && tail.charCodeAt(at) === 48 ? NaN : digitsValue(tail, at, length);
    }
    this.lastDigitsEnd = length;
    if (!this.plan.allPartsOfLast || this.withoutNumber) {
      this.place(0, 0, 0);
      return;
    }
    // a number is its digits' sum modulo 9, so the parts, however split, add up to the sum of their digits modulo
    // 9: a total the row's last digits spell is only worth searching for where its own digits agree
    let digitSum = 0;
    for (const piece of pieces) for (let i = 0; i < piece!.length; i++) digitSum += piece!.charCodeAt(i) - 48;
    let totalDigitSum = 0;
    for (let total = 1; total < this.lastDigitsEnd && !this.gaveUp; total++) {
      totalDigitSum += tail!.charCodeAt(tail!.length - total) - 48;
      if (Number.isNaN(this.lastDigits[total]) || (digitSum - 2 * totalDigitSum) % 9 !== 0) continue;
      this.target = this.lastDigits[total];
      this.targetLength = total;
      this.computedPart = this.plan.lastPart[cells - 1];
      this.foundFrom = this.found.length;
      this.place(0, 0, 0);
    }
    // the first `limit` splits in the order of a search over every length at once (cell by cell, shorter first)
    if (this.found.length > 1) this.found.sort(shorterFirst).splice(limit);
  }

  /** Places cell k at offset o of piece p, and the cells after it. */
  private place(k: number, p: number, o: number): void {
    if (this.found.length - this.foundFrom >= this.limit || this.gaveUp) return;
    if (++this.steps > STEP_BUDGET) {
      this.gaveUp = true;
      return;
    }
    const cellsLeft = this.cells - k;
    if (cellsLeft === 0) {
      if (p === this.pieces.length) this.found.push(this.split());
      return;
    }
    // every piece left needs a cell of its own, and every cell a digit
    const digitsLeft = this.digitsFrom[p] - o;
    if (p === this.pieces.length || cellsLeft < this.pieces.length - p || cellsLeft > digitsLeft || digitsLeft > cellsLeft * MAX_CELL_DIGITS) return;
    const digits = this.pieces[p];
    this.piece[k] = p;
    this.from[k] = o;
    if (digits === null) {
      this.record(k, o, 0, NaN);
      if (this.holds(k)) this.place(k + 1, p + 1, 0);
      return;
    }
    const lastPart = this.plan.lastPart[k];
    const expected = lastPart >= 0 ? this.partSum[lastPart] : k === this.computedPart ? this.target - this.sumBefore(k) : NaN;
    if (!Number.isNaN(expected)) {
      // the total is computed (or, with the total known, the last of its parts): the digits there must spell it
      if (expected < 0) return;
      const length = digitCount(expected);
      if (o + length <= digits.length && (length === 1 || digits.charCodeAt(o) !== 48) && digitsValue(digits, o, length) === expected) this.take(k, p, o, length, expected);
      return;
    }
    let value = 0;
    for (let length = 1; length <= MAX_CELL_DIGITS && o + length <= digits.length; length++) {
      // no leading zero in a multi-digit cell
      if (length > 1 && digits.charCodeAt(o) === 48) break;
      value = value * 10 + (digits.charCodeAt(o + length - 1) - 48);
      if (this.take(k, p, o, length, value)) break;
    }
  }

  /** The sum of the parts of cell k's rule placed before it. */
  private sumBefore(k: number): number {
    const previous = this.plan.previousPart[k];
    return previous >= 0 ? this.partSum[previous] : 0;
  }

  /** Cell k holds `length` digits from offset o (none: a whole null piece) of value `value`. */
  private record(k: number, o: number, length: number, value: number): void {
    this.to[k] = o + length;
    this.values[k] = value;
    if (!this.plan.partOf[k]) return;
    const previous = this.plan.previousPart[k];
    this.partSum[k] = this.sumBefore(k) + value;
    this.partLongest[k] = Math.max(previous >= 0 ? this.partLongest[previous] : 0, length);
  }

  /** Cell k takes `length` digits; true when no longer cell k can lead to a split either. */
  private take(k: number, p: number, o: number, length: number, value: number): boolean {
    this.record(k, o, length, value);
    const pieceDone = o + length === this.pieces[p]!.length;
    const nextPiece = pieceDone ? p + 1 : p;
    const nextOffset = pieceDone ? 0 : o + length;
    if (!this.holds(k)) return false;
    const fits = this.totalFits(k, nextPiece, nextOffset, this.digitsFrom[p] - o - length);
    if (fits === FITS) this.place(k + 1, nextPiece, nextOffset);
    return fits === NEVER;
  }

  private split(): Split {
    const { cells } = this;
    const digits = new Array<string | null>(cells);
    for (let k = 0; k < cells; k++) digits[k] = this.from[k] === this.to[k] ? null : this.pieces[this.piece[k]]!.slice(this.from[k], this.to[k]);
    return { piece: this.piece.slice(0, cells), from: this.from.slice(0, cells), to: this.to.slice(0, cells), values: this.values.slice(0, cells), digits };
  }

  /** The rules checked at cell k hold, or cannot be judged (a cell with no number). */
  private holds(k: number): boolean {
    for (const rule of this.plan.checkedAt[k]) {
      const difference = this.sum(rule.parts) - this.values[rule.total];
      if (!Number.isNaN(difference) && difference !== 0) return false;
    }
    return true;
  }

  /**
   * Whether the total of the rule cell k is a part of can still be written, the next cell starting at offset o
   * of piece p with `left` digits to go. The total is at least the sum so far, so it has at least as many
   * digits. Where the total is the row's last cell, its digits are the row's last ones; where cells follow it
   * and the rest of the row is one run of digits, it stands a few digits ahead: either way some number there
   * must be no smaller than the sum, with room before it for the parts still to come (see partsFit).
   *
   * NEVER where cell k written longer cannot fit either: its value, the sum, only grows with its length, and the
   * digits left only shrink, so too few digits for the total, or a sum above every total that can still be
   * written (the row's last digits read longer are never smaller), stays so.
   */
  private totalFits(k: number, p: number, o: number, left: number): Fit {
    const rule = this.plan.partOf[k];
    // a cell with no number may be the total, which no rule is judged on: only digits can be reasoned about
    if (!rule || this.withoutNumber) return FITS;
    const sum = this.partSum[k];
    const partsAfter = this.plan.partsAfter[k];
    const others = this.plan.othersAfter[k];
    const longest = this.partLongest[k];
    if (Number.isNaN(sum)) return FITS;
    const shortest = digitCount(sum);
    const cellsAfterTotal = this.cells - 1 - rule.total;
    if (left < partsAfter + shortest + cellsAfterTotal) return NEVER;
    if (cellsAfterTotal === 0 && this.targetLength > 0) {
      const rest = this.target - sum;
      if (rest < 0 || left < partsAfter + this.targetLength) return NEVER;
      return partsFit(rest, left - this.targetLength, partsAfter, others, longest, this.targetLength) ? FITS : NOT_HERE;
    }
    if (cellsAfterTotal === 0) {
      const longestTotal = Math.min(this.lastDigitsEnd - 1, left - partsAfter);
      let largest = longestTotal;
      while (largest >= shortest && Number.isNaN(this.lastDigits[largest])) largest--;
      if (largest < shortest || this.lastDigits[largest] < sum) return NEVER;
      for (let length = shortest; length <= longestTotal; length++) {
        if (partsFit(this.lastDigits[length] - sum, left - length, partsAfter, others, longest, length)) return FITS;
      }
      return NOT_HERE;
    }
    const digits = this.pieces[p];
    if (partsAfter === 0 || p !== this.pieces.length - 1 || digits === null) return FITS;
    const cellsBetween = partsAfter + others;
    for (let between = cellsBetween; between <= cellsBetween * MAX_CELL_DIGITS; between++) {
      for (let length = shortest; length <= MAX_CELL_DIGITS; length++) {
        const rest = left - between - length;
        if (rest < cellsAfterTotal) break;
        if (rest > cellsAfterTotal * MAX_CELL_DIGITS) continue;
        if (length > 1 && digits.charCodeAt(o + between) === 48) break;
        if (partsFit(digitsValue(digits, o + between, length) - sum, between, partsAfter, others, longest, length)) return FITS;
      }
    }
    return NOT_HERE;
  }

  private sum(cells: readonly number[]): number {
    let sum = 0;
    for (const c of cells) sum += this.values[c];
    return sum;
  }
}
