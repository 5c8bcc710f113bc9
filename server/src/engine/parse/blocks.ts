// Finds the reports in a document (each starts at a title) and the six sections of each (each starts
// at a heading recognised by its title, not by its numeral alone).
import { SECTIONS } from '../template/sections';
import type { SectionTemplate } from '../template/types';
import { fold } from '../text/fold';
import type { Line } from '../text/lines';

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

export function readTitle(lines: readonly Line[], i: number): TitleLine | null {
  const line = lines[i];
  const raw = line.text;
  // cheap rejections first: this runs on every line of the document
  if (!raw.includes('报') || raw.length > MAX_TITLE * 2 || raw.includes('《') || raw.includes('。')) return null;
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
      const prev = lines[k].text.trim();
      if (!prev) continue;
      if (prev.length <= 40 && !/[。，,：:\d]/.test(prev)) {
        agency = prev;
        agencyLine = lines[k];
      }
      break;
    }
  }
  return { line, year, agency, agencyLine };
}

export function readHeading(line: Line): HeadingLine | null {
  const m = HEADING_START.exec(line.text);
  if (!m) return null;
  const folded = fold(line.text.slice(m[0].length)).text;
  if (!folded || folded.length > MAX_HEADING) return null;
  const section = SECTIONS.find((s) => s.keys.some((k) => folded.includes(k)));
  return section ? { line, section, numeral: m[1] } : null;
}
