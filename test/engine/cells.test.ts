// How a row's values become cells: the 法人或其他组织 subtotal column, units, letters and decimals in cells,
// digits glued to label text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll, parseDocument } from '../../server/src/engine';
import { consistentValues, renderReport, seededRandom, TABLE3_KEYS, type ReportValues } from '../support/generate';
import { codes, diagnose, ofCode, readExample } from '../support/helpers';

const base = (values: ReportValues = consistentValues(seededRandom(11))): string =>
  renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'tabs' });
const lineOf = (text: string, startsWith: string): string => text.split('\n').find((l) => l.startsWith(startsWith))!;
const replaceLine = (text: string, startsWith: string, replacement: string): string => text.replace(lineOf(text, startsWith), replacement);
const R1_LABEL = '一、本年新收政府信息公开申请数量';
const cellValues = (text: string, table: '二' | '三' | '四', key: string): (number | null)[] | null =>
  parseDocument(text).reports[0].tables[table]!.rows.get(key)!.cells?.map((c) => c.value) ?? null;

describe('a 法人或其他组织 subtotal column', () => {
  it('subtotal-bad: the off-by-one subtotal reported on its cell, the row read by its columns, fix-all touches that cell only', () => {
    const text = readExample('test/fixtures/defects/subtotal-bad.txt');
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['row-total-mismatch']);
    assert.equal(ds[0].text, '48');
    assert.match(ds[0].message, /法人或其他组织·小计”应为 47（16\+7\+14\+4\+6=47），实为 48/);
    assert.deepEqual(cellValues(text, '三', 'R1'), [97, 16, 7, 14, 4, 6, 144]);
    const fixed = fixAll(text).text;
    assert.equal(fixed, text.replace('\t97\t48\t', '\t97\t47\t'));
  });
  /** The tabs report with a subtotal written in the given rows, `off` added to some of them. */
  const withColumn = (values: ReportValues, header: boolean, rows: readonly string[], off: Record<string, number> = {}): string => {
    let text = base(values);
    const table = parseDocument(text).reports[0].tables['三']!;
    for (const key of rows) {
      const line = lineOf(text, table.rows.get(key)!.labelText);
      const v = values.table3[key];
      const subtotal = v.slice(1, 6).reduce((a, b) => a + b, 0) + (off[key] ?? 0);
      text = text.replace(line, [line.split('\t')[0], v[0], subtotal, ...v.slice(1)].join('\t'));
    }
    return header ? text.replace('商业企业\t科研机构', '小计\t商业企业\t科研机构') : text;
  };
  /** Values whose R4 has 2 in 商业企业 (so that its subtotal is 2), R1 and R24 adjusted to keep every rule. */
  const withR4 = (): ReportValues => {
    const values = consistentValues(seededRandom(5));
    values.table3.R24 = values.table3.R24.map((v, c) => v - values.table3.R4[c] + [1, 2, 0, 0, 0, 0, 3][c]);
    values.table3.R1 = values.table3.R1.map((v, c) => v - values.table3.R4[c] + [1, 2, 0, 0, 0, 0, 3][c]);
    values.table3.R4 = [1, 2, 0, 0, 0, 0, 3];
    return values;
  };
  it('decided for the table from most rows: a wrong subtotal in one row is reported, not read as the next cell', () => {
    const values = withR4();
    const text = withColumn(values, false, TABLE3_KEYS, { R4: 1 });
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['row-total-mismatch']);
    assert.equal(ds[0].text, '3');
    assert.match(ds[0].message, /小计”应为 2/);
    assert.equal(ds[0].fix!.preferred, true);
    assert.deepEqual(cellValues(text, '三', 'R4'), values.table3.R4);
  });
  it('decided from the header’s 小计 where only one row has one; its fix is a single pick where that row does not add up', () => {
    const values = withR4();
    const text = withColumn(values, true, ['R4'], { R4: 1 }).replace(/^(（二）部分公开[^\n]*\t)3$/m, '$14');
    const ds = diagnose(text);
    const subtotal = ds.find((d) => /小计/.test(d.message))!;
    assert.equal(subtotal.text, '3');
    assert.equal(subtotal.fix!.preferred, false, 'the row’s own total is wrong too: its parts are in question');
    assert.deepEqual(cellValues(text, '三', 'R4'), [1, 2, 0, 0, 0, 0, 4]);
  });
  it('near miss: a subtotal column whose every subtotal is right gives no diagnostic', () => {
    const values = withR4();
    assert.deepEqual(codes(diagnose(withColumn(values, true, TABLE3_KEYS))), []);
  });
});

