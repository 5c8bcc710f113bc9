// The little of Excel's formula language a report's workbook needs: A1 references, moving a shared formula to
// the cell that uses it, and evaluating plain sums (SUM over ranges and references, + and -) where the file
// carries no computed value. Anything else is not evaluated: the reader says so instead of guessing.

export interface CellAddress {
  readonly row: number;
  readonly col: number;
}

export interface Range {
  readonly from: CellAddress;
  readonly to: CellAddress;
}

const A1 = /^\$?([A-Z]{1,3})\$?([1-9]\d{0,6})$/;

/** `H12` → row 11, column 7 (0-based); null for anything else. */
export function parseAddress(ref: string): CellAddress | null {
  const m = A1.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: +m[2] - 1, col: col - 1 };
}

export const columnLetters = (col: number): string => (col < 26 ? '' : columnLetters(Math.floor(col / 26) - 1)) + String.fromCharCode(65 + (col % 26));
export const formatAddress = (a: CellAddress): string => `${columnLetters(a.col)}${a.row + 1}`;

/** Whether `a` lies in `range`. */
export const inRange = (range: Range, a: CellAddress): boolean => a.row >= range.from.row && a.row <= range.to.row && a.col >= range.from.col && a.col <= range.to.col;

/** `D5:H5` (or a single cell) as a range, its corners in order. */
export function parseRange(text: string): Range | null {
  const [a, b = a] = text.split(':');
  const from = parseAddress(a);
  const to = parseAddress(b);
  if (!from || !to) return null;
  return { from: { row: Math.min(from.row, to.row), col: Math.min(from.col, to.col) }, to: { row: Math.max(from.row, to.row), col: Math.max(from.col, to.col) } };
}

/** A reference in a formula: not part of a name, a function or a sheet name (`AB12!A1` moves only A1). */
const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

/** A shared formula as a cell `rows` and `cols` away from its first cell uses it: relative references move. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (_, colAbs: string, letters: string, rowAbs: string, digits: string) => {
            const at = parseAddress(letters + digits)!;
            const col = colAbs ? at.col : at.col + cols;
            const row = rowAbs ? at.row : at.row + rows;
            return col < 0 || row < 0 ? '#REF!' : `${colAbs}${columnLetters(col)}${rowAbs}${row + 1}`;
          }),
    )
    .join('');
}

/** The range of a formula that is exactly `SUM(range)` over the same sheet, or null. */
export function sumRange(formula: string): Range | null {
  const m = /^\s*SUM\(\s*(\$?[A-Z]{1,3}\$?\d{1,7}(?::\$?[A-Z]{1,3}\$?\d{1,7})?)\s*\)\s*$/i.exec(formula);
  return m ? parseRange(m[1].replace(/\$/g, '')) : null;
}

/** What a referenced cell holds, for evaluation: a number, nothing, or text (which a sum cannot add). */
export type Operand = number | null | string;

/** The cells a sheet holds: a range larger than their count is summed over them, not address by address. */
export interface OccupiedCells {
  readonly count: number;
  addresses(): Iterable<CellAddress>;
}

/**
 * Evaluates sums: numbers, references, ranges inside SUM(…), + and -, parentheses. A range adds its numbers and
 * skips the rest, as Excel's SUM does; a reference to text that is not a number makes the formula unevaluable.
 * Returns null for anything outside that language.
 */
export function evaluateSum(formula: string, valueAt: (address: CellAddress) => Operand, occupied?: OccupiedCells): number | null {
  const tokens = formula.match(/\$?[A-Z]{1,3}\$?\d{1,7}(?::\$?[A-Z]{1,3}\$?\d{1,7})?|\d+(?:\.\d+)?(?:E[+-]?\d+)?|[A-Z_][A-Z0-9_.]*|[-+(),]|\S/gi) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const fail = (): never => {
    throw new Unevaluable();
  };
  const reference = (token: string): number => {
    const a = parseAddress(token.replace(/\$/g, '')) ?? fail();
    const v = valueAt(a);
    if (v === null) return 0;
    if (typeof v === 'number') return v;
    const n = Number(v.trim());
    return v.trim() !== '' && Number.isFinite(n) ? n : fail();
  };
  const sumArgument = (): number => {
    const token = peek();
    if (token?.includes(':')) {
      at++;
      const range = parseRange(token.replace(/\$/g, '')) ?? fail();
      let total = 0;
      const add = (address: CellAddress): void => {
        const v = valueAt(address);
        if (typeof v === 'number') total += v;
      };
      // `SUM(A1:XFD900)`: a range wider than what the sheet holds adds what it holds
      if (occupied && (range.to.row - range.from.row + 1) * (range.to.col - range.from.col + 1) > occupied.count) {
        for (const a of occupied.addresses()) if (inRange(range, a)) add(a);
        return total;
      }
      for (let row = range.from.row; row <= range.to.row; row++) for (let col = range.from.col; col <= range.to.col; col++) add({ row, col });
      return total;
    }
    return expression();
  };
  const term = (): number => {
    const token = tokens[at++] ?? fail();
    if (token === '(') {
      const v = expression();
      if (tokens[at++] !== ')') fail();
      return v;
    }
    if (token === '-') return -term();
    if (token === '+') return term();
    if (/^SUM$/i.test(token)) {
      if (tokens[at++] !== '(') fail();
      let total = 0;
      if (peek() !== ')') {
        total += sumArgument();
        while (peek() === ',') {
          at++;
          total += sumArgument();
        }
      }
      if (tokens[at++] !== ')') fail();
      return total;
    }
    if (/^\d/.test(token)) return Number(token);
    if (/^\$?[A-Z]{1,3}\$?\d{1,7}$/i.test(token)) return reference(token);
    return fail();
  };
  const expression = (): number => {
    let v = term();
    while (peek() === '+' || peek() === '-') v = tokens[at++] === '+' ? v + term() : v - term();
    return v;
  };
  try {
    const v = expression();
    return at === tokens.length && Number.isFinite(v) ? v : null;
  } catch (e) {
    if (e instanceof Unevaluable) return null;
    throw e;
  }
}

class Unevaluable extends Error {}
