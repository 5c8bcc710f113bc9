// The PDF reader on ruled tables as LibreOffice and Word print them: a row the page break cuts is closed by a
// rule on both pages (Chromium leaves it open, see pdf-rows), a row may begin with blank values, and a glyph its
// font lacks is drawn from another font. The PDFs are
// drawn by hand (pdf-minimal), so each test shows the one structure it is about.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importPdf } from '../../server/src/import/pdf';
import { isFailure, type Imported } from '../../server/src/import/types';
import { originOf } from '../support/pdf-origins';
import { pdfOfRuns, ruledTablesPdf, type RuledTable } from '../support/pdf-minimal';

/** Table 三's label column and its seven value columns. */
const X3 = [60, 200, 230, 260, 290, 320, 350, 380, 410];
const row3 = (label: readonly string[], values: readonly (number | null)[]): string[][] => [[...label], ...values.map((v) => (v === null ? [] : [String(v)]))];
const BLANK = [null, null, null, null, null, null, null];

async function imported(pages: readonly (readonly RuledTable[])[]): Promise<Imported> {
  const result = await importPdf(ruledTablesPdf(pages));
  assert.ok(!isFailure(result), isFailure(result) ? result.error : '');
  return result;
}

const linesOf = (result: Imported): string[] => result.text.split('\n').filter((l) => l);

describe('importPdf: a row the page break cuts, closed by a rule on both pages', () => {
  it('the rest of a label on the next page (6.属于四 / 类过程性信息) is one row, read where it starts', async () => {
    const result = await imported([
      [{ x: X3, top: 200, rows: [row3(['5.属于三类内部事务信息'], [0, 1, 0, 2, 0, 0, 3]), row3(['6.属于四'], [0, 1, 1, 2, 0, 0, 4])] }],
      [{ x: X3, top: 780, rows: [row3(['类过程性信息'], BLANK), row3(['7.属于行政执法案卷'], [0, 1, 0, 0, 0, 0, 1])] }],
    ]);
    assert.deepEqual(linesOf(result), [
      '5.属于三类内部事务信息\t0\t1\t0\t2\t0\t0\t3',
      '6.属于四类过程性信息\t0\t1\t1\t2\t0\t0\t4',
      '7.属于行政执法案卷\t0\t1\t0\t0\t0\t0\t1',
    ]);
    const start = result.text.indexOf('6.属于四类');
    assert.equal((originOf(result, { start, end: start + '6.属于四类过程性信息'.length })!.origin as { page: number }).page, 1);
  });

  it('a row of its own at the top of the next page, its label whole and its values blank, stays its own row', async () => {
    const result = await imported([
      [{ x: X3, top: 200, rows: [row3(['5.属于三类内部事务信息'], [0, 1, 0, 2, 0, 0, 3])] }],
      [{ x: X3, top: 780, rows: [row3(['6.属于四类过程性信息'], BLANK), row3(['7.属于行政执法案卷'], [0, 1, 0, 0, 0, 0, 1])] }],
    ]);
    assert.deepEqual(linesOf(result), ['5.属于三类内部事务信息\t0\t1\t0\t2\t0\t0\t3', '6.属于四类过程性信息\t\t\t\t\t\t\t', '7.属于行政执法案卷\t0\t1\t0\t0\t0\t0\t1']);
  });
});

describe('importPdf: blank values at the start of a row', () => {
  // table 四: fifteen columns, the 行政复议 block (the first five) left blank
  const X4 = Array.from({ length: 16 }, (_, k) => 60 + 30 * k);
  const header = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].flatMap((l) => [[l.slice(0, 2), l.slice(2)]]);
  const values = [[], [], [], [], [], ...[1, 0, 0, 1, 2, 0, 0, 1, 0, 1].map((v) => [String(v)])];
  const expected = `\t\t\t\t\t${[1, 0, 0, 1, 2, 0, 0, 1, 0, 1].join('\t')}`;

  it("under the table's header: the five blank cells keep their columns", async () => {
    const result = await imported([[{ x: X4, top: 600, rows: [[...header, ...header, ...header], values] }]]);
    assert.equal(linesOf(result)[1], expected);
  });

  it('alone at the top of a page, the header on the page before: the same', async () => {
    const result = await imported([[{ x: X4, top: 200, rows: [[...header, ...header, ...header]] }], [{ x: X4, top: 780, rows: [values] }]]);
    assert.equal(linesOf(result)[1], expected);
  });
});

describe('importPdf: a glyph drawn from another font', () => {
  it('the quotes of 危及“三安全一稳定”, runs of their own inside and after the run that leaves a gap for the first: read in place', async () => {
    // 宋体 glyphs one em (10 pt) wide: the gap LibreOffice leaves in `3.危及|三安全一稳定` for the “ is at x 100 to 106
    const result = await importPdf(pdfOfRuns([
      { text: '3.危及|三安全一稳定', x: 60, y: 700 },
      { text: '\\223', x: 100, y: 700, latin: true },
      { text: '\\224', x: 166, y: 700, latin: true },
    ]));
    assert.ok(!isFailure(result), isFailure(result) ? result.error : '');
    assert.deepEqual(linesOf(result), ['3.危及“三安全一稳定”']);
  });
});

