// `xxgk summary`: the figures a reviewer reports upward, one row per report (SPEC §5), their totals, and the
// year-over-year view of each agency found in several years. A figure is read only from cells that hold a
// number; one that depends on a blank, invalid or missing cell is unknown (null), never 0.
import { CODES, type CheckResult, type Diagnostic, type Report } from '../engine';
import { foldText, type Table } from '../engine';

/** The figures of the report's tables, by the keys of the JSON. */
export const FIGURES = [
  'R1',
  'R2',
  'R24',
  'R25',
  'disclosed',
  'partlyDisclosed',
  'withheld',
  'unavailable',
  'notProcessed',
  'otherwiseHandled',
  'reviewTotal',
  'reviewCorrected',
  'litigationTotal',
  'litigationCorrected',
  'fees',
] as const;
export type Figure = (typeof FIGURES)[number];

export interface SummaryRow {
  readonly agency: string;
  readonly year: number | null;
  readonly template: '2021' | '2019';
  readonly path: string;
  readonly figures: Readonly<Record<Figure, number | null>>;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** the codes found, each once, in the order of CODES */
  readonly codes: readonly string[];
  /** the share of the prose that is last year's report's (copied-text), null when last year's report was not found */
  readonly copiedShare: number | null;
}

/** Table 三's outcome groups as rows of the template; the older single （六） row stands for its group. */
const OUTCOME_GROUPS: Readonly<Record<'disclosed' | 'partlyDisclosed' | 'withheld' | 'unavailable' | 'notProcessed' | 'otherwiseHandled', { rows: readonly string[]; collapsed?: string }>> = {
  disclosed: { rows: ['R3'] },
  partlyDisclosed: { rows: ['R4'] },
  withheld: { rows: ['R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12'] },
  unavailable: { rows: ['R13', 'R14', 'R15'] },
  notProcessed: { rows: ['R16', 'R17', 'R18', 'R19', 'R20'] },
  otherwiseHandled: { rows: ['R21', 'R22', 'R23'], collapsed: 'G6' },
};
/** Table 四's cells: three groups of 结果维持, 结果纠正, 其他结果, 尚未审结, 总计 */
const REVIEW = { total: [4], corrected: [1] };
const LITIGATION = { total: [9, 14], corrected: [6, 11] };

/** The sum of known numbers; null when any is unknown or there are none. */
const sumOf = (values: readonly (number | null)[]): number | null =>
  values.length && values.every((v) => v !== null) ? (values as number[]).reduce((a, b) => a + b, 0) : null;

/** Table 三's 总计 (its last column) of the rows given that the template has. */
function tableThreeTotal(table: Table, rows: readonly string[]): number | null {
  const total = table.template.rows[0].columns.length - 1;
  const own = rows.filter((key) => table.template.rows.some((r) => r.key === key));
  return sumOf(own.map((row) => table.known({ row, col: total })));
}

function outcome(table: Table, group: { rows: readonly string[]; collapsed?: string }): number | null {
  const folded = group.collapsed && table.collapsed.find((g) => g.key === group.collapsed);
  if (folded && !group.rows.some((key) => table.has(key))) return table.known({ row: folded.key, col: table.template.rows[0].columns.length - 1 });
  return tableThreeTotal(table, group.rows);
}

/** Table 二's 行政事业性收费 in 万元: the 2021 template's amount (the 2019 one counts items instead). */
function fees(table: Table | undefined): number | null {
  const row = table?.template.rows.find((r) => r.key === 'H1');
  return table && row?.columns[0].kind === 'amount' ? table.known({ row: 'H1', col: 0 }) : null;
}

export function figuresOf(report: Report): Record<Figure, number | null> {
  const three = report.tables['三'];
  const four = report.tables['四'];
  const cells = (cols: readonly number[]): number | null => (four ? sumOf(cols.map((col) => four.known({ row: 'G', col }))) : null);
  const total = (row: string): number | null => (three ? tableThreeTotal(three, [row]) : null);
  const group = (key: keyof typeof OUTCOME_GROUPS): number | null => (three ? outcome(three, OUTCOME_GROUPS[key]) : null);
  return {
    R1: total('R1'),
    R2: total('R2'),
    R24: total('R24'),
    R25: total('R25'),
    disclosed: group('disclosed'),
    partlyDisclosed: group('partlyDisclosed'),
    withheld: group('withheld'),
    unavailable: group('unavailable'),
    notProcessed: group('notProcessed'),
    otherwiseHandled: group('otherwiseHandled'),
    reviewTotal: cells(REVIEW.total),
    reviewCorrected: cells(REVIEW.corrected),
    litigationTotal: cells(LITIGATION.total),
    litigationCorrected: cells(LITIGATION.corrected),
    fees: fees(report.tables['二']),
  };
}

