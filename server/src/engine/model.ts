// The parsed report. Every label and value keeps its source range (offsets into the document text).
import type { ReportTemplate, RowTemplate, TableId, TableTemplate, TemplateId } from './template/types';

export interface Span {
  start: number;
  end: number;
}

export type CellState = 'value' | 'blank' | 'invalid';

export interface Cell {
  readonly state: CellState;
  /** the number read, for state 'value' */
  readonly value: number | null;
  readonly raw: string;
  /** where the cell's text is; for a blank cell, where a value would be inserted (may be empty) */
  readonly span: Span;
  /** for a blank cell written as `/`, `-`, `无`: the marker, shown as a hint */
  readonly marker?: string;
}

export type CellLayout = 'tabs' | 'lines' | 'spaced-lines' | 'inline';

export interface Row {
  readonly template: RowTemplate;
  readonly labelSpan: Span;
  /** the label text as written */
  readonly labelText: string;
  /** the official label was found only approximately (a typo) over this span */
  readonly typoSpan?: Span;
  /** one per template column; null when the layout cannot say which cell is missing */
  readonly cells: readonly Cell[] | null;
  /** how many values the row has when cells is null */
  readonly valuesFound: number;
  /** the text a blank-row fix rewrites (from the label's end to the next row) and how */
  readonly valueZone: Span;
  readonly layout: CellLayout;
}

/** A heading row written with values of its own (the older single （六）其他处理 row). */
export interface CollapsedGroup {
  readonly key: string;
  readonly label: string;
  readonly labelSpan: Span;
  readonly members: readonly string[];
  readonly cells: readonly Cell[] | null;
}

export interface LabelTypo {
  readonly span: Span;
  readonly written: string;
  readonly official: string;
}

export interface Table {
  readonly id: TableId;
  readonly template: TableTemplate;
  readonly span: Span;
  readonly rows: ReadonlyMap<string, Row>;
  readonly collapsed: readonly CollapsedGroup[];
  readonly headerTypos: readonly LabelTypo[];
  /** the table uses tab-separated rows (used when inserting rows) */
  readonly tabbed: boolean;
}

export interface Section {
  readonly number: number;
  readonly headingSpan: Span;
  readonly headingText: string;
  /** from the end of the heading line to the start of the next heading (or the report's end) */
  readonly body: Span;
}

export interface Report {
  readonly title: string;
  readonly agency: string;
  readonly year: number | null;
  readonly span: Span;
  readonly titleSpan: Span | null;
  readonly sections: readonly Section[];
  readonly tables: Partial<Record<TableId, Table>>;
  readonly templateId: TemplateId;
  readonly template: ReportTemplate;
  /** why this template was chosen */
  readonly templateReason: 'tables' | 'year';
}

export interface ParsedDocument {
  readonly text: string;
  readonly reports: readonly Report[];
}
