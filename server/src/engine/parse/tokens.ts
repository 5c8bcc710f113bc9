// Splits table text into fields (tab- or pipe-separated, or whole lines) and tokens: labels, numbers,
// blank markers and malformed numbers. A label broken by spaces stays one token; a number is a token
// of its own wherever it stands. Tokens and lines are kept as parallel arrays of numbers, not objects: a
// compilation has hundreds of thousands of them, and only label tokens are ever read as text.
import { isSpace } from '../text/chars';
import type { LineBounds } from '../text/lines';

export const LABEL = 0;
export const NUMBER = 1;
export const BLANK = 2;
export const INVALID = 3;
export type TokenKind = typeof LABEL | typeof NUMBER | typeof BLANK | typeof INVALID;

export type FieldKind = 'empty' | 'space' | 'content';

export interface Field {
  readonly start: number;
  readonly end: number;
  readonly kind: FieldKind;
  readonly fieldNo: number;
}

export class TokenStream {
  /** per token */
  readonly kind: TokenKind[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  /** index into this stream's lines */
  readonly line: number[] = [];
  readonly field: number[] = [];
  /** the number read, for NUMBER tokens */
  readonly value: number[] = [];
  /** per tokenized line (skipped lines are left out) */
  readonly lineStart: number[] = [];
  readonly lineEnd: number[] = [];
  /** the line's number in the document, so gaps between lines can be measured */
  readonly lineNumber: number[] = [];
  readonly lineTabbed: boolean[] = [];
  readonly lineFieldCount: number[] = [];
  /** first token of the line, and one past its last */
  readonly firstToken: number[] = [];
  readonly endToken: number[] = [];

  constructor(readonly source: string) {}

  get tokenCount(): number {
    return this.kind.length;
  }

  get lineCount(): number {
    return this.lineStart.length;
  }

  text(token: number): string {
    return this.source.slice(this.start[token], this.end[token]);
  }

  lineHasLabel(line: number): boolean {
    for (let t = this.firstToken[line]; t < this.endToken[line]; t++) if (this.kind[t] === LABEL) return true;
    return false;
  }

  /** The line's fields, with what each holds (tokens only tell which fields have content). */
  fields(line: number): Field[] {
    const start = this.lineStart[line];
    const { bounds } = splitFields(this.source, start, this.lineEnd[line]);
    const fields: Field[] = [];
    for (let b = 0; b < bounds.length; b += 2) {
      const from = bounds[b];
      const to = bounds[b + 1];
      let content = false;
      for (let i = from; i < to && !content; i++) content = !isSpace(this.source.charCodeAt(i));
      fields.push({ start: from, end: to, kind: content ? 'content' : to > from ? 'space' : 'empty', fieldNo: b / 2 });
    }
    return fields;
  }

  push(kind: TokenKind, start: number, end: number, line: number, field: number, value: number): void {
    this.kind.push(kind);
    this.start.push(start);
    this.end.push(end);
    this.line.push(line);
    this.field.push(field);
    this.value.push(value);
  }
}

const NUMBER_TEXT = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;
const MALFORMED = /^[+\-−]?\d[\d,.]*\d$|^[+\-−]\d+$/;
const BLANK_MARKERS = new Set(['/', '\\', '-', '—', '–', '——', '--', '无', '×', '／']);
const PAGE_FOOTER = /^[\s]*[-—－]\s*\d+\s*[-—－][\s]*$|^\s*第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?\s*$/;
const SEPARATOR_CHARS = /^[\s|:：\-—–－=＝+_]*$/;
/** what a page footer or a separator line can start with, after spaces */
const SKIPPABLE_START = new Set([...'|:：-—–－=＝+_第'].map((c) => c.charCodeAt(0)));
/** a line longer than this is prose (or junk), never a table row */
const MAX_TABLE_LINE = 2000;

export function isSkippedLine(text: string): boolean {
  if (PAGE_FOOTER.test(text)) return true;
  if (SEPARATOR_CHARS.test(text)) {
    let dashes = 0;
    for (const ch of text) if ('-—–－=＝_'.includes(ch)) dashes++;
    return dashes >= 3;
  }
  return false;
}

/** isSkippedLine on source[start, end), without slicing the lines that cannot be skipped. */
function skipped(source: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isSpace(source.charCodeAt(i))) i++;
  if (i === end) return false;
  return SKIPPABLE_START.has(source.charCodeAt(i)) && isSkippedLine(source.slice(start, end));
}

