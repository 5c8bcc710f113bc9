// The CLI's HTML pages (`check --format html`, `summary --format html`): self-contained (no remote resource, a
// content security policy that allows none), readable when mailed, and with tables that sort on a click of a
// header; a totals row stays at the foot.
import type { Locale } from '../engine';
import { escapeHtml } from '../engine/features/html';
import { codeName } from '../engine/messages/codes';
import type { ColumnKind, Grid, Value } from './summary-table';

const SCRIPT = `
// a link to a folded part of the page opens it
const openTarget = () => { const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1))); if (target && target.tagName === 'DETAILS') target.open = true; };
addEventListener('hashchange', openTarget);
openTarget();
for (const th of document.querySelectorAll('table.sortable thead th')) th.addEventListener('click', () => {
  const table = th.closest('table'), body = table.tBodies[0], col = th.cellIndex, dir = th.dataset.dir === 'asc' ? 'desc' : 'asc';
  for (const other of table.tHead.rows[0].cells) delete other.dataset.dir;
  th.dataset.dir = dir;
  const key = (tr) => { const cell = tr.cells[col], t = cell.dataset.sort ?? cell.textContent; const n = Number(t); return t === '' || Number.isNaN(n) ? t : n; };
  const compare = (x, y) => typeof x === 'number' && typeof y === 'number' ? x - y : x === '' ? 1 : y === '' ? -1 : String(x).localeCompare(String(y), 'zh');
  [...body.rows].sort((a, b) => { const c = compare(key(a), key(b)); return dir === 'asc' ? c : -c; }).forEach((tr) => body.appendChild(tr));
});`;

const PAGE_CSS = `
div.scroll { overflow-x: auto; }
table.sortable { border-collapse: collapse; margin: .6em 0; font-variant-numeric: tabular-nums; font-size: .92em; line-height: 1.35; }
table.sortable th, table.sortable td { border: 1px solid #999; padding: .2em .45em; }
table.sortable thead th { cursor: pointer; background: #f3f3f3; font-weight: normal; min-width: 3.2em; }
table.sortable thead th[data-dir="asc"]::after { content: " ▲"; } table.sortable thead th[data-dir="desc"]::after { content: " ▼"; }
td.t { white-space: nowrap; } table.sortable td.file { word-break: break-all; min-width: 10em; }
table.sortable tfoot td { font-weight: bold; background: #f8f8f8; }
td.n { text-align: right; white-space: nowrap; } td.bad { color: #c00; font-weight: bold; } td.partial::after { content: "*"; color: #c00; }
td.codes { min-width: 9em; } span.code { border-bottom: 1px dotted #888; white-space: nowrap; margin-right: .3em; display: inline-block; }
`;

const WORDS = {
  zh: { partial: (n: number) => `${n} 份年报此项未知（空白或缺失），未计入合计` },
  en: { partial: (n: number) => `${n} report(s) leave this unknown (blank or missing): not in the total` },
};

export interface GridHtmlOptions {
  readonly className?: string;
  /** the inside of a body cell of a path column, given its text escaped (a link) */
  readonly inner?: (row: number, escaped: string) => string;
}

const KIND_CLASS: Record<ColumnKind, string> = { text: 't', path: 'file', number: 'n', change: 'n', errors: 'n', codes: 'codes' };

const signedText = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** Codes separated by spaces, each named in words with the code as its tooltip. */
function namedCodes(value: string, locale: Locale): string {
  return value
    .split(' ')
    .filter(Boolean)
    .map((code) => `<span class="code" title="${escapeHtml(code)}">${escapeHtml(codeName(locale, code))}</span>`)
    .join('');
}

/**
 * A grid as a sortable table: numbers right-aligned and sorted as numbers, changes with their sign, error counts
 * marked, codes named, the totals in the table's foot.
 */
export function gridHtml(grid: Grid, locale: Locale, options: GridHtmlOptions = {}): string {
  const text = (value: Value, col: number): string => {
    const kind = grid.columns[col].kind;
    if (value === null) return '';
    if (typeof value === 'number') return kind === 'change' ? signedText(value) : String(value);
    return kind === 'codes' ? namedCodes(value, locale) : escapeHtml(value);
  };
  const cell = (value: Value, col: number, inner: string, more = '', title = ''): string => {
    const kind = grid.columns[col].kind;
    const bad = kind === 'errors' && typeof value === 'number' && value > 0;
    const cls = [KIND_CLASS[kind], bad ? 'bad' : '', more].filter(Boolean).join(' ');
    const sort = typeof value === 'number' ? ` data-sort="${value}"` : '';
    return `<td${cls ? ` class="${cls}"` : ''}${sort}${title ? ` title="${escapeHtml(title)}"` : ''}>${inner}</td>`;
  };
  const head = `<thead><tr>${grid.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr></thead>`;
  const body = grid.rows
    .map((row, r) => {
      const cells = row.map((value, c) => {
        const inner = text(value, c);
        return cell(value, c, options.inner && grid.columns[c].kind === 'path' ? options.inner(r, inner) : inner);
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const foot = grid.totals
    ? `<tfoot><tr>${grid.totals
        .map((value, c) => {
          const unknown = grid.unknown?.[c] ?? 0;
          return cell(value, c, text(value, c), unknown ? 'partial' : '', unknown ? WORDS[locale].partial(unknown) : '');
        })
        .join('')}</tr></tfoot>`
    : '';
  return `<div class="scroll"><table class="sortable ${options.className ?? ''}">${head}<tbody>${body}</tbody>${foot}</table></div>`;
}

/** A whole page: the title, the styles given after the tables' own, the body, the sorting script. */
export function pageHtml(locale: Locale, title: string, css: string, body: string): string {
  return `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${css}${PAGE_CSS}</style></head><body>
<h1>${escapeHtml(title)}</h1>
${body}
<script>${SCRIPT}</script>
</body></html>
`;
}
