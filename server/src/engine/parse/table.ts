// Matches a section's token stream against an official table: finds each row by its label (exactly,
// split across lines, or with a typo), then gives each row the values that follow it. Values that
// overflow one row wait for the next label that has none (PDF text often puts a row's numbers on the
// line before its wrapped label); values glued together are split by the template (see glued.ts).
import { BLANK as BLANK_CELL, INLINE, INVALID as INVALID_CELL, LINES, SPACED_LINES, TABS, VALUE, TableGrid, type GridArena, type Layout } from '../grid';
import { Table, type Cell, type ExtraValue, type GluedRow, type GroupRow, type LabelTypo, type Span, type Subtotal } from '../model';
import { lookupOf, type CompiledRule } from '../template/lookup';
import type { ColumnTemplate, GroupTemplate, TableTemplate, ValueKind } from '../template/types';
import { isSpace } from '../text/chars';
import { foldText } from '../text/fold';
import { holdsSeveralCells, splitRow, type Piece, type RowDigits, type Split, type SplitOutcome, type SumRule } from './glued';
import { foldedHeaders, labelAt, MAX_LABEL, type LabelInfo } from './labels';
import { BLANK, INVALID, isMoneyUnit, LABEL, NUMBER, unitAfter, unitAt, type Field, type TokenStream } from './tokens';

/** The rows and group headings found in a table's tokens, in order, as parallel arrays. */
class Hits {
  count = 0;
  /** how many of them are rows */
  rows = 0;
  readonly token: number[] = [];
  /** the template row's position; -1 for a group heading */
  readonly row: number[] = [];
  readonly group: (GroupTemplate | null)[] = [];
  /** where a row's label was found only approximately */
  readonly typo: (Span | undefined)[] = [];

  add(token: number, row: number, group: GroupTemplate | null, typo: Span | undefined): void {
    const h = this.count++;
    this.token[h] = token;
    this.row[h] = row;
    this.group[h] = group;
    this.typo[h] = typo;
    if (row >= 0) this.rows++;
  }
}

/** A cell position filled from the layout: a value token, or a blank where the layout shows one. */
type Slot = number | Span;

/**
 * The rows' (and groups') labels in a section's tokens, in the template's order. A sentence before the table may
 * name a row (`…对能够公开的依法予以公开。`, `本年新收政府信息公开申请144件。`): taken for that row, it would push the
 * table's own rows out of order. Where labels are found before the table's first header cell, they are looked for
 * again from that header on, and the second reading is taken where it finds as many rows.
 */
function findHits(stream: TokenStream, template: TableTemplate, headerTypos: LabelTypo[]): Hits {
  const typos: LabelTypo[] = [];
  const whole = hitsFrom(stream, template, 0, typos);
  const header = whole.count ? firstHeaderToken(stream, template) : -1;
  if (header > whole.token[0]) {
    const fromHeader: LabelTypo[] = [];
    const hits = hitsFrom(stream, template, header, fromHeader);
    if (hits.rows >= whole.rows) {
      headerTypos.push(...typos.filter((typo) => typo.span.start < stream.start[header]), ...fromHeader);
      return hits;
    }
  }
  headerTypos.push(...typos);
  return whole;
}

/** The first token that is one of the table's header cells (or ends with several run together); -1 for none. */
function firstHeaderToken(stream: TokenStream, template: TableTemplate): number {
  for (let t = 0; t < stream.tokenCount; t++) {
    if (stream.kind[t] !== LABEL || stream.end[t] - stream.start[t] > MAX_LABEL) continue;
    const info = labelAt(stream.source, stream.start[t], stream.end[t]);
    if (info.isHeader(template) || info.endsWithHeaderRun(template)) return t;
  }
  return -1;
}

function hitsFrom(stream: TokenStream, template: TableTemplate, from: number, headerTypos: LabelTypo[]): Hits {
  const hits = new Hits();
  let cursor = 0;
  for (let t = from; t < stream.tokenCount; t++) {
    if (stream.kind[t] !== LABEL || stream.end[t] - stream.start[t] > MAX_LABEL) continue;
    const info = labelAt(stream.source, stream.start[t], stream.end[t]);
    if (!info.folded.text) continue;
    const match = info.row(template, cursor);
    if (match) {
      const start = stream.start[t];
      const typo = match.typo ?? (match.start && cutShort(stream, match.rest!, t) ? match.start : undefined);
      const typoSpan = typo && { start: start + typo.start, end: start + typo.end };
      hits.add(t, match.index, null, typoSpan);
      cursor = match.index + 1;
      noteHeaderTypo(stream, t, info, template, headerTypos);
      continue;
    }
    const group = info.group(template);
    if (group) {
      hits.add(t, -1, group, undefined);
      continue;
    }
    noteHeaderTypo(stream, t, info, template, headerTypos);
  }
  return hits;
}

/**
 * Whether label token t, which ends with the start of a row's label, is that label cut short (`4.保护第三方合法权\t21…`)
 * rather than wrapped: its values follow it on its line, and no label text on the lines just after starts with the
 * label's rest (`…公开申\t0\t0…` with `请` on the next line is wrapped; PDF text may put another row's words between).
 */
function cutShort(stream: TokenStream, rest: string, t: number): boolean {
  if (t + 1 >= stream.tokenCount || stream.line[t + 1] !== stream.line[t] || stream.kind[t + 1] === LABEL) return false;
  for (let k = t + 1; k < stream.tokenCount && stream.line[k] <= stream.line[t] + WRAP_LINES; k++) {
    if (stream.kind[k] !== LABEL) continue;
    const words = foldText(stream.text(k));
    if (words && (rest.startsWith(words) || words.startsWith(rest))) return false;
  }
  return true;
}

/** lines after a wrapped label's start within which its rest is looked for */
const WRAP_LINES = 3;

function noteHeaderTypo(stream: TokenStream, t: number, info: LabelInfo, template: TableTemplate, headerTypos: LabelTypo[]): void {
  const header = info.headerTypo(template);
  if (!header) return;
  const span = { start: stream.start[t] + header.typo.start, end: stream.start[t] + header.typo.end };
  headerTypos.push({ span, written: stream.source.slice(span.start, span.end), official: header.official });
}

/** Per template, its row and group labels folded, joined by a character no label holds. */
const foldedLabelsOf = new WeakMap<TableTemplate, string>();

function foldedLabels(template: TableTemplate): string {
  let labels = foldedLabelsOf.get(template);
  if (labels === undefined) foldedLabelsOf.set(template, (labels = [...template.rows, ...template.groups].map((r) => foldText(r.label)).join('|')));
  return labels;
}

/** Per template, each row's official label folded, by row: folded once, not at every row of every table read. */
const foldedRowLabelsOf = new WeakMap<TableTemplate, readonly string[]>();

function foldedRowLabels(template: TableTemplate): readonly string[] {
  let labels = foldedRowLabelsOf.get(template);
  if (labels === undefined) foldedRowLabelsOf.set(template, (labels = template.rows.map((r) => foldText(r.label))));
  return labels;
}

/**
 * A lone 无 between two pieces of label text on one line and in one field (`(四) 无 法提供`, `4. 无 正当理由…`) is
 * the label's own character broken off by stray spaces, not a blank marker: where the characters on either side of
 * it and it are in one of the template's labels, the three tokens become one label.
 */
function joinLabelsAroundWu(stream: TokenStream, template: TableTemplate): void {
  for (let t = 1; t + 1 < stream.tokenCount; t++) {
    if (stream.kind[t] !== BLANK || stream.kind[t - 1] !== LABEL || stream.kind[t + 1] !== LABEL || stream.text(t) !== '无') continue;
    if (stream.line[t - 1] !== stream.line[t + 1] || stream.field[t - 1] !== stream.field[t + 1]) continue;
    const before = foldText(stream.text(t - 1));
    const after = foldText(stream.text(t + 1));
    if (!before || !after) continue;
    if (!foldedLabels(template).includes(`${before[before.length - 1]}无${after[0]}`)) continue;
    stream.end[t - 1] = stream.end[t + 1];
    for (const k of [t, t + 1]) {
      stream.kind[k] = LABEL;
      stream.start[k] = stream.end[k] = stream.end[t - 1];
    }
    t++;
  }
}

/**
 * Digits cut out of label text are a row's cells only in the values that follow a row's (or a group's) label:
 * elsewhere they are prose that mentions a number (`拨打12345热线`), and are label text again.
 */
function keepGluedNumbersInRows(stream: TokenStream, hits: Hits): void {
  if (stream.glued.length === 0) return;
  const labels = new Set(hits.token.slice(0, hits.count));
  for (const t of stream.glued) {
    // the label the values it stands among follow
    let label = t - 1;
    while (label >= 0 && stream.kind[label] !== LABEL) label--;
    if (!labels.has(label)) stream.kind[t] = LABEL;
  }
}

/**
 * A page footer inside a line (`4.保护第三方合法权益 - 3 - 21 0 …`, `… 0 21 - 3 - 申请人情况 …`: PDF text flattened
 * onto one line) is no cell where the row it stands in has one value too many for each of its tokens, and
 * exactly its cells without them: the tokens are taken out. Where the row has its cells with them (`- 3 - 0 0 0
 * 3`, blank marks and numbers), they stay cells.
 */
