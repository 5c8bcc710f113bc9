// narrative-mismatch: numbers stated in the prose against table 三 and 四, and a total stated with its
// parts (`主动公开…407条，其中…189条…218条`).
import type { Table } from '../model';
import { formatNumber } from './context';
import { partsMismatches } from './parts';
import { compactProse, proseSpan, withoutDigitGroupSeparators, type Prose } from './prose';
import { knownValue } from '../rules/evaluate';
import { defineCheck, type CheckContext } from './define';

const EXCLUDED = /复议|诉讼|投诉|信访|举报|来信|来电|咨询|热线|建议|提案/;

interface Claim {
  pattern: RegExp;
  /** words a match must contain, any one of them (cheap to look for first) */
  words: readonly string[];
  /** the matched text must mention an application (申请) */
  needsApplication: boolean;
  /** the official label of the table 三 row whose 总计 the number states */
  row: string;
  expected: (t3: Table | undefined, t4: Table | undefined) => number[] | null;
}

const total3 = (t: Table | undefined, row: string): number | null => (t ? knownValue(t, { row, col: 6 }) : null);
const both = (...values: (number | null)[]): number[] | null => (values.some((v) => v === null) ? null : (values as number[]));

const CLAIMS: Claim[] = [
  {
    pattern: /(?:新收|受理)([^。；;]{0,25}?)(\d+)件/g,
    words: ['新收', '受理'],
    needsApplication: true,
    row: '一、本年新收政府信息公开申请数量',
    expected: (t3) => both(total3(t3, 'R1')),
  },
  {
    pattern: /收到([^。；;]{0,25}?)(\d+)件/g,
    words: ['收到'],
    needsApplication: true,
    row: '一、本年新收政府信息公开申请数量',
    expected: (t3) => {
      const r1 = total3(t3, 'R1');
      const r2 = total3(t3, 'R2');
      return r1 === null ? null : r2 === null ? [r1] : [r1, r1 + r2];
    },
  },
  { pattern: /上年结转([^。；;]{0,12}?)(\d+)件/g, words: ['上年结转'], needsApplication: false, row: '二、上年结转政府信息公开申请数量', expected: (t3) => both(total3(t3, 'R2')) },
  { pattern: /(?:办结|答复)([^。；;]{0,12}?)(\d+)件/g, words: ['办结', '答复'], needsApplication: false, row: '（七）总计', expected: (t3) => both(total3(t3, 'R24')) },
  { pattern: /结转(?:至|到)?下一?年度?([^。；;]{0,12}?)(\d+)件/g, words: ['结转'], needsApplication: false, row: '四、结转下年度继续办理', expected: (t3) => both(total3(t3, 'R25')) },
];

const REVIEW = /行政复议([^。；;，,]{0,8}?)(\d+)件/g;
const LITIGATION = /行政诉讼([^。；;，,]{0,8}?)(\d+)件/g;
const NONE = /(?:无|未收到|没有收到|未发生|未接到)(?:[^。；;，,]{0,8}?)依申请公开|未收到(?:[^。；;，,]{0,12}?)公开申请/g;

/**
 * Words by which a clause puts its figure in another period than the report's year: last year's (上年同期受理…120件,
 * 去年), one compared with (较上年…), a change from it (同比增加…; not 增加至, which gives the new figure), a span of
 * years (自…以来, 近三年, 历年). 上年结转 is this year's carry-over (table 三's row 二), not last year's figure; 累计
 * alone is no other period (全年累计受理 is this year's total), nor 以来 after 今年/本年/年初.
 */
const OTHER_PERIOD =
  /上一?年(?!度?结转)|去年|前年|往年|历年|同期|同比|环比|(?:增加|增长|减少|下降|上升)(?!至|到)|近[一二两三四五六七八九十\d]*年|多年|(?<!今年|本年|年初|年度)以来/;
/** a comparison closed before the figure frames it (与上年相比本年受理…144件): the figure is this year's */
const CLOSED_COMPARISON = /(?:与|和|同|跟|较|比)[^，,；;。]{0,20}?(?:相比|相较|比较|对比)/g;
/** a year named (2023年受理…, 与2023年受理…相比, 自2020年以来累计…), and the word comparing with it */
const YEAR = /(?<!\d)(较|比|与|和|同|自)?((?:19|20)\d\d)年/g;
/** what a clause starts after */
const CLAUSE_MARKS = '，,；;。！？!?：:（(【[';
/** how far back before a claim's verb its clause is read */
const CLAUSE_BACK = 40;

/** Where the clause holding text[at] starts, looking back no further than `floor`. */
function clauseStart(text: string, at: number, floor = Math.max(0, at - CLAUSE_BACK)): number {
  for (let i = at - 1; i >= floor; i--) if (CLAUSE_MARKS.includes(text[i])) return i + 1;
  return floor;
}

/** Whether `words` put a figure in another period than `year` (the report's): a year other than it, or one compared with where it is unknown. */
const namesOtherPeriod = (words: string, year: number | null): boolean => {
  const open = words.replace(CLOSED_COMPARISON, '');
  return OTHER_PERIOD.test(open) || [...open.matchAll(YEAR)].some((y) => (year === null ? y[1] !== undefined : Number(y[2]) !== year));
};

/**
 * Whether the figure at `numberAt`, stated by the words from `verbAt` on (受理…120件), is another period's than the
 * report's year: a qualifier in the verb's clause before the verb (上年同期受理…), or in the figure's clause before
 * the figure (受理…，上年同期为120件). A clause in between that the figure does not stand in qualifies nothing
 * (受理…申请，同比增长20%，共计144件).
 */
