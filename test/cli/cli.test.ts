// The CLI as a user runs it: a real process, real files, exit codes and the JSON of SPEC §5.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAIN_ENV } from './process';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { readExample, readSeed, SEEDS } from '../support/helpers';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const runIn = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', cwd, env: PLAIN_ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', env: PLAIN_ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const json = (...args: string[]) => {
  const r = run('--format', 'json', ...args);
  return { ...r, doc: JSON.parse(r.stdout) };
};
const tmp = (): string => mkdtempSync(join(tmpdir(), 'xxgk-cli-'));

describe('xxgk check', () => {
  it('prints the SPEC §5 JSON for a seed, and exits 0 with only an info', () => {
    const { code, doc } = json(SEEDS['000']);
    assert.equal(code, 0);
    assert.equal(doc.version, 1);
    const file = doc.files[0];
    assert.equal(file.path, SEEDS['000']);
    assert.equal(file.reports[0].year, 2024);
    assert.equal(file.reports[0].template, '2021');
    assert.match(file.reports[0].title, /湛河区曹镇乡人民政府/);
    assert.deepEqual(file.diagnostics.map((d: { code: string }) => d.code), ['unknown-citation']);
    assert.deepEqual(file.diagnostics[0].range, { start: { line: 6, character: 78 }, end: { line: 6, character: 94 } });
  });
  it('exits 1 when a report has an error, and walks folders', () => {
    const { code, doc } = json('examples');
    assert.equal(code, 1);
    assert.equal(doc.files.length, 7);
  });
  it('reads GBK, a BOM and CRLF, UTF-16 without a BOM, the same as UTF-8', () => {
    const dir = tmp();
    const text = readSeed('003');
    writeFileSync(join(dir, 'gbk.txt'), iconv.encode(text, 'gbk'));
    writeFileSync(join(dir, 'utf16le.txt'), iconv.encode(text, 'utf16le'));
    writeFileSync(join(dir, 'utf16be.txt'), iconv.encode(text, 'utf16be'));
    writeFileSync(join(dir, 'bom-crlf.txt'), '\ufeff' + text.replace(/\n/g, '\r\n'));
    const { doc } = json(dir);
    for (const f of doc.files) {
      assert.deepEqual(f.diagnostics.map((d: { code: string }) => d.code), ['label-typo'], f.path);
      assert.equal(f.diagnostics[0].range.start.line, 21);
    }
    assert.deepEqual(json('--encoding', 'gbk', join(dir, 'gbk.txt')).doc.files[0].diagnostics.length, 1);
  });
  it('says a non-report file is one, without diagnostics', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), '会议纪要\n今天讨论了三件事。\n');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
    const { code, doc } = json(dir);
    assert.equal(code, 0);
    for (const f of doc.files) {
      assert.equal(f.diagnostics.length, 0);
      assert.match(f.notice, /不是政府信息公开工作年度报告/);
    }
  });
  it('exits 2 with a message for a missing path, still printing whole JSON', () => {
    const r = json('no/such/file.txt', SEEDS['004']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no\/such\/file\.txt: 没有这个文件或文件夹/);
    assert.equal(r.doc.files.length, 2);
  });
  it('exits 2 on a bad option or no path', () => {
    assert.equal(run('--format', 'xml', 'x').code, 2);
    assert.equal(run().code, 2);
    assert.match(run().stderr, /需要至少一个文件或文件夹/);
  });
  it('prints English with --locale en, and SARIF with --format sarif', () => {
    assert.match(run('--locale', 'en', SEEDS['003']).stdout, /is not the official label/);
    const sarif = JSON.parse(run('--format', 'sarif', SEEDS['003']).stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results[0].ruleId, 'label-typo');
  });
  it('compares 上年结转 with last year’s report found in another file', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'a'));
    const year = (y: number, carried: number) =>
      readSeed('000').replace('湛河区曹镇乡人民政府 2024 年', `湛河区曹镇乡人民政府 ${y} 年`).replace(
        '四、结转下年度继续办理\t\t0\t0',
        `四、结转下年度继续办理\t\t${carried}\t0`,
      );
    writeFileSync(join(dir, 'a', '2023.txt'), year(2023, 3));
    writeFileSync(join(dir, 'a', '2024.txt'), year(2024, 0));
    const { doc } = json(dir);
    const current = doc.files.find((f: { path: string }) => f.path.endsWith('2024.txt'));
    assert.ok(current.diagnostics.some((d: { code: string }) => d.code === 'carryover-mismatch'));
  });
  it('takes last year’s report from the report’s own folder before another folder’s, whatever the order of the paths, in one thread or a pool', () => {
    const dir = tmp();
    const year = (y: number, carried: number) =>
      readSeed('000').replace('湛河区曹镇乡人民政府 2024 年', `湛河区曹镇乡人民政府 ${y} 年`).replace('四、结转下年度继续办理\t\t0\t0', `四、结转下年度继续办理\t\t${carried}\t0`);
    for (const folder of ['A', 'B']) mkdirSync(join(dir, folder));
    // A's own 2023 report carries 3 over, which A's 2024 report does not take up; B's carries none
    writeFileSync(join(dir, 'A', '2023.txt'), year(2023, 3));
    writeFileSync(join(dir, 'A', '2024.txt'), year(2024, 0));
    writeFileSync(join(dir, 'B', '2023.txt'), year(2023, 0));
    const carried = (env: NodeJS.ProcessEnv, ...paths: string[]): number => {
      const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...paths], { encoding: 'utf8', env: { ...PLAIN_ENV, ...env } });
      const file = JSON.parse(r.stdout).files.find((f: { path: string }) => f.path.endsWith(join('A', '2024.txt')));
      return file.diagnostics.filter((d: { code: string }) => d.code === 'carryover-mismatch').length;
    };
    for (const env of [{}, { XXGK_THREADS: '2' }]) {
      const [ab, ba] = [carried(env, join(dir, 'A'), join(dir, 'B')), carried(env, join(dir, 'B'), join(dir, 'A'))];
      assert.ok(ab > 0, 'A’s 2024 report is held to A’s 2023 report');
      assert.equal(ba, ab, JSON.stringify(env));
    }
  });
  it('reads xxgk.config.json from the current folder or a parent, as the editor does; a broken one is exit 2', () => {
    const dir = tmp();
    const broken = join(process.cwd(), 'examples', 'arithmetic-errors-2024.txt');
    mkdirSync(join(dir, 'sub'));
    const plain = JSON.parse(runIn(join(dir, 'sub'), '--format', 'json', broken).stdout);
    assert.ok(plain.files[0].diagnostics.some((d: { code: string }) => d.code === 'row-total-mismatch'));
    writeFileSync(join(dir, 'xxgk.config.json'), JSON.stringify({ severity: { 'row-total-mismatch': 'off', 'balance-mismatch': 'warning' }, locale: 'en' }));
    const configured = runIn(join(dir, 'sub'), '--format', 'json', broken);
    const diagnostics = JSON.parse(configured.stdout).files[0].diagnostics as { code: string; severity: string; message: string }[];
    assert.ok(!diagnostics.some((d) => d.code === 'row-total-mismatch'));
    assert.ok(diagnostics.filter((d) => d.code === 'balance-mismatch').every((d) => d.severity === 'warning'));
    assert.match(diagnostics[0].message, /^Table/);
    writeFileSync(join(dir, 'xxgk.config.json'), '{"severity": {"row-total-mismatch": "loud"}}');
    const bad = runIn(join(dir, 'sub'), broken);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /xxgk\.config\.json: severity of "row-total-mismatch" must be one of off, info, warning, error/);
  });
  it('skips a pipe named *.txt in a folder and refuses one given by name, instead of waiting on it forever', () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    writeFileSync(join(dir, 'a.txt'), readSeed('004'));
    const inFolder = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', dir], { encoding: 'utf8', timeout: 20000, env: PLAIN_ENV });
    assert.equal(inFolder.status, 0);
    assert.deepEqual(JSON.parse(inFolder.stdout).files.map((f: { path: string }) => f.path), [join(dir, 'a.txt')]);
    const named = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', join(dir, 'pipe.txt')], { encoding: 'utf8', timeout: 20000, env: PLAIN_ENV });
    assert.equal(named.status, 2);
    assert.match(JSON.parse(named.stdout).files[0].error, /不是普通文件/);
  });
  it('checks a folder of 10,000 files, printing one whole JSON document', { timeout: 120000 }, () => {
    const dir = tmp();
    const report = readSeed('004');
    for (let i = 0; i < 10000; i++) writeFileSync(join(dir, `f${String(i).padStart(5, '0')}.txt`), i % 100 === 0 ? report : `第${i}号通知\n今天开会。\n`);
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 110000, env: PLAIN_ENV });
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.files.length, 10000);
    assert.equal(doc.files.filter((f: { reports: unknown[] }) => f.reports.length === 1).length, 100);
    assert.equal(doc.files.filter((f: { notice?: string }) => f.notice).length, 9900);
  });
  it('--format html writes one self-contained page: a summary row per report, tables with the wrong cells marked', () => {
    const r = run('--format', 'html', 'examples/arithmetic-errors-2024.txt', SEEDS['004']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<!doctype html>/);
    assert.equal((r.stdout.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g) ?? []).length, 2);
    assert.match(r.stdout, /<td class="cell value error" data-line="31" title="row-total-mismatch: [^"]+">145<\/td>/);
    assert.match(r.stdout, /<th colspan="5" rowspan="1">法人或其他组织<\/th>/);
    assert.doesNotMatch(r.stdout, /(src|href)="https?:/, 'nothing remote');
    assert.match(r.stdout, /Content-Security-Policy/);
  });
  it('--format html on a CRLF file: each paragraph and each problem names its real line', () => {
    const dir = tmp();
    const file = join(dir, 'crlf.txt');
    const text = readExample('examples/arithmetic-errors-2024.txt').replace(/\r?\n/g, '\r\n');
    writeFileSync(file, text);
    const r = run('--format', 'html', file);
    const lines = text.split('\r\n');
    const paragraphs = [...r.stdout.matchAll(/<p data-line="(\d+)">([^<]*)<\/p>/g)];
    assert.equal(paragraphs.length, 3);
    for (const [, line, shown] of paragraphs) assert.equal(lines[Number(line)].trim(), shown);
    const places = [...r.stdout.matchAll(/<li class="\w+" data-line="(\d+)"><span class="where">第 (\d+) 行<\/span>/g)];
    assert.ok(places.length > 0);
    for (const [, line, shown] of places) assert.equal(Number(shown), Number(line) + 1);
    assert.ok(places.some(([, , shown]) => lines[Number(shown) - 1].startsWith('一、本年新收政府信息公开申请数量') && lines[Number(shown) - 1].endsWith('\t145')));
  });
});