function dropFooters(stream: TokenStream, template: TableTemplate, hits: Hits): void {
  for (let f = stream.footers.length - 2; f >= 0; f -= 2) {
    const from = stream.footers[f];
    const to = stream.footers[f + 1];
    let h = hits.count - 1;
    while (h >= 0 && hits.token[h] >= from) h--;
    if (h < 0 || hits.row[h] < 0 || to === from) continue;
    const zoneEnd = h + 1 < hits.count ? hits.token[h + 1] : stream.tokenCount;
    const n = template.rows[hits.row[h]].columns.length;
    const own = countValues(stream, from, to);
    if (own === 0 || countValues(stream, hits.token[h] + 1, zoneEnd) - own !== n) continue;
    stream.remove(from, to - from);
    for (let k = 0; k < hits.count; k++) if (hits.token[k] >= to) hits.token[k] -= to - from;
  }
}

/** A row's unit of text that may be one cell: tokens [from, to), or a blank one (from = to) where the layout shows it. */
interface CellUnit {
  from: number;
  to: number;
}

/** a unit longer than this (characters) is prose after the row, never one cell's text */
const MAX_TEXT_CELL = 12;

/**
 * Text in a cell of its own (`约16`, `十六`, `16左右`) or two numbers in one (`1 6`): where the layout says which text
 * is which cell, and the units after a row's label (up to the next row or group) are as many as its cells, a unit
 * holding text that is neither a piece of the row's own label (its wrapped tail) nor a unit (`12 件`), or holding
 * several numbers, is a malformed number in that cell. The layout's units: fields of a tab- or pipe-separated row,
 * lines of a row written one cell per line, words (text that touches, no space between) of a row on one line. Its
 * tokens become one over the unit's text, so that the row is read with an invalid cell there, not shifted or one
 * value short, whatever the layout.
 */
function readTextCells(stream: TokenStream, template: TableTemplate, hits: Hits): void {
  const officials = foldedRowLabels(template);
  for (let h = 0; h < hits.count; h++) {
    const row = hits.row[h];
    if (row < 0) continue;
    const label = hits.token[h];
    const next = h + 1 < hits.count ? hits.token[h + 1] : stream.tokenCount;
    const official = officials[row];
    const n = template.rows[row].columns.length;
    const line = stream.line[label];
    if (stream.lineTabbed[line]) readFieldCells(stream, template, label, next, n, official);
    else if (label + 1 < next && stream.line[label + 1] !== line && absorbedWord(stream, label, official) < 0) readLineCells(stream, template, label, next, n, official);
    else readWordCells(stream, template, hits, h, n, official);
  }
}

/** A tab- or pipe-separated row: its fields after the label, up to the next row or group on its line. */
function readFieldCells(stream: TokenStream, template: TableTemplate, label: number, zoneEnd: number, n: number, official: string): void {
  const line = stream.line[label];
  const next = Math.min(zoneEnd, stream.endToken[line]);
  // most rows hold one value a field and no label text after their label's field: their fields are not read
  let odd = false;
  for (let t = label + 1; t < next && !odd; t++) odd = stream.field[t] > stream.field[label] && (stream.kind[t] === LABEL || (t + 1 < next && stream.field[t + 1] === stream.field[t]));
  if (!odd) return;
  const last = next < stream.endToken[line] ? stream.field[next] : Infinity;
  const fields = stream.fields(line).filter((f) => f.fieldNo > stream.field[label] && f.fieldNo < last);
  const cells = cellFields(fields, n);
  if (!cells) return;
  const lastCell = cells[cells.length - 1].fieldNo;
  for (let t = label + 1; t < next; ) {
    let end = t + 1;
    while (end < next && stream.field[end] === stream.field[t]) end++;
    const prose = stream.field[t] === lastCell && proseAfterNumber(stream, t, end);
    if (!prose && cells.some((f) => f.fieldNo === stream.field[t]) && isMalformedUnit(stream, template, { from: t, to: end }, official, Infinity)) asOneCell(stream, t, end);
    t = end;
  }
}

/** sentence punctuation: text holding it is a sentence, never a cell's */
const SENTENCE_MARKS = /[。，；！？]/;

/**
 * Whether the tokens [from, to) of a row's last field are its last value and then prose, set apart by a space:
 * a sentence or a note after the table, run on to its last row where text was flattened onto one line
 * (`8 （数据截至2024年12月31日）`, `44 本年度行政许可793件，…`). Text of a cell's length (`16 左右`) is no prose:
 * the cell holds it, a malformed number.
 */
function proseAfterNumber(stream: TokenStream, from: number, to: number): boolean {
  if (stream.kind[from] !== NUMBER || to - from < 2) return false;
  for (let t = from + 1; t < to; t++) if (stream.kind[t] !== LABEL) return false;
  const source = stream.source;
  const rest = stream.start[from + 1];
  if (!isSpace(source.charCodeAt(rest - 1))) return false;
  const text = source.slice(rest, stream.end[to - 1]);
  return text.length > MAX_TEXT_CELL || SENTENCE_MARKS.test(text);
}

/**
 * A row written one cell per line, its label on a line of its own: the lines up to the next row's, a line of spaces
 * a blank cell, a line of the label's wrapped tail none.
 */
function readLineCells(stream: TokenStream, template: TableTemplate, label: number, zoneEnd: number, n: number, official: string): void {
  const units: CellUnit[] = [];
  const lastLine = zoneEnd < stream.tokenCount ? stream.line[zoneEnd] : stream.lineCount;
  // the next row's label starts its line
  if (zoneEnd < stream.tokenCount && stream.firstToken[lastLine] !== zoneEnd) return;
  for (let l = stream.line[label] + 1; l < lastLine && units.length <= n; l++) {
    const from = stream.firstToken[l];
    const to = stream.endToken[l];
    if (from === to) {
      if (stream.lineEnd[l] > stream.lineStart[l]) units.push({ from, to });
    } else if (isHeaderText(stream, from, to, template)) break;
    else if (!isLabelPiece(stream, from, to, official)) units.push({ from, to });
  }
  if (units.length === n) for (const u of units) if (u.to > u.from && isMalformedUnit(stream, template, u, official, MAX_TEXT_CELL)) asOneCell(stream, u.from, u.to);
}

/**
 * A row on one line with its values (space-separated): its words, each a run of tokens with no space between them;
 * a word run into the label's text after a space (`…数量  十六  3`, `…数量  约16`) is one of them.
 */
function readWordCells(stream: TokenStream, template: TableTemplate, hits: Hits, h: number, n: number, official: string): void {
  const label = hits.token[h];
  const next = h + 1 < hits.count ? hits.token[h + 1] : stream.tokenCount;
  const line = stream.line[label];
  const units: CellUnit[] = [];
  for (let t = label + 1; t < next; ) {
    // the lines after the row's own are its values too (a row wrapped), or label text that follows the row
    if (stream.line[t] !== line) {
      if (countValues(stream, t, next) > 0) return;
      break;
    }
    let end = t + 1;
    while (end < next && stream.start[end] === stream.end[end - 1] && stream.line[end] === line) end++;
    if (isHeaderText(stream, t, end, template)) break;
    if (!isLabelPiece(stream, t, end, official)) units.push({ from: t, to: end });
    t = end;
  }
  const absorbed = absorbedWord(stream, label, official);
  const touching = absorbed >= 0 && label + 1 < next && stream.start[label + 1] === stream.end[label];
  if (units.length + (absorbed >= 0 && !touching ? 1 : 0) !== n) return;
  if (absorbed >= 0) {
    // the word is a token of its own, and the label ends before it
    let end = absorbed;
    while (end > stream.start[label] && isSpace(stream.source.charCodeAt(end - 1))) end--;
    insertToken(stream, hits, label + 1, absorbed, stream.end[label]);
    stream.end[label] = end;
    for (const u of units) {
      u.from++;
      u.to++;
    }
    if (touching) units[0].from = label + 1;
    else units.unshift({ from: label + 1, to: label + 2 });
  }
  for (const u of units) if (isMalformedUnit(stream, template, u, official, MAX_TEXT_CELL)) asOneCell(stream, u.from, u.to);
}

/**
 * Where the last word of a row's label token starts, when it follows a space and is neither a piece of the label
 * nor a unit (`…申请数量  十六`: text a row on one line holds as its first cell); -1 for none.
 */
function absorbedWord(stream: TokenStream, label: number, official: string): number {
  const source = stream.source;
  let at = stream.end[label];
  while (at > stream.start[label] && !isSpace(source.charCodeAt(at - 1))) at--;
  if (at === stream.start[label] || stream.end[label] - at > MAX_TEXT_CELL) return -1;
  const word = source.slice(at, stream.end[label]);
  return official.includes(foldText(word)) || unitAt(source, at, stream.end[label]) ? -1 : at;
}

/** Puts a label token over source[start, end) at `at`, after which the tokens and the hits move up by one. */
function insertToken(stream: TokenStream, hits: Hits, at: number, start: number, end: number): void {
  stream.insert(at, LABEL, start, end);
  for (let h = 0; h < hits.count; h++) if (hits.token[h] >= at) hits.token[h]++;
}

