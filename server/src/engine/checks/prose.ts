// Prose with whitespace and line breaks removed (PDF text wraps mid-word), digits width-folded, and a
// map back to source offsets: what the date, narrative and citation checks search.
import type { Span } from '../model';
import { isSpace } from '../text/chars';

export interface Prose {
  readonly text: string;
  readonly offsets: readonly number[];
}

/** The prose of source[span], or of its start up to `limit` characters of prose. */
export function compactProse(source: string, span: Span, limit = Infinity): Prose {
  let text = '';
  const offsets: number[] = [];
  // characters kept as they are are added a run at a time
  let run = -1;
  let i = span.start;
  for (; i < span.end && offsets.length < limit; i++) {
    const code = source.charCodeAt(i);
    const space = isSpace(code);
    // full-width digits and letters fold to ASCII one for one, so offsets stay exact
    const wide = code >= 0xff10 && code <= 0xff5a;
    if ((space || wide) && run >= 0) {
      text += source.slice(run, i);
      run = -1;
    }
    if (space) continue;
    if (wide) text += String.fromCharCode(code - 0xfee0);
    else if (run < 0) run = i;
    offsets.push(i);
  }
  if (run >= 0) text += source.slice(run, i);
  offsets.push(i);
  return { text, offsets };
}

/**
 * The matches of a sticky `pattern` in the prose of source[span], as matchAll would find them in the whole
 * compacted prose, without compacting all of it: a match starts with `first` (which compacting leaves as it
 * is), so only the prose from each place the raw text has it is compacted, up to `reach` characters (the
 * longest match).
 */
export function* proseMatches(source: string, span: Span, first: string, pattern: RegExp, reach: number): Generator<{ match: RegExpExecArray; prose: Prose }> {
  // searched in a slice of the span: a search in the whole document would run on to the next report that has it
  const within = source.slice(span.start, span.end);
  let free = span.start;
  for (let found = within.indexOf(first); found >= 0; found = within.indexOf(first, found + 1)) {
    const at = span.start + found;
    if (at < free) continue;
    const prose = compactProse(source, { start: at, end: span.end }, reach);
    pattern.lastIndex = 0;
    const match = pattern.exec(prose.text);
    if (!match) continue;
    yield { match, prose };
    free = prose.offsets[match[0].length];
  }
}

export function proseSpan(prose: Prose, from: number, to: number): Span {
  return { start: prose.offsets[from], end: prose.offsets[to - 1] + 1 };
}
