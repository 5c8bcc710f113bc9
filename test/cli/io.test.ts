// The CLI on inputs that used to hang or mislead it: links in a loop, pipes, devices, endless /proc files.
// Each run is a real process with a time limit; every folder made here is removed after.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { PLAIN_ENV } from './process';
import * as iconv from 'iconv-lite';
import { readExample, readSeed } from '../support/helpers';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const LIMIT_MS = 20000;
const made: string[] = [];
const tmp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-io-'));
  made.push(dir);
  return dir;
};
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** xxgk check as a process that is killed when it takes longer than LIMIT_MS (status null then). */
const check = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', cwd, timeout: LIMIT_MS, killSignal: 'SIGKILL', maxBuffer: 1 << 28, env: PLAIN_ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
interface JsonFile {
  path: string;
  reports: { title: string }[];
  diagnostics: { code: string; range: { start: { line: number } } }[];
  notice?: string;
}
const firstFile = (stdout: string): JsonFile => JSON.parse(stdout).files[0];
const found = (f: JsonFile): string[] => f.diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
const paths = (stdout: string): string[] => JSON.parse(stdout).files.map((f: { path: string }) => f.path);

describe('xxgk check: links, special files, bounds', () => {
  it('follows links to folders at most once per real folder: a link to "." and a link back up end, each file once', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), readSeed('004'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.txt'), readSeed('004'));
    symlinkSync('.', join(dir, 'loop'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    const r = check(['--format', 'json', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), [join(dir, 'a.txt'), join(dir, 'sub', 'b.txt')]);
  });

  it('walks a folder outside the tree reached by a link, once even when two links lead there', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside', 'c.txt'), readSeed('004'));
    mkdirSync(join(dir, 'tree'));
    symlinkSync(join(dir, 'outside'), join(dir, 'tree', 'first'));
    symlinkSync(join(dir, 'outside'), join(dir, 'tree', 'second'));
    const r = check(['--format', 'json', join(dir, 'tree')]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), [join(dir, 'tree', 'first', 'c.txt')]);
  });

  it('says which special files in a folder it skipped (a pipe, /dev/zero) and reads the rest', () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    writeFileSync(join(dir, 'a.txt'), readSeed('004'));
    const r = check(['--format', 'json', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), [join(dir, 'a.txt')]);
    assert.match(r.stderr, new RegExp(`${join(dir, 'pipe.txt')}: 已跳过：不是普通文件`));
    assert.match(r.stderr, new RegExp(`${join(dir, 'zero.txt')}: 已跳过：不是普通文件`));
    const named = check(['--format', 'json', join(dir, 'zero.txt')]);
    assert.equal(named.code, 2);
    assert.match(JSON.parse(named.stdout).files[0].error, /不是普通文件/);
  });

  it('says once each link in a folder that leads nowhere (its target gone, or links in a loop) and reads the rest; a link of another name is not said', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), readSeed('004'));
    symlinkSync('a.txt', join(dir, 'alias.txt'));
    symlinkSync('deleted.txt', join(dir, 'gone.txt'));
    symlinkSync('loop-b.txt', join(dir, 'loop-a.txt'));
    symlinkSync('loop-a.txt', join(dir, 'loop-b.txt'));
    symlinkSync('deleted.png', join(dir, 'picture.png'));
    const r = check(['--format', 'json', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), [join(dir, 'a.txt'), join(dir, 'alias.txt')]);
    assert.deepEqual(
      r.stderr.split('\n').filter((l) => l),
      ['gone.txt', 'loop-a.txt', 'loop-b.txt'].map((name) => `xxgk: ${join(dir, name)}: 已跳过：符号链接的目标不存在或无法访问`),
    );
    const english = check(['--locale', 'en', dir]);
    assert.equal(english.code, 0, english.stderr);
    assert.match(english.stderr, new RegExp(`${join(dir, 'gone.txt')}: skipped: a symbolic link whose target does not exist or cannot be reached\n`));
  });

  it('stops reading a report whose size says 0 but never ends (/proc/self/pagemap) at the bound: exit 2, said', { skip: !existsSync('/proc/self/pagemap') }, () => {
    const dir = tmp();
    symlinkSync('/proc/self/pagemap', join(dir, 'endless.txt'));
    writeFileSync(join(dir, 'a.txt'), readSeed('004'));
    const r = check(['--format', 'json', dir]);
    assert.equal(r.code, 2, r.stderr);
    const files = JSON.parse(r.stdout).files;
    assert.deepEqual(files.map((f: { path: string }) => f.path), [join(dir, 'a.txt'), join(dir, 'endless.txt')]);
    assert.match(files[1].error, /^大于 128 MB，未读取$/);
    assert.match(r.stderr, /endless\.txt: 大于 128 MB，未读取/);
  });

  it('refuses an xxgk.config.json that is /dev/zero, a pipe or endless: exit 2 with the reason, never a hang', () => {
    const report = join(process.cwd(), 'examples', 'clean-2024.txt');
    const zero = tmp();
    symlinkSync('/dev/zero', join(zero, 'xxgk.config.json'));
    const pipe = tmp();
    execFileSync('mkfifo', [join(pipe, 'xxgk.config.json')]);
    for (const dir of [zero, pipe]) {
      const r = check([report], dir);
      assert.equal(r.code, 2, `${dir}: ${r.stderr}`);
      assert.match(r.stderr, /xxgk\.config\.json: not a regular file/);
    }
    if (existsSync('/proc/self/pagemap')) {
      const endless = tmp();
      symlinkSync('/proc/self/pagemap', join(endless, 'xxgk.config.json'));
      const r = check([report], endless);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /xxgk\.config\.json: larger than 1 MB: not read/);
    }
  });
});