/** Whether the tokens [from, to) are label text only, some of it the table's header text (`信息内容`, `第二十条第（六）项`): the row's values have ended. */
function isHeaderText(stream: TokenStream, from: number, to: number, template: TableTemplate): boolean {
  let header = false;
  for (let t = from; t < to; t++) {
    if (stream.kind[t] !== LABEL) return false;
    header ||= labelAt(stream.source, stream.start[t], stream.end[t]).isHeader(template);
  }
  return header;
}

/** Whether the tokens [from, to) are label text only that is the row's label's wrapped tail, or units (`12 件`). */
function isLabelPiece(stream: TokenStream, from: number, to: number, official: string): boolean {
  let text = '';
  let units = true;
  for (let t = from; t < to; t++) {
    if (stream.kind[t] !== LABEL) return false;
    text += stream.text(t);
    units &&= unitAt(stream.source, stream.start[t], stream.end[t]);
  }
  return units || official.includes(foldText(text));
}

/** Whether a unit of a row's text is no number a cell holds: several numbers, or text (at most `limit` characters) that is no piece of the row's label and not only units. */
function isMalformedUnit(stream: TokenStream, template: TableTemplate, unit: CellUnit, official: string, limit: number): boolean {
  let text = '';
  let units = true;
  let values = 0;
  for (let t = unit.from; t < unit.to; t++) {
    if (stream.kind[t] !== LABEL) {
      values++;
      continue;
    }
    text += stream.text(t);
    units &&= unitAt(stream.source, stream.start[t], stream.end[t]);
  }
  if (values > 1) return true;
  if (text === '' || units) return false;
  const folded = foldText(text);
  // the label's wrapped tail, or the table's next block run on after the value (`34第二十条第（五）项信息内容`: lines joined with their tabs kept)
  return !official.includes(folded) && !foldedHeaders(template.headers).some((h) => folded.startsWith(h.folded)) && stream.end[unit.to - 1] - stream.start[unit.from] <= limit;
}


/** Makes the tokens [from, to) one malformed number over their text; the others are left as empty label text, which no row reads. */
function asOneCell(stream: TokenStream, from: number, to: number): void {
  stream.kind[from] = INVALID;
  stream.end[from] = stream.end[to - 1];
  stream.value[from] = 0;
  for (let k = from + 1; k < to; k++) {
    stream.kind[k] = LABEL;
    stream.start[k] = stream.end[k] = stream.end[from];
  }
}

/** The fields that are a row's `n` cells: all of them, or those left when empty fields at the end, then at the start, are left out; null when none is `n` long. */
function cellFields(fields: readonly Field[], n: number): readonly Field[] | null {
  if (fields.length === n) return fields;
  let end = fields.length;
  while (end > 0 && fields[end - 1].kind !== 'content') end--;
  if (end === n) return fields.slice(0, end);
  let start = 0;
  while (start < end && fields[start].kind !== 'content') start++;
  return end - start === n ? fields.slice(start, end) : null;
}

/** The value tokens (numbers, blank markers, malformed numbers) between two hits: how many, the first two, and all as an array on demand. */
class Zone {
  count = 0;
  first = -1;
  second = -1;
  from = 0;
  to = 0;

  constructor(private readonly stream: TokenStream) {}

  /** The zone [from, to); one Zone serves a whole table. */
  at(from: number, to: number): this {
    this.from = from;
    this.to = to;
    this.count = 0;
    this.first = -1;
    this.second = -1;
    for (let t = from; t < to; t++) {
      if (this.stream.kind[t] === LABEL) continue;
      if (this.count === 0) this.first = t;
      else if (this.count === 1) this.second = t;
      this.count++;
    }
    return this;
  }

  tokens(): number[] {
    return valueTokens(this.stream, this.from, this.to);
  }
}

/** How many value tokens (numbers, blank markers, malformed numbers) there are in [from, to). */
function countValues(stream: TokenStream, from: number, to: number): number {
  let count = 0;
  for (let t = from; t < to; t++) if (stream.kind[t] !== LABEL) count++;
  return count;
}

/** The value tokens (numbers, blank markers, malformed numbers) in [from, to). */
function valueTokens(stream: TokenStream, from: number, to: number): number[] {
  const count = countValues(stream, from, to);
  if (count === 0) return NO_TOKENS;
  const values = new Array<number>(count);
  let k = 0;
  for (let t = from; t < to; t++) if (stream.kind[t] !== LABEL) values[k++] = t;
  return values;
}

/** A number the column accepts: a decimal only in an amount (万元); a count or a change is whole. */
const accepts = (value: number, kind: ValueKind): boolean => kind === 'amount' || Number.isInteger(value);

/** a column of counts, for the subtotals some reports add */
const COUNT_COLUMN: ColumnTemplate = { label: '', kind: 'count' };

/**
 * Where a number token's cell ends when the unit written after it is not the column's (`44元` in a column of 万元,
 * `98万` in a count, `5件` in an amount): past the unit, the cell then invalid; -1 where the unit fits or there is none.
 */
function misfitUnitEnd(stream: TokenStream, token: number, column: ColumnTemplate): number {
  if (stream.kind[token] !== NUMBER) return -1;
  const after = unitAfter(stream.source, stream.end[token]);
  if (!after) return -1;
  const money = isMoneyUnit(after.unit);
  const fits = column.kind === 'amount' ? money && !(after.unit === '元' && column.label.includes('万元')) : !money;
  return fits ? -1 : after.end;
}

function cellOf(stream: TokenStream, token: number, column: ColumnTemplate): Cell {
  const misfit = misfitUnitEnd(stream, token, column);
  const span = { start: stream.start[token], end: misfit >= 0 ? misfit : stream.end[token] };
  const raw = stream.source.slice(span.start, span.end);
  if (stream.kind[token] === NUMBER && misfit < 0 && accepts(stream.value[token], column.kind)) return { state: 'value', value: stream.value[token], raw, span };
  if (stream.kind[token] === BLANK) return { state: 'blank', value: null, raw, span, marker: raw };
  return { state: 'invalid', value: null, raw, span };
}

/**
 * Writes a value token at a grid position; a number its column does not accept (`97.5` in a count, `44元` in 万元) is
 * invalid, so no sum uses it.
 */
function writeToken(grid: TableGrid, position: number, stream: TokenStream, token: number, column: ColumnTemplate): void {
  const tokenKind = stream.kind[token];
  const value = stream.value[token];
  const misfit = misfitUnitEnd(stream, token, column);
  // a count past 2^53 is not read exactly (no count or amount of a report comes near it): it is no value; a run of
  // that many digits may still be glued cells, which are split from its text, not from this value
  const number = misfit < 0 && (Number.isInteger(value) ? Number.isSafeInteger(value) : accepts(value, column.kind));
  const state = tokenKind === NUMBER ? (number ? VALUE : INVALID_CELL) : tokenKind === BLANK ? BLANK_CELL : INVALID_CELL;
  grid.setCell(position, state, stream.start[token], misfit >= 0 ? misfit : stream.end[token], value, tokenKind === BLANK);
}

function writeSlot(grid: TableGrid, position: number, stream: TokenStream, slot: Slot, column: ColumnTemplate): void {
  if (typeof slot === 'number') writeToken(grid, position, stream, slot, column);
  else grid.setCell(position, BLANK_CELL, slot.start, slot.end, 0, false);
}

/**
 * Where the layout says which cells are blank: a tab-separated run of exactly n fields, or n non-empty
 * lines of which some hold only spaces. Returns null when it cannot say.
 */
function positionalCells(stream: TokenStream, values: number[], labelToken: number, n: number): Slot[] | null {
  const firstLine = stream.line[values[0]];
  const lastLine = stream.line[values[values.length - 1]];
  const labelLine = labelToken >= 0 ? stream.line[labelToken] : -1;
  if (stream.lineTabbed[firstLine] && firstLine === lastLine) {
    let fields = stream.fields(firstLine);
    if (labelLine === firstLine) fields = fields.filter((f) => f.fieldNo > stream.field[labelToken]);
    const tokenInField = (fieldNo: number): number | undefined => values.find((v) => stream.field[v] === fieldNo);
    // fields holding label text (a wrapped label's tail) are not cells
    fields = fields.filter((f) => f.kind !== 'content' || tokenInField(f.fieldNo) !== undefined);
    const chosen = cellFields(fields, n);
    return chosen ? chosen.map((f) => tokenInField(f.fieldNo) ?? { start: f.start, end: f.end }) : null;
  }
  // one cell per line: value lines plus lines of spaces between the first and the last slot
  const from = labelToken >= 0 ? labelLine + (labelLine === firstLine ? 0 : 1) : firstLine;
  const slots: Slot[] = [];
  for (let l = from; l < stream.lineCount && l <= lastLine + n; l++) {
    if (stream.lineHasLabel(l)) {
      if (l > lastLine) break;
      if (l !== labelLine) return null;
    }
    const lineValues = valueTokens(stream, stream.firstToken[l], stream.endToken[l]);
    if (lineValues.length > 1 && l !== labelLine) return null;
    const lineStart = stream.lineStart[l];
    const lineEnd = stream.lineEnd[l];
    if (lineValues.length) slots.push(...lineValues);
    else if (lineEnd > lineStart && l !== labelLine) {
      let lead = lineStart;
      while (lead < lineEnd && isSpace(stream.source.charCodeAt(lead))) lead++;
      slots.push({ start: lead, end: lineEnd });
    } else if (l > lastLine) break;
  }
  if (slots.length === n) return slots;
  return labelLine !== firstLine ? withEmptyLines(stream, values, from, lastLine, n) : null;
}

