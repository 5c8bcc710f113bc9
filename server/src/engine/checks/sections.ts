// missing-section, section-order, duplicate-section, empty-section.
import { renderBlankTable } from '../template/render';
import { SECTIONS } from '../template/sections';
import type { Span } from '../model';
import { onlyFurniture } from '../parse';
import { defineCheck, type CheckContext } from './define';

/**
 * Whether the span holds nothing but blank lines and page furniture: a PDF's page footer (`- 5 -`) and the
 * next page's running header (the title again) make no text of a section left empty before a page break, nor
 * do a web page's buttons and links after it (附件下载, 【打印本页】).
 */
export function holdsNoText(text: string, span: Span): boolean {
  return onlyFurniture(text, span.start, span.end, false);
}

/** a date line (`2025年1月15日`, `2025-01-15`, `二〇二五年一月十五日`), as a report's signature gives it */
const DATE_LINE = /^[0-9０-９〇零一二三四五六七八九]{4}\s*(?:年\s*[0-9０-９〇零一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９〇零一二三四五六七八九十]{1,3}\s*日|[-./／][0-9０-９]{1,2}[-./／][0-9０-９]{1,2})$/;

/**
 * Whether the span holds text, but only a signature: the agency's name and the date, each on a line of its own (a
 * section 六 with nothing to report but the report's closing lines says nothing).
 */
function onlySignature(text: string, span: Span, agency: string): boolean {
  let lines = 0;
  for (const raw of text.slice(span.start, span.end).split('\n')) {
    const line = raw.trim();
    if (!line || holdsNoText(line, { start: 0, end: line.length })) continue;
    if (!DATE_LINE.test(line) && !(agency && line === agency)) return false;
    lines++;
  }
  return lines > 0;
}

const checkSections = (ctx: CheckContext): void => {
  const { report, eol, text } = ctx;
  const seen = new Map<number, Span>();
  let highest = 0;
  for (const section of report.sections) {
    const template = SECTIONS[section.number - 1];
    const params = { numeral: template.numeral, heading: template.heading };
    const first = seen.get(section.number);
    if (first !== undefined) {
      ctx.emit('duplicate-section', section.headingSpan, ctx.msg('duplicate-section', params), undefined, first);
      continue;
    }
    seen.set(section.number, section.headingSpan);
    if (section.number < highest) {
      ctx.emit('section-order', section.headingSpan, ctx.msg('section-order', { ...params, after: SECTIONS[highest - 1].numeral }));
    }
    highest = Math.max(highest, section.number);
    if (section.number >= 5 && (holdsNoText(text, section.body) || onlySignature(text, section.body, report.agency))) {
      ctx.emit('empty-section', section.headingSpan, ctx.msg('empty-section', params));
    }
  }
  const missing = SECTIONS.filter((s) => !seen.has(s.number));
  if (report.titleSpan && missing.length > SECTIONS.length / 2) {
    // most headings unread is more likely a layout this checker cannot read than a report lacking them:
    // said once, on the title, with no fix (inserting blank sections over a body that is there would not help)
    const numerals = missing.map((s) => s.numeral).join(ctx.options.locale === 'zh' ? '、' : ', ');
    const headings = missing.map((s) => `“${s.numeral}、${s.heading}”`).join(ctx.options.locale === 'zh' ? '' : ', ');
    ctx.emit('missing-section', report.titleSpan, ctx.msg('missing-sections', { found: seen.size, numerals, headings }));
    return;
  }
  for (const template of missing) {
    const next = report.sections.find((s) => s.number > template.number);
    const params = { numeral: template.numeral, heading: template.heading };
    const table = template.table ? renderBlankTable(report.template.tables[template.table]) : [];
    const block = [`${template.numeral}、${template.heading}`, ...table].join(eol);
    const at = next ? next.headingSpan.start : report.span.end;
    const newText = next ? `${block}${eol}${eol}` : `${eol}${eol}${block}${eol}`;
    const span = next ? next.headingSpan : report.titleSpan ?? { start: report.span.start, end: report.span.start };
    ctx.emit('missing-section', span, ctx.msg('missing-section', params), {
      title: ctx.msg('fix.insert-section', params),
      edits: [{ span: { start: at, end: at }, newText }],
      preferred: false,
    });
  }
};

export const sectionsCheck = defineCheck({
  about: { zh: '六个部分是否齐全、顺序、重复，五、六部分是否为空', en: 'the six sections: present, in order, once; 五 and 六 not empty' },
  codes: {
    'missing-section': { severity: 'error', fix: 'pick', name: { zh: '缺少部分', en: 'Missing section' } },
    'section-order': { severity: 'warning', fix: 'none', name: { zh: '部分顺序不对', en: 'Sections out of order' } },
    'duplicate-section': { severity: 'warning', fix: 'none', name: { zh: '部分重复', en: 'Duplicate section' } },
    'empty-section': { severity: 'warning', fix: 'none', name: { zh: '部分没有内容', en: 'Empty section' } },
  },
  messages: {
    'missing-section': {
      zh: (p) => `缺少第${p.numeral}部分“${p.numeral}、${p.heading}”`,
      en: (p) => `Section ${p.numeral} “${p.numeral}、${p.heading}” is missing`,
    },
    'missing-sections': {
      zh: (p) =>
      `六个部分的标题只识别出 ${p.found} 个，缺少第${p.numerals}部分（${p.headings}）；如果这些部分其实都在，是其标题的写法未能识别`,
      en: (p) =>
      `Only ${p.found} of the six section headings were recognised; sections ${p.numerals} are missing (${p.headings}). If they are there, their headings are written in a form the checker cannot read`,
    },
    'fix.insert-section': {
      zh: (p) => `插入“${p.numeral}、${p.heading}”`,
      en: (p) => `Insert “${p.numeral}、${p.heading}”`,
    },
    'section-order': {
      zh: (p) => `“${p.heading}”顺序不对：第${p.numeral}部分出现在第${p.after}部分之后`,
      en: (p) => `“${p.heading}” is out of order: section ${p.numeral} comes after section ${p.after}`,
    },
    'duplicate-section': {
      zh: (p) => `第${p.numeral}部分“${p.heading}”重复出现（前文第${p.numeral}部分已有，见相关位置）`,
      en: (p) => `Section ${p.numeral} “${p.heading}” appears twice (the first one is shown as related)`,
    },
    'empty-section': {
      zh: (p) => `第${p.numeral}部分“${p.heading}”没有内容`,
      en: (p) => `Section ${p.numeral} “${p.heading}” is empty`,
    },
  },
  run: checkSections,
});
