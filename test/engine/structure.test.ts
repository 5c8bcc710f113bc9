// How a document is cut into reports: titles, running page headers, compilations, fragments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, parseDocument } from '../../server/src/engine';
import { consistentValues, LAYOUTS, renderReport, seededRandom, TABLE3_KEYS, TITLE_SHAPES, type ReportSpec } from '../support/generate';
import { codes, readExample } from '../support/helpers';

const PAGE_HEADER = readExample('test/fixtures/defects/page-header.txt');
const HEADER = '2024年政府信息公开工作年度报告';
const spec = (overrides: Partial<ReportSpec> = {}): ReportSpec => ({
  agency: '示例县发展和改革局',
  year: 2024,
  values: consistentValues(seededRandom(8)),
  layout: 'tabs',
  ...overrides,
});
const lineStarts = (text: string): number[] => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
/** the text with `line` inserted after the first line equal to `after` */
const insertAfter = (text: string, after: string, line: string): string => {
  const lines = text.split('\n');
  const at = lines.indexOf(after);
  assert.ok(at >= 0, after);
  lines.splice(at + 1, 0, line);
  return lines.join('\n');
};

describe('running page headers', () => {
  it('a header with no agency after 一、总体情况 is no second report (defects/page-header.txt)', () => {
    const result = checkText(PAGE_HEADER);
    assert.deepEqual(result.parsed.reports.map((r) => r.title), ['示例县发展和改革局2024年政府信息公开工作年度报告']);
    assert.deepEqual(codes(result.diagnostics), []);
  });
  it('after every heading, with a page footer, in every layout and title shape: one report, no diagnostic', () => {
    for (const layout of LAYOUTS) {
      for (const title of TITLE_SHAPES) {
        const text = renderReport(spec({ layout, title, pageBreaks: true }));
        const result = checkText(text);
        assert.equal(result.parsed.reports.length, 1, `${layout} ${title}`);
        assert.deepEqual(codes(result.diagnostics), [], `${layout} ${title}`);
      }
    }
  });
  it('after a table row label (三、本年度办理结果) or any short table line: not the agency of a new report', () => {
    const lines = renderReport(spec({ layout: 'lines' }));
    for (const [source, after] of [[PAGE_HEADER, '三、本年度办理结果'], [PAGE_HEADER, '（三）不予公开'], [lines, '行政许可'], [lines, '申请人情况']]) {
      const text = insertAfter(source, after, HEADER);
      assert.equal(parseDocument(text).reports.length, 1, after);
      assert.deepEqual(codes(checkText(text).diagnostics), [], after);
    }
  });
  it('the report’s whole title again, inside the report, is a header too', () => {
    const text = insertAfter(PAGE_HEADER, '四、政府信息公开行政复议、行政诉讼情况', '示例县发展和改革局2024年政府信息公开工作年度报告');
    assert.equal(parseDocument(text).reports.length, 1);
    assert.deepEqual(codes(checkText(text).diagnostics), []);
  });
  it('a header between the title and 一 does not take the agency away from the title', () => {
    const [report] = parseDocument(insertAfter(PAGE_HEADER, '发布时间：2025-01-15', HEADER)).reports;
    assert.equal(report.agency, '示例县发展和改革局');
    assert.equal(report.titleSpan!.start, 0);
  });
});

