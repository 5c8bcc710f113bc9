// The Excel reader on workbooks written here the way Excel writes them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, checkText, parseDocument } from '../../server/src/engine';
import { evaluateSum, shiftFormula, type Operand } from '../../server/src/import/formula';
import { originAt } from '../../server/src/import/origins';
import type { Imported } from '../../server/src/import/types';
import { importXlsx } from '../../server/src/import/xlsx';
import { arbVariant, namedDiagnostics, variantReport, type VariantReport } from '../support/import-check';
import { keyName, type CellKey } from '../support/official';
import { strFromU8, unzipSync } from 'fflate';
import { cellRef, xlsxFile, xlsxReport, zipParts, type SheetCell, type XlsxReportOptions } from '../support/ooxml';

const lines = (cells: SheetCell[], merges: string[] = []): string[] => importXlsx(xlsxFile([{ name: 'Sheet1', cells, merges }])).text.split('\n').filter((l) => l);

/** The report as a workbook, imported: the text form's diagnostics on the same cells, every value's origin its cell. */
function asTheText(report: VariantReport, options: XlsxReportOptions): Imported {
  const { bytes, placement } = xlsxReport(report.blocks, options);
  const imported = importXlsx(bytes);
  assert.deepEqual(namedDiagnostics(imported.text), namedDiagnostics(report.text));
  const tables = parseDocument(imported.text).reports[0].tables;
  for (const b of report.blocks) {
    if (b.kind !== 'table') continue;
    for (const c of b.table.cells) {
      if (!c.key) continue;
      const span = tables[c.key.table]!.rows.get(c.key.row)!.cells![c.key.col].span;
      assert.deepEqual(originAt(imported, span), placement.get(keyName(c.key)));
    }
  }
  return imported;
}

describe('XLSX import: the same report as its text form', () => {
  for (const formulas of ['cached', 'uncached', 'none'] as const) {
    it(`one sheet, totals ${formulas === 'none' ? 'as values' : `as formulas ${formulas}`}: the same diagnostics on the same cells, every value's origin its cell`, () => {
      fc.assert(
        fc.property(arbVariant, (variant) => {
          const imported = asTheText(variantReport(variant), { layout: 'one-sheet', formulas });
          assert.deepEqual(imported.formulaRanges, []);
        }),
        { numRuns: 10 },
      );
    });
  }

  it("a sheet per table under its section's heading: the tables' diagnostics are the text form's", () => {
    const inTables = (named: string[]): string[] => named.filter((d) => /\|[二三四]\/[^|]*$/.test(d));
    fc.assert(
      fc.property(arbVariant, (variant) => {
        const report = variantReport(variant);
        const imported = importXlsx(xlsxReport(report.blocks, { layout: 'sheet-per-table', formulas: 'cached' }).bytes);
        assert.deepEqual(inTables(namedDiagnostics(imported.text)), inTables(namedDiagnostics(report.text)));
      }),
      { numRuns: 10 },
    );
  });
});

