// Where a span of the imported text came from: the innermost origin around it (a cell before its row's line).
import type { Span } from '../engine';
import type { Imported, Origin } from './types';

export function originAt(imported: Pick<Imported, 'origins'>, span: Span): Origin | null {
  let best: Origin | null = null;
  let bestLength = Infinity;
  for (const o of imported.origins) {
    if (o.span.start > span.start) break;
    const length = o.span.end - o.span.start;
    if (span.end <= o.span.end && length <= bestLength) {
      best = o.origin;
      bestLength = length;
    }
  }
  return best;
}
