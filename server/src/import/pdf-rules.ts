// Ruling lines from a page's operator list: stroked horizontal and vertical lines and rectangle edges, and
// thin filled rectangles (how Chromium and many PDF writers draw table borders). Curves, clips and shapes
// that are neither are not rules.
import type { Segment } from './pdf-geometry';

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** the transform `m` applied first, then `ctm` (PDF's `cm`) */
const concat = (ctm: Matrix, m: readonly number[]): Matrix => [
  ctm[0] * m[0] + ctm[2] * m[1],
  ctm[1] * m[0] + ctm[3] * m[1],
  ctm[0] * m[2] + ctm[2] * m[3],
  ctm[1] * m[2] + ctm[3] * m[3],
  ctm[0] * m[4] + ctm[2] * m[5] + ctm[4],
  ctm[1] * m[4] + ctm[3] * m[5] + ctm[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** pdf.js's operator numbers this module reads (its OPS table). */
export interface PathOps {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly constructPath: number;
  readonly moveTo: number;
  readonly lineTo: number;
  readonly curveTo: number;
  readonly curveTo2: number;
  readonly curveTo3: number;
  readonly closePath: number;
  readonly rectangle: number;
  readonly stroke: number;
  readonly closeStroke: number;
  readonly fill: number;
  readonly eoFill: number;
  readonly fillStroke: number;
  readonly eoFillStroke: number;
  readonly closeFillStroke: number;
  readonly closeEOFillStroke: number;
  readonly endPath: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
}

/** Points closer than this (in points) to a line count as on it: borders are drawn a hair off. */
const STRAIGHT = 0.5;
/** A filled rectangle at most this thick, and several times longer, is a drawn line. */
const THIN = 2.5;

type Point = [number, number];

export function segmentsOf(fnArray: readonly number[], argsArray: readonly unknown[], OPS: PathOps): Segment[] {
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  // the path being built: straight pieces and closed polygons (rectangles and closed subpaths), in page space
  let lines: [Point, Point][] = [];
  let polygons: Point[][] = [];
  const strokeLine = ([a, b]: [Point, Point]): void => {
    if (Math.abs(a[1] - b[1]) <= STRAIGHT && Math.abs(a[0] - b[0]) > STRAIGHT) {
      out.push({ horizontal: true, at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
    } else if (Math.abs(a[0] - b[0]) <= STRAIGHT && Math.abs(a[1] - b[1]) > STRAIGHT) {
      out.push({ horizontal: false, at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
    }
  };
  const edges = (polygon: Point[]): [Point, Point][] => polygon.map((p, i) => [p, polygon[(i + 1) % polygon.length]]);
  const fillThin = (polygon: Point[]): void => {
    const xs = polygon.map((p) => p[0]);
    const ys = polygon.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const [w, h] = [x1 - x0, y1 - y0];
    if (h <= THIN && w > 3 * h) out.push({ horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1 });
    else if (w <= THIN && h > 3 * w) out.push({ horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1 });
  };
  const paint = (stroke: boolean, fill: boolean): void => {
    if (stroke) {
      lines.forEach(strokeLine);
      polygons.forEach((p) => edges(p).forEach(strokeLine));
    }
    if (fill) polygons.forEach(fillThin);
    lines = [];
    polygons = [];
  };
  const build = (ops: readonly number[], coords: readonly number[]): void => {
    let k = 0;
    let current: Point = [0, 0];
    let open: Point[] = [];
    const flushOpen = (closed: boolean): void => {
      if (closed && open.length >= 3) polygons.push(open);
      else for (let i = 1; i < open.length; i++) lines.push([open[i - 1], open[i]]);
      open = [];
    };
    for (const op of ops) {
      if (op === OPS.rectangle) {
        const [x, y, w, h] = coords.slice(k, (k += 4));
        polygons.push([apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h)]);
      } else if (op === OPS.moveTo) {
        flushOpen(false);
        current = apply(ctm, coords[k], coords[k + 1]);
        k += 2;
        open = [current];
      } else if (op === OPS.lineTo) {
        current = apply(ctm, coords[k], coords[k + 1]);
        k += 2;
        open.push(current);
      } else if (op === OPS.curveTo) {
        k += 6;
        flushOpen(false); // a curve ends what could be a straight line
      } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
        k += 4;
        flushOpen(false);
      } else if (op === OPS.closePath) {
        flushOpen(true);
      }
    }
    flushOpen(false);
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? IDENTITY;
        break;
      case OPS.transform:
        ctm = concat(ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args?.[0])) ctm = concat(ctm, args[0] as number[]);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? IDENTITY;
        break;
      case OPS.constructPath:
        build(args![0] as number[], args![1] as number[]);
        break;
      case OPS.stroke:
      case OPS.closeStroke:
        paint(true, false);
        break;
      case OPS.fill:
      case OPS.eoFill:
        paint(false, true);
        break;
      case OPS.fillStroke:
      case OPS.eoFillStroke:
      case OPS.closeFillStroke:
      case OPS.closeEOFillStroke:
        paint(true, true);
        break;
      case OPS.endPath:
        paint(false, false);
        break;
    }
  }
  return out;
}