describe('XLSX import: empty cells Excel did not write', () => {
  it('a blank left out of the sheet, between two cells of its row or at its start or end, is that blank: the diagnostics and origins of the text form', () => {
    fc.assert(
      fc.property(arbVariant, (variant) => {
        asTheText(variantReport(variant), { layout: 'one-sheet', formulas: 'none', absentBlanks: true });
      }),
      { numRuns: 10 },
    );
  });

  // openpyxl and other writers leave out every cell never set: a row whose first or last values are blank closes
  // up to its written cells, and read so the engine could only say the row is short, not which cells are blank
  for (const [name, blanks, message] of [
    ['table 四 with its 行政复议 block blank (A…E of the row not written)', [0, 1, 2, 3, 4].map((col): CellKey => ({ table: '四', row: 'G', col })), '表四“行政复议、行政诉讼”行“行政复议·结果维持、行政复议·结果纠正、行政复议·其他结果、行政复议·尚未审结、行政复议·总计”为空（空白不等于 0）'],
    ["a 总计 left blank, the row's last cell (J not written)", [{ table: '三', row: 'R5', col: 6 }], '表三“（三）不予公开·1.属于国家秘密”行“总计”为空（空白不等于 0）'],
  ] as const) {
    it(`${name}: said on those cells, not as a row short of values`, () => {
      const report = variantReport({ seed: 3, fullWidth: false, deltas: [], blanks: [...blanks] });
      const { bytes, placement } = xlsxReport(report.blocks, { layout: 'one-sheet', formulas: 'none', absentBlanks: true });
      const imported = importXlsx(bytes);
      const diagnostics = checkText(imported.text).diagnostics.filter((d) => d.code === 'blank-cell');
      assert.deepEqual(diagnostics.map((d) => d.message), [message]);
      assert.deepEqual(originAt(imported, diagnostics[0].span), placement.get(keyName(blanks[0])));
    });
  }

  it('（一）予以公开·商业企业 not written: said on its cell, E of its row, and the fix writes that cell', () => {
    const key: CellKey = { table: '三', row: 'R3', col: 1 };
    const report = variantReport({ seed: 7, fullWidth: false, deltas: [], blanks: [key] });
    const { bytes, placement } = xlsxReport(report.blocks, { layout: 'one-sheet', formulas: 'none', absentBlanks: true });
    const imported = importXlsx(bytes);
    const [blank, ...others] = checkText(imported.text).diagnostics;
    assert.deepEqual(others, []);
    assert.equal(blank.message, '表三“（一）予以公开”行“商业企业”为空（空白不等于 0）');
    const cell = placement.get(keyName(key))!;
    assert.match(cell.cell, /^E\d+$/);
    assert.deepEqual(originAt(imported, blank.span), cell);
    const fixed = applyEdits(imported.text, blank.fix!.edits).text;
    assert.equal(blank.fix!.preferred, true, 'rule 4 forces the blank: the fix fix-all applies');
    const row = fixed.split('\n').find((l) => l.includes('\t（一）予以公开\t'))!;
    assert.deepEqual(row.split('\t').slice(-7).map(Number), report.values.table3.R3);
  });

  it('the 法人或其他组织 columns blank in every row, one 总计 and one whole row blank too, none written: the diagnostics and origins of the text form', () => {
    const rows = Object.keys(variantReport({ seed: 1, fullWidth: false, deltas: [], blanks: [] }).values.table3);
    const blanks: CellKey[] = [
      ...rows.flatMap((row) => [1, 2, 3, 4, 5].map((col): CellKey => ({ table: '三', row, col }))),
      { table: '三', row: 'R5', col: 0 }, { table: '三', row: 'R5', col: 6 },
      ...[0, 6].map((col): CellKey => ({ table: '三', row: 'R6', col })),
    ];
    const report = variantReport({ seed: 9, fullWidth: false, deltas: [], blanks });
    const { bytes, placement } = xlsxReport(report.blocks, { layout: 'one-sheet', formulas: 'none', absentBlanks: true });
    const imported = importXlsx(bytes);
    assert.deepEqual(namedDiagnostics(imported.text), namedDiagnostics(report.text));
    // each row's blanks said once, on that row of the sheet (the row left all blank is written as its label alone)
    const diagnostics = checkText(imported.text).diagnostics.filter((d) => d.code === 'blank-cell');
    assert.equal(diagnostics.length, rows.length);
    const line = (cell: string): string => cell.replace(/^[A-Z]+/, '');
    const sheetRows = rows.map((row) => line(placement.get(keyName({ table: '三', row, col: 0 }))!.cell));
    assert.deepEqual(diagnostics.map((d) => line((originAt(imported, d.span) as { cell: string }).cell)).sort(), [...sheetRows].sort());
  });

  it("cells without `r` follow the one before; no field for a spacer column or a merge's hidden cells; past a row's last cell only in a row of values, where the row next to it has a cell", () => {
    const sheet = (cells: SheetCell[], merges: string[] = []) => importXlsx(xlsxFile([{ name: 'Sheet1', cells, merges }]));
    const unnumbered = sheet([
      { ref: 'A1', value: '项目' }, { ref: 'B1', value: '甲' }, { ref: 'C1', value: '乙' }, { ref: 'D1', value: '丙' },
      { ref: 'A2', value: '规章' }, { ref: 'A2', xml: '<c><v>1</v></c>' }, { ref: 'D2', value: 3 },
    ]);
    assert.deepEqual(unnumbered.text.split('\n').filter((l) => l), ['项目\t甲\t乙\t丙', '规章\t1\t\t3']);
    const gap = unnumbered.text.indexOf('1\t\t3') + 2;
    assert.deepEqual(originAt(unnumbered, { start: gap, end: gap }), { sheet: 'Sheet1', cell: 'C2' });
    const spacer = [
      { ref: 'A1', value: '项目' }, { ref: 'C1', value: '甲' }, { ref: 'D1', value: '乙' },
      { ref: 'A2', value: '规章' }, { ref: 'C2', value: 1 }, { ref: 'D2', value: 2 },
      { ref: 'A4', value: '注' }, { ref: 'B4', value: '见附件' },
    ];
    assert.deepEqual(lines(spacer), ['项目\t甲\t乙', '规章\t1\t2', '注\t见附件']);
    assert.deepEqual(lines([{ ref: 'A1', value: '项目' }, { ref: 'C1', value: '甲' }, { ref: 'A2', value: '规章' }, { ref: 'C2', value: 1 }], ['A1:B1']), ['项目\t甲', '规章\t1']);
    const wider = [
      { ref: 'A1', value: '项目' }, { ref: 'B1', value: '甲' }, { ref: 'C1', value: '乙' },
      { ref: 'A2', value: '规章' }, { ref: 'B2', value: 1 },
      { ref: 'A3', value: '注' },
      { ref: 'A4', value: '丁' }, { ref: 'B4', value: 1 }, { ref: 'C4', value: 2 }, { ref: 'D4', value: 3 }, { ref: 'E4', value: 4 },
    ];
    // 乙 of 规章 is the table's blank; nothing past 注 (prose) nor past 丁's row, which no row beside it lends
    assert.deepEqual(lines(wider), ['项目\t甲\t乙', '规章\t1\t', '注', '丁\t1\t2\t3\t4']);
    const dated = [
      { ref: 'A1', value: '发布时间' }, { ref: 'B1', value: '2025-01-15' },
      { ref: 'A2', value: '规章' }, { ref: 'B2', value: 1 }, { ref: 'C2', value: 2 }, { ref: 'D2', value: 3 },
    ];
    assert.deepEqual(lines(dated), ['发布时间\t2025-01-15', '规章\t1\t2\t3']);
  });

  it('a crafted sheet asking for most of its grid as empty fields: filled up to a bound, and said', () => {
    const header = Array.from({ length: 1000 }, (_, col): SheetCell => ({ ref: cellRef(0, col), value: col }));
    const sides = Array.from({ length: 101 }, (_, k): SheetCell[] => [{ ref: cellRef(k + 1, 0), value: 1 }, { ref: cellRef(k + 1, 999), value: 2 }]).flat();
    const imported = importXlsx(xlsxFile([{ name: 'Sheet1', cells: [...header, ...sides] }]));
    assert.deepEqual(imported.notes, ['工作表「Sheet1」中没有写出的空白单元格过多，只补出了前 100000 个']);
  });
});

