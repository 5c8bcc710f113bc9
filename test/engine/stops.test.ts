// A full stop after every cell (`21.`, `21．`, `21。`), as some pages write their tables: a point with no digit
// after it is no decimal, so each cell is its number, the stop no part of it, and a clean report stays clean.
// Ordinals (`1.属于…`, `2. 其他…`) and real decimals (`547.9659万元`) are read as ever.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, fixAll, parseDocument } from '../../server/src/engine';
import { consistentValues, FLOWS, LAYOUTS, renderReport, seededRandom, STOPS, type ReportSpec } from '../support/generate';
import { codes, diagnose, readExample } from '../support/helpers';

const spec = (overrides: Partial<ReportSpec> = {}): ReportSpec => ({ agency: '示例县发展和改革局', year: 2024, values: consistentValues(seededRandom(8)), layout: 'tabs', ...overrides });
const cellsOf = (text: string, table: '二' | '三' | '四', key: string) => parseDocument(text).reports[0].tables[table]!.rows.get(key)!.cells!;
const clean = readExample('examples/clean-2024.txt');

describe('a full stop after every cell', () => {
  it('clean-2024 with a stop after each tab-separated cell: no diagnostic (was 150 to 199 invalid-number)', () => {
    for (const stop of STOPS) {
      const text = clean.replace(/\t(\d+)/g, `\t$1${stop}`);
      assert.deepEqual(codes(diagnose(text)), [], stop);
      assert.deepEqual(cellsOf(text, '三', 'R1').map((c) => c.value), [97, 16, 7, 14, 4, 6, 144]);
      assert.deepEqual(cellsOf(text, '三', 'R1').map((c) => c.raw), ['97', '16', '7', '14', '4', '6', '144']);
    }
  });

  it('in every layout and flow, full-width digits or not: no diagnostic, each cell its value', () => {
    for (const layout of LAYOUTS) {
      for (const flow of FLOWS.filter((f) => f !== 'run-on')) {
        for (const fullWidth of [false, true]) {
          for (const stop of STOPS) {
            const text = renderReport(spec({ layout, flow, fullWidth, stop, scraper: flow !== 'lines' }));
            const what = `${layout} ${flow} ${fullWidth} ${stop}`;
            assert.deepEqual(codes(checkText(text).diagnostics), [], what);
            assert.deepEqual(cellsOf(text, '三', 'R24').map((c) => c.value), spec().values.table3.R24, what);
          }
        }
      }
    }
  });

  it('the ordinals of row labels stay labels: 1.属于…, 2. 其他…, a line of 2. before its text', () => {
    const spaced = clean.replace(/\n(\d)\.(?=\S)/g, '\n$1. ');
    assert.match(spaced, /\n2\. 其他法律行政法规禁止公开\t/);
    assert.deepEqual(codes(diagnose(spaced)), []);
    assert.deepEqual(codes(diagnose(spaced.replace(/\t(\d+)/g, '\t$1.'))), []);
    assert.deepEqual(codes(diagnose(clean.replace('\n2.其他法律行政法规禁止公开\t', '\n2.\t其他法律行政法规禁止公开\t'))), []);
  });

  it('near miss: a stray stop in a count column is still a count (21. reads 21), but a decimal there is invalid-number', () => {
    const row = '4.保护第三方合法权益\t21\t0\t0\t0\t0\t0\t21';
    assert.deepEqual(codes(diagnose(clean.replace(row, row.replace('\t21\t', '\t21.\t')))), []);
    const ds = diagnose(clean.replace(row, row.replace('\t21\t', '\t21.5\t')));
    assert.ok(codes(ds).includes('invalid-number'));
  });

  it('the 2019 template’s decimal amount (547.9659万元) is read whole, with a stop after it too', () => {
    const t = clean.replace('本年制发件数\t本年废止件数\t现行有效件数', '本年新制作数量\t本年新公开数量\t对外公开总数量');
    for (const amount of ['547.9659万元', '547.9659', '547.9659.']) {
      const text = t.replace('\n\n三、', `\n第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t2.\t${amount}\n\n三、`);
      assert.deepEqual(cellsOf(text, '二', 'I1').map((c) => c.value), [2, 547.9659], amount);
    }
  });

  it('a wrong total among them is row-total-mismatch on its digits, and fix-all writes the sum before the stop', () => {
    for (const [layout, flow] of [['tabs', 'lines'], ['lines', 'lines'], ['spaces', 'one-line'], ['tabs', 'glued-rows']] as const) {
      const fine = renderReport(spec({ layout, flow, stop: '.', scraper: flow !== 'lines' }));
      const total = cellsOf(fine, '三', 'R1')[6];
      const wrong = fine.slice(0, total.span.start) + String(total.value! + 1) + fine.slice(total.span.end);
      const ds = diagnose(wrong).filter((d) => d.code === 'row-total-mismatch');
      assert.equal(ds.length, 1, `${layout} ${flow}`);
      assert.equal(ds[0].text, String(total.value! + 1));
      assert.equal(wrong[ds[0].span.end], '.');
      assert.equal(fixAll(wrong).text, fine, `${layout} ${flow}`);
    }
  });
});
