// Splits table text into fields (tab- or pipe-separated, or whole lines) and tokens: labels, numbers,
// blank markers and malformed numbers. A label broken by spaces stays one token; a number is a token
// of its own wherever it stands, even glued to label text (`数量151300…`, as scraped pages give tables).
// Tokens and lines are kept as parallel arrays of numbers, not objects: a compilation has hundreds of
// thousands of them, and only label tokens are ever read as text.
import { isInvisible, isSpace, withoutInvisible } from '../text/chars';
import { lineEndAt } from '../text/lines';
import { readTitle } from './blocks';

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

/**
 * A section's tokens and lines. The arrays are kept longer than the counts say: a stream is reused, section
 * after section, so that they grow once per parse rather than once per table.
 */
export class TokenStream {
  source = '';
  tokenCount = 0;
  lineCount = 0;
  /** per token */
  readonly kind: TokenKind[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  /** index into this stream's lines */
  readonly line: number[] = [];
  readonly field: number[] = [];
  /** the number read, for NUMBER tokens */
  readonly value: number[] = [];
  /** NUMBER tokens cut out of a word that also holds label text (`数量151300…`, `0行政强制`): cells only where they follow a row's label */
  readonly glued: number[] = [];
  /**
   * mid-line page footers (`… - 3 - …`, text flattened onto one line), as [first token, one past the last] pairs: the
   * tokens read there, which a table drops where its row then has its cells (see dropFooters in table.ts)
   */
  readonly footers: number[] = [];
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

  /** Empties the stream for another section of `source`. */
  reset(source: string): this {
    this.source = source;
    this.tokenCount = 0;
    this.lineCount = 0;
    this.glued.length = 0;
    this.footers.length = 0;
    return this;
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
    const bounds = splitFields(this.source, start, this.lineEnd[line]);
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
    const t = this.tokenCount++;
    this.kind[t] = kind;
    this.start[t] = start;
    this.end[t] = end;
    this.line[t] = line;
    this.field[t] = field;
    this.value[t] = value;
  }

  /**
   * Puts a token at `at` on the line of the token before it (a word cut off a label), in that token's field; the
   * tokens from `at` on, and the lines' bounds, move up by one.
   */
  insert(at: number, kind: TokenKind, start: number, end: number): void {
    const line = this.line[at - 1];
    this.kind.splice(at, 0, kind);
    this.start.splice(at, 0, start);
    this.end.splice(at, 0, end);
    this.line.splice(at, 0, line);
    this.field.splice(at, 0, this.field[at - 1]);
    this.value.splice(at, 0, 0);
    this.tokenCount++;
    for (let k = 0; k < this.glued.length; k++) if (this.glued[k] >= at) this.glued[k]++;
    for (let l = line; l < this.lineCount; l++) {
      if (l > line) this.firstToken[l]++;
      this.endToken[l]++;
    }
  }

  /** Takes the tokens [at, at + count) out of the stream; the tokens after them, and the lines' bounds, move down. */
  remove(at: number, count: number): void {
    for (const list of [this.kind, this.start, this.end, this.line, this.field, this.value] as number[][]) list.splice(at, count);
    this.tokenCount -= count;
    const moved = (t: number): number => (t >= at + count ? t - count : Math.min(t, at));
    let kept = 0;
    for (const t of this.glued) if (t < at || t >= at + count) this.glued[kept++] = moved(t);
    this.glued.length = kept;
    for (let k = 0; k < this.footers.length; k++) this.footers[k] = moved(this.footers[k]);
    for (let l = 0; l < this.lineCount; l++) {
      this.firstToken[l] = moved(this.firstToken[l]);
      this.endToken[l] = moved(this.endToken[l]);
    }
  }

  pushLine(start: number, end: number, lineNumber: number, tabbed: boolean, fieldCount: number, firstToken: number): void {
    const l = this.lineCount++;
    this.lineStart[l] = start;
    this.lineEnd[l] = end;
    this.lineNumber[l] = lineNumber;
    this.lineTabbed[l] = tabbed;
    this.lineFieldCount[l] = fieldCount;
    this.firstToken[l] = firstToken;
    this.endToken[l] = this.tokenCount;
  }
}

const NUMBER_TEXT = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;
/** signed digits, and digits with stray commas or points (run into a dash too: `9,7---`) */
const MALFORMED = /^[+\-−]?\d[\d,.]*\d$|^[+\-−]\d+$|^\d[\d,.]*[-—–―]+$/;
/** digits followed by stray separators (`97---`, `97—`, SPEC §2): the number, the dashes no part of the cell */
const DIGITS_THEN_DASHES = /^(\d+)[-—–―]+$/;
/**
 * a number followed by a full stop (`21.`, `21．`, `21。`, as some pages end every cell): a point with no digit after
 * it is no decimal, so the number, the stop no part of the cell (but for an ordinal: see ordinalBeforeLabel)
 */
const NUMBER_THEN_STOP = /^((?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?)[.。]$/;
const DASHES = /^[-—–―]+$/;
const BLANK_MARKERS = new Set(['/', '\\', '-', '—', '–', '——', '--', '无', '×', '／']);
/** a page footer (`- 3 -`, `第 3 页 共 8 页`), its digits half- or full-width */
export const PAGE_FOOTER = /^\s*[-—－]\s*[\d０-９]+\s*[-—－]\s*$|^\s*第\s*[\d０-９]+\s*页(?:\s*共\s*[\d０-９]+\s*页)?\s*$/;
/** a page footer inside a line (`… - 3 - …`), from its first dash: spaces around its number, no tab */
const MID_LINE_FOOTER = /[-—－][ \u3000]+([\d０-９]{1,3})[ \u3000]+[-—－](?=[\s]|$)/y;
const isFooterDash = (code: number): boolean => code === 0x2d || code === 0x2014 || code === 0xff0d;
/**
 * a page footer inside a line in words (`… 第 3 页 共 8 页 …`, `第3页/共8页`), from its 第, a word of its own on both
 * sides: no cell ever reads so, so it is no token at all
 */
const MID_LINE_PAGE = /第[ \u3000]*[\d０-９]{1,3}[ \u3000]*页(?:[ \u3000]*[/／]?[ \u3000]*共[ \u3000]*[\d０-９]{1,3}[ \u3000]*页)?(?=\s|$)/y;
const SEPARATOR_CHARS = /^[\s|:：\-—–－=＝+_]*$/;
/** What a page footer or a separator line can start with, after spaces: |:：-—–－=＝+_第 (asked of every line). */
function skippableStart(code: number): boolean {
  switch (code) {
    case 0x7c: case 0x3a: case 0xff1a: case 0x2d: case 0x2014: case 0x2013: case 0xff0d: case 0x3d: case 0xff1d: case 0x2b: case 0x5f: case 0x7b2c:
      return true;
    default:
      return false;
  }
}
/** a line longer than this is prose (or junk), never a table row */
const MAX_TABLE_LINE = 2000;

function isSkippedLine(text: string): boolean {
  if (PAGE_FOOTER.test(text)) return true;
  if (SEPARATOR_CHARS.test(text)) {
    let dashes = 0;
    for (const ch of text) if ('-—–－=＝_'.includes(ch)) dashes++;
    return dashes >= 3;
  }
  return false;
}

const GAO = '告'.charCodeAt(0);

/**
 * A running page header among a table's lines: the report's title alone on its line where a PDF page broke
 * (`2024 年政府信息公开工作年度报告`, with or without the agency), whose year is no cell. Only a line that ends in
 * 告, as every title does, is read as one.
 */
function isRunningTitle(source: string, start: number, end: number): boolean {
  let last = end;
  while (last > start && isSpace(source.charCodeAt(last - 1))) last--;
  return last > start && source.charCodeAt(last - 1) === GAO && readTitle(source, start, end, true, start) !== null;
}

/**
 * isSkippedLine on source[start, end), whose first character after spaces is `first` (-1: none), without slicing
 * the lines that cannot be skipped; or a running title.
 */
function skipped(source: string, start: number, end: number, first: number): boolean {
  return (skippableStart(first) && isSkippedLine(source.slice(start, end))) || isRunningTitle(source, start, end);
}

/** the characters a blank cell's mark is written in, 无 aside (a word of its own only: 无法提供 is a label) */
const MARK_CHARS = '-—–―/／\\×';

/** Where a blank cell's mark that opens source[from, to) and is followed by other text ends; `from` for none. */
function blankMarkEnd(source: string, from: number, to: number): number {
  let at = from;
  while (at < to && MARK_CHARS.includes(source[at])) at++;
  return at < to && at > from && classifyWord(source.slice(from, at)) === BLANK ? at : from;
}

const WU = '无'.charCodeAt(0);
const DI = '第'.charCodeAt(0);
/**
 * The kind of a word (NFKC-normalized) that is neither plain digits nor a label with an ideograph in it
 * (LineReader tells those apart as it reads): full-width or grouped digits, decimals, blank markers (无 among
 * them), malformed numbers.
 */
function classifyWord(word: string): TokenKind {
  if (NUMBER_TEXT.test(word)) return NUMBER;
  if (BLANK_MARKERS.has(word) || DASHES.test(word)) return BLANK;
  if (MALFORMED.test(word)) return INVALID;
  return LABEL;
}

const COMMA = 0x2c;
const isDigit = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
const isDecimalPoint = (code: number): boolean => code === 0x2e || code === 0xff0e;
/** what follows the digit of an ordinal: `2.其他…`, `1、属于…` */
const isOrdinalMark = (code: number): boolean => code === 0x2e || code === 0xff0e || code === 0x3001;
const isOpeningParen = (code: number): boolean => code === 0x28 || code === 0xff08;
const isClosingParen = (code: number): boolean => code === 0x29 || code === 0xff09;
/** money units a cell's number may carry (`984361元`, `547.9659万元`, `98.4万`): only an amount's */
const MONEY_UNITS = ['万元', '元', '万'];
/** count units a cell's number may carry (`2笔`, `16起`, `16人次`, also in brackets: `16（件）`): only a count's */
const COUNT_UNITS = ['笔', '件', '个', '项', '条', '次', '人次', '人', '家', '起', '份'];
/** units a cell's number may carry, read past when they end the word; the column says which it takes */
const CELL_UNITS = [...MONEY_UNITS, ...COUNT_UNITS];
/** the longest word unitOf takes for a unit: the longest unit, in brackets */
const LONGEST_UNIT_WORD = Math.max(...CELL_UNITS.map((u) => u.length)) + 2;
/** what a unit's word starts with, but for a bracket: after a number, most text starts with none of these */
const UNIT_STARTS = new Set(CELL_UNITS.map((u) => u.charCodeAt(0)));
/** counters and units: digits running on into one of these are prose (`2023年制作`, `509条，其中`), not a cell */
const COUNTERS = new Set('年月日时号条件个项次人家户名份期场篇类万亿元笔余多倍天周届批起%％');

function numberValue(source: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (isDecimalPoint(code)) return Number(withoutInvisible(source.slice(start, end)).normalize('NFKC').replace(/,/g, ''));
    if (code === COMMA || isInvisible(code)) continue;
    value = value * 10 + (code >= 0xff10 ? code - 0xff10 : code - 48);
  }
  return value;
}

/**
 * Whether source[at] is an invisible character between two digits: a digit before it and, past any more of them,
 * one after it. Where tabs or pipes set a row's cells apart, it is inside a number (a reader sees `2\u200b1` as 21,
 * and `21\u200b0` as 210); where nothing else parts the cells (`97\u200b16\u200b7…`, a page's cells joined by it)
 * it is what parts them, as a space would (see LineReader.joinsDigits).
 */
function invisibleBetweenDigits(source: string, at: number, limit: number): boolean {
  if (!isInvisible(source.charCodeAt(at)) || !isDigit(source.charCodeAt(at - 1))) return false;
  let next = at + 1;
  while (next < limit && isInvisible(source.charCodeAt(next))) next++;
  return next < limit && isDigit(source.charCodeAt(next));
}

/** The groups of digits that invisible characters part in the run of them around source[at] (`5\u200b0\u200b12`: 3). */
function digitGroups(source: string, at: number, limit: number): number {
  const inRun = (i: number): boolean => isDigit(source.charCodeAt(i)) || isInvisible(source.charCodeAt(i));
  let start = at;
  while (start > 0 && inRun(start - 1)) start--;
  let groups = 0;
  for (let i = start; i < limit && inRun(i); i++) if (isDigit(source.charCodeAt(i)) && !isDigit(source.charCodeAt(i - 1))) groups++;
  return groups;
}

/** Where the digits at source[at] end; invisible characters between them read past where `line` joins digits over them. */
function digitsEnd(line: LineReader, source: string, at: number, to: number): number {
  while (at < to && (isDigit(source.charCodeAt(at)) || line.joinsDigits(at, to))) at++;
  return at;
}

const CJK_NUMERALS = '一二三四五六七八九十';
/** sentence punctuation: a word holding it is prose, never a row run together with the next */
const SENTENCE_MARK = /[。，；！？]/;
/** a full stop after a number: no decimal point where no digit follows */
const isStop = (code: number): boolean => isDecimalPoint(code) || code === 0x3002;

/**
 * Whether source[at, to) opens with a numbering or a heading of its own (`二、上年结转…`, `（三）不予公开`, `第二十条…`),
 * which no text after an ordinal does (the template's `1.`–`8.` open 属于国家秘密, 其他, …): a digit and a stop
 * before it are a cell and its stop, not an ordinal.
 */
function opensNumbering(source: string, at: number, to: number): boolean {
  if (at >= to) return false;
  const code = source.charCodeAt(at);
  if (isOpeningParen(code) || code === DI) return true;
  return at + 1 < to && CJK_NUMERALS.includes(source[at]) && (isOrdinalMark(source.charCodeAt(at + 1)));
}

/** A row label's ordinal standing apart from its text (`2. 其他法律…`). */
const isOrdinalWord = (word: string): boolean => word.length === 2 && isDigit(word.charCodeAt(0)) && isOrdinalMark(word.charCodeAt(1));

/**
 * Whether source[from, to) starts with an ordinal (`1.`, `2、`; not a decimal such as `44.5`). The template's
 * ordinals are single digits: in `32.其他…` the 3 is a cell (a row's total run into the next row's ordinal, as a
 * one-line page with spaced cells has it), read as readMixedWord reads `00030032.其他`.
 */
function startsWithOrdinal(source: string, from: number, to: number): boolean {
  return from + 2 < to && isDigit(source.charCodeAt(from)) && isOrdinalMark(source.charCodeAt(from + 1)) && !isDigit(source.charCodeAt(from + 2));
}

/** Where the unit a cell's number may carry that opens source[at, end) ends (the longest: 万元 before 万), -1 for none. */
function unitPrefixEnd(source: string, at: number, end: number): number {
  let longest = -1;
  for (const unit of CELL_UNITS) if (at + unit.length <= end && source.startsWith(unit, at)) longest = Math.max(longest, at + unit.length);
  return longest;
}

/** Whether source[at, end) is a unit a cell's number may carry. */
export function unitAt(source: string, at: number, end: number): boolean {
  return unitOf(source, at, end) !== null;
}

/** The unit a cell's number may carry that source[at, end) is, its brackets left out (`（件）` is 件); null for none. */
export function unitOf(source: string, at: number, end: number): string | null {
  if (end - at > 2 && isOpeningParen(source.charCodeAt(at)) && isClosingParen(source.charCodeAt(end - 1))) {
    at++;
    end--;
  }
  for (const unit of CELL_UNITS) if (end - at === unit.length && source.startsWith(unit, at)) return unit;
  return null;
}

/** Whether a unit is money's (元, 万元, 万), which only an amount carries. */
export const isMoneyUnit = (unit: string): boolean => MONEY_UNITS.includes(unit);

/**
 * The unit written after the number at source[end] (the tokenizer reads past it: `44元`, `12 件`), spaces between
 * them allowed but no tab or pipe, or run on into the text after it with no space (`44元三、收到…`, a row glued to
 * the next): the unit, and where it ends; null for none.
 */
export function unitAfter(source: string, end: number): { unit: string; end: number } | null {
  let at = end;
  while (at < source.length && (source.charCodeAt(at) === 32 || source.charCodeAt(at) === 0x3000)) at++;
  // the word after the number, read no further than a unit in brackets can be long: a longer word is no unit but
  // may start with one, and a cell glued to the rest of its line (a scraped table) is not read to the line's end
  if (at >= source.length || !(UNIT_STARTS.has(source.charCodeAt(at)) || isOpeningParen(source.charCodeAt(at)))) return null;
  const limit = Math.min(source.length, at + LONGEST_UNIT_WORD + 1);
  let to = at;
  for (let c = source.charCodeAt(to); to < limit && !isSpace(c) && c !== 9 && c !== 124 && c !== 10 && c !== 13; c = source.charCodeAt(++to));
  const unit = to > at ? unitOf(source, at, to) : null;
  if (unit !== null) return { unit, end: to };
  const runOn = at === end ? unitPrefixEnd(source, at, to) : -1;
  return runOn > at ? { unit: source.slice(at, runOn), end: runOn } : null;
}

/** The unit a cell's text ends in after its number (`44元`, `12 件`), null for none. */
export function trailingUnit(text: string): string | null {
  let last = text.length - 1;
  while (last >= 0 && !isDigit(text.charCodeAt(last))) last--;
  return last < 0 ? null : (unitAfter(text, last + 1)?.unit ?? null);
}

/** A run of digits at source[s, e) continued by thousands groups (`984,361`): where the groups end, else e. */
function groupsEnd(source: string, s: number, e: number, to: number): number {
  if (e - s > 3) return e;
  let g = e;
  const digit = (i: number): boolean => i < to && isDigit(source.charCodeAt(i));
  while (source.charCodeAt(g) === COMMA && digit(g + 1) && digit(g + 2) && digit(g + 3) && !digit(g + 4)) g += 4;
  return g;
}

/**
 * Cuts a word that holds both label text and digits into label and number segments, read into `line`: scraped
 * text glues a row's cells to its label and to the next label (`数量15130000154二、上年…`, `行政处罚0行政强制0`).
 * Digits stay label text where they are an ordinal (`2.其他`, `（2）`, and the one digit before `.其他` in
 * `00000002.其他`: the template's ordinals are single digits) or a count in prose (`2023年`, `509条，`);
 * a unit that ends the word (`2笔`) is read past. So is a unit the word goes on after, where the number is a cell for
 * sure: the tabs say the word starts a cell (`cellStart`: it opens a field after other text on its line), or it
 * follows a number, or digits follow the unit (`…数量97件16件…6件144件二、上年结转…`, a scraped row glued to the next
 * row's label; not `第19条2款`).
 */
function readMixedWord(line: LineReader, source: string, from: number, to: number, cellStart: boolean): void {
  const add = (kind: TokenKind, start: number, end: number, value: number, glued: boolean): void => {
    if (kind === LABEL) line.labelText(start, end);
    else line.value(NUMBER, start, end, value, glued);
  };
  /** whether the word holds sentence punctuation: prose (`509件，其中…`), asked once a unit runs on */
  let sentence: boolean | undefined;
  let s = from;
  while (s < to) {
    if (!isDigit(source.charCodeAt(s))) {
      let e = s + 1;
      while (e < to && !isDigit(source.charCodeAt(e))) e++;
      add(LABEL, s, e, 0, false);
      s = e;
      continue;
    }
    let e = digitsEnd(line, source, s, to);
    e = groupsEnd(source, s, e, to);
    let decimal = false;
    if (e + 1 < to && isDecimalPoint(source.charCodeAt(e)) && isDigit(source.charCodeAt(e + 1))) {
      // no decimal where its digits run on into an ordinal (`3.2.其他`: a cell and its stop, then 2.其他)
      const fraction = digitsEnd(line, source, e + 1, to);
      decimal = !(fraction + 1 < to && isOrdinalMark(source.charCodeAt(fraction)) && !isDigit(source.charCodeAt(fraction + 1)));
      if (decimal) e = fraction;
    }
    const after = e < to ? source.charCodeAt(e) : -1;
    if (!decimal && isStop(after) && (e + 1 === to || isDigit(source.charCodeAt(e + 1)) || opensNumbering(source, e + 1, to) || (s === from && cellStart && line.stopCell()))) {
      // a cell and its stop (NUMBER_THEN_STOP), ending the word or run into the next cell, row or block
      add(NUMBER, s, e, numberValue(source, s, e), true);
      s = e + 1;
      continue;
    }
    if (!decimal && isOrdinalMark(after) && e + 1 < to) {
      if (e - 1 > s) add(NUMBER, s, e - 1, numberValue(source, s, e - 1), true);
      add(LABEL, e - 1, e, 0, false);
    } else if (s > from && isOpeningParen(source.charCodeAt(s - 1)) && isClosingParen(after)) {
      add(LABEL, s, e, 0, false);
    } else if (after >= 0 && (COUNTERS.has(source[e]) || isOpeningParen(after))) {
      const unitEnd = unitPrefixEnd(source, e, to);
      const unitRunsOn = unitEnd > e && unitEnd < to;
      if (unitRunsOn && ((cellStart && s === from) || line.afterNumber() || (source.charCodeAt(s - 1) !== DI && (isDigit(source.charCodeAt(unitEnd)) || !(sentence ??= SENTENCE_MARK.test(source.slice(from, to))))))) {
        // a cell and its unit run into the next cell or the next row's label: the number, the unit no part of
        // either, the rest read on
        add(NUMBER, s, e, numberValue(source, s, e), s > from);
        s = unitEnd;
        continue;
      }
      if (!unitAt(source, e, to)) {
        if (isOpeningParen(after)) {
          add(NUMBER, s, e, numberValue(source, s, e), true);
          s = e;
          continue;
        }
        add(LABEL, s, e, 0, false);
      } else {
        add(NUMBER, s, e, numberValue(source, s, e), s > from);
        e = to;
      }
    } else {
      add(NUMBER, s, e, numberValue(source, s, e), true);
    }
    s = e;
  }
}

/** The fields of source[start, end) as [start0, end0, start1, end1, …]: tab- or pipe-separated, or the whole line. */
function splitFields(source: string, start: number, end: number): number[] {
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
  if (sep < 0) return [start, end];
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
  return bounds;
}

/** how a line's reading ended: read whole */
const LINE_DONE = 0;
/** a pipe in a line read by its tabs: a markdown table row, to be read again by its pipes */
const LINE_PIPED = 1;
/** more than MAX_TABLE_LINE characters: prose or junk */
const LINE_LONG = 2;
type LineStop = typeof LINE_DONE | typeof LINE_PIPED | typeof LINE_LONG;
const TAB = 9;
const PIPE = 124;

/**
 * Reads one line at a time into a stream's tokens, in fields separated by `sep` (tabs, or pipes for a markdown
 * row, whose text outside the outer pipes is no field). Words that are not numbers or blank markers run
 * together into one label (a label broken by spaces). After `read`, its fields say how the line ended, how many
 * fields it has and its first character; one reader serves a whole tokenize call.
 */
class LineReader {
  /** how the last line's reading ended */
  stop: LineStop = LINE_DONE;
  /** the fields of the last line read whole */
  fields = 1;
  /** the first character of the last line after spaces, -1 for none */
  first = -1;
  /**
   * whether the section writes a stop after its cells (`0.\t3.\t…`, see NUMBER_THEN_STOP): a single digit and a stop
   * after a number on its line, or ending it, is then a cell too, where it would otherwise be an ordinal
   */
  stopsEndCells = false;
  /** words of digits and a stop, and of plain digits, read so far: which the section's cells are written as */
  stopped = 0;
  plain = 0;
  /** a single digit and a stop read as an ordinal that stopsEndCells would read as a cell */
  undecided = false;
  private lineNo = 0;
  private field = 0;
  /** where the line being read starts, its separator, and whether its cells are set apart by it (undefined: not yet asked) */
  private lineStart = 0;
  private sep: typeof TAB | typeof PIPE = TAB;
  private cellsSetApart: boolean | undefined;
  /** the end of the text being read, and whether the word being read opens a field after other text on its line */
  private to = 0;
  private cellStart = false;
  /** the label being read (its words run together), -1 for none */
  private labelStart = -1;
  private labelEnd = -1;