describe('XLSX import: a 总计 whose SUM range misses an addend', () => {
  const report = variantReport({ seed: 11, fullWidth: false, deltas: [], blanks: [] });
  const imported = (options: Partial<XlsxReportOptions>) => {
    const { bytes, placement } = xlsxReport(report.blocks, { layout: 'one-sheet', formulas: 'cached', ...options });
    return { imported: importXlsx(bytes), placement };
  };

  it('=SUM(D…:H…) for a row whose 其他 is in I: reported on the total, which the engine finds short by 其他', () => {
    const row = Object.keys(report.values.table3).find((k) => k.startsWith('R') && report.values.table3[k][5] > 0)!;
    const key = keyName({ table: '三', row, col: 6 });
    const { imported: result, placement } = imported({ shortRange: key });
    const total = placement.get(key)!.cell;
    const other = placement.get(keyName({ table: '三', row, col: 5 }))!.cell;
    const line = total.replace(/^[A-Z]+/, '');
    assert.equal(result.formulaRanges!.length, 1);
    const found = result.formulaRanges![0];
    assert.deepEqual({ cell: found.cell, formula: found.formula, missing: found.missing }, { cell: total, formula: `=SUM(D${line}:H${line})`, missing: [other] });
    assert.equal(result.text.slice(found.span.start, found.span.end), String(report.values.table3[row][6] - report.values.table3[row][5]));
    const diagnostics = checkText(result.text, { shortFormulas: result.formulaRanges }).diagnostics;
    const on = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.span);
    assert.deepEqual(on('row-total-mismatch'), [found.span]);
    assert.deepEqual(on('formula-range'), [found.span]);
    const [warning] = diagnostics.filter((d) => d.code === 'formula-range');
    assert.equal(warning.severity, 'warning');
    assert.match(warning.message, new RegExp(`${total} 的公式 =SUM\\(D${line}:H${line}\\) 未包括 ${other}`));
    assert.deepEqual(checkText(result.text).diagnostics.filter((d) => d.code === 'formula-range'), [], 'the text alone says nothing of formulas');
  });

  it('（七）总计 =SUM over the outcome rows stopping one row short: the row left out is named, even when it holds 0', () => {
    const key = keyName({ table: '三', row: 'R24', col: 0 });
    const { imported: result, placement } = imported({ shortRange: key });
    assert.deepEqual(result.formulaRanges!.map((f) => [f.cell, f.missing]), [[placement.get(key)!.cell, [placement.get(keyName({ table: '三', row: 'R23', col: 0 }))!.cell]]]);
  });

  it('a range short of cells that hold nothing, or of a 小结 column, or a sum that is no 总计, is not reported', () => {
    const cells: SheetCell[] = [
      { ref: 'A1', value: '项目' }, { ref: 'B1', value: 'a' }, { ref: 'C1', value: 'b' }, { ref: 'D1', value: 'c' }, { ref: 'E1', value: '小结' }, { ref: 'F1', value: '总计' }, { ref: 'G1', value: '备用' },
      { ref: 'A2', value: '甲' }, { ref: 'B2', value: 1 }, { ref: 'C2', value: 2 }, { ref: 'D2', value: 3 }, { ref: 'E2', formula: 'SUM(B2:C2)', cached: 3 }, { ref: 'F2', formula: 'SUM(B2:D2)', cached: 6 }, { ref: 'G2', formula: 'SUM(B2:C2)', cached: 3 },
      { ref: 'A3', value: '乙' }, { ref: 'B3', value: 1 }, { ref: 'C3', value: 2 }, { ref: 'F3', formula: 'SUM(B3:C3)', cached: 3 },
    ];
    assert.deepEqual(importXlsx(xlsxFile([{ name: 'Sheet1', cells }])).formulaRanges, []);
  });

  it("table 四's third group with the second group's 总计 left blank: the second group's numbers are not its addends", () => {
    const blanked = variantReport({ seed: 1, fullWidth: false, deltas: [], blanks: [{ table: '四', row: 'G', col: 9 }] });
    for (const formulas of ['cached', 'uncached'] as const) {
      assert.deepEqual(importXlsx(xlsxReport(blanked.blocks, { layout: 'one-sheet', formulas }).bytes).formulaRanges, []);
    }
  });

  it("table 四's second group: its range starts after the first group's 总计, which is not an addend", () => {
    const key = keyName({ table: '四', row: 'G', col: 9 });
    const { imported: result, placement } = imported({ shortRange: key });
    assert.deepEqual(result.formulaRanges!.map((f) => [f.cell, f.missing]), [[placement.get(key)!.cell, [placement.get(keyName({ table: '四', row: 'G', col: 8 }))!.cell]]]);
  });
});

