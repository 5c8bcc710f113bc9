// label-typo: a row or header label, or a section heading's title, that differs from the official one.
import type { Span } from '../model';
import { WRITTEN_NUMBERING } from '../parse/labels';
import { defineCheck, type CheckContext } from './define';

/** what label matching passes over: the official label's brackets and quotes are no part of a typo's span */
const PASSED_OVER = /[\p{P}\p{S}]/u;
const sameMark = (a: string, b: string): boolean => a === b || a.normalize('NFKC') === b.normalize('NFKC');

/**
 * The span a label fix writes `official` over: the typo's, and the brackets and quotes the official label opens or
 * closes with where the text has them right before or after it. A typo found in the words stops at `稳订` in
 * `危及“三安全一稳订”`; writing `危及“三安全一稳定”` there alone would double the closing quote (`…一稳定””`).
 */
function fixedSpan(text: string, span: Span, official: string): Span {
  let { start, end } = span;
  let tail = official.length;
  while (tail > 0 && PASSED_OVER.test(official[tail - 1])) tail--;
  for (let k = tail; k < official.length && end < text.length && sameMark(text[end], official[k]); k++) end++;
  let head = 0;
  while (head < official.length && PASSED_OVER.test(official[head])) head++;
  for (let k = head - 1; k >= 0 && start > 0 && sameMark(text[start - 1], official[k]); k--) start--;
  return { start, end };
}


const checkLabels = (ctx: CheckContext): void => {
  // a heading's title one character away from the official one (政府信息公开行政法复议、行政诉讼情况); another wording is none
  for (const section of ctx.report.sections) {
    if (!section.titleTypo) continue;
    const { span, official } = section.titleTypo;
    ctx.emit('label-typo', span, ctx.msg('label-typo', { written: ctx.text.slice(span.start, span.end), official }), {
      title: ctx.msg('fix.replace-label', { official }),
      edits: [{ span: fixedSpan(ctx.text, span, official), newText: official }],
      preferred: true,
    });
  }
  for (const table of Object.values(ctx.report.tables)) {
    for (const row of table.rowsWithTypos()) {
      if (!row.typoSpan) continue;
      const official = row.template.label.replace(WRITTEN_NUMBERING, '');
      const written = ctx.text.slice(row.typoSpan.start, row.typoSpan.end);
      ctx.emit('label-typo', row.typoSpan, ctx.msg('label-typo', { written, official }), {
        title: ctx.msg('fix.replace-label', { official }),
        edits: [{ span: fixedSpan(ctx.text, row.typoSpan, official), newText: official }],
        preferred: true,
      });
    }
    for (const typo of table.headerTypos) {
      ctx.emit('label-typo', typo.span, ctx.msg('label-typo', { written: typo.written, official: typo.official }), {
        title: ctx.msg('fix.replace-label', { official: typo.official }),
        edits: [{ span: fixedSpan(ctx.text, typo.span, typo.official), newText: typo.official }],
        preferred: true,
      });
    }
  }
};

export const labelsCheck = defineCheck({
  about: { zh: '行、列标签与规范名称不符（如“本年度止件数”）', en: 'row and column labels that differ from the official ones' },
  codes: {
    'label-typo': { severity: 'warning', fix: 'safe', name: { zh: '标签不规范', en: 'Label typo' } },
  },
  messages: {
    'label-typo': {
      zh: (p) => `“${p.written}”与规范名称不符，应为“${p.official}”`,
      en: (p) => `“${p.written}” is not the official label “${p.official}”`,
    },
    'fix.replace-label': {
      zh: (p) => `改为“${p.official}”`,
      en: (p) => `Change to “${p.official}”`,
    },
  },
  run: checkLabels,
});