  constructor(private readonly stream: TokenStream) {}

  /** Text that belongs to the label being read. */
  labelText(start: number, end: number): void {
    if (this.labelStart < 0) this.labelStart = start;
    this.labelEnd = end;
  }

  /**
   * Whether the invisible character at source[at] joins the digits on either side into one number: where the line's
   * cells are set apart by its separator (two of them at least: a label's and a cell's), and elsewhere where it
   * parts a number in two (`7\u200b93`); not where such characters part a run of digits in three or more, which is
   * cells joined by them (`5\u200b0\u200b12`).
   */
  joinsDigits(at: number, limit: number): boolean {
    const source = this.stream.source;
    if (!invisibleBetweenDigits(source, at, limit)) return false;
    if (this.cellsSetApart === undefined) {
      let separators = 0;
      for (let i = this.lineStart; i < limit && separators < 2; i++) {
        const c = source.charCodeAt(i);
        if (c === 10 || c === 13) break;
        if (c === this.sep) separators++;
      }
      this.cellsSetApart = separators >= 2;
    }
    return this.cellsSetApart || digitGroups(source, at, limit) === 2;
  }

  /** The last thing read on this line is a number, no label text after it. */
  afterNumber(): boolean {
    const t = this.stream.tokenCount - 1;
    return this.labelStart < 0 && t >= 0 && this.stream.kind[t] === NUMBER && this.stream.line[t] === this.lineNo;
  }