/**
 * One cell per line with empty lines among the values: each an empty cell where that makes the row's cells
 * (`4.保护第三方合法权益` then an empty line and six values). Values written a blank line apart never come to
 * that count with a value missing (2k − 1 lines for k values).
 */
function withEmptyLines(stream: TokenStream, values: readonly number[], from: number, lastLine: number, n: number): Slot[] | null {
  const slots: Slot[] = [];
  for (let l = from; l <= lastLine; l++) {
    if (stream.lineHasLabel(l)) return null;
    const lineValues = valueTokens(stream, stream.firstToken[l], stream.endToken[l]);
    if (lineValues.length > 1) return null;
    if (lineValues.length) slots.push(lineValues[0]);
    else {
      let lead = stream.lineStart[l];
      while (lead < stream.lineEnd[l] && isSpace(stream.source.charCodeAt(lead))) lead++;
      slots.push({ start: lead, end: stream.lineEnd[l] });
    }
  }
  return slots.length === n && values.length < n ? slots : null;
}

/** How a row's values are laid out, from its label and its first two values (-1: none) of `count`. */
function layoutOf(stream: TokenStream, labelToken: number, firstValue: number, secondValue: number, count: number): Layout {
  if (!count) return LINES;
  const first = stream.line[firstValue];
  if (labelToken >= 0 && first === stream.line[labelToken]) return stream.lineTabbed[first] ? TABS : INLINE;
  if (count > 1 && first === stream.line[secondValue]) return stream.lineTabbed[first] ? TABS : INLINE;
  if (count > 1 && stream.lineNumber[stream.line[secondValue]] - stream.lineNumber[first] > 1) return SPACED_LINES;
  return LINES;
}

/** A table's rule over one row, as the splitter reads it: per template row, its row-total rules by column. */
const rowRulesOf = new WeakMap<TableTemplate, SumRule[][]>();
function rowRules(template: TableTemplate, row: number): readonly SumRule[] {
  let rules = rowRulesOf.get(template);
  if (!rules) {
    rules = template.rows.map((r) =>
      template.rules
        .filter((rule) => rule.code === 'row-total-mismatch' && rule.totals.length === 1 && [...rule.parts, ...rule.totals].every((c) => c.row === r.key))
        .map((rule) => ({ parts: rule.parts.map((c) => c.col), total: rule.totals[0].col })),
    );
    rowRulesOf.set(template, rules);
  }
  return rules[row];
}

/** per row's rules, the same with the subtotal column, by its place: one array per row kind and place, so the splitter's cache knows it again */
const withSubtotalOf = new WeakMap<readonly SumRule[], Map<number, SumRule[]>>();

/** The row's rules over its cells with the subtotal written before column `before`, and the subtotal's own. */
function rulesWithSubtotal(rules: readonly SumRule[], subtotal: NonNullable<TableTemplate['subtotal']>, before: number): SumRule[] {
  let byPlace = withSubtotalOf.get(rules);
  if (!byPlace) withSubtotalOf.set(rules, (byPlace = new Map()));
  let shifted = byPlace.get(before);
  if (shifted) return shifted;
  const at = (col: number): number => (col >= before ? col + 1 : col);
  shifted = [...rules.map((r) => ({ parts: r.parts.map(at), total: at(r.total) })), { parts: subtotal.parts.map(at), total: before }];
  byPlace.set(before, shifted);
  return shifted;
}

/** Whether every rule holds over the numbers (NaN where a cell holds none, which no rule is judged on). */
function rulesHold(rules: readonly SumRule[], value: (col: number) => number): boolean {
  return rules.every((r) => {
    const difference = r.parts.reduce((sum, c) => sum + value(c), 0) - value(r.total);
    return Number.isNaN(difference) || Math.abs(difference) < 1e-9;
  });
}

/** Whether token t is the only one on its line. */
function aloneOnItsLine(stream: TokenStream, t: number): boolean {
  const line = stream.line[t];
  return (t === 0 || stream.line[t - 1] !== line) && (t + 1 >= stream.tokenCount || stream.line[t + 1] !== line);
}

/** Whether the values stand on one tab- or pipe-separated line, no two in one field. */
function eachInFieldOfItsOwn(stream: TokenStream, values: readonly number[]): boolean {
  const line = stream.line[values[0]];
  if (!stream.lineTabbed[line]) return false;
  for (let k = 1; k < values.length; k++) if (stream.line[values[k]] !== line || stream.field[values[k]] === stream.field[values[k - 1]]) return false;
  return true;
}

const FULL_WIDTH_ZERO = 0xff10;

/**
 * A row's value tokens as the splitter sees them, read in the source: the digits of a plain number (full-width
 * ones read as ASCII), or a null piece for a token that is one cell. One serves a reader, row after row.
 */
class StreamDigits implements RowDigits {
  count = 0;
  /** every piece is ASCII digits: each cell's text is then its digits */
  plain = true;
  private values: readonly number[] = [];
  private readonly lengths: number[] = [];

  constructor(private readonly stream: TokenStream) {}

  at(values: readonly number[]): this {
    const { stream } = this;
    this.values = values;
    this.count = values.length;
    this.plain = true;
    for (let p = 0; p < values.length; p++) {
      const t = values[p];
      let length = stream.end[t] - stream.start[t];
      if (stream.kind[t] !== NUMBER) length = -1;
      for (let i = stream.start[t]; i < stream.end[t] && length >= 0; i++) {
        const c = stream.source.charCodeAt(i);
        if (c >= FULL_WIDTH_ZERO && c <= FULL_WIDTH_ZERO + 9) this.plain = false;
        else if (c < 48 || c > 57) length = -1;
      }
      if (length < 0) this.plain = false;
      this.lengths[p] = length;
    }
    return this;
  }

  length(p: number): number {
    return this.lengths[p];
  }

  digit(p: number, i: number): number {
    const c = this.stream.source.charCodeAt(this.stream.start[this.values[p]] + i);
    return c >= FULL_WIDTH_ZERO ? c - FULL_WIDTH_ZERO + 48 : c;
  }

  pieces(): Piece[] {
    const pieces: Piece[] = [];
    for (let p = 0; p < this.count; p++) {
      const text = this.lengths[p] < 0 ? null : this.stream.text(this.values[p]);
      // full-width digits read as ASCII
      pieces.push(text === null || this.plain ? text : text.normalize('NFKC'));
    }
    return pieces;
  }
}

/** Where a split's cell k, which lies in `token`, stands: the whole token, or the digits cut out of it. */
function cellSpan(stream: TokenStream, token: number, split: Split, k: number): Span {
  if (split.from[k] === split.to[k]) return { start: stream.start[token], end: stream.end[token] };
  return { start: stream.start[token] + split.from[k], end: stream.start[token] + split.to[k] };
}

function cellText(stream: TokenStream, token: number, split: Split, k: number): string {
  if (split.from[k] === split.to[k]) return stream.text(token);
  const start = stream.start[token];
  return stream.source.slice(start + split.from[k], start + split.to[k]);
}

/** The text of a split's cells; the split's own digits where they are the text (a row of ASCII digits only). */
function cellTexts(stream: TokenStream, values: readonly number[], split: Split, plain: boolean): readonly string[] {
  if (plain) return split.digits as readonly string[];
  return split.piece.map((p, k) => cellText(stream, values[p], split, k));
}

const groupEndsOf = new WeakMap<readonly SumRule[], { cells: number; ends: number[] }>();

/** The cells after which a message shows a group break: the totals of the row's rules, but the last cell. */
function groupEnds(rules: readonly SumRule[], cells: number): number[] {
  let known = groupEndsOf.get(rules);
  if (known?.cells !== cells) groupEndsOf.set(rules, (known = { cells, ends: rules.map((r) => r.total).filter((c) => c < cells - 1) }));
  return known.ends;
}

/**
 * Reads one table's rows from their value tokens: a row's cells, the subtotal column some reports add, and
 * glued digits split by the template. One reader serves a table; what it finds beyond the grid (subtotals,
 * glued rows) it keeps for the Table.
 */
class RowReader {
  readonly glued: GluedRow[] = [];
  readonly subtotals: Subtotal[] = [];
  readonly extras: ExtraValue[] = [];
  /** rows with several splits the row's rules allow, for the column rules to decide between */
  private readonly open: { row: number; glued: number; values: readonly number[]; candidates: readonly Split[]; withSubtotal: boolean; plain: boolean }[] = [];
  /** whether the table has the subtotal column: decided for the whole table, the first time a row could hold one */
  private subtotalColumn: boolean | undefined;
  /** the column the subtotal is written before, of the template's places: decided for the whole table, when first asked */
  private subtotalPlace = -1;
  /** the label text before the table's first row, folded (headerText) */
  private header: string | undefined;
  private readonly digits: StreamDigits;

