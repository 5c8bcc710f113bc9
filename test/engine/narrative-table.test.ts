// narrative-mismatch for a figure of the prose against table 三 and 四: how a count is read (thousands
// separators), and which figures are this year's (not another period's: 上年同期, 与2023年…相比, 自2020年以来累计).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactProse, proseSpan, withoutDigitGroupSeparators } from '../../server/src/engine/checks/prose';
import { diagnose } from '../support/helpers';
import { consistentValues, renderReport, seededRandom, type ReportValues } from '../support/generate';

const SENTENCE = (r1: number | string): string => `全年共受理政府信息公开申请${r1}件`;
/** the generated values, with `extra` more applications received and carried over to next year (the table still balances) */
const values = (extra = 0): ReportValues => {
  const v = consistentValues(seededRandom(11));
  for (const row of ['R1', 'R25']) for (const c of [0, 6]) v.table3[row][c] += extra;
  return v;
};
const report = (v: ReportValues): string => renderReport({ agency: '示例县发展和改革局', year: 2024, values: v, layout: 'tabs' });
/** the report of `v` with its sentence on this year's applications replaced by `sentence` */
const stating = (v: ReportValues, sentence: (r1: number) => string): string => {
  const r1 = v.table3.R1[6];
  return report(v).replace(SENTENCE(r1), sentence(r1));
};
/** each narrative-mismatch as the text it marks and its message */
const findings = (text: string): string[] =>
  diagnose(text)
    .filter((d) => d.code === 'narrative-mismatch')
    .map((d) => `${d.text}: ${d.message}`);
const R1_ROW = '表三“一、本年新收政府信息公开申请数量”总计';

describe('narrative figures: thousands separators', () => {
  const big = values(3000);
  const r1 = big.table3.R1[6];
  const grouped = (n: number, comma: string): string => `${Math.floor(n / 1000)}${comma}${String(n % 1000).padStart(3, '0')}`;
  it('the table’s total is above 1,000', () => assert.ok(r1 >= 1000 && r1 < 10000));
  it('near miss: a count with an ASCII thousands separator is the count (3,119件 is 3119)', () =>
    assert.deepEqual(findings(stating(big, () => SENTENCE(grouped(r1, ',')))), []));
  it('near miss: a full-width comma, full-width digits and a line break inside the count', () => {
    const wide = grouped(r1, '，').replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    assert.deepEqual(findings(stating(big, () => `全年共受理政府信息公开申请 ${wide.replace('，', '，\n')} 件`)), []);
  });
  it('a separated count that disagrees is reported, its whole source marked', () =>
    assert.deepEqual(findings(stating(big, () => SENTENCE(grouped(r1 + 1, ',')))), [
      `${grouped(r1 + 1, ',')}: 正文说“受理政府信息公开申请${r1 + 1}件”，但${R1_ROW}为 ${r1}`,
    ]));
  it('near miss: a whole with a separator whose parts add up', () =>
    assert.deepEqual(findings(report(values()).replace('一、总体情况\n', '一、总体情况\n\n全年公开信息1,200条，其中网站公开600条、微信公开600条。\n')), []));
  it('a whole with a separator whose parts do not add up', () =>
    assert.deepEqual(findings(report(values()).replace('一、总体情况\n', '一、总体情况\n\n全年公开信息1，200条，其中网站公开600条、微信公开500条。\n')), [
      '1，200: 正文中“其中”各项之和为 1100（600+500），与总数 1200 不符',
    ]));
});

describe('narrative figures: what is a thousands separator', () => {
  const folded = (text: string): string => withoutDigitGroupSeparators(compactProse(text, { start: 0, end: text.length })).text;
  it('groups of exactly three after one to three digits', () => {
    const cases = { '受理3,119件': '受理3119件', '受理3，119件': '受理3119件', '公开1,234,567条、12,000条': '公开1234567条、12000条', '金额1,234.5万元': '金额1234.5万元' };
    for (const [text, want] of Object.entries(cases)) assert.equal(folded(text), want, text);
  });
  it('near miss: numbers of a list, or of no such grouping, keep their commas', () => {
    for (const text of ['分别为3,5件', '3，12件', '12,3456件', '1234,567件', '1,234,56件', '1,234，567件', '2023，2024年', '0.5,123', '第1,234,5678号']) {
      assert.equal(folded(text), text, text);
    }
  });
  it('each character of the folded prose maps back to its source', () => {
    const source = '共受理 3, 119 件，\n另 1，200条';
    const prose = withoutDigitGroupSeparators(compactProse(source, { start: 0, end: source.length }));
    assert.equal(prose.text, '共受理3119件，另1200条');
    const at = prose.text.indexOf('3119');
    const span = proseSpan(prose, at, at + 4);
    assert.equal(source.slice(span.start, span.end), '3, 119');
    for (let i = 0; i < prose.text.length; i++) {
      const c = source[prose.sourceAt(i)];
      assert.equal(c, prose.text[i], `character ${i}`);
    }
  });
  it('a 1 MB run of groups is folded in linear time', { timeout: 10000 }, () => {
    const text = `受理1${',234'.repeat(250000)}件`;
    assert.equal(folded(text), `受理1${'234'.repeat(250000)}件`);
    const list = '1,2'.repeat(300000);
    assert.equal(folded(list), list);
  });
});