describe('compilations', () => {
  const compilation = (specs: ReportSpec[]): string => specs.map(renderReport).join('\n');
  it('reports whose titles have no agency, or have it on the line before, are still one report each', () => {
    for (const title of TITLE_SHAPES) {
      const agencies = ['示例县人民政府', '示例县发展和改革局', '示例市生态环境局', '示例县教育局'];
      const text = compilation([2022, 2023, 2024, 2024].map((year, k) => spec({ agency: agencies[k], year, title, published: `${year + 1}-01-10` })));
      const reports = parseDocument(text).reports;
      assert.equal(reports.length, 4, title);
      assert.deepEqual(reports.map((r) => r.year), [2022, 2023, 2024, 2024], title);
      assert.deepEqual(codes(checkText(text).diagnostics), [], title);
    }
  });
  it('a report of another agency that lacks 一 still starts a report of its own', () => {
    const second = renderReport(spec({ agency: '示例市生态环境局' })).replace('一、总体情况\n', '');
    const reports = parseDocument(`${renderReport(spec())}\n${second}`).reports;
    assert.deepEqual(reports.map((r) => r.agency), ['示例县发展和改革局', '示例市生态环境局']);
    assert.deepEqual(reports[1].sections.map((s) => s.number), [2, 3, 4, 5, 6]);
  });
  it('a report of another agency with its title over two lines (agency, then year and 报告) and no 一: a report of its own, its errors said', () => {
    const second = renderReport(spec({ agency: '示例市生态环境局', title: 'two-lines' }))
      .replace('一、总体情况\n', '')
      .replace(/^0\t1\t0\t1\t2\t/m, '0\t1\t0\t1\t3\t');
    const text = `${renderReport(spec())}\n${second}`;
    const reports = parseDocument(text).reports;
    assert.deepEqual(reports.map((r) => r.agency), ['示例县发展和改革局', '示例市生态环境局']);
    assert.deepEqual(reports.map((r) => r.sections.map((s) => s.number)), [[1, 2, 3, 4, 5, 6], [2, 3, 4, 5, 6]]);
    const ds = checkText(text).diagnostics;
    assert.deepEqual(codes(ds).sort(), ['missing-section', 'row-total-mismatch']);
    assert.ok(ds.every((d) => d.span.start > reports[1].span.start));
  });
  it('near miss: the report’s own title in two lines again, or an agency-less header after a short line, where the sections go on: one report', () => {
    const text = renderReport(spec({ title: 'two-lines' }));
    for (const [after, lines] of [
      ['三、收到和处理政府信息公开申请情况', '示例县发展和改革局\n2024年政府信息公开工作年度报告'],
      ['申请人情况', HEADER],
      ['行政复议', HEADER],
    ]) {
      const headed = insertAfter(text, after, lines);
      assert.equal(parseDocument(headed).reports.length, 1, after);
      assert.deepEqual(codes(checkText(headed).diagnostics), [], after);
    }
  });
  it('a title of another report on a line of 五 or 六, that the report’s sections go on after (or nothing follows): text of the report', () => {
    const text = renderReport(spec());
    const other = '示例县人民政府2024年政府信息公开工作年度报告';
    for (const [after, line] of [
      ['政务公开的深度和广度还有待提升。下一步将加强培训，规范依申请公开办理流程。', other],
      ['政务公开的深度和广度还有待提升。下一步将加强培训，规范依申请公开办理流程。', `一是对照“${other}”，查找差距`],
      ['五、存在的主要问题及改进情况', `示例县发展和改革局2023年政府信息公开工作年度报告`],
      ['六、其他需要报告的事项', other],
      ['本年度未收取信息处理费。', other],
    ]) {
      const quoted = insertAfter(text, after, line);
      const result = checkText(quoted);
      assert.equal(result.parsed.reports.length, 1, line);
      assert.deepEqual(result.parsed.reports[0].sections.map((s) => s.number), [1, 2, 3, 4, 5, 6], line);
      assert.deepEqual(codes(result.diagnostics), [], line);
    }
  });
  it('near miss: such a title line, then a report: the report starts at its own title, the line stays in 五', () => {
    const quoted = insertAfter(renderReport(spec()), '五、存在的主要问题及改进情况', '示例县人民政府2024年政府信息公开工作年度报告');
    const second = renderReport(spec({ agency: '示例市生态环境局' }));
    const text = `${quoted}\n${second}`;
    const reports = parseDocument(text).reports;
    assert.deepEqual(reports.map((r) => r.agency), ['示例县发展和改革局', '示例市生态环境局']);
    assert.equal(reports[1].span.start, quoted.length + 1);
    assert.deepEqual(codes(checkText(text).diagnostics), []);
  });
  it('near miss: a report of another agency whose sections start again at 二 after a fragment cut at 三 starts a report', () => {
    const fragment = renderReport(spec({ cutAfter: 3 }));
    const second = renderReport(spec({ agency: '示例市生态环境局' })).replace('一、总体情况\n', '');
    const reports = parseDocument(`${fragment}\n${second}`).reports;
    assert.deepEqual(reports.map((r) => r.sections.map((s) => s.number)), [[1, 2, 3], [2, 3, 4, 5, 6]]);
  });
  it('a heading inside the line before an agency-less title (fuzz): that line is no agency line, and no two reports start on it', () => {
    const text = renderReport(spec({ title: 'two-lines' })).replace(/^示例县发展和改革局$/m, '示例县一、总体情况发展和改革局');
    const reports = parseDocument(text).reports;
    const starts = reports.map((r) => r.span.start);
    assert.deepEqual(starts, [...new Set(starts)].sort((a, b) => a - b));
    for (const r of reports) assert.ok(r.span.start >= 0 && r.span.start <= r.span.end, JSON.stringify(r.span));
    for (const d of checkText(text).diagnostics) assert.ok(d.span.start >= 0 && d.span.start <= d.span.end, `${d.code} ${JSON.stringify(d.span)}`);
    assert.equal(reports[reports.length - 1].title, HEADER);
  });
  it('a fragment cut after a heading, then a title with no agency: the title starts the next report, not the heading', () => {
    const text = readExample('test/fixtures/defects/dup-report.txt');
    const lines = lineStarts(text);
    const reports = parseDocument(text).reports;
    assert.deepEqual(reports.map((r) => r.span.start), [lines[0], lines[1], lines[4]]);
    assert.deepEqual(reports.map((r) => r.agency), ['', '', '示例局']);
    assert.deepEqual(reports.map((r) => r.sections.map((s) => s.number)), [[6], [1], [1]]);
  });
});

