// Ruled tables: the grid the ruling lines of a page draw, with merged cells where a line between two cells is
// missing (the official tables' merged headers, 三、本年度办理结果 over twenty-two rows, a colspan'd 行政许可
// value). Each cell gets the text runs whose middle falls inside it.
import { boxOf, joinLines, joinRuns, type Box, type Piece, type Segment } from './pdf-geometry';

/** Line ends closer than this (points) are one line; a rule this near a cell edge is that edge. */
const SNAP = 2;

export interface GridCell {
  /** first row and column (0-based, rows top down) and the rows and columns it spans */
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** the cell's rectangle, between its rules */
  readonly rect: Box;
  readonly pieces: Piece[];
}

export interface Grid {
  readonly rect: Box;
  readonly rowCount: number;
  /** cells by first row, then first column */
  readonly cells: readonly GridCell[];
}

/** Values within `snap` of the previous one, averaged: [1, 1.5, 9] → [1.25, 9]. */
function clusterValues(values: readonly number[], snap: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let last = -Infinity;
  for (const v of sorted) {
    if (v - last > snap && n > 0) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
    last = v;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/** Collinear segments that touch or overlap, as one. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const horizontal of [true, false]) {
    const same = segments.filter((s) => s.horizontal === horizontal).sort((a, b) => a.at - b.at || a.from - b.from);
    let i = 0;
    while (i < same.length) {
      let j = i;
      while (j + 1 < same.length && same[j + 1].at - same[i].at <= SNAP / 2) j++;
      const line = same.slice(i, j + 1).sort((a, b) => a.from - b.from);
      const at = line.reduce((s, x) => s + x.at, 0) / line.length;
      let current = { horizontal, at, from: line[0].from, to: line[0].to };
      for (const s of line.slice(1)) {
        if (s.from <= current.to + SNAP) current.to = Math.max(current.to, s.to);
        else {
          out.push(current);
          current = { horizontal, at, from: s.from, to: s.to };
        }
      }
      out.push(current);
      i = j + 1;
    }
  }
  return out;
}

const crosses = (h: Segment, v: Segment): boolean =>
  v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;

/** Sets of rules that touch each other: each with two horizontal and two vertical lines or more is a table. */
function connectedSets(segments: readonly Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const hs = segments.map((s, i) => [s, i] as const).filter(([s]) => s.horizontal);
  const vs = segments.map((s, i) => [s, i] as const).filter(([s]) => !s.horizontal);
  for (const [h, hi] of hs) for (const [v, vi] of vs) if (crosses(h, v)) parent[find(hi)] = find(vi);
  const sets = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    if (!sets.has(root)) sets.set(root, []);
    sets.get(root)!.push(s);
  });
  return [...sets.values()].filter((set) => set.filter((s) => s.horizontal).length >= 2 && set.filter((s) => !s.horizontal).length >= 2);
}

