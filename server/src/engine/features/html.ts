// A report drawn as HTML: the three tables as grids with the official merged headers, the prose as text,
// every cell that carries a diagnostic marked with its messages, and every element tagged with its line so
// a click can reveal it in the editor. Used by the editor's preview and by `xxgk check --format html`.
import type { Diagnostic } from '../diagnostic';
import { message, type Locale } from '../messages/catalog';
import { codeName } from '../messages/codes';
import type { Cell, GroupRow, Report, Row, Section, Span, Table } from '../model';
import { columnPaths, headerRows, type HeaderCell } from '../template/headers';
import type { TableId } from '../template/types';
import { lineParagraphs, Reflow } from './paragraphs';

export interface HtmlContext {
  readonly locale: Locale;
  /** the text the report's offsets point into */
  slice(span: Span): string;
  /** the 0-based line of an offset of the report */
  lineOf(offset: number): number;
  /** where a problem's entry links to, if anywhere */
  href?(offset: number): string;
  /** the preview's table view: each cell of a known row carries this key and can be typed into */
  cellKey?(table: TableId, row: string, col: number): string;
  /**
   * the HTML report, read away from the editor: prose reflowed (lines a PDF broke joined, page footers dropped)
   * and each problem's code named in words, the code in a tooltip
   */
  readonly forReading?: boolean;
  /** where a problem is, written beside it when it has no link (the HTML report: "第 32 行") */
  place?(offset: number): string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const within = (point: number, span: Span): boolean => span.start <= point && point <= span.end;
/** Spans share a character, or an empty span (a blank cell, an insertion point) lies on the other. */
const overlaps = (a: Span, b: Span): boolean =>
  (a.start < b.end && b.start < a.end) || (a.start === a.end && within(a.start, b)) || (b.start === b.end && within(b.start, a));
const SEVERITY_ORDER = ['error', 'warning', 'info'] as const;

/** The class and tooltip for an element covering `span`; the diagnostics it shows are marked as used. */
function marks(span: Span, diagnostics: readonly Diagnostic[], used: Set<Diagnostic>): { cls: string; title: string } {
  const here = diagnostics.filter((d) => overlaps(d.span, span));
  here.forEach((d) => used.add(d));
  if (!here.length) return { cls: '', title: '' };
  const worst = SEVERITY_ORDER.find((s) => here.some((d) => d.severity === s))!;
  return { cls: ` ${worst}`, title: here.map((d) => `${d.code}: ${d.message}`).join('\n') };
}

function headerHtml(rows: readonly HeaderCell[][], leading: string): string {
  return rows
    .map((row, i) => {
      const lead = i === 0 ? leading : '';
      return `<tr>${lead}${row.map((c) => `<th colspan="${c.colspan}" rowspan="${c.rowspan}">${escapeHtml(c.label)}</th>`).join('')}</tr>`;
    })
    .join('');
}

function cellHtml(cell: Cell | undefined, ctx: HtmlContext, diagnostics: readonly Diagnostic[], used: Set<Diagnostic>, key?: string): string {
  if (!cell) return '<td class="cell missing"></td>';
  const { cls, title } = marks(cell.span, diagnostics, used);
  const kind = cell.state === 'value' ? (cell.value === 0 ? 'zero' : 'value') : cell.state;
  const shown = cell.state === 'blank' ? (cell.marker ?? '') : cell.raw.trim();
  const editable = key ? ` data-cell="${escapeHtml(key)}" tabindex="0"` : '';
  return `<td class="cell ${kind}${cls}" data-line="${ctx.lineOf(cell.span.start)}"${editable}${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(shown)}</td>`;
}

function rowCells(table: TableId, row: Row | undefined, columns: number, ctx: HtmlContext, diagnostics: readonly Diagnostic[], used: Set<Diagnostic>): string {
  if (!row) return Array.from({ length: columns }, () => '<td class="cell missing"></td>').join('');
  if (!row.cells) {
    const { cls, title } = marks(row.valueZone, diagnostics, used);
    return `<td class="cell blank${cls}" colspan="${columns}" data-line="${ctx.lineOf(row.labelSpan.start)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${row.valuesFound}/${columns}</td>`;
  }
  return row.cells.map((c, col) => cellHtml(c, ctx, diagnostics, used, ctx.cellKey?.(table, row.template.key, col))).join('');
}

function labelHtml(row: Pick<Row, 'labelSpan' | 'typoSpan'> | undefined, label: string, ctx: HtmlContext, diagnostics: readonly Diagnostic[], used: Set<Diagnostic>, colspan = 1): string {
  if (!row) return `<th class="label missing" colspan="${colspan}">${escapeHtml(label)}</th>`;
  const { cls, title } = marks(row.typoSpan ?? row.labelSpan, diagnostics, used);
  return `<th class="label${cls}" colspan="${colspan}" data-line="${ctx.lineOf(row.labelSpan.start)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(label)}</th>`;
}

function tableTwo(table: Table, ctx: HtmlContext, diagnostics: readonly Diagnostic[], used: Set<Diagnostic>): string {
  const byKey = new Map(table.template.rows.map((r) => [r.key, r]));
  const blocks = (table.template.blocks ?? []).map((block) => {
    const templates = block.rows.map((k) => byKey.get(k)!);
    const columns = templates[0].columns;
    const head = `<tr><th class="block" colspan="${columns.length + 1}">${escapeHtml(block.label)}</th></tr><tr><th>信息内容</th>${columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('')}</tr>`;
    const body = templates.map((t) => `<tr>${labelHtml(table.rows.get(t.key), t.label, ctx, diagnostics, used)}${rowCells(table.id, table.rows.get(t.key), t.columns.length, ctx, diagnostics, used)}</tr>`).join('');
    return head + body;
  });
  return `<table class="grid">${blocks.join('')}</table>`;
}

function tableThree(table: Table, ctx: HtmlContext, diagnostics: readonly Diagnostic[], used: Set<Diagnostic>): string {
  const paths = columnPaths(table.template);
  const header = headerRows(paths);
  const head = headerHtml(header, `<th colspan="2" rowspan="${header.length}"></th>`);
  const groupOf = new Map(table.template.groups.flatMap((g) => g.members.map((m) => [m, g] as const)));
  const collapsed = new Map(table.collapsed.map((g) => [g.key, g]));
  const subtotals = new Map(table.subtotalRows.map((g) => [g.key, g]));
  const groupCells = (group: GroupRow): string => group.cells?.map((c, col) => cellHtml(c, ctx, diagnostics, used, ctx.cellKey?.(table.id, group.key, col))).join('') ?? '';
  const body = table.template.rows
    .map((t) => {
      const group = groupOf.get(t.key);
      const row = table.rows.get(t.key);
      // a group's subtotal row (（三）不予公开 written with the sum of its members) drawn above its members
      const subtotal = group && group.members[0] === t.key ? subtotals.get(group.key) : undefined;
      const subtotalRow = subtotal ? `<tr class="subtotal">${labelHtml(subtotal, `${group!.label}（小计）`, ctx, diagnostics, used, 2)}${groupCells(subtotal)}</tr>` : '';
      let label: string;
      if (!group || group.members.length === 1) label = labelHtml(row, group ? `${group.label} ${t.label}` : t.label, ctx, diagnostics, used, 2);
      else {
        const first = group.members[0] === t.key;
        const groupCell = first ? `<th class="group" rowspan="${group.members.length}">${escapeHtml(group.label)}</th>` : '';
        label = groupCell + labelHtml(row, t.label, ctx, diagnostics, used);
      }
      const folded = group && collapsed.get(group.key);
      if (folded && !row) {
        // the older single （六） row: its values stand for the whole group
        if (group.members[0] !== t.key) return `<tr>${label}</tr>`;
        return `${subtotalRow}<tr>${label}${groupCells(folded).replace(/<td /g, `<td rowspan="${group.members.length}" `)}</tr>`;
      }
      return `${subtotalRow}<tr>${label}${rowCells(table.id, row, t.columns.length, ctx, diagnostics, used)}</tr>`;
    })
    .join('');
  return `<table class="grid">${head}${body}</table>`;
}

function tableFour(table: Table, ctx: HtmlContext, diagnostics: readonly Diagnostic[], used: Set<Diagnostic>): string {
  const template = table.template.rows[0];
  const head = headerHtml(headerRows(columnPaths(table.template)), '');
  return `<table class="grid">${head}<tr>${rowCells(table.id, table.rows.get(template.key), template.columns.length, ctx, diagnostics, used)}</tr></table>`;
}

/** Prose a paragraph per line, or reflowed; each paragraph names the line it starts on. */
function proseHtml(span: Span, ctx: HtmlContext, reflow?: Reflow): string {
  const text = ctx.slice(span);
  const paragraphs = reflow ? reflow.paragraphs(text, span.start) : lineParagraphs(text, span.start);
  return paragraphs.map((p) => `<p data-line="${ctx.lineOf(p.start)}">${escapeHtml(p.text)}</p>`).join('');
}

/** A section's body: its table, if it has one, and the prose before and after it. */
function sectionParts(report: Report, section: Section): { table?: Table; prose: Span[] } {
  const body = section.body;
  const table = Object.values(report.tables).find((t) => t.span.start >= body.start && t.span.end <= body.end);
  if (!table) return { prose: [body] };
  return { table, prose: [{ start: body.start, end: table.span.start }, { start: table.span.end, end: body.end }] };
}

function problemHtml(d: Diagnostic, ctx: HtmlContext): string {
  const line = ctx.lineOf(d.span.start);
  const where = ctx.href
    ? `<a href="${escapeHtml(ctx.href(d.span.start))}">${line + 1}</a> `
    : ctx.place
      ? `<span class="where">${escapeHtml(ctx.place(d.span.start))}</span> `
      : '';
  const code = ctx.forReading ? `<span class="code" title="${d.code}">${escapeHtml(codeName(ctx.locale, d.code))}</span>` : `<code>${d.code}</code>`;
  return `<li class="${d.severity}" data-line="${line}">${where}${code} ${escapeHtml(d.message)}</li>`;
}

/** The report as an HTML fragment; diagnostics are those of this report, in its offsets. */
export function reportHtml(report: Report, diagnostics: readonly Diagnostic[], ctx: HtmlContext): string {
  const used = new Set<Diagnostic>();
  const parts: string[] = [];
  const title = report.title || String(report.year ?? '—');
  const titleLine = ctx.lineOf((report.titleSpan ?? report.span).start);
  parts.push(`<h1 data-line="${titleLine}">${escapeHtml(title)}</h1>`);
  parts.push(`<p class="meta">${escapeHtml(message(ctx.locale, 'report.meta', { year: report.year ?? '?', template: report.templateId }))}</p>`);
  // the width of the prose's lines is the report's own, measured on all of it
  const reflow = ctx.forReading ? new Reflow(report.sections.flatMap((s) => sectionParts(report, s).prose.map((span) => ctx.slice(span))).join('\n')) : undefined;
  for (const section of report.sections) {
    const { cls, title: tip } = marks(section.headingSpan, diagnostics, used);
    parts.push(`<h2 class="heading${cls}" data-line="${ctx.lineOf(section.headingSpan.start)}"${tip ? ` title="${escapeHtml(tip)}"` : ''}>${escapeHtml(section.headingText)}</h2>`);
    const { table, prose } = sectionParts(report, section);
    parts.push(proseHtml(prose[0], ctx, reflow));
    if (!table) continue;
    const draw = table.id === '二' ? tableTwo : table.id === '三' ? tableThree : tableFour;
    parts.push(`<div class="table" data-table="${table.id}">${draw(table, ctx, diagnostics, used)}</div>`);
    parts.push(proseHtml(prose[1], ctx, reflow));
  }
  const list = diagnostics.map((d) => problemHtml(d, ctx)).join('');
  const problems = diagnostics.length ? `<ul class="problems">${list}</ul>` : '';
  return `<section class="report">${parts[0]}${parts[1]}${problems}${parts.slice(2).join('')}</section>`;
}

/** Styles for the fragments: VS Code's theme colours where they exist (the preview), plain ones elsewhere. */
export const REPORT_CSS = `
body { font-family: var(--vscode-font-family, "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif); color: var(--vscode-editor-foreground, #1f1f1f); background: var(--vscode-editor-background, #fff); margin: 0 1.5em 2em; line-height: 1.6; }
h1 { font-size: 1.4em; text-align: center; } h2 { font-size: 1.1em; margin-top: 1.4em; }
p.meta { text-align: center; opacity: .7; margin-top: -.6em; }
[data-line] { cursor: pointer; }
table.grid { border-collapse: collapse; margin: .6em 0; font-variant-numeric: tabular-nums; }
table.grid th, table.grid td { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, #999)); padding: .2em .5em; }
table.grid th { font-weight: normal; background: var(--vscode-editorWidget-background, #f3f3f3); }
table.grid th.label { text-align: left; min-width: 11em; } table.grid th.block { text-align: left; font-weight: bold; }
td.cell { text-align: right; min-width: 2.5em; } td.zero { opacity: .55; } td.blank, td.missing { background: repeating-linear-gradient(45deg, transparent 0 4px, rgba(128,128,128,.15) 4px 8px); }
.error { outline: 2px solid var(--vscode-editorError-foreground, #e51400); outline-offset: -2px; background: color-mix(in srgb, var(--vscode-editorError-foreground, #e51400) 18%, transparent) !important; }
.warning { outline: 2px dashed var(--vscode-editorWarning-foreground, #bf8803); outline-offset: -2px; }
.info { text-decoration: underline dotted var(--vscode-editorInfo-foreground, #1a85ff); }
ul.problems { padding-left: 1.2em; } ul.problems li { outline: none; background: none !important; } ul.problems li.error::marker { color: var(--vscode-editorError-foreground, #e51400); }
ul.problems code { opacity: .8; }
`;
