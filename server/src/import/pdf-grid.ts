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
  /** the page cuts the table at its top (bottom): the first (last) row goes on from (onto) another page */
  readonly cutTop: boolean;
  readonly cutBottom: boolean;
  readonly rowCount: number;
  /** cells by first row, then first column */
  readonly cells: readonly GridCell[];
  /** how far in from its rules a cell's text can start: the least any run stands in from its cell's left rule */
  readonly padding: number;
}

/** A left-aligned label's inset, which every cell of a table has (Word's 0.19 cm, LibreOffice's 0.1 cm, a page's td padding). */
function paddingOf(cells: readonly GridCell[]): number {
  let padding = Infinity;
  for (const c of cells) for (const p of c.pieces) padding = Math.min(padding, p.x0 - c.rect[0]);
  return Number.isFinite(padding) ? Math.max(0, padding) : 0;
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

/** Sets of rules that touch each other. */
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
  return [...sets.values()];
}

/**
 * A table cut by a page break has no rule where the page cuts it (Chromium draws a row's border on one page
 * only): its column rules run on past the last row rule to the edge of the printed area. Where two or more of
 * them end together there, that end is the edge of the cut row, which would otherwise have no top (or bottom)
 * and its text would fall outside the table. The edge also reaches the page's other rules that end there: the
 * sides of a merged cell the cut runs through touch no row rule on this page.
 */
function cutEdges(set: readonly Segment[], page: readonly Segment[]): Segment[] {
  const hs = set.filter((s) => s.horizontal);
  if (hs.length === 0) return [];
  const vs = set.filter((s) => !s.horizontal);
  const top = Math.max(...hs.map((s) => s.at));
  const bottom = Math.min(...hs.map((s) => s.at));
  const edges = (end: (v: Segment) => number, beyond: (y: number) => boolean): Segment[] =>
    clusterValues(vs.map(end).filter(beyond), SNAP).flatMap((at) => {
      const closed = vs.filter((v) => Math.abs(end(v) - at) <= SNAP);
      if (closed.length < 2) return [];
      const xs = page.filter((v) => !v.horizontal && Math.abs(end(v) - at) <= SNAP && v.from <= top && v.to >= bottom).map((v) => v.at);
      return [{ horizontal: true, at, from: Math.min(...xs), to: Math.max(...xs) }];
    });
  return [...edges((v) => v.to, (y) => y > top + SNAP), ...edges((v) => v.from, (y) => y < bottom - SNAP)];
}

/** Two horizontal and two vertical lines or more make a table. */
const isTable = (set: readonly Segment[]): boolean => set.filter((s) => s.horizontal).length >= 2 && set.filter((s) => !s.horizontal).length >= 2;

function gridOf(rules: readonly Segment[]): { rules: readonly Segment[]; rect: Box; xs: number[]; ys: number[]; cells: GridCell[]; cellAt: (i: number, j: number) => GridCell } {
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
  return { rules, rect: [xs[0], ys[rows], xs[cols], ys[0]], xs, ys, cells, cellAt: (i, j) => byRoot.get(find(i * cols + j))! };
}

type Built = ReturnType<typeof gridOf>;

/**
 * The cell a run goes to: the one that holds its middle (row `i`, column `j`). But a run that reaches across a
 * column rule, out of a cell spanning several rows, and lies within one row's band, is that row's: it was set
 * in a box the rules do not draw (cells that overlap, as Chromium prints a rowspan running over a later row's
 * colspan), and it stands level with that row, where the merged cell's own text is spread over all of its
 * rows. Of that row's own cells it goes to the one holding most of it.
 */
function cellFor(grid: Built, piece: Piece, i: number, j: number): GridCell {
  const cell = grid.cellAt(i, j);
  if (cell.rowSpan === 1 || piece.y0 < grid.ys[i + 1] - SNAP || piece.y1 > grid.ys[i] + SNAP) return cell;
  let best = cell;
  let most = piece.size / 2;
  for (let k = 0; k + 1 < grid.xs.length; k++) {
    const other = grid.cellAt(i, k);
    const inside = Math.min(piece.x1, other.rect[2]) - Math.max(piece.x0, other.rect[0]);
    if (other.rowSpan === 1 && inside > most) [best, most] = [other, inside];
  }
  return best;
}

/**
 * The ruled tables of a page, with the runs inside them; the runs outside every table are returned apart.
 * A run belongs to the cell that holds its middle.
 */
export function gridsOf(segments: readonly Segment[], pieces: readonly Piece[]): { grids: Grid[]; outside: Piece[] } {
  // a frame around a paragraph or around the whole page is one cell, not a table; a table inside a frame
  // holds its own runs (the smallest grid around a run wins)
  const area = (b: Box): number => (b[2] - b[0]) * (b[3] - b[1]);
  const rules = mergeSegments(segments);
  const cuts = new Set(connectedSets(rules).flatMap((set) => cutEdges(set, rules)));
  const isCut = (set: readonly Segment[], at: number): boolean => set.some((s) => cuts.has(s) && Math.abs(s.at - at) <= SNAP);
  const built = connectedSets([...rules, ...cuts])
    .filter(isTable)
    .map(gridOf)
    .map((g) => ({ ...g, cutTop: isCut(g.rules, g.rect[3]), cutBottom: isCut(g.rules, g.rect[1]) }))
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
    cellFor(grid, piece, i, j).pieces.push(piece);
  }
  const grids = built.map((g) => ({ rect: g.rect, cutTop: g.cutTop, cutBottom: g.cutBottom, rowCount: g.ys.length - 1, cells: g.cells, padding: paddingOf(g.cells) }));
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

/**
 * A cell's text: its lines joined (a label that wraps inside its cell is one label). A number whose digits go on
 * on the next line, where its next digit would not have fitted beside them within the cell's padding, is one
 * number the narrow cell wrapped (178 in a 1 cm cell printed as 17 over 8); digits broken where more would have
 * fitted were broken by hand, and stay two numbers.
 */
export function cellText(cell: GridCell, padding: number): string {
  const lines = linesOfPieces(cell.pieces);
  let text = '';
  lines.forEach((line, k) => {
    const own = lineText(line);
    text = k > 0 && wrapsNumber(lines[k - 1], line, cell.rect[2] - cell.rect[0] - 2 * padding) ? text + own : joinLines(text, own);
  });
  return text;
}

function wrapsNumber(upper: readonly Piece[], lower: readonly Piece[], room: number): boolean {
  const end = upper[upper.length - 1];
  const next = lower[0];
  if (!/[0-9０-９]$/.test(end.text) || !/^[0-9０-９]/.test(next.text)) return false;
  const digit = (next.x1 - next.x0) / [...next.text].length;
  return end.x1 - upper[0].x0 + digit > room;
}

/** Where a cell's text is; an empty cell's own rectangle. */
export const cellBox = (cell: GridCell): Box => (cell.pieces.length ? boxOf(cell.pieces) : cell.rect);
