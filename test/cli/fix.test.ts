// `xxgk check --fix` as a process on copies of the examples: the safe fixes written in place, each change told
// as path:line:col old → new, the file's encoding, byte order mark and line breaks kept byte for byte, the exit
// status that of what remains, and a second run changing nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { readExample, SEEDS } from '../support/helpers';
import { linesOf, xxgk } from './process';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'xxgk-fix-'));
const EXAMPLE = readExample('examples/arithmetic-errors-2024.txt');
const R25 = ['四、结转下年度继续办理\t0\t2\t2\t1\t2\t1\t9', '四、结转下年度继续办理\t0\t2\t2\t1\t2\t1\t8'];
/**
 * The example with 四's 总计 right, so that each of its four wrong totals is forced: in the example itself 一's and
 * 四's 总计 are both one more than their parts, which one application left out of the same column of 一 and of 四
 * explains as well as two wrong totals
 */
const BROKEN = EXAMPLE.replace(R25[0], R25[1]);
/** BROKEN with its four wrong totals set to the sums of their known parts, as fix-all must make them */
const FIXED = BROKEN.replace('\t6\t145\n', '\t6\t144\n')
  .replace('（七）总计\t101\t15\t5\t13\t2\t6\t142', '（七）总计\t99\t15\t5\t13\t2\t6\t140')
  .replace('1\t1\t0\t1\t4\t3\t0\t1\t1\t5\t1\t2\t1\t1\t5', '1\t1\t0\t1\t3\t3\t0\t1\t1\t5\t1\t2\t1\t1\t5');
const CHANGES = ['32:33: 145 → 144', '60:7: 101 → 99', '60:23: 142 → 140', '70:9: 4 → 3'];