describe('titles wrapped mid-title, as PDF text gives them', () => {
  const TITLE = '示例县发展和改革局2024年政府信息公开工作年度报告';
  const wrapped = (lines: string): string => renderReport(spec()).replace(TITLE, lines);
  it('the title’s start with the year on one line, its last words on the next: the report’s title, agency and year', () => {
    for (const lines of [
      '示例县发展和改革局2024年政府信息公开\n工作年度报告',
      '示例县发展和改革局2024年政府信息\n公开工作年度报告',
      '示例县发展和改革局\n2024年政府信息公开\n工作年度报告',
      '# 示例县发展和改革局2024年政府信息公开\n# 工作年度报告',
    ]) {
      const result = checkText(wrapped(lines));
      const [report] = result.parsed.reports;
      assert.deepEqual([report.title, report.agency, report.year, report.span.start], [TITLE, '示例县发展和改革局', 2024, 0], lines);
      assert.deepEqual(codes(result.diagnostics), [], lines);
    }
  });
  it('two reports with wrapped titles in one file: two reports', () => {
    const second = renderReport(spec({ agency: '示例市生态环境局' })).replace('示例市生态环境局2024年政府信息公开工作年度报告', '示例市生态环境局2024年政府信息公开\n工作年度报告');
    const text = `${wrapped('示例县发展和改革局2024年政府信息公开\n工作年度报告')}\n${second}`;
    assert.deepEqual(parseDocument(text).reports.map((r) => r.agency), ['示例县发展和改革局', '示例市生态环境局']);
    assert.deepEqual(codes(checkText(text).diagnostics), []);
  });
  it('near miss: a sentence wrapped before the same words, or the words after a line of no title, is no title', () => {
    for (const lines of ['为做好相关工作，本机关编制2024年政府信息公开\n工作年度报告', '示例县发展和改革局2024年政府信息公开\n工作年度报告。', '示例县发展和改革局\n工作年度报告']) {
      assert.equal(parseDocument(wrapped(lines)).reports[0].titleSpan, null, lines);
    }
  });
});

