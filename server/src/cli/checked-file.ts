// One file's entry of `xxgk check`'s output: the file checked (against the run's other reports, however the caller
// has them), its diagnostics made into output entries as they are written.
import { isReport, LineIndex, message, parseDocument, type CheckResult, type EngineOptions, type Locale, type ParsedDocument } from '../engine';
import type { Loaded } from './files';
import type { FileReport } from './format';
import type { Checked } from './html';
import { cliMessage } from './messages';
import { originOf } from './origins';

/** What a run found, filled in while its output is made. */
export interface Outcome {
  /** an error-severity diagnostic was found (exit 1) */
  errors: boolean;
  /** a file could not be read or checked (exit 2) */
  failed: boolean;
}

export type CheckOptions = EngineOptions & { locale: Locale };

/** How a document is checked: against the run's other reports, however they are had. */
export type CheckDocument = (parsed: ParsedDocument, options: EngineOptions) => CheckResult;

/** A loaded file parsed, or null when it has no text to parse. */
export const parsedOf = (l: Loaded): ParsedDocument | null => (l.text !== undefined && !l.binary ? parseDocument(l.text) : null);

/** One file's entry of the output: its reports and diagnostics, or why it has none. */
export function checkedFile(
  l: Loaded,
  parsed: ParsedDocument | null,
  checkDocument: CheckDocument,
  options: CheckOptions,
  outcome: Outcome,
  tell: (line: string) => void,
  onChecked: (path: string, checked: Checked) => void = () => {},
): FileReport {
  const locale = options.locale;
  if (l.error !== undefined) return { path: l.path, reports: [], diagnostics: [], error: l.error };
  const source = l.source && { format: l.source.format };
  if (l.binary || !parsed) return { path: l.path, reports: [], diagnostics: [], notice: message(locale, 'not-a-report') };
  let result: CheckResult;
  try {
    result = checkDocument(parsed, l.shortFormulas ? { ...options, shortFormulas: l.shortFormulas } : options);
  } catch (e) {
    // one file the checker fails on is that file's error: the others are still checked, the document stays whole
    outcome.failed = true;
    tell(`xxgk: ${l.path}: ${cliMessage(locale, 'io.internal', { reason: (e as Error).stack ?? String(e) })}`);
    return { path: l.path, source, reports: [], diagnostics: [], error: cliMessage(locale, 'io.internal', { reason: (e as Error).message }) };
  }
  // a file decoded with bad bytes replaced, or imported with something to say, is checked, and says so
  const said = [l.replaced ? message(locale, 'not-utf8', { count: l.replaced }) : null, ...(l.notes ?? [])].filter((n): n is string => !!n);
  const join = (notices: string[]): string => notices.join(locale === 'zh' ? '；' : '; ');
  if (!isReport(result)) return { path: l.path, source, reports: [], diagnostics: [], notice: join([...said, message(locale, 'not-a-report')]) };
  const text = l.text!;
  const index = new LineIndex(text);
  onChecked(l.path, { text, result, source: l.source });
  outcome.errors ||= result.diagnostics.some((d) => d.severity === 'error');
  const diagnostics = result.diagnostics;
  return {
    path: l.path,
    source,
    reports: result.reports.map((r) => ({ title: r.title, year: r.year, template: r.template, range: index.range(r.span.start, r.span.end) })),
    diagnostics: {
      *[Symbol.iterator]() {
        for (const d of diagnostics) {
          const origin = originOf(l.source, d.span);
          yield { code: d.code, severity: d.severity, message: d.message, range: index.range(d.span.start, d.span.end), ...(origin && { origin }) };
        }
      },
    },
    ...(said.length && { notice: join(said) }),
  };
}

