// Prose with whitespace and line breaks removed (PDF text wraps mid-word), digits width-folded, and a
// map back to source offsets: what the date, narrative and citation checks search.
import type { Span } from '../model';
import { isSpace } from '../text/chars';
import { lastAtOrBefore } from '../text/search';

/** Compacted prose, and where each of its characters came from. */
export class Prose {
  constructor(
    readonly text: string,
    /** runs of characters that came from consecutive source characters: where each starts in the text, and in the source */
    private readonly runText: readonly number[],
    private readonly runSource: readonly number[],
    /** where reading stopped in the source */
    private readonly end: number,
  ) {}

  /** The source offset of text[i]; for i = text.length, where reading stopped. */
  sourceAt(i: number): number {
    if (i >= this.text.length) return this.end;
    const run = lastAtOrBefore(this.runText.length, (k) => this.runText[k], i);
    return this.runSource[run] + (i - this.runText[run]);
  }
}

/** The prose of source[span], or of its start up to `limit` characters of prose. */
export function compactProse(source: string, span: Span, limit = Infinity): Prose {
  let text = '';
  const runText: number[] = [];
  const runSource: number[] = [];
  let length = 0;
  // characters kept as they are are added to the text a slice at a time
  let slice = -1;
  let skipped = true;
  let i = span.start;
  for (; i < span.end && length < limit; i++) {
    const code = source.charCodeAt(i);
    const space = isSpace(code);
    // full-width digits and letters fold to ASCII one for one, so offsets stay exact
    const wide = code >= 0xff10 && code <= 0xff5a;
    if ((space || wide) && slice >= 0) {
      text += source.slice(slice, i);
      slice = -1;
    }
    if (space) {
      skipped = true;
      continue;
    }
    if (skipped) {
      runText.push(length);
      runSource.push(i);
      skipped = false;
    }
    if (wide) text += String.fromCharCode(code - 0xfee0);
    else if (slice < 0) slice = i;
    length++;
  }
  if (slice >= 0) text += source.slice(slice, i);
  return new Prose(text, runText, runSource, i);
}

export function proseSpan(prose: Prose, from: number, to: number): Span {
  return { start: prose.sourceAt(from), end: prose.sourceAt(to - 1) + 1 };
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
    free = prose.sourceAt(match[0].length);
  }
}

