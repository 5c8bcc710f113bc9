// Matches a section's token stream against an official table: finds each row by its label (exactly,
// split across lines, or with a typo), then gives each row the values that follow it. Values that
// overflow one row wait for the next label that has none (PDF text often puts a row's numbers on the
// line before its wrapped label).
import { BLANK as BLANK_CELL, INLINE, INVALID as INVALID_CELL, LINES, SPACED_LINES, TABS, VALUE, TableGrid, type GridArena, type Layout } from '../grid';
import { Table, type Cell, type CollapsedGroup, type LabelTypo, type Span, type Subtotal } from '../model';
import { lookupOf } from '../template/lookup';
import type { GroupTemplate, TableTemplate, ValueKind } from '../template/types';
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

/**
 * Digits cut out of label text are a row's cells only in the values that follow a row's (or a group's) label:
 * elsewhere they are prose that mentions a number (`拨打12345热线`), and are label text again.
 */
function keepGluedNumbersInRows(stream: TokenStream, hits: Hits): void {
  let inValues = false;
  for (let t = 0, h = 0; t < stream.tokenCount; t++) {
    if (stream.kind[t] === LABEL) {
      while (h < hits.count && hits.token[h] < t) h++;
      inValues = h < hits.count && hits.token[h] === t;
    } else if (!inValues && stream.glued[t]) {
      stream.kind[t] = LABEL;
    }
  }
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

/** A number the column accepts: a decimal only in an amount (万元); a count or a change is whole. */
const accepts = (value: number, kind: ValueKind): boolean => kind === 'amount' || Number.isInteger(value);

function cellOf(stream: TokenStream, token: number, kind: ValueKind): Cell {
  const span = { start: stream.start[token], end: stream.end[token] };
  const raw = stream.text(token);
  if (stream.kind[token] === NUMBER && accepts(stream.value[token], kind)) return { state: 'value', value: stream.value[token], raw, span };
  if (stream.kind[token] === BLANK) return { state: 'blank', value: null, raw, span, marker: raw };
  return { state: 'invalid', value: null, raw, span };
}

/** Writes a slot at a grid position; a number its column does not accept (`97.5` in a count) is invalid, so no sum uses it. */
function writeSlot(grid: TableGrid, position: number, stream: TokenStream, slot: Slot, kind: ValueKind): void {
  if (typeof slot !== 'number') return grid.setCell(position, BLANK_CELL, slot.start, slot.end, 0, false);
  const token = stream.kind[slot];
  const state = token === NUMBER ? (accepts(stream.value[slot], kind) ? VALUE : INVALID_CELL) : token === BLANK ? BLANK_CELL : INVALID_CELL;
  grid.setCell(position, state, stream.start[slot], stream.end[slot], stream.value[slot], token === BLANK);
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

/** A row rule over its cells: cells[total] = Σ cells[parts]. */
interface SumRule {
  readonly parts: readonly number[];
  readonly total: number;
}

/** A table's rules over one row: per template row, its row-total rules by column. */
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

/** The row's rules over its cells with the subtotal written before column `before`, and the subtotal's own. */
function rulesWithSubtotal(rules: readonly SumRule[], subtotal: NonNullable<TableTemplate['subtotal']>): SumRule[] {
  const at = (col: number): number => (col >= subtotal.before ? col + 1 : col);
  return [...rules.map((r) => ({ parts: r.parts.map(at), total: at(r.total) })), { parts: subtotal.parts.map(at), total: subtotal.before }];
}

/** Whether every rule holds over the numbers (NaN where a cell holds none, which no rule is judged on). */
function rulesHold(rules: readonly SumRule[], value: (col: number) => number): boolean {
  return rules.every((r) => {
    const difference = r.parts.reduce((sum, c) => sum + value(c), 0) - value(r.total);
    return Number.isNaN(difference) || Math.abs(difference) < 1e-9;
  });
}

/**
 * Reads one table's rows from their value tokens: a row's cells and the subtotal column some reports add. One
 * reader serves a table; the subtotals it finds beyond the grid it keeps for the Table.
 */
class RowReader {
  readonly subtotals: Subtotal[] = [];
  /** whether the table has the subtotal column: decided for the whole table, the first time a row could hold one */
  private subtotalColumn: boolean | undefined;

  constructor(
    private readonly stream: TokenStream,
    private readonly template: TableTemplate,
    private readonly grid: TableGrid,
    private readonly hits: Hits | null,
  ) {}

  /**
   * Writes row i's cells from its value tokens: all of them when there are as many as cells, else where the
   * layout places them. False when the cells cannot be placed.
   */
  write(i: number, values: number[], labelToken: number): boolean {
    const n = this.template.rows[i].columns.length;
    const slots = values.length === n ? values : values.length > 0 ? positionalCells(this.stream, values, labelToken, n) : null;
    return slots !== null && this.place(i, slots);
  }

  /** Row i's values without the subtotal, when they hold one (which is kept, to be checked against its parts). */
  withoutSubtotal(i: number, values: number[]): number[] {
    const row = this.template.rows[i];
    const subtotal = this.template.subtotal;
    if (!subtotal || values.length !== row.columns.length + 1 || !this.hasSubtotalColumn(i, values)) return values;
    this.subtotals.push({ row: row.key, cell: cellOf(this.stream, values[subtotal.before], 'count') });
    return [...values.slice(0, subtotal.before), ...values.slice(subtotal.before + 1)];
  }

  private place(i: number, slots: readonly Slot[]): boolean {
    const columns = this.template.rows[i].columns;
    slots.forEach((slot, col) => writeSlot(this.grid, i * this.grid.stride + col, this.stream, slot, columns[col].kind));
    return true;
  }

  /**
   * A row with one value more than cells holds the subtotal when the table has that column (its header says 小计,
   * or most of its rows have the extra value), so that a wrong subtotal is reported, not read as the next cell.
   * In a table that shows no such column, a lone row's extra value is a subtotal when the rules say so: it is the
   * sum of its parts, or the row adds up without it.
   */
  private hasSubtotalColumn(i: number, values: readonly number[]): boolean {
    this.subtotalColumn ??= this.tableHasSubtotalColumn();
    if (this.subtotalColumn) return true;
    const subtotal = this.template.subtotal!;
    const numbers = values.map((t) => (this.stream.kind[t] === NUMBER ? this.stream.value[t] : NaN));
    if (numbers.some(Number.isNaN)) return false;
    const rules = rulesWithSubtotal(rowRules(this.template, i), subtotal);
    const own = rules[rules.length - 1];
    return rulesHold([own], (c) => numbers[c]) || rulesHold(rules.slice(0, -1), (c) => numbers[c]);
  }

  private tableHasSubtotalColumn(): boolean {
    const hits = this.hits;
    if (!hits) return false;
    const stream = this.stream;
    const firstRow = hits.row.findIndex((r) => r >= 0);
    for (let t = 0; t < hits.token[firstRow]; t++) if (stream.kind[t] === LABEL && labelAt(stream.source, stream.start[t], stream.end[t]).folded.text.includes('小计')) return true;
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
}

const NO_GROUPS: readonly CollapsedGroup[] = [];
const NO_TYPOS: readonly LabelTypo[] = [];
const NO_SUBTOTALS: readonly Subtotal[] = [];

/** The table in a section's tokens, its numbers kept in `arena`; null when no row of it is found. */
export function parseTable(stream: TokenStream, template: TableTemplate, sectionEnd: number, arena: GridArena): Table | null {
  const headerTypos: LabelTypo[] = [];
  const collapsed: CollapsedGroup[] = [];
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
      headerTypos.length ? headerTypos : NO_TYPOS,
      reader.subtotals.length ? reader.subtotals : NO_SUBTOTALS,
      tabbed,
      grid,
      stream.source,
    );

  if (template.unlabelled) {
    const reader = new RowReader(stream, template, grid, null);
    return parseUnlabelled(stream, template, reader, grid, sectionEnd) ? table(reader) : null;
  }

  const hits = findHits(stream, template, headerTypos);
  if (!hits.rows) return null;
  keepGluedNumbersInRows(stream, hits);
  const reader = new RowReader(stream, template, grid, hits);
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
          cells: values.slice(0, n).map((t, col) => cellOf(stream, t, template.rows[0].columns[col].kind)),
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
      const columns = template.rows[row].columns;
      for (let t = zone.from, col = 0; t < zone.to; t++) if (stream.kind[t] !== LABEL) writeSlot(grid, row * grid.stride + col, stream, t, columns[col++].kind);
    } else {
      let values = reader.withoutSubtotal(row, zone.tokens());
      if (values.length === 0 && pending.length >= n) values = pending;
      pending = values.length > n ? values.slice(n) : NO_TOKENS;
      if (values.length > n) values = values.slice(0, n);
      hasCells = reader.write(row, values, labelToken);
      found = values.length;
      first = found ? values[0] : -1;
      second = found > 1 ? values[1] : -1;
    }
    const layout = layoutOf(stream, labelToken, first, second, found);
    if (found) layouts.add(layout);
    const nextStart = h + 1 < hits.count ? stream.start[next] : sectionEnd;
    const zoneEnd = valueZoneEnd(stream, labelToken, first, h + 1 < hits.count ? stream.lineStart[stream.line[next]] : sectionEnd, nextStart);
    grid.setRow(row, stream.start[labelToken], stream.end[labelToken], hits.typo[h], stream.end[labelToken], zoneEnd, layout, found, hasCells);
  }
  // a row with no values at all is written the way the table's other rows are
  const dominant = layouts.dominant();
  if (dominant !== null) for (let h = 0; h < hits.count; h++) if (hits.row[h] >= 0 && grid.valuesFound(hits.row[h]) === 0) grid.setLayout(hits.row[h], dominant);
  return table(reader);
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

/** Table 四: fifteen values after the header, on lines that hold nothing else. Writes its one row; false when there is no header. */
function parseUnlabelled(stream: TokenStream, template: TableTemplate, reader: RowReader, grid: TableGrid, sectionEnd: number): boolean {
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
  const hasCells = reader.write(0, taken, -1);
  const zoneStart = taken.length ? stream.lineStart[stream.line[taken[0]]] : stream.end[headerToken];
  const zoneEnd = taken.length ? stream.lineEnd[stream.line[taken[taken.length - 1]]] : stream.end[headerToken];
  const label = taken.length ? { start: zoneStart, end: zoneEnd } : { start: stream.start[headerToken], end: stream.end[headerToken] };
  const layout = layoutOf(stream, -1, taken.length ? taken[0] : -1, taken.length > 1 ? taken[1] : -1, taken.length);
  grid.setRow(0, label.start, label.end, undefined, zoneStart, Math.min(zoneEnd, sectionEnd), layout, taken.length, hasCells);
  return true;
}
