// `xxgk check --format html`: one self-contained page for a reviewer. A summary of every file and report
// (agency, year, template, problems by code; click a column to sort), then each report drawn with its tables
// and the wrong cells marked, each problem linking back to its file and line.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CheckResult, type Diagnostic, LineIndex, type Locale } from '../engine';
import { escapeHtml, REPORT_CSS, reportHtml } from '../engine';
import type { FileReport } from './format';

export interface Checked {
  readonly text: string;
  readonly result: CheckResult;
}

const WORDS = {
  zh: { title: '政府信息公开工作年度报告检查结果', file: '文件', agency: '机关', year: '年度', template: '格式', errors: '错误', warnings: '警告', codes: '问题（按代码）', none: '无', notice: '说明' },
  en: { title: 'Annual report check results', file: 'File', agency: 'Agency', year: 'Year', template: 'Template', errors: 'Errors', warnings: 'Warnings', codes: 'Problems by code', none: 'none', notice: 'Note' },
};

const SORT_SCRIPT = `
for (const th of document.querySelectorAll('table.summary th')) th.addEventListener('click', () => {
  const table = th.closest('table'), body = table.tBodies[0], col = th.cellIndex, dir = th.dataset.dir === 'asc' ? 'desc' : 'asc';
  th.dataset.dir = dir;
  const key = (tr) => { const t = tr.cells[col].dataset.sort ?? tr.cells[col].textContent; const n = Number(t); return Number.isNaN(n) || t === '' ? t : n; };
  [...body.rows].sort((a, b) => { const x = key(a), y = key(b); const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh'); return dir === 'asc' ? c : -c; }).forEach((tr) => body.appendChild(tr));
});`;

export function toHtml(files: readonly FileReport[], checked: ReadonlyMap<string, Checked>, locale: Locale): string {
  const w = WORDS[locale];
  const rows: string[] = [];
  const bodies: string[] = [];
  files.forEach((file, fileNo) => {
    const entry = checked.get(file.path);
    if (!entry) {
      rows.push(`<tr><td>${escapeHtml(file.path)}</td><td colspan="6">${escapeHtml(file.error ?? file.notice ?? '')}</td></tr>`);
      return;
    }
    const lines = new LineIndex(entry.text);
    const absolute = resolve(file.path);
    entry.result.parsed.reports.forEach((report, reportNo) => {
      const own = entry.result.diagnostics.filter((d) => d.span.start >= report.span.start && d.span.start <= report.span.end);
      const id = `r${fileNo}-${reportNo}`;
      const count = (severity: Diagnostic['severity']): number => own.filter((d) => d.severity === severity).length;
      const byCode = new Map<string, number>();
      for (const d of own) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
      const codes = [...byCode].map(([code, n]) => `<code>${code}</code>×${n}`).join(' ') || w.none;
      rows.push(
        `<tr><td><a href="#${id}">${escapeHtml(file.path)}</a></td><td>${escapeHtml(report.agency)}</td><td>${report.year ?? ''}</td>` +
          `<td>${report.templateId}</td><td class="n${count('error') ? ' bad' : ''}">${count('error')}</td><td class="n">${count('warning')}</td><td data-sort="${own.length}">${codes}</td></tr>`,
      );
      const html = reportHtml(report, own, {
        locale,
        slice: (span) => entry.text.slice(span.start, span.end),
        lineOf: (offset) => lines.positionAt(offset).line,
        href: (offset) => {
          const p = lines.positionAt(offset);
          return `${pathToFileURL(absolute).href}#L${p.line + 1}`;
        },
      });
      bodies.push(`<article id="${id}"><p class="file">${escapeHtml(file.path)}</p>${html}</article>`);
    });
  });
  const head = [w.file, w.agency, w.year, w.template, w.errors, w.warnings, w.codes].map((h) => `<th>${h}</th>`).join('');
  return `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${w.title}</title><style>${REPORT_CSS}
table.summary { border-collapse: collapse; margin: 1em 0; } table.summary th, table.summary td { border: 1px solid #999; padding: .2em .6em; }
table.summary th { cursor: pointer; background: #f3f3f3; } td.n { text-align: right; } td.bad { color: #c00; font-weight: bold; }
article { border-top: 3px double #999; margin-top: 2em; } p.file { font-family: monospace; opacity: .7; }
</style></head><body>
<h1>${w.title}</h1>
<table class="summary"><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>
${bodies.join('\n')}
<script>${SORT_SCRIPT}</script>
</body></html>`;
}
