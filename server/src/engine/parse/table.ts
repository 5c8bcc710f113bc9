// Matches a section's token stream against an official table: finds each row by its label (exactly,
// split across lines, or with a typo), then gives each row the values that follow it. Values that
// overflow one row wait for the next label that has none (PDF text often puts a row's numbers on the
// line before its wrapped label).
import type { Cell, CellLayout, CollapsedGroup, LabelTypo, Row, Span, Table } from '../model';
import type { GroupTemplate, RowTemplate, TableTemplate } from '../template/types';
import { findApprox, editDistance } from '../text/distance';
import { detached } from '../text/detach';
import { fold, sourceRange } from '../text/fold';
import type { Token, TokenStream } from './tokens';

/** longer label tokens are prose, not table labels */
const MAX_LABEL = 160;
/** how many rows ahead a split or misspelt label may be found */
const LOOKAHEAD = 3;
const MIN_SPLIT_PREFIX = 4;
const MAX_HEADER_CELL = 12;

interface RowHit {
  kind: 'row';
  template: RowTemplate;
  index: number;
  token: number;
  typoSpan?: Span;
}
interface GroupHit {
  kind: 'group';
  template: GroupTemplate;
  token: number;
}
type Hit = RowHit | GroupHit;

/**
 * A label wrapped onto the next line: the text ends with the start of the official label (at least
 * MIN_SPLIT_PREFIX characters of it, not all of it). The earliest such start is the longest prefix.
 */
function endsWithStartOf(text: string, core: string): boolean {
  const from = Math.max(0, text.length - (core.length - 1));
  for (let at = text.indexOf(core[0], from); at >= 0 && text.length - at >= MIN_SPLIT_PREFIX; at = text.indexOf(core[0], at + 1)) {
    if (core.startsWith(text.slice(at))) return true;
  }
  return false;
}

/** Characters of the pattern that do not occur in the text: a lower bound of the edit distance, found cheaply. */
function charsMissing(pattern: string, text: string): number {
  let missing = 0;
  for (const ch of pattern) if (!text.includes(ch)) missing++;
  return missing;
}

function matchRow(folded: ReturnType<typeof fold>, rows: readonly RowTemplate[], cursor: number): RowHit | null {
  const text = folded.text;
  for (let i = cursor; i < rows.length; i++) {
    if (rows[i].core && text.includes(rows[i].core)) return { kind: 'row', template: rows[i], index: i, token: -1 };
  }
  const end = Math.min(rows.length, cursor + LOOKAHEAD);
  for (let i = cursor; i < end; i++) {
    const row = rows[i];
    for (const alias of row.aliases ?? []) {
      const at = text.indexOf(alias);
      if (at >= 0) return { kind: 'row', template: row, index: i, token: -1, typoSpan: sourceRange(folded, at, at + alias.length) };
    }
    if (endsWithStartOf(text, row.core)) return { kind: 'row', template: row, index: i, token: -1 };
    const allowed = Math.floor(row.core.length / 4);
    if (row.core.length >= 6 && charsMissing(row.core, text) <= allowed) {
      const m = findApprox(row.core, text);
      if (m.distance > 0 && m.distance <= allowed && m.end > m.start) {
        return { kind: 'row', template: row, index: i, token: -1, typoSpan: sourceRange(folded, m.start, m.end) };
      }
    }
  }
  return null;
}

const foldedHeaders = new WeakMap<readonly string[], { official: string; folded: string }[]>();
function foldHeaders(headers: readonly string[]): { official: string; folded: string }[] {
  let folded = foldedHeaders.get(headers);
  if (!folded) foldedHeaders.set(headers, (folded = headers.map((official) => ({ official, folded: fold(official).text }))));
  return folded;
}

function headerTypo(token: Token, folded: string, headers: readonly string[]): LabelTypo | null {
  if (folded.length < 4) return null;
  let best: { official: string; distance: number } | null = null;
  for (const { official, folded: f } of foldHeaders(headers)) {
    if (f === folded) return null;
    const allowed = Math.max(1, Math.floor(f.length / 6));
    if (Math.abs(f.length - folded.length) > 1 || f.length < 4 || charsMissing(f, folded) > allowed) continue;
    const d = editDistance(f, folded);
    if (d <= allowed && (!best || d < best.distance)) best = { official, distance: d };
  }
  return best ? { span: { start: token.start, end: token.end }, written: token.text, official: best.official } : null;
}

