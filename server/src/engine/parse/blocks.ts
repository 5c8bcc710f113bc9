// Finds the reports in a document (each starts at a title) and the six sections of each (each starts
// at a heading recognised by its title, wherever it stands: a crawled page puts the whole report on one line).
import type { Span } from '../model';
import { NUMERALS, SECTIONS } from '../template/sections';
import type { SectionTemplate } from '../template/types';
import { BoundedCache } from '../text/bounded-cache';
import { detached } from '../text/detach';
import { fold, foldText } from '../text/fold';
import { isSpace } from '../text/chars';
import { lineStartAt, previousLineEnd, type Line } from '../text/lines';
import { headerBlockAround, isBreadcrumb, metadataLine } from './furniture';
import type { NextMatch } from '../text/next-match';
import { readSectionTitle } from './section-title';

/**
 * A report title, in folded text (see text/fold): what makes a line a title, and a .txt file a report. Its year in
 * digits or in Chinese numerals (二〇二四年).
 */
export const TITLE = /([0-9〇零一二三四五六七八九]{4})年度?政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)/;
const DIGIT_NUMERALS = '〇一二三四五六七八九';

/** A title's year, from its digits or its Chinese numerals (〇 or 零 for zero). */
function titleYear(written: string): number {
  let year = 0;
  for (const ch of written) year = year * 10 + (ch >= '0' && ch <= '9' ? Number(ch) : ch === '零' ? 0 : DIGIT_NUMERALS.indexOf(ch));
  return year;
}
const MAX_TITLE = 80;
const MAX_HEADING = 40;
/** markdown's marks before a title or heading, as OCR tools write them: `# …报告`, `## 一、总体情况`, `**一、总体情况**` */
const MARKUP_START = /^[\s\u3000\uFEFF]*(?:#{1,6}|\*\*)?[\s\u3000]*/;
const MARKS_AROUND = /^(?:#{1,6}|\*\*)\s*|\s*(?:\*\*|#+)$/g;
const HEADING_START = new RegExp(`${MARKUP_START.source}([一二三四五六])[\\s\\u3000]*[、.,，．。][\\s\\u3000]*`);

export interface TitleLine {
  /** the title: its line, or the value of a header block's 标题: line */
  readonly line: Line;
  readonly year: number;
  readonly agency: string;
  /** the line holding the agency, when the title is split over two lines */
  readonly agencyLine: Line | null;
  /** where a report it opens starts: its header block's first line, its agency line, or its own line */
  readonly start: number;
}

export interface Heading {
  /** from its numeral (or the start of the line it opens) to its title's end, or to the line's end when nothing follows the title */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly section: SectionTemplate;
  readonly numeral: string;
  /** the title written with a typo of the official one */
  readonly typo: { readonly span: Span; readonly official: string } | null;
}

const NUMERAL_CODES = new Set([...'一二三四五六'].map((c) => c.charCodeAt(0)));

const lineOf = (text: string, start: number, end: number): Line => ({ start, end, text: text.slice(start, end) });

const HASH = 0x23;
const ASTERISK = 0x2a;
const isMark = (code: number): boolean => code === HASH || code === ASTERISK;

/** A title's or heading's text as shown: without the spaces and markdown marks around it. */
export function withoutMarkup(text: string): string {
  const trimmed = text.trim();
  // most lines have no marks: the regex (which tries every position for its end) only for those that do
  if (!isMark(trimmed.charCodeAt(0)) && !isMark(trimmed.charCodeAt(trimmed.length - 1))) return trimmed;
  return trimmed.replace(MARKS_AROUND, '').trim();
}

/** How many lines before a title with no agency its agency is looked for (blank lines count). */
export const AGENCY_LOOKBACK = 3;

/** The line before the one starting at `start`, when it starts at or after `from`. */
function lineBefore(text: string, start: number, from: number): Line | null {
  if (start <= from) return null;
  const end = Math.max(from, previousLineEnd(text, start));
  return lineOf(text, lineStartAt(text, end, from), end);
}

/**
 * The line text[start, end) as a title, or null. `hasBao`: whether it holds 报, which every title does (the
 * caller finds it in one search); `from`: where the text read starts, for the agency on the line before and the
 * start of a title wrapped onto this line.
 */
export function readTitle(text: string, start: number, end: number, hasBao: boolean, from: number): TitleLine | null {
  // cheap rejections first: this runs on every line of the document
  if (!hasBao || end - start > MAX_TITLE * 2) return null;
  const whole = text.slice(start, end);
  if (notTitles.has(whole)) return null;
  // a header block's line is a title only as its 标题: (本地目录: zwgk/…_XX局2024年…报告 is none)
  const metadata = metadataLine(text, start, end);
  const line = metadata ? lineOf(text, metadata.valueStart, metadata.valueEnd) : { start, end, text: whole };
  const raw = line.text;
  const folded = foldText(raw, MAX_TITLE);
  const titled = (!metadata || metadata.kind === 'title') && !raw.includes('《') && !raw.includes('。') && !isBreadcrumb(raw);
  const m = !titled || folded.length > MAX_TITLE ? null : TITLE.exec(folded);
  if (!m) {
    const wrapped = titled && !metadata ? wrappedTitle(text, line, folded, from) : null;
    // lines with 报 that are no title repeat from report to report (六、其他需要报告的事项); a title's last words
    // may be a title or not, as the line before says
    if (!wrapped && !mayEndTitle(folded)) notTitles.set(detached(whole), true);
    return wrapped;
  }
  const year = titleYear(m[1]);
  if (year < 2000 || year > 2100) return null;
  const agency = agencyBeforeYear(raw, m[1]);
  if (metadata) {
    // the title and the agency come from the header block, which the report starts with
    const block = headerBlockAround(text, start, end, from);
    return { line, year, agency: agency || block.publisher, agencyLine: null, start: block.start };
  }
  // a heading, not words of a sentence or of another document's name (关于做好2024年…报告编制工作的通知)
  if (!nameOfAgency(agency) || !TITLE_AFTER.test(raw.slice(titleEnd(raw, m)))) return null;
  return withAgency(text, line, year, agency, from);
}

/** a section heading's numeral and mark, which the text a title runs on into holds (…报告根据…。一、总体情况…) */
const SECTION_MARK = /[一二三四五六][ \u3000]?[、．]/g;

/**
 * The title that opens a line the whole report runs on, as a crawled page with no header block gives it
 * (`XX局2024年政府信息公开工作年度报告根据…。一、总体情况…`), or null: an agency's name (or none), the year and the
 * title's words at the line's start, and a section heading further on; the title's line ends with its words, where
 * the report's text begins.
 */
export function runOnTitle(text: string, start: number, end: number, from: number): TitleLine | null {
  if (end - start <= MAX_TITLE) return null;
  const folded = fold(text, start, Math.min(end, start + MAX_TITLE * 2));
  const m = TITLE.exec(folded.text);
  if (!m || m.index > MAX_AGENCY) return null;
  const line = lineOf(text, start, folded.ends[m.index + m[0].length - 1]);
  const year = titleYear(m[1]);
  const agency = agencyBeforeYear(line.text, m[1]);
  if (year < 2000 || year > 2100 || line.text.includes('《') || line.text.includes('。') || isBreadcrumb(line.text) || !nameOfAgency(agency)) return null;
  // a section heading before the title's words (`发布时间：2025-01-15一、总体情况2024年…报告2024年，…`): the report
  // has begun, and the words are a running page header in its text, no title
  SECTION_MARK.lastIndex = start;
  for (let mark = SECTION_MARK.exec(text); mark && mark.index < line.end; mark = SECTION_MARK.exec(text)) {
    if (midLineHeading(text, mark.index, start, end)) return null;
  }
  SECTION_MARK.lastIndex = line.end;
  const heading = SECTION_MARK.exec(text);
  return heading && heading.index < end ? withAgency(text, line, year, agency, from) : null;
}

/** a title's year and words, as a crawled page writes them mid-line */
const MID_LINE_TITLE = /[0-9０-９]{4}[ \u3000]?年度?[ \u3000]?政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)/g;
/** what ends the text before a title mid-line: a sentence's end or a space */
const BEFORE_TITLE = /[。！!？?；;\s]/;
/** what makes a title mid-line a quotation (对照“XX县2024年…报告”), not a heading */
const QUOTING = /[“”"《》「」（）()：:，,、]/;

/**
 * The titles standing in text[from, to) after a sentence's end or a space, each with the agency's name before it
 * (`…信息处理费。示例市生态环境局2024年政府信息公开工作年度报告根据…`): where a crawled page runs one report on into
 * the next. Quoted titles and those inside a sentence (the words before them not an agency's name) are none.
 */
export function midLineTitles(text: string, from: number, to: number): TitleLine[] {
  const found: TitleLine[] = [];
  MID_LINE_TITLE.lastIndex = from;
  for (let m = MID_LINE_TITLE.exec(text); m && m.index < to; m = MID_LINE_TITLE.exec(text)) {
    let at = m.index;
    while (at > from && m.index - at < MAX_AGENCY && !BEFORE_TITLE.test(text[at - 1]) && !QUOTING.test(text[at - 1])) at--;
    if (at === m.index || (at > from && !BEFORE_TITLE.test(text[at - 1]))) continue;
    const line = lineOf(text, at, m.index + m[0].length);
    const agency = text.slice(at, m.index).normalize('NFKC').trim();
    const year = Number(foldText(m[0]).slice(0, 4));
    if (year < 2000 || year > 2100 || !nameOfAgency(agency)) continue;
    found.push({ line, year, agency, agencyLine: null, start: at });
  }
  return found;
}

/** The agency a title's text names before its year (after a `key:`), '' when none. */
function agencyBeforeYear(raw: string, year: string): string {
  const width = withoutMarkup(raw.normalize('NFKC'));
  const yearAt = width.indexOf(year);
  return (yearAt > 0 ? width.slice(0, yearAt) : '').replace(/^.*[:：]/, '').trim();
}

/** The title on `line`, its agency looked for on the lines before when the title names none. */
function withAgency(text: string, line: Line, year: number, named: string, from: number): TitleLine {
  const agencyLine = named ? null : agencyLineBefore(text, line.start, from);
  const agency = agencyLine ? withoutMarkup(agencyLine.text) : named;
  return { line, year, agency, agencyLine, start: (agencyLine ?? line).start };
}

/** The first line holding text among the AGENCY_LOOKBACK lines before the one starting at `start` (blank lines count). */
function textLineBefore(text: string, start: number, from: number): Line | null {
  let prev = lineBefore(text, start, from);
  for (let k = 0; prev && k < AGENCY_LOOKBACK; k++, prev = lineBefore(text, prev.start, from)) {
    if (withoutMarkup(prev.text)) return prev;
  }
  return null;
}

/** The line before the one starting at `start` that names the agency of an agency-less title, or null. */
function agencyLineBefore(text: string, start: number, from: number): Line | null {
  const prev = textLineBefore(text, start, from);
  return prev && isAgencyLine(withoutMarkup(prev.text)) ? prev : null;
}

/**
 * Whether the words before a title's year may be an agency's name: never a sentence's (为做好…工作，本机关编制2024年…,
 * with its punctuation) nor the start of a document's name that quotes the report's (关于做好2024年…).
 */
const nameOfAgency = (words: string): boolean => !/[。，,；;！!？?“”"《》]/.test(words) && !words.includes('关于');

/**
 * What may follow a title on its line: markup, a note in brackets (（全文）), or a separator and a site's name
 * (`- 示例县人民政府网`), not words that go on (…报告编制工作的通知, …报告已按时公开).
 */
const TITLE_AFTER = /^[\s\u3000*#]*(?:[（(【[〔][^）)】\]〕]{0,20}[）)】\]〕]|[-—–_|｜][^。，,；;]*)?[\s\u3000*#]*$/;

/** Where the title that `m` matched in `raw`'s folded text ends in `raw`. */
function titleEnd(raw: string, m: RegExpExecArray): number {
  return fold(raw).ends[m.index + m[0].length - 1];
}

/** the most folded characters of a title's last words wrapped onto a line of their own (工作年度报告) */
const MAX_TAIL = 12;
const TAIL_END = /(?:报告|年报)$/;
const mayEndTitle = (folded: string): boolean => folded.length <= MAX_TAIL && TAIL_END.test(folded);

/**
 * A title wrapped mid-title, as PDF text gives it (`XX县人民政府2024年政府信息公开` / `工作年度报告`): `line` holds
 * its last words and nothing after them, the line before its start with the year, and the two lines read as one
 * are a title. Its line spans both; its agency is the first line's, or on the lines before.
 */
function wrappedTitle(text: string, line: Line, folded: string, from: number): TitleLine | null {
  if (!mayEndTitle(folded)) return null;
  const head = textLineBefore(text, line.start, from);
  if (!head || head.text.includes('报') || head.text.includes('《') || head.text.includes('。') || isBreadcrumb(head.text)) return null;
  const first = foldText(head.text, MAX_TITLE);
  const joined = first + folded;
  const m = joined.length > MAX_TITLE ? null : TITLE.exec(joined);
  // the year on the first line, the title's last words ending the second
  if (!m || m.index + m[1].length >= first.length || m.index + m[0].length !== joined.length) return null;
  const year = titleYear(m[1]);
  const agency = agencyBeforeYear(head.text, m[1]);
  if (year < 2000 || year > 2100 || !nameOfAgency(agency)) return null;
  return withAgency(text, lineOf(text, head.start, line.end), year, agency, from);
}

/** `一、` `（三）`: a section heading or a table row label (三、本年度办理结果), never an agency's name */
const ENUMERATED = /^[（(]?[一二三四五六七八九十]+[）)、.．]/;
const MAX_AGENCY = 40;

/**
 * Whether the line before an agency-less title holds the agency: a short line, and no heading, table row label
 * or other title (whose digits may be full-width). A title after one of those names no agency.
 */
function isAgencyLine(trimmed: string): boolean {
  return trimmed.length <= MAX_AGENCY && !/[。，,：:\d]/.test(trimmed.normalize('NFKC')) && !ENUMERATED.test(trimmed);
}

/** lines read before that hold 报 and are no title */
const notTitles = new BoundedCache<string, true>(1000);
/** headings by their text, and lines that are none: both repeat from report to report of a compilation */
const headings = new BoundedCache<string, LineHeading | null>(1000);
/** lines longer than this, or with a digit (a table row with its values), are read but not kept: they are mostly unique */
const MAX_KEPT_LINE = 60;
const HAS_DIGIT = /\d/;

/** A heading that opens its line, as the line's start makes it; offsets relative to the line's start. */
interface LineHeading {
  readonly section: SectionTemplate;
  readonly numeral: string;
  /** where its title ends; -1 when the heading is the whole line */
  readonly end: number;
  readonly typo: { readonly start: number; readonly end: number; readonly official: string } | null;
}

/** Where the numeral opening the line text[start, end) stands, after spaces and markdown marks; -1: none. */
function openingNumeral(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  while (at < end && isMark(text.charCodeAt(at))) at++;
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  return at < end && NUMERAL_CODES.has(text.charCodeAt(at)) ? at : -1;
}

/** The heading that opens the line text[start, end) (which opens with a numeral), or null. */
function lineHeading(text: string, start: number, end: number): Heading | null {
  const line = lineOf(text, start, end);
  let found = headings.get(line.text);
  if (found === undefined) {
    found = headingOf(line.text);
    if (found || (line.text.length <= MAX_KEPT_LINE && !HAS_DIGIT.test(line.text))) {
      headings.set(detached(line.text), found);
    }
  }
  if (!found) return null;
  const headingEnd = found.end < 0 ? end : start + found.end;
  const typo = found.typo && { span: { start: start + found.typo.start, end: start + found.typo.end }, official: found.typo.official };
  return { start, end: headingEnd, text: text.slice(start, headingEnd), section: found.section, numeral: found.numeral, typo };
}

/** Whether text[from, to) holds only spaces and markdown marks. */
function onlyMarkup(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isSpace(code) && !isMark(code)) return false;
  }
  return true;
}

/** an enumerated item's numeral and mark (一、 十一． （三）is none) */
const NEXT_ITEM = /[一二三四五六七八九十][ \u3000]?[、．.]/g;

/**
 * A line opening with a numeral is a heading where a short line holds a section's key words (五、其他需要报告的
 * 事项 misnumbered too), or where the numeral's own section's title follows it, as mid-line (a long line, a
 * crawled page's paragraph); the title ends where the section's title reader says, the rest of the line being body.
 */
function headingOf(text: string): LineHeading | null {
  const m = HEADING_START.exec(text);
  if (!m) return null;
  const from = m[0].length;
  // up to the next enumerated item: 四、结转下年度继续办理 glued to 四、政府信息公开行政复议… is a row label
  NEXT_ITEM.lastIndex = from;
  const item = NEXT_ITEM.exec(text);
  const folded = foldText(text.slice(from, item ? item.index : text.length), MAX_HEADING);
  const keyed = folded && folded.length <= MAX_HEADING ? SECTIONS.find((s) => s.keys.some((k) => folded.includes(k))) : undefined;
  const section = keyed ?? SECTIONS[NUMERALS.indexOf(m[1])];
  const title = readSectionTitle(text, from, text.length, section);
  if (!keyed && !title) return null;
  const end = !title || onlyMarkup(text, title.end, text.length) ? -1 : title.end;
  const typo = title?.official ? { start: from, end: title.end, official: title.official } : null;
  return { section, numeral: m[1], end, typo };
}

/** before a heading's numeral mid-line, these make it part of a number or an item (第一、二季度, 十一、, （一）) */
const NOT_BEFORE = '第十百千万〇零两一二三四五六七八九（(';
const MARK_CHARS = '、．';
/** spaces allowed between a heading's mark and its title */
const MAX_TITLE_INDENT = 4;

/** The numeral that the mark at text[mark] follows, after at most one space. */
function numeralBefore(text: string, mark: number): number {
  return NUMERAL_CODES.has(text.charCodeAt(mark - 1)) ? mark - 1 : mark - 2;
}

/** The heading whose numeral is text[at], in the line text[lineStart, lineEnd), or null. */
function midLineHeading(text: string, at: number, lineStart: number, lineEnd: number): Heading | null {
  const numeral = text[at];
  const section = SECTIONS[NUMERALS.indexOf(numeral)];
  let from = at + 1;
  if (!MARK_CHARS.includes(text[from])) from++;
  from++;
  for (const stop = from + MAX_TITLE_INDENT; from < lineEnd && from < stop && isSpace(text.charCodeAt(from)); ) from++;
  const opensLine = onlyMarkup(text, lineStart, at);
  if (!opensLine && NOT_BEFORE.includes(text[at - 1])) return null;
  const title = readSectionTitle(text, from, lineEnd, section);
  if (!title) return null;
  const start = opensLine ? lineStart : at;
  const end = onlyMarkup(text, title.end, lineEnd) ? lineEnd : title.end;
  const typo = title.official ? { span: { start: from, end: title.end }, official: title.official } : null;
  return { start, end, text: text.slice(start, end), section, numeral, typo };
}

/**
 * The headings in a document's lines, read line after line in order: the one a line opens with (a heading line
 * as typed), then any standing mid-line (a crawled page's one long line), each known by its title.
 */
export class HeadingReader {
  /** `places`: where a numeral's mark stands (or a line break), asked about line after line in order */
  constructor(
    private readonly text: string,
    private readonly places: NextMatch,
  ) {}

  /** The headings in the line text[start, end), in order. */
  inLine(start: number, end: number): Heading[] {
    const found: Heading[] = [];
    // the numeral opening the line is read as the line's heading, or is none
    const opening = openingNumeral(this.text, start, end);
    const first = opening < 0 ? null : lineHeading(this.text, start, end);
    if (first) {
      found.push(first);
      if (first.end >= end) return found;
    }
    const after = first ? first.end : opening >= 0 ? opening + 1 : start;
    for (let mark = this.places.from(after); mark < end; mark = this.places.from(mark + 1)) {
      const at = numeralBefore(this.text, mark);
      if (at < after) continue;
      const heading = midLineHeading(this.text, at, start, end);
      if (!heading) continue;
      found.push(heading);
      if (heading.end >= end) break;
    }
    return found;
  }
}