describe('xxgk check: decoding', () => {
  const BROKEN = readExample('examples/arithmetic-errors-2024.txt');
  const intact = Buffer.from(BROKEN);
  const gbk = (text: string): Buffer => iconv.encode(text, 'gbk');
  /** BROKEN as `encode` writes it, with `bytes` put at the start of each line of `lines` (0-based), where no character is cut */
  const withBytesAt = (lines: number[], bytes: number[], encode = (text: string): Buffer => Buffer.from(text)): Buffer => {
    const whole = encode(BROKEN);
    const starts = lines.map((line) => encode(BROKEN.split('\n').slice(0, line).join('\n') + '\n').length);
    const pieces = starts.flatMap((at, i) => [whole.subarray(starts[i - 1] ?? 0, at), Buffer.from(bytes)]);
    return Buffer.concat([...pieces, whole.subarray(starts[starts.length - 1])]);
  };

  it('checks a UTF-8 report with a stray byte, a NUL or a last character cut in half, and says what was replaced', () => {
    const dir = tmp();
    const expected = found(firstFile(check(['--format', 'json', join(process.cwd(), 'examples', 'arithmetic-errors-2024.txt')]).stdout));
    assert.equal(expected.length, 7);
    const cases = {
      'stray.txt': { bytes: withBytesAt([3], [0xff]), replaced: 1 },
      'nul.txt': { bytes: withBytesAt([3], [0x00]), replaced: 0 },
      'cut.txt': { bytes: Buffer.concat([intact, Buffer.from('正').subarray(0, 2)]), replaced: 1 },
    };
    for (const [name, { bytes, replaced }] of Object.entries(cases)) {
      writeFileSync(join(dir, name), bytes);
      const r = check(['--format', 'json', join(dir, name)]);
      assert.equal(r.code, 1, name);
      const file = firstFile(r.stdout);
      assert.deepEqual(found(file), expected, name);
      if (replaced) assert.equal(file.notice, `不是有效的 UTF-8：${replaced} 处无法解码的字节已替换为“\uFFFD”，其余内容照常检查`, name);
      else assert.equal(file.notice, undefined, name);
    }
    const text = check(['--locale', 'en', join(dir, 'stray.txt')]);
    assert.match(text.stdout, /stray\.txt: not valid UTF-8: 1 undecodable byte sequence\(s\) replaced/);
    assert.match(text.stdout, /stray\.txt:32:\d+: error row-total-mismatch/);
  });

  it('checks a GBK report with two bad bytes and says how many were replaced; a clean one, even holding “\uFFFD” as a character, is not told so', () => {
    const dir = tmp();
    const expected = found(firstFile(check(['--format', 'json', join(process.cwd(), 'examples', 'arithmetic-errors-2024.txt')]).stdout));
    writeFileSync(join(dir, 'bad.txt'), withBytesAt([3, 5], [0xff], gbk));
    writeFileSync(join(dir, 'clean.txt'), withBytesAt([3], [...iconv.encode('\uFFFD', 'gb18030')], gbk));
    for (const args of [[], ['--encoding', 'gbk']]) {
      const bad = firstFile(check(['--format', 'json', ...args, join(dir, 'bad.txt')]).stdout);
      assert.deepEqual(found(bad), expected);
      assert.equal(bad.notice, '不是有效的 GBK（GB18030）：2 处无法解码的字节已替换为“\uFFFD”，其余内容照常检查', args.join(' '));
      const clean = firstFile(check(['--format', 'json', ...args, join(dir, 'clean.txt')]).stdout);
      assert.deepEqual(found(clean), expected);
      assert.equal(clean.notice, undefined, args.join(' '));
    }
    const text = check(['--locale', 'en', join(dir, 'bad.txt')]);
    assert.equal(text.code, 1);
    assert.equal(text.stdout.match(/bad\.txt: not valid GBK \(GB18030\): 2 undecodable byte sequence\(s\) replaced/g)?.length, 1, text.stdout);
  });

  it('still reads GBK as GBK, and GB18030 four-byte characters right (auto and --encoding gbk)', () => {
    const fixture = join(process.cwd(), 'test', 'fixtures', 'defects', 'gb18030.txt');
    const dir = tmp();
    writeFileSync(join(dir, 'utf8.txt'), iconv.decode(readFileSync(fixture), 'gb18030'));
    writeFileSync(join(dir, 'gbk.txt'), iconv.encode(BROKEN, 'gbk'));
    const asUtf8 = firstFile(check(['--format', 'json', join(dir, 'utf8.txt')]).stdout);
    for (const args of [[fixture], ['--encoding', 'gbk', fixture]]) {
      const file = firstFile(check(['--format', 'json', ...args]).stdout);
      assert.equal(file.reports[0].title, '示例县\u{20000}发展和改革局2024年政府信息公开工作年度报告', args.join(' '));
      assert.deepEqual(found(file), found(asUtf8));
      assert.equal(file.notice, undefined);
    }
    const gbk = firstFile(check(['--format', 'json', join(dir, 'gbk.txt')]).stdout);
    assert.equal(gbk.notice, undefined);
    assert.equal(found(gbk).length, 7);
  });
});

