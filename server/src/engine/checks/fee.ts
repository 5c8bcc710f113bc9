// fee-statement-missing: section 六 does not say whether 信息处理费 was charged. 国办函〔2020〕109号 (the
// 政府信息公开信息处理费管理办法, in force from 1 January 2021) has agencies report the fee they charged, and the
// 2021 template's section 六 is where they do; reports for 2019 and 2020 came before the fee existed, so they are
// not asked. The fee is not table 二's 行政事业性收费 (a fee for the agency's own services): only section 六's
// words count, and its mentions of 行政事业性收费 are left out.
import { compactProse } from './prose';
import { holdsNoText } from './sections';
import { defineCheck, type CheckContext } from './define';

/** the first year the 办法 of 国办函〔2020〕109号 was in force */
const FIRST_FEE_YEAR = 2021;
/** what a statement of the fee says: 信息处理费, 处理费, 收费, 不收取任何费用, 收取…费, 免费 */
const FEE_STATEMENT = /处理费|收费|费用|免费|收取[^。；]{0,20}费/;
const SERVICE_FEE = /行政事业性收费/g;

const checkFeeStatement = (ctx: CheckContext): void => {
  const { report, text } = ctx;
  const year = report.year ?? (report.templateId === '2019' ? FIRST_FEE_YEAR - 1 : FIRST_FEE_YEAR);
  if (year < FIRST_FEE_YEAR) return;
  const six = report.sections.find((s) => s.number === 6);
  // a missing or empty section 六 is said by missing-section and empty-section
  if (!six || holdsNoText(text, six.body)) return;
  const words = compactProse(text, six.body).text.replace(SERVICE_FEE, '');
  if (FEE_STATEMENT.test(words)) return;
  ctx.emit('fee-statement-missing', six.headingSpan, ctx.msg('fee-statement-missing'));
};

export const feeStatementCheck = defineCheck({
  about: { zh: '第六部分是否说明收取信息处理费的情况（国办函〔2020〕109号）', en: 'whether section 六 says if 信息处理费 was charged (国办函〔2020〕109号)' },
  codes: {
    'fee-statement-missing': { severity: 'info', fix: 'none', name: { zh: '未说明信息处理费', en: 'Fee statement missing' } },
  },
  messages: {
    'fee-statement-missing': {
      zh: () => '第六部分“其他需要报告的事项”未说明是否收取信息处理费（国办函〔2020〕109号要求报告；表二的“行政事业性收费”是另一种费用）',
      en: () => 'Section 六 “其他需要报告的事项” does not say whether any 信息处理费 was charged (国办函〔2020〕109号 asks for it; table 二’s 行政事业性收费 is a different fee)',
    },
  },
  run: checkFeeStatement,
});
