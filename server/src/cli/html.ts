// `xxgk check --format html`: one self-contained page a reviewer can mail. The summary table of `xxgk summary`
// first (a row per report, the totals, an info column, the year-over-year view; click a header to sort; a file
// links to its report below), then each report drawn with its tables and the wrong cells marked, its prose
// reflowed for reading, each problem named in words with the line it is on (a report without errors or warnings
// folded). Paths are relative to the folder checked; nothing links outside the page, as nothing outside it
// travels with the mail.
import { type CheckResult, type Diagnostic, LineIndex, type Locale } from '../engine';
import { escapeHtml, REPORT_CSS, reportHtml } from '../engine';
import { originText } from '../import';
import type { Source } from './files';
import type { FileReport } from './format';
import { cliMessage } from './messages';
import { originOf } from './origins';
import { pageHtml } from './page';
import { rootName, shownFrom } from './paths';
import { reportRows, summaryOf } from './summary';
import { SUMMARY_CSS, summaryTableHtml } from './summary-html';
import { reportGrid, yearGrid } from './summary-table';

export interface Checked {
  readonly text: string;
  readonly result: CheckResult;
  /** a published file's format and origins */
  readonly source?: Source;
}

const READING_CSS = `
[data-line] { cursor: auto; }
details.report { border-top: 3px double #999; margin-top: 1.6em; } details.report > summary { cursor: pointer; padding: .5em 0; font-size: 1.05em; }
details.report > summary span.file { font-family: monospace; opacity: .75; } details.report > summary span.bad { color: #c00; font-weight: bold; }
ul.problems span.where { white-space: nowrap; opacity: .75; } ul.problems span.code { font-weight: bold; }
section.report p { margin: .5em 0; text-indent: 2em; }
`;

const TITLE: Record<Locale, string> = { zh: '政府信息公开工作年度报告检查结果', en: 'Annual report check results' };

/**
 * A report's part of the page, under a line naming its file, its title and its problems: open when it has an error
 * or a warning, folded when it has none, so that a page of many reports shows first what needs reading.
 */
function articleHtml(id: string, path: string, title: string, own: readonly Diagnostic[], drawn: string, locale: Locale): string {
  const count = (severity: Diagnostic['severity']): number => own.filter((d) => d.severity === severity).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  const problems = own.length ? cliMessage(locale, 'html.problems', { errors, warnings, infos }) : cliMessage(locale, 'html.no-problems');
  const head = [`<span class="file">${escapeHtml(path)}</span>`, escapeHtml(title), `<span${errors ? ' class="bad"' : ''}>${escapeHtml(problems)}</span>`].join(' · ');
  return `<details class="report" id="${id}"${errors + warnings ? ' open' : ''}><summary>${head}</summary>${drawn}</details>`;
}

/** The page for the files checked (in their order), `checked` holding those that are reports; `root` the folder paths are shown from. */
export function toHtml(files: readonly FileReport[], checked: ReadonlyMap<string, Checked>, locale: Locale, root: string): string {
  const shown = shownFrom(root);
  const articles: string[] = [];
  const rows = files.flatMap((file) => {
    const entry = checked.get(file.path);
    if (!entry) return [];
    const lines = new LineIndex(entry.text);
    for (const report of entry.result.parsed.reports) {
      const own = entry.result.diagnostics.filter((d) => d.span.start >= report.span.start && d.span.start <= report.span.end);
      const drawn = reportHtml(report, own, {
        locale,
        slice: (span) => entry.text.slice(span.start, span.end),
        lineOf: (offset) => lines.positionAt(offset).line,
        forReading: true,
        place: (offset) => {
          const line = cliMessage(locale, 'html.line', { line: lines.positionAt(offset).line + 1 });
          const origin = originOf(entry.source, { start: offset, end: offset });
          return origin ? `${line} · ${originText(locale, origin)}` : line;
        },
      });
      articles.push(articleHtml(`r${articles.length}`, shown(file.path), report.title, own, drawn, locale));
    }
    return reportRows(file.path, entry.result);
  });
  const others = files.filter((f) => !checked.has(f.path)).map((f) => ({ path: shown(f.path), reason: f.error ?? f.notice ?? '' }));
  const summary = summaryOf(rows);
  const table = summaryTableHtml(
    { reports: reportGrid(rows, summary.totals, locale, shown), years: yearGrid(summary.years, locale, shown), others, root: rootName(root) },
    locale,
    (row, escaped) => `<a href="#r${row}">${escaped}</a>`,
  );
  return pageHtml(locale, TITLE[locale], REPORT_CSS + SUMMARY_CSS + READING_CSS, `${table}\n${articles.join('\n')}`);
}