describe('xxgk check --fix', () => {
  it('writes the safe fixes, tells each as path:line:col old → new, then checks what remains (exit 0 once no error is left)', () => {
    assert.notEqual(FIXED, BROKEN);
    const dir = tmp();
    const file = join(dir, 'a.txt');
    writeFileSync(file, BROKEN);
    assert.equal(xxgk(['check', file]).code, 1);
    const r = xxgk(['check', '--fix', file]);
    assert.equal(r.code, 0, r.stderr);
    const lines = linesOf(r.stdout);
    assert.deepEqual(lines.slice(0, 5), [...CHANGES.map((c) => `${file}:${c}`), '已修复 4 处（1 个文件）']);
    assert.ok(lines.slice(5).every((line) => !/error/.test(line)), r.stdout);
    assert.equal(readFileSync(file, 'utf8'), FIXED);
  });

  it('a crawled page’s &nbsp; between the cells: the wrong totals found and written, every other byte as it was, the markup too', () => {
    const dir = tmp();
    const file = join(dir, 'a.txt');
    const nbsp = (text: string): string => text.replace(/\t/g, '&nbsp;');
    writeFileSync(file, nbsp(BROKEN));
    const r = xxgk(['check', '--fix', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(linesOf(r.stdout)[4], '已修复 4 处（1 个文件）');
    assert.equal(readFileSync(file, 'utf8'), nbsp(FIXED));
  });

  it('leaves two totals that an equally small correction of their parts explains: the example as shipped', () => {
    const dir = tmp();
    const file = join(dir, 'a.txt');
    writeFileSync(file, EXAMPLE);
    const r = xxgk(['check', '--fix', file]);
    assert.equal(r.code, 1, 'the two totals remain errors');
    const lines = linesOf(r.stdout);
    assert.deepEqual(lines.slice(0, 4), [...CHANGES.filter((c) => !c.startsWith('32:')).map((c) => `${file}:${c}`), '已修复 3 处（1 个文件）']);
    assert.deepEqual(
      lines.filter((line) => / error /.test(line)).map((line) => line.split(' ')[0]),
      [`${file}:32:33:`, `${file}:61:25:`],
    );
    assert.equal(readFileSync(file, 'utf8'), FIXED.replace('\t6\t144\n', '\t6\t145\n').replace(R25[1], R25[0]));
  });

  it('a second --fix changes nothing: no change told, the bytes and the modification time untouched', () => {
    const dir = tmp();
    const file = join(dir, 'a.txt');
    writeFileSync(file, BROKEN);
    xxgk(['check', '--fix', file]);
    const before = statSync(file).mtimeMs;
    const again = xxgk(['check', '--fix', file]);
    assert.equal(again.code, 0);
    assert.doesNotMatch(again.stdout, /→|已修复/);
    assert.equal(again.stdout, xxgk(['check', file]).stdout);
    assert.equal(readFileSync(file, 'utf8'), FIXED);
    assert.equal(statSync(file).mtimeMs, before);
  });

  it('keeps a GBK file GBK, a BOM and CRLF line breaks, UTF-16 as UTF-16: only the edited cells change', () => {
    const dir = tmp();
    const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
    const cases = {
      'gbk-crlf.txt': { before: iconv.encode(crlf(BROKEN), 'gbk'), after: iconv.encode(crlf(FIXED), 'gbk') },
      'bom-crlf.txt': { before: Buffer.from(`\ufeff${crlf(BROKEN)}`), after: Buffer.from(`\ufeff${crlf(FIXED)}`) },
      'utf16.txt': { before: iconv.encode(`\ufeff${BROKEN}`, 'utf16le'), after: iconv.encode(`\ufeff${FIXED}`, 'utf16le') },
    };
    for (const [name, { before }] of Object.entries(cases)) writeFileSync(join(dir, name), before);
    const r = xxgk(['check', '--fix', dir]);
    assert.equal(r.code, 0, r.stderr);
    for (const [name, { after }] of Object.entries(cases)) {
      assert.ok(readFileSync(join(dir, name)).equals(after), name);
      for (const change of CHANGES) assert.ok(r.stdout.includes(`${join(dir, name)}:${change}\n`), `${name} ${change}`);
    }
    assert.match(r.stdout, /已修复 12 处（3 个文件）/);
  });

  it('fills a row of blanks the rules force to 0 (seed 002), told as one change per row', () => {
    const dir = tmp();
    const file = join(dir, 'seed-002.txt');
    writeFileSync(file, readExample(SEEDS['002']));
    const r = xxgk(['check', '--fix', '--format', 'json', file]);
    const told = linesOf(r.stderr);
    assert.equal(told.length, 23, r.stderr);
    assert.equal(told[0], `${file}:153:8: （空白） → 0 0 0 0 0 0 0`);
    assert.equal(told[22], '已修复 22 处（1 个文件）');
    const remaining = JSON.parse(r.stdout).files[0].diagnostics.map((d: { code: string }) => d.code);
    assert.ok(!remaining.includes('blank-cell'), remaining.join(' '));
  });

  it('leaves a file alone when nothing safe can be fixed: exit 1 for the errors that remain', () => {
    const dir = tmp();
    const file = join(dir, 'seed-001.txt');
    const text = readExample(SEEDS['001']);
    writeFileSync(file, text);
    const r = xxgk(['check', '--fix', file]);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, /→/);
    assert.equal(readFileSync(file, 'utf8'), text);
  });

  it('does not rewrite a file whose bytes would not come back as they were (a stray byte), and says so', () => {
    const dir = tmp();
    const file = join(dir, 'stray.txt');
    const bytes = Buffer.concat([Buffer.from(BROKEN.slice(0, 20)), Buffer.from([0xff]), Buffer.from(BROKEN.slice(20))]);
    writeFileSync(file, bytes);
    const r = xxgk(['check', '--fix', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /stray\.txt: 未修改：文件中有按其编码无法原样写回的字节/);
    assert.ok(readFileSync(file).equals(bytes));
  });

  it('does not rewrite a GBK file holding a byte GB18030 writes back otherwise (0x80, read as €)', () => {
    const dir = tmp();
    const file = join(dir, 'gbk-euro.txt');
    const gbk = iconv.encode(BROKEN, 'gbk');
    const lineTwo = gbk.indexOf(0x0a) + 1; // between two characters
    const bytes = Buffer.concat([gbk.subarray(0, lineTwo), Buffer.from([0x80]), gbk.subarray(lineTwo)]);
    assert.notEqual(iconv.encode(iconv.decode(bytes, 'gb18030'), 'gb18030').length, bytes.length, 'the premise: 0x80 does not come back as it was');
    writeFileSync(file, bytes);
    const r = xxgk(['check', '--fix', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /gbk-euro\.txt: 未修改/);
    assert.ok(readFileSync(file).equals(bytes));
  });

  it('--fix takes no value', () => {
    const r = xxgk(['check', '--fix=yes', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--fix 不带值/);
  });
});
