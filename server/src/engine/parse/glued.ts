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

/** A row rule over its cells: cells[total] = Σ cells[parts]. */
export interface SumRule {
  readonly parts: readonly number[];
  readonly total: number;
}

/** Where each cell of a split lies: cell k is pieces[piece[k]].slice(from[k], to[k]) (the whole piece when it is null). */
export interface Split {
  readonly piece: readonly number[];
  readonly from: readonly number[];
  readonly to: readonly number[];
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

/** Digits that cannot be one cell (`00`, `0494246`, more digits than a cell has): they are glued cells for sure. */
export function holdsSeveralCells(piece: Piece): boolean {
  return piece !== null && piece.length > 1 && (piece.charCodeAt(0) === 48 || piece.length > MAX_CELL_DIGITS);
}

const NONE: SplitOutcome = { splittable: false, chosen: null, candidates: [], complete: false, contradicts: false };

/** A row searched before: its pieces and cell count, and what the search found. */
interface Searched {
  readonly pieces: readonly Piece[];
  readonly cells: number;
  readonly outcome: SplitOutcome;
}

/**
 * outcomes kept per rule set, by a hash of the row's pieces (no key string is built for a row): rows repeat
 * (all-zero rows above all), and a split depends on nothing else
 */
const outcomes = new WeakMap<readonly SumRule[], BoundedCache<number, Searched[]>>();
/** distinct rows kept per rule set before the cache starts again */
const CACHE_LIMIT = 4096;
/** rows of one hash kept at most */
const MAX_BUCKET = 4;

function piecesHash(pieces: readonly Piece[], cells: number): number {
  let hash = Math.imul(0x811c9dc5 ^ cells, 0x01000193);
  for (const p of pieces) {
    if (p === null) hash = Math.imul(hash ^ 0x2e, 0x01000193);
    else for (let i = 0; i < p.length; i++) hash = Math.imul(hash ^ p.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x20, 0x01000193);
  }
  return hash;
}

const samePieces = (a: readonly Piece[], b: readonly Piece[]): boolean => a.length === b.length && a.every((p, k) => p === b[k]);

/** Splits `pieces` into `cells` cells, each piece into one or more consecutive cells. */
export function splitPieces(pieces: readonly Piece[], cells: number, rules: readonly SumRule[]): SplitOutcome {
  let cache = outcomes.get(rules);
  if (!cache) outcomes.set(rules, (cache = new BoundedCache(CACHE_LIMIT)));
  const hash = piecesHash(pieces, cells);
  const bucket = cache.get(hash);
  if (bucket) for (const s of bucket) if (s.cells === cells && samePieces(s.pieces, pieces)) return s.outcome;
  const searched = { pieces, cells, outcome: searchSplits(pieces, cells, rules) };
  if (bucket && bucket.length < MAX_BUCKET) bucket.push(searched);
  else cache.set(hash, [searched]);
  return searched.outcome;
}

function searchSplits(pieces: readonly Piece[], cells: number, rules: readonly SumRule[]): SplitOutcome {
  let digits = 0;
  for (const p of pieces) digits += p === null ? 1 : p.length;
  if (pieces.length > cells || digits < cells || digits > cells * MAX_CELL_DIGITS) return NONE;
  const layout = new Search(pieces, cells, null, 2);
  if (layout.found.length === 0) return NONE;
  if (layout.found.length === 1 && !layout.gaveUp) return { splittable: true, chosen: layout.found[0], candidates: [], complete: true, contradicts: false };
  const ruled = new Search(pieces, cells, rules, MAX_CANDIDATES + 1);
  if (ruled.found.length === 1 && !ruled.gaveUp) return { splittable: true, chosen: ruled.found[0], candidates: [], complete: true, contradicts: false };
  if (ruled.found.length === 0 && !ruled.gaveUp) return { splittable: true, chosen: null, candidates: [], complete: true, contradicts: true };
  // a search that gave up may have found one split only: it cannot be called the only one
  const complete = !ruled.gaveUp && ruled.found.length <= MAX_CANDIDATES;
  return { splittable: true, chosen: null, candidates: ruled.found.length > 1 ? ruled.found.slice(0, MAX_CANDIDATES) : [], complete, contradicts: false };
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
 * Whether `partsAfter` parts can add up to `rest` in `between` digits, before a total of `length` digits: none
 * is longer than `rest`, the longest (when one has several digits) is at least 10, and when no part so far is
 * within a digit of the total's length, one of these must be (a sum of a few parts has at most one digit more
 * than its longest part).
 */
function partsFit(rest: number, between: number, partsAfter: number, longest: number, length: number): boolean {
  if (!(rest >= 0)) return false;
  if (partsAfter === 0) return rest === 0 && between === 0;
  if (between > partsAfter * digitCount(rest)) return false;
  if (longest < length - 1 && between < length - 1 + partsAfter - 1) return false;
  return between === partsAfter || rest >= POWERS[Math.ceil(between / partsAfter) - 1];
}

/** A depth-first search for up to `limit` splits; with rules, only those that satisfy them. */
class Search {
  readonly found: Split[] = [];
  gaveUp = false;
  private steps = 0;
  private readonly values: number[];
  private readonly piece: number[];
  private readonly from: number[];
  private readonly to: number[];
  /** digits (a null piece counting as one) from piece p to the end */
  private readonly digitsFrom: number[];
  /** per cell: the rule whose total it is, when all the rule's parts come before it (the total is then computed) */
  private readonly totalOf: (SumRule | undefined)[];
  /** per cell: the other rules whose last cell it is, checked once it is placed */
  private readonly checkedAt: SumRule[][];
  /** per cell: the computed-total rule it is a part of */
  private readonly partOf: (SumRule | undefined)[];
  /** the value of the row's last `length` digits, NaN where they cannot be a cell (a leading zero) */
  private readonly lastDigits: number[];

