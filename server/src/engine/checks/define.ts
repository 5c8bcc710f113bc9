// A check declares everything about itself in one place: its codes (default severity, what a fix of it may do,
// what it checks, in both languages), its messages in both languages, and what it runs. The registry collects
// the checks; the code list, the default severities, the editor's settings, the config schema and README's table
// of codes are all made from these declarations.
import type { FixSource, MessageSource, Severity } from '../diagnostic';
import type { Locale, MessageKey, MessageParams } from '../messages/catalog';
import type { Report, Span } from '../model';
import type { CheckOptions } from './context';

/** What a fix of the code may do: be applied in bulk (forced by the rules), be offered as a choice, or nothing. */
export type FixKind = 'safe' | 'pick' | 'none';

export interface CodeSpec {
  readonly severity: Severity;
  /** the default severity of the code's graver findings (copied-text from 50 %), when the user has set none */
  readonly graver?: Severity;
  readonly fix: FixKind;
  /** the code in words, for pages people read (the HTML report keeps the code itself for a tooltip) */
  readonly name: { readonly zh: string; readonly en: string };
  /** a code found by reading a published file rather than its text (formula-range: a workbook's formulas); tested with its reader */
  readonly foundIn?: 'xlsx';
}

export interface Localized {
  readonly zh: (p: MessageParams) => string;
  readonly en: (p: MessageParams) => string;
}

/** What a check of codes C, with messages M, receives for one report. */
export interface CheckContext<C extends string = string, M extends string = string> {
  readonly text: string;
  readonly report: Report;
  readonly options: CheckOptions;
  readonly eol: string;
  /** one of the check's own messages, or a shared one (a table's name) */
  msg(key: M | MessageKey, params?: MessageParams): string;
  /**
   * `related`: another place the message refers to (the first of two duplicates); `grave`: the finding takes the
   * code's graver default severity; a fix that costs more than its title to make is given as how to make it, and
   * so is the message of a finding a report may hold thousands of
   */
  emit(code: C, span: Span, message: MessageSource, fix?: FixSource, related?: Span, grave?: boolean): void;
}

export interface CheckDefinition<C extends string = string, M extends string = string> {
  /** what the check looks at, for README's table of codes */
  readonly about: { readonly zh: string; readonly en: string };
  readonly codes: { readonly [K in C]: CodeSpec };
  readonly messages: { readonly [K in M]: Localized };
  /** the check of one report */
  readonly run?: (ctx: CheckContext<C, M>) => void;
  /** the check of one report against last year's report of the same agency (it reads only the two models) */
  readonly againstLastYear?: (ctx: CheckContext<C, M>, lastYear: Report) => void;
  /** the check of one report against another agency's report of the same year in another file, its likeliest peer (see likeliestPeer; it reads only the models) */
  readonly againstPeer?: (ctx: CheckContext<C, M>, peer: Report) => void;
}

export function defineCheck<C extends string, M extends string>(definition: CheckDefinition<C, M>): CheckDefinition<C, M> {
  return definition;
}

/**
 * The reports of a folder or workspace, by agency and year: the same index object for every report of a run, so a
 * check may keep work per index. `own`: the keys of the document's own reports (see agencyYearKey), which no other
 * file's report stands for, whether the index holds the document's very reports (the CLI) or copies read from its
 * file (the workspace).
 */
export interface Folder {
  readonly index: ReadonlyMap<string, Report>;
  readonly own: ReadonlyMap<string, unknown>;
}

export type { Locale };
