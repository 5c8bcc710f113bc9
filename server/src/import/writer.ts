// Writes the canonical text (SPEC §5) that every reader produces, with the origin of each table row and cell:
// prose and headings one per line, a table row as one line with a tab between cells. The readers only say what
// they found; how it is spelled in the text is decided here, once.
import type { Span } from '../engine';
import type { LaidField } from './table-layout';
import type { Imported, Origin, OriginSpan, SourceFormat } from './types';

export interface CellOut {
  readonly text: string;
  readonly origin: Origin;
}

/** Spaces a page pads with (no-break and ideographic spaces included), trimmed from the ends of lines and cells. */
const PADDING = /^[\s\u00a0\u3000\ufeff\u200b]+|[\s\u00a0\u3000\ufeff\u200b]+$/g;
const RUN_OF_SPACES = /[ \u00a0]{2,}/g;

/** The same padding but for tabs, which at the ends of a tabbed row are its empty first or last cells. */
const PADDING_BUT_TABS = /^(?:(?!\t)[\s\u200b])+|(?:(?!\t)[\s\u200b])+$/g;

/**
 * A line of prose: padding trimmed, runs of spaces made one. Tabs are kept: a tabbed paragraph (a text file
 * opened in Word or LibreOffice, a table typed with tab stops) is a table row, and one whose text has a tab
 * between fields keeps the tabs at its ends too, the empty cells before its first value or after its last. A
 * line with tabs only at its ends (an indent, alignment) is trimmed of them.
 */
export const proseText = (s: string): string => {
  const trimmed = s.replace(PADDING, '');
  return (trimmed.includes('\t') ? s.replace(PADDING_BUT_TABS, '') : trimmed).replace(RUN_OF_SPACES, ' ');
};

/** Characters set solid, with no space between words: Chinese characters, CJK punctuation, full-width forms. */
export const WIDE = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const FULL_WIDTH_DIGIT = '０-９';
/** a cell's line breaks and tabs (with the spaces around them) between two wide characters, neither a digit */
const BREAK_IN_WORDS = new RegExp(`(?<=[${WIDE}])(?<![${FULL_WIDTH_DIGIT}])[ \\u00a0\\u3000]*[\\t\\r\\n\\f\\v]\\s*(?=[${WIDE}])(?![${FULL_WIDTH_DIGIT}])`, 'gu');

/**
 * A cell's text on one line. A line break or tab inside Chinese is where the cell wrapped or the writer aligned a
 * label (其他法<br>律…), and goes, so a label reads as written; any other becomes a space, which the engine reads
 * within a label and which keeps numbers on two lines of a cell two numbers.
 */
export const cellText = (s: string): string => s.replace(BREAK_IN_WORDS, '').replace(/[\t\r\n\f\v]+/g, ' ').replace(PADDING, '').replace(RUN_OF_SPACES, ' ');

export class TextWriter {
  #text = '';
  readonly #origins: OriginSpan[] = [];
  readonly #notes: string[] = [];
  #tables = 0;
  /** the last line written was blank (or nothing is written yet) */
  #blank = true;

  /** Numbers the next table, 1-based in the order a reviewer meets them. */
  nextTable(): number {
    return ++this.#tables;
  }

  /** Prose: each of its lines, trimmed; empty lines are dropped. */
  prose(text: string, origin?: Origin): void {
    for (const raw of text.split(/\r\n?|\n/)) {
      const line = proseText(raw);
      if (!line) continue;
      const start = this.#text.length;
      this.#write(line);
      if (origin) this.#origins.push({ span: { start, end: start + line.length }, origin });
    }
  }

  /** A table row: one field per cell, an empty field for an empty cell; a row with no text at all is left out. */
  row(cells: readonly CellOut[], rowOrigin: Origin): Span[] | null {
    const texts = cells.map((c) => cellText(c.text));
    if (!texts.some((t) => t)) return null;
    const start = this.#text.length;
    const line = texts.join('\t');
    this.#origins.push({ span: { start, end: start + line.length }, origin: rowOrigin });
    const spans: Span[] = [];
    let at = start;
    cells.forEach((cell, i) => {
      const span = { start: at, end: at + texts[i].length };
      this.#origins.push({ span, origin: cell.origin });
      spans.push(span);
      at = span.end + 1;
    });
    this.#write(line);
    return spans;
  }

  /** A table of a page or a document, its rows laid out on its grid: origins `{ table, row, cell }`. */
  table(rows: readonly (readonly LaidField<unknown>[])[]): void {
    const table = this.nextTable();
    this.blankLine();
    rows.forEach((fields, r) => {
      if (fields.length === 0) return;
      const row = r + 1;
      this.row(
        fields.map((f) => ({ text: f.text, origin: { table, row, cell: f.cell } })),
        { table, row, cell: fields[0].cell },
      );
    });
    this.blankLine();
  }

  /** Keeps a table apart from the prose around it. */
  blankLine(): void {
    if (!this.#blank) this.#text += '\n';
    this.#blank = true;
  }

  note(text: string): void {
    if (!this.#notes.includes(text)) this.#notes.push(text);
  }

  result(format: SourceFormat): Imported {
    return { format, text: this.#text, origins: this.#origins, notes: this.#notes };
  }

  #write(line: string): void {
    this.#text += line + '\n';
    this.#blank = false;
  }
}
