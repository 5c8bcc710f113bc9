// unknown-citation: a 国办公开办函 number that is neither the 2021 template notice nor the 2019 one.
import { defineCheck, type CheckContext } from './define';

const CITATION = /国办公开办函[\s\u3000]*[〔[［【(（][\s\u3000]*(\d{4})[\s\u3000]*[〕\]］】)）][\s\u3000]*(\d+)[\s\u3000]*号/y;
const KNOWN = new Set(['2021-30', '2019-60']);
const NAME = '国办公开办函';
/** a citation is read within this many characters of its 国办公开办函 (its brackets, year, number and spaces) */
const REACH = 120;

const checkCitations = (ctx: CheckContext): void => {
  const { report, text } = ctx;
  const official = report.year !== null && report.year <= 2020 ? '国办公开办函〔2019〕60号' : '国办公开办函〔2021〕30号';
  // no character folds into the name under NFKC, so a report cites only where the name is written; only what
  // follows it is folded (full-width digits and brackets), not the whole report. Searched in a slice of the
  // report: a search in the whole document would run on to the next report that cites it (or to the end of a
  // compilation, for every report that cites none)
  const within = text.slice(report.span.start, report.span.end);
  for (let found = within.indexOf(NAME); found >= 0; found = within.indexOf(NAME, found + NAME.length)) {
    const at = report.span.start + found;
    const written = text.slice(at, Math.min(report.span.end, at + REACH));
    const folded = written.normalize('NFKC');
    // NFKC may change lengths; offsets are only trusted when it did not
    CITATION.lastIndex = 0;
    const m = CITATION.exec(folded.length === written.length ? folded : written);
    if (!m || KNOWN.has(`${m[1]}-${Number(m[2])}`)) continue;
    const span = { start: at, end: at + m[0].length };
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
