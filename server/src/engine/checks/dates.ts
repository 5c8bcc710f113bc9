// date-mismatch: the statistics period and the publication date against the report year, and the
// publication deadline of 条例 第四十九条 (31 January for departments, 31 March for a government's own
// report; set locally for 乡镇/街道, so never reported for them).
import type { Span } from '../model';
import type { Check, CheckContext, DeadlineRule } from './context';
import { compactProse, proseMatches, proseSpan } from './prose';

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

function deadlineFor(rule: DeadlineRule, agency: string): 'department' | 'government' | null {
  if (rule === 'none') return null;
  if (rule !== 'auto') return rule;
  if (!agency || /乡|镇|街道|办事处|社区|村/.test(agency)) return null;
  return /人民政府$/.test(agency) ? 'government' : 'department';
}

export const checkDates: Check = (ctx) => {
  const { report } = ctx;
  const year = report.year;
  if (year === null) return;
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
  const [month, day, rule] =
    kind === 'department'
      ? [1, 31, ctx.options.locale === 'en' ? 'the deadline for departments' : '县级以上人民政府部门的公布期限']
      : [3, 31, ctx.options.locale === 'en' ? 'the deadline for a government’s own report' : '县级以上地方人民政府的公布期限'];
  if (published.month > month || (published.month === month && published.day > day)) {
    ctx.emit('date-mismatch', published.span, ctx.msg('date-late', { date, rule, deadline: `${year + 1}-${String(month).padStart(2, '0')}-${day}` }));
  }
};
