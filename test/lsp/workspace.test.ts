// The server's workspace scan over JSON-RPC, on folders that used to stop it: links in a loop, pipes, devices,
// endless /proc files, and more bytes than it should ever hold. Every folder made here is removed after.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseDocument } from '../../server/src/engine';
import { importBytes, isFailure, originAt, originSuffix } from '../../server/src/import';
import { readExample, readSeed } from '../support/helpers';
import { htmlPage } from '../support/html-pages';
import { variantReport } from '../support/import-check';
import { fileUri, LspClient, type Published } from '../support/lsp-client';

interface Checked {
  files: number;
  reports: number;
  problems: number;
  skipped: number;
  undecodable: number;
  stopped: string | null;
  message: string;
}

const CLEAN = readExample('examples/clean-2024.txt');
const LAST_YEAR = CLEAN.replace(/2024年/g, '2023年').replace('发布时间：2025-01-15', '发布时间：2024-01-15');
/** This year's report, whose 上年结转 disagrees with LAST_YEAR's 结转下年度: carryover-mismatch once LAST_YEAR is read. */
const THIS_YEAR = CLEAN.replace('二、上年结转政府信息公开申请数量\t2\t', '二、上年结转政府信息公开申请数量\t3\t');
const hasCarryover = (p: Published): boolean => p.diagnostics.some((d) => d.code === 'carryover-mismatch');

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-ws-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** `promise`, or a failure after `ms` (a server that answers nothing must fail the test, not hang it). */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const checkWorkspace = (client: LspClient): Promise<Checked> =>
  client.request<Checked>('workspace/executeCommand', { command: 'xxgk.server.checkWorkspace', arguments: [] });

/**
 * Hover requests one after another while `busy()`: how many were answered before it was done (a server that blocked
 * on the scan would answer none until the end), and the slowest answer, for the message.
 */
