// unknown-citation: a 国办公开办函 number that is neither the 2021 template notice nor the 2019 one.
import type { Check } from './context';

const CITATION = /国办公开办函[\s\u3000]*[〔\[［【(（][\s\u3000]*(\d{4})[\s\u3000]*[〕\]］】)）][\s\u3000]*(\d+)[\s\u3000]*号/g;
const KNOWN = new Set(['2021-30', '2019-60']);

export const checkCitations: Check = (ctx) => {
  const { report, text } = ctx;
  const body = text.slice(report.span.start, report.span.end).normalize('NFKC');
  // NFKC may change lengths; offsets are only trusted when it did not
  const source = body.length === report.span.end - report.span.start ? body : text.slice(report.span.start, report.span.end);
  const official = report.year !== null && report.year <= 2020 ? '国办公开办函〔2019〕60号' : '国办公开办函〔2021〕30号';
  for (const m of source.matchAll(CITATION)) {
    if (KNOWN.has(`${m[1]}-${Number(m[2])}`)) continue;
    const span = { start: report.span.start + m.index!, end: report.span.start + m.index! + m[0].length };
    ctx.emit('unknown-citation', span, ctx.msg('unknown-citation', { cited: text.slice(span.start, span.end) }), {
      title: ctx.msg('fix.replace-citation', { official }),
      edits: [{ span, newText: official }],
      preferred: false,
    });
  }
};