  constructor(
    private readonly pieces: readonly Piece[],
    private readonly cells: number,
    rules: readonly SumRule[] | null,
    private readonly limit: number,
  ) {
    this.values = new Array<number>(cells).fill(NaN);
    this.piece = new Array<number>(cells).fill(0);
    this.from = new Array<number>(cells).fill(0);
    this.to = new Array<number>(cells).fill(0);
    this.digitsFrom = new Array<number>(pieces.length + 1).fill(0);
    for (let p = pieces.length - 1; p >= 0; p--) this.digitsFrom[p] = this.digitsFrom[p + 1] + (pieces[p] === null ? 1 : pieces[p]!.length);
    this.totalOf = new Array<SumRule | undefined>(cells).fill(undefined);
    this.checkedAt = Array.from({ length: cells }, () => []);
    this.partOf = new Array<SumRule | undefined>(cells).fill(undefined);
    for (const rule of rules ?? []) {
      const last = Math.max(rule.total, ...rule.parts);
      if (last >= cells) continue;
      if (last === rule.total && !rule.parts.includes(rule.total)) {
        this.totalOf[last] = rule;
        for (const part of rule.parts) this.partOf[part] = rule;
      } else this.checkedAt[last].push(rule);
    }
    this.lastDigits = [NaN];
    const tail = pieces[pieces.length - 1];
    for (let length = 1; tail !== null && tail !== undefined && length <= Math.min(MAX_CELL_DIGITS, tail.length); length++) {
      const at = tail.length - length;
      this.lastDigits.push(length > 1 && tail.charCodeAt(at) === 48 ? NaN : Number(tail.slice(at)));
    }
    this.place(0, 0, 0);
  }

