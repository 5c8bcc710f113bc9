// The preview as a table view: its header in words, its cells keyed for editing, and which span of the text a
// typed cell replaces (exactly the cell's; a blank's insertion point), or why it is refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, checkText, parseDocument } from '../../server/src/engine';
import { cellEdit, type CellEdit, type TableCell } from '../../server/src/engine/features/cell-edit';
import { reportHtml, type HtmlContext } from '../../server/src/engine/features/html';
import type { Locale } from '../../server/src/engine/messages/catalog';
import { readExample, readSeed } from '../support/helpers';

const BROKEN = readExample('examples/arithmetic-errors-2024.txt');

function html(text: string, locale: Locale, extra: Partial<HtmlContext> = {}): string {
  const report = parseDocument(text).reports[0];
  return reportHtml(report, checkText(text).diagnostics, { locale, slice: (s) => text.slice(s.start, s.end), lineOf: (o) => text.slice(0, o).split('\n').length - 1, ...extra });
}

const written = (text: string, at: TableCell, typed: string): string => {
  const edit = cellEdit(text, at, typed);
  assert.ok('span' in edit, JSON.stringify(edit));
  return applyEdits(text, [edit]).text;
};

describe('the preview header', () => {
  it('says the year and the template in words, as the CLI does, in Chinese or English', () => {
    assert.match(html(BROKEN, 'zh'), /<p class="meta">2024 年度 · 适用 2021 年版格式<\/p>/);
    assert.match(html(BROKEN, 'en'), /<p class="meta">Year 2024 · 2021 template<\/p>/);
  });
});

describe('the table view\'s cells', () => {
  it('carry the key the preview gives them, and are focusable; the HTML report (no key) has neither', () => {
    const keyed = html(BROKEN, 'zh', { cellKey: (table, row, col) => `0:${table}:${row}:${col}` });
    assert.match(keyed, /<td class="cell value error" data-line="\d+" data-cell="0:三:R1:6" tabindex="0" title="row-total-mismatch[^"]*">145<\/td>/);
    assert.equal((keyed.match(/data-cell="0:三:/g) ?? []).length, 25 * 7);
    assert.equal((keyed.match(/data-cell="0:四:G:/g) ?? []).length, 15);
    const report = html(BROKEN, 'zh');
    assert.doesNotMatch(report, /data-cell|tabindex/);
  });
});

describe('a cell typed in the table view', () => {
  it('replaces exactly that cell\'s span with what was typed, and the rule it broke is checked again', () => {
    const total = parseDocument(BROKEN).reports[0].tables['三']!.rows.get('R1')!.cells![6];
    const edit: CellEdit = cellEdit(BROKEN, { table: '三', row: 'R1', col: 6 }, ' 144 ');
    assert.deepEqual(edit, { span: total.span, newText: '144' });
    const text = written(BROKEN, { table: '三', row: 'R1', col: 6 }, '144');
    assert.equal(text, BROKEN.slice(0, total.span.start) + '144' + BROKEN.slice(total.span.end));
    assert.ok(checkText(BROKEN).diagnostics.some((d) => d.code === 'row-total-mismatch' && d.span.start === total.span.start));
    assert.ok(!checkText(text).diagnostics.some((d) => d.code === 'row-total-mismatch' && d.span.start === total.span.start));
  });

  it('fills a blank cell at its insertion point: an empty tab field of table 四 (seed 001)', () => {
    const seed = readSeed('001');
    const blank = parseDocument(seed).reports[0].tables['四']!.rows.get('G')!.cells![2];
    assert.equal(blank.state, 'blank');
    assert.equal(blank.span.start, blank.span.end);
    assert.deepEqual(cellEdit(seed, { table: '四', row: 'G', col: 2 }, '3'), { span: blank.span, newText: '3' });
    const cells = parseDocument(written(seed, { table: '四', row: 'G', col: 2 }, '3')).reports[0].tables['四']!.rows.get('G')!.cells!;
    assert.deepEqual(cells.map((c) => c.value), [null, null, 3, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('replaces a blank marker, and writes a marker over a number', () => {
    const marked = BROKEN.replace('一、本年新收政府信息公开申请数量\t97', '一、本年新收政府信息公开申请数量\t-');
    const cell = (text: string) => parseDocument(text).reports[0].tables['三']!.rows.get('R1')!.cells![0];
    assert.equal(cell(marked).state, 'blank');
    assert.equal(cell(written(marked, { table: '三', row: 'R1', col: 0 }, '９７')).value, 97);
    assert.equal(cell(written(BROKEN, { table: '三', row: 'R1', col: 0 }, '/')).marker, '/');
  });

  it('refuses what would not be read as that cell: nothing, a piece of the row\'s label, two cells; and a cell that is not there', () => {
    const at: TableCell = { table: '三', row: 'R1', col: 6 };
    assert.deepEqual(cellEdit(BROKEN, at, '  '), { refused: 'cell-edit.empty' });
    assert.deepEqual(cellEdit(BROKEN, at, '申请数量'), { refused: 'cell-edit.unreadable' });
    assert.deepEqual(cellEdit(BROKEN, at, '1\t2'), { refused: 'cell-edit.unreadable' });
    assert.deepEqual(cellEdit(BROKEN, { table: '三', row: 'R1', col: 7 }, '1'), { refused: 'cell-edit.no-cell' });
    assert.deepEqual(cellEdit(BROKEN, { table: '三', row: 'nope', col: 0 }, '1'), { refused: 'cell-edit.no-cell' });
  });
  it('writes a word that the row reads as that cell, an invalid one (`一百`, or `1 2`: one field of a tab-separated row)', () => {
    for (const typed of ['一百', '1 2']) {
      const cell = parseDocument(written(BROKEN, { table: '三', row: 'R1', col: 6 }, typed)).reports[0].tables['三']!.rows.get('R1')!.cells![6];
      assert.deepEqual([cell.state, cell.raw], ['invalid', typed]);
    }
  });
});
