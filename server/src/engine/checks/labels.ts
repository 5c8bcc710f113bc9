// label-typo: a row or header label, or a section heading's title, that differs from the official one.
import type { Row, Span } from '../model';
import { typoEdits, WRITTEN_NUMBERING } from '../parse/labels';
import { editDistance } from '../text/distance';
import { droppedInFolding, foldText } from '../text/fold';
import { defineCheck, type CheckContext } from './define';

const sameMark = (a: string, b: string): boolean => a === b || a.normalize('NFKC') === b.normalize('NFKC');

/**
 * The span a label fix writes `official` over: the typo's, and the brackets and quotes the official label opens or
 * closes with where the text has them right before or after it (label matching passes over them, as folding drops
 * them, so they are no part of a typo's span). A typo found in the words stops at `稳订` in
 * `危及“三安全一稳订”`; writing `危及“三安全一稳定”` there alone would double the closing quote (`…一稳定””`).
 */
function fixedSpan(text: string, span: Span, official: string): Span {
  let { start, end } = span;
  let tail = official.length;
  while (tail > 0 && droppedInFolding(official[tail - 1])) tail--;
  for (let k = tail; k < official.length && end < text.length && sameMark(text[end], official[k]); k++) end++;
  let head = 0;
  while (head < official.length && droppedInFolding(official[head])) head++;
  for (let k = head - 1; k >= 0 && start > 0 && sameMark(text[start - 1], official[k]); k--) start--;
  return { start, end };
}

/**
 * Where a row label's fix writes the official words, and whether the label then reads as the official one. The
 * typo's span is where the words differ, but at a word's ends a character added or lost can be matched either side
 * of it (`1.属甲于国家秘密`: the typo may be found as `甲于…`, and writing `属于…` there gave `1.属属于…`; `…秘甲密` gave
 * `…秘密甲密`). So the span written must take in the whole word: it must not stand beside a Chinese character of the
 * label (a numbering, a bracket, a space or the label's end are its bounds), nor take in the numbering as written.
 * Where it does, the word it stands in is written whole, if that word is the official one mistyped (no more changed
 * than the parser allows a typo); else the fix is offered, never applied by fix-all.
 */
function rowLabelFix(text: string, row: Row, official: string): { span: Span; gives: boolean } {
  const label = row.labelSpan;
  const typo = fixedSpan(text, row.typoSpan!, official);
  // a typo read across the label's line or into its neighbour: its span is all there is to go by
  if (typo.start < label.start || typo.end > label.end) return { span: typo, gives: true };
  // the numbering as written stays (`1.于国家秘密`: the typo may be found as `1.于…`, for 1属于…)
  const words = label.start + (WRITTEN_NUMBERING.exec(text.slice(label.start, label.end))?.[0].length ?? 0);
  const inWord = (at: number): boolean => at >= words && at < label.end && IDEOGRAPH.test(text[at]);
  if (typo.start >= words && !inWord(typo.start - 1) && !inWord(typo.end)) return { span: typo, gives: true };
  let start = Math.max(typo.start, words);
  let end = typo.end;
  while (inWord(start - 1)) start--;
  while (inWord(end)) end++;
  const word = fixedSpan(text, { start, end }, official);
  const core = foldText(official);
  const gives = editDistance(foldText(text.slice(word.start, word.end)), core) <= typoEdits(core);
  return { span: gives ? word : typo, gives };
}

const IDEOGRAPH = /\p{Script=Han}/u;

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
      const fix = rowLabelFix(ctx.text, row, official);
      ctx.emit('label-typo', row.typoSpan, ctx.msg('label-typo', { written, official }), {
        title: ctx.msg('fix.replace-label', { official }),
        edits: [{ span: fix.span, newText: official }],
        preferred: fix.gives,
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
