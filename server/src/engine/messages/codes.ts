// Each diagnostic code named in words, for pages people read (the HTML report names a problem in Chinese and
// keeps the code for a tooltip). Every code of SPEC §4 is here, including those that other checks add.
import type { Locale } from './catalog';

const NAMES: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  'missing-section': { zh: '缺少部分', en: 'Missing section' },
  'section-order': { zh: '部分顺序不对', en: 'Sections out of order' },
  'duplicate-section': { zh: '部分重复', en: 'Duplicate section' },
  'missing-table': { zh: '缺少表格', en: 'Missing table' },
  'missing-row': { zh: '表格缺行', en: 'Missing row' },
  'blank-cell': { zh: '空白单元格', en: 'Blank cell' },
  'invalid-number': { zh: '不是有效数字', en: 'Invalid number' },
  'row-total-mismatch': { zh: '行合计不符', en: 'Row total wrong' },
  'column-total-mismatch': { zh: '（七）总计不符', en: 'Column total wrong' },
  'balance-mismatch': { zh: '勾稽关系不平衡', en: 'Table does not balance' },
  'label-typo': { zh: '标签不规范', en: 'Label typo' },
  'date-mismatch': { zh: '日期不符', en: 'Date mismatch' },
  'narrative-mismatch': { zh: '正文与表格不符', en: 'Text disagrees with table' },
  'empty-section': { zh: '部分没有内容', en: 'Empty section' },
  'outdated-template': { zh: '使用旧格式', en: 'Outdated template' },
  'unknown-citation': { zh: '文号有误', en: 'Unknown citation' },
  'carryover-mismatch': { zh: '与上年结转不符', en: 'Carry-over mismatch' },
  'flattened-cells': { zh: '单元格粘连（已拆分）', en: 'Glued cells (split)' },
  'ambiguous-cells': { zh: '单元格粘连（无法确定）', en: 'Glued cells (ambiguous)' },
  'stock-mismatch': { zh: '现行有效件数不符', en: 'Stock mismatch' },
  'fee-statement-missing': { zh: '未说明信息处理费', en: 'Fee statement missing' },
  'placeholder-text': { zh: '模板占位文字', en: 'Placeholder text' },
  'copied-text': { zh: '与往年或他单位雷同', en: 'Copied text' },
  'formula-range': { zh: '公式范围不全', en: 'Formula range short' },
};

/** The code in words; a code without a name yet is shown as itself. */
export function codeName(locale: Locale, code: string): string {
  return NAMES[code]?.[locale] ?? code;
}

/** Whether the code has a name (a test keeps every code named). */
export const isNamed = (code: string): boolean => code in NAMES;
