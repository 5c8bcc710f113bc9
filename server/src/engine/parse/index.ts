// Text → reports → sections → tables.
import { GridArena, gridRoom } from '../grid';
import { ReportSource, type ParsedDocument, type Report, type Section, type Table } from '../model';
import { lookupOf } from '../template/lookup';
import { TEMPLATES, TRIAL_MARKERS } from '../template/tables';
import type { TableId, TemplateId } from '../template/types';
import { lineEndAt, lineStartAt, previousLineEnd } from '../text/lines';
import { isSpace } from '../text/chars';
import { isNavigationText } from './furniture';
import { NextChar } from '../text/next-char';
import { HeadingReader, midLineTitles, readTitle, runOnTitle, withoutMarkup, type Heading, type TitleLine } from './blocks';
export { AGENCY_LOOKBACK } from './blocks';
import { NextMatch } from '../text/next-match';
import { foldText } from '../text/fold';
import { maskMarkup } from '../text/markup';
import { labelAt, MAX_LABEL } from './labels';
import { parseTable } from './table';
import { LABEL, PAGE_FOOTER, tokenize, TokenStream } from './tokens';

const LINE_BREAK_CHARS = '\n\r';
/** a line longer than this may hold a report's title mid-line (a crawled page's text runs on from one report into the next) */
const MAX_RUN_ON = 160;

interface ReportDraft {
  title: TitleLine | null;
  start: number;
  headings: Heading[];
  /** the end of the report's last line */
  end: number;
}

/**
 * Where headings are looked for, in one pass: the line break before a line whose first character, after spaces and
 * markdown marks, is a section numeral; and a numeral's mark anywhere (一、 二 ．: a heading mid-line, where ASCII '.'
 * is 1.属于… or a decimal). The mark is matched before the numeral is looked behind for, so that only line breaks
 * and marks start a test.
 */
