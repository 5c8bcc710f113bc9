// How a row's values become cells: the 法人或其他组织 subtotal column, decimals in count cells.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll, parseDocument } from '../../server/src/engine';
import { consistentValues, renderReport, seededRandom, TABLE3_KEYS, type ReportValues } from '../support/generate';
import { codes, diagnose, readExample } from '../support/helpers';

const base = (values: ReportValues = consistentValues(seededRandom(11))): string =>
  renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'tabs' });
const lineOf = (text: string, startsWith: string): string => text.split('\n').find((l) => l.startsWith(startsWith))!;
const replaceLine = (text: string, startsWith: string, replacement: string): string => text.replace(lineOf(text, startsWith), replacement);
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

describe('decimals in cells', () => {
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
