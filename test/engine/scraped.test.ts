// Real published text as crawled pages give it: headings mid-line, a whole report on one line, a scraper's
// header block and the site's navigation around the body (issue 12, items 1 and 5).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, fixAll, parseDocument } from '../../server/src/engine';
import { consistentValues, renderReport, seededRandom, type ReportSpec } from '../support/generate';
import { codes, diagnose, readExample } from '../support/helpers';

const AGENCY = '示例县发展和改革局';
const TITLE = `${AGENCY}2024年政府信息公开工作年度报告`;
const spec = (overrides: Partial<ReportSpec> = {}): ReportSpec => ({ agency: AGENCY, year: 2024, values: consistentValues(seededRandom(8)), layout: 'tabs', ...overrides });
const headingsOf = (text: string): string[] => parseDocument(text).reports.flatMap((r) => r.sections.map((s) => s.headingText));
const OFFICIAL = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

describe('headings mid-line', () => {
  // the paragraph: the whole body on one line, each heading glued to the text around it
  const paragraph =
    `${TITLE}\n现将有关情况报告如下。一、总体情况 2024年，本局认真落实《条例》。二、主动公开政府信息情况第二十条第（一）项信息内容` +
    '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况' +
    '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼五、存在的主要问题及改进情况(一)存在问题。仍有不足。' +
    '六、其他需要报告的事项无平潭示例局 2025年1月10日 附件下载\n';

  it('each heading is found where it stands, by its title, and ends with it', () => {
    assert.deepEqual(headingsOf(paragraph), OFFICIAL);
  });
  it('each section’s text starts right after its title: what a table section hands its table', () => {
    const [report] = parseDocument(paragraph).reports;
    const starts = report.sections.map((s) => paragraph.slice(s.body.start, s.body.start + 6));
    assert.deepEqual(starts, [' 2024年', '第二十条第（', '（本列数据的', '行政复议行政', '(一)存在问', '无平潭示例局']);
    assert.equal(paragraph.slice(report.sections[3].body.end, report.sections[3].body.end + 2), '五、');
  });
  it('a table section mid-line gives its table the text from the title’s end, rows glued to the next heading still read', () => {
    const text = renderReport(spec({ flow: 'mid-line' }));
    const [report] = parseDocument(text).reports;
    for (const [number, id] of [[2, '二'], [3, '三']] as const) {
      assert.equal(report.tables[id]!.span.start, report.sections[number - 1].headingSpan.end, id);
    }
    // 四、结转下年度继续办理 … 6 glued to 四、政府信息公开…: the row keeps its last value, the heading starts after it
    assert.deepEqual(report.tables['三']!.rows.get('R25')!.cells!.map((c) => c.value), spec().values.table3.R25);
    assert.equal(text.slice(report.sections[3].headingSpan.start - 1, report.sections[3].headingSpan.start + 2), `${spec().values.table3.R25[6]}四、`);
  });
  it('a heading opening a long line, its text on the same line: the title, then the body (plain, markdown, full-width mark, CRLF)', () => {
    const body = '2024年，本局认真落实《条例》，'.repeat(6);
    for (const [line, heading] of [[`一、总体情况 ${body}`, '一、总体情况'], [`## 一、总体情况${body}`, '一、总体情况'], [`一．总体情况${body}`, '一．总体情况']]) {
      for (const eol of ['\n', '\r\n']) {
        const text = renderReport(spec()).replace(/一、总体情况\n\n[^\n]*/, line).replace(/\n/g, eol);
        const [report] = parseDocument(text).reports;
        assert.equal(report.sections[0].headingText, heading, `${line} ${JSON.stringify(eol)}`);
        assert.ok(text.slice(report.sections[0].body.start).trimStart().startsWith('2024年，本局'));
        assert.deepEqual(report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
      }
    }
  });
  it('CRLF line ends read mid-line headings as LF ones do', () => {
    const text = renderReport(spec({ flow: 'mid-line', scraper: true }));
    const crlf = text.replace(/\n/g, '\r\n');
    assert.deepEqual(headingsOf(crlf), OFFICIAL);
    assert.deepEqual(codes(checkText(crlf).diagnostics), []);
  });
  it('table 三’s row labels are never headings, at a line’s start or glued to the next heading', () => {
    const lines = renderReport(spec()).split('\n');
    const at = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
    lines[at] += '四、政府信息公开行政复议、行政诉讼情况';
    lines.splice(lines.indexOf('四、政府信息公开行政复议、行政诉讼情况'), 1);
    const text = lines.join('\n');
    const [report] = parseDocument(text).reports;
    assert.deepEqual(report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(report.sections[3].headingSpan.start, text.indexOf('四、政府信息公开'));
    assert.deepEqual(codes(checkText(text).diagnostics), []);
  });
  it('prose is no heading: 一是、二是, 第一、二季度, the titles listed in a sentence', () => {
    const prose =
      '一是完善机制，二是主动公开政府信息情况良好。第一、二季度按时更新。本报告包括一、总体情况，二、主动公开政府信息情况，' +
      '三、收到和处理政府信息公开申请情况等部分。';
    const text = renderReport(spec()).replace('均在法定期限内答复。', `均在法定期限内答复。${prose}`);
    assert.ok(text.includes(prose));
    assert.deepEqual(headingsOf(text), OFFICIAL);
    assert.deepEqual(codes(checkText(text).diagnostics), []);
  });
  it('a title’s wording of its own is the heading, with no diagnostic', () => {
    for (const wording of ['五、存在的主要问题及明年工作计划', '五、存在的主要问题及整改措施', '五、政府信息公开工作存在的主要问题及改进情况', '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况']) {
      for (const flow of ['lines', 'mid-line'] as const) {
        const original = OFFICIAL[wording.startsWith('五') ? 4 : 3];
        const text = renderReport(spec({ flow })).replace(original, wording);
        assert.ok(text.includes(wording));
        assert.deepEqual(headingsOf(text)[wording.startsWith('五') ? 4 : 3], wording, `${wording} ${flow}`);
        assert.deepEqual(codes(checkText(text).diagnostics), [], `${wording} ${flow}`);
      }
    }
  });
  it('a typo in a title is label-typo on the title, with the official one as the fix', () => {
    for (const [typo, official] of [['政府信息公开行政法复议、行政诉讼情况', '政府信息公开行政复议、行政诉讼情况'], ['主动公开政府信急情况', '主动公开政府信息情况']]) {
      for (const flow of ['lines', 'mid-line'] as const) {
        const clean = renderReport(spec({ flow }));
        const text = clean.replace(official, typo);
        const ds = diagnose(text);
        assert.deepEqual(codes(ds), ['label-typo'], `${typo} ${flow}`);
        assert.equal(ds[0].text, typo);
        assert.match(ds[0].message, new RegExp(`应为“${official}”`));
        assert.equal(fixAll(text).text, clean);
      }
    }
  });
});

describe('a report on one line', () => {
  it('table 四’s fifteen values follow its header words on the line: read, its value zone only the values', () => {
    const values = spec().values;
    const text = renderReport(spec({ flow: 'one-line' }));
    assert.equal(text.split('\n').filter((l) => l.includes('一、总体情况')).length, 1);
    const row = parseDocument(text).reports[0].tables['四']!.rows.get('G')!;
    assert.deepEqual(row.cells!.map((c) => c.value), values.table4);
    assert.equal(text.slice(row.valueZone.start, row.valueZone.end), ` ${values.table4.join(' ')}`);
  });
  it('near miss: a line holding 总计 with fewer values before table 四 is no header of it', () => {
    const values = spec().values;
    const text = renderReport(spec()).replace('四、政府信息公开行政复议、行政诉讼情况\n', `四、政府信息公开行政复议、行政诉讼情况\n（七）总计\t${values.table3.R24.join('\t')}\n`);
    assert.deepEqual(parseDocument(text).reports[0].tables['四']!.rows.get('G')!.cells!.map((c) => c.value), values.table4);
  });
});

describe('a scraper’s header block and the site’s navigation', () => {
  it('the title comes from 标题: without its key, not from 本地目录: (which holds it too)', () => {
    const [report] = checkText(renderReport(spec({ scraper: true }))).reports;
    assert.equal(report.title, TITLE);
    assert.equal(report.agency, AGENCY);
    assert.equal(report.year, 2024);
  });
  it('发布机构 names the agency where the title names none', () => {
    const [report] = parseDocument(renderReport(spec({ scraper: true, title: 'no-agency' }))).reports;
    assert.equal(report.title, '2024年政府信息公开工作年度报告');
    assert.equal(report.agency, AGENCY);
  });
  it('发布时间 is the publication date: a late one is date-mismatch on it, wherever it stands in the block', () => {
    const late = renderReport(spec({ scraper: true, published: '2025-03-05' }));
    const swapped = late.replace(/^(标题: .*)\n(发布时间: .*)\n/, '$2\n$1\n');
    assert.notEqual(swapped, late);
    for (const text of [late, swapped]) {
      const ds = diagnose(text);
      assert.deepEqual(codes(ds), ['date-mismatch']);
      assert.equal(ds[0].text, '2025-03-05');
      assert.equal(parseDocument(text).reports[0].span.start, 0);
    }
  });
  it('the navigation is no title and no text of a section: 六 holding only 附件下载 is empty', () => {
    const text = renderReport(spec({ scraper: true }))
      .replace('本年度未收取信息处理费。', '')
      .replace('当前位置：首页 > 政务公开 > 政府信息公开年报', '当前位置：首页 > 政府信息公开年报 > 2024年政府信息公开工作年度报告');
    const result = checkText(text);
    assert.equal(result.reports[0].agency, AGENCY);
    assert.deepEqual(codes(result.diagnostics), ['empty-section']);
    assert.match(result.diagnostics[0].message, /第六部分/);
  });
  it('near miss: 六 holding a word besides the navigation is not empty (only that it says nothing of the fee)', () => {
    const text = renderReport(spec({ scraper: true })).replace('本年度未收取信息处理费。', '无。');
    assert.deepEqual(codes(checkText(text).diagnostics), ['fee-statement-missing']);
  });
});

describe('the 平潭 pages (one line after a header block)', () => {
  const SAMPLES = {
    'pingtan-czj-2023': { agency: '平潭综合实验区财政金融局', year: 2023, two: '(一)主动公', four: '行政复议行政' },
    'pingtan-gaj-2021': { agency: '平潭综合实验区公安局', year: 2021, two: '第二十条第（', four: '行政复议行政' },
    'pingtan-shenpi-2020': { agency: '平潭综合实验区行政审批局', year: 2020, two: '第二十条第（', four: '行政复议行政' },
  };
  for (const [name, expected] of Object.entries(SAMPLES)) {
    it(`${name}: its title from the header block, all six sections, each from its title’s end`, () => {
      const text = readExample(`test/fixtures/real/${name}.txt`);
      const result = checkText(text);
      assert.equal(result.reports.length, 1);
      const [report] = result.parsed.reports;
      assert.equal(report.title, `${expected.agency}${expected.year}${name.endsWith('2023') ? '年度' : '年'}政府信息公开工作年度报告`);
      assert.equal(report.agency, expected.agency);
      assert.deepEqual(report.sections.map((s) => s.headingText), OFFICIAL);
      const at = (k: number): string => text.slice(report.sections[k].body.start, report.sections[k].body.start + 6);
      assert.equal(at(1), expected.two);
      assert.equal(at(2), '（本列数据的');
      assert.equal(at(3), expected.four);
      const structural = ['missing-section', 'section-order', 'duplicate-section', 'empty-section', 'date-mismatch'];
      assert.deepEqual(result.diagnostics.filter((d) => structural.includes(d.code)), []);
    });
  }
  it('as published, one line each: the errors README gives and no other (gaj-2021’s balance, on 结转下年度 自然人 and 总计)', () => {
    const errors = (name: string) => diagnose(readExample(`test/fixtures/real/${name}.txt`)).filter((d) => d.severity === 'error');
    assert.deepEqual(errors('pingtan-shenpi-2020'), []);
    assert.deepEqual(errors('pingtan-czj-2023'), []);
    const gaj = errors('pingtan-gaj-2021');
    assert.deepEqual(codes(gaj), ['balance-mismatch', 'balance-mismatch']);
    const r25 = parseDocument(readExample('test/fixtures/real/pingtan-gaj-2021.txt')).reports[0].tables['三']!.rows.get('R25')!.cells!;
    assert.deepEqual(gaj.map((d) => d.span), [r25[0].span, r25[6].span]);
  });
  it('gaj-2021’s label typo 本年废纸件数, in a header whose cells ran together and on into 规章, on those six characters', () => {
    const text = readExample('test/fixtures/real/pingtan-gaj-2021.txt');
    const typos = diagnose(text).filter((d) => d.code === 'label-typo');
    assert.deepEqual(typos.map((d) => text.slice(d.span.start, d.span.end)), ['本年废纸件数']);
    assert.match(typos[0].message, /应为“本年废止件数”/);
  });
});
