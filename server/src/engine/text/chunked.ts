// A document's text kept as chunks of whole lines, so a keystroke in a 10 MB compilation rewrites one chunk
// (tens of KB) instead of copying the whole text, and offsets and LSP positions are found by binary search.
// A chunk always ends just after a line break (but the last), and never between the \r and \n of a CRLF.
import { lineStartsOf, type Position } from './lines';
import { detached } from './detach';
import { lastAtOrBefore } from './search';

const TARGET = 16 * 1024;

interface Chunk {
  readonly text: string;
  /** offsets of the line starts inside the chunk, the first being 0 */
  readonly lineStarts: readonly number[];
}

/**
 * Splits text into chunks of about TARGET characters, cut after a line break, until a chunk ends at or past
 * `until`; returns them and where the last ends.
 */
function cut(text: string, until = text.length): { chunks: Chunk[]; end: number } {
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < Math.min(until, text.length)) {
    let end = Math.min(text.length, start + TARGET);
    if (end < text.length) {
      // the first line break from `end`: a \r only before the next \n is looked for (a search of the whole rest
      // for a \r that text without one never has would make cutting a large document quadratic)
      const lf = text.indexOf('\n', end);
      let breakAt = lf < 0 ? text.length : lf;
      for (let i = end; i < breakAt; i++) {
        if (text.charCodeAt(i) === 13) {
          breakAt = i;
          break;
        }
      }
      end = breakAt < text.length ? breakAt + 1 : text.length;
      if (text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10) end++;
    }
    const piece = detached(text.slice(start, end));
    chunks.push({ text: piece, lineStarts: lineStartsOf(piece) });
    start = end;
  }
  return { chunks, end: start };
}

export class ChunkedText {
  private chunks: Chunk[];
  /** offset of each chunk's start */
  private offsets: number[] = [];
  /** line number of each chunk's first line */
  private lines: number[] = [];
  private total = 0;
  /**
   * The text after the chunks, not cut yet: a large document opened is cut as far as its first part, which is read
   * at once, and the rest when first reached (cutting the whole of a compilation would delay its first problems).
   */
  private rest = '';

  /** `text` cut into chunks: its first `cutFirst` characters (to a line's end) at once, the rest when first reached. */
  constructor(text: string, cutFirst = Number.POSITIVE_INFINITY) {
    const { chunks, end } = cut(text, cutFirst);
    this.chunks = chunks;
    this.rest = text.slice(end);
    this.reindex();
  }

  /** Where the chunks end: the rest, if any, starts there. */
  private get cutEnd(): number {
    return this.total - this.rest.length;
  }

  /** Cuts the rest, if any is left. */
  private cutRest(): void {
    if (!this.rest) return;
    const { chunks } = cut(this.rest);
    this.rest = '';
    for (const chunk of chunks) this.chunks.push(chunk);
    this.reindex();
  }

  get length(): number {
    return this.total;
  }

  toString(): string {
    return this.chunks.map((c) => c.text).join('') + this.rest;
  }

  slice(from: number, to: number): string {
    from = Math.max(0, Math.min(from, this.total));
    to = Math.max(from, Math.min(to, this.total));
    if (from === to) return '';
    if (to > this.cutEnd) this.cutRest();
    let i = this.chunkAt(from);
    let out = '';
    for (let at = from; at < to; i++) {
      const start = this.offsets[i];
      const piece = this.chunks[i].text.slice(at - start, to - start);
      out += piece;
      at = start + this.chunks[i].text.length;
    }
    return out;
  }

  charAt(offset: number): string {
    if (offset < 0 || offset >= this.total) return '';
    if (offset >= this.cutEnd) this.cutRest();
    const i = this.chunkAt(offset);
    return this.chunks[i].text[offset - this.offsets[i]];
  }

  /** The document's line break: the one ending its first line that ends in \n (as `eolOf`). */
  eol(): string {
    for (const chunk of this.chunks) {
      const lf = chunk.text.indexOf('\n');
      if (lf >= 0) return lf > 0 && chunk.text[lf - 1] === '\r' ? '\r\n' : '\n';
    }
    if (!this.rest) return '\n';
    this.cutRest();
    return this.eol();
  }

