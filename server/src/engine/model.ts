// The parsed report. Every label and value keeps its source range (offsets into the document text).
import type { TableGrid } from './grid';
import { lookupOf } from './template/lookup';
import type { CellRef, ReportTemplate, RowTemplate, TableId, TableTemplate, TemplateId, ValueKind } from './template/types';

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

/**
 * A group's heading row written with values of its own: the older single （六）其他处理 row, whose member rows are
 * absent (a collapsed group), or a subtotal row above its member rows (（三）不予公开 carrying the sum of 1.–8.).
 */
export interface GroupRow {
  readonly key: string;
  readonly label: string;
  readonly labelSpan: Span;
  readonly members: readonly string[];
  readonly cells: readonly Cell[] | null;
}

/** A row whose cells came glued together (`15130000154`, `10 0 00 0 1`), and how they were split. */
export interface GluedRow {
  readonly row: string;
  /** from the label's end to the row's last digit: what rewriting the row with tabs replaces */
  readonly span: Span;
  /** the cells' text as split, when the split is the only one the rules allow (the row's cells are then these) */
  readonly cells: readonly string[] | null;
  /** when no split was taken: the splits that satisfy every rule (none when there were too many to search) */
  readonly candidates: readonly (readonly string[])[];
  /** the digits can be split into the row's cells, but no split satisfies the row's rules */
  readonly contradicts: boolean;
  /** the split was one of several the row allows, and the only one the table's column rules allow */
  readonly byColumns: boolean;
  /** after which cells a message shows a group break (table 四's three groups) */
  readonly groupEnds: readonly number[];
}

/** A 法人或其他组织 subtotal written in a row: not a template cell, checked against its parts only. */
export interface Subtotal {
  /** the template row's key, or the group's for a subtotal row */
  readonly row: string;
  readonly cell: Cell;
}

/** A value beyond a row's cells (an 8th in a row of seven, a 16th in table 四) that no row takes: read into no cell, and said. */
export interface ExtraValue {
  /** the template row's key */
  readonly row: string;
  readonly cell: Cell;
}

export interface LabelTypo {
  readonly span: Span;
  readonly written: string;
  readonly official: string;
}

/**
 * A table as read: which template rows were found and the cells of each, kept as numbers in a grid (see
 * grid.ts: a report has hundreds of cells and a compilation thousands of reports, and an object per cell
 * would cost more than the parsing). `rows` builds the row objects on first use, for the editor's features; the
 * checks read the numbers through `known` and the grid.
 */
export class Table {
  readonly #source: string;
  /** the offset in `#source` of the table's offset 0 (a shifted table points past its source) */
  readonly #base: number;
  #rows: ReadonlyMap<string, Row> | undefined;
  /** the template's row positions */
  readonly #rowIndex: ReadonlyMap<string, number>;

  constructor(
    readonly id: TableId,
    readonly template: TableTemplate,
    readonly span: Span,
    /** groups written as one row, in place of their member rows */
    readonly collapsed: readonly GroupRow[],
    /** groups whose heading row carries the sum of their member rows: checked against them only, in no other rule */
    readonly subtotalRows: readonly GroupRow[],
    readonly headerTypos: readonly LabelTypo[],
    /** rows read from glued digits; a row with no split taken has no cells and takes part in no rule */
    readonly glued: readonly GluedRow[],
    readonly subtotals: readonly Subtotal[],
    /** values beyond a row's cells that no row takes */
    readonly extras: readonly ExtraValue[],
    /** the table uses tab-separated rows (used when inserting rows) */
    readonly tabbed: boolean,
    readonly grid: TableGrid,
    source: string,
    base = 0,
  ) {
    this.#source = source;
    this.#base = base;
    this.#rowIndex = lookupOf(template).rowIndex;
  }

  /** The rows found, by template key, in template order. */
  get rows(): ReadonlyMap<string, Row> {
    if (!this.#rows) {
      const rows = new Map<string, Row>();
      this.template.rows.forEach((template, i) => {
        if (this.grid.has(i)) rows.set(template.key, this.rowAt(i));
      });
      this.#rows = rows;
    }
    return this.#rows;
  }

  has(key: string): boolean {
    const i = this.#rowIndex.get(key);
    return i !== undefined && this.grid.has(i);
  }

  /** The value of a cell that holds a number; null for a blank, an invalid or a missing cell. */
  known(ref: CellRef): number | null {
    const i = this.#rowIndex.get(ref.row);
    if (i !== undefined) return this.grid.known(i * this.grid.stride + ref.col);
    const cell = this.groupRow(ref.row)?.cells?.[ref.col];
    return cell && cell.state === 'value' ? cell.value : null;
  }

  /** A group's heading row written with values, collapsed or a subtotal row. */
  private groupRow(key: string): GroupRow | undefined {
    return this.collapsed.find((g) => g.key === key) ?? this.subtotalRows.find((g) => g.key === key);
  }

