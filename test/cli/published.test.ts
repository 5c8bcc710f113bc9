// The published formats in the CLI (issue 14 "Where users meet it", SPEC §5): `xxgk check` finds web pages,
// Word, Excel and PDF files in folders, imports and checks them like their text form; the JSON names the source
// format and each diagnostic's origin; the text and HTML outputs name the place in the original beside the line;
// a file that cannot be imported gets one message and no diagnostics; `xxgk import` prints the very text the
// diagnostics refer to; --fix never rewrites an imported file. The files are made here, as in the import tests.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { htmlPage } from '../support/html-pages';
import { variantReport } from '../support/import-check';
import { keyName, reviewerCell, type CellKey, type GridTable } from '../support/official';
import { docxFile, xlsxReport } from '../support/ooxml';
import { encryptedPdf } from '../support/pdf-minimal';
import { printPdf } from '../support/pdf-print';
import { reportPage } from '../support/pdf-report-page';
import { NO_CHROMIUM } from './browser';
import { linesOf, xxgk } from './process';

/** A report whose 表三 R1 总计 is one too many: a row-total-mismatch on that cell, a balance-mismatch on R25's. */
const R1_TOTAL: CellKey = { table: '三', row: 'R1', col: 6 };
const report = variantReport({ seed: 7, fullWidth: false, deltas: [{ key: R1_TOTAL, delta: 1 }], blanks: [] });
const workbook = xlsxReport(report.blocks, { layout: 'one-sheet', formulas: 'cached' });
/** the start of an OLE compound file, as a legacy .doc begins */
const LEGACY = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

interface JsonDiagnostic {
  code: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  origin?: Record<string, unknown>;
}
interface JsonFile {
  path: string;
  source?: { format: string };
  diagnostics: JsonDiagnostic[];
  error?: string;
}

/** Where table 三's R1 总计 is on the official grid, as a reviewer counts: table 2 (after 二), its row and cell. */
function gridPlace(key: CellKey): { table: number; row: number; cell: number } {
  const table = report.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])).find((t: GridTable) => t.id === key.table)!;
  const cell = table.cells.find((c) => c.key && keyName(c.key) === keyName(key))!;
  return { table: 2, row: cell.row + 1, cell: reviewerCell(table, cell) };
}

const dir = mkdtempSync(join(tmpdir(), 'xxgk-published-'));
const path = (name: string): string => join(dir, name);
const files = (stdout: string): JsonFile[] => JSON.parse(stdout).files;
const named = (all: JsonFile[], name: string): JsonFile => all.find((f) => f.path === path(name))!;
const covered = (text: string, d: JsonDiagnostic): string => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);

before(async () => {
  writeFileSync(path('report.txt'), report.text);
  writeFileSync(path('report.html'), htmlPage(report.blocks, 'cms-gbk'));
  writeFileSync(path('report.docx'), docxFile(report.blocks));
  writeFileSync(path('report.xlsx'), workbook.bytes);
  writeFileSync(path('old.doc'), LEGACY);
  writeFileSync(path('locked.pdf'), encryptedPdf());
  if (!NO_CHROMIUM) writeFileSync(path('report.pdf'), await printPdf(reportPage({ agency: '示例县发展和改革局', year: 2024, values: report.values })));
});

