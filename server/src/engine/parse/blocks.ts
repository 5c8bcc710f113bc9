// Finds the reports in a document (each starts at a title) and the six sections of each (each starts
// at a heading recognised by its title, not by its numeral alone).
import { SECTIONS } from '../template/sections';
import type { SectionTemplate } from '../template/types';
import { detached } from '../text/detach';
import { foldText } from '../text/fold';
import { isSpace } from '../text/chars';
import { lineStartAt, previousLineEnd, type Line } from '../text/lines';

/** A report title, in folded text (see text/fold): what makes a line a title, and a .txt file a report. */
export const TITLE = /(\d{4})年度?政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)/;
const MAX_TITLE = 80;
const MAX_HEADING = 40;
/** markdown's marks before a title or heading, as OCR tools write them: `# …报告`, `## 一、总体情况`, `**一、总体情况**` */
const MARKUP_START = /^[\s\u3000\uFEFF]*(?:#{1,6}|\*\*)?[\s\u3000]*/;
const MARKS_AROUND = /^(?:#{1,6}|\*\*)\s*|\s*(?:\*\*|#+)$/g;
const HEADING_START = new RegExp(`${MARKUP_START.source}([一二三四五六])[\\s\\u3000]*[、.,，．。][\\s\\u3000]*`);

export interface TitleLine {
  readonly line: Line;
  readonly year: number;
  readonly agency: string;
  /** the line holding the agency, when the title is split over two lines */
  readonly agencyLine: Line | null;
}

export interface HeadingLine {
  readonly line: Line;
  readonly section: SectionTemplate;
  readonly numeral: string;
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

/** The line before the one starting at `start`, when it starts at or after `from`. */
function lineBefore(text: string, start: number, from: number): Line | null {
  if (start <= from) return null;
  const end = Math.max(from, previousLineEnd(text, start));
  return lineOf(text, lineStartAt(text, end, from), end);
}

/**
 * The line text[start, end) as a title, or null. `hasBao`: whether it holds 报, which every title does (the
 * caller finds it in one search); `from`: where the text read starts, for the agency on the line before.
 */
export function readTitle(text: string, start: number, end: number, hasBao: boolean, from: number): TitleLine | null {
  // cheap rejections first: this runs on every line of the document
  if (!hasBao || end - start > MAX_TITLE * 2) return null;
  const line = lineOf(text, start, end);
  const raw = line.text;
  if (raw.includes('《') || raw.includes('。') || notTitles.has(raw)) return null;
  const folded = foldText(raw, MAX_TITLE);
  const m = folded.length > MAX_TITLE ? null : TITLE.exec(folded);
  if (!m) {
    // lines with 报 that are no title repeat from report to report (六、其他需要报告的事项)
    if (notTitles.size >= CACHE_LIMIT) notTitles.clear();
    notTitles.add(detached(raw));
    return null;
  }
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const width = withoutMarkup(raw.normalize('NFKC'));
  const yearAt = width.indexOf(m[1]);
  let agency = (yearAt > 0 ? width.slice(0, yearAt) : '').replace(/^.*[:：]/, '').trim();
  let agencyLine: Line | null = null;
  if (!agency) {
    let prev = lineBefore(text, start, from);
    for (let k = 0; prev && k < 3; k++, prev = lineBefore(text, prev.start, from)) {
      const trimmed = withoutMarkup(prev.text);
      if (!trimmed) continue;
      if (isAgencyLine(trimmed)) {
        agency = trimmed;
        agencyLine = prev;
      }
      break;
    }
  }
  return { line, year, agency, agencyLine };
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

const CACHE_LIMIT = 1000;
/** lines read before that hold 报 and are no title */
const notTitles = new Set<string>();
/** headings by their text, and lines that are none: both repeat from report to report of a compilation */
const headings = new Map<string, { section: SectionTemplate; numeral: string } | null>();
/** lines longer than this, or with a digit (a table row with its values), are read but not kept: they are mostly unique */
const MAX_KEPT_LINE = 60;
const HAS_DIGIT = /\d/;

/** The line text[start, end) as a section heading, or null. */
export function readHeading(text: string, start: number, end: number): HeadingLine | null {
  // a heading starts with its numeral, after spaces and markdown marks
  let at = start;
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  while (at < end && isMark(text.charCodeAt(at))) at++;
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  if (at === end || !NUMERAL_CODES.has(text.charCodeAt(at))) return null;
  const line = lineOf(text, start, end);
  let found = headings.get(line.text);
  if (found === undefined) {
    found = headingOf(line.text);
    if (found || (line.text.length <= MAX_KEPT_LINE && !HAS_DIGIT.test(line.text))) {
      if (headings.size >= CACHE_LIMIT) headings.clear();
      headings.set(detached(line.text), found);
    }
  }
  return found && { line, ...found };
}

function headingOf(text: string): { section: SectionTemplate; numeral: string } | null {
  const m = HEADING_START.exec(text);
  if (!m) return null;
  const folded = foldText(text.slice(m[0].length), MAX_HEADING);
  if (!folded || folded.length > MAX_HEADING) return null;
  const section = SECTIONS.find((s) => s.keys.some((k) => folded.includes(k)));
  return section ? { section, numeral: m[1] } : null;
}
