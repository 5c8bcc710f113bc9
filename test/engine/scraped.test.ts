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

describe('tables flattened onto one line by a scraper', () => {
  /** examples/clean-2024.txt on one line: its lines (the empty ones left out) joined by a space, tabs kept */
  const clean = readExample('examples/clean-2024.txt');
  const oneLine = clean.split('\n').filter((l) => l.trim()).join(' ');
  const cellsOf = (text: string, table: '二' | '三' | '四', key: string) => parseDocument(text).reports[0].tables[table]!.rows.get(key)!.cells!;
  /** the text with its one occurrence of `from` replaced */
  const once = (text: string, from: string, to: string): string => {
    assert.equal(text.split(from).length, 2, from);
    return text.replace(from, to);
  };
  /** fix-all writes `expected`, which then checks clean */
  const fixesTo = (text: string, expected: string): void => {
    assert.equal(fixAll(text).text, expected);
    assert.deepEqual(codes(checkText(expected).diagnostics), []);
  };

  describe('a unit on every cell, run into the next row’s label (\\t144件二、上年结转…)', () => {
    const glued = renderReport(spec({ flow: 'glued-rows', scraper: true, units: true }));
    const values = spec().values;
    it('reads every row as without the units: no diagnostic, each cell its digits only', () => {
      assert.match(glued, new RegExp(`\\t${values.table3.R1[6]}件二、上年结转`));
      assert.deepEqual(codes(checkText(glued).diagnostics), []);
      for (const key of ['R1', 'R24', 'R25']) {
        const cells = cellsOf(glued, '三', key);
        assert.deepEqual(cells.map((c) => c.value), values.table3[key], key);
        assert.deepEqual(cells.map((c) => glued.slice(c.span.start, c.span.end)), values.table3[key].map(String), key);
      }
      assert.deepEqual(cellsOf(glued, '四', 'G').map((c) => c.value), values.table4);
    });
    it('the same with a space between the rows, and with 个 or 条 for 件', () => {
      for (const text of [renderReport(spec({ flow: 'tab-rows', scraper: true, units: true })), glued.replace(/件(?=[^数\t])/g, '个'), glued.replace(/件(?=[^数\t])/g, '条')]) {
        assert.deepEqual(codes(checkText(text).diagnostics), []);
      }
    });
    it('near miss: a row a cell short is still short, its unit glued to the next label or not', () => {
      const r1 = values.table3.R1;
      const text = once(glued, `\t${r1[5]}件\t${r1[6]}件二、`, `\t${r1[6]}件二、`);
      const ds = diagnose(text);
      assert.deepEqual(codes(ds), ['blank-cell']);
      assert.match(ds[0].message, /应有 7 个数值，只找到 6 个/);
    });
    it('a wrong 总计 so glued is row-total-mismatch on its digits, and fix-all writes the sum, the unit left in place', () => {
      const r1 = values.table3.R1;
      const text = once(glued, `\t${r1[6]}件二、`, `\t${r1[6] + 1}件二、`);
      const ds = diagnose(text).filter((d) => d.code === 'row-total-mismatch');
      assert.equal(ds.length, 1);
      assert.deepEqual(ds[0].span, cellsOf(text, '三', 'R1')[6].span);
      assert.equal(ds[0].text, String(r1[6] + 1));
      fixesTo(text, glued);
    });
    it('prose keeps its numbers and units: 申请144件，均在… and 第19条2款 are no cells', () => {
      const text = once(glued, '均在法定期限内答复。', '均在法定期限内答复。依据第19条2款办理3件。');
      assert.deepEqual(codes(checkText(text).diagnostics), []);
    });
  });

  describe('a blank cell’s mark run into the next row’s label (\\t-（三）不予公开)', () => {
    const scraped = clean.split('\n').slice(0, 3).join('\n') + '\n' + clean.split('\n').slice(3).filter((l) => l.trim()).join('');
    const row = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0';
    const dashes = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t-\t-\t-\t-\t-\t-\t-';
    it('the clean report so scraped has no diagnostic', () => {
      assert.match(scraped, /\t0（三）不予公开1\.属于国家秘密/);
      assert.deepEqual(codes(checkText(scraped).diagnostics), []);
    });
    it('a row of marks reads as with a line break after it: seven blank-cell, fix-all writes the 0s', () => {
      const text = once(scraped, row, dashes);
      const broken = once(scraped, row, `${dashes}\n`);
      const seen = (t: string) => diagnose(t).map((d) => `${d.code} ${d.message} «${d.text}»`);
      assert.deepEqual(codes(diagnose(text)), Array(7).fill('blank-cell'));
      assert.deepEqual(seen(text), seen(broken));
      fixesTo(text, scraped);
    });
    it('near miss: one mark among numbers is that one cell blank', () => {
      const one = once(scraped, row, row.replace(/\t0$/, '\t-'));
      const ds = diagnose(one);
      assert.deepEqual(codes(ds), ['blank-cell']);
      assert.deepEqual(ds[0].span, cellsOf(one, '三', 'R4')[6].span);
      fixesTo(one, scraped);
    });
  });

  describe('a page footer inside the line (- 3 -)', () => {
    const label = '4.保护第三方合法权益';
    const row = `${label}\t21\t0\t0\t0\t0\t0\t21`;
    const header = '申请人情况 自然人\t法人或其他组织\t总计 商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他';
    it('between a row’s label and its values, or after a row before the repeated header: no cell', () => {
      for (const text of [once(oneLine, row, row.replace(`${label}\t`, `${label} - 3 - `)), once(oneLine, row, `${row} - 3 - ${header}`), once(oneLine, row, `${row} － ３ － ${header}`)]) {
        assert.deepEqual(codes(checkText(text).diagnostics), [], text.slice(text.indexOf(label), text.indexOf(label) + 60));
        assert.deepEqual(cellsOf(text, '三', 'R8').map((c) => c.value), [21, 0, 0, 0, 0, 0, 21]);
      }
    });
    it('near miss: a mark and numbers that are the row’s cells stay cells (- 21 - 0 0 0 0 21: seven, a dash after a number no cell)', () => {
      const text = once(oneLine, row, `${label} - 21 - 0 0 0 0 21`);
      const cells = cellsOf(text, '三', 'R8');
      assert.deepEqual(cells.map((c) => c.value), [null, 21, 0, 0, 0, 0, 21]);
      assert.deepEqual(codes(diagnose(text)).filter((c) => c === 'blank-cell'), ['blank-cell']);
    });
    it('a wrong total after the footer is row-total-mismatch on it; fix-all writes the sum', () => {
      const fine = once(oneLine, row, row.replace(`${label}\t`, `${label} - 3 - `));
      const text = once(fine, `${label} - 3 - 21\t0\t0\t0\t0\t0\t21`, `${label} - 3 - 21\t0\t0\t0\t0\t0\t22`);
      const ds = diagnose(text);
      assert.deepEqual(codes(ds), ['row-total-mismatch', 'column-total-mismatch']);
      assert.deepEqual(ds[0].span, cellsOf(text, '三', 'R8')[6].span);
      fixesTo(text, fine);
    });
  });

  describe('a cell’s unit run into the next row or block with no separator (行政许可793件第二十条…, 行政处罚247件行政强制)', () => {
    const spaced = oneLine.replace(/\t/g, ' ');
    const glued = (text: string, label: string, value: number, unit: string): string => text.replace(new RegExp(`${label}\\s*${value}\\s*`), `${label}${value}${unit}`);
    it('each count of table 二 so glued, tabs kept or not: no diagnostic, the value its digits (was blank-cell or missing-row)', () => {
      for (const base of [oneLine, spaced]) {
        for (const [label, value, key] of [['行政许可', 793, 'E1'], ['行政处罚', 247, 'F1'], ['行政强制', 19, 'F2']] as const) {
          const text = glued(base, label, value, '件');
          assert.ok(text.includes(`${label}${value}件`) && !text.includes(`${label}${value}件 `), label);
          assert.deepEqual(codes(checkText(text).diagnostics), [], label);
          assert.deepEqual(cellsOf(text, '二', key).map((c) => c.raw), [String(value)], label);
        }
      }
    });
    it('near miss: a unit that is not the column’s so glued (44元三、 in 万元, 793元 in a count) is invalid-number on number and unit, as when apart', () => {
      for (const [label, value, unit, key] of [['行政事业性收费', 44, '元', 'H1'], ['行政许可', 793, '元', 'E1']] as const) {
        const text = glued(oneLine, label, value, unit);
        const ds = diagnose(text);
        assert.deepEqual(codes(ds), ['invalid-number'], label);
        assert.equal(ds[0].text, `${value}${unit}`);
        assert.deepEqual(ds.map((d) => d.message), diagnose(once(oneLine, `${label}\t${value} `, `${label}\t${value}${unit} `)).map((d) => d.message));
        assert.deepEqual(cellsOf(text, '二', key).map((c) => c.value), [null]);
      }
    });
    it('near miss: prose so glued keeps its numbers (办理3件，其中…; 第19条2款 no cell)', () => {
      const text = once(oneLine, '行政事业性收费\t44 ', '行政事业性收费\t44 本年度办理行政许可793件，行政处罚247件，依据第19条2款办理。 ');
      assert.deepEqual(codes(checkText(text).diagnostics), []);
    });
  });

  describe('a page footer in words inside the line (第 3 页 共 8 页)', () => {
    const label = '4.保护第三方合法权益';
    it('between a row’s label and its values, before a group’s heading or a row: no cell, no diagnostic (was row-total-mismatch and five column-total-mismatch, or invalid-number)', () => {
      for (const footer of ['第 3 页 共 8 页', '第3页共8页', '第 3 页', '第３页/共８页']) {
        for (const text of [once(oneLine, `${label}\t`, `${label} ${footer} `), once(oneLine, '（四）无法提供', `${footer} （四）无法提供`), once(oneLine, '行政规范性文件', `${footer} 行政规范性文件`)]) {
          assert.deepEqual(codes(checkText(text).diagnostics), [], footer);
          assert.deepEqual(cellsOf(text, '三', 'R8').map((c) => c.value), [21, 0, 0, 0, 0, 0, 21]);
        }
      }
    });
    it('near miss: a wrong total after it is row-total-mismatch on that cell, and fix-all writes the sum', () => {
      const fine = once(oneLine, `${label}\t`, `${label} 第 3 页 共 8 页 `);
      const text = once(fine, '第 3 页 共 8 页 21\t0\t0\t0\t0\t0\t21', '第 3 页 共 8 页 21\t0\t0\t0\t0\t0\t22');
      const ds = diagnose(text);
      assert.deepEqual(codes(ds), ['row-total-mismatch', 'column-total-mismatch']);
      assert.deepEqual(ds[0].span, cellsOf(text, '三', 'R8')[6].span);
      fixesTo(text, fine);
    });
  });

  describe('prose after a table’s last cell, and a unit note in table 四', () => {
    const last = '四、结转下年度继续办理\t0\t2\t2\t1\t2\t1\t8';
    const note = `${last} （数据截至2024年12月31日）`;
    const fee = '行政事业性收费\t44';
    const sentence = `${fee} 本年度行政许可793件，行政处罚247件，行政强制19件，行政事业性收费44万元。`;
    const four = '复议后起诉 1\t1\t0';
    it('a note after table 三, a sentence after table 二, 单位：件 before table 四’s values: no diagnostic', () => {
      for (const text of [once(oneLine, last, note), once(oneLine, fee, sentence), once(oneLine, four, '复议后起诉 单位：件 1\t1\t0'), once(oneLine, four, '复议后起诉 （单位：件） 1\t1\t0')]) {
        assert.deepEqual(codes(checkText(text).diagnostics), []);
      }
      assert.equal(cellsOf(once(oneLine, last, note), '三', 'R25')[6].raw, '8');
      assert.equal(cellsOf(once(oneLine, fee, sentence), '二', 'H1')[0].raw, '44');
    });
    it('near miss: text of a cell’s length after the number is the cell’s (8 左右 is invalid-number)', () => {
      const ds = diagnose(once(oneLine, last, `${last} 左右`));
      assert.deepEqual(codes(ds), ['invalid-number']);
      assert.equal(ds[0].text, '8 左右');
    });
    it('a wrong total before the note, or after the unit note, is row-total-mismatch on that cell; fix-all writes the sum', () => {
      const noted = once(oneLine, last, note);
      const text = once(noted, `\t1\t8 （数据截至`, `\t1\t9 （数据截至`);
      const ds = diagnose(text).filter((d) => d.code === 'row-total-mismatch');
      assert.equal(ds.length, 1);
      assert.deepEqual(ds[0].span, cellsOf(text, '三', 'R25')[6].span);
      fixesTo(text, noted);
      const unit = once(oneLine, four, '复议后起诉 单位：件 1\t1\t0');
      const g = cellsOf(unit, '四', 'G');
      const wrong = unit.slice(0, g[4].span.start) + '4' + unit.slice(g[4].span.end);
      const rows = diagnose(wrong).filter((d) => d.code === 'row-total-mismatch');
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0].span, g[4].span);
      fixesTo(wrong, unit);
    });
  });

  describe('a row label mistyped by one character, the table on one line', () => {
    const glued = renderReport(spec({ flow: 'glued-rows', scraper: true }));
    const labelTypo = (text: string) => diagnose(text).filter((d) => d.code === 'label-typo');
    it('the label begins with its group’s heading (（三）不予公开 1.于国家秘密): fix-all writes the words after the row’s own numbering', () => {
      // each once lost its numbering: （三）不予公开 属于国家秘密, 其他 本年新收…, （六）申请人… (its group heading’s words gone too)
      for (const [text, official, written] of [
        [oneLine, '（三）不予公开 1.属于国家秘密', '（三）不予公开 1.于国家秘密'],
        [oneLine, '（四）无法提供 1.本机关不掌握', '（四）无法提供 1.机关不掌握'],
        [oneLine, '其他 一、本年新收', '其他 一、年新收'],
        [glued, '（六）其他处理1.申请人', '（六）其他处理1.请人'],
      ]) {
        const typo = once(text, official, written);
        assert.deepEqual([...new Set(codes(diagnose(typo)))], ['label-typo'], written);
        fixesTo(typo, text);
      }
    });
    it('the last header cell run into the row’s label, mistyped (现行有效件数 章 for 规章): offered, not applied by fix-all', () => {
      // fix-all wrote the header over both, and 章 was gone: 现行有效件数\t0…
      for (const [text, written] of [[oneLine, '现行有效件数 章'], [glued, '现行有效件数章']]) {
        const typo = once(text, written.replace('章', '规章'), written);
        const header = labelTypo(typo).find((d) => d.text === written);
        assert.equal(header?.fix?.preferred, false, written);
        assert.equal(fixAll(typo).text, typo, written);
      }
    });
    it('a row’s numbering lost where its label is glued to the last cell (\t223、上年… for 223二、): the total is not rewritten', () => {
      // 223、 read as 22 then 3、: fix-all wrote 223 over 22, giving 2233、上年结转
      const r1 = spec().values.table3.R1[6];
      const r7 = spec().values.table3.R7[6];
      for (const [from, to] of [[`\t${r1}二、上年`, `\t${r1}、上年`], [`\t${r7}4.保护`, `\t${r7}4保护`]]) {
        const typo = once(glued, from, to);
        const totals = diagnose(typo).filter((d) => d.code === 'row-total-mismatch');
        assert.ok(totals.length > 0 && totals.every((d) => d.fix?.preferred === false), to);
        assert.equal(fixAll(typo).text, typo, to);
      }
    });
    it('near miss: a wrong total glued to the next label, its numbering as written, is still fixed (\t12.其他 for 02.其他)', () => {
      const r5 = spec().values.table3.R5;
      const typo = once(glued, `\t${r5[6]}2.其他法律`, `\t${r5[6] + 1}2.其他法律`);
      assert.deepEqual(codes(diagnose(typo)).filter((c) => c === 'row-total-mismatch'), ['row-total-mismatch']);
      fixesTo(typo, glued);
    });
  });

  describe('a running page header after a heading on the line', () => {
    const page = renderReport(spec({ flow: 'glued-rows', scraper: true }));
    const withHeader = once(page, '一、总体情况2024年，', '一、总体情况2024年政府信息公开工作年度报告2024年，');
    it('is no title: the title is the header block’s, section 一 is found, no diagnostic', () => {
      const result = checkText(withHeader);
      assert.equal(result.reports.length, 1);
      assert.equal(result.reports[0].title, TITLE);
      assert.deepEqual(headingsOf(withHeader), OFFICIAL);
      assert.deepEqual(codes(result.diagnostics), []);
    });
    it('near miss: with 一’s heading gone, section 一 is still missing; a late 发布时间 is still date-mismatch', () => {
      assert.deepEqual(codes(checkText(withHeader.replace('一、总体情况', '')).diagnostics), ['missing-section']);
      const late = renderReport(spec({ flow: 'glued-rows', scraper: true, published: '2025-03-05' })).replace('一、总体情况2024年，', '一、总体情况2024年政府信息公开工作年度报告2024年，');
      assert.deepEqual(codes(checkText(late).diagnostics), ['date-mismatch']);
    });
    it('near miss: a title that opens the line the report runs on is still the title', () => {
      const text = `${TITLE}根据《条例》要求，现将有关情况报告如下。一、总体情况2024年政府信息公开工作年度报告${page.slice(page.indexOf('一、总体情况') + '一、总体情况'.length)}`;
      assert.equal(checkText(text).reports[0].title, TITLE);
      assert.deepEqual(headingsOf(text), OFFICIAL);
    });
  });
});
