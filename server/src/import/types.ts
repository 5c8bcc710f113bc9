// What an importer makes of a published file: the canonical report text the engine reads best (SPEC §5: prose and
// headings as lines, one line per table row with one tab per cell, an empty field for an empty cell), and where
// each line and cell of that text came from in the original, for diagnostics that point back at it.
import type { ShortFormula, Span } from '../engine';

export type SourceFormat = 'html' | 'docx' | 'xlsx' | 'pdf';

/** A place in the original file, as SPEC §5 gives it in the CLI's JSON. */
export type Origin =
  | { readonly page: number; readonly box: readonly [number, number, number, number] }
  | { readonly table: number; readonly row: number; readonly cell: number }
  | { readonly sheet: string; readonly cell: string };

export interface OriginSpan {
  /** a span of the imported text: a cell's text, or a whole line */
  readonly span: Span;
  readonly origin: Origin;
}

export interface Imported {
  readonly format: SourceFormat;
  readonly text: string;
  /** sorted by span start; a cell's own span comes after the span of the line that holds it */
  readonly origins: readonly OriginSpan[];
  /** things the reader noticed (a formula without a cached value, a page without text) */
  readonly notes: readonly string[];
  /** (xlsx) totals whose SUM range leaves out cells it should add: for the `formula-range` warning */
  readonly formulaRanges?: readonly ShortFormula[];
}

/** The formats reports are sent in that no reader takes: legacy Office and WPS files, OFD, archives other than .zip. */
export type LegacyFormat = 'doc' | 'wps' | 'xls' | 'et' | 'ofd' | 'rar' | '7z';

/** A file that cannot be imported: one clear message (a scan without text, a password, a legacy .doc). */
export interface ImportFailure {
  /** 'unknown': a file name none of the readers takes */
  readonly format: SourceFormat | LegacyFormat | 'unknown';
  readonly error: string;
}

export type ImportResult = Imported | ImportFailure;

export const isFailure = (r: ImportResult): r is ImportFailure => 'error' in r;