async function answersWhile(client: LspClient, uri: string, busy: () => boolean, deadlineMs: number): Promise<{ answered: number; slowest: number }> {
  let slowest = 0;
  let answered = 0;
  const deadline = Date.now() + deadlineMs;
  while (busy() && Date.now() < deadline) {
    const sent = Date.now();
    await within(deadlineMs, client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), 'hover');
    if (busy()) answered++;
    slowest = Math.max(slowest, Date.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { answered, slowest };
}

describe('workspace scan', () => {
  it('reads through links in a loop and past a pipe, /dev/zero and an endless /proc file, saying what it skipped', { timeout: 60000 }, async () => {
    const dir = tempDir({ 'last-2023.txt': LAST_YEAR, 'broken-2024.txt': readExample('examples/arithmetic-errors-2024.txt') });
    symlinkSync('.', join(dir, 'loop'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    const endless = existsSync('/proc/self/pagemap');
    if (endless) symlinkSync('/proc/self/pagemap', join(dir, 'endless.txt'));
    const client = await LspClient.start({ rootPath: dir });
    try {
      const u = fileUri(join(dir, 'this-2024.xxgk'));
      await client.open(u, THIS_YEAR);
      await within(20000, client.diagnostics(u, hasCarryover), 'carryover from the scanned workspace');
      const result = await within(20000, checkWorkspace(client), 'check workspace');
      assert.equal(result.files, 2, result.message);
      assert.equal(result.reports, 2);
      assert.equal(result.skipped, endless ? 3 : 2);
      assert.equal(result.stopped, null);
      assert.match(result.message, new RegExp(`；${endless ? 3 : 2} 个文件未读取`));
    } finally {
      await client.stop();
    }
  });

  it('checks a file with a stray byte, and says how many files held undecodable bytes', { timeout: 30000 }, async () => {
    const dir = tempDir({ 'clean-2024.txt': CLEAN });
    const bytes = Buffer.from(CLEAN.replace('一、总体情况', '一、总体情况\u0000'));
    bytes[bytes.indexOf(0)] = 0xff;
    writeFileSync(join(dir, 'stray-2023.txt'), bytes);
    const client = await LspClient.start({ rootPath: dir });
    try {
      const result = await within(20000, checkWorkspace(client), 'check workspace');
      assert.equal(result.files, 2, result.message);
      assert.equal(result.reports, 2, 'the file with the stray byte is checked');
      assert.equal(result.undecodable, 1);
      assert.match(result.message, /；1 个文件含无法解码的字节，已替换为“\uFFFD”后检查/);
    } finally {
      await client.stop();
    }
    const clean = await LspClient.start({ rootPath: tempDir({ 'clean-2024.txt': CLEAN }) });
    try {
      const result = await within(20000, checkWorkspace(clean), 'check workspace');
      assert.equal(result.undecodable, 0);
      assert.doesNotMatch(result.message, /无法解码/);
    } finally {
      await clean.stop();
    }
  });

  it('reports an xxgk.config.json that is a pipe instead of waiting on it', { timeout: 30000 }, async () => {
    const dir = tempDir({});
    execFileSync('mkfifo', [join(dir, 'xxgk.config.json')]);
    const client = await within(10000, LspClient.start({ rootPath: dir }), 'initialize');
    try {
      const u = fileUri(join(dir, 'a.xxgk'));
      await client.open(u, CLEAN);
      await within(10000, client.diagnostics(u), 'diagnostics');
      assert.ok(client.messages.some((m) => /xxgk\.config\.json: not a regular file/.test(m)), client.messages.join('\n'));
    } finally {
      await client.stop();
    }
  });

  it('scans in the background within a byte budget: requests answered meanwhile, "check workspace" says where it stopped', { timeout: 120000 }, async () => {
    // 40 files of 1.9 MB (each under the 2 MB a file, 76 MB in all): more than the 64 MB one scan reads
    let big = '';
    while (Buffer.byteLength(big) < 1.9 * 1024 * 1024) big += readSeed('004') + '\n';
    const files: Record<string, string> = { 'a-last-2023.txt': LAST_YEAR };
    for (let i = 0; i < 40; i++) files[`big-${String(i).padStart(2, '0')}.txt`] = big;
    const dir = tempDir(files);
    const client = await LspClient.start({ rootPath: dir });
    try {
      const u = fileUri(join(dir, 'this-2024.xxgk'));
      await client.open(u, THIS_YEAR);
      let scanned = false;
      void client.diagnostics(u, hasCarryover, 60000).then(() => (scanned = true));
      const duringScan = await answersWhile(client, u, () => !scanned, 60000);
      assert.ok(scanned, 'the scan ends and last year’s report is used');
      let checked: Checked | null = null;
      const command = checkWorkspace(client).then((r) => (checked = r));
      const duringCheck = await answersWhile(client, u, () => checked === null, 60000);
      const result = await within(60000, command, 'check workspace');
      // answered while the scan and the check went on, not after them (speed itself is measured in npm run bench)
      const said = `answers: ${duringScan.answered} during the scan (slowest ${duringScan.slowest} ms), ${duringCheck.answered} during the check (slowest ${duringCheck.slowest} ms)`;
      assert.ok(duringScan.answered >= 2 && duringCheck.answered >= 2, said);
      assert.equal(result.stopped, 'bytes');
      assert.ok(result.files > 30 && result.files < 41, `${result.files} files read`);
      assert.match(result.message, /已达到检查上限（5000 个文件、64 MB 或 100000 个问题），其余文件未检查$/);
    } finally {
      await client.stop();
    }
  });

  it('"check workspace" stops publishing at 100,000 problems and says so', { timeout: 120000 }, async () => {
    // each file 55,000 unknown-citation problems in 1.8 MB: the budget is reached after two of the three
    const citing = readExample('examples/arithmetic-errors-2024.txt').replace('一、总体情况\n', `一、总体情况\n${'国办公开办函〔2020〕1号\n'.repeat(55000)}`);
    const dir = tempDir({ 'a.txt': citing, 'b.txt': citing, 'c.txt': citing });
    const client = await LspClient.start({ rootPath: dir, latestOnly: true });
    try {
      const result = await within(100000, checkWorkspace(client), 'check workspace');
      assert.equal(result.stopped, 'problems', result.message);
      assert.equal(result.reports, 2);
      assert.ok(result.problems >= 100000 && result.problems < 120000, `${result.problems}`);
      assert.match(result.message, /其余文件未检查$/);
      assert.equal(client.published.some((p) => p.uri.endsWith('c.txt')), false);
    } finally {
      await client.stop();
    }
  });
});

describe('settings and the files "check all reports in the workspace" published', () => {
  it('a change of language re-publishes the files that are not open, so Problems never mixes the two', { timeout: 60000 }, async () => {
    const dir = tempDir({ 'a.txt': readExample('examples/arithmetic-errors-2024.txt') });
    const client = await LspClient.start({ rootPath: dir });
    try {
      await within(30000, checkWorkspace(client), 'check workspace');
      const uri = fileUri(join(dir, 'a.txt'));
      const zh = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.match(zh.diagnostics[0].message, /^表/);
      client.settings = { locale: 'en' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { xxgk: client.settings } });
      const en = await client.diagnostics(uri, (p) => p.diagnostics.length > 0 && /^Table/.test(p.diagnostics[0].message));
      assert.equal(en.diagnostics.length, zh.diagnostics.length);
    } finally {
      await client.stop();
    }
  });
});

describe('"check all reports in the workspace" and the published formats', () => {
  it('imports a web page as the CLI does: its problems on the page, at its start, each naming its cell in the page', { timeout: 60000 }, async () => {
    const page = variantReport({ seed: 3, fullWidth: false, deltas: [{ key: { table: '三', row: 'R3', col: 6 }, delta: 2 }], blanks: [] });
    const bytes = htmlPage(page.blocks, 'cms-gbk');
    const dir = tempDir({ 'a.txt': readExample('examples/arithmetic-errors-2024.txt') });
    writeFileSync(join(dir, '年报.html'), bytes);
    const imported = await importBytes(bytes, '年报.html');
    assert.ok(!isFailure(imported));
    const client = await LspClient.start({ rootPath: dir });
    try {
      const checked = await within(30000, checkWorkspace(client), 'check workspace');
      assert.deepEqual({ files: checked.files, reports: checked.reports }, { files: 2, reports: 2 });
      const uri = fileUri(join(dir, '年报.html'));
      const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
      const wrong = diagnostics.find((d) => d.code === 'row-total-mismatch');
      assert.ok(wrong, JSON.stringify(diagnostics));
      assert.ok(diagnostics.every((d) => d.range.start.line === 0 && d.range.start.character === 0 && d.range.end.line === 0 && d.data === undefined));
      // the same cell the CLI names: the origin of the wrong total in the imported text
      const total = parseDocument(imported.text).reports[0].tables['三']!.rows.get('R3')!.cells![6].span;
      const origin = originAt(imported, total)!;
      assert.ok(wrong.message.endsWith(originSuffix('zh', origin)), wrong.message);
      // （一）予以公开's row on the page: 三、本年度办理结果 (spanning the rows of 三), its label and seven values
      assert.match(wrong.message, /（表 2 第 \d+ 行第 9 格）$/);
    } finally {
      await client.stop();
    }
  });
});
