// Splitting text into lines (LF, CRLF or CR) and mapping offsets to LSP positions (UTF-16 code units,
// which is what JavaScript string offsets already are).

import { NextChar } from './next-char';
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

/** The line breaks of a text, searched for as they are needed (see NextChar). */
export class LineBreaks {
  private readonly lf: NextChar;
  private readonly cr: NextChar;
  constructor(text: string, from: number) {
    this.lf = new NextChar(text, '\n', from);
    this.cr = new NextChar(text, '\r', from);
  }

  /** The end of the line starting at `start` (within `to`), and the start of the next line (to + 1 past the last). */
  lineAt(start: number, to: number): { end: number; next: number } {
    const lf = this.lf.from(start);
    const cr = this.cr.from(start);
    const end = Math.min(lf, cr);
    if (end >= to) return { end: to, next: to + 1 };
    // CRLF is one break, unless the range ends between the two
    return { end, next: end === cr && lf === cr + 1 && lf < to ? end + 2 : end + 1 };
  }
}

/**
 * The lines of text[from, to), one after another (`from` must be a line start): LF, CRLF or CR breaks, and a
 * last line up to `to` (empty after a final break).
 */
export class LineWalker {
  /** the current line: its start, and its end before the line break */
  start = 0;
  end = 0;
  private following: number;

  constructor(
    private readonly to: number,
    from: number,
    private readonly breaks: LineBreaks,
  ) {
    this.following = from;
  }

  /** Moves to the next line; false when there is none. */
  next(): boolean {
    if (this.following > this.to) return false;
    this.start = this.following;
    const { end, next } = this.breaks.lineAt(this.start, this.to);
    this.end = end;
    this.following = next;
    return true;
  }
}

export class LineIndex {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    this.starts = [];
    const lines = new LineWalker(text.length, 0, new LineBreaks(text, 0));
    while (lines.next()) this.starts.push(lines.start);
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
