// placeholder-text: template filler left in a report — （请填写）, 此处填写, XX县, ××局, 【填写单位名称】 — which a clerk
// meant to replace and a reviewer deducts for. Bracketed text counts only when it reads as an instruction, since
// 【】 also set off ordinary headings; 〇 is the zero of written dates (二〇二五年), so only ○ counts as a circle.
import { defineCheck, type CheckContext } from './define';

const LATIN = 'A-Za-zＡ-Ｚａ-ｚ';
const PLACEHOLDER = new RegExp(
  [
    '[（(][\\s\\u3000]*请?[\\s\\u3000]*(?:填写|填入|输入)[^）)\\n]{0,20}[）)]',
    '(?:请在|请于)?此处(?:填写|填入|输入)',
    `【[^】\\n]{0,20}(?:填写|填入|输入|名称|XX|××)[^】\\n]{0,20}】`,
    `(?<![${LATIN}])[XxＸｘ]{2,}(?![${LATIN}])`,
    '[×✕╳]{2,}',
    '○{2,}',
  ].join('|'),
  'g',
);

function checkPlaceholders(ctx: CheckContext): void {
  const { text, report } = ctx;
  // the report's own text only: a search of the document from the report's start would run on through every
  // report after it whenever this one has no filler (quadratic in a compilation)
  const own = text.slice(report.span.start, report.span.end);
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(own); m; m = PLACEHOLDER.exec(own)) {
    const start = report.span.start + m.index;
    ctx.emit('placeholder-text', { start, end: start + m[0].length }, ctx.msg('placeholder-text', { text: m[0] }));
  }
}

export const placeholdersCheck = defineCheck({
  about: { zh: '模板占位文字未替换：（请填写）、此处填写、XX、××、【…】', en: 'template filler left in the text: （请填写）, 此处填写, XX, ××, 【…】' },
  codes: {
    'placeholder-text': { severity: 'warning', fix: 'none', name: { zh: '模板占位文字', en: 'Placeholder text' } },
  },
  messages: {
    'placeholder-text': {
      zh: (p) => `“${p.text}”是模板中的占位文字，请替换为实际内容`,
      en: (p) => `“${p.text}” is template filler: replace it with the actual content`,
    },
  },
  run: checkPlaceholders,
});
