// What a label token matches in a table template: a row (exactly, split across lines, or with a typo), a
// group heading, or a misspelt column header. Label texts repeat from report to report (they are the
// official labels), so each text is folded and matched once per template and the answers are kept.
import type { Span } from '../model';
import type { GroupTemplate, RowTemplate, TableTemplate } from '../template/types';
import { BoundedCache } from '../text/bounded-cache';
import { detached } from '../text/detach';
import { editDistance, findApprox } from '../text/distance';
import { fold, foldText, sourceRange, type Folded } from '../text/fold';

/** longer label tokens are prose, not table labels */
export const MAX_LABEL = 160;
/** how many rows ahead a split or misspelt label may be found */
const LOOKAHEAD = 3;
const MIN_SPLIT_PREFIX = 4;
/** table 四's header cells are short; a sentence that mentions 行政复议 is not the table's header */
const MAX_HEADER_CELL = 12;

/** A misspelt column header: the official words, and where the label misspells them (relative to the token's start). */
export interface HeaderTypo {
  readonly official: string;
  readonly typo: Span;
}

export interface RowMatch {
  readonly index: number;
  /** where the official label was found only approximately, relative to the token's start */
  readonly typo?: Span;
  /** where the text ends with the label's start only (a label wrapped onto the next line, or cut short), relative to the token's start */
  readonly start?: Span;
  /** then, the label's folded words after that start, which a wrapped label has on a later line */
  readonly rest?: string;
}

interface TemplateAnswers {
  /** rows whose folded label the text contains, in template order */
  exact: RowMatch[] | undefined;
  /** the approximate match among the LOOKAHEAD rows from a cursor, by cursor */
  readonly near: (RowMatch | null | undefined)[];
  group: GroupTemplate | null | undefined;
  header: HeaderTypo | null | undefined;
  isHeader: boolean | undefined;
  endsWithHeaderRun: boolean | undefined;
}

export class LabelInfo {
  private readonly answers = new Map<TableTemplate, TemplateAnswers>();

  constructor(
    readonly text: string,
    readonly folded: Folded,
  ) {}

  /** Whether source[start, end) is this label's text. */
  isText(source: string, start: number, end: number): boolean {
    return end - start === this.text.length && source.startsWith(this.text, start);
  }

  /** The first row at or after `cursor` that this label is, exactly, or approximately among the next few rows. */
  row(template: TableTemplate, cursor: number): RowMatch | null {
    const answers = this.answersFor(template);
    const exact = (answers.exact ??= exactRows(this.folded, template.rows));
    for (const match of exact) if (match.index >= cursor) return match;
    if (answers.near[cursor] === undefined) answers.near[cursor] = nearRow(this.folded, template.rows, cursor);
    return answers.near[cursor]!;
  }

  /** The group heading (（三）不予公开 …) this label holds, if any. */
  group(template: TableTemplate): GroupTemplate | null {
    const answers = this.answersFor(template);
    if (answers.group === undefined) answers.group = template.groups.find((g) => this.folded.text.includes(g.core)) ?? null;
    return answers.group;
  }

  /**
   * The official column header this label misspells, if any (an exact header is no typo): the whole label, or one
   * cell of a header whose cells ran together (`信息内容本年制发件数本年废纸件数现行有效件数`), maybe run on into
   * the first row's label (`…现行有效件数规章`).
   */
  headerTypo(template: TableTemplate): HeaderTypo | null {
    const answers = this.answersFor(template);
    if (answers.header === undefined) {
      const whole = misspeltHeader(this.folded.text, template.headers);
      answers.header = whole ? { official: whole, typo: { start: 0, end: this.text.length } } : misspeltInHeaderRun(this.folded, template);
    }
    return answers.header;
  }

  /** The label is one of the table's short header cells (table 四, whose values follow its header). */
  isHeader(template: TableTemplate): boolean {
    const answers = this.answersFor(template);
    if (answers.isHeader === undefined) {
      const text = this.folded.text;
      answers.isHeader = text.length <= MAX_HEADER_CELL && foldedHeaders(template.headers).some((h) => text.includes(h.folded));
    }
    return answers.isHeader;
  }

  /**
   * The label ends with several of the table's header cells run together (`…结果维持结果纠正其他结果尚未审结总计`):
   * table 四's header with its spaces lost, which its values follow on the same line.
   */
  endsWithHeaderRun(template: TableTemplate): boolean {
    const answers = this.answersFor(template);
    answers.endsWithHeaderRun ??= headerCellsAtEnd(this.folded.text, template.headers) >= MIN_HEADER_RUN;
    return answers.endsWithHeaderRun;
  }

  private answersFor(template: TableTemplate): TemplateAnswers {
    let answers = this.answers.get(template);
    if (!answers) {
      answers = { exact: undefined, near: [], group: undefined, header: undefined, isHeader: undefined, endsWithHeaderRun: undefined };
      this.answers.set(template, answers);
    }
    return answers;
  }
}

