// The import request over real JSON-RPC, as the extension makes it: the server reads a real Word document (and a
// PDF, through its lazily loaded pdf.js), answers the text and a name, and the document that opens with that text
// gets the origins: the hover of a cell names its place in the file, through edits elsewhere and a save under a
// name, and no longer once the cell itself is edited. Files that cannot be imported get one message.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LineIndex } from '../../server/src/engine';
import { importBytes, isFailure, originAt, sourceLine } from '../../server/src/import';
import type { ImportReply } from '../../server/src/protocol';
import { variantReport } from '../support/import-check';
import { fileUri, LspClient, type LspDiagnostic } from '../support/lsp-client';
import { keyName } from '../support/official';
import { docxFile, xlsxReport } from '../support/ooxml';
import { encryptedPdf, pdfWithoutEmbeddedFont } from '../support/pdf-minimal';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Uint8Array | string): string => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};

/** A report whose table 三 row R1 has a wrong 总计 (one more than its parts), as a Word document. */
const report = variantReport({ seed: 7, fullWidth: false, deltas: [{ key: { table: '三', row: 'R1', col: 6 }, delta: 1 }], blanks: [] });
const docx = docxFile(report.blocks);
const TITLE = '示例县发展和改革局2024年政府信息公开工作年度报告';

const importFile = (client: LspClient, path: string): Promise<ImportReply> => client.request<ImportReply>('xxgk/import', { uri: fileUri(path) });

async function hoverText(client: LspClient, uri: string, position: LspDiagnostic['range']['start']): Promise<string> {
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
  return hover?.contents.value ?? '';
}

/** Opens `uri` empty and writes the text in, as the extension does (an untitled document, then one edit). */
async function openAsTheExtensionDoes(client: LspClient, uri: string, text: string): Promise<void> {
  await client.open(uri, '', 1);
  await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }]);
}

