// copied-text: the share of a report's prose that is the same as last year's report of the same agency, or as
// another agency's report of the same year in another file of the folder.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkParsed, checkText, indexByAgencyYear, parseDocument, type Diagnostic, type EngineOptions } from '../../server/src/engine';
import { copiedFrom } from '../../server/src/engine/checks/copied';
import { shiftReport } from '../../server/src/engine/shift';
import { consistentValues, renderReport, rewriteProse, seededRandom } from '../support/generate';
import { ofCode, readReal } from '../support/helpers';

const AGENCY = '淮安市洪泽区人民政府';
/** 洪泽 2023 as published, under the agency name its 2024 report uses */
const hongze2023 = (): string => readReal('hongze-2023').replace(/^洪泽区人民政府/, AGENCY);
const hongze2024 = (): string => readReal('hongze-2024');
/** 洪泽 2024 published again as 2025's: the year and the figures updated, every sentence kept */
const copied2025 = (): string =>
  hongze2024()
    .replace('2024 年政府信息公开工作年度报告', '2025 年政府信息公开工作年度报告')
    .replaceAll('2024 年', '2025 年')
    .replace('受理政府\n信息公开申请 17 件', '受理政府\n信息公开申请 23 件');

function copiedText(text: string, lastYear: string, options: EngineOptions = {}): Diagnostic[] {
  return ofCode(checkText(text, options, parseDocument(lastYear).reports).diagnostics, 'copied-text');
}
const squeezed = (text: string, d: Diagnostic): string => text.slice(d.span.start, d.span.end).replace(/\s/g, '');

