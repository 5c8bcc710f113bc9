// A table's rows and cells as numbers: what the parser writes and a Table reads. The numbers of every table
// of one parse live in an arena of typed arrays: a compilation has thousands of tables and hundreds of
// thousands of cells, and allocating (and collecting) an object or an array for each would cost more than
// reading them.
import type { CellLayout, CellState, Span } from './model';

/** The integers and numbers a table grid of `rowCount` rows, `stride` cells wide, takes from its arena. */
export const gridRoom = (rowCount: number, stride: number): { ints: number; values: number } => ({
  ints: rowCount * (ROW_FIELDS + stride * CELL_FIELDS),
  values: rowCount * stride,
});

/**
 * Number storage for the tables of one parse. In a large text (a compilation opened or checked whole) tables
 * share blocks: a table takes its room from the current block, and a full block is left as it is for a new one
 * (nothing is copied). In a small text (one report's file, the few reports an edit re-parses) a block holds one
 * report's tables (`reportRoom`): a folder of thousands of files allocates one pair of arrays per report, not one
 * per table, and a report kept after its neighbours are replaced keeps no more than its own tables' room.
 */
export class GridArena {
  private ints = new Int32Array(0);
  private values = new Float64Array(0);
  private intsUsed = 0;
  private valuesUsed = 0;
  private readonly blockInts: number;
  private readonly blockValues: number;

  /** `textLength`: the length of the text parsed; `reportRoom`: what the tables of one report take at most */
  constructor(textLength = 0, reportRoom = { ints: 0, values: 0 }) {
    const shared = textLength >= SHARED_FROM;
    this.blockInts = shared ? BLOCK_INTS : reportRoom.ints;
    this.blockValues = shared ? BLOCK_VALUES : reportRoom.values;
  }

  /** Room for `ints` integers, all 0, and `values` numbers, all NaN. */
  take(ints: number, values: number): { ints: Int32Array; intBase: number; values: Float64Array; valueBase: number } {
    if (this.intsUsed + ints > this.ints.length || this.valuesUsed + values > this.values.length) {
      this.ints = new Int32Array(Math.max(ints, this.blockInts));
      this.values = new Float64Array(Math.max(values, this.blockValues));
      this.intsUsed = 0;
      this.valuesUsed = 0;
    }
    const intBase = this.intsUsed;
    const valueBase = this.valuesUsed;
    this.intsUsed += ints;
    this.valuesUsed += values;
    this.values.fill(NaN, valueBase, this.valuesUsed);
    return { ints: this.ints, intBase, values: this.values, valueBase };
  }
}

/** texts from this length on share blocks (about forty reports) */
const SHARED_FROM = 1 << 16;
const BLOCK_INTS = 1 << 18;
const BLOCK_VALUES = 1 << 16;

const LAYOUT_CODES: readonly CellLayout[] = ['tabs', 'lines', 'spaced-lines', 'inline'];
export const TABS = 0;
export const LINES = 1;
export const SPACED_LINES = 2;
export const INLINE = 3;
export type Layout = typeof TABS | typeof LINES | typeof SPACED_LINES | typeof INLINE;
const STATE_CODES: readonly CellState[] = ['value', 'blank', 'invalid'];
export const VALUE = 0;
export const BLANK = 1;
export const INVALID = 2;
export type StateCode = typeof VALUE | typeof BLANK | typeof INVALID;

/**
 * per row: label start, end, typo start, end (0, 0: none), value zone start, end, flags (layout, has cells,
 * present, values found); all 0 for a row not found
 */
const ROW_FIELDS = 7;
/** per cell: start, end, flags (state, marked blank); read only in a row that has cells */
const CELL_FIELDS = 3;
const HAS_CELLS = 4;
const PRESENT = 8;
const FOUND_SHIFT = 4;
const MARKED = 4;

/** What the parser found of a template row: where its label and values are, how they are laid out. */
export interface RowFound {
  readonly label: Span;
  /** where the label was found only approximately */
  readonly typo: Span | undefined;
  /** the text the row's values stand in */
  readonly zone: Span;
  readonly layout: Layout;
  readonly valuesFound: number;
  /** its values were placed in cells */
  readonly hasCells: boolean;
}

/**
 * One table's numbers in an arena. Its fields are private (#): two grids are equal (to node's deepEqual) by
 * their shape alone, so tests compare tables by the rows they give.
 */
export class TableGrid {
  readonly #ints: Int32Array;
  readonly #values: Float64Array;
  readonly #rowBase: number;
  readonly #cellBase: number;
  readonly #valueBase: number;

  constructor(
    arena: GridArena,
    readonly rowCount: number,
    /** columns of the widest row: a cell's position is row × stride + column */
    readonly stride: number,
  ) {
    const room = gridRoom(rowCount, stride);
    const { ints, intBase, values, valueBase } = arena.take(room.ints, room.values);
    this.#ints = ints;
    this.#values = values;
    this.#rowBase = intBase;
    this.#cellBase = intBase + rowCount * ROW_FIELDS;
    this.#valueBase = valueBase;
  }