function otherPeriod(text: string, verbAt: number, numberAt: number, year: number | null): boolean {
  const start = clauseStart(text, verbAt);
  const own = clauseStart(text, numberAt, verbAt);
  if (own === verbAt) return namesOtherPeriod(text.slice(start, numberAt), year);
  return namesOtherPeriod(text.slice(start, verbAt), year) || namesOtherPeriod(text.slice(own, numberAt), year);
}

function emitMismatch(ctx: CheckContext, prose: Prose, m: RegExpMatchArray, tableLabel: string, what: string, expected: number[]): void {
  const number = Number(m[2]);
  if (expected.includes(number)) return;
  const at = m.index! + m[0].length - 1 - m[2].length;
  if (otherPeriod(prose.text, m.index!, at, ctx.report.year)) return;
  ctx.emit(
    'narrative-mismatch',
    proseSpan(prose, at, at + m[2].length),
    ctx.msg('narrative-table', { quote: m[0], table: tableLabel, what, expected: formatNumber(expected[0]) }),
  );
}

const checkNarrative = (ctx: CheckContext): void => {
  const { report, text } = ctx;
  const t3 = report.tables['三'];
  const t4 = report.tables['四'];
  // the prose before section 二: the preamble and 一、总体情况
  const two = report.sections.find((s) => s.number === 2);
  // counts are read without their thousands separators (`3,119件` states 3119)
  const prose = withoutDigitGroupSeparators(compactProse(text, { start: report.span.start, end: two ? two.headingSpan.start : report.span.end }));
  const sentences = prose.text;
  for (const claim of CLAIMS) {
    if (!claim.words.some((w) => sentences.includes(w))) continue;
    const expected = claim.expected(t3, t4);
    if (!expected) continue;
    for (const m of sentences.matchAll(claim.pattern)) {
      if (EXCLUDED.test(m[1]) || (claim.needsApplication && !m[1].includes('申请'))) continue;
      emitMismatch(ctx, prose, m, ctx.msg('table', { id: '三' }), ctx.msg('narrative.row-total', { row: claim.row }), expected);
    }
  }
  if (t4) {
    const review = both(knownValue(t4, { row: 'G', col: 4 }));
    const direct = knownValue(t4, { row: 'G', col: 9 });
    const after = knownValue(t4, { row: 'G', col: 14 });
    const litigation = both(direct === null || after === null ? null : direct + after);
    const table4 = ctx.msg('table', { id: '四' });
    if (review && sentences.includes('行政复议')) for (const m of sentences.matchAll(REVIEW)) emitMismatch(ctx, prose, m, table4, ctx.msg('narrative.review-total'), review);
    if (litigation && sentences.includes('行政诉讼')) for (const m of sentences.matchAll(LITIGATION)) emitMismatch(ctx, prose, m, table4, ctx.msg('narrative.litigation-total'), litigation);
  }
  const r1 = total3(t3, 'R1');
  if (r1 !== null && r1 > 0 && sentences.includes('申请')) {
    for (const m of sentences.matchAll(NONE)) {
      if (otherPeriod(sentences, m.index!, m.index!, report.year)) continue;
      ctx.emit('narrative-mismatch', proseSpan(prose, m.index!, m.index! + m[0].length), ctx.msg('narrative-none', { quote: m[0], expected: r1 }));
    }
  }
  for (const m of sentences.includes('其中') ? partsMismatches(sentences) : []) {
    const sum = m.parts.reduce((a, b) => a + b, 0);
    ctx.emit('narrative-mismatch', proseSpan(prose, m.at, m.at + m.length), ctx.msg('narrative-parts', { sum, parts: m.parts.join('+'), whole: m.whole }));
  }
};

export const narrativeCheck = defineCheck({
  about: { zh: '正文中的数字与表格、与其自身各项之和', en: 'numbers in the prose against the tables and their own parts' },
  codes: {
    'narrative-mismatch': { severity: 'warning', fix: 'none', name: { zh: '正文与表格不符', en: 'Text disagrees with table' } },
  },
  messages: {
    'narrative-table': {
      zh: (p) => `正文说“${p.quote}”，但${p.table}${p.what}为 ${p.expected}`,
      en: (p) => `The text says “${p.quote}” but in ${p.table} ${p.what} is ${p.expected}`,
    },
    'narrative-parts': {
      zh: (p) => `正文中“其中”各项之和为 ${p.sum}（${p.parts}），与总数 ${p.whole} 不符`,
      en: (p) => `The parts the text gives of ${p.whole} add up to ${p.sum} (${p.parts}), not ${p.whole}`,
    },
    'narrative-none': {
      zh: (p) => `正文说“${p.quote}”，但表三“一、本年新收政府信息公开申请数量”总计为 ${p.expected}`,
      en: (p) => `The text says “${p.quote}” but table 三 row “一、本年新收政府信息公开申请数量” totals ${p.expected}`,
    },
    'narrative.row-total': {
      zh: (p) => `“${p.row}”总计`,
      en: (p) => `the “总计” of row “${p.row}”`,
    },
    'narrative.review-total': {
      zh: () => '行政复议“总计”',
      en: () => 'the “总计” of “行政复议”',
    },
    'narrative.litigation-total': {
      zh: () => '行政诉讼两个“总计”之和',
      en: () => 'the sum of the two “总计” of “行政诉讼”',
    },
  },
  run: checkNarrative,
});
