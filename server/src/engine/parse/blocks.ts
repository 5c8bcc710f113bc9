// Finds the reports in a document (each starts at a title) and the six sections of each (each starts
// at a heading recognised by its title, not by its numeral alone).
import { SECTIONS } from '../template/sections';
import type { SectionTemplate } from '../template/types';
import { fold } from '../text/fold';
import { isSpace } from '../text/chars';
import type { Line, LineBounds } from '../text/lines';

/** A report title, in folded text (see text/fold): what makes a line a title, and a .txt file a report. */
export const TITLE = /(\d{4})年度?政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)/;
const MAX_TITLE = 80;
const MAX_HEADING = 40;
const HEADING_START = /^[\s\u3000\uFEFF]*([一二三四五六])[\s\u3000]*[、.,，．。][\s\u3000]*/;

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

const isNumeral = (code: number): boolean => NUMERAL_CODES.has(code);
const NUMERAL_CODES = new Set([...'一二三四五六'].map((c) => c.charCodeAt(0)));

/** Line i of the bounds, as an object with its text (made only for the lines that are looked at closely). */
export function lineAt(text: string, lines: LineBounds, i: number): Line {
  return { index: i, start: lines.starts[i], end: lines.ends[i], text: text.slice(lines.starts[i], lines.ends[i]) };
}

/** Line i as a title, or null. `hasBao`: whether the line holds 报, which every title does (found by the caller in one search). */
export function readTitle(text: string, lines: LineBounds, i: number, hasBao: boolean): TitleLine | null {
  // cheap rejections first: this runs on every line of the document
  if (!hasBao || lines.ends[i] - lines.starts[i] > MAX_TITLE * 2) return null;
  const line = lineAt(text, lines, i);
  const raw = line.text;
  if (raw.includes('《') || raw.includes('。')) return null;
  const folded = fold(raw).text;
  if (folded.length > MAX_TITLE) return null;
  const m = TITLE.exec(folded);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const width = raw.normalize('NFKC');
  const yearAt = width.indexOf(m[1]);
  let agency = (yearAt > 0 ? width.slice(0, yearAt) : '').replace(/^.*[:：]/, '').trim();
  let agencyLine: Line | null = null;
  if (!agency) {
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const prev = lineAt(text, lines, k);
      const trimmed = prev.text.trim();
      if (!trimmed) continue;
      if (trimmed.length <= 40 && !/[。，,：:\d]/.test(trimmed)) {
        agency = trimmed;
        agencyLine = prev;
      }
      break;
    }
  }
  return { line, year, agency, agencyLine };
}

export function readHeading(text: string, lines: LineBounds, i: number): HeadingLine | null {
  // a heading starts with its numeral, after spaces
  let at = lines.starts[i];
  while (at < lines.ends[i] && isSpace(text.charCodeAt(at))) at++;
  if (at === lines.ends[i] || !isNumeral(text.charCodeAt(at))) return null;
  const line = lineAt(text, lines, i);
  const m = HEADING_START.exec(line.text);
  if (!m) return null;
  const folded = fold(line.text.slice(m[0].length)).text;
  if (!folded || folded.length > MAX_HEADING) return null;
  const section = SECTIONS.find((s) => s.keys.some((k) => folded.includes(k)));
  return section ? { line, section, numeral: m[1] } : null;
}

/** Whether each line holds 报, for readTitle: one forward search through the text instead of one per line. */
export class BaoFinder {
  private next: number;
  constructor(private readonly text: string, from: number) {
    this.next = text.indexOf('报', from);
  }

  /** Lines must be asked about in order. */
  inLine(start: number, end: number): boolean {
    if (this.next >= 0 && this.next < start) this.next = this.text.indexOf('报', start);
    return this.next >= 0 && this.next < end;
  }
}
