// Splitting text into lines (LF, CRLF or CR) and mapping offsets to LSP positions (UTF-16 code units,
// which is what JavaScript string offsets already are).

import { lastAtOrBefore } from './search';

export interface Line {
  readonly index: number;
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

/** Where each line of text[from, to) starts and ends (before its line break), as splitLines without the objects. */
export interface LineBounds {
  readonly starts: number[];
  readonly ends: number[];
}

/** The line bounds of text[from, to); `from` must be a line start. */
export function lineBounds(text: string, from = 0, to = text.length): LineBounds {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      starts.push(start);
      ends.push(i);
      if (c === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  starts.push(start);
  ends.push(to);
  return { starts, ends };
}

/** The lines of text[from, to); `from` must be a line start. */
export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  const n = to;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ index: lines.length, start, end: n, text: text.slice(start, n) });
  return lines;
}

export class LineIndex {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    this.starts = splitLines(text).map((l) => l.start);
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