describe('xxgk/import', () => {
  it('imports a Word document; the hover of its wrong total names the cell in the file, after edits elsewhere and a save under a name, and not once the cell is edited', { timeout: 60000 }, async () => {
    const path = write('report.docx', docx);
    const imported = await importBytes(docx, path);
    assert.ok(!isFailure(imported));
    const client = await LspClient.start({ rootPath: dir });
    try {
      const reply = await importFile(client, path);
      assert.ok('text' in reply, JSON.stringify(reply));
      assert.deepEqual({ name: reply.name, format: reply.format, text: reply.text }, { name: TITLE, format: 'docx', text: imported.text });

      const uri = `untitled:${reply.name}.xxgk`;
      await openAsTheExtensionDoes(client, uri, reply.text);
      const published = await client.diagnostics(uri, (p) => p.version === 2 && p.diagnostics.some((d) => d.code === 'row-total-mismatch'));
      const wrong = published.diagnostics.find((d) => d.code === 'row-total-mismatch')!;
      const lines = new LineIndex(reply.text);
      const span = { start: lines.offsetAt(wrong.range.start), end: lines.offsetAt(wrong.range.end) };
      assert.equal(reply.text.slice(span.start, span.end), String(report.values.table3.R1[6]));
      const origin = originAt(imported, span)!;
      assert.ok(origin && 'table' in origin, JSON.stringify(origin));
      const place = sourceLine('zh', origin);
      assert.match(place, /^来源：表 \d+ 第 \d+ 行第 \d+ 格$/);
      assert.ok((await hoverText(client, uri, wrong.range.start)).endsWith(`\n\n${place}`));

      // a line added above: the cell moved down one line, its text as imported
      await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '附件：\n' }]);
      const moved = { line: wrong.range.start.line + 1, character: wrong.range.start.character };
      assert.ok((await hoverText(client, uri, moved)).endsWith(place));

      // saved under a name: the file opens with the same text, then the untitled document closes
      const saved = fileUri(join(dir, `${reply.name}.xxgk`));
      await client.open(saved, `附件：\n${reply.text}`, 1);
      await client.close(uri);
      assert.ok((await hoverText(client, saved, moved)).endsWith(place));

      // the total itself rewritten: its text is no longer the file's, and no place is named for it
      const total = { start: moved, end: { line: moved.line, character: moved.character + wrong.range.end.character - wrong.range.start.character } };
      await client.change(saved, 2, [{ range: total, text: String(report.values.table3.R1[6] - 1) }]);
      const after = await hoverText(client, saved, moved);
      assert.match(after, /表三/);
      assert.doesNotMatch(after, /来源/);
    } finally {
      await client.stop();
    }
  });

  it('reads a PDF with the server\'s own pdf.js chunk and the GB CMaps beside it', { timeout: 60000 }, async () => {
    const client = await LspClient.start({ rootPath: dir });
    try {
      const reply = await importFile(client, write('title.pdf', pdfWithoutEmbeddedFont(TITLE)));
      assert.ok('text' in reply, JSON.stringify(reply));
      assert.deepEqual({ text: reply.text.trim(), format: reply.format }, { text: TITLE, format: 'pdf' });
    } finally {
      await client.stop();
    }
  });

  it('a workbook whose 总计 formula leaves out an addend: formula-range told with the import, and on the file in the workspace check', { timeout: 60000 }, async () => {
    const clean = variantReport({ seed: 7, fullWidth: false, deltas: [], blanks: [] });
    const row = Object.keys(clean.values.table3).find((k) => k.startsWith('R') && clean.values.table3[k][5] > 0)!;
    const total = keyName({ table: '三', row, col: 6 });
    const book = xlsxReport(clean.blocks, { layout: 'one-sheet', formulas: 'cached', shortRange: total });
    const folder = mkdtempSync(join(dir, 'book-'));
    const path = join(folder, 'short-sum.xlsx');
    writeFileSync(path, book.bytes);
    const { cell } = book.placement.get(total)!;
    const client = await LspClient.start({ rootPath: folder });
    try {
      const reply = await importFile(client, path);
      assert.ok('notes' in reply, JSON.stringify(reply));
      assert.deepEqual(reply.notes.filter((n) => n.includes('的公式')).length, 1, JSON.stringify(reply.notes));
      assert.match(reply.notes.find((n) => n.includes('的公式'))!, new RegExp(`${cell} 的公式 =SUM\\(D\\d+:H\\d+\\) 未包括`));
      await client.request('workspace/executeCommand', { command: 'xxgk.server.checkWorkspace', arguments: [] });
      const { diagnostics } = await client.diagnostics(fileUri(path), (p) => p.diagnostics.some((d) => d.code === 'formula-range'));
      const found = diagnostics.filter((d) => d.code === 'formula-range');
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 2, 'a warning');
    } finally {
      await client.stop();
    }
  });

  it('answers one message for a file that cannot be imported: a password, a legacy .doc, a file not on disk, a file not there', { timeout: 60000 }, async () => {
    const client = await LspClient.start({ rootPath: dir });
    try {
      assert.deepEqual(await importFile(client, write('locked.pdf', encryptedPdf())), { error: '无法导入 locked.pdf：PDF 已加密，需要密码才能打开：请提供未加密的文件' });
      assert.deepEqual(await importFile(client, write('old.doc', '\u00d0\u00cf\u0011\u00e0 legacy Word')), {
        error: '无法导入 old.doc：不支持旧版 Word 格式（.doc），请用 Word 或 WPS 打开后另存为 .docx 再检查',
      });
      assert.deepEqual(await client.request('xxgk/import', { uri: 'https://example.org/report.pdf' }), { error: '无法导入 https://example.org/report.pdf：只能导入磁盘上的文件' });
      const missing = await importFile(client, join(dir, 'gone.docx'));
      assert.ok('error' in missing && missing.error.startsWith('无法导入 gone.docx：'), JSON.stringify(missing));
    } finally {
      await client.stop();
    }
  });
});
