// What a check produces: a coded diagnostic over a source span, with the edits that fix it as data.
import type { Span } from './model';

export const CODES = [
  'missing-section',
  'section-order',
  'duplicate-section',
  'missing-table',
  'missing-row',
  'blank-cell',
  'invalid-number',
  'row-total-mismatch',
  'column-total-mismatch',
  'balance-mismatch',
  'label-typo',
  'date-mismatch',
  'narrative-mismatch',
  'empty-section',
  'outdated-template',
  'unknown-citation',
  'carryover-mismatch',
  'flattened-cells',
  'ambiguous-cells',
] as const;
export type Code = (typeof CODES)[number];

export type Severity = 'error' | 'warning' | 'info';
/** 'off' silences a code (settings, xxgk.config.json) */
export type SeverityOption = Severity | 'off';

export const DEFAULT_SEVERITY: Readonly<Record<Code, Severity>> = {
  'missing-section': 'error',
  'section-order': 'warning',
  'duplicate-section': 'warning',
  'missing-table': 'error',
  'missing-row': 'error',
  'blank-cell': 'error',
  'invalid-number': 'error',
  'row-total-mismatch': 'error',
  'column-total-mismatch': 'error',
  'balance-mismatch': 'error',
  'label-typo': 'warning',
  'date-mismatch': 'warning',
  'narrative-mismatch': 'warning',
  'empty-section': 'warning',
  'outdated-template': 'warning',
  'unknown-citation': 'info',
  'carryover-mismatch': 'warning',
  'flattened-cells': 'info',
  'ambiguous-cells': 'warning',
};

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /**
   * a fix the rules force (a value determined by known cells that are not in question, or a label matched without
   * doubt): the one obvious fix, and the only kind fix-all applies. Any other fix is a choice the user makes.
   */
  readonly preferred: boolean;
}

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fix?: Fix;
  /** another place the message refers to */
  readonly related?: Span;
}
