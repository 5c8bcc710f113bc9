// formula-range: a 总计 in an imported workbook (.xlsx) computed by a SUM whose range leaves out addends, the error
// auto-sum templates make (`=SUM(D5:H5)` where I5 belongs too). The text holds only the cached values, so the
// importer finds these from the formulas and hands them in; the check places them in their report and words them.
import type { Span } from '../model';
import { defineCheck, type CheckContext } from './define';

/** A total whose SUM range misses addends, as the workbook reader found it. */
export interface ShortFormula {
  /** the total's cell in the imported text */
  readonly span: Span;
  readonly sheet: string;
  /** the total's cell, `J5` */
  readonly cell: string;
  /** as written, with its `=`: `=SUM(D5:H5)` */
  readonly formula: string;
  /** the cells beside the range holding numbers it leaves out: `['I5']` */
  readonly missing: readonly string[];
}

const checkFormulaRanges = (ctx: CheckContext): void => {
  const { span } = ctx.report;
  for (const f of ctx.options.shortFormulas) {
    if (f.span.start < span.start || f.span.start >= span.end) continue;
    const missing = f.missing.join(ctx.options.locale === 'zh' ? '、' : ', ');
    ctx.emit('formula-range', f.span, ctx.msg('formula-range', { sheet: f.sheet, cell: f.cell, formula: f.formula, missing }));
  }
};

export const formulaRangeCheck = defineCheck({
  about: {
    zh: '（导入的 .xlsx）总计公式的求和范围是否包括应加的全部单元格',
    en: '(an imported .xlsx) whether a 总计 formula adds every cell it should',
  },
  codes: {
    'formula-range': { severity: 'warning', fix: 'none', name: { zh: '总计公式范围不全', en: 'Formula range' }, foundIn: 'xlsx' },
  },
  messages: {
    'formula-range': {
      zh: (p) => `工作表“${p.sheet}”${p.cell} 的公式 ${p.formula} 未包括 ${p.missing}；请在表格文件中改正公式，否则改动这些单元格时总计不会随之改变`,
      en: (p) => `Sheet “${p.sheet}”: the formula ${p.formula} in ${p.cell} leaves out ${p.missing}; correct it in the workbook, or the total will not follow those cells`,
    },
  },
  run: checkFormulaRanges,
});
