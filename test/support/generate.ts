// Builds report text from chosen values, in every layout the parser reads: for property tests, the
// examples and the benchmark.
import { TEMPLATES } from '../../server/src/engine/template/tables';

export type Layout = 'tabs' | 'lines' | 'spaced-lines' | 'pipes' | 'spaces';
export const LAYOUTS: readonly Layout[] = ['tabs', 'lines', 'spaced-lines', 'pipes', 'spaces'];

export interface ReportValues {
  table2: Record<string, number[]>;
  table3: Record<string, number[]>;
  table4: number[];
}

export interface ReportSpec {
  agency: string;
  year: number;
  values: ReportValues;
  layout: Layout;
  fullWidth?: boolean;
  /** the date in 发布时间 (defaults to 15 January of the next year) */
  published?: string;
  /** long row labels broken over two lines, as text copied from Word or a PDF comes (tabs and lines layouts) */
  splitLabels?: boolean;
  /** where the title names the agency (default: on its own line) */
  title?: TitleShape;
  /** a page break after every section heading, as PDF text comes: a footer (`- 2 -`) and the running header (the title without its agency) */
  pageBreaks?: boolean;
  /** the report is cut off after this section's heading, with no line break after it (a fragment pasted into a compilation) */
  cutAfter?: number;
  /** markdown as OCR tools write it: `#` before the title, `##` before headings, `###` before the row labels that start with 一、 */
  markdown?: boolean;
  /** how the text after the title runs (default: one line per paragraph and table row) */
  flow?: Flow;
  /** a web page as a scraper saves it: a header block (标题:, 发布时间:, 发布机构: …) instead of the title, and the site's navigation around the body */
  scraper?: boolean;
  /** table 三's headings （三）–（六） written as rows carrying the sums of the rows under them, as some reports add */
  subtotalRows?: boolean;
  /** table 三 with a 法人或其他组织 小计 column, as some reports add: right after 自然人, or after 其他 (before 总计) */
  subtotalColumn?: SubtotalColumn;
  /** a unit on every count cell (`144件`), as some pages write them; the fee (万元) without */
  units?: boolean;
  /** a full stop after every cell (`21.`, `21。`), as some pages write them */
  stop?: Stop;
}

export type Stop = '.' | '．' | '。';
export const STOPS: readonly Stop[] = ['.', '．', '。'];

export type SubtotalColumn = 'after-natural' | 'after-other';

/**
 * How the body runs, as crawled pages give it: `mid-line`, each heading glued to the text before it and to its
 * section's first line (…答复。二、主动公开政府信息情况第二十条第（一）项), the rest as the layout writes it;
 * `one-line`, the whole body on one line, table cells and rows separated by single spaces as scrapers leave them
 * (the layout is then `spaces`, and labels are never split: there is no line to split them over); `run-on`, the
 * same, but a row that starts with its ordinal follows the row before with nothing between, its total run into
 * the ordinal (`…3 0 0 32.其他法律…`), as a page whose line breaks were dropped gives it; `tab-rows`, the whole
 * body on one line, each row's cells kept apart by tabs and the rows by a space (the layout is then `tabs`);
 * `glued-rows`, the same with nothing between the rows (`…\t144二、上年结转…`), as a scraper that drops a table's
 * row breaks but keeps its cell breaks saves it.
 */
export type Flow = 'lines' | 'mid-line' | 'one-line' | 'run-on' | 'tab-rows' | 'glued-rows';
export const FLOWS: readonly Flow[] = ['lines', 'mid-line', 'one-line', 'run-on', 'tab-rows', 'glued-rows'];

/** The agency on the title's line, on the line before it (a title in two lines), or nowhere. */
export type TitleShape = 'one-line' | 'two-lines' | 'no-agency';
export const TITLE_SHAPES: readonly TitleShape[] = ['one-line', 'two-lines', 'no-agency'];

