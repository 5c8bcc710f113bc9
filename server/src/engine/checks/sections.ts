// missing-section, section-order, duplicate-section, empty-section.
import { renderBlankTable } from '../template/render';
import { SECTIONS } from '../template/sections';
import type { Span } from '../model';
import { isSpace } from '../text/chars';
import type { Check } from './context';

function isBlank(text: string, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

export const checkSections: Check = (ctx) => {
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
    if (section.number >= 5 && isBlank(text, section.body)) {
      ctx.emit('empty-section', section.headingSpan, ctx.msg('empty-section', params));
    }
  }
  for (const template of SECTIONS) {
    if (seen.has(template.number)) continue;
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