  /** The cell at a row and column (also of a collapsed group), or null when the row or its cells are not known. */
  cell(ref: CellRef): Cell | null {
    const i = this.#rowIndex.get(ref.row);
    if (i === undefined) return this.groupRow(ref.row)?.cells?.[ref.col] ?? null;
    if (!this.grid.hasCells(i) || ref.col >= this.template.rows[i].columns.length) return null;
    return this.cellAt(i * this.grid.stride + ref.col);
  }

  /**
   * Present rows with a cell that is not a number its column accepts: cells whose places are not known,
   * blanks, invalid text, or a number `accepts` refuses.
   */
  rowsFailing(accepts: (value: number, kind: ValueKind) => boolean): Row[] {
    const grid = this.grid;
    const failing: Row[] = [];
    for (let i = 0; i < this.template.rows.length; i++) {
      if (!grid.has(i) || this.isUnsplit(this.template.rows[i].key)) continue;
      const columns = this.template.rows[i].columns;
      let fails = false;
      for (let col = 0; col < columns.length && !fails; col++) {
        const value = grid.value(i * grid.stride + col);
        fails = Number.isNaN(value) || !accepts(value, columns[col].kind);
      }
      if (fails) failing.push(this.rows.get(this.template.rows[i].key)!);
    }
    return failing;
  }

  /** Glued digits in the row that no split was taken for: its cells are unknown, and that is said once, not per cell. */
  private isUnsplit(key: string): boolean {
    return this.glued.length > 0 && this.glued.some((g) => g.row === key && g.cells === null);
  }

  /** Present rows whose label was found only approximately. */
  rowsWithTypos(): Row[] {
    const rows: Row[] = [];
    for (let i = 0; i < this.template.rows.length; i++) {
      if (this.grid.has(i) && this.grid.typoSpan(i)) rows.push(this.rows.get(this.template.rows[i].key)!);
    }
    return rows;
  }

  /** The same table with every offset moved by `delta`. */
  shifted(delta: number): Table {
    const moveSpan = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
    const moveCell = (c: Cell): Cell => ({ ...c, span: moveSpan(c.span) });
    const moveGroup = (g: GroupRow): GroupRow => ({ ...g, labelSpan: moveSpan(g.labelSpan), cells: g.cells ? g.cells.map(moveCell) : null });
    const typos = this.headerTypos.map((t) => ({ ...t, span: moveSpan(t.span) }));
    const glued = this.glued.map((g) => ({ ...g, span: moveSpan(g.span) }));
    const subtotals = this.subtotals.map((s) => ({ ...s, cell: moveCell(s.cell) }));
    const extras = this.extras.map((s) => ({ ...s, cell: moveCell(s.cell) }));
    const span = moveSpan(this.span);
    return new Table(
      this.id,
      this.template,
      span,
      this.collapsed.map(moveGroup),
      this.subtotalRows.map(moveGroup),
      typos,
      glued,
      subtotals,
      extras,
      this.tabbed,
      this.grid.shifted(delta),
      this.#source,
      this.#base + delta,
    );
  }

  private text(start: number, end: number): string {
    return this.#source.slice(start - this.#base, end - this.#base);
  }

  private rowAt(i: number): Row {
    const grid = this.grid;
    const template = this.template.rows[i];
    const labelSpan = grid.labelSpan(i);
    let cells: Cell[] | null = null;
    if (grid.hasCells(i)) {
      cells = [];
      for (let col = 0; col < template.columns.length; col++) cells.push(this.cellAt(i * grid.stride + col));
    }
    return {
      template,
      labelSpan,
      labelText: this.template.unlabelled ? '' : this.text(labelSpan.start, labelSpan.end),
      typoSpan: grid.typoSpan(i),
      cells,
      valuesFound: grid.valuesFound(i),
      valueZone: grid.valueZone(i),
      layout: grid.layout(i),
    };
  }

  private cellAt(position: number): Cell {
    const { state, marked, span, value } = this.grid.cell(position);
    const raw = this.text(span.start, span.end);
    if (state === 'value') return { state, value, raw, span };
    return marked ? { state, value: null, raw, span, marker: raw } : { state, value: null, raw, span };
  }
}

export interface Section {
  readonly number: number;
  readonly headingSpan: Span;
  readonly headingText: string;
  /** from the end of the heading to the start of the next heading (or the report's end) */
  readonly body: Span;
  /** the heading's title written with a typo of the official one (政府信息公开行政法复议、行政诉讼情况) */
  readonly titleTypo?: { readonly span: Span; readonly official: string };
}

/**
 * The text a report was read from, for the checks that compare the prose of two reports (copied-text): a report
 * of another file, or one an edit did not touch, is compared without the document at hand. Shifted copies of a
 * report share it.
 */
export class ReportSource {
  readonly #text: string;
  /** where the report started when it was read */
  readonly #start: number;

  constructor(text: string, start: number) {
    this.#text = text;
    this.#start = start;
  }

  /** The text of `span`, in the offsets of `report` (this source's report, which may have moved since it was read). */
  slice(report: Report, span: Span): string {
    const delta = report.span.start - this.#start;
    return this.#text.slice(span.start - delta, span.end - delta);
  }
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
  readonly source: ReportSource;
}

export interface ParsedDocument {
  readonly text: string;
  readonly reports: readonly Report[];
}