describe('narrative figures: another period’s figure is not this year’s', () => {
  const v = values();
  const r1 = v.table3.R1[6];
  const other = r1 + 7;
  const silent = (sentence: string): void => assert.deepEqual(findings(stating(v, (n) => `${SENTENCE(n)}，${sentence}`)), [], sentence);
  it('near miss: last year’s figure in a clause of its own', () => silent(`上年同期受理政府信息公开申请${other}件`));
  it('near miss: 去年, 上一年度, 上年度, 近三年, 历年', () => {
    for (const words of ['去年', '上一年度', '上年度', '近三年共', '近3年', '历年来']) silent(`${words}受理政府信息公开申请${other}件`);
  });
  it('near miss: the figure a comparison is made with', () => {
    silent(`与2023年受理政府信息公开申请${other}件相比有所增加`);
    silent(`较上年受理的申请${other}件有所增加`);
    silent(`比2023年新收申请${other}件略有增加`);
  });
  it('near miss: a figure without a verb of its own was never read as a claim (较上年的120件)', () => silent(`较上年的${other}件有所增加`));
  it('near miss: a change from last year', () => silent(`同比增加受理申请${other}件`));
  it('near miss: a total over several years', () => {
    silent(`自2020年以来累计受理政府信息公开申请${other}件`);
    silent(`自条例实施以来共受理政府信息公开申请${other}件`);
  });
  it('near miss: another year named in the figure’s own clause', () => silent(`2023年受理政府信息公开申请${other}件`));
  it('near miss: last year’s qualifier in the figure’s clause after the verb’s', () =>
    assert.deepEqual(findings(stating(v, (n) => `全年共受理政府信息公开申请${n}件，新收申请（上年同期${other}件）`)), []));
  it('near miss: a report saying it received none last year', () =>
    assert.deepEqual(findings(stating(v, (n) => `${SENTENCE(n)}，上年度未收到政府信息公开申请`)), []));
  it('near miss: last year’s 行政复议', () => {
    const t = report(v).replace('一、总体情况\n', `一、总体情况\n\n上年同期政府信息公开行政复议${v.table4[4] + 3}件。\n`);
    assert.deepEqual(findings(t), []);
  });

  /** `sentence` in place of the report's on this year's applications is reported, quoted as `quote` */
  const warns = (sentence: string, quote = `受理政府信息公开申请${other}件`): void =>
    assert.deepEqual(findings(stating(v, () => sentence)), [`${other}: 正文说“${quote}”，但${R1_ROW}为 ${r1}`], sentence);
  it('this year’s figure that disagrees', () => warns(`本年度共受理政府信息公开申请${other}件`));
  it('this year’s figure beside last year’s', () =>
    warns(`本年度共受理政府信息公开申请${other}件，上年同期受理政府信息公开申请${r1}件`));
  it('the report’s own year is this year', () => warns(`2024年受理政府信息公开申请${other}件`));
  it('a comparison closed before the figure frames this year’s', () =>
    warns(`与上年相比本年受理政府信息公开申请${other}件`));
  it('a comparison in a clause between the verb and the figure qualifies neither', () =>
    warns(`全年受理政府信息公开申请，同比增长5%，共计${other}件`, `受理政府信息公开申请，同比增长5%，共计${other}件`));
  it('今年以来 and 全年累计 are this year', () => {
    warns(`今年以来受理政府信息公开申请${other}件`);
    warns(`全年累计受理政府信息公开申请${other}件`);
  });
  it('a change that gives the new figure (增加至) is this year’s', () =>
    warns(`受理政府信息公开申请增加至${other}件`, `受理政府信息公开申请增加至${other}件`));
  it('上年结转 is this year’s carry-over, not last year’s figure', () => {
    const r2 = v.table3.R2[6];
    assert.deepEqual(findings(stating(v, (n) => `${SENTENCE(n)}，上年结转政府信息公开申请${r2 + 7}件`)), [
      `${r2 + 7}: 正文说“上年结转政府信息公开申请${r2 + 7}件”，但表三“二、上年结转政府信息公开申请数量”总计为 ${r2}`,
    ]);
  });
  it('this year’s none is still held to the table', () =>
    assert.deepEqual(
      findings(stating(v, (n) => `${SENTENCE(n)}，本年度未收到政府信息公开申请`)).map((f) => f.split(':')[0]),
      ['未收到政府信息公开申请'],
    ));
});
