// date-mismatch: the statistics period and the publication date against the report year, and the
// publication deadline of 条例 第四十九条 (31 January for departments, 31 March for a government's own
// report; set locally for 乡镇/街道, so never reported for them).
import type { Span } from '../model';
import type { DeadlineRule } from './context';
import { compactProse, proseMatches, proseSpan } from './prose';
import { defineCheck, type CheckContext } from './define';

const PERIOD = /统计期限[^。]{0,12}?(\d{4})年/y;
const PERIOD_REACH = 21;
const PUBLISHED = /发布(?:时间|日期)[:：]?(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})/y;
const PUBLISHED_REACH = 15;
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

interface FoundDate {
  year: number;
  month: number;
  day: number;
  span: Span;
  text: string;
}

function publicationDate(ctx: CheckContext): FoundDate | null {
  const { report } = ctx;
  for (const { match: m, prose } of proseMatches(ctx.text, report.span, '发', PUBLISHED, PUBLISHED_REACH)) {
    const at = m.index + m[0].search(/\d/);
    const end = m.index + m[0].length;
    return { year: +m[1], month: +m[2], day: +m[3], span: proseSpan(prose, at, end), text: prose.text.slice(at, end) };
  }
  // the signature date: a line holding only a date, among the report's last lines (read from the end, so a
  // long report is not split into lines for it)
  let seen = 0;
  for (let end = report.span.end; end > report.span.start && seen < 6; ) {
    let start = end;
    while (start > report.span.start && ctx.text[start - 1] !== '\n' && ctx.text[start - 1] !== '\r') start--;
    const line = ctx.text.slice(start, end);
    const d = DATE_LINE.exec(compactProse(line, { start: 0, end: line.length }).text);
    if (d) {
      const from = start + (line.length - line.trimStart().length);
      return { year: +d[1], month: +d[2], day: +d[3], span: { start: from, end: start + line.trimEnd().length }, text: line.trim() };
    }
    if (line.trim()) seen++;
    end = start - 1;
    if (end > report.span.start && ctx.text[end] === '\n' && ctx.text[end - 1] === '\r') end--;
  }
  return null;
}

type Deadline = 'department' | 'government';

// The agency is known by its head noun, the end of its name: characters inside it say nothing (the 乡 of
// 住房和城乡建设局, the 村 of 农业农村局), and a government or a zone names itself by its end (…人民政府,
// …综合实验区, …开发区管委会).
/** a township or street, or anything under one: its deadline is set locally */
const LOCAL = /(?:乡|镇|苏木|街道)(?:人民政府|政府|办事处|党工委)?$|(?:乡|镇|苏木)人民政府|街道办事处|(?:村|居)民委员会$|社区$/;
/** a zone's administrative committee governs the zone (…开发区管委会), unlike a department's (国有资产监督管理委员会) */
const ZONE_COMMITTEE = /(?:区|园|城|岛|港)(?:党工委|工委)?(?:管理委员会|管委会)$/;
const GOVERNMENT = /(?:人民政府|政府|[省市县区旗州盟])$/;
const DEPARTMENT = /(?:局|委员会|委|办公室|办|中心|厅|院|署|处|所|站|队|馆)$/;

/** Which deadline of 第四十九条 applies to the agency; null where none does or the name does not tell. */
function deadlineOf(agency: string): Deadline | null {
  const name = agency.replace(/\s+/g, '');
  if (!name || LOCAL.test(name)) return null;
  if (ZONE_COMMITTEE.test(name) || GOVERNMENT.test(name)) return 'government';
  return DEPARTMENT.test(name) ? 'department' : null;
}

function deadlineFor(rule: DeadlineRule, agency: string): Deadline | null {
  if (rule === 'none') return null;
  return rule === 'auto' ? deadlineOf(agency) : rule;
}

/** The report's first line with text, where its title should stand. */
function firstLine(text: string, span: Span): Span {
  let start = span.start;
  while (start < span.end && /\s/.test(text[start])) start++;
  let end = start;
  while (end < span.end && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end: start + text.slice(start, end).trimEnd().length };
}

// The report year is the title's (a title is read only with its year): without it, the statistics period and the
// publication date have nothing to be checked against, which is said once rather than passed over in silence.
const checkDates = (ctx: CheckContext): void => {
  const { report } = ctx;
  const year = report.year;
  if (year === null) {
    ctx.emit('date-mismatch', firstLine(ctx.text, report.span), ctx.msg('date-no-title', {}));
    return;
  }
  for (const { match: m, prose } of proseMatches(ctx.text, report.span, '统', PERIOD, PERIOD_REACH)) {
    const found = +m[1];
    if (found !== year) {
      const at = m.index + m[0].length - 5;
      ctx.emit('date-mismatch', proseSpan(prose, at, at + 4), ctx.msg('date-period', { found, year }));
    }
  }
  const published = publicationDate(ctx);
  if (!published) return;
  const date = published.text;
  if (published.year !== year + 1) {
    ctx.emit('date-mismatch', published.span, ctx.msg('date-publication-year', { date, expected: year + 1 }));
    return;
  }
  const kind = deadlineFor(ctx.options.deadline, report.agency);
  if (!kind) return;
  const [month, day, rule] = kind === 'department' ? [1, 31, ctx.msg('deadline.department')] : [3, 31, ctx.msg('deadline.government')];
  if (published.month > month || (published.month === month && published.day > day)) {
    ctx.emit('date-mismatch', published.span, ctx.msg('date-late', { date, rule, deadline: `${year + 1}-${String(month).padStart(2, '0')}-${day}` }));
  }
};

export const datesCheck = defineCheck({
  about: { zh: '标题年度、统计期限、发布日期与发布期限', en: 'title year, statistics period, publication date and deadline' },
  codes: {
    'date-mismatch': { severity: 'warning', fix: 'none', name: { zh: '日期不符', en: 'Date mismatch' } },
  },
  messages: {
    'date-no-title': {
      zh: () => '未找到报告标题（“机关名称＋年度＋政府信息公开工作年度报告”），无法核对报告年度与统计期限、发布日期',
      en: () => 'No report title found (“<agency> <year>年政府信息公开工作年度报告”): the report year cannot be checked against the statistics period and the publication date',
    },
    'date-period': {
      zh: (p) => `统计期限的年份 ${p.found} 与报告年度 ${p.year} 不一致`,
      en: (p) => `The statistics period’s year ${p.found} differs from the report year ${p.year}`,
    },
    'date-publication-year': {
      zh: (p) => `发布日期 ${p.date} 不在报告年度的次年（${p.expected} 年）`,
      en: (p) => `The publication date ${p.date} is not in the year after the report year (${p.expected})`,
    },
    'date-late': {
      zh: (p) => `发布日期 ${p.date} 晚于${p.rule}（${p.deadline}）`,
      en: (p) => `The publication date ${p.date} is after ${p.rule} (${p.deadline})`,
    },
    'deadline.department': {
      zh: () => '县级以上人民政府部门的公布期限',
      en: () => 'the deadline for departments',
    },
    'deadline.government': {
      zh: () => '县级以上地方人民政府的公布期限',
      en: () => 'the deadline for a government’s own report',
    },
  },
  run: checkDates,
});
