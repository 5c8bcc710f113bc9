// The one entry the CLI and the server call: text in, reports and diagnostics out.
import type { CheckOptions, DeadlineRule } from './checks/context';
import type { CheckContext, CheckDefinition, Folder } from './checks/define';
import type { ShortFormula } from './checks/formula-range';
import { copiedFrom, likeliestPeer } from './checks/copied';
import { CHECKS, CODE_SPECS, DEFAULT_SEVERITY } from './checks/registry';
import { Finding, type Code, type Diagnostic, type SeverityOption, type TextEdit } from './diagnostic';
import { localized } from './messages/catalog';
import { applyEdits, composeEdits, selectEdits } from './fixes/apply';
import type { Locale } from './messages/catalog';
import type { ParsedDocument, Report, Span } from './model';
import { parseDocument } from './parse';
import { agencyYearKey, firstOfEachKey, previousYearKey } from './report-keys';

export type { Code, Diagnostic, Severity, SeverityOption, TextEdit, Fix } from './diagnostic';
export { CODES, CODE_SPECS, DEFAULT_SEVERITY, CHECKS } from './checks/registry';
export { copiedFrom, PeerIndex, proseShingles, type Copied, type PeerCandidate } from './checks/copied';
export type { CheckDefinition, CodeSpec, FixKind } from './checks/define';
export type { Locale } from './messages/catalog';
export { message, localeOf } from './messages/catalog';
export type { Report, ParsedDocument, Span } from './model';
export type { DeadlineRule } from './checks/context';
export type { ShortFormula } from './checks/formula-range';
export { parseDocument, parseRange } from './parse';
export { applyEdits, composeEdits, selectEdits } from './fixes/apply';
export { LineIndex, type LspRange } from './text/lines';
export { firstAtOrAfter } from './text/search';
export { buildSkeleton, type Snippet } from './template/snippets';
// what the editor, the CLI, the importers and the build scripts use of the engine's rooms: through this door only
export { IncrementalDocument, type ReportChange, type ReportEntry } from './incremental';
export { shiftDiagnostic } from './shift';
export { cellEdit, type TableCell } from './features/cell-edit';
export { explainAt } from './features/explain';
export { formatDocument } from './features/format';
export { escapeHtml, REPORT_CSS, reportHtml } from './features/html';
export { totalHints } from './features/hints';
export { outline, type OutlineNode } from './features/outline';
export type { MessageKey } from './messages/catalog';
export type { TableId } from './template/types';
export { SECTIONS } from './template/sections';
export { TEMPLATES } from './template/tables';
export { buildSnippets } from './template/snippets';
export { foldText } from './text/fold';
export { forgetMemos } from './text/bounded-cache';
export { agencyYearKey, firstOfEachKey, firstOfEachKeyByGroup, previousYearKey } from './report-keys';
export { editDistance } from './text/distance';
export { codeName } from './messages/codes';
export type { Table } from './model';

export interface EngineOptions {
  locale?: Locale;
  deadline?: DeadlineRule;
  severity?: Partial<Record<Code, SeverityOption>>;
  /** (an imported workbook) the totals whose SUM range misses addends, for formula-range */
  shortFormulas?: readonly ShortFormula[];
}

export interface ReportSummary {
  title: string;
  agency: string;
  year: number | null;
  template: '2021' | '2019';
  span: Span;
  /** the share of its prose that is last year's report's (copied-text), when last year's report was found */
  copiedShare: number | null;
}

export interface CheckResult {
  parsed: ParsedDocument;
  reports: ReportSummary[];
  diagnostics: Diagnostic[];
}


export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

function contextFor(check: CheckDefinition, text: string, report: Report, options: EngineOptions, out: Diagnostic[], eol = eolOf(text)): CheckContext {
  const checkOptions: CheckOptions = { locale: options.locale ?? 'zh', deadline: options.deadline ?? 'auto', shortFormulas: options.shortFormulas ?? [] };
  const messages: Readonly<Record<string, CheckDefinition['messages'][string]>> = check.messages;
  return {
    text,
    report,
    options: checkOptions,
    eol,
    msg: (key, params) => localized(checkOptions.locale, messages[key], key, params),
    emit(code, span, msg, fix, related, grave) {
      const severity = options.severity?.[code as Code] ?? ((grave && CODE_SPECS.get(code as Code)?.graver) || DEFAULT_SEVERITY[code as Code]);
      if (severity === 'off') return;
      out.push(new Finding(code as Code, severity, msg, span, fix, related));
    },
  };
}

export function summary(report: Report, lastYear?: Report): ReportSummary {
  const copiedShare = lastYear ? copiedFrom(report, lastYear).share : null;
  return { title: report.title, agency: report.agency, year: report.year, template: report.templateId, span: report.span, copiedShare };
}

/**
 * Runs every single-report check on one report; findings go to `out`. `eol` is the document's line break
 * when `text` is only a part of it.
 */
export function checkReport(text: string, report: Report, options: EngineOptions, out: Diagnostic[], eol = eolOf(text)): void {
  for (const check of CHECKS as readonly CheckDefinition[]) check.run?.(contextFor(check, text, report, options, out, eol));
}

/**
 * The checks against last year's report of the same agency (carryover-mismatch, stock-mismatch, copied-text). They
 * read only the two models (their prose through each report's source), never the text given.
 */
export function checkReportCarryover(report: Report, previous: Report, options: EngineOptions, out: Diagnostic[]): void {
  for (const check of CHECKS as readonly CheckDefinition[]) check.againstLastYear?.(contextFor(check, '', report, options, out, '\n'), previous);
}