  /** A token that is no label text: the label read so far ends before it. */
  value(kind: TokenKind, start: number, end: number, value: number, glued = false): void {
    this.endLabel();
    if (glued) this.stream.glued.push(this.stream.tokenCount);
    this.stream.push(kind, start, end, this.lineNo, this.field, value);
  }

  private endLabel(): void {
    if (this.labelStart >= 0) this.stream.push(LABEL, this.labelStart, this.labelEnd, this.lineNo, this.field, 0);
    this.labelStart = -1;
  }

  /** Tokens of the line starting at `start`, read up to its line break (or `to`); returns where the line ends. */
  read(start: number, to: number, lineNo: number, sep: typeof TAB | typeof PIPE): number {
    const stream = this.stream;
    const source = stream.source;
    const limit = Math.min(to, start + MAX_TABLE_LINE + 1);
    const firstToken = stream.tokenCount;
    this.to = to;
    let fieldHasContent = false;
    let firstFieldBlank = true;
    let i = start;
    this.lineNo = lineNo;
    this.lineStart = start;
    this.sep = sep;
    this.cellsSetApart = undefined;
    this.field = 0;
    this.labelStart = -1;
    this.stop = LINE_DONE;
    this.first = -1;
    while (i < limit) {
      const c = source.charCodeAt(i);
      if (c === 10 || c === 13) break;
      if (this.first < 0 && !isSpace(c)) this.first = c;
      if (c === sep) {
        this.endLabel();
        if (this.field === 0) firstFieldBlank = !fieldHasContent;
        fieldHasContent = false;
        this.field++;
        i++;
        continue;
      }
      if (c === PIPE) {
        this.stop = LINE_PIPED;
        return i;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      // the first word of a field after other text on the line: a cell's start, where the tabs or pipes say so
      const cellStart = this.field > 0 && !fieldHasContent && (stream.tokenCount > firstToken || this.labelStart >= 0);
      this.cellStart = cellStart;
      fieldHasContent = true;
      // the word's end, and on the way its kind: plain digits are a number, a word with an ideograph a label
      let j = i;
      let digits = true;
      let ideograph = false;
      let anyDigit = false;
      let digitAfterIdeograph = false;
      let invisible = false;
      let value = 0;
      for (let d = c; j < limit && d !== PIPE && d !== sep && (!isSpace(d) || this.joinsDigits(j, limit)); d = source.charCodeAt(++j)) {
        if (d >= 48 && d <= 57) {
          value = value * 10 + (d - 48);
          anyDigit = true;
          if (ideograph) digitAfterIdeograph = true;
        } else if (isInvisible(d)) {
          invisible = true;
        } else {
          digits = false;
          if (d >= 0x4e00 && d <= 0x9fff) ideograph = true;
          else if (d >= 0xff10 && d <= 0xff19) {
            anyDigit = true;
            if (ideograph) digitAfterIdeograph = true;
          }
        }
      }
      if (c === DI && (i === start || isSpace(source.charCodeAt(i - 1)))) {
        MID_LINE_PAGE.lastIndex = i;
        const page = MID_LINE_PAGE.exec(source);
        if (page && i + page[0].length <= limit) {
          // the label before it ends there, as at a line's end
          this.endLabel();
          i += page[0].length;
          continue;
        }
      }
      // a page footer mid-line, after a space: its words are read as ever, and noted (a table drops them where it can)
      if (isFooterDash(c) && i > start && isSpace(source.charCodeAt(i - 1)) && source.charCodeAt(i - 1) !== TAB) {
        MID_LINE_FOOTER.lastIndex = i;
        const footer = MID_LINE_FOOTER.exec(source);
        if (footer && i + footer[0].length <= limit) {
          this.footer(source, i, i + footer[0].length, i + footer[0].indexOf(footer[1]), footer[1].length);
          i += footer[0].length;
          continue;
        }
      }
      // a blank cell's mark run into the next row's label (`\t-（三）不予公开`): where the tabs say a cell starts, the
      // mark is that cell, the rest is read on as the next word
      if (ideograph && cellStart) {
        const marks = blankMarkEnd(source, i, j);
        if (marks > i) {
          this.value(BLANK, i, marks, 0);
          i = marks;
          continue;
        }
      }
      // most labels with a digit are an ordinal and their text (`1.属于国家秘密`), with no number in them
      if (ideograph && anyDigit && (digitAfterIdeograph || !startsWithOrdinal(source, i, j) || opensNumbering(source, i + 2, j) || (cellStart && this.stopCell()))) {
        readMixedWord(this, source, i, j, cellStart);
        i = j;
        continue;
      }
      if (digits && j - i < 16) {
        this.plain++;
        this.value(NUMBER, i, j, value);
      }
      else if (ideograph && !(j - i === 1 && c === WU)) this.labelText(i, j);
      else this.word((invisible ? withoutInvisible(source.slice(i, j)) : source.slice(i, j)).normalize('NFKC'), i, j);
      i = j;
    }
    if (i - start > MAX_TABLE_LINE) {
      this.stop = LINE_LONG;
      return i;
    }
    this.endLabel();
    this.fields = this.field + 1;
    if (sep === PIPE) {
      // `| a | b |`: blank text before the first pipe and after the last is no field
      const leading = firstFieldBlank ? 1 : 0;
      this.fields -= leading + (fieldHasContent ? 0 : 1);
      if (leading) for (let t = firstToken; t < stream.tokenCount; t++) stream.field[t]--;
    }
    return i;
  }

  /** The footer source[from, to): its dash, its number of `digits` at `at`, its dash, each read as a word of its own. */
  private footer(source: string, from: number, to: number, at: number, digits: number): void {
    this.endLabel();
    const first = this.stream.tokenCount;
    this.word(source[from].normalize('NFKC'), from, from + 1);
    this.word(source.slice(at, at + digits).normalize('NFKC'), at, at + digits);
    this.word(source[to - 1].normalize('NFKC'), to - 1, to);
    this.stream.footers.push(first, this.stream.tokenCount);
  }

  /** The last token read is a number of the field being read. */
  private followsNumberInField(): boolean {
    const { stream } = this;
    const t = stream.tokenCount - 1;
    return this.labelStart < 0 && t >= 0 && stream.kind[t] === NUMBER && stream.line[t] === this.lineNo && stream.field[t] === this.field;
  }

  /**
   * Whether the word (`2.`, ending at source[end]) is a row label's ordinal standing apart from its text (`2. 其他法律…`,
   * `2.\t其他…`): one digit and a stop, not before a number or a blank cell's mark (`2.\t0.\t…` is a cell and its stop).
   * Where the section writes a stop after its cells, it is a cell also after a number on its line or opening a field
   * (`…0.\t5. 行政规范性文件`, the last cell of a row run into the next row's label) and at the line's end (one cell a
   * line); elsewhere those are ordinals as ever (`…\t3 2. 其他法律…`, `2.` wrapped from its text).
   */
  private ordinalBeforeLabel(word: string, end: number): boolean {
    if (word.length !== 2) return false;
    const source = this.stream.source;
    let at = end;
    while (at < this.to && isSpace(source.charCodeAt(at)) && source.charCodeAt(at) !== 10 && source.charCodeAt(at) !== 13) at++;
    const next = at < this.to ? source.charCodeAt(at) : 10;
    if (next === PIPE || isDigit(next) || MARK_CHARS.includes(source[at]) || opensNumbering(source, at, this.to)) return false;
    return !((next === 10 || next === 13 || this.cellStart || this.afterNumber()) && this.stopCell());
  }

  /**
   * Whether a single digit and a stop where a cell may stand (opening a field, after a number, ending a line) is a
   * cell and its stop, not an ordinal: where the section writes its cells so (stopsEndCells); noted as undecided
   * while that is not known.
   */
  stopCell(): boolean {
    if (!this.stopsEndCells) this.undecided = true;
    return this.stopsEndCells;
  }

  /** A word without an ideograph that is not plain digits: see classifyWord. */
  private word(word: string, start: number, end: number): void {
    const dashed = DIGITS_THEN_DASHES.exec(word);
    if (dashed) {
      this.value(NUMBER, start, start + dashed[1].length, Number(dashed[1]));
      return;
    }
    const stopped = NUMBER_THEN_STOP.exec(word);
    if (stopped) this.stopped++;
    if (stopped && !this.ordinalBeforeLabel(word, end)) {
      this.value(NUMBER, start, end - 1, Number(stopped[1].replace(/,/g, '')));
      return;
    }
    // and set apart from its number within a tab's or a pipe's field (`97 ---`); where spaces part the cells, a dash
    // may be a blank cell's mark
    if (this.field > 0 && DASHES.test(word) && this.followsNumberInField()) return;
    let kind = classifyWord(word);
    // text that is no label (no ideograph in it: `x0`, `abc`, `N/A`, `?`, `16%`; not the ordinal a label's text
    // follows, `2.`) in a field of its own: the tabs or pipes say it is a cell, so it is a malformed number
    if (kind === LABEL && this.field > 0 && !isOrdinalWord(word)) kind = INVALID;
    if (kind === LABEL) this.labelText(start, end);
    else this.value(kind, start, end, kind === NUMBER ? Number(word.replace(/,/g, '')) : 0);
  }
}

/** Tokens of the lines of source[from, to) (from a line start; lines that start before `to`), into `stream`. */
export function tokenize(source: string, from: number, to: number, stream: TokenStream): TokenStream {
  stream.reset(source);
  const line = new LineReader(stream);
  readLines(source, from, to, stream, line);
  // most cells written with a stop: read again, the single digits so written after a number taken for cells too
  if (line.undecided && line.stopped > line.plain) {
    line.stopsEndCells = true;
    stream.reset(source);
    readLines(source, from, to, stream, line);
  }
  return stream;
}

function readLines(source: string, from: number, to: number, stream: TokenStream, line: LineReader): void {
  let start = from;
  for (let lineNumber = 0; start < to; lineNumber++) {
    const lineNo = stream.lineCount;
    const firstToken = stream.tokenCount;
    const gluedBefore = stream.glued.length;
    let end = line.read(start, to, lineNo, TAB);
    const piped = line.stop === LINE_PIPED;
    if (piped) {
      // a markdown row: read again by its pipes
      stream.tokenCount = firstToken;
      stream.glued.length = gluedBefore;
      end = line.read(start, to, lineNo, PIPE);
    }
    const long = line.stop === LINE_LONG;
    if (long) end = lineEndAt(source, end, to);
    if (long || skipped(source, start, end, line.first)) {
      stream.tokenCount = firstToken;
      stream.glued.length = gluedBefore;
    } else stream.pushLine(start, end, lineNumber, line.fields > 1 || piped, line.fields, firstToken);
    // past the line break: CRLF is one
    start = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 && end + 1 < to ? 2 : 1);
  }
}
