// The PDF reader's layout steps on hand-made input: ruling lines drawn the ways PDF writers draw them, grids
// with merged cells, running headers and footers, borderless tables and wrapped lines.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Piece, Segment } from '../../server/src/import/pdf-geometry';
import type { PageContent } from '../../server/src/import/pdf-page';
import { columnPages, columnPagesMessage } from '../../server/src/import/pdf-columns';
import { flowRows } from '../../server/src/import/pdf-flow';
import { cellText, gridsOf, linesOfPieces } from '../../server/src/import/pdf-grid';
import { loadPdfJs } from '../../server/src/import/pdf-load';
import { segmentsOf, type PathOps } from '../../server/src/import/pdf-rules';
import { runningLines } from '../../server/src/import/pdf-running';

let OPS: PathOps;
before(async () => {
  OPS = (await loadPdfJs()).OPS;
});

/** A run of text at (x, baseline), 10 pt, CJK characters one em wide, digits half. */
const piece = (text: string, x: number, baseline: number): Piece => {
  const width = [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 5 : 10), 0);
  return { text, x0: x, x1: x + width, baseline, y0: baseline - 2, y1: baseline + 8, size: 10 };
};

const h = (at: number, from: number, to: number): Segment => ({ horizontal: true, at, from, to });
const v = (at: number, from: number, to: number): Segment => ({ horizontal: false, at, from, to });

describe('segmentsOf: ruling lines from the operator list', () => {
  it('reads stroked lines and rectangles under the current transform, and thin filled rectangles', () => {
    const { save, restore, transform, constructPath, moveTo, lineTo, rectangle, stroke, fill } = OPS;
    const fns = [save, transform, constructPath, stroke, restore, constructPath, stroke, constructPath, fill];
    const args = [
      null,
      [2, 0, 0, 2, 100, 50], // scale 2, move to (100, 50)
      [[rectangle], [0, 0, 10, 5], []],
      null,
      null,
      [[moveTo, lineTo], [0, 300, 200, 300], []],
      null,
      [[rectangle], [20, 400, 0.5, 80], []],
      null,
    ];
    assert.deepEqual(segmentsOf(fns, args, OPS), [
      h(50, 100, 120),
      v(120, 50, 60),
      h(60, 100, 120),
      v(100, 50, 60),
      h(300, 0, 200), // after restore: no scale
      v(20.25, 400, 480),
    ]);
  });

  it('is not misled by curves, clipping paths, thick fills or diagonal strokes', () => {
    const { constructPath, moveTo, lineTo, curveTo, rectangle, stroke, fill, endPath } = OPS;
    const fns = [constructPath, stroke, constructPath, endPath, constructPath, fill, constructPath, stroke];
    const args = [
      [[moveTo, curveTo], [0, 0, 10, 10, 20, 10, 30, 0], []],
      null,
      [[rectangle], [0, 0, 500, 700], []],
      null,
      [[rectangle], [50, 50, 100, 40], []],
      null,
      [[moveTo, lineTo], [0, 0, 100, 100], []],
      null,
    ];
    assert.deepEqual(segmentsOf(fns, args, OPS), []);
  });
});

describe('gridsOf: ruled tables', () => {
  // three columns (x 0, 100, 150, 200) and three rows (y 100, 80, 60, 40); the first two cells of the top row
  // are one (no rule between them), as is the first column of the two lower rows
  const rules = [
    h(100, 0, 200),
    h(80, 0, 200),
    h(60, 100, 200),
    h(40, 0, 200),
    v(0, 40, 100),
    v(100, 40, 80),
    v(150, 40, 100),
    v(200, 40, 100),
  ];

  it('finds merged cells where a rule is missing, and gives each run to the cell holding its middle', () => {
    const pieces = [piece('信息内容', 10, 88), piece('总计', 160, 88), piece('行政', 10, 62), piece('许可', 10, 52), piece('3', 120, 68), piece('4', 170, 48)];
    const { grids, outside } = gridsOf(rules, [...pieces, piece('表外', 10, 120)]);
    assert.equal(grids.length, 1);
    assert.deepEqual(outside.map((p) => p.text), ['表外']);
    const cells = grids[0].cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, cellText(c, grids[0].padding)]);
    assert.deepEqual(cells, [
      [0, 0, 1, 2, '信息内容'],
      [0, 2, 1, 1, '总计'],
      [1, 0, 2, 1, '行政许可'],
      [1, 1, 1, 1, '3'],
      [1, 2, 1, 1, ''],
      [2, 1, 1, 1, ''],
      [2, 2, 1, 1, '4'],
    ]);
  });

  // two 20 pt cells and a 60 pt one (x 0, 20, 40, 100), one row; a label stands 4 pt in from its rule
  it("a number its narrow cell wrapped (17 over 8, where the 8 would not fit beside the 17) is one number; digits broken where more would fit stay two", () => {
    const narrow = [h(100, 0, 100), h(60, 0, 100), v(0, 60, 100), v(20, 60, 100), v(40, 60, 100), v(100, 60, 100)];
    const pieces = [piece('17', 24, 88), piece('8', 24, 76), piece('12', 44, 88), piece('3', 44, 76), piece('规', 4, 88), piece('章', 4, 76)];
    const { grids } = gridsOf(narrow, pieces);
    assert.equal(grids[0].padding, 4);
    assert.deepEqual(grids[0].cells.map((c) => cellText(c, grids[0].padding)), ['规章', '178', '12 3']);
  });

  it('a frame around a paragraph (a single cell) is not a table', () => {
    const { grids, outside } = gridsOf([h(100, 0, 200), h(40, 0, 200), v(0, 40, 100), v(200, 40, 100)], [piece('说明', 10, 60)]);
    assert.deepEqual([grids.length, outside.length], [0, 1]);
  });
});

