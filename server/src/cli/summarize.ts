// `xxgk summary [--format csv|xlsx|json|html] PATH...`: every report checked as `xxgk check` checks it, then one
// row per report (SPEC §5) with the totals and the year-over-year view, written as CSV, a workbook, JSON or a page.
import type { Locale } from '../engine';
import type { SummaryArgs } from './args';
import { checkedFiles, foundFiles, loadAll, type CheckOptions, type Outcome } from './check';
import { toCsv } from './csv';
import { loadFile } from './files';
import { jsonPieces } from './json';
import { cliMessage } from './messages';
import { commonRoot, rootName, shownFrom } from './paths';
import type { Piece, Sink } from './sink';
import { FIGURES, reportRows, summaryOf, type SummaryRow, type Totals, type YearRow } from './summary';
import { summaryPage, type SummaryPage } from './summary-html';
import { reportGrid, yearGrid, type Grid } from './summary-table';
import { writeXlsx, type XlsxRow } from './xlsx';

/** What the summary is made of: the rows, their totals, the year-over-year view, the files without a row. */
export interface Summary {
  readonly rows: readonly SummaryRow[];
  readonly totals: Totals;
  readonly years: readonly YearRow[][];
  readonly others: readonly { path: string; reason: string }[];
}

const YEARS_TITLE: Record<Locale, string> = { zh: '同一机关各年度对比', en: 'Year over year, per agency' };

function jsonOf(summary: Summary): Iterable<Piece> {
  const figures = (values: Readonly<Record<string, number | null>>) => Object.fromEntries(FIGURES.map((f) => [f, values[f]]));
  const reports = summary.rows.map((r) => ({
    agency: r.agency,
    year: r.year,
    template: r.template,
    path: r.path,
    ...figures(r.figures),
    errors: r.errors,
    warnings: r.warnings,
    infos: r.infos,
    codes: r.codes,
    copiedShare: r.copiedShare,
  }));
  const t = summary.totals;
  const totals = { reports: t.reports, ...figures(t.figures), errors: t.errors, warnings: t.warnings, infos: t.infos, codes: t.codes, unknown: t.unknown };
  return jsonPieces({ version: 1, reports, totals, years: summary.years.flat() });
}

/** A column's width in characters: its longest cell, a Chinese character counting two. */
function widthOf(grids: readonly Grid[], col: number): number {
  const width = (v: unknown): number => [...String(v ?? '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const cells = grids.flatMap((g) => [g.columns[col]?.header, ...g.rows.map((r) => r[col]), g.totals?.[col]]);
  return Math.min(48, Math.max(6, ...cells.map(width)) + 2);
}

function workbookOf(reports: Grid, years: Grid, locale: Locale): Uint8Array {
  const rows: XlsxRow[] = [{ cells: reports.columns.map((c) => c.header), bold: true }, ...reports.rows.map((cells) => ({ cells }))];
  if (reports.totals) rows.push({ cells: reports.totals, bold: true });
  if (years.rows.length) rows.push({ cells: [] }, { cells: [YEARS_TITLE[locale]], bold: true }, { cells: years.columns.map((c) => c.header), bold: true }, ...years.rows.map((cells) => ({ cells })));
  const widths = reports.columns.map((_, col) => widthOf([reports, years], col));
  return writeXlsx({ name: locale === 'zh' ? '汇总' : 'Summary', rows, widths });
}

/** The summary of the files loaded: each report's row, in the order found. */
function summarizeFiles(options: CheckOptions, outcome: Outcome, loaded: Parameters<typeof checkedFiles>[0], tell: (line: string) => void): Summary {
  const rows: SummaryRow[] = [];
  const others: { path: string; reason: string }[] = [];
  const files = checkedFiles(loaded, options, outcome, tell, (path, checked) => rows.push(...reportRows(path, checked.result)));
  for (const file of files) {
    const reason = file.error ?? file.notice;
    if (reason === undefined) continue;
    if (!file.reports.length) others.push({ path: file.path, reason });
    if (file.notice) tell(`xxgk: ${file.path}: ${file.notice}`);
  }
  return { rows, ...summaryOf(rows), others };
}

/** `xxgk summary`; the exit status as `check` gives it. */
export async function summarize(args: SummaryArgs, options: CheckOptions, out: Sink, tell: (line: string) => void): Promise<number> {
  const locale = options.locale;
  if (args.format === 'xlsx' && out.isTerminal) {
    tell(`xxgk: ${cliMessage(locale, 'summary.xlsx-terminal')}`);
    return 2;
  }
  const loaded = await loadAll(await foundFiles(args.paths, locale, tell), (found) => loadFile(found, args.encoding, locale), tell);
  const outcome: Outcome = { errors: false, failed: loaded.some((l) => l.error !== undefined) };
  const summary = summarizeFiles(options, outcome, loaded, tell);
  const root = commonRoot(args.paths);
  const shown = shownFrom(root);
  // CSV and the workbook speak the reports' language, as SPEC §5 has their headers
  const tableLocale: Locale = args.format === 'html' ? locale : 'zh';
  const reports = reportGrid(summary.rows, summary.totals, tableLocale, shown);
  const years = yearGrid(summary.years, tableLocale, shown);
  if (args.format === 'xlsx') await out.writeBytes(workbookOf(reports, years, tableLocale));
  else if (args.format === 'csv') await out.write(toCsv([{ grid: reports }, ...(years.rows.length ? [{ title: YEARS_TITLE.zh, grid: years }] : [])]));
  else if (args.format === 'html') {
    const page: SummaryPage = { reports, years, others: summary.others.map((o) => ({ ...o, path: shown(o.path) })), root: rootName(root) };
    await out.write(summaryPage(page, locale));
  } else await out.writePieces([...jsonOf(summary), '\n']);
  return outcome.failed ? 2 : outcome.errors ? 1 : 0;
}