  constructor(
    private readonly stream: TokenStream,
    private readonly template: TableTemplate,
    private readonly grid: TableGrid,
    private readonly hits: Hits | null,
  ) {
    this.digits = new StreamDigits(stream);
  }

  /**
   * Writes row i's cells from its value tokens (at most one more than the row's cells): all of them when there
   * are as many as cells, else where the layout places them, else split from glued digits. `zoneStart` is
   * where the row's values may start (the label's end). False when the cells cannot be placed.
   */
  write(i: number, values: number[], labelToken: number, zoneStart: number): boolean {
    const n = this.template.rows[i].columns.length;
    if (values.length === n) return this.place(i, values);
    const stray = values.length === n + 1 ? this.strayValue(i, values) : -1;
    if (stray >= 0) return this.place(i, values.filter((_, k) => k !== stray));
    const positional = values.length > 0 ? positionalCells(this.stream, values, labelToken, n) : null;
    if (positional) return this.place(i, positional);
    return values.length > 0 && this.split(i, values, zoneStart);
  }

  /**
   * Of a row's values, one more than its cells, the one that stands on a line of its own and without which the row
   * adds up: a page number that PDF text put among a row written one cell a line (`45\n11\n3\n2\n…`, page 3 between
   * 11 and 2). -1 where no value or more than one is so, or a value is no number: the row is then read as ever.
   */
  private strayValue(i: number, values: readonly number[]): number {
    const number = this.numberAt(values);
    if (values.some((_, k) => Number.isNaN(number(k)))) return -1;
    const plain = rowRules(this.template, i);
    if (plain.length === 0) return -1;
    let found = -1;
    for (let k = 0; k < values.length; k++) {
      if (!aloneOnItsLine(this.stream, values[k]) || !rulesHold(plain, (col) => number(col < k ? col : col + 1))) continue;
      if (found >= 0) return -1;
      found = k;
    }
    return found;
  }

  /** Whether the table has the 法人或其他组织 subtotal column (decided once for the table). */
  subtotalColumnShown(): boolean {
    return this.template.subtotal !== undefined && (this.subtotalColumn ??= this.tableHasSubtotalColumn());
  }

  /**
   * Row i's cells (and its subtotal's token, -1 for none) where its layout shows their places with the subtotal
   * column, some of them empty (tabs, pipes, lines of spaces): each value is the cell of its place, so that a blank
   * is not read as the next cell's value (`（七）总计\t\t41\t…`: 自然人 blank, 41 the subtotal). An empty place at the
   * end may be a tab after a row that leaves its subtotal out instead: where the values add up as the row's cells,
   * and not as cells and a subtotal, they are the row's cells. Null where the layout does not show the places. For a
   * table with the subtotal column only.
   */
  cellsByPlace(i: number, values: number[], labelToken: number): { cells: Slot[]; subtotal: number } | null {
    const n = this.template.rows[i].columns.length;
    const before = this.subtotalBefore();
    const slots = values.length <= n ? positionalCells(this.stream, values, labelToken, n + 1) : null;
    if (!slots) return null;
    if (values.length === n && typeof slots[n] !== 'number') {
      const plain = rowRules(this.template, i);
      if (rulesHold(plain, this.numberAt(values)) && !rulesHold(rulesWithSubtotal(plain, this.template.subtotal!, before), this.numberAt(slots))) return null;
    }
    const subtotal = slots[before];
    return { cells: slots.filter((_, k) => k !== before), subtotal: typeof subtotal === 'number' ? subtotal : -1 };
  }

  /** The numbers of value tokens (or blank places) by their index, NaN for one that holds none. */
  private numberAt(slots: readonly Slot[]): (k: number) => number {
    return (k) => {
      const slot = slots[k];
      return typeof slot === 'number' && this.stream.kind[slot] === NUMBER ? this.stream.value[slot] : NaN;
    };
  }

  /** The token of row i's values that is the row's subtotal, when they hold one; else -1. */
  subtotalIn(i: number, values: number[]): number {
    const subtotal = this.template.subtotal;
    if (!subtotal || values.length !== this.template.rows[i].columns.length + 1 || !this.hasSubtotalColumn(i, values)) return -1;
    return values[this.subtotalBefore()];
  }

  /** Keeps value tokens beyond the cells of a row (a template row's key, or a group's) that no row takes, to be said. */
  keepExtras(row: string, tokens: readonly number[]): void {
    // a blank cell's mark beyond the row's cells (`5\t---`) holds nothing to count
    for (const t of tokens) if (this.stream.kind[t] !== BLANK) this.extras.push({ row, cell: cellOf(this.stream, t, COUNT_COLUMN) });
  }

  /** Keeps the subtotal of a row (a template row's key, or a group's for a subtotal row), to be checked against its parts. */
  keepSubtotal(row: string, token: number): void {
    this.subtotals.push({ row, cell: cellOf(this.stream, token, COUNT_COLUMN) });
  }

  place(i: number, slots: readonly Slot[]): boolean {
    const columns = this.template.rows[i].columns;
    slots.forEach((slot, col) => writeSlot(this.grid, i * this.grid.stride + col, this.stream, slot, columns[col]));
    return true;
  }

  /**
   * A row with one value more than cells holds the subtotal when the table has that column (its header says 小计,
   * or most of its rows have the extra value), so that a wrong subtotal is reported, not read as the next cell.
   * In a table that shows no such column, a lone row's extra value is a subtotal when the rules say so: it is the
   * sum of its parts, or the row adds up without it.
   */
  private hasSubtotalColumn(i: number, values: readonly number[]): boolean {
    if (this.subtotalColumnShown()) return true;
    const number = this.numberAt(values);
    if (values.some((_, k) => Number.isNaN(number(k)))) return false;
    const plain = rowRules(this.template, i);
    const rules = rulesWithSubtotal(plain, this.template.subtotal!, this.subtotalBefore());
    // a reading as a subtotal that explains every value wins; the first cells adding up can be a coincidence of zeros
    // (`0 2 0 0 0 0 2 2`: 自然人 0, the subtotal 2, only 其他 2)
    if (rulesHold(rules, number)) return true;
    // else a page number among a row's lines that the row adds up without is no subtotal
    if (this.strayValue(i, values) >= 0) return false;
    // the row's cells as written add up without a subtotal: the value after them is an extra one, not a subtotal
    if (rulesHold(plain, number)) return false;
    const own = rules[rules.length - 1];
    return rulesHold([own], number) || rulesHold(rules.slice(0, -1), number);
  }

  private tableHasSubtotalColumn(): boolean {
    const hits = this.hits;
    if (!hits) return false;
    const stream = this.stream;
    if (this.headerText(hits).includes('小计')) return true;
    const zone = new Zone(stream);
    let rows = 0;
    let withExtra = 0;
    for (let h = 0; h < hits.count; h++) {
      if (hits.row[h] < 0) continue;
      const count = zone.at(hits.token[h] + 1, h + 1 < hits.count ? hits.token[h + 1] : stream.tokenCount).count;
      if (count === 0) continue;
      rows++;
      if (count === this.template.rows[hits.row[h]].columns.length + 1) withExtra++;
    }
    return withExtra * 2 > rows;
  }

  /**
   * The column the table's subtotal is written before, of the template's places (decided once for the table): the
   * place after its parts where the header writes 小计 after their headers, and none of them after it
   * (`…法律服务机构\t其他\t小计`); where the header does not say, the place at which the rows with one value more
   * than cells add up best, the subtotal and the row's total (`97 16 7 14 4 6 47 144`: 47 after 其他 is the sum of
   * 16…6, the 16 after 自然人 is no sum of what follows it); the first place where no other does better.
   */
  private subtotalBefore(): number {
    if (this.subtotalPlace < 0) this.subtotalPlace = this.headerSubtotalPlace() ?? this.valuesSubtotalPlace();
    return this.subtotalPlace;
  }

  /** The subtotal's place as the header's words put it; null where they do not say. */
  private headerSubtotalPlace(): number | null {
    const { places, parts } = this.template.subtotal!;
    const hits = this.hits;
    if (!hits || places.length < 2) return places[0];
    const header = this.headerText(hits);
    const at = header.indexOf('小计');
    if (at < 0) return null;
    // the parts' headers that are no piece of another header word (其他 is one of 法人或其他组织)
    const words = foldedHeaders(this.template.headers).map((h) => h.folded);
    const labels = parts.map((col) => foldText(this.template.rows[0].columns[col].label)).filter((l) => !words.some((w) => w !== l && w.includes(l)));
    if (labels.some((l) => header.indexOf(l, at) >= 0)) return places[0];
    if (!labels.some((l) => header.lastIndexOf(l, at) >= 0)) return null;
    const last = Math.max(...parts);
    return places.find((p) => p > last) ?? places[0];
  }

