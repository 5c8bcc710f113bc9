// `xxgk summary --format html`: the summary table (sortable, totals at the foot), the year-over-year view, and
// the files that gave no report row.
import type { Locale } from '../engine';
import { escapeHtml } from '../engine/features/html';
import { gridHtml, pageHtml } from './page';
import type { Grid } from './summary-table';

const WORDS = {
  zh: { title: '政府信息公开工作年度报告汇总', years: '同一机关各年度对比', others: '未列入汇总的文件', scope: (root: string, n: number) => `范围：${root}（${n} 份年报）` },
  en: { title: 'Annual reports: summary', years: 'Year over year, per agency', others: 'Files not in the summary', scope: (root: string, n: number) => `Scope: ${root} (${n} report(s))` },
};

export const SUMMARY_CSS = `
body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif; color: #1f1f1f; margin: 0 1.5em 2em; line-height: 1.5; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; } p.scope { opacity: .75; }
`;

export interface SummaryPage {
  readonly reports: Grid;
  readonly years: Grid;
  /** files that are not reports, or could not be read: the path and why */
  readonly others: readonly { path: string; reason: string }[];
  /** the folder the paths are relative to, as shown */
  readonly root: string;
}

/** The summary table's HTML (also the top of `check --format html`); `inner` may link the file cells. */
export function summaryTableHtml(page: SummaryPage, locale: Locale, inner?: (row: number, escaped: string) => string): string {
  const tables = [
    `<p class="scope">${escapeHtml(WORDS[locale].scope(page.root, page.reports.rows.length))}</p>`,
    gridHtml(page.reports, locale, { className: 'summary', inner }),
  ];
  if (page.years.rows.length) tables.push(`<h2>${WORDS[locale].years}</h2>`, gridHtml(page.years, locale, { className: 'years' }));
  if (page.others.length) {
    const items = page.others.map((o) => `<li><code>${escapeHtml(o.path)}</code>：${escapeHtml(o.reason)}</li>`).join('');
    tables.push(`<h2>${WORDS[locale].others}</h2><ul class="others">${items}</ul>`);
  }
  return tables.join('\n');
}

export function summaryPage(page: SummaryPage, locale: Locale): string {
  return pageHtml(locale, WORDS[locale].title, SUMMARY_CSS, summaryTableHtml(page, locale));
}