const HEADING_PLACES = /[\n\r](?=[^\S\n\r]*(?:[#*]+[^\S\n\r]*)?[一二三四五六])|[、．](?<=[一二三四五六][ \u3000]?[、．])/g;
const HEADING_PLACE = new RegExp(HEADING_PLACES.source);
const DIGITS = /[0-9０-９]/g;

/**
 * Whether the split into reports and sections never reads the line, whatever digits it holds: it holds no 报 and,
 * its digits taken out, no place a heading could stand (a digit before a numeral or between it and its mark only
 * keeps a heading from standing there). Such a line is read only as the agency of a title AGENCY_LOOKBACK lines
 * after it at most.
 */
export function outsideSplit(line: string): boolean {
  if (line.includes('报')) return false;
  return !HEADING_PLACE.test(`\n${line.replace(DIGITS, '')}`);
}

/**
 * The lines that may open a report or a section, in order: those starting with a numeral (after spaces), those
 * holding a numeral with its mark (a heading mid-line), and those holding 报 (every title does). Only these are
 * read; the rest of the text is searched, not walked.
 */
class CandidateLines {
  /** the current line, and whether it holds 报 */
  start = 0;
  end = 0;
  hasBao = false;
  private readonly bao: NextChar;
  /** shared with the heading reader, which asks about the current line's marks before this looks past the line */
  readonly places: NextMatch;
  private placeLine: number;
  /** the next 报 and its line's start, kept while lines before it are read (its line may be long) */
  private baoAt = -1;
  private baoLine = Infinity;
  private following: number;

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.bao = new NextChar(text, '报', from);
    this.places = new NextMatch(text, HEADING_PLACES);
    // the first line is read whatever it holds
    this.placeLine = from < to ? from : Infinity;
    this.following = from;
  }

  /** Moves to the next candidate line; false when there is none. */
  next(): boolean {
    if (this.following > this.to || (this.following === this.to && this.following !== this.from)) return false;
    // from the line break that ended the line last read
    if (this.placeLine < this.following) this.placeLine = this.nextPlaceLine(this.following - 1);
    const baoAt = this.bao.from(this.following);
    if (baoAt !== this.baoAt) {
      this.baoAt = baoAt;
      this.baoLine = baoAt < this.to ? lineStartAt(this.text, baoAt, this.from) : Infinity;
    }
    const start = Math.min(this.placeLine, this.baoLine);
    if (start === Infinity) return false;
    this.start = start;
    this.end = lineEndAt(this.text, start, this.to);
    this.hasBao = baoAt < this.end;
    this.following = this.end + 1;
    return true;
  }

  /** The start of the line of the first place at or after `after`. */
  private nextPlaceLine(after: number): number {
    const at = this.places.from(after);
    if (at >= this.to) return Infinity;
    const code = this.text.charCodeAt(at);
    // a line break before a line that opens with a numeral (CRLF matches at its LF)
    return code === 10 || code === 13 ? at + 1 : lineStartAt(this.text, at, this.from);
  }
}

/** Whether a title met inside a report names an agency or year of its own (on its line or the line before), not the report's. */
function namesAnother(title: TitleLine, report: TitleLine | null): boolean {
  if (!title.agency) return false;
  return !report || title.agency !== report.agency || title.year !== report.year;
}

/**
 * Whether a title met inside `report` starts the next report, as the first heading after it says: the sections
 * start again. A title that names another agency (or year) starts one where the heading does not go on with the
 * report's sections (its number is not past the last one's: a report of a compilation may lack its 一); one that
 * names none of its own (`2024年政府信息公开工作年度报告`), or the report's own title again, may be a PDF's running
 * page header, and starts one only where the heading is 一. A running header whose line before is taken for its
 * agency (any short line of a table, 行政许可) names another, but the report's sections go on after it, as after
 * every title the report's sections go on after (one quoted on a line of 五 or 六): text.
 */
function startsNext(title: TitleLine, report: ReportDraft, heading: Heading): boolean {
  const number = heading.section.number;
  return number === 1 || (namesAnother(title, report.title) && number <= report.headings[report.headings.length - 1].section.number);
}

/**
 * Whether a heading is an item of the section it stands in, not a section: its numeral is not its words' section's
 * (一、存在的主要问题 or 二、改进情况 inside 五), and that section is not past the report's last one. A heading so
 * misnumbered still opens its section where the report goes on to it (五、其他需要报告的事项 after 四), and one
 * numbered as its words say is a section wherever it stands (a section written twice is a duplicate).
 */
function subItem(heading: Heading, report: ReportDraft): boolean {
  const last = report.headings[report.headings.length - 1];
  return last !== undefined && heading.numeral !== heading.section.numeral && heading.section.number <= last.section.number;
}

/** a contents' leader and page number after an entry (……1, \t2, ' 3'), or a line of them */
const LEADERS = /^[\s.…·•．_\-—–⋯]*(?:第?\s*[0-9０-９]+\s*页?)?\s*$/;
/** a contents' entry of its own (（一）主动公开情况……2): a short line ending in a leader and a page number */
const CONTENTS_ENTRY = /^.{1,40}?(?:[.…·．⋯]{2,}|\t)\s*[0-9０-９]+\s*$/;

/**
 * Whether text[from, to) holds nothing but page furniture: page footers (`- 5 -`), a page's buttons and links
 * (附件下载), title lines (a running header), and, with `contents`, a table of contents' leaders, page numbers and
 * entries (……3, （一）主动公开情况……2).
 */
export function onlyFurniture(text: string, from: number, to: number, contents: boolean): boolean {
  for (let i = from; i < to; i++) {
    if (isSpace(text.charCodeAt(i))) continue;
    const end = lineEndAt(text, i, to);
    const line = text.slice(i, end);
    const furniture =
      (contents && (LEADERS.test(line) || CONTENTS_ENTRY.test(line))) ||
      PAGE_FOOTER.test(line) ||
      isNavigationText(line) ||
      readTitle(text, i, end, line.includes('报'), i) !== null;
    if (!furniture) return false;
    i = end;
  }
  return true;
}

/**
 * Whether the report's headings so far are a table of contents, as `heading` (a section again, not past the last)
 * says: two or more headings in order with no text after any of them but leaders, page numbers and page
 * furniture (一、总体情况……1 / 二、主动公开政府信息情况 2, or the six headings listed alone).
 */
function afterContents(text: string, report: ReportDraft, heading: Heading): boolean {
  const listed = report.headings;
  if (listed.length < 2 || heading.section.number > listed[listed.length - 1].section.number) return false;
  return listed.every((h, k) => {
    const next = listed[k + 1] ?? heading;
    return (k === listed.length - 1 || h.section.number < next.section.number) && onlyFurniture(text, h.end, next.start, true);
  });
}

/**
 * The title as it opens the report after `report`: a line before it that holds one of the report's headings
 * (`微山县西平镇一、总体情况人民政府`) is no agency line of its own, so that no two reports start on one line.
 */
function opening(title: TitleLine, report: ReportDraft): TitleLine {
  if (!title.agencyLine || title.agencyLine.start > report.headings[report.headings.length - 1].start) return title;
  return { ...title, agency: '', agencyLine: null, start: title.line.start };
}

/**
 * The reports of text[from, to): each starts at a title, or at the first heading of a text with none. Inside a
 * report, a title is held until the next heading says whether it starts the next report (startsNext); a title
 * followed by no heading before the next title, or the text's end, starts none. The choice rests on the report's
 * title and headings, the title line and the text after it, so that a run of reports parsed on its own (see
 * incremental.ts) is read as in the whole document.
 */
function splitReports(text: string, from: number, to: number): ReportDraft[] {
  const drafts: ReportDraft[] = [];
  let current: ReportDraft | null = null;
  /** a title inside the report, until the next heading says whether it starts the next report */
  let pending: TitleLine | null = null;
  const open = (title: TitleLine | null, start: number): ReportDraft => {
    // a report that starts mid-line (a crawled page's compilation on one line) ends the one before right there
    if (current) current.end = start > from && !LINE_BREAK_CHARS.includes(text[start - 1]) ? start : previousLineEnd(text, start);
    const draft: ReportDraft = { title, start, headings: [], end: to };
    drafts.push(draft);
    return draft;
  };
  const lines = new CandidateLines(text, from, to);
  const headings = new HeadingReader(text, lines.places);
  /** the headings in text[at, end) of the line starting at `start` */
  const readHeadings = (start: number, at: number, end: number): void => {
    for (const heading of headings.inLine(at, end)) {
      if (current && subItem(heading, current)) continue;
      if (current && afterContents(text, current, heading)) {
        // the contents are skipped: the report's sections start here, and a title between (a running header) is one
        // before any section
        current.headings.length = 0;
        if (pending && (pending.agency || !current.title?.agency)) current.title = pending;
        pending = null;
      }
      if (pending && current && startsNext(pending, current, heading)) {
        const title = opening(pending, current);
        current = open(title, title.start);
      }
      pending = null;
      current ??= open(null, start);
      current.headings.push(heading);
    }
  };
  while (lines.next()) {
    const { start, end, hasBao } = lines;
    const read = readTitle(text, start, end, hasBao, from);
    // or the title a crawled page on one line opens with, the report's text running on after it on the line
    const runOn = read || !hasBao ? null : runOnTitle(text, start, end, from);
    const title = read ?? runOn;
    if (title) {
      pending = null;
      if (!current) current = open(title, title.start);
      else if (current.headings.length > 0) pending = title;
      // a second title line before any section (a metadata line, a page header): the later one is the
      // title, unless it lacks the agency the first one names
      else if (title.agency || !current.title?.agency) current.title = title;
      if (!runOn) continue;
    }
    let at = runOn ? runOn.line.end : start;
    // a title further on a line the reports run on (a crawled compilation on one line) waits, as one on a line of
    // its own, for the next heading to say whether it starts the next report
    for (const later of hasBao && end - at > MAX_RUN_ON ? midLineTitles(text, at, end) : []) {
      readHeadings(start, at, later.line.start);
      if (current && current.headings.length > 0) pending = later;
      at = later.line.end;
    }
    readHeadings(start, at, end);
  }
  return drafts;
}

/**
 * The folded label text of a section, for the template's marker words: each run of labels with no value
 * between them as one string (a marker may be wrapped over labels, never broken by a number).
 */
function foldedLabelRuns(stream: TokenStream): string[] {
  const runs: string[] = [];
  let run = '';
  for (let t = 0; t <= stream.tokenCount; t++) {
    if (t < stream.tokenCount && stream.kind[t] === LABEL) {
      run += stream.end[t] - stream.start[t] > MAX_LABEL ? foldText(stream.text(t)) : labelAt(stream.source, stream.start[t], stream.end[t]).folded.text;
    } else if (run) {
      runs.push(run);
      run = '';
    }
  }
  return runs;
}

const MARKERS_2021 = /本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额/;

function chooseTemplate(sectionTwo: TokenStream | null, year: number | null): { id: TemplateId; reason: 'tables' | 'year' } {
  if (sectionTwo !== null) {
    const runs = foldedLabelRuns(sectionTwo);
    if (runs.some((run) => TRIAL_MARKERS.some((m) => run.includes(m)))) return { id: '2019', reason: 'tables' };
    if (runs.some((run) => MARKERS_2021.test(run))) return { id: '2021', reason: 'tables' };
  }
  return { id: year !== null && year <= 2020 ? '2019' : '2021', reason: 'year' };
}

/** Where a section's text starts after a heading ending at `end`: the next line, or right there when the heading stands mid-line. */
function bodyStart(text: string, end: number): number {
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return text[end] === '\n' || text[end] === '\r' ? end + 1 : end;
}

const LINE_BREAK = /\r\n|\r|\n/;

const TABLE_SECTIONS = [[2, '二'], [3, '三'], [4, '四']] as const;

function buildReport(text: string, draft: ReportDraft, arena: GridArena, streams: readonly TokenStream[]): Report {
  const end = draft.end;
  const sections: Section[] = draft.headings.map((h, k) => {
    const next = draft.headings[k + 1];
    return {
      number: h.section.number,
      headingSpan: { start: h.start, end: h.end },
      headingText: withoutMarkup(h.text),
      body: { start: h.end, end: next ? next.start : end },
      ...(h.typo && { titleTypo: h.typo }),
    };
  });
  // each table section's text: after its heading (on its line, when the heading stands mid-line), up to the next
  // heading (or the report's end)
  const tokens = new Map<number, TokenStream>();
  for (const section of sections) {
    if (section.number < 2 || section.number > 4 || tokens.has(section.number)) continue;
    tokens.set(section.number, tokenize(text, bodyStart(text, section.body.start), section.body.end, streams[section.number - 2]));
  }
  const year = draft.title?.year ?? null;
  const { id, reason } = chooseTemplate(tokens.get(2) ?? null, year);
  const template = TEMPLATES[id];
  const tables: Partial<Record<TableId, Table>> = {};
  for (const [number, tableId] of TABLE_SECTIONS) {
    const stream = tokens.get(number);
    const section = sections.find((s) => s.number === number);
    if (!stream || !section) continue;
    const table = parseTable(stream, template.tables[tableId], section.body.end, arena);
    if (table) tables[tableId] = table;
  }
  const title = draft.title;
  return {
    // a title over two lines (agency, or wrapped mid-title) read as one, each line without its markup
    title: title ? [title.agencyLine?.text ?? '', title.line.text].flatMap((t) => t.split(LINE_BREAK)).map(withoutMarkup).join('') : '',
    agency: title?.agency ?? '',
    year,
    span: { start: draft.start, end },
    titleSpan: title ? { start: title.line.start, end: title.line.end } : null,
    sections,
    tables,
    templateId: id,
    template,
    templateReason: reason,
    source: new ReportSource(text, draft.start),
  };
}

/** The document read: its text with any HTML markup masked (see maskMarkup), which is what the checks read. */
export function parseDocument(text: string): ParsedDocument {
  const read = maskMarkup(text);
  return { text: read, reports: parseRange(read, 0, read.length) };
}

/** What the tables of one report take from a grid arena, at most: all the tables of the largest template. */
const REPORT_ROOM = Object.values(TEMPLATES)
  .map((template) =>
    Object.values(template.tables).reduce(
      (room, table) => {
        const grid = gridRoom(table.rows.length, lookupOf(table).stride);
        return { ints: room.ints + grid.ints, values: room.values + grid.values };
      },
      { ints: 0, values: 0 },
    ),
  )
  .reduce((a, b) => ({ ints: Math.max(a.ints, b.ints), values: Math.max(a.values, b.values) }));

/** The reports that start in text[from, to), read as if the text held nothing else; `from` must be a line start. */
export function parseRange(text: string, from: number, to: number): Report[] {
  const arena = new GridArena(to - from, REPORT_ROOM);
  // one stream per table section, reused report after report
  const streams = [new TokenStream(), new TokenStream(), new TokenStream()];
  return splitReports(text, from, to).map((d) => buildReport(text, d, arena, streams));
}