const T = TEMPLATES['2021'].tables;
export const TABLE3_KEYS = T['三'].rows.map((r) => r.key);
export const OUTCOME_KEYS = TABLE3_KEYS.slice(2, 23);

/** A small deterministic generator, so examples and benchmarks are the same on every machine. */
export function seededRandom(seed: number): (max: number) => number {
  let s = seed >>> 0 || 1;
  return (max) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % (max + 1);
  };
}

/** Values that satisfy every rule: row totals, column totals and the balance. */
export function consistentValues(random: (max: number) => number): ReportValues {
  const table3: Record<string, number[]> = {};
  const withTotal = (parts: number[]): number[] => [...parts, parts.reduce((a, b) => a + b, 0)];
  const sums = [0, 0, 0, 0, 0, 0];
  for (const key of OUTCOME_KEYS) {
    const parts = [0, 1, 2, 3, 4, 5].map((c) => (random(3) === 0 ? random(c === 0 ? 40 : 3) : 0));
    parts.forEach((v, c) => (sums[c] += v));
    table3[key] = withTotal(parts);
  }
  table3.R24 = withTotal(sums);
  const carried = sums.map(() => random(2));
  const previous = sums.map((s, c) => random(Math.min(2, s + carried[c])));
  table3.R25 = withTotal(carried);
  table3.R2 = withTotal(previous);
  table3.R1 = withTotal(sums.map((s, c) => s + carried[c] - previous[c]));
  const group = (): number[] => {
    const parts = [random(3), random(2), random(1), random(1)];
    return [...parts, parts.reduce((a, b) => a + b, 0)];
  };
  return {
    table2: { A1: [0, 0, random(5)], A2: [random(9), random(3), random(60)], E1: [random(900)], F1: [random(300)], F2: [random(20)], H1: [random(90)] },
    table3,
    table4: [...group(), ...group(), ...group()],
  };
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
/** A count as the table writes it: in ASCII or full-width digits. */
export const digits = (n: number, fullWidth: boolean): string => (fullWidth ? String(n).replace(/\d/g, (d) => FULL_WIDTH_DIGITS[+d]) : String(n));

const SPLIT_FROM = 14;
const SECTION_HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

function rowText(label: string, values: string[], layout: Layout, split = false): string[] {
  if (split && label.length > SPLIT_FROM && (layout === 'tabs' || layout === 'lines')) {
    const at = Math.floor(label.length / 2);
    return [label.slice(0, at), ...rowText(label.slice(at), values, layout)];
  }
  switch (layout) {
    case 'tabs':
      return [[label, ...values].join('\t')];
    case 'pipes':
      return [`| ${[label, ...values].join(' | ')} |`];
    case 'spaces':
      return [[label, ...values].join('  ')];
    case 'lines':
      return [label, ...values];
    case 'spaced-lines':
      return [label, ...values].flatMap((v) => [v, '']);
  }
}

/** A group's subtotal row: the sums of its member rows, column by column. */
export function subtotalRow(values: ReportValues, members: readonly string[]): number[] {
  return values.table3[members[0]].map((_, col) => members.reduce((sum, key) => sum + values.table3[key][col], 0));
}

/** A table 三 row's cells with the 法人或其他组织 subtotal (the sum of its five 法人 cells) at its place, or none. */
export function withSubtotalColumn(cells: readonly number[], place?: SubtotalColumn): number[] {
  if (!place) return [...cells];
  const at = place === 'after-natural' ? 1 : 6;
  return [...cells.slice(0, at), cells.slice(1, 6).reduce((a, b) => a + b, 0), ...cells.slice(at)];
}

export function renderTables(
  values: ReportValues,
  layout: Layout,
  fullWidth = false,
  splitLabels = false,
  subtotalRows = false,
  subtotalColumn?: SubtotalColumn,
  units = false,
  stop = '',
): { two: string[]; three: string[]; four: string[] } {
  const num = (n: number): string => digits(n, fullWidth) + (units ? '件' : '') + stop;
  const cells3 = (cells: readonly number[]): string[] => withSubtotalColumn(cells, subtotalColumn).map(num);
  const parts3 = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
  const header3 = subtotalColumn === 'after-natural' ? ['小计', ...parts3] : subtotalColumn === 'after-other' ? [...parts3, '小计'] : parts3;
  const two = T['二'].blocks!.flatMap((block) => {
    const rows = block.rows.map((k) => T['二'].rows.find((r) => r.key === k)!);
    return [
      block.label,
      ...rowText('信息内容', rows[0].columns.map((c) => c.label), layout),
      ...rows.flatMap((r) => rowText(r.label, values.table2[r.key].map((v, k) => (r.columns[k].kind === 'amount' ? digits(v, fullWidth) + stop : num(v))), layout)),
    ];
  });
  const groupOf = new Map(T['三'].groups.map((g) => [g.members[0], g]));
  const heading = (group: (typeof T)['三']['groups'][number]): string[] =>
    subtotalRows && group.members.length > 1 ? rowText(group.label, cells3(subtotalRow(values, group.members)), layout) : [group.label];
  const three = [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    '申请人情况',
    ...rowText('自然人', ['法人或其他组织', '总计'], layout),
    ...rowText(header3[0], header3.slice(1), layout),
    ...T['三'].rows.flatMap((r) => {
      const group = groupOf.get(r.key);
      return [...(group ? heading(group) : []), ...rowText(r.label, cells3(values.table3[r.key]), layout, splitLabels)];
    }),
  ];
  const four = [
    '行政复议',
    '行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    '未经复议直接起诉',
    '复议后起诉',
    ...(layout === 'lines' || layout === 'spaced-lines'
      ? rowText('结果维持', values.table4.map(num), layout).slice(layout === 'lines' ? 1 : 2)
      : [values.table4.map(num).join(layout === 'tabs' ? '\t' : layout === 'pipes' ? ' | ' : '  ')]),
  ];
  return { two, three, four };
}

function titleLines(spec: ReportSpec): string[] {
  const title = `${spec.year}年政府信息公开工作年度报告`;
  switch (spec.title ?? 'one-line') {
    case 'one-line':
      return [`${spec.agency}${title}`];
    case 'two-lines':
      return [spec.agency, title];
    case 'no-agency':
      return [title];
  }
}

const marked = (spec: ReportSpec, mark: string, lines: string[]): string[] => (spec.markdown ? lines.map((l) => `${mark} ${l}`) : lines);
/** table 三's labels that look like headings: 一、本年新收…, 三、本年度办理结果, 四、结转下年度继续办理 */
const NUMBERED_LABEL = /^[一二三四五六]、/;

/** The opening of a crawled page's body, which runs on into the first heading */
const INTRO = '根据《中华人民共和国政府信息公开条例》要求，现将本机关年度政府信息公开工作情况报告如下。';
/** the site's navigation before the body and after it */
const NAVIGATION_BEFORE = ['当前位置：首页 > 政务公开 > 政府信息公开年报', '全真版 文字版 文件下载'];
const NAVIGATION_AFTER = '附件下载';

/** A scraper's header block: the title and publication date of the page, the agency only where the title names none. */
function headerBlock(spec: ReportSpec, published: string): string[] {
  const title = titleLines(spec).join('');
  const month = published.slice(0, 7).replace('-', '');
  return [
    `标题: ${title}`,
    `发布时间: ${published} 09:30`,
    '文号: ',
    `发布机构: ${spec.title === 'no-agency' ? spec.agency : ''}`,
    '栏目: 政府信息公开年报',
    `原文链接: https://www.example.gov.cn/zwgk/ndbg/${month}/t${published.replace(/-/g, '')}_1.htm`,
    `本地目录: zwgk/ndbg/${month}/1_${title}`,
    '==================== 正文 ====================',
  ];
}

/** The body's lines in a flow: headings glued to the text around them, or everything (with the navigation around it) on one line. */
function flowed(flow: Exclude<Flow, 'lines'>, sections: { heading: string; body: string[] }[], before: string[], after: string[]): string[] {
  if (flow === 'tab-rows' || flow === 'glued-rows') {
    const body = sections.map((s) => s.heading + s.body.join(flow === 'glued-rows' ? '' : ' ')).join('');
    return [[...before, INTRO + body, ...after].join(' ')];
  }
  if (flow === 'one-line' || flow === 'run-on') {
    const joined = (lines: string[]): string => (flow === 'run-on' ? lines.reduce((out, l) => out + (/^\d[.、．]/.test(l) ? '' : ' ') + l) : lines.join(' '));
    const body = sections.map((s) => s.heading + joined(s.body).replace(/[\t ]+/g, ' ')).join('');
    return [[...before, INTRO + body, ...after].join(' ')];
  }
  const lines = [...before, INTRO];
  for (const { heading, body } of sections) {
    lines[lines.length - 1] += heading + body[0];
    lines.push(...body.slice(1));
  }
  return [...lines, ...after];
}

export function renderReport(spec: ReportSpec): string {
  const flow = spec.flow ?? 'lines';
  if (flow === 'one-line' || flow === 'run-on') spec = { ...spec, layout: 'spaces', splitLabels: false };
  if (flow === 'tab-rows' || flow === 'glued-rows') spec = { ...spec, layout: 'tabs', splitLabels: false };
  const { two, three, four } = renderTables(spec.values, spec.layout, spec.fullWidth, spec.splitLabels, spec.subtotalRows, spec.subtotalColumn, spec.units, spec.stop);
  const r1 = spec.values.table3.R1[6];
  const bodies = [
    [`${spec.year}年，本机关认真贯彻《中华人民共和国政府信息公开条例》，全年共受理政府信息公开申请${r1}件，均在法定期限内答复。`],
    two,
    three,
    four,
    ['政务公开的深度和广度还有待提升。下一步将加强培训，规范依申请公开办理流程。'],
    ['本年度未收取信息处理费。'],
  ];
  const published = spec.published ?? `${spec.year + 1}-01-15`;
  const head = spec.scraper ? headerBlock(spec, published) : [...marked(spec, '#', titleLines(spec)), '', `发布时间：${published}`];
  const [before, after] = spec.scraper ? [NAVIGATION_BEFORE, [NAVIGATION_AFTER]] : [[], []];
  if (flow !== 'lines') {
    const sections = bodies.map((body, k) => ({ heading: SECTION_HEADINGS[k], body }));
    return [...head, ...flowed(flow, sections, before, after), ''].join('\n');
  }
  const lines = [...head, ...before];
  for (const [k, body] of bodies.entries()) {
    lines.push('', ...marked(spec, '##', [SECTION_HEADINGS[k]]));
    if (spec.cutAfter === k + 1) return lines.join('\n');
    if (spec.pageBreaks) lines.push('', `- ${k + 1} -`, `${spec.year}年政府信息公开工作年度报告`);
    lines.push('', ...body.map((l) => (NUMBERED_LABEL.test(l) ? marked(spec, '###', [l])[0] : l)));
  }
  return [...lines, ...after, ''].join('\n');
}

/**
 * A generated report with its prose written anew, the figures kept: what the next year's report of an agency reads
 * like when it is not copied from the last (renderReport writes the same sentences every year).
 */
export function rewriteProse(text: string): string {
  return text
    .replace(/本机关认真贯彻《中华人民共和国政府信息公开条例》，全年共受理政府信息公开申请(\d+)件，均在法定期限内答复。/, '本机关以标准化规范化建设为抓手推进基层政务公开，依法受理政府信息公开申请$1件，逐件登记并按时办结。')
    .replace('政务公开的深度和广度还有待提升。下一步将加强培训，规范依申请公开办理流程。', '基层公开队伍人员变动较频繁，业务能力参差不齐。明年将开展专题轮训，完善答复文书模板和归档制度。');
}