describe('xxgk check: writing the output', () => {
  const BROKEN = readExample('examples/arithmetic-errors-2024.txt');
  /** BROKEN with `n` citations of an unknown notice under 一、总体情况: n unknown-citation diagnostics more */
  const citing = (n: number): string => BROKEN.replace('一、总体情况\n', `一、总体情况\n${'国办公开办函〔2020〕1号\n'.repeat(n)}`);
  const count = (bytes: Buffer, needle: string): number => {
    let n = 0;
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + needle.length)) n++;
    return n;
  };

  it('a write that fails (stdout on /dev/full) is exit 2 with the reason on stderr', { skip: !existsSync('/dev/full') }, () => {
    for (const format of ['text', 'json', 'sarif', 'html']) {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [CLI, 'check', '--format', format, 'examples'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: LIMIT_MS, env: PLAIN_ENV });
        assert.equal(r.status, 2, format);
        assert.match(r.stderr, /^xxgk: 无法写出输出：ENOSPC/m, format);
      } finally {
        closeSync(full);
      }
    }
  });

  it('a reader gone (EPIPE) is exit 2 with the reason on stderr', { timeout: LIMIT_MS * 2 }, async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), citing(20000)); // megabytes of output: more than a pipe holds
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', dir], { stdio: ['ignore', 'pipe', 'pipe'], env: PLAIN_ENV });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    assert.equal(status, 2, stderr);
    assert.match(stderr, /^xxgk: 无法写出输出：.*EPIPE/m);
  });

  it('streams its output file by file, diagnostic by diagnostic: 6 files of 40,000 diagnostics, JSON and SARIF larger than its 96 MB heap', { timeout: 180000 }, () => {
    const dir = tmp();
    const text = citing(40000);
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `f${i}.txt`), text);
    const expected = { json: '"code": "unknown-citation"', sarif: '"ruleId": "unknown-citation"', text: 'unknown-citation' };
    const whole = { json: /\n {2}\]\n\}\n$/, sarif: /\n {6}\]\n {4}\}\n {2}\]\n\}\n$/, text: /\n共 6 个文件：\d+ 个错误，0 个警告，240000 个提示\n$/ };
    for (const format of ['json', 'sarif', 'text'] as const) {
      const outFile = join(dir, `out.${format}`);
      const fd = openSync(outFile, 'w');
      try {
        const r = spawnSync(process.execPath, ['--max-old-space-size=96', CLI, 'check', '--format', format, dir], {
          stdio: ['ignore', fd, 'pipe'],
          encoding: 'utf8',
          timeout: 120000,
          env: PLAIN_ENV,
        });
        assert.equal(r.status, 1, `${format}: ${r.stderr.slice(0, 2000)}`);
      } finally {
        closeSync(fd);
      }
      const out = readFileSync(outFile);
      assert.equal(count(out, expected[format]), 240000, format);
      assert.match(out.subarray(out.length - 200).toString('utf8'), whole[format], `${format} ends whole`);
      if (format !== 'text') assert.ok(out.length > 96 * 1024 * 1024, `${format}: ${out.length} bytes`);
      rmSync(outFile);
    }
  });

  it('writes the JSON and SARIF of a folder exactly as JSON.stringify(…, null, 2) does', () => {
    for (const format of ['json', 'sarif']) {
      const r = check(['--format', format, 'examples', 'no/such/file.txt']);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, JSON.stringify(JSON.parse(r.stdout), null, 2) + '\n', format);
    }
    const empty = check(['--format', 'json', tmp()]);
    assert.equal(empty.stdout, '{\n  "version": 1,\n  "files": []\n}\n');
  });
});

describe('xxgk check: SARIF locations', () => {
  it('writes artifactLocation.uri as a relative URI, each segment percent-encoded; an absolute path as a file URL', () => {
    const dir = tmp();
    const folder = '报告 #1?';
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, 'a b%.txt'), readExample('examples/arithmetic-errors-2024.txt'));
    const uris = (cwd: string, path: string): Set<string> => {
      const sarif = JSON.parse(check(['--format', 'sarif', path], cwd).stdout);
      return new Set(sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri));
    };
    const relative = [...uris(dir, folder)];
    assert.deepEqual(relative, ['%E6%8A%A5%E5%91%8A%20%231%3F/a%20b%25.txt']);
    assert.equal(new URL(relative[0], 'file:///base/').href, `file:///base/${relative[0]}`, 'no part of it read as a query or a fragment');
    assert.deepEqual(relative[0].split('/').map(decodeURIComponent), [folder, 'a b%.txt']);
    const absolute = [...uris(process.cwd(), join(dir, folder))];
    assert.equal(absolute.length, 1);
    assert.match(absolute[0], /^file:\/\/\/[^#? ]+$/);
    assert.equal(fileURLToPath(absolute[0]), join(dir, folder, 'a b%.txt'));
  });
});
