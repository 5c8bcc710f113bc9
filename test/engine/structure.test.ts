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
  it('a fragment cut after a heading, then a title with no agency: the title starts the next report, not the heading', () => {
    const text = readExample('test/fixtures/defects/dup-report.txt');
    const lines = lineStarts(text);
    const reports = parseDocument(text).reports;
    assert.deepEqual(reports.map((r) => r.span.start), [lines[0], lines[1], lines[4]]);
    assert.deepEqual(reports.map((r) => r.agency), ['', '', '示例局']);
    assert.deepEqual(reports.map((r) => r.sections.map((s) => s.number)), [[6], [1], [1]]);
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
  it('a heading in bold (**五、…**) is a heading, shown without its marks', () => {
    const text = renderReport(spec()).replace('五、存在的主要问题及改进情况', '**五、存在的主要问题及改进情况**');
    assert.deepEqual(codes(checkText(text).diagnostics), []);
    assert.equal(parseDocument(text).reports[0].sections[4].headingText, '五、存在的主要问题及改进情况');
  });
});