/** The checks against another agency's report of the same year in another file (copied-text between agencies). */
export function checkReportAgainstPeer(report: Report, peer: Report, options: EngineOptions, out: Diagnostic[]): void {
  for (const check of CHECKS as readonly CheckDefinition[]) check.againstPeer?.(contextFor(check, '', report, options, out, '\n'), peer);
}

export const byPosition = (a: Diagnostic, b: Diagnostic): number => a.span.start - b.span.start || a.span.end - b.span.end;

/**
 * Reports of other files, for carryover-mismatch: the reports, or their index by agency and year (see
 * indexByAgencyYear) when many files are checked against the same reports.
 */
export type OtherReports = readonly Report[] | ReadonlyMap<string, Report>;

/** Checks one document against reports of earlier years in other files. */
export function checkText(text: string, options: EngineOptions = {}, lastYear: OtherReports = []): CheckResult {
  return checkParsed(parseDocument(text), options, lastYear);
}

/** A report's partners in other checks: last year's report of its agency, and its likeliest peer of another agency. */
export interface Partners {
  readonly previous?: Report;
  readonly peer?: Report | null;
}

/** checkText on a document already parsed. A report of the document itself comes before another file's of the same agency and year. */
export function checkParsed(parsed: ParsedDocument, options: EngineOptions = {}, lastYear: OtherReports = [], nearer?: ReadonlyMap<string, Report>): CheckResult {
  const own = indexByAgencyYear(parsed.reports);
  const others = lastYear instanceof Map ? lastYear : indexByAgencyYear(lastYear as readonly Report[]);
  const folder: Folder | null = others.size ? { index: others, own } : null;
  return checkWithPartners(parsed, options, (report) => {
    const key = previousYearKey(report);
    // last year's report: the document's own, else one nearer it (its folder's), else among the others
    return { previous: key === null ? undefined : (own.get(key) ?? nearer?.get(key) ?? others.get(key)), peer: folder && likeliestPeer(report, folder) };
  });
}

/** A document's reports checked, each with the partners `partnersOf` names (found however the caller finds them). */
export function checkWithPartners(parsed: ParsedDocument, options: EngineOptions, partnersOf: (report: Report) => Partners): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const reports = parsed.reports.map((report) => {
    checkReport(parsed.text, report, options, diagnostics);
    const { previous, peer } = partnersOf(report);
    if (previous) checkReportCarryover(report, previous, options, diagnostics);
    if (peer) checkReportAgainstPeer(report, peer, options, diagnostics);
    return summary(report, previous);
  });
  diagnostics.sort(byPosition);
  return { parsed, reports, diagnostics };
}


/** Reports by agency and year; the first of a kind wins. */
export function indexByAgencyYear(reports: readonly Report[]): Map<string, Report> {
  return firstOfEachKey(reports, (r) => agencyYearKey(r));
}

/** How bad a check result is: errors first, then everything else. */
const badness = (ds: readonly Diagnostic[]): [number, number] => [ds.filter((d) => d.severity === 'error').length, ds.length];
const better = (a: [number, number], b: [number, number]): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

export interface FixAllResult {
  readonly text: string;
  readonly passes: number;
  /** what changed, as edits of the text given: one per cell or label changed */
  readonly edits: readonly TextEdit[];
}

/**
 * Every safe fix (a fix marked preferred: a value the rules force, a label matched without doubt), in passes:
 * a pass applies every safe fix at once (two that want different text in the same place both wait) and is kept
 * only if it leaves the report better; a value made known by one pass may force another in the next. A choice
 * the rules do not force (a balance break, a blank filled with 0, an inserted row) is never applied here. So
 * fix-all always ends, and running it again changes nothing.
 */
export function fixAll(text: string, options: EngineOptions = {}, maxPasses = 16): FixAllResult {
  let current = text;
  let diagnostics = checkText(current, options).diagnostics;
  let edits: TextEdit[] = [];
  let passes = 0;
  while (passes < maxPasses) {
    const pass = selectEdits(withoutContradictions(diagnostics.filter(isSafelyFixed).flatMap((d) => d.fix!.edits))).taken;
    const next = applyEdits(current, pass).text;
    if (next === current) break;
    const after = checkText(next, options).diagnostics;
    if (!better(badness(after), badness(diagnostics))) break;
    edits = composeEdits(edits, pass, current);
    current = next;
    diagnostics = after;
    passes++;
  }
  return { text: current, passes, edits };
}

/** A diagnostic whose fix fix-all applies: of a code whose fixes are safe (no other fix is made to find out), and marked preferred. */
export const isSafelyFixed = (d: Diagnostic): boolean => CODE_SPECS.get(d.code)?.fix === 'safe' && d.fix?.preferred === true;

function withoutContradictions(edits: readonly TextEdit[]): TextEdit[] {
  const wanted = new Map<string, Set<string>>();
  const at = (e: TextEdit): string => `${e.span.start}:${e.span.end}`;
  for (const e of edits) {
    if (e.span.start === e.span.end) continue; // insertions at one place may legitimately differ
    if (!wanted.has(at(e))) wanted.set(at(e), new Set());
    wanted.get(at(e))!.add(e.newText);
  }
  return edits.filter((e) => (wanted.get(at(e))?.size ?? 1) === 1);
}

/** A document is taken for a report when it has a title or at least two section headings. */
export function isReport(result: CheckResult): boolean {
  return result.parsed.reports.some((r) => r.titleSpan !== null || r.sections.length >= 2);
}