/**
 * entries by a hash of their text, so that a label is found without cutting it out of the source; distinct label
 * texts kept: real reports use a few hundred, edits in progress make many more, briefly
 */
const cache = new BoundedCache<number, LabelInfo[]>(2000);
/** labels of one hash kept at most (texts that differ only inside share their hash) */
const MAX_BUCKET = 8;
/** how many characters at each end of a label its hash takes (the bucket is then told apart by comparing) */
const HASHED_ENDS = 4;

/** The label source[start, end): its folding and matches (folded offsets are relative to the label, so one entry serves every place it occurs). */
export function labelAt(source: string, start: number, end: number): LabelInfo {
  let hash = Math.imul(0x811c9dc5 ^ (end - start), 0x01000193);
  for (let i = start; i < end && i < start + HASHED_ENDS; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
  for (let i = Math.max(start + HASHED_ENDS, end - HASHED_ENDS); i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
  const bucket = cache.get(hash);
  if (bucket) for (const info of bucket) if (info.isText(source, start, end)) return info;
  const text = detached(source.slice(start, end));
  const info = new LabelInfo(text, fold(text));
  if (bucket && bucket.length < MAX_BUCKET) bucket.push(info);
  else cache.set(hash, [info]);
  return info;
}

function exactRows(folded: Folded, rows: readonly RowTemplate[]): RowMatch[] {
  const found: RowMatch[] = [];
  rows.forEach((row, index) => {
    const at = row.core ? folded.text.indexOf(row.core) : -1;
    if (at >= 0) found.push({ index, typo: extraLastChar(folded, row.core, at) });
  });
  return found;
}

/** characters a count's unit is written with, which may follow a label (`申请数量件`) and are no typo of it */
const UNIT_CHARS = /[件个项次条人元万]/;

/**
 * Where the label is a long row label with one ideograph typed after it, at its end (`4.保护第三方合法权益利`): a
 * typo like a character added inside it, which the label holding the official words would let pass. Only at the
 * label's end, only one character, and not a unit (`…申请数量件`): text that goes on after the words (a note, a
 * wrapped line, a prose sentence) is no typo.
 */
function extraLastChar(folded: Folded, core: string, at: number): Span | undefined {
  const end = at + core.length;
  if (core.length < MIN_LONG_CORE || end + 1 !== folded.text.length) return undefined;
  const extra = folded.text[end];
  if (!IDEOGRAPH.test(extra) || UNIT_CHARS.test(extra) || folded.starts[end] !== folded.ends[end - 1]) return undefined;
  return sourceRange(folded, at, end + 1);
}

const IDEOGRAPH = /^\p{Script=Han}$/u;

/**
 * A label wrapped onto the next line: the text ends with the start of the official label (at least
 * MIN_SPLIT_PREFIX characters of it, not all of it). The earliest such start is the longest prefix; where it
 * starts, -1 for none.
 */
function endsWithStartOf(text: string, core: string): number {
  const from = Math.max(0, text.length - (core.length - 1));
  for (let at = text.indexOf(core[0], from); at >= 0 && text.length - at >= MIN_SPLIT_PREFIX; at = text.indexOf(core[0], at + 1)) {
    if (core.startsWith(text.slice(at))) return at;
  }
  return -1;
}

/** Characters of the pattern that do not occur in the text: a lower bound of the edit distance, found cheaply. */
function charsMissing(pattern: string, text: string): number {
  let missing = 0;
  for (const ch of pattern) if (!text.includes(ch)) missing++;
  return missing;
}

/**
 * Where an approximate match of a label ends: a last character mistyped reads as well as one left out (`合法权利`
 * for 合法权益: 利 left over, or 利 for 益), and where the label's text ends with that one ideograph, right after
 * the match in the source too, it is taken in, so that a fix replaces it rather than writing the label before it.
 */
function mistypedLastEnd(folded: Folded, core: string, m: { start: number; end: number; distance: number }): number {
  const { text } = folded;
  const next = m.end;
  if (next + 1 !== text.length || folded.starts[next] !== folded.ends[next - 1]) return m.end;
  const code = text.charCodeAt(next);
  if (code < 0x4e00 || code > 0x9fff) return m.end;
  return editDistance(core, text.slice(m.start, next + 1)) === m.distance ? next + 1 : m.end;
}

function nearRow(folded: Folded, rows: readonly RowTemplate[], cursor: number): RowMatch | null {
  const text = folded.text;
  const end = Math.min(rows.length, cursor + LOOKAHEAD);
  for (let i = cursor; i < end; i++) {
    const row = rows[i];
    for (const alias of row.aliases ?? []) {
      const at = text.indexOf(alias);
      // the typo is the words after the numbering a short label is found by (`3.其它`: 其它), which the fix replaces
      if (at >= 0) return { index: i, typo: sourceRange(folded, at + numberingLength(alias), at + alias.length) };
    }
    const start = endsWithStartOf(text, row.core);
    if (start >= 0) {
      const cut = shortOfMoreThanNote(text.slice(start), row);
      return { index: i, start: cut ? sourceRange(folded, start + numberingLength(row.core), text.length) : undefined, rest: row.core.slice(text.length - start) };
    }
    const allowed = typoEdits(row.core);
    if (row.core.length >= MIN_LONG_CORE && charsMissing(row.core, text) <= allowed) {
      const m = findApprox(row.core, text);
      if (m.distance > 0 && m.distance <= allowed && m.end > m.start) return { index: i, typo: sourceRange(folded, m.start, mistypedLastEnd(folded, row.core, m)) };
    } else if (row.core.length >= MIN_SHORT_CORE && row.core.length < MIN_LONG_CORE) {
      const at = shortLabelOneOff(text, row.core);
      if (at >= 0) return { index: i, typo: sourceRange(folded, at + numberingLength(row.core), text.length) };
    }
  }
  return null;
}

const NUMBERING = /^[0-9一二三四五六七八九]+/;

/** a label's bracketed note (`（区分处理的，只计这一情形，不计其他情形）`), which a label written short leaves out */
const NOTE = /[（(].*$/;
/** a label's numbering as written (`（二）`, `4.`, `一、`) */
export const WRITTEN_NUMBERING = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])\s*/;
const NUMBERING_AT = new RegExp(WRITTEN_NUMBERING.source.slice(1), 'y');

/** The numbering written at text[at] (WRITTEN_NUMBERING wherever it stands), if any. */
export function numberingAt(text: string, at: number): string | undefined {
  NUMBERING_AT.lastIndex = at;
  return NUMBERING_AT.exec(text)?.[0];
}

/**
 * Whether the start of a label that a text ends with (folded) is the label cut short, if nothing follows it on
 * its line: not where it is the whole label but for its bracketed note (`（二）部分公开`).
 */
function shortOfMoreThanNote(written: string, row: RowTemplate): boolean {
  const proper = foldText(row.label.replace(WRITTEN_NUMBERING, '').replace(NOTE, ''));
  return !written.endsWith(proper);
}

/** The length of the numbering a folded label starts with (`3其他`, `七总计`), 0 for none. */
const numberingLength = (label: string): number => NUMBERING.exec(label)?.[0].length ?? 0;

/** a short label (`重复申请`, `行政许可`, `七总计`) is found with one character mistyped only from this long on */
const MIN_SHORT_CORE = 3;

/** a row label is found with characters mistyped anywhere in it from this long on (its folded core); a shorter one is short */
const MIN_LONG_CORE = 6;

/** The characters a row label's typo may change, by its folded core: one in four, one for a short label. */
export const typoEdits = (core: string): number => (core.length >= MIN_LONG_CORE ? Math.floor(core.length / 4) : 1);

/**
 * Where a short label with one character mistyped starts in the text (`2重复申清`, `七总记`), -1 if it is not that: a
 * short label is the whole of its text but for its number, so only text exactly as long with one character changed
 * is taken, never text in which a short word merely occurs.
 */
function shortLabelOneOff(text: string, core: string): number {
  const bare = text.replace(NUMBERING, '');
  const at = bare.length === core.length ? text.length - bare.length : text.length === core.length ? 0 : -1;
  if (at < 0) return -1;
  // a label found by its number (`3其他`, `七总计`) has that number as written: `5其他` is a value run into a header
  const numbering = numberingLength(core);
  if (text.slice(at, at + numbering) !== core.slice(0, numbering)) return -1;
  let differ = 0;
  for (let k = 0; k < core.length && differ < 2; k++) if (text[at + k] !== core[k]) differ++;
  return differ === 1 ? at : -1;
}

const headerFolds = new WeakMap<readonly string[], { official: string; folded: string }[]>();
/** A table's header cells, official and folded, in the template's order (made once per header list). */
export function foldedHeaders(headers: readonly string[]): { official: string; folded: string }[] {
  let folded = headerFolds.get(headers);
  if (!folded) headerFolds.set(headers, (folded = headers.map((official) => ({ official, folded: fold(official).text }))));
  return folded;
}

/** header cells a run must hold: one or two are a sentence that names them (`行政复议结果纠正…`) */
const MIN_HEADER_RUN = 3;

/** How many header cells the folded text ends with, read back to front (the longest cell first where several fit). */
function headerCellsAtEnd(folded: string, headers: readonly string[]): number {
  const cells = foldedHeaders(headers)
    .map((h) => h.folded)
    .sort((a, b) => b.length - a.length);
  // a note of the values' unit after the header (`…复议后起诉 单位：件`) is no header cell, and ends none
  let end = folded.length - (UNIT_NOTE.exec(folded)?.[0].length ?? 0);
  let count = 0;
  for (let cell = cells.find((c) => folded.endsWith(c, end)); cell; cell = cells.find((c) => folded.endsWith(c, end))) {
    end -= cell.length;
    count++;
  }
  return count;
}

/** a note of the unit a table's values are counted in, folded (`单位：件`, `（单位：件）`, `单位:万元`) */
const UNIT_NOTE = /[(（]?单位[:：]?[件个项次条人元万]{1,2}[)）]?$/;

/** header cells a run-together header must hold to be read as one, so that a sentence is not taken for it */
const MIN_RUN_CELLS = 3;
/** a run-together header longer than this is prose (table 四's whole header is about 60 characters) */
const MAX_RUN = 80;

/**
 * One misspelt cell in a header whose cells ran together, every other cell the official words exactly: the label
 * is cut into header cells front to back, taking an exact cell where one fits and else one misspelt cell (the
 * window of each header's length, one longer or shorter, within its allowed distance); the run may end in a row's
 * label. Nothing when the label is not wholly header cells (and that row), when it has fewer than MIN_RUN_CELLS,
 * or when more than one cell is misspelt.
 */
function misspeltInHeaderRun(folded: Folded, template: TableTemplate): HeaderTypo | null {
  const text = folded.text;
  const cells = foldedHeaders(template.headers).filter((h) => h.folded.length >= 2);
  if (text.length > MAX_RUN || text.length <= Math.max(...cells.map((h) => h.folded.length)) + 1) return null;
  // all cells but one are exact: most labels are let go here, before any distance is worked out
  if (cells.filter((h) => text.includes(h.folded)).length < MIN_RUN_CELLS - 1) return null;
  type Cover = { readonly cells: number; readonly typo: { at: number; length: number; official: string } | null };
  const END: Cover = { cells: 0, typo: null };
  // where the run may end: the label's end, or the start of a row's label it runs on into
  const ends = new Set([text.length, ...template.rows.filter((r) => r.core && text.endsWith(r.core)).map((r) => text.length - r.core.length)]);
  // cover[i]: the cells from i to an end with the fewest misspelt (at most one), or null where none reaches an end
  const cover: (Cover | null)[] = new Array(text.length + 1).fill(null);
  const rest = (at: number): Cover | null => cover[at] ?? (ends.has(at) ? END : null);
  for (let i = text.length - 1; i >= 0; i--) {
    let best: Cover | null = null;
    for (const h of cells) {
      const after = text.startsWith(h.folded, i) ? rest(i + h.folded.length) : null;
      if (after && (!best || (best.typo && !after.typo))) best = { cells: after.cells + 1, typo: after.typo };
    }
    // a misspelt cell that two headers are each as near to (`第二十条第（甲）项`: （一）项? （五）项?) is no typo of either
    let misspelt: Cover | null = null;
    const officials = new Set<string>();
    for (const h of best ? [] : cells) {
      if (h.folded.length < 4) continue;
      const allowed = Math.max(1, Math.floor(h.folded.length / 6));
      for (let length = h.folded.length - 1; length <= h.folded.length + 1 && i + length <= text.length; length++) {
        const after = rest(i + length);
        const window = text.slice(i, i + length);
        if (!after || after.typo || window === h.folded || charsMissing(h.folded, window) > allowed || editDistance(h.folded, window) > allowed) continue;
        officials.add(h.official);
        misspelt ??= { cells: after.cells + 1, typo: { at: i, length, official: h.official } };
        break;
      }
    }
    cover[i] = best ?? (officials.size === 1 ? misspelt : null);
  }
  const whole = cover[0];
  if (!whole?.typo || whole.cells < MIN_RUN_CELLS) return null;
  return { official: whole.typo.official, typo: sourceRange(folded, whole.typo.at, whole.typo.at + whole.typo.length) };
}

/** The header a label misspells: the nearest, if no other is as near (`第二十条第（甲）项` is as near to （一）项 as to （五）项). */
function misspeltHeader(folded: string, headers: readonly string[]): string | null {
  if (folded.length < 4) return null;
  let best: { official: string; distance: number; tied: boolean } | null = null;
  for (const { official, folded: f } of foldedHeaders(headers)) {
    if (f === folded) return null;
    const allowed = Math.max(1, Math.floor(f.length / 6));
    if (Math.abs(f.length - folded.length) > 1 || f.length < 4 || charsMissing(f, folded) > allowed) continue;
    const d = editDistance(f, folded);
    if (d > allowed) continue;
    if (!best || d < best.distance) best = { official, distance: d, tied: false };
    else if (d === best.distance && official !== best.official) best.tied = true;
  }
  return best && !best.tied ? best.official : null;
}