  /** The label text before the table's first row (its header, and what stands before it), folded and run together. */
  private headerText(hits: Hits): string {
    if (this.header === undefined) {
      const stream = this.stream;
      const firstRow = hits.token[hits.row.findIndex((r) => r >= 0)];
      this.header = '';
      for (let t = 0; t < firstRow; t++) if (stream.kind[t] === LABEL) this.header += labelAt(stream.source, stream.start[t], stream.end[t]).folded.text;
    }
    return this.header;
  }

  /** The subtotal's place at which the rows with one number more than cells add up best. */
  private valuesSubtotalPlace(): number {
    const { places } = this.template.subtotal!;
    const hits = this.hits;
    if (!hits || places.length < 2) return places[0];
    const stream = this.stream;
    const zone = new Zone(stream);
    const scores = places.map(() => 0);
    for (let h = 0; h < hits.count; h++) {
      const i = hits.row[h];
      if (i < 0) continue;
      zone.at(hits.token[h] + 1, h + 1 < hits.count ? hits.token[h + 1] : stream.tokenCount);
      if (zone.count !== this.template.rows[i].columns.length + 1) continue;
      const values = zone.tokens();
      if (values.some((t) => stream.kind[t] !== NUMBER)) continue;
      const number = this.numberAt(values);
      const plain = rowRules(this.template, i);
      places.forEach((p, k) => {
        for (const rule of rulesWithSubtotal(plain, this.template.subtotal!, p)) if (rulesHold([rule], number)) scores[k]++;
      });
    }
    let best = 0;
    for (let k = 1; k < places.length; k++) if (scores[k] > scores[best]) best = k;
    return places[best];
  }

  /**
   * Glued digits split into the row's cells (in a table with the subtotal column, into those and the subtotal).
   * Takes the split when the layout allows only one, or only one satisfies the row's rules; else keeps the
   * candidates for the table's column rules to decide (resolveByColumns), and the row's cells stay unknown.
   */
  private split(i: number, values: number[], zoneStart: number): boolean {
    const n = this.template.rows[i].columns.length;
    const digits = this.digits.at(values);
    // numbers that tabs or pipes keep apart, each one a cell by its digits: fewer of them than cells is a short row
    // (a value lost, or a blank among padding tabs that the layout cannot place), not digits glued together; one
    // field of digits after the label is kept apart from nothing and may well be glued
    if (values.length > 1 && eachInFieldOfItsOwn(this.stream, values) && !holdsSeveralCells(digits)) return false;
    const rules = rowRules(this.template, i);
    if (this.subtotalColumnShown()) {
      const withSubtotal = rulesWithSubtotal(rules, this.template.subtotal!, this.subtotalBefore());
      const outcome = splitRow(digits, n + 1, withSubtotal);
      if (outcome.splittable) return this.takeSplit(i, values, outcome, zoneStart, withSubtotal, true);
    }
    const outcome = splitRow(digits, n, rules);
    return outcome.splittable && this.takeSplit(i, values, outcome, zoneStart, rules, false);
  }

  private takeSplit(i: number, values: number[], outcome: SplitOutcome, zoneStart: number, rules: readonly SumRule[], withSubtotal: boolean): boolean {
    // numbers that could each be a cell and fit no split are a short row (a value lost), not glued cells
    if (outcome.contradicts && !holdsSeveralCells(this.digits)) return false;
    const { plain } = this.digits;
    const chosen = outcome.chosen;
    // the candidates matter only where no split was taken
    const candidates = chosen ? NO_SPLITS : outcome.candidates;
    this.glued.push({
      row: this.template.rows[i].key,
      span: { start: Math.min(zoneStart, this.stream.start[values[0]]), end: this.stream.end[values[values.length - 1]] },
      cells: chosen && cellTexts(this.stream, values, chosen, plain),
      candidates: chosen ? NO_CELL_TEXTS : candidates.map((c) => cellTexts(this.stream, values, c, plain)),
      contradicts: outcome.contradicts,
      byColumns: false,
      groupEnds: groupEnds(rules, this.template.rows[i].columns.length + (withSubtotal ? 1 : 0)),
    });
    if (chosen) {
      this.placeSplit(i, values, chosen, withSubtotal, true);
      return true;
    }
    if (outcome.complete && candidates.length > 1) this.open.push({ row: i, glued: this.glued.length - 1, values, candidates, withSubtotal, plain });
    return false;
  }

  /**
   * Writes a split's cells into row i; with the subtotal column, its subtotal is kept apart, or, for a candidate
   * the column rules are only tried on (`keep` false), left out.
   */
  private placeSplit(i: number, values: readonly number[], split: Split, withSubtotal: boolean, keep: boolean): void {
    const { stream, grid } = this;
    const columns = this.template.rows[i].columns;
    const before = withSubtotal ? this.subtotalBefore() : -1;
    for (let k = 0, col = 0; k < split.piece.length; k++) {
      const token = values[split.piece[k]];
      const whole = split.from[k] === split.to[k];
      if (k === before) {
        if (keep) this.keepSplitSubtotal(i, token, split, k);
        continue;
      }
      const position = i * grid.stride + col;
      if (whole) writeToken(grid, position, stream, token, columns[col]);
      else grid.setCell(position, VALUE, stream.start[token] + split.from[k], stream.start[token] + split.to[k], split.values[k], false);
      col++;
    }
  }

  private keepSplitSubtotal(i: number, token: number, split: Split, k: number): void {
    const text = cellText(this.stream, token, split, k);
    const span = cellSpan(this.stream, token, split, k);
    this.subtotals.push({ row: this.template.rows[i].key, cell: { state: 'value', value: Number(text.normalize('NFKC')), raw: text, span } });
  }

  /**
   * Rows whose digits several splits fit: where the table's column rules (（七）总计 and the balance) allow only
   * one of a row's splits, whatever the other such rows hold, that split is taken. The others stay unknown.
   */
  resolveByColumns(): void {
    const open = this.open;
    let combinations = 1;
    for (const o of open) combinations *= o.candidates.length;
    if (!open.length || combinations > MAX_COMBINATIONS) return;
    const rules = lookupOf(this.template).rules.filter((r) => r.rule.code !== 'row-total-mismatch');
    const allowed = open.map(() => new Set<number>());
    const choice = new Array<number>(open.length).fill(0);
    for (let c = 0; c < combinations; c++) {
      for (let k = 0, rest = c; k < open.length; k++) {
        choice[k] = rest % open[k].candidates.length;
        rest = Math.floor(rest / open[k].candidates.length);
        this.placeSplit(open[k].row, open[k].values, open[k].candidates[choice[k]], open[k].withSubtotal, false);
      }
      if (rules.every((r) => holdsOrUnknown(this.grid, r))) choice.forEach((chosen, k) => allowed[k].add(chosen));
    }
    open.forEach((o, k) => {
      // the grid holds the last combination tried: a row left open is unknown again
      const cells = this.template.rows[o.row].columns.length;
      for (let col = 0; col < cells; col++) this.grid.setCell(o.row * this.grid.stride + col, BLANK_CELL, 0, 0, 0, false);
      if (allowed[k].size !== 1) return;
      const split = o.candidates[[...allowed[k]][0]];
      this.placeSplit(o.row, o.values, split, o.withSubtotal, true);
      this.grid.setHasCells(o.row);
      const glued = this.glued[o.glued];
      this.glued[o.glued] = { ...glued, cells: cellTexts(this.stream, o.values, split, o.plain), candidates: [], byColumns: true };
    });
  }
}

const NO_SPLITS: readonly Split[] = [];
const NO_CELL_TEXTS: readonly (readonly string[])[] = [];

/** rows with open splits whose combinations the column rules are tried on, at most */
const MAX_COMBINATIONS = 64;

/** A rule compiled to grid positions holds, or cannot be judged for a cell with no number. */
function holdsOrUnknown(grid: TableGrid, rule: CompiledRule): boolean {
  const balance = grid.balance(rule.parts, rule.totals);
  return Number.isNaN(balance) || Math.abs(balance) < 1e-9;
}

const NO_GROUPS: readonly GroupRow[] = [];
const NO_TYPOS: readonly LabelTypo[] = [];
const NO_GLUED: readonly GluedRow[] = [];
const NO_SUBTOTALS: readonly Subtotal[] = [];
const NO_EXTRAS: readonly ExtraValue[] = [];