describe('a title is a heading, not a phrase of a sentence or of a circular’s name', () => {
  const TITLE = '示例县发展和改革局2024年政府信息公开工作年度报告';
  const lastYear = parseDocument(renderReport(spec({ year: 2023, published: '2024-01-15' }))).reports;
  const withPreface = (line: string): string =>
    renderReport(spec()).replace('发布时间：2025-01-15\n', `发布时间：2025-01-15\n根据《中华人民共和国政府信息公开条例》和上级\n${line}\n工作的通知》要求，编制本报告。\n`);
  it('a preface line quoting the circular (关于做好2024年…报告编制…) leaves the title, and the report pairs with last year’s', () => {
    for (const line of ['关于做好2024年政府信息公开工作年度报告编制', '关于做好2024年政府信息公开工作年度报告编制工作的通知', '关于做好2024年政府信息公开工作年度报告']) {
      const text = withPreface(line);
      const [report] = parseDocument(text).reports;
      assert.deepEqual([report.title, report.agency], [TITLE, '示例县发展和改革局'], line);
      // last year's 结转下年度 is not this year's 上年结转: found only when the two pair
      assert.deepEqual(codes(checkText(text, {}, lastYear).diagnostics), codes(checkText(renderReport(spec()), {}, lastYear).diagnostics), line);
    }
    assert.ok(codes(checkText(renderReport(spec()), {}, lastYear).diagnostics).includes('carryover-mismatch'));
  });
  it('near miss: a title with a note in brackets, or with a site’s name after a dash, is the title', () => {
    for (const line of [`${TITLE}（全文）`, `${TITLE} - 示例县人民政府网`]) {
      const [report] = parseDocument(renderReport(spec()).replace(TITLE, line)).reports;
      assert.deepEqual([report.title, report.agency, report.year], [line, '示例县发展和改革局', 2024], line);
    }
  });
});