describe('units, letters and decimals in cells', () => {
  it('a unit after a number is read past: 793件, 44.5万元', () => {
    const t = base();
    const text = replaceLine(replaceLine(t, '行政许可', '行政许可\t793件'), '行政事业性收费', '行政事业性收费\t44.5万元');
    assert.deepEqual(codes(diagnose(text)), []);
    assert.deepEqual(cellValues(text, '二', 'E1'), [793]);
    assert.deepEqual(cellValues(text, '二', 'H1'), [44.5]);
  });
  it('the 2019 template’s 采购 cells: 2笔, 984361元, 547.9659万元', () => {
    const t = base().replace('本年制发件数\t本年废止件数\t现行有效件数', '本年新制作数量\t本年新公开数量\t对外公开总数量');
    const text = t.replace('\n\n三、', '\n第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t2笔\t984361元\n\n三、');
    assert.deepEqual(cellValues(text, '二', 'I1'), [2, 984361]);
    assert.deepEqual(cellValues(text.replace('984361元', '547.9659万元'), '二', 'I1'), [2, 547.9659]);
    assert.equal(ofCode(diagnose(text), 'invalid-number').length, 0);
  });
  it('a letter in a tab-separated cell is invalid-number on that cell, not a short row', () => {
    const t = base();
    const line = lineOf(t, R1_LABEL);
    const cells = line.split('\t');
    const text = t.replace(line, [...cells.slice(0, 3), 'x0', ...cells.slice(4)].join('\t'));
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['invalid-number']);
    assert.equal(ds[0].text, 'x0');
    assert.match(ds[0].message, /科研机构/);
  });
  it('near miss: an ordinal in a cell of its own (`1.` then the label) is label text', () => {
    const t = base();
    assert.deepEqual(codes(diagnose(t.replace('1.属于国家秘密\t', '（三）不予公开\t1.\t属于国家秘密\t'))), []);
  });
  it('decimal-cell: a decimal in a count cell is invalid and in no sum; no fix writes a decimal', () => {
    const text = readExample('test/fixtures/defects/decimal-cell.txt');
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['invalid-number']);
    assert.equal(ds[0].text, '97.5');
    assert.equal(parseDocument(text).reports[0].tables['三']!.known({ row: 'R1', col: 0 }), null);
    assert.ok(!/\d\.5/.test(fixAll(text).text.replace('97.5', '')));
  });
  it('near miss: a decimal in the 万元 fee is a value', () => {
    const t = base();
    assert.deepEqual(codes(diagnose(replaceLine(t, '行政事业性收费', '行政事业性收费\t12.5'))), []);
  });
});

describe('digits glued to label text', () => {
  it('near miss: a year, a count and an ordinal stay label text (`2023年`, `509条，`, `（2）`, `2.其他`)', () => {
    const t = base();
    const noted = t.replace('四、结转下年度继续办理', '注：2023年共509条，（2）类不计\n四、结转下年度继续办理');
    assert.deepEqual(codes(diagnose(noted)), []);
  });  it('a short row on a line that holds the next rows: its value zone (what a row rewrite replaces) ends at the next row', () => {
    const t = base();
    const line = lineOf(t, R1_LABEL);
    const short = line.split('\t').slice(0, 7).join(' ');
    const text = t.replace(`${line}\n${lineOf(t, '二、上年结转')}`, `${short} ${lineOf(t, '二、上年结转').replace(/\t/g, ' ')}`);
    const r1 = parseDocument(text).reports[0].tables['三']!.rows.get('R1')!;
    assert.equal(r1.cells, null);
    assert.ok(r1.valueZone.end <= text.indexOf('二、上年结转'), text.slice(r1.valueZone.start, r1.valueZone.end));
  });
});