describe('copied-text', () => {
  it('洪泽 2024 against its 2023 report: 44 % the same, an info on the first copied sentence', () => {
    const text = hongze2024();
    const ds = copiedText(text, hongze2023());
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'info');
    assert.equal(ds[0].message, '正文约 44% 与上年报告（2023 年，“淮安市洪泽区人民政府2023 年政府信息公开工作年度报告”）相同，共 11 处；此为第一处较长的雷同段落');
    assert.equal(squeezed(text, ds[0]), '洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实');
  });
  it('a report copied from last year’s, its year and figures updated: a warning, at 100 %', () => {
    const text = copied2025();
    const ds = copiedText(text, hongze2024());
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'warning');
    assert.match(ds[0].message, /^正文约 100% 与上年报告（2024 年/);
    // the first passage runs from 一's first sentence to the end of 一: a passage stops at its section's end
    assert.ok(squeezed(text, ds[0]).startsWith('2025年，淮安市洪泽区人民政府坚持以习近平'));
    assert.ok(ds[0].span.end < text.indexOf('二、主动公开政府信息情况'));
  });
  it('in English, and at the severity the user set (info even from 50 %)', () => {
    const [d] = copiedText(copied2025(), hongze2024(), { locale: 'en', severity: { 'copied-text': 'info' } });
    assert.equal(d.severity, 'info');
    assert.match(d.message, /^About 100% of the prose is the same as last year’s report \(2024, “淮安市洪泽区人民政府2024 年政府信息公开工作年度报告”\)/);
    assert.deepEqual(copiedText(copied2025(), hongze2024(), { severity: { 'copied-text': 'off' } }), []);
  });
  it('in one compilation, last year’s report first: the same finding', () => {
    const compilation = `${hongze2024()}\n${copied2025()}`;
    const ds = ofCode(checkText(compilation).diagnostics, 'copied-text');
    assert.equal(ds.length, 1);
    assert.ok(ds[0].span.start > hongze2024().length);
  });
  it('near miss: another agency’s report with the very same prose is not compared (that needs the folder’s index)', () => {
    const other = hongze2024().replace(AGENCY, '淮安市淮阴区人民政府');
    assert.deepEqual(copiedText(copied2025(), other), []);
  });
  it('near miss: a report written anew (淮安 2024’s prose as last year’s): 10 % shared formulas, no finding', () => {
    const rewritten = readReal('huaian-2024').replace(/^淮安市人民政府\n2024 年/, `${AGENCY}\n2023 年`);
    const thisYear = parseDocument(hongze2024()).reports[0];
    const lastYear = parseDocument(rewritten).reports[0];
    assert.equal(Math.round(copiedFrom(thisYear, lastYear).share * 100), 10);
    assert.deepEqual(copiedText(hongze2024(), rewritten), []);
  });
  describe('what is not the agency’s prose', () => {
    const report = (year: number, seed: number, frame: string): string =>
      renderReport({ agency: '示例县发展和改革局', year, values: consistentValues(seededRandom(seed)), layout: 'tabs' }).replace('一、总体情况\n\n', `一、总体情况\n\n${frame}\n`);
    const FRAME = (year: number): string =>
      `本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求编制。本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
    it('generated reports of two years, the same sentences: copied', () => {
      assert.equal(copiedText(report(2024, 2, FRAME(2024)), report(2023, 1, FRAME(2023))).length, 1);
    });
    it('near miss: the prose written anew, the template’s frame (本报告根据…编制, 统计期限), headings and tables the same', () => {
      assert.deepEqual(copiedText(rewriteProse(report(2024, 2, FRAME(2024))), report(2023, 1, FRAME(2023))), []);
    });
    it('near miss: with table 二’s heading unread, its table is not taken for prose of section 一', () => {
      const unread = (text: string): string => text.replace('二、主动公开政府信息情况\n', '');
      assert.deepEqual(copiedText(unread(rewriteProse(report(2024, 2, ''))), unread(report(2023, 1, ''))), []);
    });
  });
  it('reads the text of a report whose offsets moved (an edit above it) at its new place', () => {
    const thisYear = parseDocument(copied2025()).reports[0];
    const lastYear = parseDocument(hongze2024()).reports[0];
    const moved = copiedFrom(shiftReport(thisYear, 7), shiftReport(lastYear, 3));
    const spans = copiedFrom(thisYear, lastYear).passages.map((p) => ({ start: p.span.start + 7, end: p.span.end + 7 }));
    assert.deepEqual(moved.passages.map((p) => p.span), spans);
    assert.equal(spans.length, 3, "一, 五 and 六 copied whole");
  });
});

describe('copied-text between agencies of a folder', () => {
  const HUAIYIN = '淮安市淮阴区人民政府';
  /** 洪泽 2024 under another agency's name: what a district that copied its neighbour's report publishes */
  const neighbour = (): string => hongze2024().replaceAll(AGENCY, HUAIYIN).replace(/^洪泽区人民政府/, HUAIYIN);
  const folderOf = (...texts: string[]) => indexByAgencyYear(texts.flatMap((t) => parseDocument(t).reports));
  it('a report whose prose is another agency’s of the same year, in another file: a warning naming that agency and report', () => {
    const folder = folderOf(hongze2024(), neighbour());
    const ds = ofCode(checkText(neighbour(), {}, folder).diagnostics, 'copied-text');
    assert.equal(ds.length, 1, JSON.stringify(ds));
    assert.equal(ds[0].severity, 'warning');
    assert.match(ds[0].message, new RegExp(`^正文约 9\\d% 与另一机关（${AGENCY}）同年度的报告“${AGENCY}2024 年政府信息公开工作年度报告”相同`));
    const back = ofCode(checkText(hongze2024(), { locale: 'en' }, folder).diagnostics, 'copied-text');
    assert.match(back[0].message, new RegExp(`^About 9\\d% of the prose is the same as another agency’s report of the same year \\(${HUAIYIN}`));
  });
  it('near miss: distinct agencies of one region, the same year (洪泽 2024 and 淮安 2024): the phrases they share are no copy', () => {
    const folder = folderOf(hongze2024(), readReal('huaian-2024'));
    assert.deepEqual(ofCode(checkText(hongze2024(), {}, folder).diagnostics, 'copied-text'), []);
    assert.deepEqual(ofCode(checkText(readReal('huaian-2024'), {}, folder).diagnostics, 'copied-text'), []);
  });
  it('near miss: a phrase three agencies or more write is the region’s, and is not counted for any two of them', () => {
    const copies = ['淮安市清江浦区人民政府', '淮安市淮安区人民政府'].map((name) => hongze2024().replaceAll(AGENCY, name).replace(/^洪泽区人民政府/, name));
    const folder = folderOf(hongze2024(), neighbour(), ...copies);
    assert.deepEqual(ofCode(checkText(neighbour(), {}, folder).diagnostics, 'copied-text'), []);
  });
  it('near miss: two agencies in one compilation are one document, whether the index holds its very reports or copies read again (the workspace)', () => {
    const compilation = `${hongze2024()}\n${neighbour()}`;
    const parsed = parseDocument(compilation);
    assert.equal(parsed.reports.length, 2);
    assert.deepEqual(ofCode(checkParsed(parsed, {}, indexByAgencyYear(parsed.reports)).diagnostics, 'copied-text'), []);
    assert.deepEqual(ofCode(checkText(compilation, {}, folderOf(compilation)).diagnostics, 'copied-text'), []);
    const elsewhere = ofCode(checkText(neighbour(), {}, folderOf(compilation)).diagnostics, 'copied-text');
    assert.equal(elsewhere.length, 1, 'the same pair in two files is found');
  });
  it('near miss: the same agency’s report in another file, and another agency’s of another year, are not another agency’s copy', () => {
    const folder = folderOf(hongze2024(), copied2025().replaceAll(AGENCY, HUAIYIN).replace(/^洪泽区人民政府/, HUAIYIN));
    assert.deepEqual(ofCode(checkText(hongze2024(), {}, folder).diagnostics, 'copied-text'), []);
  });
});

