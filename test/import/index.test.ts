// importBytes: the format chosen by the name (and, for legacy names, by what the bytes really are), one clear
// message for what cannot be read, never an exception.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { importBytes, importFormat, isFailure, type ImportResult } from '../../server/src/import';
import { variantReport } from '../support/import-check';
import { docxFile, xlsxReport, zipParts } from '../support/ooxml';

const report = variantReport({ seed: 2, fullWidth: false, deltas: [], blanks: [] });
const docx = docxFile(report.blocks);
const xlsx = xlsxReport(report.blocks, { layout: 'one-sheet', formulas: 'cached' }).bytes;
const html = new TextEncoder().encode('<html><body><p>某县2024年政府信息公开工作年度报告</p></body></html>');
/** the start of an OLE compound file: a legacy .doc/.xls, or an OOXML file with a password */
const compound = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

const now = (r: Promise<ImportResult> | ImportResult): ImportResult => {
  assert.ok(!(r instanceof Promise), 'read synchronously');
  return r as ImportResult;
};
const failure = (r: ImportResult): string => (isFailure(r) ? r.error : assert.fail(`imported as ${r.format}`));

describe('importBytes', () => {
  it('chooses the reader by extension, in any case', () => {
    assert.deepEqual(['a.html', 'b.HTM', 'c.shtml', 'd.docx', 'e.XLSX', 'f.pdf', 'g.doc', 'h.wps', 'i.xls', 'k.ET', 'l.ofd', 'm.rar', 'n.7z', 'j.txt', 'noext'].map(importFormat), [
      'html', 'html', 'html', 'docx', 'xlsx', 'pdf', 'doc', 'wps', 'xls', 'et', 'ofd', 'rar', '7z', null, null,
    ]);
    assert.equal(now(importBytes(html, '/x/年报.HTM')).format, 'html');
    assert.equal(now(importBytes(docx, 'C:\\x\\年报.docx')).format, 'docx');
    assert.equal(now(importBytes(xlsx, '年报.xlsx')).format, 'xlsx');
  });

  it('a legacy .doc, .wps or .xls: how to convert it; but a web page or an OOXML package under that name is read', () => {
    assert.equal(failure(now(importBytes(compound, '年报.doc'))), '不支持旧版 Word 格式（.doc），请用 Word 或 WPS 打开后另存为 .docx 再检查');
    assert.match(failure(now(importBytes(compound, '年报.wps'))), /\.wps.*另存为 \.docx/);
    assert.match(failure(now(importBytes(compound, '年报.xls'))), /\.xls.*另存为 \.xlsx/);
    assert.equal(now(importBytes(html, '年报.doc')).format, 'html');
    assert.equal(now(importBytes(html, '统计表.xls')).format, 'html');
    assert.equal(now(importBytes(docx, '年报.doc')).format, 'docx');
    assert.equal(now(importBytes(xlsx, '统计表.xls')).format, 'xlsx');
  });

  it('a password-protected (or renamed legacy) .docx or .xlsx, a file that is no package, an empty file: one message each', () => {
    assert.match(failure(now(importBytes(compound, '年报.docx'))), /密码.*\.doc/);
    assert.match(failure(now(importBytes(compound, '统计表.xlsx'))), /密码.*\.xls/);
    assert.match(failure(now(importBytes(html, '年报.docx'))), /不是有效的 \.docx/);
    assert.equal(failure(now(importBytes(new Uint8Array(), '年报.docx'))), '文件为空');
    assert.match(failure(now(importBytes(html, '年报.odt'))), /不支持的文件类型（\.odt）/);
  });

  it('a damaged package: a truncated zip, a document that is not XML, a package without a document', () => {
    assert.match(failure(now(importBytes(docx.subarray(0, docx.length >> 1), '年报.docx'))), /损坏/);
    const broken = zipParts({ '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document><w:body><w:p></w:body>' });
    assert.match(failure(now(importBytes(broken, '年报.docx'))), /word\/document\.xml 不是完整的 XML/);
    assert.match(failure(now(importBytes(zipParts({ 'a.txt': 'x' }), '年报.docx'))), /没有 Word 正文/);
    assert.match(failure(now(importBytes(zipParts({ 'a.txt': 'x' }), '统计表.xlsx'))), /没有 Excel 工作簿/);
  });

  it('a part that inflates beyond the bound, whatever size its headers declare: said at once, not inflated to the end', () => {
    const bomb = zipParts({ '_rels/.rels': '<Relationships/>', 'word/document.xml': new Uint8Array(65 * 1024 * 1024).fill(0x20) });
    assert.match(failure(now(importBytes(bomb, '年报.docx'))), /word\/document\.xml 解压后超过 64 MB/);
    // the same part declaring 1 KB in its local and central headers
    const liar = bomb.slice();
    const view = new DataView(liar.buffer);
    for (let at = 0; at + 4 <= liar.length; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50 && view.getUint32(at + 22, true) > 1 << 20) view.setUint32(at + 22, 1024, true);
      if (signature === 0x02014b50 && view.getUint32(at + 24, true) > 1 << 20) view.setUint32(at + 24, 1024, true);
    }
    assert.match(failure(now(importBytes(liar, '年报.docx'))), /word\/document\.xml 解压后超过 64 MB/);
  });

  it('PDF goes to the PDF reader (pdf.js by default, another when given); a damaged PDF or a rejection is a failure', async () => {
    assert.match(failure(await importBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46]), '年报.pdf')), /PDF/);
    const read = importBytes(new Uint8Array([1]), '年报.pdf', { readPdf: async () => ({ format: 'pdf', error: '无可提取文字，可能是扫描件' }) });
    assert.deepEqual(await read, { format: 'pdf', error: '无可提取文字，可能是扫描件' });
    const rejected = importBytes(new Uint8Array([1]), '年报.pdf', { readPdf: async () => Promise.reject(new Error('boom')) });
    assert.deepEqual(await rejected, { format: 'pdf', error: '文件无法导入：boom' });
  });

  it('arbitrary bytes, and a report damaged or cut short anywhere, give a text or a reader’s own message', () => {
    /** a message of the readers, not a defect of theirs caught at the last moment */
    const understood = (r: ImportResult): void => assert.ok(!isFailure(r) || !r.error.startsWith('文件无法导入'), isFailure(r) ? r.error : '');
    const names = ['a.html', 'a.docx', 'a.xlsx', 'a.doc', 'a.xls'];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(...names), (bytes, name) => understood(now(importBytes(bytes, name)))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.constantFrom(docx, xlsx), fc.nat(), fc.nat(255), (file, at, byte) => {
        const name = file === docx ? 'a.docx' : 'a.xlsx';
        const damaged = file.slice();
        damaged[at % file.length] = byte;
        understood(now(importBytes(damaged, name)));
        understood(now(importBytes(file.subarray(0, at % file.length), name)));
      }),
      { numRuns: 300 },
    );
  });
});