describe('XLSX import: values as Excel shows them', () => {
  it('shared and inline strings (rich text joined, phonetic guides left out), numbers without binary noise, booleans, errors, dates', () => {
    const cells: SheetCell[] = [
      { ref: 'A1', value: '发布时间：' },
      { ref: 'B1', xml: '<c r="B1" s="3"><v>45672</v></c>' },
      { ref: 'C1', xml: '<c r="C1" s="4"><v>45672</v></c>' },
      { ref: 'A2', xml: '<c r="A2" t="inlineStr"><is><r><t>行政</t></r><r><rPr><b/></rPr><t>许可</t></r><rPh sb="0" eb="2"><t>ギョウセイ</t></rPh></is></c>' },
      { ref: 'B2', xml: '<c r="B2"><v>0.30000000000000004</v></c>' },
      { ref: 'C2', xml: '<c r="C2" t="b"><v>1</v></c>' },
      { ref: 'D2', xml: '<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' },
      { ref: 'E2', xml: '<c r="E2" t="str"><f>"合"&amp;"计"</f><v>合计</v></c>' },
    ];
    assert.deepEqual(lines(cells), ['发布时间：\t2025-01-15\t2025-01-15', '行政许可\t0.3\tTRUE\t#DIV/0!\t合计']);
  });

  it('a formula without a cached value: a plain sum is evaluated (through other formulas, shared ones moved), anything else is blank with a note', () => {
    const cells: SheetCell[] = [
      { ref: 'A1', value: '规章' }, { ref: 'B1', value: 1 }, { ref: 'C1', value: 2 }, { ref: 'D1', xml: '<c r="D1"><f t="shared" ref="D1:D2" si="0">SUM(B1:C1)</f></c>' },
      { ref: 'A2', value: '行政规范性文件' }, { ref: 'B2', value: 3 }, { ref: 'C2', value: 4 }, { ref: 'D2', xml: '<c r="D2"><f t="shared" si="0"/></c>' },
      { ref: 'A3', value: '合计' }, { ref: 'B3', formula: 'B1+B2' }, { ref: 'C3', formula: 'AVERAGE(C1:C2)' }, { ref: 'D3', formula: 'SUM(D1:D2)-B3+(1)' },
    ];
    const imported = importXlsx(xlsxFile([{ name: '表二', cells }]));
    assert.deepEqual(imported.text.split('\n').filter((l) => l), ['规章\t1\t2\t3', '行政规范性文件\t3\t4\t7', '合计\t4\t\t7']);
    assert.ok(imported.notes.some((n) => n.includes('C3') && n.includes('AVERAGE')), imported.notes.join('\n'));
    assert.ok(imported.notes.some((n) => /4 个公式没有保存计算结果，已按公式求和/.test(n)), imported.notes.join('\n'));
  });

  it('merged ranges: one cell at the corner; empty bordered cells are empty fields; a hidden sheet is not read', () => {
    const cells: SheetCell[] = [
      { ref: 'A1', value: '（三）不予公开' }, { ref: 'B1', value: '1.属于国家秘密' }, { ref: 'C1', value: 5 }, { ref: 'D1' },
      { ref: 'A2' }, { ref: 'B2', value: '2.其他法律行政法规禁止公开' }, { ref: 'C2' }, { ref: 'D2', value: 6 },
    ];
    const bytes = xlsxFile([{ name: '表三', cells, merges: ['A1:A2'] }, { name: '备用', hidden: true, cells: [{ ref: 'A1', value: '不应出现' }] }]);
    const imported = importXlsx(bytes);
    assert.deepEqual(imported.text.split('\n').filter((l) => l), ['（三）不予公开\t1.属于国家秘密\t5\t', '2.其他法律行政法规禁止公开\t\t6']);
    assert.deepEqual(imported.notes, ['隐藏的工作表「备用」未读取']);
    const at = imported.text.indexOf('6');
    assert.deepEqual(originAt(imported, { start: at, end: at + 1 }), { sheet: '表三', cell: 'D2' });
    const row2 = imported.text.indexOf('2.其他');
    assert.deepEqual(originAt(imported, { start: row2, end: row2 + 2 }), { sheet: '表三', cell: 'B2' });
  });
});

