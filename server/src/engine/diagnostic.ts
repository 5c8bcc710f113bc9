// What a check produces: a coded diagnostic over a source span, with the edits that fix it as data.
import type { Span } from './model';

/** The codes are declared by the checks themselves (checks/registry.ts). */
import type { Code } from './checks/registry';
export type { Code };

export type Severity = 'error' | 'warning' | 'info';
/** 'off' silences a code (settings, xxgk.config.json) */
export type SeverityOption = Severity | 'off';

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