/** The table in a section's tokens, its numbers kept in `arena`; null when no row of it is found. */
export function parseTable(stream: TokenStream, template: TableTemplate, sectionEnd: number, arena: GridArena): Table | null {
  const headerTypos: LabelTypo[] = [];
  const collapsed: GroupRow[] = [];
  const subtotalRows: GroupRow[] = [];
  const grid = new TableGrid(arena, template.rows.length, lookupOf(template).stride);
  let tabbed = false;
  for (let l = 0; l < stream.lineCount && !tabbed; l++) tabbed = stream.lineTabbed[l] && stream.lineFieldCount[l] > 2;
  const span = spanOfStream(stream, sectionEnd);
  const table = (reader: RowReader): Table =>
    new Table(
      template.id,
      template,
      span,
      collapsed.length ? collapsed : NO_GROUPS,
      subtotalRows.length ? subtotalRows : NO_GROUPS,
      headerTypos.length ? headerTypos : NO_TYPOS,
      reader.glued.length ? reader.glued : NO_GLUED,
      reader.subtotals.length ? reader.subtotals : NO_SUBTOTALS,
      reader.extras.length ? reader.extras : NO_EXTRAS,
      tabbed,
      grid,
      stream.source,
    );

  if (template.unlabelled) {
    const reader = new RowReader(stream, template, grid, null);
    return parseUnlabelled(stream, template, reader, grid, sectionEnd) ? table(reader) : null;
  }

  // in three phases: the rows by their labels, the value tokens each row takes, the cells written into the grid
  joinLabelsAroundWu(stream, template);
  const hits = findHits(stream, template, headerTypos);
  if (!hits.rows) return null;
  keepGluedNumbersInRows(stream, hits);
  dropFooters(stream, template, hits);
  readTextCells(stream, template, hits);
  const reader = new RowReader(stream, template, grid, hits);
  const rows = assignValues(stream, template, hits, reader, collapsed, subtotalRows);
  writeRows(stream, template, hits, rows, reader, grid, sectionEnd);
  return table(reader);
}

/** The value tokens of one found row: those of its zone (the tokens up to the next hit), or some that overflowed from rows before it. */
interface RowValues {
  readonly hit: number;
  /** null: the zone's own tokens, which are exactly the row's cells or none, read straight into the grid */
  readonly values: number[] | null;
  /** the row's cells where its layout places them with the subtotal column (RowReader.cellsByPlace), else null */
  readonly placed?: readonly Slot[];
  readonly from: number;
  readonly to: number;
  readonly found: number;
  /** its first two value tokens (-1: none), which tell the row's layout */
  readonly first: number;
  readonly second: number;
  /** the token of the subtotal its values held, -1 for none */
  readonly subtotal: number;
}

/**
 * Which value tokens each found row takes. Values beyond a row's cells wait for the next row that has none of
 * its own; a group heading that carries a row's worth of values while none of its members is found is a
 * collapsed group (its values kept apart), one whose member row after it has values of its own a subtotal row
 * (subtotalRowCells), else its values wait too.
 */
function assignValues(stream: TokenStream, template: TableTemplate, hits: Hits, reader: RowReader, collapsed: GroupRow[], subtotalRows: GroupRow[]): RowValues[] {
  const rows: RowValues[] = [];
  const zone = new Zone(stream);
  let pending = NO_TOKENS;
  // the row or group whose values are pending, and the line of the last value it took: pending values on that line
  // that no row takes are an extra value of that row, said on it; a line of values of its own that no row takes (a
  // page number between rows of PDF text) is not
  let pendingRow = '';
  let pendingLine = -1;
  const wait = (key: string, values: number[], lastTaken: number): void => {
    const extras = pending.filter((t) => stream.line[t] === pendingLine);
    if (extras.length) reader.keepExtras(pendingRow, extras);
    pending = values;
    pendingRow = key;
    pendingLine = lastTaken < 0 ? -1 : stream.line[lastTaken];
  };
  for (let h = 0; h < hits.count; h++) {
    const labelToken = hits.token[h];
    zone.at(labelToken + 1, h + 1 < hits.count ? hits.token[h + 1] : stream.tokenCount);
    const group = hits.group[h];
    if (group) {
      const n = template.rows[0].columns.length;
      const values = zone.tokens();
      if (values.length >= n && isCollapsed(group, hits, template)) {
        collapsed.push(groupRow(stream, template, group, labelToken, values.slice(0, n)));
        wait(group.key, values.slice(n), values[n - 1]);
        continue;
      }
      const cells = pending.length === 0 ? subtotalRowCells(stream, template, reader, hits, h, values) : null;
      if (cells) {
        subtotalRows.push(groupRow(stream, template, group, labelToken, cells.values));
        if (cells.subtotal >= 0) reader.keepSubtotal(group.key, cells.subtotal);
      } else if (values.length) {
        if (!pending.length) wait(group.key, NO_TOKENS, -1);
        pending = pending.concat(values);
      }
      continue;
    }
    const row = hits.row[h];
    const n = template.rows[row].columns.length;
    const { from, to } = zone;
    const placed = pending.length === 0 && zone.count > 0 && reader.subtotalColumnShown() ? reader.cellsByPlace(row, zone.tokens(), labelToken) : null;
    if (placed) {
      rows.push({ hit: h, values: null, placed: placed.cells, from, to, found: zone.count, first: zone.first, second: zone.second, subtotal: placed.subtotal });
      continue;
    }
    if (pending.length === 0 && (zone.count === n || zone.count === 0)) {
      rows.push({ hit: h, values: null, from, to, found: zone.count, first: zone.first, second: zone.second, subtotal: -1 });
      continue;
    }
    let values = zone.tokens();
    const subtotal = reader.subtotalIn(row, values);
    if (subtotal >= 0) values = values.filter((t) => t !== subtotal);
    if (values.length === 0 && pending.length >= n) {
      values = pending;
      pending = NO_TOKENS;
    } else if (pending.length === 0 && values.length === n + 1) {
      // one value a line, one too many: a bare page number among them (see loneExtra)
      const lone = loneExtra(stream, rowRules(template, row), values);
      if (lone >= 0) values = values.filter((_, k) => k !== lone);
    }
    wait(template.rows[row].key, values.length > n ? values.slice(n) : NO_TOKENS, values.length >= n ? values[n - 1] : -1);
    if (values.length > n) values = values.slice(0, n);
    const found = values.length;
    rows.push({ hit: h, values, from, to, found, first: found ? values[0] : -1, second: found > 1 ? values[1] : -1, subtotal });
  }
  wait('', NO_TOKENS, -1);
  return rows;
}

/** Writes each row's cells and where it stands into the grid; rows that several splits fit are settled by the table's column rules. */
function writeRows(stream: TokenStream, template: TableTemplate, hits: Hits, rows: readonly RowValues[], reader: RowReader, grid: TableGrid, sectionEnd: number): void {
  const layouts = new LayoutCount();
  for (const r of rows) {
    const h = r.hit;
    const labelToken = hits.token[h];
    const row = hits.row[h];
    let hasCells = r.found > 0;
    if (r.subtotal >= 0) reader.keepSubtotal(template.rows[row].key, r.subtotal);
    if (r.placed) reader.place(row, r.placed);
    else if (r.values === null) {
      const columns = template.rows[row].columns;
      for (let t = r.from, col = 0; t < r.to; t++) if (stream.kind[t] !== LABEL) writeToken(grid, row * grid.stride + col, stream, t, columns[col++]);
    } else hasCells = reader.write(row, r.values, labelToken, stream.end[labelToken]);
    const layout = layoutOf(stream, labelToken, r.first, r.second, r.found);
    if (r.found) layouts.add(layout);
    const last = h + 1 >= hits.count;
    const next = last ? stream.tokenCount : hits.token[h + 1];
    const zoneEnd = valueZoneEnd(stream, labelToken, r.first, last ? sectionEnd : stream.lineStart[stream.line[next]], last ? sectionEnd : stream.start[next]);
    const label = { start: stream.start[labelToken], end: stream.end[labelToken] };
    grid.setRow(row, { label, typo: hits.typo[h], zone: { start: label.end, end: zoneEnd }, layout, valuesFound: r.found, hasCells });
  }
  reader.resolveByColumns();
  // a row with no values at all is written the way the table's other rows are
  const dominant = layouts.dominant();
  if (dominant !== null) for (const r of rows) if (grid.valuesFound(hits.row[r.hit]) === 0) grid.setLayout(hits.row[r.hit], dominant);
}

const NO_TOKENS: number[] = [];

/** A group's heading row with the value tokens it carries as its cells. */
function groupRow(stream: TokenStream, template: TableTemplate, group: GroupTemplate, labelToken: number, values: readonly number[]): GroupRow {
  return {
    key: group.key,
    label: group.label,
    labelSpan: { start: stream.start[labelToken], end: stream.end[labelToken] },
    members: group.members,
    cells: values.map((t, col) => cellOf(stream, t, template.rows[0].columns[col])),
  };
}

/**
 * The values of hit h, a group's heading, as a subtotal row of its members (（三）不予公开 above 1.–8.): a row's worth
 * (and the 法人或其他组织 subtotal, where the table has that column), while the member row right after it has values
 * of its own, so that they are not that row's written before its label (as PDF text may put them). Else null.
 */
function subtotalRowCells(stream: TokenStream, template: TableTemplate, reader: RowReader, hits: Hits, h: number, values: number[]): { values: number[]; subtotal: number } | null {
  const group = hits.group[h]!;
  const next = h + 1;
  const member = next < hits.count ? hits.row[next] : -1;
  if (group.members.length < 2 || member < 0 || !group.members.includes(template.rows[member].key)) return null;
  const memberEnd = next + 1 < hits.count ? hits.token[next + 1] : stream.tokenCount;
  if (countValues(stream, hits.token[next] + 1, memberEnd) === 0 && !showsBlankCells(stream, hits.token[next], memberEnd)) return null;
  const subtotal = reader.subtotalIn(member, values);
  const cells = subtotal >= 0 ? values.filter((t) => t !== subtotal) : values;
  return cells.length === template.rows[member].columns.length ? { values: cells, subtotal } : null;
}

