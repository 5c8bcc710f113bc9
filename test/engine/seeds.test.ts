// What the engine must find on the published seed reports and the real corpus (issue: engine and CLI).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine';
import { codes, diagnose, ofCode, readReal, readSeed } from '../support/helpers';

describe('seed 000 (tab-separated, 2024)', () => {
  const ds = diagnose(readSeed('000'));
  it('has no error, only the info on the wrong citation', () => {
    assert.deepEqual(codes(ds), ['unknown-citation']);
    assert.equal(ds[0].severity, 'info');
    assert.equal(ds[0].text, '国办公开办函〔2020〕60 号');
  });
  it('reads the title, year and template', () => {
    const r = checkText(readSeed('000')).reports;
    assert.equal(r.length, 1);
    assert.equal(r[0].year, 2024);
    assert.equal(r[0].template, '2021');
    assert.match(r[0].title, /湛河区曹镇乡人民政府/);
  });
});

describe('seed 001 (blank 行政复议 cells, split row, 整改情况)', () => {
  const text = readSeed('001');
  const ds = diagnose(text);
  it('reports the five blank 行政复议 cells of table 四, and that 六 (无其他需要报告的事项) does not state the fee, and nothing else', () => {
    assert.deepEqual(codes(ds), ['blank-cell', 'fee-statement-missing']);
    assert.match(ds[0].message, /行政复议·结果维持、行政复议·结果纠正、行政复议·其他结果、行政复议·尚未审结、行政复议·总计/);
    assert.equal(ds[0].fix!.edits.length, 5);
  });
  it('reads the split （六）1 row as one row with its seven values', () => {
    const three = checkText(text).parsed.reports[0].tables['三']!;
    const row = three.rows.get('R21')!;
    assert.equal(row.cells!.length, 7);
    assert.ok(row.cells!.every((c) => c.state === 'value' && c.value === 0));
    assert.equal(three.rows.size, 25);
  });
  it('accepts 整改情况 as the heading of section 五', () => {
    const sections = checkText(text).parsed.reports[0].sections.map((s) => s.number);
    assert.deepEqual(sections, [1, 2, 3, 4, 5, 6]);
  });
});

describe('seed 002 (one cell per line, blank outcome rows, empty 六)', () => {
  const ds = diagnose(readSeed('002'));
  it('reports each blank row R3–R24 once, naming the count', () => {
    const blanks = ofCode(ds, 'blank-cell');
    assert.equal(blanks.length, 22);
    for (const d of blanks) assert.match(d.message, /行的 7 个数值都是空白/);
    assert.equal(blanks[0].text, '(一)予以公开');
    assert.equal(blanks[21].text, '(七)总计');
  });
  it('offers the 0s that rule 4 determines, as the preferred fix', () => {
    for (const d of ofCode(ds, 'blank-cell')) {
      assert.equal(d.fix!.preferred, true);
      assert.match(d.fix!.title, /0 0 0 0 0 0 0（由勾稽关系确定）/);
    }
  });
  it('reports the empty section 六', () => {
    assert.deepEqual(ofCode(ds, 'empty-section').map((d) => d.text), ['六、其他需要报告的事项']);
    assert.deepEqual([...new Set(codes(ds))].sort(), ['blank-cell', 'empty-section']);
  });
});

describe('seed 003 (label typo, stray separator)', () => {
  const ds = diagnose(readSeed('003'));
  it('finds 本年度止件数 and nothing else', () => {
    assert.deepEqual(codes(ds), ['label-typo']);
    assert.equal(ds[0].text, '本年度止件数');
    assert.equal(ds[0].fix!.edits[0].newText, '本年废止件数');
  });
});

describe('seed 004 (indented one cell per line, spreadsheet remnant after 六)', () => {
  it('has no diagnostic at all', () => {
    assert.deepEqual(codes(diagnose(readSeed('004'))), []);
  });
  it('reads the title split over two lines', () => {
    const r = checkText(readSeed('004')).reports[0];
    assert.equal(r.title, '微山县西平镇人民政府2024年政府信息公开工作年度报告');
    assert.equal(r.agency, '微山县西平镇人民政府');
  });
});

describe('real corpus', () => {
  it('hongze-2023: the two wrong 总计 of table 四, the single （六） row once, the label typo', () => {
    const ds = diagnose(readReal('hongze-2023'));
    const totals = ofCode(ds, 'row-total-mismatch');
    assert.equal(totals.length, 2);
    assert.match(totals[0].message, /行政复议·总计”应为 11/);
    assert.match(totals[1].message, /复议后起诉·总计”应为 5/);
    assert.equal(ofCode(ds, 'missing-row').length, 1);
    assert.match(ofCode(ds, 'missing-row')[0].message, /只填了一行/);
    assert.equal(ofCode(ds, 'column-total-mismatch').length, 0);
    assert.equal(ofCode(ds, 'balance-mismatch').length, 0);
    assert.equal(ofCode(ds, 'label-typo')[0].text, '其他法律行政止公开');
  });
  it('hongze-2024: the prose 17 件 against 95 new requests', () => {
    const ds = diagnose(readReal('hongze-2024'));
    const n = ofCode(ds, 'narrative-mismatch');
    assert.equal(n.length, 1);
    assert.equal(n[0].text, '17');
    assert.match(n[0].message, /95/);
    assert.equal(ofCode(ds, 'missing-row').length, 1);
  });
  it('huaian-2024: no diagnostic', () => {
    assert.deepEqual(codes(diagnose(readReal('huaian-2024'))), []);
  });
  it('shuyang-fgj-2023: the blank 法人 columns, one diagnostic per row', () => {
    const ds = diagnose(readReal('shuyang-fgj-2023'));
    const blanks = ofCode(ds, 'blank-cell');
    assert.equal(blanks.length, 25);
    for (const b of blanks) assert.match(b.message, /商业企业、科研机构、社会公益组织、法律服务机构、其他/);
    assert.ok(blanks.every((b) => b.fix!.preferred), 'the row totals make the blanks 0');
    assert.ok(!codes(ds).some((c) => c.endsWith('-mismatch')), 'no arithmetic error is reported over blanks');
  });
});
