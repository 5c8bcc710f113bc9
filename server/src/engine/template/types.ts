// The official template as data. Nothing outside this folder knows a label.

export type TemplateId = '2021' | '2019';
export type TableId = '二' | '三' | '四';
/** count: non-negative integer; amount: non-negative decimal (万元); change: an integer that may be negative (本年增/减) */
export type ValueKind = 'count' | 'amount' | 'change';

export interface ColumnTemplate {
  readonly label: string;
  readonly kind: ValueKind;
}

export interface RowTemplate {
  readonly key: string;
  /** the official label, as a fix writes it */
  readonly label: string;
  /** the folded text that identifies the row (see text/fold) */
  readonly core: string;
  /** other folded spellings seen in real reports; matching one of them is a label typo */
  readonly aliases?: readonly string[];
  readonly columns: readonly ColumnTemplate[];
  /** short name for messages, e.g. `（三）不予公开·1.属于国家秘密` */
  readonly name: string;
}

/** A heading row such as （六）其他处理 whose own line carries no values in the template. */
export interface GroupTemplate {
  readonly key: string;
  readonly label: string;
  readonly core: string;
  readonly members: readonly string[];
}

/** A block of table 二: `第二十条第（一）项` and its column header, for rendering a blank table. */
export interface BlockTemplate {
  readonly label: string;
  readonly rows: readonly string[];
}

export interface CellRef {
  readonly row: string;
  readonly col: number;
}

/** A linear rule Σ parts = Σ totals over cells, reported under `code` at `reportAt`. */
export interface RuleTemplate {
  readonly code: 'row-total-mismatch' | 'column-total-mismatch' | 'balance-mismatch';
  readonly parts: readonly CellRef[];
  readonly totals: readonly CellRef[];
  /** the cell a fix rewrites, and where the diagnostic sits */
  readonly reportAt: CellRef;
}

export interface TableTemplate {
  readonly id: TableId;
  readonly title: string;
  readonly rows: readonly RowTemplate[];
  readonly groups: readonly GroupTemplate[];
  /** official header labels (not rows), checked for typos where they are distinctive */
  readonly headers: readonly string[];
  /** table 四: its values follow the header with no row label */
  readonly unlabelled: boolean;
  readonly blocks?: readonly BlockTemplate[];
  /**
   * A subtotal column some reports add (table 三's 法人或其他组织 小计): the sum of columns `parts`, written before
   * one of the columns `places` (the first where most reports write it; which one a table has, its header or its
   * rows' values say); not a template cell, so it takes part in no rule but its own.
   */
  readonly subtotal?: { readonly label: string; readonly places: readonly number[]; readonly parts: readonly number[] };
  /** header lines of the blank table, tab-separated */
  readonly headerLines: readonly string[];
  readonly rules: readonly RuleTemplate[];
}

export interface ReportTemplate {
  readonly id: TemplateId;
  readonly citation: string;
  readonly tables: Readonly<Record<TableId, TableTemplate>>;
}

export interface SectionTemplate {
  readonly number: number;
  readonly numeral: string;
  readonly heading: string;
  /** the official heading and the variants real reports use (SPEC §1): a title one character away from all of them is a typo */
  readonly titles: readonly string[];
  /** folded key phrases: a heading containing one of them is this section */
  readonly keys: readonly string[];
  readonly table?: TableId;
}