  replace(from: number, to: number, inserted: string): void {
    this.cutRest();
    from = Math.max(0, Math.min(from, this.total));
    to = Math.max(from, Math.min(to, this.total));
    if (!this.chunks.length) {
      this.chunks = cut(inserted).chunks;
      this.reindex();
      return;
    }
    // the chunks touched, and the neighbour across a boundary the edit reaches, so that no CRLF is split there
    let first = this.chunkAt(from);
    if (from === this.offsets[first]) first = Math.max(0, first - 1);
    let last = this.chunkAt(Math.max(from, to - 1));
    if (to >= this.offsets[last] + this.chunks[last].text.length - 1) last = Math.min(this.chunks.length - 1, last + 1);
    if (to === this.total) last = this.chunks.length - 1;
    const start = this.offsets[first];
    const joined = this.chunks.slice(first, last + 1).map((c) => c.text).join('');
    const rewritten = joined.slice(0, from - start) + inserted + joined.slice(to - start);
    const rewrittenChunks = cut(rewritten).chunks;
    const removed = last - first + 1;
    const firstLine = this.lines[first];
    const linesBefore = this.lines[last] + this.chunks[last].lineStarts.length - 1 - firstLine;
    this.chunks.splice(first, removed, ...rewrittenChunks);
    this.offsets.splice(first, removed, ...rewrittenChunks.map(() => 0));
    this.lines.splice(first, removed, ...rewrittenChunks.map(() => 0));
    // the new chunks indexed from where the first was; the chunks after them only moved (typing over a digit: not even)
    const end = this.index(first, first + rewrittenChunks.length, start, firstLine);
    const movedBy = rewritten.length - joined.length;
    const linesMovedBy = end.line - firstLine - linesBefore;
    if (movedBy || linesMovedBy) {
      for (let i = first + rewrittenChunks.length; i < this.chunks.length; i++) {
        this.offsets[i] += movedBy;
        this.lines[i] += linesMovedBy;
      }
    }
    this.total += movedBy;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.total));
    if (offset >= this.cutEnd) this.cutRest();
    if (!this.chunks.length) return { line: 0, character: 0 };
    const i = this.chunkOf(offset);
    const local = offset - this.offsets[i];
    const lo = this.lineInChunk(i, local);
    return { line: this.lines[i] + lo, character: local - this.chunks[i].lineStarts[lo] };
  }

  /** The line of an offset: positionAt's line, with no object made (asked for every report of a document per publication). */
  lineAt(offset: number): number {
    offset = Math.max(0, Math.min(offset, this.total));
    if (offset >= this.cutEnd) this.cutRest();
    if (!this.chunks.length) return 0;
    const i = this.chunkOf(offset);
    return this.lines[i] + this.lineInChunk(i, offset - this.offsets[i]);
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, position.line);
    // the chunks' last line is the first of the rest
    const last = this.chunks.length - 1;
    if (this.rest && (last < 0 || line >= this.lines[last] + this.chunks[last].lineStarts.length - 1)) this.cutRest();
    if (!this.chunks.length) return 0;
    const lo = lastAtOrBefore(this.chunks.length, (k) => this.lines[k], line);
    const { text, lineStarts } = this.chunks[lo];
    const index = line - this.lines[lo];
    if (index >= lineStarts.length) return this.total;
    const start = lineStarts[index];
    const next = index + 1 < lineStarts.length ? lineStarts[index + 1] : text.length;
    // the line ends before its line break, if it has one
    let end = next;
    if (end > start && text[end - 1] === '\n') end--;
    if (end > start && text[end - 1] === '\r') end--;
    return this.offsets[lo] + start + Math.min(Math.max(0, position.character), end - start);
  }

  private chunkAt(offset: number): number {
    return lastAtOrBefore(this.chunks.length, (k) => this.offsets[k], offset);
  }

  /** The chunk an offset within the text is in; the text's end is in the last. */
  private chunkOf(offset: number): number {
    return offset === this.total ? this.chunks.length - 1 : this.chunkAt(offset);
  }

  /** Which of chunk i's lines the chunk's `local` offset is on. */
  private lineInChunk(i: number, local: number): number {
    const starts = this.chunks[i].lineStarts;
    return lastAtOrBefore(starts.length, (k) => starts[k], local);
  }

  private reindex(): void {
    this.offsets = new Array(this.chunks.length);
    this.lines = new Array(this.chunks.length);
    this.total = this.index(0, this.chunks.length, 0, 0).offset + this.rest.length;
  }

  /** Indexes chunks from..to-1, the first starting at `offset` on line `line`; where the last ends. */
  private index(from: number, to: number, offset: number, line: number): { offset: number; line: number } {
    for (let i = from; i < to; i++) {
      this.offsets[i] = offset;
      this.lines[i] = line;
      offset += this.chunks[i].text.length;
      line += this.chunks[i].lineStarts.length - 1;
    }
    return { offset, line };
  }
}