const WU = '无'.charCodeAt(0);

/** the value of the last word classifyWord found to be a number (a variable, so no object per word) */
let wordValue = 0;

/**
 * The kind of source[start, end) (a word: no spaces); a number's value goes to wordValue. The common cases
 * are read from the characters: plain digits, and words with a CJK ideograph in them (no number or blank
 * marker has one, but 无).
 */
function classifyWord(source: string, start: number, end: number): TokenKind {
  let digits = true;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) return end - start === 1 && c === WU ? BLANK : LABEL;
    if (digits && c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else digits = false;
  }
  if (digits && end - start < 16) {
    wordValue = value;
    return NUMBER;
  }
  const w = source.slice(start, end).normalize('NFKC');
  if (NUMBER_TEXT.test(w)) {
    wordValue = Number(w.replace(/,/g, ''));
    return NUMBER;
  }
  if (BLANK_MARKERS.has(w)) return BLANK;
  if (MALFORMED.test(w)) return INVALID;
  return LABEL;
}

/** The fields of source[start, end) as [start0, end0, start1, end1, …]: tab- or pipe-separated, or the whole line. */
function splitFields(source: string, start: number, end: number): { tabbed: boolean; bounds: number[] } {
  // markdown tables, with or without the outer pipes
  let sep = -1;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 124) {
      sep = 124;
      break;
    }
    if (c === 9) sep = 9;
  }
  if (sep < 0) return { tabbed: false, bounds: [start, end] };
  const bounds: number[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || source.charCodeAt(i) === sep) {
      bounds.push(from, i);
      from = i + 1;
    }
  }
  if (sep === 124) {
    // `| a | b |`: the text outside the outer pipes is not a field
    const blank = (k: number): boolean => source.slice(bounds[k], bounds[k + 1]).trim() === '';
    if (bounds.length && blank(0)) bounds.splice(0, 2);
    if (bounds.length && blank(bounds.length - 2)) bounds.splice(bounds.length - 2, 2);
  }
  return { tabbed: true, bounds };
}

/** Tokens of the document lines [from, to) (numbers into `lines`). */
export function tokenize(source: string, lines: LineBounds, from: number, to: number): TokenStream {
  const stream = new TokenStream(source);
  for (let l = from; l < to; l++) {
    const lineStart = lines.starts[l];
    const lineEnd = lines.ends[l];
    if (lineEnd - lineStart > MAX_TABLE_LINE || skipped(source, lineStart, lineEnd)) continue;
    const lineNo = stream.lineCount;
    const firstToken = stream.tokenCount;
    const { tabbed, bounds } = splitFields(source, lineStart, lineEnd);
    for (let b = 0; b < bounds.length; b += 2) {
      const end = bounds[b + 1];
      const fieldNo = b / 2;
      // words that are not numbers or blank markers run together into one label (a label broken by spaces)
      let labelStart = -1;
      let labelEnd = -1;
      let i = bounds[b];
      while (i < end) {
        if (isSpace(source.charCodeAt(i))) {
          i++;
          continue;
        }
        let j = i;
        while (j < end && !isSpace(source.charCodeAt(j))) j++;
        const kind = classifyWord(source, i, j);
        if (kind === LABEL) {
          if (labelStart < 0) labelStart = i;
          labelEnd = j;
        } else {
          if (labelStart >= 0) stream.push(LABEL, labelStart, labelEnd, lineNo, fieldNo, 0);
          labelStart = -1;
          stream.push(kind, i, j, lineNo, fieldNo, kind === NUMBER ? wordValue : 0);
        }
        i = j;
      }
      if (labelStart >= 0) stream.push(LABEL, labelStart, labelEnd, lineNo, fieldNo, 0);
    }
    stream.lineStart.push(lineStart);
    stream.lineEnd.push(lineEnd);
    stream.lineNumber.push(l);
    stream.lineTabbed.push(tabbed);
    stream.lineFieldCount.push(bounds.length / 2);
    stream.firstToken.push(firstToken);
    stream.endToken.push(stream.tokenCount);
  }
  return stream;
}