  /** Places cell k at offset o of piece p, and the cells after it. */
  private place(k: number, p: number, o: number): void {
    if (this.found.length >= this.limit || this.gaveUp) return;
    if (++this.steps > STEP_BUDGET) {
      this.gaveUp = true;
      return;
    }
    const cellsLeft = this.cells - k;
    if (cellsLeft === 0) {
      if (p === this.pieces.length) this.found.push({ piece: [...this.piece], from: [...this.from], to: [...this.to] });
      return;
    }
    // every piece left needs a cell of its own, and every cell a digit
    const digitsLeft = this.digitsFrom[p] - o;
    if (p === this.pieces.length || cellsLeft < this.pieces.length - p || cellsLeft > digitsLeft || digitsLeft > cellsLeft * MAX_CELL_DIGITS) return;
    const digits = this.pieces[p];
    this.piece[k] = p;
    this.from[k] = o;
    if (digits === null) {
      this.to[k] = o;
      this.values[k] = NaN;
      if (this.holds(k)) this.place(k + 1, p + 1, 0);
      return;
    }
    const total = this.totalOf[k];
    const expected = total ? this.sum(total.parts) : NaN;
    if (!Number.isNaN(expected)) {
      // the total is computed: the digits there must spell it
      const length = digitCount(expected);
      if (o + length <= digits.length && (length === 1 || digits.charCodeAt(o) !== 48) && digitsValue(digits, o, length) === expected) this.take(k, p, o, length, expected);
      return;
    }
    let value = 0;
    for (let length = 1; length <= MAX_CELL_DIGITS && o + length <= digits.length; length++) {
      // no leading zero in a multi-digit cell
      if (length > 1 && digits.charCodeAt(o) === 48) break;
      value = value * 10 + (digits.charCodeAt(o + length - 1) - 48);
      this.take(k, p, o, length, value);
    }
  }

  private take(k: number, p: number, o: number, length: number, value: number): void {
    this.to[k] = o + length;
    this.values[k] = value;
    const pieceDone = o + length === this.pieces[p]!.length;
    const nextPiece = pieceDone ? p + 1 : p;
    const nextOffset = pieceDone ? 0 : o + length;
    if (!this.holds(k) || !this.totalFits(k, nextPiece, nextOffset, this.digitsFrom[p] - o - length)) return;
    this.place(k + 1, nextPiece, nextOffset);
  }

  /** The rules checked at cell k hold, or cannot be judged (a cell with no number). */
  private holds(k: number): boolean {
    for (const rule of this.checkedAt[k]) {
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
   */
  private totalFits(k: number, p: number, o: number, left: number): boolean {
    const rule = this.partOf[k];
    if (!rule) return true;
    let sum = 0;
    let partsAfter = 0;
    let longest = 0;
    for (const c of rule.parts) {
      if (c <= k) {
        sum += this.values[c];
        longest = Math.max(longest, this.to[c] - this.from[c]);
      } else partsAfter++;
    }
    if (Number.isNaN(sum)) return true;
    const shortest = digitCount(sum);
    const cellsAfterTotal = this.cells - 1 - rule.total;
    if (left < partsAfter + shortest + cellsAfterTotal) return false;
    if (cellsAfterTotal === 0) {
      for (let length = shortest; length < this.lastDigits.length && length <= left - partsAfter; length++) {
        if (partsFit(this.lastDigits[length] - sum, left - length, partsAfter, longest, length)) return true;
      }
      return false;
    }
    const digits = this.pieces[p];
    if (partsAfter === 0 || p !== this.pieces.length - 1 || digits === null) return true;
    for (let between = partsAfter; between <= partsAfter * MAX_CELL_DIGITS; between++) {
      for (let length = shortest; length <= MAX_CELL_DIGITS; length++) {
        const rest = left - between - length;
        if (rest < cellsAfterTotal) break;
        if (rest > cellsAfterTotal * MAX_CELL_DIGITS) continue;
        if (length > 1 && digits.charCodeAt(o + between) === 48) break;
        if (partsFit(digitsValue(digits, o + between, length) - sum, between, partsAfter, longest, length)) return true;
      }
    }
    return false;
  }

  private sum(cells: readonly number[]): number {
    let sum = 0;
    for (const c of cells) sum += this.values[c];
    return sum;
  }
}
