// Matches a section's token stream against an official table: finds each row by its label (exactly,
// split across lines, or with a typo), then gives each row the values that follow it. Values that
// overflow one row wait for the next label that has none (PDF text often puts a row's numbers on the
// line before its wrapped label).
import { BLANK as BLANK_CELL, INLINE, INVALID as INVALID_CELL, LINES, SPACED_LINES, TABS, VALUE, TableGrid, type GridArena, type Layout } from '../grid';
import { Table, type Cell, type CollapsedGroup, type LabelTypo, type Span } from '../model';
import { lookupOf } from '../template/lookup';
import type { GroupTemplate, TableTemplate } from '../template/types';
import { isSpace } from '../text/chars';
import { labelAt, MAX_LABEL } from './labels';
import { BLANK, LABEL, NUMBER, type TokenStream } from './tokens';

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

function findHits(stream: TokenStream, template: TableTemplate, headerTypos: LabelTypo[]): Hits {
  const hits = new Hits();
  let cursor = 0;
  for (let t = 0; t < stream.tokenCount; t++) {
    if (stream.kind[t] !== LABEL || stream.end[t] - stream.start[t] > MAX_LABEL) continue;
    const info = labelAt(stream.source, stream.start[t], stream.end[t]);
    if (!info.folded.text) continue;
    const match = info.row(template, cursor);
    if (match) {
      const start = stream.start[t];
      const typoSpan = match.typo && { start: start + match.typo.start, end: start + match.typo.end };
      hits.add(t, match.index, null, typoSpan);
      cursor = match.index + 1;
      continue;
    }
    const group = info.group(template);
    if (group) {
      hits.add(t, -1, group, undefined);
      continue;
    }
    const official = info.headerTypo(template);
    if (official) headerTypos.push({ span: { start: stream.start[t], end: stream.end[t] }, written: info.text, official });
  }
  return hits;
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

/** The value tokens (numbers, blank markers, malformed numbers) in [from, to). */
function valueTokens(stream: TokenStream, from: number, to: number): number[] {
  let count = 0;
  for (let t = from; t < to; t++) if (stream.kind[t] !== LABEL) count++;
  if (count === 0) return NO_TOKENS;
  const values = new Array<number>(count);
  let k = 0;
  for (let t = from; t < to; t++) if (stream.kind[t] !== LABEL) values[k++] = t;
  return values;
}

function cellOf(stream: TokenStream, token: number): Cell {
  const span = { start: stream.start[token], end: stream.end[token] };
  const raw = stream.text(token);
  if (stream.kind[token] === NUMBER) return { state: 'value', value: stream.value[token], raw, span };
  if (stream.kind[token] === BLANK) return { state: 'blank', value: null, raw, span, marker: raw };
  return { state: 'invalid', value: null, raw, span };
}

function writeSlot(grid: TableGrid, position: number, stream: TokenStream, slot: Slot): void {
  if (typeof slot !== 'number') return grid.setCell(position, BLANK_CELL, slot.start, slot.end, 0, false);
  const kind = stream.kind[slot];
  const state = kind === NUMBER ? VALUE : kind === BLANK ? BLANK_CELL : INVALID_CELL;
  grid.setCell(position, state, stream.start[slot], stream.end[slot], stream.value[slot], kind === BLANK);
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
    const candidates = [fields];
    let end = fields.length;
    while (end > 0 && fields[end - 1].kind !== 'content') end--;
    candidates.push(fields.slice(0, end));
    let start = 0;
    while (start < end && fields[start].kind !== 'content') start++;
    candidates.push(fields.slice(start, end));
    const chosen = candidates.find((c) => c.length === n);
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
  return slots.length === n ? slots : null;
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

/** A 法人或其他组织 subtotal column: accepted when it is the sum of its five parts. */
function dropSubtotal(stream: TokenStream, values: number[], n: number): number[] {
  if (n !== 7 || values.length !== 8 || values.some((t) => stream.kind[t] !== NUMBER)) return values;
  const v = values.map((t) => stream.value[t]);
  const parts = v[2] + v[3] + v[4] + v[5] + v[6];
  return Math.abs(v[1] - parts) < 1e-9 ? [values[0], ...values.slice(2)] : values;
}

/** Writes row i's cells from value tokens: all of them when there are n, else where the layout places them. */
function writeCells(grid: TableGrid, i: number, stream: TokenStream, values: number[], labelToken: number, n: number): boolean {
  const slots = values.length === n ? values : values.length > 0 ? positionalCells(stream, values, labelToken, n) : null;
  if (!slots) return false;
  slots.forEach((slot, col) => writeSlot(grid, i * grid.stride + col, stream, slot));
  return true;
}

const NO_GROUPS: readonly CollapsedGroup[] = [];
const NO_TYPOS: readonly LabelTypo[] = [];

/** The table in a section's tokens, its numbers kept in `arena`; null when no row of it is found. */
export function parseTable(stream: TokenStream, template: TableTemplate, sectionEnd: number, arena: GridArena): Table | null {
  const headerTypos: LabelTypo[] = [];
  const collapsed: CollapsedGroup[] = [];
  const grid = new TableGrid(arena, template.rows.length, lookupOf(template).stride);
  let tabbed = false;
  for (let l = 0; l < stream.lineCount && !tabbed; l++) tabbed = stream.lineTabbed[l] && stream.lineFieldCount[l] > 2;
  const span = spanOfStream(stream, sectionEnd);
  const table = (): Table =>
    new Table(template.id, template, span, collapsed.length ? collapsed : NO_GROUPS, headerTypos.length ? headerTypos : NO_TYPOS, tabbed, grid, stream.source);

  if (template.unlabelled) return parseUnlabelled(stream, template, grid, sectionEnd) ? table() : null;

  const hits = findHits(stream, template, headerTypos);
  if (!hits.rows) return null;
  const layouts = new LayoutCount();
  const zones = new Zone(stream);
  let pending = NO_TOKENS;
  for (let h = 0; h < hits.count; h++) {
    const labelToken = hits.token[h];
    const next = h + 1 < hits.count ? hits.token[h + 1] : stream.tokenCount;
    const zone = zones.at(labelToken + 1, next);
    const group = hits.group[h];
    if (group) {
      const n = template.rows[0].columns.length;
      const values = zone.tokens();
      if (values.length >= n && isCollapsed(group, hits, template)) {
        collapsed.push({
          key: group.key,
          label: group.label,
          labelSpan: { start: stream.start[labelToken], end: stream.end[labelToken] },
          members: group.members,
          cells: values.slice(0, n).map((t) => cellOf(stream, t)),
        });
        pending = values.slice(n);
      } else {
        pending = pending.concat(values);
      }
      continue;
    }
    const row = hits.row[h];
    const n = template.rows[row].columns.length;
    let found = zone.count;
    let first = zone.first;
    let second = zone.second;
    let hasCells = found > 0;
    if (pending.length === 0 && (found === n || found === 0)) {
      // the common case, read straight from the tokens: the row's own values, all of them or none
      for (let t = zone.from, col = 0; t < zone.to; t++) if (stream.kind[t] !== LABEL) writeSlot(grid, row * grid.stride + col++, stream, t);
    } else {
      let values = dropSubtotal(stream, zone.tokens(), n);
      if (values.length === 0 && pending.length >= n) values = pending;
      pending = values.length > n ? values.slice(n) : NO_TOKENS;
      if (values.length > n) values = values.slice(0, n);
      hasCells = writeCells(grid, row, stream, values, labelToken, n);
      found = values.length;
      first = found ? values[0] : -1;
      second = found > 1 ? values[1] : -1;
    }
    const layout = layoutOf(stream, labelToken, first, second, found);
    if (found) layouts.add(layout);
    const zoneEnd = valueZoneEnd(stream, labelToken, first, h + 1 < hits.count ? stream.lineStart[stream.line[next]] : sectionEnd);
    grid.setRow(row, stream.start[labelToken], stream.end[labelToken], hits.typo[h], stream.end[labelToken], zoneEnd, layout, found, hasCells);
  }
  // a row with no values at all is written the way the table's other rows are
  const dominant = layouts.dominant();
  if (dominant !== null) for (let h = 0; h < hits.count; h++) if (hits.row[h] >= 0 && grid.valuesFound(hits.row[h]) === 0) grid.setLayout(hits.row[h], dominant);
  return table();
}

const NO_TOKENS: number[] = [];

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

/** Where a row's value zone ends (it starts at the label's end): the label's line, or up to the next row. `first`: its first value (-1: none). */
function valueZoneEnd(stream: TokenStream, label: number, first: number, zoneEnd: number): number {
  const labelLine = stream.line[label];
  const labelEnd = stream.end[label];
  const onLabelLine = first < 0 ? stream.lineTabbed[labelLine] : stream.line[first] === labelLine;
  if (onLabelLine) return stream.lineEnd[labelLine];
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

/** Table 四: fifteen values after the header, on lines that hold nothing else. Writes its one row; false when there is no header. */
function parseUnlabelled(stream: TokenStream, template: TableTemplate, grid: TableGrid, sectionEnd: number): boolean {
  const n = template.rows[0].columns.length;
  const values: number[] = [];
  let headerToken = -1;
  let started = false;
  for (let l = 0; l < stream.lineCount; l++) {
    if (stream.lineHasLabel(l)) {
      if (started) break;
      let last = stream.endToken[l] - 1;
      while (stream.kind[last] !== LABEL) last--;
      if (labelAt(stream.source, stream.start[last], stream.end[last]).isHeader(template)) headerToken = last;
      continue;
    }
    if (headerToken < 0) continue;
    const lineValues = valueTokens(stream, stream.firstToken[l], stream.endToken[l]);
    if (lineValues.length) {
      started = true;
      values.push(...lineValues);
    }
    if (values.length >= n) break;
  }
  if (headerToken < 0) return false;
  const taken = values.slice(0, n);
  const hasCells = writeCells(grid, 0, stream, taken, -1, n);
  const zoneStart = taken.length ? stream.lineStart[stream.line[taken[0]]] : stream.end[headerToken];
  const zoneEnd = taken.length ? stream.lineEnd[stream.line[taken[taken.length - 1]]] : stream.end[headerToken];
  const label = taken.length ? { start: zoneStart, end: zoneEnd } : { start: stream.start[headerToken], end: stream.end[headerToken] };
  const layout = layoutOf(stream, -1, taken.length ? taken[0] : -1, taken.length > 1 ? taken[1] : -1, taken.length);
  grid.setRow(0, label.start, label.end, undefined, zoneStart, Math.min(zoneEnd, sectionEnd), layout, taken.length, hasCells);
  return true;
}
