// What the reader takes from a page: runs of text with their boxes, and ruling lines. Coordinates are the
// page's user space in points (origin at the bottom left, y upwards), as in the PDF file and in origins.

/** A run of text as pdf.js gives it, on one baseline. */
export interface Piece {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly baseline: number;
  /** the glyphs' box: bottom (descent) and top (ascent) */
  readonly y0: number;
  readonly y1: number;
  /** the font size in points */
  readonly size: number;
}

/** A horizontal (`at` is y, `from`/`to` are x) or vertical (`at` is x, `from`/`to` are y) ruling line. */
export interface Segment {
  readonly horizontal: boolean;
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

export type Box = [number, number, number, number];

export const boxOf = (pieces: readonly Piece[]): Box => {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of pieces) {
    x0 = Math.min(x0, p.x0);
    y0 = Math.min(y0, p.y0);
    x1 = Math.max(x1, p.x1);
    y1 = Math.max(y1, p.y1);
  }
  return [x0, y0, x1, y1];
};

export const unionBox = (a: Box, b: Box): Box => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

/** Boxes in origins: rounded to a hundredth of a point, which is finer than any glyph. */
export const roundBox = (b: Box): Box => b.map((v) => Math.round(v * 100) / 100) as Box;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * Two runs of one line, written next to each other: a space only between Latin words or numbers that stand
 * apart on the page (CJK text has no spaces, and a run split mid-word touches its neighbour).
 */
export function joinRuns(left: string, right: string, gap: number, size: number): string {
  if (!left) return right;
  if (!right) return left;
  const spaced = gap > size * 0.2 && !CJK.test(left[left.length - 1]) && !CJK.test(right[0]);
  return spaced ? `${left} ${right}` : left + right;
}

/** Lines of a cell or paragraph, joined: CJK lines run on, Latin words get a space. */
export function joinLines(upper: string, lower: string): string {
  if (!upper) return lower;
  if (!lower) return upper;
  return CJK.test(upper[upper.length - 1]) || CJK.test(lower[0]) ? upper + lower : `${upper} ${lower}`;
}
