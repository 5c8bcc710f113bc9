// Prose as paragraphs for reading. Text taken from a PDF breaks every line where the page did ("…依法" / "公开…")
// and keeps the page footers ("- 4 -"); drawn line by line, a report becomes a column of fragments many pages
// long. Reflowed, a line is joined to the next when it runs to the full width of the page's lines and does not end
// a sentence, and the next line starts no heading or item of its own (blank lines between such lines are
// skipped: some PDF text is double-spaced); footers are dropped. Only the drawing
// changes, never the text. Text without such breaks (one paragraph per line, as web pages give it) is left as it is:
// its short lines are not full, and its long ones end their sentences.

export interface Paragraph {
  /** the offset of its first character */
  readonly start: number;
  readonly text: string;
}

interface Line {
  readonly start: number;
  readonly text: string;
}

/** The lines of `text` (LF, CRLF or CR), trimmed, each with the offset of its first character after `base`. */
function linesOf(text: string, base: number): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const add = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    lines.push({ start: base + start + lead, text: raw.trim() });
  };
  for (const lineBreak of text.matchAll(/\r\n|\r|\n/g)) {
    add(lineBreak.index);
    start = lineBreak.index + lineBreak[0].length;
  }
  add(text.length);
  return lines;
}

/** Each non-blank line its own paragraph (the editor's preview, where a click goes to the line). */
export function lineParagraphs(text: string, base: number): Paragraph[] {
  return linesOf(text, base).filter((l) => l.text);
}

/** A page footer or number: `- 4 -`, `—4—`, `第 4 页`, `第4页 共12页`. */
const PAGE_FOOTER = /^(?:[-－—–]\s*[\d０-９]{1,4}\s*[-－—–]|第\s*[\d０-９]{1,4}\s*页(?:\s*[/／，,]?\s*共\s*[\d０-９]{1,4}\s*页)?)$/;
/** What a paragraph may end with: 。！？； and a closing quote or bracket after them (a colon may run on: “如下：” is followed by its items, which open lines of their own). */
const ENDS_PARAGRAPH = /[。！？；!?;][”’」』）)】]*$/;
/** A line that opens something of its own: a heading, a numbered item, 一是…, 第一，… */
const OPENS_ITEM = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，,、])/;

/** How wide a line is drawn: a CJK or full-width character is two columns, anything else one. */
function widthOf(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

/** Lines this narrow are labels, numbers or cells, never a page's full width. */
const SHORT = 16;
/** A full line may fall short of the page's width by this much (a wider character, punctuation pushed over). */
const SLACK = 0.12;
/** Too few lines to tell a margin from chance. */
const MIN_LINES = 6;
/** The share of the lines that end at the margin in text a page broke (PDF text: most; web text: few). */
const AT_MARGIN = 0.4;

export class Reflow {
  /** the width of a full line of the document's prose; Infinity when it has no run of full lines */
  private readonly fullWidth: number;

  /** `sample`: the document's text (its tables included: their short lines do not count) */
  constructor(sample: string) {
    const widths = linesOf(sample, 0)
      .filter((l) => !l.text.includes('\t'))
      .map((l) => widthOf(l.text))
      .filter((w) => w >= SHORT)
      .sort((a, b) => a - b);
    // where a page broke the lines, most of them end at its margin: the upper quarter is that width, and many
    // lines lie close to it; lines of every length (a paragraph per line) have no margin to join at
    const margin = widths[Math.floor(widths.length * 0.75)];
    const atMargin = widths.filter((w) => Math.abs(w - margin) <= margin * SLACK).length;
    this.fullWidth = widths.length >= MIN_LINES && atMargin >= widths.length * AT_MARGIN ? margin : Infinity;
  }

  /** A line that runs to the margin without ending its sentence: the page broke it, the next line goes on. */
  private runsOn(line: string): boolean {
    return widthOf(line) >= this.fullWidth * (1 - SLACK) && !ENDS_PARAGRAPH.test(line);
  }

  /** The prose of `text` (at offset `base`) as paragraphs: broken lines joined, page footers dropped. */
  paragraphs(text: string, base: number): Paragraph[] {
    const paragraphs: Paragraph[] = [];
    let open: { start: number; text: string; last: string } | null = null;
    const close = (): void => {
      if (open) paragraphs.push({ start: open.start, text: open.text });
      open = null;
    };
    for (const line of linesOf(text, base)) {
      if (PAGE_FOOTER.test(line.text)) continue;
      if (!line.text) {
        // a blank line ends a paragraph, but not one the page broke (some PDF text is double-spaced)
        if (open && !this.runsOn(open.last)) close();
        continue;
      }
      if (open && this.runsOn(open.last) && !OPENS_ITEM.test(line.text)) {
        open.text += joiner(open.text, line.text) + line.text;
        open.last = line.text;
        continue;
      }
      close();
      open = { start: line.start, text: line.text, last: line.text };
    }
    close();
    return paragraphs;
  }
}

/** Nothing between Chinese characters; a space between two Latin letters or digits, as the break stood for one. */
function joiner(before: string, after: string): string {
  return /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? ' ' : '';
}
