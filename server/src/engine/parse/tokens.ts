// Splits table text into fields (tab- or pipe-separated, or whole lines) and tokens: labels, numbers,
// blank markers and malformed numbers. A label broken by spaces stays one token; a number is a token
// of its own wherever it stands.
import { isSpace } from '../text/chars';
import type { Line } from '../text/lines';

export type TokenKind = 'label' | 'number' | 'blank' | 'invalid';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** index into the tokenized lines */
  readonly lineNo: number;
  readonly fieldNo: number;
  readonly value?: number;
}

export type FieldKind = 'empty' | 'space' | 'content';

export interface Field {
  readonly start: number;
  readonly end: number;
  readonly kind: FieldKind;
}

export interface TokenLine {
  readonly line: Line;
  readonly tabbed: boolean;
  readonly fields: readonly Field[];
  /** first token of this line in the token list, and one past its last */
  readonly firstToken: number;
  readonly endToken: number;
}

export interface TokenStream {
  readonly lines: readonly TokenLine[];
  readonly tokens: readonly Token[];
}

const NUMBER = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;
const MALFORMED = /^[+\-−]?\d[\d,.]*\d$|^[+\-−]\d+$/;
const BLANK_MARKERS = new Set(['/', '\\', '-', '—', '–', '——', '--', '无', '×', '／']);
const PAGE_FOOTER = /^[\s]*[-—－]\s*\d+\s*[-—－][\s]*$|^\s*第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?\s*$/;
const SEPARATOR_CHARS = /^[\s|:：\-—–－=＝+_]*$/;
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

const LABEL = { kind: 'label' } as const;
const isDigits = (word: string): boolean => {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
};

function hasIdeograph(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) return true;
  }
  return false;
}

function classifyWord(word: string): { kind: TokenKind; value?: number } {
  // the common cases without normalizing: plain digits, and words with a CJK ideograph in them (no number
  // or blank marker has one, but 无)
  if (isDigits(word) && word.length < 16) return { kind: 'number', value: Number(word) };
  if (hasIdeograph(word) && word !== '无') return LABEL;
  const w = word.normalize('NFKC');
  if (NUMBER.test(w)) return { kind: 'number', value: Number(w.replace(/,/g, '')) };
  if (BLANK_MARKERS.has(w)) return { kind: 'blank' };
  if (MALFORMED.test(w)) return { kind: 'invalid' };
  return { kind: 'label' };
}

/** The line's fields as [start0, end0, start1, end1, …] (document offsets): tab- or pipe-separated, or the whole line. */
function splitFields(line: Line): { tabbed: boolean; bounds: number[] } {
  const text = line.text;
  // markdown tables, with or without the outer pipes
  const piped = text.includes('|');
  const sep = piped ? '|' : text.includes('\t') ? '\t' : null;
  if (!sep) return { tabbed: false, bounds: [line.start, line.end] };
  const bounds: number[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === sep) {
      bounds.push(line.start + from, line.start + i);
      from = i + 1;
    }
  }
  if (piped) {
    // `| a | b |`: the text outside the outer pipes is not a field
    const blank = (k: number): boolean => text.slice(bounds[k] - line.start, bounds[k + 1] - line.start).trim() === '';
    if (bounds.length && blank(0)) bounds.splice(0, 2);
    if (bounds.length && blank(bounds.length - 2)) bounds.splice(bounds.length - 2, 2);
  }
  return { tabbed: true, bounds };
}

const labelToken = (source: string, start: number, end: number, lineNo: number, fieldNo: number): Token => ({
  kind: 'label',
  text: source.slice(start, end),
  start,
  end,
  lineNo,
  fieldNo,
});

export function tokenize(source: string, lines: readonly Line[]): TokenStream {
  const tokenLines: TokenLine[] = [];
  const tokens: Token[] = [];
  for (const line of lines) {
    if (line.text.length > MAX_TABLE_LINE || isSkippedLine(line.text)) continue;
    const lineNo = tokenLines.length;
    const firstToken = tokens.length;
    const { tabbed, bounds } = splitFields(line);
    const fields: Field[] = [];
    for (let b = 0; b < bounds.length; b += 2) {
      const start = bounds[b];
      const end = bounds[b + 1];
      const fieldNo = b / 2;
      // words that are not numbers or blank markers run together into one label (a label broken by spaces)
      let labelStart = -1;
      let labelEnd = -1;
      let i = start;
      let hasContent = false;
      while (i < end) {
        if (isSpace(source.charCodeAt(i))) {
          i++;
          continue;
        }
        let j = i;
        while (j < end && !isSpace(source.charCodeAt(j))) j++;
        hasContent = true;
        const word = source.slice(i, j);
        const { kind, value } = classifyWord(word);
        if (kind === 'label') {
          if (labelStart < 0) labelStart = i;
          labelEnd = j;
        } else {
          if (labelStart >= 0) tokens.push(labelToken(source, labelStart, labelEnd, lineNo, fieldNo));
          labelStart = -1;
          tokens.push({ kind, text: word, start: i, end: j, lineNo, fieldNo, value });
        }
        i = j;
      }
      if (labelStart >= 0) tokens.push(labelToken(source, labelStart, labelEnd, lineNo, fieldNo));
      fields.push({ start, end, kind: hasContent ? 'content' : end > start ? 'space' : 'empty' });
    }
    tokenLines.push({ line, tabbed, fields, firstToken, endToken: tokens.length });
  }
  return { lines: tokenLines, tokens };
}
