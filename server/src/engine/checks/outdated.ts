// outdated-template: a report for 2021 or later whose tables follow the 2019 trial template.
import { TRIAL_MARKERS } from '../template/tables';
import { fold } from '../text/fold';
import { defineCheck, type CheckContext } from './define';

const checkOutdatedTemplate = (ctx: CheckContext): void => {
  const { report, text } = ctx;
  if (report.templateId !== '2019' || report.templateReason !== 'tables' || report.year === null || report.year < 2021) return;
  const two = report.sections.find((s) => s.number === 2)!;
  const folded = fold(text, two.body.start, two.body.end);
  for (const marker of TRIAL_MARKERS) {
    const at = folded.text.indexOf(marker);
    if (at < 0) continue;
    const span = { start: folded.starts[at], end: folded.ends[at + marker.length - 1] };
    ctx.emit('outdated-template', span, ctx.msg('outdated-template', { year: report.year, marker: text.slice(span.start, span.end) }));
    return;
  }
};

export const outdatedTemplateCheck = defineCheck({
  about: { zh: '2021 年后仍用 2019 年试行格式', en: 'a 2021-or-later report on the 2019 trial template' },
  codes: {
    'outdated-template': { severity: 'warning', fix: 'none', name: { zh: '使用旧格式', en: 'Outdated template' } },
  },
  messages: {
    'outdated-template': {
      zh: (p) => `${p.year} 年度报告应使用国办公开办函〔2021〕30号的格式，但表格是 2019 年试行格式（${p.marker}）`,
      en: (p) => `A ${p.year} report must use the template of 国办公开办函〔2021〕30号, but its tables follow the 2019 trial template (${p.marker})`,
    },
  },
  run: checkOutdatedTemplate,
});