describe('XLSX import: formulas', () => {
  const grid: Record<string, Operand> = { A1: 1, B1: 2, C1: '3', D1: '文字', A2: 10, B2: null };
  const at = ({ row, col }: { row: number; col: number }): Operand => grid[`${String.fromCharCode(65 + col)}${row + 1}`] ?? null;
  it('evaluates SUM over ranges and references, + and -, and nothing else', () => {
    assert.equal(evaluateSum('SUM(A1:D1)', at), 3);
    assert.equal(evaluateSum('A1+C1-B1', at), 2);
    assert.equal(evaluateSum('SUM(A1,A2:B2)+(2-1)', at), 12);
    assert.equal(evaluateSum('$A$1+B2', at), 1);
    assert.equal(evaluateSum('A1+D1', at), null);
    assert.equal(evaluateSum('AVERAGE(A1:B1)', at), null);
    assert.equal(evaluateSum('Sheet2!A1+1', at), null);
    assert.equal(evaluateSum('SUM(A1:B1', at), null);
  });
  it('sums a range wider than the sheet over the cells the sheet holds, not address by address', () => {
    const asked: string[] = [];
    const sparse = ({ row, col }: { row: number; col: number }): Operand => {
      asked.push(`${row},${col}`);
      return at({ row, col });
    };
    const occupied = { count: 4, addresses: () => [{ row: 0, col: 0 }, { row: 0, col: 1 }, { row: 1, col: 0 }, { row: 5000, col: 16000 }] };
    assert.equal(evaluateSum('SUM(A1:XFD1048576)', sparse, occupied), 13);
    assert.deepEqual(asked, ['0,0', '0,1', '1,0', '5000,16000']);
    assert.equal(evaluateSum('SUM(A1:B1)', at, occupied), 3);
  });
  it('a sheet as a crafted file writes it: a merge as large as the sheet, a chain of thousands of formulas without values', () => {
    const merged = lines([{ ref: 'A1', value: '一、总体情况' }, { ref: 'B2', value: '藏在合并单元格下' }], ['A1:XFD1048576']);
    assert.deepEqual(merged, ['一、总体情况']);
    // A1 = A2 + 1, A2 = A3 + 1, …: the chain is followed 200 deep, and said once
    const chain = Array.from({ length: 3000 }, (_, k): SheetCell => ({ ref: `A${k + 1}`, formula: `A${k + 2}+1` }));
    const imported = importXlsx(xlsxFile([{ name: 'Sheet1', cells: [...chain, { ref: 'A3001', value: 1 }], merges: [] }]));
    assert.equal(imported.notes.filter((n) => n.includes('超过 200 层')).length, 1);
  });
  it('a damaged row number or cell address (`r="2S"`, `r="A0"`): read as if absent, placed after the one before', () => {
    const file = unzipSync(xlsxFile([{ name: 'Sheet1', cells: [{ ref: 'A1', value: '规章' }, { ref: 'B1', value: 1 }, { ref: 'A2', value: '行政规范性文件' }, { ref: 'B2', value: 3 }], merges: [] }]));
    const sheet = strFromU8(file['xl/worksheets/sheet1.xml']);
    const damaged = sheet.replace('<row r="2"', '<row r="2S"').replace('r="B2"', 'r="B0"');
    assert.notEqual(damaged, sheet);
    const imported = importXlsx(zipParts({ ...file, 'xl/worksheets/sheet1.xml': damaged }));
    assert.deepEqual(imported.text.split('\n').filter((l) => l), ['规章\t1', '行政规范性文件\t3']);
  });

  it('moves a shared formula: relative references only, not inside strings or sheet names', () => {
    assert.equal(shiftFormula('SUM(A5:C5)', 1, 0), 'SUM(A6:C6)');
    assert.equal(shiftFormula('$A$1+B1+$C2+D$3', 2, 1), '$A$1+C3+$C4+E$3');
    assert.equal(shiftFormula('表三!D5+"D5"', 1, 0), '表三!D6+"D5"');
    assert.equal(shiftFormula('LOG10(A1)', 1, 0), 'LOG10(A2)');
  });
});
