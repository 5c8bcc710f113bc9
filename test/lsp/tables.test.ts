// The tables in the editor, over real JSON-RPC: Format Document at the editor's tab size and what it tells the
// user when it cannot align or changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyLspEdits, LspClient, type LspTextEdit } from '../support/lsp-client';
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
});
