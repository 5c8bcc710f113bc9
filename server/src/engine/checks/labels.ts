// label-typo: a row or header label, or a section heading's title, that differs from the official one.
import type { TextEdit } from '../diagnostic';
import type { Row, Span } from '../model';
import { numberingAt, typoEdits, WRITTEN_NUMBERING } from '../parse/labels';
import { editDistance } from '../text/distance';
import { droppedInFolding, foldText } from '../text/fold';
import { mayBeMasked, SHORTEST_REFERENCE } from '../text/markup';
import { defineCheck, type CheckContext } from './define';

const sameMark = (a: string, b: string): boolean => a === b || a.normalize('NFKC') === b.normalize('NFKC');

/**
 * The edit a label fix makes to write `official` at `span`: over the typo's span and the brackets and quotes the
 * official label opens or closes with where the text has them right before or after it (label matching passes over
 * them, as folding drops them, so they are no part of a typo's span). A typo found in the words stops at `稳订` in
 * `危及“三安全一稳订”`; writing `危及“三安全一稳定”` there alone would double the closing quote (`…一稳定””`). Where
 * the text has, instead, blanks that may be a masked reference (`稳订&rdquo;`, read as `稳订` and spaces), that
 * reference may be the mark: it is not written a second time (`…一稳定”&rdquo;`), the reference left as it is.
 */
function labelEdit(text: string, span: Span, official: string): TextEdit {
  let { start, end } = span;
  let tail = official.length;
  while (tail > 0 && droppedInFolding(official[tail - 1])) tail--;
  let k = tail;
  for (; k < official.length && end < text.length && sameMark(text[end], official[k]); k++) end++;
  const to = k < official.length && mayBeMasked(text, end) ? k : official.length;
  let head = 0;
  while (head < official.length && droppedInFolding(official[head])) head++;
  k = head - 1;
  for (; k >= 0 && start > 0 && sameMark(text[start - 1], official[k]); k--) start--;
  const from = k >= 0 && mayBeMasked(text, start - SHORTEST_REFERENCE) ? k + 1 : 0;
  return { span: { start, end }, newText: official.slice(from, to) };
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
function rowLabelFix(text: string, row: Row, official: string): { edit: TextEdit; gives: boolean } {
  const label = row.labelSpan;
  const typo = labelEdit(text, row.typoSpan!, official);
  // a typo read across the label's line or into its neighbour: its span is all there is to go by
  if (typo.span.start < label.start || typo.span.end > label.end) return { edit: typo, gives: true };
  // the numbering as written stays (`1.于国家秘密`: the typo may be found as `1.于…`, for 1属于…)
  const words = wordsStart(text, label, row.template.label);
  const inWord = (at: number): boolean => at >= words && at < label.end && IDEOGRAPH.test(text[at]);
  if (typo.span.start >= words && !inWord(typo.span.start - 1) && !inWord(typo.span.end)) return { edit: typo, gives: true };
  let start = Math.max(typo.span.start, words);
  let end = typo.span.end;
  while (inWord(start - 1)) start--;
  while (inWord(end)) end++;
  const word = labelEdit(text, { start, end }, official);
  const core = foldText(official);
  const gives = editDistance(foldText(text.slice(word.span.start, word.span.end)), core) <= typoEdits(core);
  return { edit: gives ? word : typo, gives };
}

const IDEOGRAPH = /\p{Script=Han}/u;
/**
 * Where a row label's words start: after the row's own numbering as written. That is not always at the label's
 * start: on a line a scraper made of a whole table, a row's label begins with the group heading before it
 * (`（三）不予公开 1.于国家秘密`, `（六）其他处理1.请人…`), whose `（三）` is no numbering of the row's. So it is the last
 * numbering in the label with the row's numeral (`1` of `1.`, `一` of `（一）` or `一、`); where the label has none
 * (it is the numbering that is mistyped, or the row has none), the numbering the label starts with, if any.
 */
function wordsStart(text: string, label: Span, official: string): number {
  const numeral = foldText(WRITTEN_NUMBERING.exec(official)?.[0] ?? '');
  let words = -1;
  for (let at = label.start; numeral && at < label.end; at++) {
    const written = numberingAt(text, at);
    if (written && at + written.length <= label.end && foldText(written) === numeral) words = at + written.length;
  }
  return words >= 0 ? words : label.start + (WRITTEN_NUMBERING.exec(text.slice(label.start, label.end))?.[0].length ?? 0);
}

const checkLabels = (ctx: CheckContext): void => {
  // a heading's title one character away from the official one (政府信息公开行政法复议、行政诉讼情况); another wording is none
  for (const section of ctx.report.sections) {
    if (!section.titleTypo) continue;
    const { span, official } = section.titleTypo;
    ctx.emit('label-typo', span, ctx.msg('label-typo', { written: ctx.text.slice(span.start, span.end), official }), {
      title: ctx.msg('fix.replace-label', { official }),
      edits: [labelEdit(ctx.text, span, official)],
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
        edits: [fix.edit],
        preferred: fix.gives,
      });
    }
    for (const typo of table.headerTypos) {
      ctx.emit('label-typo', typo.span, ctx.msg('label-typo', { written: typo.written, official: typo.official }), {
        title: ctx.msg('fix.replace-label', { official: typo.official }),
        edits: [labelEdit(ctx.text, typo.span, typo.official)],
        // a header written whole with more beside it is not surely the header mistyped: on a line a scraper made
        // of a table, the last header cell runs into the first row's label (`现行有效件数 章` for 规章 mistyped),
        // and writing the header over it would delete that
        preferred: !foldText(typo.written).includes(foldText(typo.official)),
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
