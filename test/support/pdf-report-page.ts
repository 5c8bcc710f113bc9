// A generated report as a web page with the official tables (merged headers as in 国办公开办函〔2021〕30号's
// template), to be printed to PDF; and the same report's text form, with the same blank cells, to compare with.
import { TEMPLATES } from '../../server/src/engine/template/tables';
import { renderReport, type ReportValues } from './generate';

const T = TEMPLATES['2021'].tables;

/** A cell written empty: a row of table 三 (R1…R25) or table 四's row (G), and a 0-based column. */
export interface BlankCell {
  readonly key: string;
  readonly col: number;
}

export interface PageSpec {
  readonly agency: string;
  readonly year: number;
  readonly values: ReportValues;
  readonly blanks?: readonly BlankCell[];
  /** tables with borders (the default) or without any ruling line, cells aligned at their tops */
  readonly ruled?: boolean;
  /** table 三's row before which the printer starts a new page */
  readonly breakBefore?: string;
  /** table 三's header rows in a <thead>, which Chromium repeats on every page the table crosses */
  readonly repeatHeader?: boolean;
  /** 行 and 方 written as the Kangxi radicals ⾏ and ⽅, as some fonts' ToUnicode maps give them */
  readonly radicals?: boolean;
  /** table 三's row labels in cells this wide (CSS), so that long ones wrap onto two or three lines */
  readonly labelWidth?: string;
  /** （六）其他处理's rowspan runs on over this many rows after its members, into （七）总计 and 四、 (a CMS's slip) */
  readonly overrun?: number;
}

const isBlank = (spec: PageSpec, key: string, col: number): boolean => (spec.blanks ?? []).some((b) => b.key === key && b.col === col);
const valueText = (spec: PageSpec, key: string, col: number, value: number): string => (isBlank(spec, key, col) ? '' : String(value));

