// The summary as tables of cells, the one shape the CSV, the workbook and the HTML page are drawn from: a row per
// report and a totals row, and a row per agency and year for the year-over-year view.
import type { Locale } from '../engine';
import { FIGURES, type Figure, type SummaryRow, type Totals, type YearRow } from './summary';

export type Value = string | number | null;

/**
 * What a column holds: text; a file's path; numbers (right-aligned, sorted as numbers); changes (numbers shown
 * with their sign); error counts (numbers, marked when not 0); diagnostic codes separated by spaces (named on a page).
 */
export type ColumnKind = 'text' | 'path' | 'number' | 'change' | 'errors' | 'codes';

export interface Column {
  readonly header: string;
  readonly kind: ColumnKind;
}

export interface Grid {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Value[])[];
  /** the totals row, if the table has one */
  readonly totals?: readonly Value[];
  /** per column of the totals row, how many reports its total leaves out (their value is unknown) */
  readonly unknown?: readonly number[];
}

const FIGURE_HEADERS: Readonly<Record<Figure, { zh: string; en: string }>> = {
  R1: { zh: '本年新收（R1）', en: 'New requests (R1)' },
  R2: { zh: '上年结转（R2）', en: 'Carried over (R2)' },
  R24: { zh: '办理总计（R24）', en: 'Handled (R24)' },
  R25: { zh: '结转下年度（R25）', en: 'Carried forward (R25)' },
  disclosed: { zh: '予以公开', en: 'Disclosed' },
  partlyDisclosed: { zh: '部分公开', en: 'Partly disclosed' },
  withheld: { zh: '不予公开', en: 'Withheld' },
  unavailable: { zh: '无法提供', en: 'Cannot be provided' },
  notProcessed: { zh: '不予处理', en: 'Not processed' },
  otherwiseHandled: { zh: '其他处理', en: 'Otherwise handled' },
  reviewTotal: { zh: '行政复议总计', en: 'Reviews' },
  reviewCorrected: { zh: '行政复议结果纠正', en: 'Reviews corrected' },
  litigationTotal: { zh: '行政诉讼总计', en: 'Lawsuits' },
  litigationCorrected: { zh: '行政诉讼结果纠正', en: 'Lawsuits corrected' },
  fees: { zh: '行政事业性收费（万元）', en: 'Fees (万元)' },
};

const WORDS = {
  zh: {
    agency: '机关',
    year: '年度',
    template: '适用格式',
    file: '文件',
    errors: '错误',
    warnings: '警告',
    infos: '提示',
    codes: '问题代码',
    copied: '与上年雷同（%）',
    total: '合计',
    reports: (n: number) => `${n} 份年报`,
    partial: '；空白或缺失的数值未计入合计',
    edition: (t: string) => `${t} 年版`,
    received: '新收',
    receivedChange: '新收增减',
    handled: '办结',
    handledChange: '办结增减',
    corrected: '纠错',
    correctedChange: '纠错增减',
  },
  en: {
    agency: 'Agency',
    year: 'Year',
    template: 'Template',
    file: 'File',
    errors: 'Errors',
    warnings: 'Warnings',
    infos: 'Infos',
    codes: 'Codes',
    copied: 'Same as last year (%)',
    total: 'Total',
    reports: (n: number) => `${n} report(s)`,
    partial: '; blank or missing values are left out of the totals',
    edition: (t: string) => `${t} template`,
    received: 'New',
    receivedChange: 'New, change',
    handled: 'Handled',
    handledChange: 'Handled, change',
    corrected: 'Corrected',
    correctedChange: 'Corrected, change',
  },
};

export const editionName = (template: string, locale: Locale): string => WORDS[locale].edition(template);

/** One row per report, then the totals; paths as `shown` shows them. */
export function reportGrid(rows: readonly SummaryRow[], totals: Totals, locale: Locale, shown: (path: string) => string): Grid {
  const w = WORDS[locale];
  const column = (header: string, kind: ColumnKind): Column => ({ header, kind });
  const columns = [
    column(w.agency, 'text'),
    column(w.year, 'number'),
    column(w.template, 'text'),
    column(w.file, 'path'),
    ...FIGURES.map((f) => column(FIGURE_HEADERS[f][locale], 'number')),
    column(w.errors, 'errors'),
    column(w.warnings, 'number'),
    column(w.infos, 'number'),
    column(w.codes, 'codes'),
    column(w.copied, 'number'),
  ];
  const partial = Object.keys(totals.unknown).length > 0;
  return {
    columns,
    rows: rows.map((r) => [
      r.agency,
      r.year,
      editionName(r.template, locale),
      shown(r.path),
      ...FIGURES.map((f) => r.figures[f]),
      r.errors,
      r.warnings,
      r.infos,
      r.codes.join(' '),
      r.copiedShare === null ? null : Math.round(r.copiedShare * 100),
    ]),
    totals: [w.total, null, null, w.reports(totals.reports) + (partial ? w.partial : ''), ...FIGURES.map((f) => totals.figures[f]), totals.errors, totals.warnings, totals.infos, totals.codes.join(' '), null],
    unknown: [0, 0, 0, 0, ...FIGURES.map((f) => totals.unknown[f] ?? 0), 0, 0, 0, 0, 0],
  };
}

/**
 * One row per agency and year, for the agencies found in several years: 新收 is R1, 办结 R24, 纠错 the 结果纠正 of
 * 行政复议 and 行政诉讼 together; each change is from the previous year found.
 */
export function yearGrid(views: readonly YearRow[][], locale: Locale, shown: (path: string) => string): Grid {
  const w = WORDS[locale];
  return {
    columns: [
      { header: w.agency, kind: 'text' },
      { header: w.year, kind: 'number' },
      { header: w.file, kind: 'path' },
      { header: w.received, kind: 'number' },
      { header: w.receivedChange, kind: 'change' },
      { header: w.handled, kind: 'number' },
      { header: w.handledChange, kind: 'change' },
      { header: w.corrected, kind: 'number' },
      { header: w.correctedChange, kind: 'change' },
    ],
    rows: views.flat().map((y) => [y.agency, y.year, shown(y.path), y.received, y.receivedChange, y.handled, y.handledChange, y.corrected, y.correctedChange]),
  };
}
