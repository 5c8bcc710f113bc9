// The tables in the editor, over real JSON-RPC: Format Document at the editor's tab size and what it tells the
// user when it cannot align or changes nothing; the 表格视图 CodeLens above each table; the edit of a cell typed
// in the table view (exactly its span, for the version the preview was drawn from).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkText } from '../../server/src/engine';
import { applyLspEdits, LspClient, type LspDiagnostic, type LspTextEdit } from '../support/lsp-client';
import { readExample, readSeed } from '../support/helpers';

const SPACES_4 = { tabSize: 4, insertSpaces: false };

describe('tables in the editor, over JSON-RPC', () => {
  let client: LspClient;
  let n = 0;
  const uri = (): string => `untitled:tables-${++n}.xxgk`;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });
  const format = (u: string, tabSize = 4) => client.request<LspTextEdit[]>('textDocument/formatting', { textDocument: { uri: u }, options: { ...SPACES_4, tabSize } });
  /** the messages shown while `run` ran */
  const shown = async (run: () => Promise<unknown>): Promise<string[]> => {
    const from = client.messages.length;
    // the server sends its message before its reply, on the same stream
    await run();
    return client.messages.slice(from);
  };

  it('aligns table 三 at the tab size the editor asks for, and says nothing when every row could be aligned', async () => {
    const text = readSeed('003');
    const u = uri();
    await client.open(u, text);
    let edits: LspTextEdit[] = [];
    assert.deepEqual(await shown(async () => (edits = await format(u, 8))), []);
    const formatted = applyLspEdits(text, edits);
    const line = (start: string): string => formatted.split('\n').find((l) => l.startsWith(start))!;
    // the widest label (of a （六） row, after two fields) ends before column 94: the cells start at the tab stop 96;
    // this 32-column label is padded with spaces to 88, the stop before, and one tab per cell follows
    assert.equal(line('一、本年新收'), `一、本年新收政府信息公开申请数量${' '.repeat(56)}${'\t0'.repeat(7)}`);
    assert.equal(line('(七) 总计'), `(七) 总计${' '.repeat(79)}${'\t0'.repeat(7)}`);
  });

  it('tells the user, in the report language, which rows a one-cell-per-line table leaves as written', async () => {
    const u = uri();
    await client.open(u, readSeed('002'));
    let edits: LspTextEdit[] = [];
    const messages = await shown(async () => (edits = await format(u)));
    assert.deepEqual(edits, []);
    assert.deepEqual(messages, [
      '格式化未对齐表二 6 行、表三 25 行、表四 1 行：这些行的数值不与标签同在一行（一格一行，或 PDF 文本折行），或本行的数不全、夹有其他文字',
    ]);
  });

  it('refuses with a warning, and no edit, where the aligned text would be read differently', async () => {
    const u = uri();
    await client.open(u, readExample('examples/seed-003-yanjin-tapu-2024.txt').replace('四、结转下年度继续办理', `${'说明'.repeat(700)}\t四、结转下年度继续办理`));
    let edits: LspTextEdit[] = [];
    const messages = await shown(async () => (edits = await format(u)));
    assert.deepEqual(edits, []);
    assert.deepEqual(messages, ['格式化未作改动：对齐后表三会被读成不同的数值']);
  });

  it('puts a 表格视图 lens on the first line of each table, opening the table view at that report and table', async () => {
    const text = readExample('examples/arithmetic-errors-2024.txt');
    const u = uri();
    await client.open(u, text);
    const lenses = await client.request<{ range: LspTextEdit['range']; command: { title: string; command: string; arguments: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri: u } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.range.start.character, l.command.title, l.command.command, l.command.arguments]),
      [
        [text.split('\n').indexOf('第二十条第（一）项'), 0, '表格视图', 'xxgk.openTableView', [u, 0, '二']],
        [text.split('\n').findIndex((l) => l.startsWith('（本列数据的勾稽关系')), 0, '表格视图', 'xxgk.openTableView', [u, 0, '三']],
        [text.split('\n').indexOf('行政复议'), 0, '表格视图', 'xxgk.openTableView', [u, 0, '四']],
      ],
    );
  });

  it('a cell typed in the table view replaces exactly that cell, the diagnostics follow, and a stale preview is refused', async () => {
    const text = readExample('examples/arithmetic-errors-2024.txt');
    const u = uri();
    await client.open(u, text, 5);
    const preview = await client.request<{ version: number; html: string }>('xxgk/preview', { uri: u });
    const key = /data-cell="([^"]+)" tabindex="0" title="row-total-mismatch[^"]*">145</.exec(preview.html)![1];
    assert.equal(key, '0:三:R1:6');
    const line = text.split('\n').findIndex((l) => l.startsWith('一、本年新收'));
    const character = text.split('\n')[line].lastIndexOf('145');
    const edit = await client.request<{ range: LspTextEdit['range']; newText: string }>('xxgk/cellEdit', { uri: u, version: preview.version, cell: key, text: '144' });
    assert.deepEqual(edit, { range: { start: { line, character }, end: { line, character: character + 3 } }, newText: '144' });
    // the preview of version 5 cannot write into version 6
    await client.change(u, 6, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    assert.deepEqual(await client.request('xxgk/cellEdit', { uri: u, version: 5, cell: key, text: '144' }), {
      refused: '表格视图显示的不是最新的文本，这次修改未写入；表格已刷新，请再输入一次',
    });
    assert.deepEqual(await client.request('xxgk/cellEdit', { uri: u, version: 6, cell: key, text: '申请数量' }), {
      refused: '“申请数量”写入后不会被读作这一格的数值，修改未写入；请输入一个数字（或 /、- 表示空白）',
    });
    // applied as the client applies it, the row total's diagnostic goes
    const moved = await client.request<{ range: LspTextEdit['range']; newText: string }>('xxgk/cellEdit', { uri: u, version: 6, cell: key, text: '144' });
    assert.equal(moved.range.start.line, line + 1);
    await client.change(u, 7, [{ range: moved.range, text: moved.newText }]);
    const published = await client.diagnostics(u, (p) => p.version === 7);
    const rowTotals = (ds: readonly { code?: unknown }[]) => ds.filter((d) => d.code === 'row-total-mismatch').length;
    assert.equal(rowTotals(published.diagnostics as LspDiagnostic[]), rowTotals(checkText(text).diagnostics) - 1);
  });
});

describe('tables in the editor, in English', () => {
  it('with xxgk.locale en: the lens, the preview header and a refusal are in English', async () => {
    const client = await LspClient.start({ settings: { locale: 'en' } });
    try {
      const u = 'untitled:tables-en.xxgk';
      await client.open(u, readExample('examples/arithmetic-errors-2024.txt'), 3);
      // the settings are pulled once the server is initialized: English diagnostics say they apply
      await client.diagnostics(u, (p) => /^Table/.test(p.diagnostics[0]?.message ?? ''));
      const lenses = await client.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: u } });
      assert.deepEqual(lenses.map((l) => l.command.title), ['Table view', 'Table view', 'Table view']);
      const preview = await client.request<{ html: string }>('xxgk/preview', { uri: u });
      assert.match(preview.html, /<p class="meta">Year 2024 · 2021 template<\/p>/);
      assert.deepEqual(await client.request('xxgk/cellEdit', { uri: u, version: 3, cell: '0:三:R1:6', text: '' }), {
        refused: 'The table view cannot clear a cell; delete a value in the text',
      });
    } finally {
      await client.stop();
    }
  });
});
