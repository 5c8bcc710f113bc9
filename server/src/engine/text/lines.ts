// Splitting text into lines (LF, CRLF or CR) and mapping offsets to LSP positions (UTF-16 code units,
// which is what JavaScript string offsets already are).

import { lastAtOrBefore } from './search';

export interface Line {
  readonly start: number;
  /** offset just past the last character, before the line break */
  readonly end: number;
  readonly text: string;
}

export interface Position {
  line: number;
  character: number;
}

export interface LspRange {
  start: Position;
  end: Position;
}

const isBreak = (text: string, at: number): boolean => text[at] === '\n' || text[at] === '\r';

/** The start of the line holding offset `at` (not before `from`). */
export function lineStartAt(text: string, at: number, from = 0): number {
  while (at > from && !isBreak(text, at - 1)) at--;
  return at;
}

/** The end of the line holding offset `at`, before its break (not after `to`). */
export function lineEndAt(text: string, at: number, to = text.length): number {
  while (at < to && !isBreak(text, at)) at++;
  return at;
}

/** The end of the line before the one starting at `start`: before its break, CRLF counted as one. */
export function previousLineEnd(text: string, start: number): number {
  return text[start - 1] === '\n' && text[start - 2] === '\r' ? start - 2 : start - 1;
}

/** Where each line of the text starts (LF, CRLF or CR breaks), the first being 0. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  // the line breaks found by indexOf, which searches far faster than a loop over every character; a text with no
  // CR looks for one once
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      // a CR is a line break of its own unless a LF follows it, which ends the line then
      if (text.charCodeAt(cr + 1) !== 10) starts.push(cr + 1);
      cr = text.indexOf('\r', cr + 1);
    } else {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts;
}

export class LineIndex {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    this.starts = lineStartsOf(text);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const lo = lastAtOrBefore(this.starts.length, (k) => this.starts[k], clamped);
    return { line: lo, character: clamped - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    const lineStart = this.starts[line];
    const nextStart = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
  }

  range(start: number, end: number): LspRange {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