/**
 * Label tokens repeat from report to report (they are the official labels), so their folding is kept. The
 * folded offsets are relative to the token, so an entry serves every place the same text occurs.
 */
const FOLD_CACHE_LIMIT = 20000;
const foldCache = new Map<string, ReturnType<typeof fold>>();
function foldLabel(text: string): ReturnType<typeof fold> {
  let folded = foldCache.get(text);
  if (!folded) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(detached(text), (folded = fold(text)));
  }
  return folded;
}

function findHits(stream: TokenStream, template: TableTemplate, headerTypos: LabelTypo[]): Hit[] {
  const hits: Hit[] = [];
  let cursor = 0;
  stream.tokens.forEach((token, t) => {
    if (token.kind !== 'label' || token.text.length > MAX_LABEL) return;
    const folded = foldLabel(token.text);
    if (!folded.text) return;
    const hit = matchRow(folded, template.rows, cursor);
    if (hit) {
      hit.token = t;
      if (hit.typoSpan) hit.typoSpan = { start: token.start + hit.typoSpan.start, end: token.start + hit.typoSpan.end };
      hits.push(hit);
      cursor = hit.index + 1;
      return;
    }
    const group = template.groups.find((g) => folded.text.includes(g.core));
    if (group) {
      hits.push({ kind: 'group', template: group, token: t });
      return;
    }
    const typo = headerTypo(token, folded.text, template.headers);
    if (typo) headerTypos.push(typo);
  });
  return hits;
}

const isValueToken = (t: Token): boolean => t.kind !== 'label';

function cellOf(token: Token): Cell {
  const span = { start: token.start, end: token.end };
  if (token.kind === 'number') return { state: 'value', value: token.value!, raw: token.text, span };
  if (token.kind === 'blank') return { state: 'blank', value: null, raw: token.text, span, marker: token.text };
  return { state: 'invalid', value: null, raw: token.text, span };
}

const blankAt = (span: Span, raw = ''): Cell => ({ state: 'blank', value: null, raw, span });

/**
 * Where the layout says which cells are blank: a tab-separated run of exactly n fields, or n non-empty
 * lines of which some hold only spaces. Returns null when it cannot say.
 */
function positionalCells(stream: TokenStream, values: Token[], labelToken: Token | null, n: number, source: string): Cell[] | null {
  const firstLine = values[0].lineNo;
  const lastLine = values[values.length - 1].lineNo;
  const lines = stream.lines;
  if (lines[firstLine].tabbed && firstLine === lastLine) {
    const line = lines[firstLine];
    let fields = line.fields.map((f, fieldNo) => ({ f, fieldNo }));
    if (labelToken && labelToken.lineNo === firstLine) fields = fields.filter((x) => x.fieldNo > labelToken.fieldNo);
    const tokenInField = (fieldNo: number): Token | undefined => values.find((v) => v.fieldNo === fieldNo);
    // fields holding label text (a wrapped label's tail) are not cells
    fields = fields.filter((x) => x.f.kind !== 'content' || tokenInField(x.fieldNo));
    const candidates = [fields];
    let end = fields.length;
    while (end > 0 && fields[end - 1].f.kind !== 'content') end--;
    candidates.push(fields.slice(0, end));
    let start = 0;
    while (start < end && fields[start].f.kind !== 'content') start++;
    candidates.push(fields.slice(start, end));
    for (const c of candidates) {
      if (c.length !== n) continue;
      return c.map(({ f, fieldNo }) => {
        const tok = tokenInField(fieldNo);
        return tok ? cellOf(tok) : blankAt({ start: f.start, end: f.end }, source.slice(f.start, f.end));
      });
    }
    return null;
  }
  // one cell per line: value lines plus lines of spaces between the first and the last slot
  const from = labelToken ? labelToken.lineNo + (labelToken.lineNo === firstLine ? 0 : 1) : firstLine;
  const slots: Cell[] = [];
  for (let l = from; l < lines.length && l <= lastLine + n; l++) {
    const line = lines[l];
    const lineTokens = stream.tokens.slice(line.firstToken, line.endToken);
    if (lineTokens.some((t) => t.kind === 'label')) {
      if (l > lastLine) break;
      if (l !== labelToken?.lineNo) return null;
    }
    const lineValues = lineTokens.filter(isValueToken);
    if (lineValues.length > 1 && l !== labelToken?.lineNo) return null;
    if (lineValues.length) slots.push(...lineValues.map(cellOf));
    else if (line.line.text.length > 0 && l !== labelToken?.lineNo) {
      const text = line.line.text;
      const lead = text.length - text.trimStart().length;
      slots.push(blankAt({ start: line.line.start + lead, end: line.line.end }, text));
    } else if (l > lastLine) break;
  }
  return slots.length === n ? slots : null;
}

