// What a reviewer is sent, as `xxgk check` and `xxgk summary` find it. A .zip (各单位年报.zip) is read as a folder: the
// report files inside it (text and published formats, a zip inside a zip too) under the archive's path, names made
// by a Chinese Windows archiver (GBK, no UTF-8 flag) read right, an archiver's clutter left out; a file that cannot
// be had from the archive, or an archive that cannot be opened, is one message; --fix never rewrites a file in an
// archive. In folders, Office's lock files and a saved page's parts folder are left out. Formats no reader takes
// (.ofd, .rar, .7z, .et) get one message each.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { readExample } from '../support/helpers';
import { variantReport } from '../support/import-check';
import { docxFile, xlsxReport, zipParts } from '../support/ooxml';
import { xxgk } from './process';

const clean = readExample('examples/clean-2024.txt');
/** clean-2024 with 表三 R1's 总计 one too many: fix-all writes it back */
const wrongTotal = clean.replace('一、本年新收政府信息公开申请数量\t97\t16\t7\t14\t4\t6\t144', '一、本年新收政府信息公开申请数量\t97\t16\t7\t14\t4\t6\t145');
const published = variantReport({ seed: 3, fullWidth: false, deltas: [], blanks: [] });

const dir = mkdtempSync(join(tmpdir(), 'xxgk-archive-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string): string => join(dir, name);

interface JsonFile {
  path: string;
  source?: { format: string };
  diagnostics: { code: string; range: { start: { line: number } } }[];
  error?: string;
}
const filesOf = (stdout: string): JsonFile[] => JSON.parse(stdout).files;

/**
 * `files` zipped, the names given in `gbk` written as a Chinese Windows archiver writes them: in GBK, without the
 * UTF-8 flag (each is zipped under an ASCII stand-in of as many bytes, then its bytes are put in its place).
 */
function zipWithGbkNames(files: Record<string, string | Uint8Array>, gbk: readonly string[]): Uint8Array {
  const standIns = new Map(gbk.map((name, k) => [name, `${String.fromCharCode(65 + k).repeat(iconv.encode(name, 'gbk').length - 4)}.txt`]));
  const zip = zipParts(Object.fromEntries(Object.entries(files).map(([name, data]) => [standIns.get(name) ?? name, data])));
  for (const [name, standIn] of standIns) {
    const from = Buffer.from(standIn, 'latin1');
    const to = iconv.encode(name, 'gbk');
    for (let at = Buffer.from(zip).indexOf(from); at >= 0; at = Buffer.from(zip).indexOf(from, at + 1)) zip.set(to, at);
  }
  return zip;
}

/** Sets the "encrypted" flag of the entry named `name` in the zip's central directory. */
function markEncrypted(zip: Uint8Array, name: string): Uint8Array {
  const bytes = Buffer.from(zip);
  for (let at = bytes.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = bytes.indexOf('PK\x01\x02', at + 1, 'latin1')) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) === name) bytes[at + 8] |= 1;
  }
  return new Uint8Array(bytes);
}

const inner = zipParts({ '乡镇/某镇.txt': clean });
writeFileSync(
  path('各单位年报.zip'),
  zipWithGbkNames(
    {
      '县发改局.txt': clean,
      '教育/县教育局.txt': wrongTotal,
      'word/县卫健委.docx': docxFile(published.blocks),
      '县统计局.xlsx': xlsxReport(published.blocks, { layout: 'one-sheet', formulas: 'cached' }).bytes,
      '乡镇.zip': inner,
      '~$县发改局.docx': 'someone',
      '__MACOSX/._县发改局.txt': 'resource fork',
      '照片.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
    },
    ['县发改局.txt'],
  ),
);
writeFileSync(path('加密.zip'), markEncrypted(zipParts({ 'a.txt': clean, 'b.txt': clean }), 'b.txt'));
writeFileSync(path('损坏.zip'), zipParts({ 'a.txt': clean }).subarray(0, 40));
writeFileSync(path('空.zip'), zipParts({ 'readme.jpg': new Uint8Array([1]) }));

