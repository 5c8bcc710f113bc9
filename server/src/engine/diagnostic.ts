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

/** A fix, or how to make it: most fixes of a compilation are never asked for, and some cost a table's rules to make. */
export type FixSource = Fix | (() => Fix);
/**
 * A message, or how to make it: a check that finds a great many of one kind (every glued row of a scraped page)
 * keeps none of their texts until one is read (the editor shows at most its limit of them).
 */
export type MessageSource = string | (() => string);

export const shiftSpan = (span: Span, delta: number): Span => ({ start: span.start + delta, end: span.end + delta });

/**
 * What a check emits: a diagnostic whose fix is made when it is first read (by a quick fix, fix-all or `--fix`),
 * from the model the check read, so it is the fix the check would have made then; its message likewise, where
 * the check gives it as how to make it.
 */
export class Finding implements Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly span: Span;
  declare readonly related?: Span;
  #message: MessageSource;
  #fix: FixSource | undefined;

  constructor(code: Code, severity: Severity, message: MessageSource, span: Span, fix: FixSource | undefined, related: Span | undefined) {
    this.code = code;
    this.severity = severity;
    this.#message = message;
    this.span = span;
    this.#fix = fix;
    if (related) (this as { related?: Span }).related = related;
  }

  get message(): string {
    const message = this.#message;
    return typeof message === 'function' ? (this.#message = message()) : message;
  }

  get fix(): Fix | undefined {
    const fix = this.#fix;
    return typeof fix === 'function' ? (this.#fix = fix()) : fix;
  }

  /** The finding `delta` characters further on, its fix moved with it when it is made. */
  shifted(delta: number): Finding {
    const fix = this.#fix && ((): Fix => shiftFix(this.fix!, delta));
    const message = typeof this.#message === 'function' ? (): string => this.message : this.#message;
    return new Finding(this.code, this.severity, message, shiftSpan(this.span, delta), fix, this.related && shiftSpan(this.related, delta));
  }

  /** As plain data, its message and fix made: what JSON.stringify writes and a comparison of two findings reads. */
  toJSON(): Diagnostic {
    const fix = this.fix;
    return { code: this.code, severity: this.severity, message: this.message, span: this.span, ...(fix && { fix }), ...(this.related && { related: this.related }) };
  }
}

export function shiftFix(fix: Fix, delta: number): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ span: shiftSpan(e.span, delta), newText: e.newText })) };
}
