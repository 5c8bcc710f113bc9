// The one entry the CLI and the server call: text in, reports and diagnostics out.
import { checkArithmetic } from './checks/arithmetic';
import { checkCarryover } from './checks/carryover';
import { checkCells } from './checks/cells';
import { checkCitations } from './checks/citations';
import type { Check, CheckContext, CheckOptions, DeadlineRule, Finding } from './checks/context';
import { checkDates } from './checks/dates';
import { checkLabels } from './checks/labels';
import { checkNarrative } from './checks/narrative';
import { checkOutdatedTemplate } from './checks/outdated';
import { checkSections } from './checks/sections';
import { checkStructure } from './checks/structure';
import { DEFAULT_SEVERITY, type Code, type Diagnostic, type SeverityOption, type TextEdit } from './diagnostic';
import { applyEdits } from './fixes/apply';
import { message, type Locale } from './messages/catalog';
import type { ParsedDocument, Report, Span } from './model';
import { parseDocument } from './parse';
import { fold } from './text/fold';

export type { Code, Diagnostic, Severity, SeverityOption, TextEdit, Fix } from './diagnostic';
export { CODES, DEFAULT_SEVERITY } from './diagnostic';
export type { Locale } from './messages/catalog';
export { message, localeOf } from './messages/catalog';
export type { Report, ParsedDocument, Span } from './model';
export type { DeadlineRule } from './checks/context';
export { parseDocument, parseRange } from './parse';
export { applyEdits, selectEdits } from './fixes/apply';
export { LineIndex, type LspRange } from './text/lines';

export interface EngineOptions {
  locale?: Locale;
  deadline?: DeadlineRule;
  severity?: Partial<Record<Code, SeverityOption>>;
}

export interface ReportSummary {
  title: string;
  agency: string;
  year: number | null;
  template: '2021' | '2019';
  span: Span;
}

export interface CheckResult {
  parsed: ParsedDocument;
  reports: ReportSummary[];
  diagnostics: Diagnostic[];
}

const CHECKS: readonly Check[] = [
  checkSections,
  checkStructure,
  checkCells,
  checkArithmetic,
  checkLabels,
  checkDates,
  checkNarrative,
  checkOutdatedTemplate,
  checkCitations,
];

export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

function contextFor(text: string, report: Report, options: EngineOptions, out: Diagnostic[], eol = eolOf(text)): CheckContext {
  const checkOptions: CheckOptions = { locale: options.locale ?? 'zh', deadline: options.deadline ?? 'auto' };
  return {
    text,
    report,
    options: checkOptions,
    eol,
    msg: (key, params) => message(checkOptions.locale, key, params),
    emit(code, span, msg, fix, related) {
      const severity = options.severity?.[code] ?? DEFAULT_SEVERITY[code];
      if (severity === 'off') return;
      const finding: Finding = { code, span, message: msg, ...(fix && { fix }), ...(related && { related }) };
      out.push({ ...finding, severity });
    },
  };
}

export function summary(report: Report): ReportSummary {
  return { title: report.title, agency: report.agency, year: report.year, template: report.templateId, span: report.span };
}

/**
 * Runs every single-report check on one report; findings go to `out`. `eol` is the document's line break
 * when `text` is only a part of it.
 */
export function checkReport(text: string, report: Report, options: EngineOptions, out: Diagnostic[], eol = eolOf(text)): void {
  const ctx = contextFor(text, report, options, out, eol);
  for (const check of CHECKS) check(ctx);
}

/** carryover-mismatch for one report against last year's. It reads only the two models, never the text. */
export function checkReportCarryover(report: Report, previous: Report, options: EngineOptions, out: Diagnostic[]): void {
  checkCarryover(contextFor('', report, options, out, '\n'), previous);
}

export const byPosition = (a: Diagnostic, b: Diagnostic): number => a.span.start - b.span.start || a.span.end - b.span.end;

/** Checks one document. `lastYear` holds reports of earlier years (other files) for carryover-mismatch. */
export function checkText(text: string, options: EngineOptions = {}, lastYear: readonly Report[] = []): CheckResult {
  const parsed = parseDocument(text);
  const diagnostics: Diagnostic[] = [];
  const byAgencyYear = indexByAgencyYear([...parsed.reports, ...lastYear]);
  for (const report of parsed.reports) {
    checkReport(text, report, options, diagnostics);
    const previous = byAgencyYear.get(previousYearKey(report) ?? '');
    if (previous) checkReportCarryover(report, previous, options, diagnostics);
  }
  diagnostics.sort(byPosition);
  return { parsed, reports: parsed.reports.map(summary), diagnostics };
}

const agencyKey = (report: Report): string => fold(report.agency).text;

/** The key of the report's own agency and year, or null when it has no agency or year. */
export const agencyYearKey = (report: Report, yearOffset = 0): string | null =>
  report.agency && report.year !== null ? `${agencyKey(report)}|${report.year + yearOffset}` : null;
const previousYearKey = (report: Report): string | null => agencyYearKey(report, -1);

/** Reports by agency and year; the first of a kind wins. */
export function indexByAgencyYear(reports: readonly Report[]): Map<string, Report> {
  const index = new Map<string, Report>();
  for (const r of reports) {
    const key = agencyYearKey(r);
    if (key !== null && !index.has(key)) index.set(key, r);
  }
  return index;
}

/** Every fix of every fixable diagnostic, merged; conflicting edits wait for another pass. */
export function fixAll(text: string, options: EngineOptions = {}, maxPasses = 5): { text: string; passes: number } {
  let current = text;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const edits: TextEdit[] = checkText(current, options).diagnostics.flatMap((d) => d.fix?.edits ?? []);
    if (!edits.length) return { text: current, passes: pass - 1 };
    const next = applyEdits(current, edits).text;
    if (next === current) return { text: current, passes: pass };
    current = next;
  }
  return { text: current, passes: maxPasses };
}

/** A document is taken for a report when it has a title or at least two section headings. */
export function isReport(result: CheckResult): boolean {
  return result.parsed.reports.some((r) => r.titleSpan !== null || r.sections.length >= 2);
}
