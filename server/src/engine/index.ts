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
export { parseDocument } from './parse';
export { applyEdits } from './fixes/apply';
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

function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

function contextFor(text: string, report: Report, options: EngineOptions, out: Diagnostic[]): CheckContext {
  const checkOptions: CheckOptions = { locale: options.locale ?? 'zh', deadline: options.deadline ?? 'auto' };
  return {
    text,
    report,
    options: checkOptions,
    eol: eolOf(text),
    msg: (key, params) => message(checkOptions.locale, key, params),
    emit(code, span, msg, fix) {
      const severity = options.severity?.[code] ?? DEFAULT_SEVERITY[code];
      if (severity === 'off') return;
      const finding: Finding = fix ? { code, span, message: msg, fix } : { code, span, message: msg };
      out.push({ ...finding, severity });
    },
  };
}

function summary(report: Report): ReportSummary {
  return { title: report.title, agency: report.agency, year: report.year, template: report.templateId, span: report.span };
}

/** Checks one document. `lastYear` holds reports of earlier years (other files) for carryover-mismatch. */
export function checkText(text: string, options: EngineOptions = {}, lastYear: readonly Report[] = []): CheckResult {
  const parsed = parseDocument(text);
  const diagnostics: Diagnostic[] = [];
  const byAgencyYear = indexByAgencyYear([...parsed.reports, ...lastYear]);
  for (const report of parsed.reports) {
    const ctx = contextFor(text, report, options, diagnostics);
    for (const check of CHECKS) check(ctx);
    const previous = report.year !== null && report.agency ? byAgencyYear.get(`${agencyKey(report)}|${report.year - 1}`) : undefined;
    if (previous) checkCarryover(ctx, previous);
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { parsed, reports: parsed.reports.map(summary), diagnostics };
}

const agencyKey = (report: Report): string => fold(report.agency).text;

function indexByAgencyYear(reports: readonly Report[]): Map<string, Report> {
  const index = new Map<string, Report>();
  for (const r of reports) {
    const key = `${agencyKey(r)}|${r.year}`;
    if (r.agency && r.year !== null && !index.has(key)) index.set(key, r);
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
