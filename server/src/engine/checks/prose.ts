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

  /** The prose without the characters at `drop` (ascending), each dropped as a skipped space is: the text around it runs on. */
  without(drop: readonly number[]): Prose {
    if (drop.length === 0) return this;
    let text = '';
    const runText: number[] = [];
    const runSource: number[] = [];
    // keeps text[from, to): a run starts there, and at each run of this prose that starts inside
    const keep = (from: number, to: number): void => {
      if (from >= to) return;
      let run = lastAtOrBefore(this.runText.length, (k) => this.runText[k], from);
      runText.push(text.length);
      runSource.push(this.runSource[run] + (from - this.runText[run]));
      for (run++; run < this.runText.length && this.runText[run] < to; run++) {
        runText.push(text.length + this.runText[run] - from);
        runSource.push(this.runSource[run]);
      }
      text += this.text.slice(from, to);
    };
    let from = 0;
    for (const at of drop) {
      keep(from, at);
      from = at + 1;
    }
    keep(from, this.text.length);
    return new Prose(text, runText, runSource, this.end);
  }
}

/**
 * A count written with thousands separators (`3,119`, `3，119`): one to three digits, then groups of exactly three
 * after one separator throughout, not inside a longer number or a decimal, and no separator and digit right after
 * (`3,5`, `12,3456` and `1,234,56` are no such count). The full-width comma is taken too (`1，200件`, typed in a
 * full-width input mode): the other reading, two clauses, would end the first on a bare number, while report prose
 * gives a count its measure word before the clause ends (`12件，`) and writes an enumeration of numbers with 、; a
 * number without a unit that does end a clause (a year, 2023，) is four digits, no group's head.
 */
const DIGIT_GROUPS = /(?<![\d.])(?<!\d[,，])\d{1,3}([,，])\d{3}(?:\1\d{3})*(?!\d|[,，]\d)/g;

/** The prose with the thousands separators of its counts dropped (`3,119件` reads `3119件`), or the prose itself when it has none. */
export function withoutDigitGroupSeparators(prose: Prose): Prose {
  const drop: number[] = [];
  for (const m of prose.text.matchAll(DIGIT_GROUPS)) {
    for (let j = 1; j < m[0].length; j++) if (m[0][j] === m[1]) drop.push(m.index! + j);
  }
  return prose.without(drop);
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

