// Width folding for label matching: full-width forms become half-width (NFKC), and whitespace,
// punctuation and symbols are dropped, so `（二） 部分 公开` and `(二)部分公开` compare equal.
// Every folded character remembers the source offset it came from, so a match maps back to a range.

export interface Folded {
  readonly text: string;
  /** starts[i] and ends[i] bound the source character that text[i] came from. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

// format characters (\p{Cf}: the BOM, zero-width spaces and joiners, the soft hyphen) are invisible
const DROPPED = /[\s\p{P}\p{S}\p{Cf}]/u;

/** Whether folding drops the character: a blank, punctuation, a symbol or an invisible format character. */
export const droppedInFolding = (ch: string): boolean => DROPPED.test(ch);

function isStable(code: number): boolean {
  // ASCII letters and digits and CJK ideographs are NFKC-stable: skip the normalizer for them.
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x4e00 && code <= 0x9fff)
  );
}

export function fold(source: string, start = 0, end = source.length): Folded {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = start;
  while (i < end) {
    const code = source.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (isStable(code)) {
      text += source[i];
      starts.push(i);
      ends.push(i + 1);
    } else {
      const normal = String.fromCodePoint(code).normalize('NFKC');
      for (const ch of normal) {
        if (!DROPPED.test(ch)) {
          text += ch;
          for (let k = 0; k < ch.length; k++) {
            starts.push(i);
            ends.push(i + width);
          }
        }
      }
    }
    i += width;
  }
  return { text, starts, ends };
}

/** fold(s).text, without the offsets; past `limit` characters it stops (the caller only needs to know it is longer). */
export function foldText(s: string, limit = Infinity): string {
  let text = '';
  // stable characters are added a run at a time
  let run = 0;
  let i = 0;
  while (i < s.length && text.length + (i - run) <= limit) {
    const code = s.codePointAt(i)!;
    if (isStable(code)) {
      i++;
      continue;
    }
    text += s.slice(run, i);
    for (const ch of String.fromCodePoint(code).normalize('NFKC')) if (!DROPPED.test(ch)) text += ch;
    i += code > 0xffff ? 2 : 1;
    run = i;
  }
  return text + s.slice(run, i);
}

/** Source range of folded characters [from, to), which must not be empty. */
export function sourceRange(folded: Folded, from: number, to: number): { start: number; end: number } {
  return { start: folded.starts[from], end: folded.ends[to - 1] };
}