describe('xxgk check on published formats', () => {
  it('finds them in a folder, names their format, and gives them the diagnostics of the text form', () => {
    const r = xxgk(['check', '--format', 'json', dir]);
    assert.equal(r.code, 2, 'files that cannot be imported are exit 2');
    const all = files(r.stdout);
    const expected = ['docx', 'html', 'xlsx', ...(NO_CHROMIUM ? [] : ['pdf'])];
    const text = named(all, 'report.txt');
    assert.equal(text.source, undefined);
    assert.deepEqual(text.diagnostics.map((d) => d.code), ['row-total-mismatch', 'balance-mismatch']);
    for (const format of expected) {
      const file = named(all, `report.${format}`);
      assert.deepEqual(file.source, { format }, format);
      assert.deepEqual(file.diagnostics.map((d) => [d.code, d.message]), text.diagnostics.map((d) => [d.code, d.message]), format);
    }
  });

  it('a page whose report stands under 5,000 nested <div> is checked as the same page without them, not refused for a stack overflow', () => {
    const own = mkdtempSync(join(tmpdir(), 'xxgk-deep-'));
    const paragraphs = report.text
      .split('\n')
      .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('');
    const diagnostics = (name: string, divs: number): string[][] => {
      writeFileSync(join(own, name), `<!DOCTYPE html><html><body>${'<div>'.repeat(divs)}${paragraphs}</body></html>`);
      const r = xxgk(['check', '--format', 'json', join(own, name)]);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stderr, '');
      return files(r.stdout)[0].diagnostics.map((d) => [d.code, d.message]);
    };
    try {
      const shallow = diagnostics('shallow.html', 0);
      assert.deepEqual(shallow.map(([code]) => code), ['row-total-mismatch', 'balance-mismatch']);
      assert.deepEqual(diagnostics('deep.html', 5000), shallow);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('gives each diagnostic its origin: the table, row and cell of a page or a document, the sheet and cell of a workbook, the page and box of a PDF', () => {
    const all = files(xxgk(['check', '--format', 'json', dir]).stdout);
    const place = gridPlace(R1_TOTAL);
    for (const format of ['html', 'docx']) assert.deepEqual(named(all, `report.${format}`).diagnostics[0].origin, place, format);
    assert.deepEqual(named(all, 'report.xlsx').diagnostics[0].origin, workbook.placement.get(keyName(R1_TOTAL)));
    for (const format of ['html', 'docx', 'xlsx', ...(NO_CHROMIUM ? [] : ['pdf'])]) {
      const imported = xxgk(['import', path(`report.${format}`)]).stdout;
      assert.equal(covered(imported, named(all, `report.${format}`).diagnostics[0]), '154', `${format}: the range is the cell, in the imported text`);
    }
    if (NO_CHROMIUM) return;
    const { origin } = named(all, 'report.pdf').diagnostics[0];
    assert.equal(origin!.page, 1);
    assert.ok(Array.isArray(origin!.box) && origin!.box.length === 4 && origin!.box.every(Number.isFinite), JSON.stringify(origin));
  });

  it('says the place in the original beside the line, in the text output and in the HTML page', () => {
    const text = xxgk(['check', path('report.docx'), path('report.xlsx')]).stdout;
    const { table, row, cell } = gridPlace(R1_TOTAL);
    assert.match(text, new RegExp(`report\\.docx:\\d+:\\d+: error row-total-mismatch: .*（表 ${table} 第 ${row} 行第 ${cell} 格）\\n`));
    const sheetCell = workbook.placement.get(keyName(R1_TOTAL))!;
    assert.match(text, new RegExp(`report\\.xlsx:\\d+:\\d+: error row-total-mismatch: .*（工作表 ${sheetCell.sheet} ${sheetCell.cell}）\\n`));
    const english = xxgk(['check', '--locale', 'en', path('report.docx')]).stdout;
    assert.match(english, new RegExp(`row-total-mismatch: .* \\(table ${table}, row ${row}, cell ${cell}\\)\\n`));
    const page = xxgk(['check', '--format', 'html', path('report.docx')]).stdout;
    assert.match(page, new RegExp(`<span class="where">第 \\d+ 行 · 表 ${table} 第 ${row} 行第 ${cell} 格</span> <span class="code" title="row-total-mismatch">`));
  });

  it('a 总计 formula that stops one addend short: formula-range (warning) on that cell, with the sheet and cell', () => {
    const clean = variantReport({ seed: 7, fullWidth: false, deltas: [], blanks: [] });
    const row = Object.keys(clean.values.table3).find((k) => k.startsWith('R') && clean.values.table3[k][5] > 0)!;
    const total = keyName({ table: '三', row, col: 6 });
    const short = xlsxReport(clean.blocks, { layout: 'one-sheet', formulas: 'cached', shortRange: total });
    writeFileSync(path('short-sum.xlsx'), short.bytes);
    const [file] = files(xxgk(['check', '--format', 'json', path('short-sum.xlsx')]).stdout);
    const found = file.diagnostics.filter((d) => d.code === 'formula-range');
    const { sheet, cell } = short.placement.get(total)!;
    assert.deepEqual(found.map((d) => d.origin), [{ sheet, cell }]);
    assert.match(found[0].message, new RegExp(`${cell} 的公式 =SUM\\(D\\d+:H\\d+\\) 未包括 [A-Z]+\\d+`));
    const text = xxgk(['check', path('short-sum.xlsx')]).stdout;
    assert.match(text, /short-sum\.xlsx:\d+:\d+: warning formula-range: /);
    const quiet = xxgk(['check', '--format', 'json', path('report.xlsx')]).stdout;
    assert.deepEqual(files(quiet)[0].diagnostics.filter((d) => d.code === 'formula-range'), [], 'whole ranges say nothing');
  });

  it('says the page of a PDF', { skip: NO_CHROMIUM }, () => {
    assert.match(xxgk(['check', path('report.pdf')]).stdout, /report\.pdf:\d+:\d+: error row-total-mismatch: .*（第 1 页）\n/);
  });

  it('a file that cannot be imported gets one message, and no diagnostics: a password-protected PDF, a legacy .doc', () => {
    const r = xxgk(['check', '--format', 'json', path('locked.pdf'), path('old.doc'), path('report.txt')]);
    assert.equal(r.code, 2);
    assert.deepEqual(linesOf(r.stderr), [
      `xxgk: ${path('locked.pdf')}: PDF 已加密，需要密码才能打开：请提供未加密的文件`,
      `xxgk: ${path('old.doc')}: 不支持旧版 Word 格式（.doc），请用 Word 或 WPS 打开后另存为 .docx 再检查`,
    ]);
    const [locked, old] = files(r.stdout);
    assert.deepEqual(locked, { path: path('locked.pdf'), reports: [], diagnostics: [], error: 'PDF 已加密，需要密码才能打开：请提供未加密的文件' });
    assert.equal(old.diagnostics.length, 0);
    const text = xxgk(['check', path('locked.pdf')]);
    assert.doesNotMatch(text.stdout, /locked\.pdf/, 'said once, on stderr');
  });

  it('--fix never rewrites an imported file: it is checked, and told what could be fixed', () => {
    const before = readFileSync(path('report.docx'));
    const r = xxgk(['check', '--fix', path('report.docx')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /report\.docx: 有 1 处可自动修复，但导入的格式不会改写/);
    assert.doesNotMatch(r.stdout, /→/);
    assert.ok(readFileSync(path('report.docx')).equals(before));
  });

  it('xxgk summary reads them too', () => {
    const doc = JSON.parse(xxgk(['summary', '--format', 'json', path('report.docx'), path('report.xlsx'), path('report.html')]).stdout);
    assert.deepEqual(doc.reports.map((r: { R1: number; errors: number }) => [r.R1, r.errors]), [[154, 2], [154, 2], [154, 2]]);
  });
});

describe('xxgk import', () => {
  it('prints the canonical text: one line per table row, one tab per cell', () => {
    const r = xxgk(['import', path('report.docx')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^示例县发展和改革局2024年政府信息公开工作年度报告\n/);
    assert.match(r.stdout, /\n一、本年新收政府信息公开申请数量\t111\t10\t10\t8\t11\t3\t154\n/);
  });

  it('-o OUT writes the same text to a file; OUT may not be the file imported', () => {
    const out = path('imported.txt');
    assert.equal(xxgk(['import', path('report.xlsx'), '-o', out]).code, 0);
    assert.equal(readFileSync(out, 'utf8'), xxgk(['import', path('report.xlsx')]).stdout);
    assert.equal(xxgk(['import', `--output=${out}`, path('report.html')]).code, 0);
    assert.equal(readFileSync(out, 'utf8'), xxgk(['import', path('report.html')]).stdout);
    const before = readFileSync(path('report.xlsx'));
    const same = xxgk(['import', path('report.xlsx'), '-o', path('report.xlsx')]);
    assert.equal(same.code, 2);
    assert.match(same.stderr, /-o 不能是要导入的文件本身/);
    assert.ok(readFileSync(path('report.xlsx')).equals(before));
  });

  it('a file it cannot import, a missing file, two files: one message each, exit 2, nothing on stdout', () => {
    for (const [args, message] of [
      [[path('old.doc')], /不支持旧版 Word 格式/],
      [[path('report.txt')], /不支持的文件类型（\.txt）/],
      [[path('nothing.pdf')], /nothing\.pdf: 没有这个文件或文件夹/],
      [[path('report.docx'), path('report.xlsx')], /xxgk import 只接受一个文件/],
      [[path('report.docx'), '--format', 'json'], /选项 --format 不能用于 xxgk import/],
    ] as const) {
      const r = xxgk(['import', ...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(linesOf(r.stderr).length, 1, r.stderr);
      assert.match(r.stderr, message);
    }
  });
});
