// narrative-mismatch for a whole stated with its parts after 其中: which numbers are parts, where the list
// ends, and when the parts are held to add up to the whole.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../support/helpers';
import { consistentValues, renderReport, seededRandom, type ReportValues } from '../support/generate';

const values = (): ReportValues => consistentValues(seededRandom(11));
const report = (v = values()): string => renderReport({ agency: '示例县发展和改革局', year: 2024, values: v, layout: 'tabs' });
/** the generated report with `sentence` in 一、总体情况 */
const withSentence = (sentence: string): string => report().replace('一、总体情况\n', `一、总体情况\n\n${sentence}\n`);
/** each narrative-mismatch as the text it marks and its message */
const findings = (text: string, locale?: 'en'): string[] =>
  diagnose(text, locale ? { locale } : undefined)
    .filter((d) => d.code === 'narrative-mismatch')
    .map((d) => `${d.text}: ${d.message}`);
const noFinding = (sentence: string): void => assert.deepEqual(findings(withSentence(sentence)), []);

describe('narrative parts: the parts are separated by 、，；', () => {
  it('parts separated by semicolons are all summed', () =>
    assert.deepEqual(findings(withSentence('全年公开信息250条，其中：政策文件9条；人事信息7条；重点工作39条；其他190条。')), [
      '250: 正文中“其中”各项之和为 245（9+7+39+190），与总数 250 不符',
    ]));
  it('near miss: semicolon-separated parts that add up', () => noFinding('全年公开信息250条，其中：政策文件9条；人事信息7条；重点工作39条；其他195条。'));
  it('near miss: commas and semicolons mixed in one list', () => noFinding('全年公开信息107条，其中：文件22条，解读2条；预算7条、直达9条；其他67条。'));
  it('near miss: a whole of its own after a semicolon starts the next list', () =>
    noFinding('全年公开信息351条，其中文件72条，动态64条，其他178条，公告37条；解读46条，其中图解25条，视频21条。'));
  it('a whole of its own after a semicolon is not a part of the list before it', () =>
    assert.deepEqual(findings(withSentence('全年公开信息351条，其中文件72条，动态64条，其他178条，公告30条；解读46条，其中图解25条，视频21条。')), [
      '351: 正文中“其中”各项之和为 344（72+64+178+30），与总数 351 不符',
    ]));
});

describe('narrative parts: a total is not counted with its parts', () => {
  it('near miss: the total restated after its parts', () => noFinding('全年公开信息407条，其中网站公开189条，微信公开218条，合计407条。'));
  it('parts that miss the restated total', () =>
    assert.deepEqual(findings(withSentence('全年公开信息407条，其中网站公开189条，微信公开200条，合计407条。')), [
      '407: 正文中“其中”各项之和为 389（189+200），与总数 407 不符',
    ]));
  it('near miss: a part with its own parts in brackets', () =>
    noFinding('全年公开信息100条，其中政策文件60条（其中规范性文件30条、其他文件30条），工作动态40条。'));
  it('a part whose own parts in brackets miss it: only that part is reported', () =>
    assert.deepEqual(findings(withSentence('全年公开信息100条，其中政策文件60条（其中规范性文件30条、其他文件20条），工作动态40条。')), [
      '60: 正文中“其中”各项之和为 50（30+20），与总数 60 不符',
    ]));
  it('near miss: a part with its own parts, no brackets', () =>
    noFinding('全年公开信息100条，其中政策文件60条，其中规范性文件30条、其他文件30条；工作动态40条。'));
  it('a part whose own parts miss it, no brackets: its list ends at the separator stronger than its 、', () =>
    assert.deepEqual(findings(withSentence('全年公开信息100条，其中政策文件60条，其中规范性文件30条、其他文件20条；工作动态40条。')), [
      '60: 正文中“其中”各项之和为 50（30+20），与总数 60 不符',
    ]));
  it('parts that miss their whole around a nested list, no brackets', () =>
    assert.deepEqual(findings(withSentence('全年公开信息100条，其中政策文件50条，其中规范性文件30条、其他文件20条；工作动态40条。')), [
      '100: 正文中“其中”各项之和为 90（50+40），与总数 100 不符',
    ]));
});

describe('narrative parts: a partial list is held only to not exceed its whole', () => {
  it('near miss: a list ending in 等', () => noFinding('全年公开信息107条，其中：文件22条，解读2条；预算7条；直达9条；其他54条等。'));
  it('near miss: a list opened by 主要包括', () => noFinding('全年公开信息1000条，其中主要包括工作动态600条、通知公告300条。'));
  it('a partial list that exceeds its whole', () =>
    assert.deepEqual(findings(withSentence('全年公开信息1000条，其中主要包括工作动态600条、通知公告500条。')), [
      '1000: 正文中“其中”各项之和为 1100（600+500），与总数 1000 不符',
    ]));
  it('a single part that exceeds its whole', () =>
    assert.deepEqual(findings(withSentence('全年公开信息100条，其中政策文件120条。')), ['100: 正文中“其中”各项之和为 120（120），与总数 100 不符']));
  it('near miss: a single part below its whole', () => noFinding('全年公开信息1000条，其中政策文件20条。'));
  it('near miss: an approximate part', () => noFinding('全年公开信息1000条，其中工作动态600余条、通知公告300条、政策文件50条。'));
  it('near miss: a part counted in another unit', () => noFinding('全年公开信息100条，其中政策文件60条、工作动态30条，行政许可10项。'));
});

describe('narrative parts: numbers that are no parts', () => {
  it('near miss: a comparison with last year', () => noFinding('全年公开信息407条，其中网站公开189条，同比增长10条，微信公开218条。'));
  it('near miss: a change from last year is no whole', () => noFinding('全年公开信息100条，同比增加5条，其中网站公开60条、微信公开40条。'));
  it('near miss: an ordinal is no part', () => noFinding('全年公开信息100条，其中按第20条公开的60条、其他40条。'));
  it('near miss: a decimal is no part', () => noFinding('全年公开信息100条，其中政策文件60条，工作动态每月1.5条、全年40条。'));
  it('near miss: a list without a full stop ends at the next sub-heading', () =>
    noFinding('全年公开信息30条，其中文件10条\n（二）依申请公开\n本年公开25条。'));
  it('near miss: a clause of another stage of handling ends the list', () => {
    const v = values();
    noFinding(`全年共收到政府信息公开申请${v.table3.R1[6]}件，其中网上申请${v.table3.R1[0]}件，按时答复${v.table3.R24[6]}件。`);
  });
});

describe('narrative messages in English', () => {
  it('the parts message names no Chinese word', () =>
    assert.deepEqual(findings(withSentence('全年公开信息407条，其中网站公开189条，微信公开200条。'), 'en'), [
      '407: The parts the text gives of 407 add up to 389 (189+200), not 407',
    ]));
  it('the table message names the row and column by their official labels only', () => {
    const v = values();
    const r1 = v.table3.R1[6];
    const text = report(v).replace(`受理政府信息公开申请${r1}件`, `受理政府信息公开申请${r1 + 5}件`);
    assert.deepEqual(findings(text, 'en'), [
      `${r1 + 5}: The text says “受理政府信息公开申请${r1 + 5}件” but in Table 三 the “总计” of row “一、本年新收政府信息公开申请数量” is ${r1}`,
    ]);
  });
});