  setRow(i: number, row: RowFound): void {
    const p = this.#ints;
    const at = this.#rowBase + i * ROW_FIELDS;
    p[at] = row.label.start;
    p[at + 1] = row.label.end;
    p[at + 2] = row.typo ? row.typo.start : 0;
    p[at + 3] = row.typo ? row.typo.end : 0;
    p[at + 4] = row.zone.start;
    p[at + 5] = row.zone.end;
    p[at + 6] = row.layout | PRESENT | (row.hasCells ? HAS_CELLS : 0) | (row.valuesFound << FOUND_SHIFT);
  }

  /** Row i's cells were placed after all (glued digits the table's other rows decided). */
  setHasCells(i: number): void {
    this.#ints[this.#rowBase + i * ROW_FIELDS + 6] |= HAS_CELLS;
  }

  setLayout(i: number, layout: Layout): void {
    const at = this.#rowBase + i * ROW_FIELDS + 6;
    this.#ints[at] = (this.#ints[at] & ~3) | layout;
  }

  setCell(position: number, state: StateCode, start: number, end: number, value: number, marked: boolean): void {
    const p = this.#ints;
    const at = this.#cellBase + position * CELL_FIELDS;
    p[at] = start;
    p[at + 1] = end;
    p[at + 2] = state | (marked ? MARKED : 0);
    // only numbers are values: NaN elsewhere makes any sum over an unknown cell NaN
    this.#values[this.#valueBase + position] = state === VALUE ? value : NaN;
  }

  has(i: number): boolean {
    return (this.flags(i) & PRESENT) !== 0;
  }

  private flags(i: number): number {
    return this.#ints[this.#rowBase + i * ROW_FIELDS + 6];
  }

  /** The row's cells were placed (a missing row has none). */
  hasCells(i: number): boolean {
    return (this.flags(i) & HAS_CELLS) !== 0;
  }

  /** The value at a position when its row's cells were placed and it holds a number. */
  known(position: number): number | null {
    const value = this.#values[this.#valueBase + position];
    return Number.isNaN(value) ? null : value;
  }

  /** The number at a position: NaN where the cell holds none or is not known. */
  value(position: number): number {
    return this.#values[this.#valueBase + position];
  }

  /** Σ parts − Σ totals over grid positions, or NaN when a cell is not a known number (a rule that cannot be judged). */
  balance(parts: readonly number[], totals: readonly number[]): number {
    const values = this.#values;
    const base = this.#valueBase;
    let sum = 0;
    for (let k = 0; k < parts.length; k++) sum += values[base + parts[k]];
    for (let k = 0; k < totals.length; k++) sum -= values[base + totals[k]];
    return sum;
  }

  labelSpan(i: number): Span {
    const at = this.#rowBase + i * ROW_FIELDS;
    return { start: this.#ints[at], end: this.#ints[at + 1] };
  }

  typoSpan(i: number): Span | undefined {
    const at = this.#rowBase + i * ROW_FIELDS + 2;
    return this.#ints[at + 1] === 0 ? undefined : { start: this.#ints[at], end: this.#ints[at + 1] };
  }

  valueZone(i: number): Span {
    const at = this.#rowBase + i * ROW_FIELDS + 4;
    return { start: this.#ints[at], end: this.#ints[at + 1] };
  }

  layout(i: number): CellLayout {
    return LAYOUT_CODES[this.flags(i) & 3];
  }

  valuesFound(i: number): number {
    return this.flags(i) >> FOUND_SHIFT;
  }

  cell(position: number): { state: CellState; marked: boolean; span: Span; value: number } {
    const at = this.#cellBase + position * CELL_FIELDS;
    const p = this.#ints;
    return { state: STATE_CODES[p[at + 2] & 3], marked: (p[at + 2] & MARKED) !== 0, span: { start: p[at], end: p[at + 1] }, value: this.value(position) };
  }

  /** A copy, in an arena of its own, with every offset moved by `delta`. */
  shifted(delta: number): TableGrid {
    const copy = new TableGrid(new GridArena(), this.rowCount, this.stride);
    const from = this.#ints;
    const to = copy.#ints;
    for (let i = 0; i < this.rowCount; i++) {
      if (!this.has(i)) continue;
      const a = this.#rowBase + i * ROW_FIELDS;
      const b = copy.#rowBase + i * ROW_FIELDS;
      for (let k = 0; k < ROW_FIELDS; k++) to[b + k] = from[a + k];
      for (const k of [0, 1, 4, 5]) to[b + k] += delta;
      if (this.typoSpan(i)) {
        to[b + 2] += delta;
        to[b + 3] += delta;
      }
      if (!this.hasCells(i)) continue;
      for (let position = i * this.stride; position < (i + 1) * this.stride; position++) {
        const c = this.#cellBase + position * CELL_FIELDS;
        const d = copy.#cellBase + position * CELL_FIELDS;
        to[d] = from[c] + delta;
        to[d + 1] = from[c + 1] + delta;
        to[d + 2] = from[c + 2];
        copy.#values[copy.#valueBase + position] = this.value(position);
      }
    }
    return copy;
  }
}
