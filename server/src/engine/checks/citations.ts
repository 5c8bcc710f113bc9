// unknown-citation: a 国办公开办函 number that is neither the 2021 template notice nor the 2019 one.
import { defineCheck, type CheckContext } from './define';

const CITATION = /国办公开办函[\s\u3000]*[〔[［【(（][\s\u3000]*(\d{4})[\s\u3000]*[〕\]］】)）][\s\u3000]*(\d+)[\s\u3000]*号/g;
const KNOWN = new Set(['2021-30', '2019-60']);

const checkCitations = (ctx: CheckContext): void => {
  const { report, text } = ctx;
  // no character folds into these under NFKC, so a report without them as written cites nothing
  const raw = text.slice(report.span.start, report.span.end);
  if (!raw.includes('国办公开办函')) return;
  const body = raw.normalize('NFKC');
  // NFKC may change lengths; offsets are only trusted when it did not
  const source = body.length === raw.length ? body : raw;
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

export const citationsCheck = defineCheck({
  about: { zh: '引用的国办公开办函文号', en: 'the 国办公开办函 numbers cited' },
  codes: {
    'unknown-citation': { severity: 'info', fix: 'pick', name: { zh: '文号有误', en: 'Unknown citation' } },
  },
  messages: {
    'unknown-citation': {
      zh: (p) => `“${p.cited}”不是年报格式文件的文号（国办公开办函〔2021〕30号或〔2019〕60号）`,
      en: (p) => `“${p.cited}” is not the number of the report template notice (国办公开办函〔2021〕30号 or 〔2019〕60号)`,
    },
    'fix.replace-citation': {
      zh: (p) => `改为“${p.official}”`,
      en: (p) => `Change to “${p.official}”`,
    },
  },
  run: checkCitations,
});