describe('runningLines: headers and footers', () => {
  const title = '某某局2024年政府信息公开工作年度报告';
  const page = (n: number, extra: { text: string; y: number }[] = []) => ({
    height: 800,
    lines: [
      { text: title, box: [100, 770, 400, 780] as [number, number, number, number] },
      ...extra.map((e) => ({ text: e.text, box: [100, e.y, 400, e.y + 10] as [number, number, number, number] })),
      { text: `- ${n} -`, box: [290, 20, 310, 30] as [number, number, number, number] },
    ],
  });

  it('drops page numbers and a title repeated at one place on every page, keeps the title where the report starts', () => {
    const pages = [page(1, [{ text: title, y: 730 }, { text: '一、总体情况', y: 700 }]), page(2), page(3)];
    assert.deepEqual(runningLines(pages).map((s) => [...s].sort()), [[0, 3], [0, 1], [0, 1]]);
  });

  it('on a single page only the page number can be told for a footer', () => {
    assert.deepEqual([...runningLines([page(1)])[0]], [1]);
  });
});

describe('flowRows: text outside ruled tables', () => {
  const rows = (pieces: Piece[]): string[] => flowRows(linesOfPieces(pieces)).map((r) => r.fields.map((f) => f.text).join('\t'));

  it('splits cells at wide gaps, and gives a row missing a number an empty field in the column the other rows fill', () => {
    const table = [
      [piece('1.属于国家秘密', 0, 300), piece('1', 200, 300), piece('0', 250, 300), piece('1', 300, 300)],
      [piece('2.重复申请', 0, 285), piece('12', 198, 285), piece('3', 300, 285)],
      [piece('3.其他', 0, 270), piece('0', 200, 270), piece('0', 250, 270), piece('0', 300, 270)],
    ].flat();
    assert.deepEqual(rows(table), ['1.属于国家秘密\t1\t0\t1', '2.重复申请\t12\t\t3', '3.其他\t0\t0\t0']);
  });

  it('invents no empty field where no row shows the columns', () => {
    const table = [piece('行政许可', 0, 300), piece('5', 250, 300), piece('行政处罚', 0, 285), piece('7', 230, 285), piece('2', 300, 285)];
    assert.deepEqual(rows(table), ['行政许可\t5', '行政处罚\t7\t2']);
  });

  it('joins a label that wraps onto the next line, and prose that wraps at the right margin', () => {
    const text = [
      piece('本机关全年共受理政府信息公开申请', 0, 500),
      piece('12件。', 0, 488),
      piece('（二）部分公开（区分处理的', 0, 300),
      piece('3', 250, 300),
      piece('0', 300, 300),
      piece('，只计这一情形）', 0, 288),
    ];
    assert.deepEqual(rows(text), ['本机关全年共受理政府信息公开申请12件。', '（二）部分公开（区分处理的，只计这一情形）\t3\t0']);
  });
});

describe('columnPages: a sheet printed wider than its paper', () => {
  const page = (number: number, lines: readonly (readonly string[])[], top = 700): PageContent => ({
    number,
    width: 595,
    height: 842,
    segments: [],
    pieces: lines.flatMap((cells, k) => cells.map((text, c) => piece(text, 60 + 80 * c, top - 15 * k))),
  });
  const labels = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”'];
  const left = page(1, labels.map((l, k) => [l, String(k), '0', '3']));

  it("finds the page whose rows of numbers alone stand at the heights of an earlier page's labelled rows, and says so once", () => {
    const right = page(2, labels.map((_, k) => ['0', String(k + 3)]));
    assert.deepEqual(columnPages([left, right]), [{ page: 2, of: 1 }]);
    assert.match(columnPagesMessage([{ page: 2, of: 1 }]), /^第 2 页是第 1 页表格右侧的列/);
  });

  it('not a page of rows with their labels, nor numbers at other heights, nor a row numbered 1. taken for a number', () => {
    assert.deepEqual(columnPages([left, page(2, labels.map((l, k) => [l, String(k)]))]), []);
    assert.deepEqual(columnPages([left, page(2, labels.map((_, k) => ['0', String(k)]), 693)]), []);
    assert.deepEqual(columnPages([left, page(2, labels.map((_, k) => [`${k + 1}.`, '4']))]), []);
  });
});