describe('xxgk check on a .zip', () => {
  it('reads the report files inside as a folder: paths under the archive, GBK names, formats imported, clutter left out', () => {
    const r = xxgk(['check', '--format', 'json', path('各单位年报.zip')]);
    assert.equal(r.code, 1, r.stderr);
    const files = filesOf(r.stdout);
    const inZip = (name: string) => join(path('各单位年报.zip'), ...name.split('/'));
    assert.deepEqual(files.map((f) => f.path).sort(), ['县发改局.txt', '教育/县教育局.txt', 'word/县卫健委.docx', '县统计局.xlsx', '乡镇.zip/乡镇/某镇.txt'].map(inZip).sort());
    const byPath = new Map(files.map((f) => [f.path, f]));
    assert.deepEqual(byPath.get(inZip('县发改局.txt'))!.diagnostics, []);
    assert.deepEqual(byPath.get(inZip('乡镇.zip/乡镇/某镇.txt'))!.diagnostics, []);
    assert.equal(byPath.get(inZip('word/县卫健委.docx'))!.source?.format, 'docx');
    assert.equal(byPath.get(inZip('县统计局.xlsx'))!.source?.format, 'xlsx');
    // the wrong total is found where the same text, unzipped, has it
    writeFileSync(path('县教育局.txt'), wrongTotal);
    const unzipped = filesOf(xxgk(['check', '--format', 'json', path('县教育局.txt')]).stdout)[0].diagnostics;
    assert.ok(unzipped.some((d) => d.code === 'row-total-mismatch'));
    assert.deepEqual(byPath.get(inZip('教育/县教育局.txt'))!.diagnostics, unzipped);
    assert.equal(r.stderr, '');
  });

  it('an encrypted file, a damaged archive, an archive without reports: one message each, the rest still checked', () => {
    const r = xxgk(['check', '--format', 'json', path('加密.zip'), path('损坏.zip'), path('空.zip')]);
    assert.equal(r.code, 2);
    const files = filesOf(r.stdout);
    assert.deepEqual(files.find((f) => f.path === join(path('加密.zip'), 'a.txt'))!.diagnostics, []);
    assert.match(files.find((f) => f.path === join(path('加密.zip'), 'b.txt'))!.error!, /已加密/);
    assert.match(files.find((f) => f.path === path('损坏.zip'))!.error!, /压缩包已损坏/);
    assert.match(r.stderr, /空\.zip: 压缩包中没有年报文件/);
  });

  it('in a folder, a .zip is read too, and Office lock files beside the documents are not', () => {
    const folder = mkdtempSync(join(dir, 'folder-'));
    writeFileSync(join(folder, '年报.zip'), zipParts({ '县发改局.txt': clean }));
    writeFileSync(join(folder, '~$年报.docx'), 'someone');
    const r = xxgk(['check', '--format', 'json', folder]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(filesOf(r.stdout).map((f) => f.path), [join(folder, '年报.zip', '县发改局.txt')]);
  });

  it('in a folder, a saved page’s parts folder (年报_files, 年报.files) is not walked; a folder so named without its page is', () => {
    const folder = mkdtempSync(join(dir, 'pages-'));
    writeFileSync(join(folder, '年报.htm'), '<html><body><p>示例县2024年政府信息公开工作年度报告</p></body></html>');
    for (const parts of ['年报_files', '年报.files', '资料_files']) {
      mkdirSync(join(folder, parts));
      writeFileSync(join(folder, parts, 'header.htm'), '<html><body>页眉</body></html>');
    }
    const paths = filesOf(xxgk(['check', '--format', 'json', folder]).stdout).map((f) => f.path);
    assert.deepEqual(paths, [join(folder, '年报.htm'), join(folder, '资料_files', 'header.htm')]);
  });

  it('--fix leaves the archive as it was and says why its fixes were not written', () => {
    const zip = path('修复.zip');
    writeFileSync(zip, zipParts({ '县教育局.txt': wrongTotal }));
    const before = readFileSync(zip);
    const r = xxgk(['check', '--fix', zip]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /修复\.zip\/县教育局\.txt: 有 \d+ 处可自动修复，但压缩包中的文件不会改写/);
    assert.deepEqual(readFileSync(zip), before);
  });

  it('xxgk summary gives a row per report inside', () => {
    const r = xxgk(['summary', '--format', 'json', path('各单位年报.zip')]);
    const reports: { path: string; errors: number }[] = JSON.parse(r.stdout).reports;
    assert.equal(reports.length, 5);
    assert.equal(reports.find((x) => x.path.endsWith('县教育局.txt'))!.errors > 0, true);
  });
});

describe('formats no reader takes', () => {
  it('.ofd, .rar, .7z and .et: one message each on how to convert them; an .et that is a workbook is read', () => {
    for (const [name, bytes] of [
      ['年报.ofd', zipParts({ 'OFD.xml': '<ofd:OFD/>' })],
      ['年报.rar', new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00])],
      ['年报.7z', new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
      ['统计表.et', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)])],
    ] as const) {
      writeFileSync(path(name), bytes);
      const r = xxgk(['check', path(name)]);
      assert.equal(r.code, 2, name);
      assert.match(r.stderr, { '年报.ofd': /OFD.*导出为 PDF/, '年报.rar': /\.rar 压缩包.*解压/, '年报.7z': /\.7z 压缩包.*解压/, '统计表.et': /\.et.*另存为 \.xlsx/ }[name], name);
    }
    writeFileSync(path('真表格.et'), xlsxReport(published.blocks, { layout: 'one-sheet', formulas: 'cached' }).bytes);
    const r = xxgk(['check', '--format', 'json', path('真表格.et')]);
    assert.equal(filesOf(r.stdout)[0].source?.format, 'xlsx');
  });
});
