// The CLI on inputs that used to hang or mislead it: links in a loop, pipes, devices, endless /proc files.
// Each run is a real process with a time limit; every folder made here is removed after.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readSeed } from '../support/helpers';

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
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', cwd, timeout: LIMIT_MS, killSignal: 'SIGKILL', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
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
    assert.match(r.stderr, new RegExp(`${join(dir, 'pipe.txt')}: skipped: not a regular file`));
    assert.match(r.stderr, new RegExp(`${join(dir, 'zero.txt')}: skipped: not a regular file`));
    const named = check(['--format', 'json', join(dir, 'zero.txt')]);
    assert.equal(named.code, 2);
    assert.match(JSON.parse(named.stdout).files[0].error, /not a regular file/);
  });

  it('stops reading a report whose size says 0 but never ends (/proc/self/pagemap) at the bound: exit 2, said', { skip: !existsSync('/proc/self/pagemap') }, () => {
    const dir = tmp();
    symlinkSync('/proc/self/pagemap', join(dir, 'endless.txt'));
    writeFileSync(join(dir, 'a.txt'), readSeed('004'));
    const r = check(['--format', 'json', dir]);
    assert.equal(r.code, 2, r.stderr);
    const files = JSON.parse(r.stdout).files;
    assert.deepEqual(files.map((f: { path: string }) => f.path), [join(dir, 'a.txt'), join(dir, 'endless.txt')]);
    assert.match(files[1].error, /^larger than 128 MB: not read$/);
    assert.match(r.stderr, /endless\.txt: larger than 128 MB: not read/);
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