function gridOf(rules: readonly Segment[]): { rect: Box; xs: number[]; ys: number[]; cells: GridCell[]; cellAt: (i: number, j: number) => GridCell } {
  const hs = rules.filter((s) => s.horizontal);
  const vs = rules.filter((s) => !s.horizontal);
  const xs = clusterValues(vs.map((s) => s.at), SNAP);
  const ys = clusterValues(hs.map((s) => s.at), SNAP).reverse();
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const ruled = (lines: readonly Segment[], at: number, middle: number): boolean =>
    lines.some((s) => Math.abs(s.at - at) <= SNAP && s.from - SNAP <= middle && middle <= s.to + SNAP);
  const parent = Array.from({ length: rows * cols }, (_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  const join = (a: number, b: number): void => {
    parent[find(b)] = find(a);
  };
  for (let i = 0; i < rows; i++) {
    const middleY = (ys[i] + ys[i + 1]) / 2;
    for (let j = 0; j < cols; j++) {
      const middleX = (xs[j] + xs[j + 1]) / 2;
      if (j + 1 < cols && !ruled(vs, xs[j + 1], middleY)) join(i * cols + j, i * cols + j + 1);
      if (i + 1 < rows && !ruled(hs, ys[i + 1], middleX)) join(i * cols + j, (i + 1) * cols + j);
    }
  }
  const extent = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const root = find(i * cols + j);
      const e = extent.get(root);
      if (!e) extent.set(root, { r0: i, r1: i, c0: j, c1: j });
      else {
        e.r0 = Math.min(e.r0, i);
        e.r1 = Math.max(e.r1, i);
        e.c0 = Math.min(e.c0, j);
        e.c1 = Math.max(e.c1, j);
      }
    }
  }
  const byRoot = new Map<number, GridCell>();
  for (const [root, e] of extent) {
    byRoot.set(root, {
      row: e.r0,
      col: e.c0,
      rowSpan: e.r1 - e.r0 + 1,
      colSpan: e.c1 - e.c0 + 1,
      rect: [xs[e.c0], ys[e.r1 + 1], xs[e.c1 + 1], ys[e.r0]],
      pieces: [],
    });
  }
  const cells = [...byRoot.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  return { rect: [xs[0], ys[rows], xs[cols], ys[0]], xs, ys, cells, cellAt: (i, j) => byRoot.get(find(i * cols + j))! };
}

/**
 * The ruled tables of a page, with the runs inside them; the runs outside every table are returned apart.
 * A run belongs to the cell that holds its middle.
 */
export function gridsOf(segments: readonly Segment[], pieces: readonly Piece[]): { grids: Grid[]; outside: Piece[] } {
  // a frame around a paragraph or around the whole page is one cell, not a table; a table inside a frame
  // holds its own runs (the smallest grid around a run wins)
  const area = (b: Box): number => (b[2] - b[0]) * (b[3] - b[1]);
  const built = connectedSets(mergeSegments(segments))
    .map(gridOf)
    .filter((g) => g.cells.length >= 2)
    .sort((a, b) => area(a.rect) - area(b.rect));
  const outside: Piece[] = [];
  for (const piece of pieces) {
    const x = (piece.x0 + piece.x1) / 2;
    const y = (piece.y0 + piece.y1) / 2;
    const grid = built.find((g) => x >= g.rect[0] && x <= g.rect[2] && y >= g.rect[1] && y <= g.rect[3]);
    if (!grid) {
      outside.push(piece);
      continue;
    }
    let j = grid.xs.length - 2;
    while (j > 0 && grid.xs[j] > x) j--;
    let i = grid.ys.length - 2;
    while (i > 0 && grid.ys[i] < y) i--;
    grid.cellAt(i, j).pieces.push(piece);
  }
  const grids = built.map((g) => ({ rect: g.rect, rowCount: g.ys.length - 1, cells: g.cells }));
  return { grids, outside };
}

/** Runs on the same baseline (within a third of their size), top line first, each line left to right. */
export function linesOfPieces(pieces: readonly Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => b.baseline - a.baseline || a.x0 - b.x0);
  const lines: Piece[][] = [];
  for (const p of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].baseline - p.baseline) <= Math.min(line[0].size, p.size) / 3) line.push(p);
    else lines.push([p]);
  }
  for (const line of lines) line.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/** The runs of one line as text. */
export function lineText(line: readonly Piece[]): string {
  let text = '';
  for (let k = 0; k < line.length; k++) {
    text = k === 0 ? line[k].text : joinRuns(text, line[k].text, line[k].x0 - line[k - 1].x1, line[k].size);
  }
  return text;
}

/** A cell's text: its lines joined (a label that wraps inside its cell is one label). */
export function cellText(cell: GridCell): string {
  return linesOfPieces(cell.pieces).map(lineText).reduce(joinLines, '');
}

/** Where a cell's text is; an empty cell's own rectangle. */
export const cellBox = (cell: GridCell): Box => (cell.pieces.length ? boxOf(cell.pieces) : cell.rect);