describe('numbered items inside 五', () => {
  const FIVE = '政务公开的深度和广度还有待提升。下一步将加强培训，规范依申请公开办理流程。';
  const withFive = (body: string, text = renderReport(spec())): string => text.replace(FIVE, body);
  const numbers = (text: string): number[] => parseDocument(text).reports[0].sections.map((s) => s.number);
  it('一、存在的主要问题 / 二、改进措施 (or 一、存在问题 / 二、改进情况) are items of 五, not sections: no empty or duplicate section', () => {
    for (const body of [`一、存在的主要问题\n${FIVE}\n二、改进措施\n明年将加强培训。`, `一、存在问题\n${FIVE}\n二、改进情况\n明年将加强培训。`]) {
      const text = withFive(body);
      assert.deepEqual(numbers(text), [1, 2, 3, 4, 5, 6], body);
      assert.deepEqual(codes(checkText(text).diagnostics), [], body);
    }
  });
  it('such items under 五 headed as a variant, or with no 五 heading before them: the first opens 五', () => {
    const variant = withFive(`一、存在的主要问题\n${FIVE}\n二、改进措施\n明年将加强培训。`).replace('五、存在的主要问题及改进情况', '五、存在的主要问题及明年工作计划');
    assert.deepEqual(numbers(variant), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(codes(checkText(variant).diagnostics), []);
    const withoutFive = withFive(`一、存在的主要问题\n${FIVE}`).replace('五、存在的主要问题及改进情况\n', '');
    assert.deepEqual(numbers(withoutFive), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(codes(checkText(withoutFive).diagnostics), []);
  });
  it('near miss: a variant heading, headings mid-line, a misnumbered heading that goes on to its section: read as before', () => {
    const variant = renderReport(spec()).replace('五、存在的主要问题及改进情况', '五、存在的主要问题及明年工作计划');
    assert.deepEqual(numbers(variant), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(numbers(renderReport(spec({ flow: 'mid-line' }))), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(numbers(renderReport(spec({ flow: 'one-line' }))), [1, 2, 3, 4, 5, 6]);
    const misnumbered = renderReport(spec()).replace('六、其他需要报告的事项', '五、其他需要报告的事项');
    assert.deepEqual(numbers(misnumbered), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(codes(checkText(misnumbered).diagnostics), []);
  });
  it('near miss: 五 written twice is still a duplicate-section', () => {
    const text = withFive(`${FIVE}\n\n五、存在的主要问题及改进情况\n\n${FIVE}`);
    assert.deepEqual(codes(checkText(text).diagnostics), ['duplicate-section']);
  });
});

describe('a table of contents before 一', () => {
  const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
  const withContents = (contents: string, text = renderReport(spec())): string => text.replace('发布时间：2025-01-15\n', `发布时间：2025-01-15\n\n${contents}\n`);
  it('entries with dot leaders or page numbers, or the headings listed alone, are skipped: one report, no diagnostic', () => {
    for (const contents of [
      HEADINGS.map((h, k) => `${h}……${k + 1}`).join('\n'),
      HEADINGS.map((h, k) => `${h} ${k + 1}`).join('\n'),
      HEADINGS.join('\n'),
      `目录\n${HEADINGS.map((h, k) => `${h}.........${k + 1}`).join('\n\n')}`,
      `${HEADINGS.slice(0, 2).map((h, k) => `${h}\t${k + 1}`).join('\n')}\n（一）主动公开情况……2\n${HEADINGS.slice(2).map((h, k) => `${h}\t${k + 3}`).join('\n')}`,
      // the contents' page, its footer and the next page's running header
      `${HEADINGS.map((h, k) => `${h}……${k + 1}`).join('\n')}\n\n- 1 -\n${HEADER}`,
    ]) {
      const text = withContents(contents);
      const result = checkText(text);
      assert.deepEqual(result.parsed.reports.map((r) => r.sections.map((s) => s.number)), [[1, 2, 3, 4, 5, 6]], contents);
      assert.equal(result.parsed.reports[0].agency, '示例县发展和改革局', contents);
      assert.deepEqual(codes(result.diagnostics), [], contents);
      for (const section of result.parsed.reports[0].sections) assert.ok(section.headingSpan.start > text.indexOf(HEADINGS[5]), contents);
    }
  });
  it('near miss: sections with text, written again after the report, are still duplicates; sections left empty at the end stay empty', () => {
    const again = `${renderReport(spec())}\n${HEADINGS.join('\n')}\n`;
    assert.deepEqual(codes(checkText(again).diagnostics).filter((c) => c === 'duplicate-section').length, 6);
    const empty = renderReport(spec()).replace('政务公开的深度和广度还有待提升。下一步将加强培训，规范依申请公开办理流程。\n', '').replace('本年度未收取信息处理费。\n', '');
    assert.deepEqual(codes(checkText(empty).diagnostics), ['empty-section', 'empty-section']);
  });
});

describe('crawled pages on one line with no header block', () => {
  const TITLE = '示例县发展和改革局2024年政府信息公开工作年度报告';
  /** the page on one line: title, date, body */
  const page = (overrides: Partial<ReportSpec> = {}, join = ' '): string =>
    renderReport(spec({ flow: 'one-line', ...overrides })).trim().split('\n').filter((l) => l).join(join);
  const read = (text: string): unknown[] => parseDocument(text).reports.map((r) => [r.title, r.agency, r.sections.map((s) => s.number).join('')]);
  it('the title the line opens with, ending where the report’s text begins (a space, the date, a preface sentence glued on): the report’s', () => {
    for (const text of [page(), page({}, ''), page().replace(/ 发布时间：\S+ /, '')]) {
      assert.deepEqual(read(text), [[TITLE, '示例县发展和改革局', '123456']], text.slice(0, 80));
      assert.deepEqual(codes(checkText(text).diagnostics), [], text.slice(0, 80));
    }
  });
  it('two such pages, on two lines or run on into each other on one line: two reports', () => {
    const other = page({ agency: '示例市生态环境局' });
    const expected = [[TITLE, '示例县发展和改革局', '123456'], ['示例市生态环境局2024年政府信息公开工作年度报告', '示例市生态环境局', '123456']];
    for (const join of ['\n', ' ', '']) {
      const text = `${page()}${join}${other}`;
      assert.deepEqual(read(text), expected, JSON.stringify(join));
      assert.deepEqual(codes(checkText(text).diagnostics), [], JSON.stringify(join));
    }
  });
  it('near miss: a title named in a sentence of 五, or quoted, that the sections go on after: text of the report', () => {
    const five = '规范依申请公开办理流程。';
    for (const sentence of ['示例县人民政府2024年政府信息公开工作年度报告已按时公开。', '对照“示例县人民政府2024年政府信息公开工作年度报告”查找差距。']) {
      const text = page().replace(five, five + sentence);
      assert.deepEqual(parseDocument(text).reports.map((r) => r.sections.map((s) => s.number).join('')), ['123456'], sentence);
      assert.deepEqual(codes(checkText(text).diagnostics), [], sentence);
    }
  });
});

describe('markdown from OCR tools', () => {
  it('# title, ## headings and ### before table 三’s numbered labels, in every layout and title shape: read as plain text is', () => {
    for (const layout of LAYOUTS) {
      for (const title of TITLE_SHAPES) {
        const values = consistentValues(seededRandom(layout.length * 7 + title.length));
        const text = renderReport(spec({ layout, title, values, markdown: true }));
        // a markdown table's rows are no headings
        if (layout !== 'pipes') assert.match(text, /^### 一、本年新收政府信息公开申请数量/m);
        const result = checkText(text);
        assert.deepEqual(codes(result.diagnostics), [], `${layout} ${title}`);
        const [report] = result.parsed.reports;
        assert.equal(report.title, title === 'no-agency' ? HEADER : `示例县发展和改革局${HEADER}`);
        assert.equal(report.agency, title === 'no-agency' ? '' : '示例县发展和改革局');
        assert.deepEqual(report.sections.map((s) => s.headingText.slice(0, 3)), ['一、总', '二、主', '三、收', '四、政', '五、存', '六、其']);
        for (const key of TABLE3_KEYS) assert.deepEqual(report.tables['三']!.rows.get(key)!.cells!.map((c) => c.value), values.table3[key], `${layout} ${key}`);
      }
    }
  });
  it('a # title with spaces around the year names its agency and year', () => {
    const text = renderReport(spec()).replace(/^.*\n/, '# 示例县人民政府 2025 年 政府信息公开工作年度报告\n');
    const [report] = parseDocument(text).reports;
    assert.deepEqual([report.agency, report.year, report.title], ['示例县人民政府', 2025, '示例县人民政府 2025 年 政府信息公开工作年度报告']);
  });
  it('a heading in bold (**五、…**) is a heading, shown without its marks', () => {
    const text = renderReport(spec()).replace('五、存在的主要问题及改进情况', '**五、存在的主要问题及改进情况**');
    assert.deepEqual(codes(checkText(text).diagnostics), []);
    assert.equal(parseDocument(text).reports[0].sections[4].headingText, '五、存在的主要问题及改进情况');
  });
});

describe('no cascade of missing-section', () => {
  const withoutHeadings = (numerals: string): string =>
    [...numerals].reduce((text, n) => text.replace(new RegExp(`^${n}、(?:总体|主动|收到|政府信息公开行政|存在|其他需要).*\\n`, 'm'), ''), renderReport(spec()));
  it('a title with most headings unread: one missing-section on the title naming what is missing, with no fix', () => {
    const text = withoutHeadings('一二四五');
    const ds = checkText(text).diagnostics.filter((d) => d.code === 'missing-section');
    assert.equal(ds.length, 1);
    assert.deepEqual(ds[0].span, parseDocument(text).reports[0].titleSpan);
    assert.equal(ds[0].severity, 'error');
    assert.equal(ds[0].message, '六个部分的标题只识别出 2 个，缺少第一、二、四、五部分（“一、总体情况”“二、主动公开政府信息情况”“四、政府信息公开行政复议、行政诉讼情况”“五、存在的主要问题及改进情况”）；如果这些部分其实都在，是其标题的写法未能识别');
    assert.equal(ds[0].fix, undefined);
    const en = checkText(text, { locale: 'en' }).diagnostics.filter((d) => d.code === 'missing-section');
    assert.match(en[0].message, /^Only 2 of the six section headings were recognised; sections 一, 二, 四, 五 are missing/);
  });
  it('a title and no heading at all: one missing-section', () => {
    const ds = checkText(`${renderReport(spec()).split('\n')[0]}\n\n正文。\n`).diagnostics;
    assert.deepEqual(codes(ds), ['missing-section']);
    assert.match(ds[0].message, /只识别出 0 个，缺少第一、二、三、四、五、六部分/);
  });
  it('half the headings missing: each is reported, with its fix', () => {
    const ds = checkText(withoutHeadings('二四六')).diagnostics.filter((d) => d.code === 'missing-section');
    assert.deepEqual(ds.map((d) => d.message.slice(0, 5)).sort(), ['缺少第二部', '缺少第四部', '缺少第六部'].sort());
    assert.ok(ds.every((d) => d.fix));
  });
  it('no title: each missing section is reported (there is no title to say it on)', () => {
    const text = withoutHeadings('一二四五').split('\n').slice(1).join('\n');
    assert.equal(checkText(text).diagnostics.filter((d) => d.code === 'missing-section').length, 4);
  });
});

describe('page furniture in a section', () => {
  const emptySix = (after: string): string => renderReport(spec()).replace('本年度未收取信息处理费。\n', after);
  it('a section holding only a page footer and the next page’s running header is empty', () => {
    for (const furniture of ['- 5 -\n', '第 5 页 共 5 页\n', `- 5 -\n${HEADER}\n`, `## ${HEADER}\n`, '示例县发展和改革局2024年政府信息公开工作年度报告\n']) {
      const ds = checkText(emptySix(furniture)).diagnostics;
      assert.deepEqual(codes(ds), ['empty-section'], furniture);
    }
  });
  it('near miss: a sentence that names the report is text (and says nothing of the fee)', () => {
    assert.deepEqual(codes(checkText(emptySix(`本机关${HEADER}已按时公开。\n`)).diagnostics), ['fee-statement-missing']);
  });
});

describe('a sentence before a table that names one of its rows', () => {
  const SENTENCES: [heading: string, sentence: string][] = [
    ['三、收到和处理政府信息公开申请情况', '本机关依法办理政府信息公开申请，对能够公开的依法予以公开。'],
    ['三、收到和处理政府信息公开申请情况', '2024年共有8件申请结转下年度继续办理。'],
    ['三、收到和处理政府信息公开申请情况', '本年新收政府信息公开申请144件。'],
    ['二、主动公开政府信息情况', '本年度办理行政许可793件，行政处罚247件。'],
  ];
  it('is prose: the table’s rows are read from its header on, in every layout and flow', () => {
    const values = consistentValues(seededRandom(8));
    for (const layout of LAYOUTS) {
      for (const flow of ['lines', 'one-line'] as const) {
        const text = renderReport(spec({ values, layout, flow }));
        for (const [heading, sentence] of SENTENCES) {
          assert.ok(text.includes(heading), heading);
          const withSentence = text.replace(heading, `${heading}${flow === 'lines' ? '\n' : ' '}${sentence}`);
          assert.deepEqual(codes(checkText(withSentence).diagnostics.filter((d) => d.severity !== 'info')), [], `${layout} ${flow}: ${sentence}`);
          const rows = parseDocument(withSentence).reports[0].tables['三']!.rows;
          assert.deepEqual(rows.get('R1')!.cells!.map((c) => c.value), values.table3.R1, `${layout} ${flow}`);
        }
      }
    }
  });
  it('near miss: a table with no header keeps its rows where a header word comes only after them', () => {
    const text = renderReport(spec());
    const headerless = text.replace('申请人情况\n', '').replace('自然人\t法人或其他组织\t总计\n', '').replace(/\n商业企业\t[^\n]*/, '');
    const after = headerless.replace('四、政府信息公开行政复议', '其中自然人申请居多。\n\n四、政府信息公开行政复议');
    assert.equal(parseDocument(after).reports[0].tables['三']!.rows.get('R1')!.cells!.length, 7);
  });
});

describe('a title whose year is in Chinese numerals', () => {
  it('二〇二四年, 二零二四年度: the report year is 2024 and the report reads as with digits', () => {
    const text = renderReport(spec());
    for (const year of ['二〇二四年', '二零二四年度']) {
      const written = text.replace('示例县发展和改革局2024年政府信息公开工作年度报告', `示例县发展和改革局${year}政府信息公开工作年度报告`);
      assert.notEqual(written, text);
      const report = parseDocument(written).reports[0];
      assert.equal(report.year, 2024, year);
      assert.deepEqual(codes(checkText(written).diagnostics), [], year);
    }
  });
  it('near miss: numerals that are no year before 年 make no title', () => {
    const text = renderReport(spec()).replace('示例县发展和改革局2024年政府信息公开工作年度报告', '示例县发展和改革局二四年政府信息公开工作年度报告');
    assert.equal(parseDocument(text).reports[0]?.year ?? null, null);
  });
});
