// Prose with whitespace and line breaks removed (PDF text wraps mid-word), digits width-folded, and a
// map back to source offsets: what the date, narrative and citation checks search.
import type { Span } from '../model';
import { isSpace } from '../text/chars';

export interface Prose {
  readonly text: string;
  readonly offsets: readonly number[];
}

export function compactProse(source: string, span: Span): Prose {
  let text = '';
  const offsets: number[] = [];
  for (let i = span.start; i < span.end; i++) {
    const code = source.charCodeAt(i);
    if (isSpace(code)) continue;
    // full-width digits and letters fold to ASCII one for one, so offsets stay exact
    text += code >= 0xff10 && code <= 0xff5a ? String.fromCharCode(code - 0xfee0) : source[i];
    offsets.push(i);
  }
  offsets.push(span.end);
  return { text, offsets };
}

export function proseSpan(prose: Prose, from: number, to: number): Span {
  return { start: prose.offsets[from], end: prose.offsets[to - 1] + 1 };
}