/** A report's row: its figures and the diagnostics that fall in it, its codes in the order of `codeOrder`. */
export function summaryRow(report: Report, diagnostics: readonly Diagnostic[], path: string, copiedShare: number | null = null, codeOrder: readonly string[] = CODES): SummaryRow {
  const own = diagnostics.filter((d) => d.span.start >= report.span.start && d.span.start <= report.span.end);
  const count = (severity: Diagnostic['severity']): number => own.filter((d) => d.severity === severity).length;
  const found = new Set<string>(own.map((d) => d.code));
  return {
    agency: report.agency,
    year: report.year,
    template: report.templateId,
    path,
    figures: figuresOf(report),
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    codes: codeOrder.filter((c) => found.has(c)),
    copiedShare,
  };
}

export interface Totals {
  readonly reports: number;
  readonly figures: Readonly<Record<Figure, number>>;
  /** per figure, how many reports left it unknown (not in its total) */
  readonly unknown: Readonly<Partial<Record<Figure, number>>>;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly codes: readonly string[];
}

/** The rows of a file checked: one per report it holds. */
export const reportRows = (path: string, result: CheckResult): SummaryRow[] =>
  result.parsed.reports.map((r, i) => summaryRow(r, result.diagnostics, path, roundShare(result.reports[i].copiedShare)));

/** a share to three places: a thousandth is finer than any reviewer reads it */
const roundShare = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 1000);

/** The totals row: each figure summed over the reports that give it; how many do not is kept beside it. */
export function totalsOf(rows: readonly SummaryRow[], codeOrder: readonly string[] = CODES): Totals {
  const figures = {} as Record<Figure, number>;
  const unknown: Partial<Record<Figure, number>> = {};
  for (const f of FIGURES) {
    figures[f] = rows.reduce((sum, r) => sum + (r.figures[f] ?? 0), 0);
    const missing = rows.filter((r) => r.figures[f] === null).length;
    if (missing) unknown[f] = missing;
  }
  // amounts in 万元 are decimals: sum them without binary noise (0.1 + 0.2)
  figures.fees = Math.round(figures.fees * 1e6) / 1e6;
  const found = new Set(rows.flatMap((r) => r.codes));
  return {
    reports: rows.length,
    figures,
    unknown,
    errors: rows.reduce((n, r) => n + r.errors, 0),
    warnings: rows.reduce((n, r) => n + r.warnings, 0),
    infos: rows.reduce((n, r) => n + r.infos, 0),
    codes: codeOrder.filter((c) => found.has(c)),
  };
}

/** One agency in one year, beside its previous year in the folder. */
export interface YearRow {
  readonly agency: string;
  readonly year: number;
  readonly path: string;
  /** 新收 (R1), 办结 (R24), 纠错 (结果纠正 of 行政复议 and 行政诉讼) */
  readonly received: number | null;
  readonly handled: number | null;
  readonly corrected: number | null;
  /** the change from the previous year found (null for the first, or when either is unknown) */
  readonly receivedChange: number | null;
  readonly handledChange: number | null;
  readonly correctedChange: number | null;
}

const change = (now: number | null, before: number | null | undefined): number | null => (now === null || before === null || before === undefined ? null : now - before);

/**
 * For each agency (matched by its normalised name) found in two years or more: a row per year, oldest first.
 * Two reports of one agency and year: the first found is the one shown.
 */
export function yearOverYear(rows: readonly SummaryRow[]): YearRow[][] {
  const byAgency = new Map<string, Map<number, SummaryRow>>();
  for (const row of rows) {
    if (!row.agency || row.year === null) continue;
    const key = foldText(row.agency);
    if (!byAgency.has(key)) byAgency.set(key, new Map());
    const years = byAgency.get(key)!;
    if (!years.has(row.year)) years.set(row.year, row);
  }
  const views: YearRow[][] = [];
  for (const years of byAgency.values()) {
    if (years.size < 2) continue;
    const sorted = [...years.values()].sort((a, b) => a.year! - b.year!);
    const latestName = sorted[sorted.length - 1].agency;
    views.push(
      sorted.map((row, i) => {
        const previous = sorted[i - 1];
        const corrected = (r: SummaryRow): number | null => sumOf([r.figures.reviewCorrected, r.figures.litigationCorrected]);
        return {
          agency: latestName,
          year: row.year!,
          path: row.path,
          received: row.figures.R1,
          handled: row.figures.R24,
          corrected: corrected(row),
          receivedChange: previous ? change(row.figures.R1, previous.figures.R1) : null,
          handledChange: previous ? change(row.figures.R24, previous.figures.R24) : null,
          correctedChange: previous ? change(corrected(row), corrected(previous)) : null,
        };
      }),
    );
  }
  return views;
}

/** What is made of the rows: their totals and the year-over-year view. */
export function summaryOf(rows: readonly SummaryRow[]): { totals: Totals; years: YearRow[][] } {
  return { totals: totalsOf(rows), years: yearOverYear(rows) };
}
