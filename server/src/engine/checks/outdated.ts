// outdated-template: a report for 2021 or later whose tables follow the 2019 trial template.
import { TRIAL_MARKERS } from '../template/tables';
import { fold } from '../text/fold';
import type { Check } from './context';

export const checkOutdatedTemplate: Check = (ctx) => {
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