function layoutOf(stream: TokenStream, labelToken: Token | null, values: Token[]): CellLayout {
  if (!values.length) return 'lines';
  if (labelToken && values[0].lineNo === labelToken.lineNo) return stream.lines[labelToken.lineNo].tabbed ? 'tabs' : 'inline';
  if (values.length > 1 && values[0].lineNo === values[1].lineNo) return stream.lines[values[0].lineNo].tabbed ? 'tabs' : 'inline';
  if (values.length > 1) {
    const gap = stream.lines[values[1].lineNo].line.index - stream.lines[values[0].lineNo].line.index;
    if (gap > 1) return 'spaced-lines';
  }
  return 'lines';
}

function dominantLayout(layouts: CellLayout[]): CellLayout | null {
  const counts = new Map<CellLayout, number>();
  for (const l of layouts) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** A 法人或其他组织 subtotal column: accepted when it is the sum of its five parts. */
function dropSubtotal(values: Token[], n: number): Token[] {
  if (n !== 7 || values.length !== 8 || values.some((v) => v.kind !== 'number')) return values;
  const v = values.map((t) => t.value!);
  const parts = v[2] + v[3] + v[4] + v[5] + v[6];
  return Math.abs(v[1] - parts) < 1e-9 ? [values[0], ...values.slice(2)] : values;
}

export function parseTable(stream: TokenStream, template: TableTemplate, source: string, sectionEnd: number): Table | null {
  const headerTypos: LabelTypo[] = [];
  const rows = new Map<string, Row>();
  const collapsed: CollapsedGroup[] = [];
  const tokens = stream.tokens;
  const tabbed = stream.lines.some((l) => l.tabbed && l.fields.length > 2);
  const lineStartOfToken = (t: number): number => stream.lines[tokens[t].lineNo].line.start;

  if (template.unlabelled) {
    const row = parseUnlabelled(stream, template, source, sectionEnd);
    if (!row) return null;
    rows.set(row.template.key, row);
    return { id: template.id, template, span: spanOfStream(stream, sectionEnd), rows, collapsed, headerTypos, tabbed };
  }

  const hits = findHits(stream, template, headerTypos);
  if (!hits.some((h) => h.kind === 'row')) return null;
  const matchedKeys = new Set(hits.filter((h): h is RowHit => h.kind === 'row').map((h) => h.template.key));
  let pending: Token[] = [];
  hits.forEach((hit, h) => {
    const next = h + 1 < hits.length ? hits[h + 1].token : tokens.length;
    const zone = tokens.slice(hit.token + 1, next).filter(isValueToken);
    const labelToken = tokens[hit.token];
    const zoneEnd = h + 1 < hits.length ? lineStartOfToken(hits[h + 1].token) : sectionEnd;
    if (hit.kind === 'group') {
      const n = template.rows[0].columns.length;
      const isCollapsed = hit.template.members.length > 1 && !hit.template.members.some((m) => matchedKeys.has(m));
      if (isCollapsed && zone.length >= n) {
        collapsed.push({
          key: hit.template.key,
          label: hit.template.label,
          labelSpan: { start: labelToken.start, end: labelToken.end },
          members: hit.template.members,
          cells: zone.slice(0, n).map(cellOf),
        });
        pending = zone.slice(n);
      } else {
        pending = pending.concat(zone);
      }
      return;
    }
    const n = hit.template.columns.length;
    let values = dropSubtotal(zone, n);
    if (values.length === 0 && pending.length >= n) values = pending;
    pending = values.length > n ? values.slice(n) : [];
    values = values.slice(0, n);
    const cells =
      values.length === n
        ? values.map(cellOf)
        : values.length > 0
          ? positionalCells(stream, values, labelToken, n, source)
          : null;
    rows.set(hit.template.key, {
      template: hit.template,
      labelSpan: { start: labelToken.start, end: labelToken.end },
      labelText: labelToken.text,
      typoSpan: hit.typoSpan,
      cells,
      valuesFound: values.length,
      valueZone: valueZoneOf(stream, labelToken, values, zoneEnd, source),
      layout: layoutOf(stream, labelToken, values),
    });
  });
  // a row with no values at all is written the way the table's other rows are
  const dominant = dominantLayout([...rows.values()].filter((r) => r.valuesFound > 0).map((r) => r.layout));
  for (const [key, row] of rows) if (row.valuesFound === 0 && dominant) rows.set(key, { ...row, layout: dominant });
  return { id: template.id, template, span: spanOfStream(stream, sectionEnd), rows, collapsed, headerTypos, tabbed };
}

function valueZoneOf(stream: TokenStream, label: Token, values: Token[], zoneEnd: number, source: string): Span {
  const labelLine = stream.lines[label.lineNo].line;
  const onLabelLine = values.length === 0 ? stream.lines[label.lineNo].tabbed : values[0].lineNo === label.lineNo;
  if (onLabelLine) return { start: label.end, end: labelLine.end };
  // up to the line break before the next row, so the rewrite keeps the next row's line intact
  let end = zoneEnd;
  if (end > label.end && source[end - 1] === '\n') end--;
  if (end > label.end && source[end - 1] === '\r') end--;
  return { start: label.end, end: Math.max(label.end, end) };
}

function spanOfStream(stream: TokenStream, sectionEnd: number): Span {
  const first = stream.lines[0];
  return { start: first ? first.line.start : sectionEnd, end: sectionEnd };
}

/** Table 四: fifteen values after the header, on lines that hold nothing else. */
function parseUnlabelled(stream: TokenStream, template: TableTemplate, source: string, sectionEnd: number): Row | null {
  const rowTemplate = template.rows[0];
  const n = rowTemplate.columns.length;
  const values: Token[] = [];
  let headerToken: Token | null = null;
  let started = false;
  for (const line of stream.lines) {
    const lineTokens = stream.tokens.slice(line.firstToken, line.endToken);
    const hasLabel = lineTokens.some((t) => t.kind === 'label');
    if (hasLabel) {
      if (started) break;
      const last = [...lineTokens].reverse().find((t) => t.kind === 'label')!;
      const folded = fold(last.text).text;
      // header cells are short; a sentence that mentions 行政复议 is not the table's header
      if (folded.length <= MAX_HEADER_CELL && foldHeaders(template.headers).some((h) => folded.includes(h.folded))) headerToken = last;
      continue;
    }
    if (!headerToken) continue;
    const lineValues = lineTokens.filter(isValueToken);
    if (lineValues.length) {
      started = true;
      values.push(...lineValues);
    }
    if (values.length >= n) break;
  }
  if (!headerToken) return null;
  const taken = values.slice(0, n);
  const cells = taken.length === n ? taken.map(cellOf) : taken.length ? positionalCells(stream, taken, null, n, source) : null;
  const zoneStart = taken.length ? stream.lines[taken[0].lineNo].line.start : headerToken.end;
  const zoneEnd = taken.length ? stream.lines[taken[taken.length - 1].lineNo].line.end : headerToken.end;
  return {
    template: rowTemplate,
    labelSpan: taken.length ? { start: zoneStart, end: zoneEnd } : { start: headerToken.start, end: headerToken.end },
    labelText: '',
    cells,
    valuesFound: taken.length,
    valueZone: { start: zoneStart, end: Math.min(zoneEnd, sectionEnd) },
    layout: layoutOf(stream, null, taken),
  };
}