/**
 * Whether a row with no values, whose label is token `label` and whose zone ends before token `end`, shows where its
 * cells are, blank: its label's line has fields after the label (`1.本机关不掌握…\t\t\t…`, `| … |  |  |`), or lines of
 * spaces follow it, one blank cell per line. A label with nothing after it shows nothing: its values may stand before
 * it (PDF text).
 */
function showsBlankCells(stream: TokenStream, label: number, end: number): boolean {
  const line = stream.line[label];
  if (stream.lineTabbed[line]) {
    const next = end < stream.tokenCount && stream.line[end] === line ? stream.field[end] : stream.lineFieldCount[line];
    return next - stream.field[label] > 1;
  }
  const last = end < stream.tokenCount ? stream.line[end] : stream.lineCount;
  for (let l = line + 1; l < last; l++) {
    if (stream.firstToken[l] !== stream.endToken[l]) return false;
    if (stream.lineEnd[l] > stream.lineStart[l]) return true;
  }
  return false;
}

/** A group heading written with values of its own: none of its member rows was found. */
function isCollapsed(group: GroupTemplate, hits: Hits, template: TableTemplate): boolean {
  if (group.members.length < 2) return false;
  const matched = new Set<string>();
  for (let h = 0; h < hits.count; h++) if (hits.row[h] >= 0) matched.add(template.rows[hits.row[h]].key);
  return !group.members.some((m) => matched.has(m));
}

/** How often each layout was seen; the most frequent wins, the first seen of equals. */
class LayoutCount {
  private readonly counts = [0, 0, 0, 0];
  private readonly order: Layout[] = [];

  add(layout: Layout): void {
    if (this.counts[layout]++ === 0) this.order.push(layout);
  }

  dominant(): Layout | null {
    let best: Layout | null = null;
    for (const layout of this.order) if (best === null || this.counts[layout] > this.counts[best]) best = layout;
    return best;
  }
}

/**
 * Where a row's value zone ends (it starts at the label's end): the label's line, or up to the next row.
 * `first`: its first value (-1: none); `nextRow`: where the next row's label starts, which may be on the same
 * line (a scraped table on one line).
 */
function valueZoneEnd(stream: TokenStream, label: number, first: number, zoneEnd: number, nextRow: number): number {
  const labelLine = stream.line[label];
  const labelEnd = stream.end[label];
  const onLabelLine = first < 0 ? stream.lineTabbed[labelLine] : stream.line[first] === labelLine;
  if (onLabelLine) return Math.min(stream.lineEnd[labelLine], Math.max(labelEnd, nextRow));
  // up to the line break before the next row, so the rewrite keeps the next row's line intact
  const source = stream.source;
  let end = zoneEnd;
  if (end > labelEnd && source[end - 1] === '\n') end--;
  if (end > labelEnd && source[end - 1] === '\r') end--;
  return Math.max(labelEnd, end);
}

function spanOfStream(stream: TokenStream, sectionEnd: number): Span {
  return { start: stream.lineCount ? stream.lineStart[0] : sectionEnd, end: sectionEnd };
}

/**
 * Of a row's values one too many, the one that stands alone on its line (a bare page number between a table's header
 * and its values) and without which, alone of such, every rule of the row holds, where the first values as they
 * stand break one; -1 for none.
 */
function loneExtra(stream: TokenStream, rules: readonly SumRule[], values: readonly number[]): number {
  const holdsWithout = (skip: number): boolean => {
    const kept = skip < 0 ? values.slice(0, values.length - 1) : values.filter((_, k) => k !== skip);
    return rulesHold(rules, (c) => (stream.kind[kept[c]] === NUMBER ? stream.value[kept[c]] : NaN));
  };
  if (holdsWithout(-1)) return -1;
  const onItsLine = (k: number): boolean => (k === 0 || stream.line[values[k - 1]] !== stream.line[values[k]]) && (k + 1 === values.length || stream.line[values[k + 1]] !== stream.line[values[k]]);
  let found = -1;
  for (let k = 0; k < values.length; k++) {
    if (stream.kind[values[k]] !== NUMBER || !onItsLine(k) || !holdsWithout(k)) continue;
    if (found >= 0) return -1;
    found = k;
  }
  return found;
}

/**
 * Label token t ends the table's header on its line: it ends with several header cells run together
 * (`…结果维持结果纠正其他结果尚未审结总计`), or it and the labels before it on the line are that many header cells
 * apart (`行政复议\t行政诉讼\t结果维持…\t复议后起诉`, the values after them on the same line).
 */
function endsHeaderOnLine(stream: TokenStream, template: TableTemplate, t: number): boolean {
  const info = labelAt(stream.source, stream.start[t], stream.end[t]);
  if (info.endsWithHeaderRun(template)) return true;
  if (!info.isHeader(template)) return false;
  let headers = 1;
  for (let k = t - 1; k >= 0 && stream.line[k] === stream.line[t] && headers < MIN_HEADER_CELLS; k--) {
    if (stream.kind[k] === LABEL && labelAt(stream.source, stream.start[k], stream.end[k]).isHeader(template)) headers++;
  }
  return headers >= MIN_HEADER_CELLS;
}

/** header cells on a line before its values that make it the table's header, not a sentence naming one or two */
const MIN_HEADER_CELLS = 3;

/**
 * Table 四: fifteen values after the header, on lines that hold nothing else, or on the header's own line after
 * its cells run together (`…尚未审结总计 0 0 1 …`, `…总计000000000000000`: a scraped page). Writes its one
 * row; false when there is no header.
 */
function parseUnlabelled(stream: TokenStream, template: TableTemplate, reader: RowReader, grid: TableGrid, sectionEnd: number): boolean {
  const n = template.rows[0].columns.length;
  const values: number[] = [];
  let headerToken = -1;
  let started = false;
  for (let l = 0; l < stream.lineCount && !started; l++) {
    if (!stream.lineHasLabel(l)) continue;
    for (let t = stream.firstToken[l]; t < stream.endToken[l] - 1 && !started; t++) {
      if (stream.kind[t] !== LABEL || stream.kind[t + 1] === LABEL || !endsHeaderOnLine(stream, template, t)) continue;
      for (let v = t + 1; v < stream.endToken[l] && stream.kind[v] !== LABEL; v++) values.push(v);
      started = values.length > 0;
      if (started) headerToken = t;
    }
  }
  const sameLine = started;
  let nextLine = -1;
  for (let l = 0; l < stream.lineCount && !sameLine; l++) {
    if (stream.lineHasLabel(l)) {
      if (started) break;
      let last = stream.endToken[l] - 1;
      while (stream.kind[last] !== LABEL) last--;
      const info = labelAt(stream.source, stream.start[last], stream.end[last]);
      if (info.isHeader(template) || info.endsWithHeaderRun(template)) headerToken = last;
      continue;
    }
    if (headerToken < 0) continue;
    const lineValues = valueTokens(stream, stream.firstToken[l], stream.endToken[l]);
    if (lineValues.length) {
      started = true;
      values.push(...lineValues);
    }
    // the rest of the line that completes the row is read (into no cell: it is said); a line of values after it is
    // not the row's (a page number)
    if (values.length >= n) {
      // the next line with anything on it
      for (nextLine = l + 1; nextLine < stream.lineCount && stream.firstToken[nextLine] === stream.endToken[nextLine]; ) nextLine++;
      break;
    }
  }
  if (headerToken < 0) return false;
  const rules = rowRules(template, 0);
  // one value a line: the value after them may be the row's last, where one before was a page number
  const oneMore = values.length === n && nextLine < stream.lineCount && nextLine > 0 && !stream.lineHasLabel(nextLine) ? valueTokens(stream, stream.firstToken[nextLine], stream.endToken[nextLine]) : [];
  const lone = values.length + (oneMore.length === 1 ? 1 : 0) === n + 1 ? loneExtra(stream, rules, [...values, ...oneMore]) : -1;
  if (lone >= 0) {
    values.push(...oneMore);
    values.splice(lone, 1);
  }
  const taken = values.slice(0, n);
  reader.keepExtras(template.rows[0].key, values.slice(n));
  const last = taken[taken.length - 1];
  const zoneStart = !taken.length ? stream.end[headerToken] : sameLine ? stream.end[headerToken] : stream.lineStart[stream.line[taken[0]]];
  const zoneEnd = !taken.length ? stream.end[headerToken] : sameLine ? stream.end[last] : stream.lineEnd[stream.line[last]];
  const hasCells = reader.write(0, taken, -1, zoneStart);
  const label = taken.length ? { start: zoneStart, end: zoneEnd } : { start: stream.start[headerToken], end: stream.end[headerToken] };
  const layout = layoutOf(stream, -1, taken.length ? taken[0] : -1, taken.length > 1 ? taken[1] : -1, taken.length);
  grid.setRow(0, { label, typo: undefined, zone: { start: zoneStart, end: Math.min(zoneEnd, sectionEnd) }, layout, valuesFound: taken.length, hasCells });
  return true;
}
