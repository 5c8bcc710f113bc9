// Running headers and footers: page numbers (`- 3 -`, `第 3 页`, `3/12`) in the top or bottom margin, and lines
// that recur at the same place on most pages (the report's title printed above every page). They are not part
// of the report; left in, a `- 3 -` lands between two rows of table 三.
import type { Box } from './pdf-geometry';

export interface PlacedLine {
  readonly text: string;
  readonly box: Box;
}

export interface PageLines {
  readonly height: number;
  readonly lines: readonly PlacedLine[];
}

/** Share of the page height, from the top and from the bottom, where running lines stand. */
const MARGIN_BAND = 0.12;
/** How far (points) a running line may move between pages. */
const SAME_PLACE = 3;

const PAGE_NUMBER = [
  /^[-—–－‐\s]*\d{1,4}[-—–－‐\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(page\s*)?\d{1,4}(\s*of\s*\d{1,4})?$/i,
];

export const isPageNumber = (text: string): boolean => PAGE_NUMBER.some((p) => p.test(text.trim()));

const inMargin = (box: Box, height: number): boolean => box[1] >= height * (1 - MARGIN_BAND) || box[3] <= height * MARGIN_BAND;

// a page number or date inside a header changes from page to page; the rest of it does not
const shape = (text: string): string => text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#');

/** For each page, the indexes of its running lines. */
export function runningLines(pages: readonly PageLines[]): Set<number>[] {
  const candidates = pages.map((page) => page.lines.map((line, k) => [line, k] as const).filter(([line]) => inMargin(line.box, page.height)));
  const recurs = (line: PlacedLine, page: number): boolean => {
    if (pages.length < 2) return false;
    const key = shape(line.text);
    const on = candidates.filter((others, p) => p === page || others.some(([o]) => shape(o.text) === key && Math.abs(o.box[1] - line.box[1]) <= SAME_PLACE)).length;
    return on >= 2 && on * 2 >= pages.length;
  };
  return candidates.map((lines, p) => new Set(lines.filter(([line]) => isPageNumber(line.text) || recurs(line, p)).map(([, k]) => k)));
}