/** The report as text (tab-separated rows), the blank cells empty. */
export function reportTextForm(spec: PageSpec): string {
  const lines = renderReport({ agency: spec.agency, year: spec.year, values: spec.values, layout: 'tabs' }).split('\n');
  const byLabel = new Map(T['三'].rows.map((r) => [r.label, r.key]));
  const four = lines.indexOf('复议后起诉') + 1;
  return lines
    .map((line, i) => {
      const fields = line.split('\t');
      const key = i === four ? 'G' : byLabel.get(fields[0]);
      if (!key) return line;
      const values = key === 'G' ? fields : fields.slice(1);
      const written = values.map((v, col) => (isBlank(spec, key, col) ? '' : v));
      return (key === 'G' ? written : [fields[0], ...written]).join('\t');
    })
    .join('\n');
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const td = (text: string, attrs = ''): string => `<td${attrs}>${escapeHtml(text)}</td>`;
const tr = (cells: string[], attrs = ''): string => `<tr${attrs}>${cells.join('')}</tr>`;
const num = (text: string): string => td(text, ' class="n"');

function table2(spec: PageSpec): string {
  const rows: string[] = [];
  for (const block of T['二'].blocks!) {
    const templates = block.rows.map((k) => T['二'].rows.find((r) => r.key === k)!);
    const columns = templates[0].columns;
    const span = columns.length === 1 ? ' colspan="3"' : '';
    rows.push(tr([td(block.label, ' colspan="4"')]));
    rows.push(tr([td('信息内容'), ...columns.map((c) => td(c.label, span))]));
    for (const r of templates) rows.push(tr([td(r.label), ...spec.values.table2[r.key].map((v) => td(String(v), ` class="n"${span}`))]));
  }
  return `<table>${rows.join('')}</table>`;
}

function table3(spec: PageSpec): string {
  const header = [
    tr([td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"'), td('申请人情况', ' colspan="7"')]),
    tr([td('自然人', ' rowspan="2"'), td('法人或其他组织', ' colspan="5"'), td('总计', ' rowspan="2"')]),
    tr(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((h) => td(h))),
  ];
  const groups = new Map(T['三'].groups.filter((g) => g.key !== 'G-results').map((g) => [g.members[0], g]));
  const body = T['三'].rows.map((r) => {
    const values = spec.values.table3[r.key].map((v, col) => num(valueText(spec, r.key, col, v)));
    const labels: string[] = [];
    if (r.key === 'R3') labels.push(td('三、本年度办理结果', ' rowspan="22"'));
    const group = groups.get(r.key);
    const last = group === [...groups.values()].pop();
    if (group) labels.push(td(group.label, ` rowspan="${group.members.length + (last ? (spec.overrun ?? 0) : 0)}"`));
    const inGroup = [...groups.values()].some((g) => g.members.includes(r.key));
    const span = ['R1', 'R2', 'R25'].includes(r.key) ? 3 : inGroup ? 1 : 2;
    labels.push(td(r.label, ` class="l"${span > 1 ? ` colspan="${span}"` : ''}`));
    return tr([...labels, ...values], r.key === spec.breakBefore ? ' class="break"' : '');
  });
  return spec.repeatHeader ? `<table><thead>${header.join('')}</thead><tbody>${body.join('')}</tbody></table>` : `<table>${[...header, ...body].join('')}</table>`;
}

function table4(spec: PageSpec): string {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return `<table>${[
    tr([td('行政复议', ' colspan="5"'), td('行政诉讼', ' colspan="10"')]),
    tr([...results.map((h) => td(h, ' rowspan="2"')), td('未经复议直接起诉', ' colspan="5"'), td('复议后起诉', ' colspan="5"')]),
    tr([...results, ...results].map((h) => td(h))),
    tr(spec.values.table4.map((v, col) => num(valueText(spec, 'G', col, v)))),
  ].join('')}</table>`;
}

// each table, and the heading after it (where the text form's table ends)
const TABLES: Record<string, [(spec: PageSpec) => string, string]> = {
  '二、主动公开政府信息情况': [table2, '三、收到和处理政府信息公开申请情况'],
  '三、收到和处理政府信息公开申请情况': [table3, '四、政府信息公开行政复议、行政诉讼情况'],
  '四、政府信息公开行政复议、行政诉讼情况': [table4, '五、存在的主要问题及改进情况'],
};

function style(spec: PageSpec): string {
  const title = `${spec.agency}${spec.year}年政府信息公开工作年度报告`;
  const ruled = spec.ruled ?? true;
  return `
@page { size: A4 ${ruled ? '' : 'landscape'}; margin: 22mm 18mm; @top-center { content: "${title}"; font-size: 9pt; } @bottom-center { content: "- " counter(page) " -"; font-size: 10pt; } }
body { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 11pt; line-height: 1.5; }
h1 { font-size: 16pt; text-align: center; }
table { border-collapse: collapse; margin: 6pt 0; font-size: 9pt; }
td { ${ruled ? 'border: 0.75pt solid #000; padding: 2pt 3pt;' : 'padding: 1pt 9pt; vertical-align: top;'} }
td.n { text-align: center; min-width: 2em; }
tr.break { break-before: page; }${spec.labelWidth ? `\ntd.l { width: ${spec.labelWidth}; }` : ''}`;
}

/** The report as a web page: title, prose and the three tables. */
export function reportPage(spec: PageSpec): string {
  const lines = renderReport({ agency: spec.agency, year: spec.year, values: spec.values, layout: 'tabs' }).split('\n');
  const body: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (i === 0) body.push(`<h1>${escapeHtml(line)}</h1>`);
    else body.push(`<p>${escapeHtml(line)}</p>`);
    const table = TABLES[line];
    if (table) {
      body.push(table[0](spec));
      while (i + 1 < lines.length && lines[i + 1] !== table[1]) i++;
    }
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(lines[0])}</title><style>${style(spec)}</style></head><body>${body.join('\n')}</body></html>`;
  return spec.radicals ? html.replace(/行/g, '\u2f8f').replace(/方/g, '\u2f45') : html;
}
