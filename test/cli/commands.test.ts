// The command line as a new user tries it (issue 15): commands, mistyped commands and options, --version,
// help and messages in the user's language, a missing file, an empty folder. Each run is a real process.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readExample, SEEDS } from '../support/helpers';
import { linesOf, xxgk } from './process';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'xxgk-commands-'));
const BROKEN = 'examples/arithmetic-errors-2024.txt';

/** A usage error as issue 15 asks: exit 2, nothing on stdout, one line on stderr. */
function usageError(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): string {
  const r = xxgk(args, { env, cwd });
  assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
  assert.equal(r.stdout, '', args.join(' '));
  assert.equal(linesOf(r.stderr).length, 1, `${args.join(' ')}: ${r.stderr}`);
  return r.stderr;
}

describe('xxgk: commands and options', () => {
  it('a mistyped command is a usage error naming the command meant, never a path read', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'chek'), readExample(BROKEN)); // a report named like the typo: it must not be checked
    const stderr = usageError(['chek', 'chek'], {}, dir);
    assert.equal(stderr, 'xxgk: 没有“chek”这个命令（是不是“check”？）；可用的命令：check, summary, import；xxgk --help 查看用法\n');
  });

  it('a path where the command should be is a usage error too (no command, no check)', () => {
    assert.match(usageError(['examples/']), /没有“examples\/”这个命令；可用的命令：check, summary, import/);
    assert.match(usageError([]), /^xxgk: 缺少命令（check, summary, import）/);
    assert.match(usageError(['--format', 'json', 'examples/']), /^xxgk: 缺少命令/);
  });

  it('an unknown option, a bad or missing value and a missing PATH are usage errors, each said once', () => {
    assert.match(usageError(['check', '--fromat', 'json', 'examples/']), /没有“--fromat”这个选项（是不是“--format”？）/);
    assert.match(usageError(['check', '--loud', 'examples/']), /没有“--loud”这个选项；xxgk --help/);
    assert.match(usageError(['check', '-x', 'examples/']), /没有“-x”这个选项/);
    assert.match(usageError(['check', '--format', 'xml', 'examples/']), /--format 的值只能是 text\|json\|sarif\|html 之一，不能是“xml”/);
    assert.match(usageError(['check', '--format=xml', 'examples/']), /不能是“xml”/);
    assert.match(usageError(['check', 'examples/', '--format']), /--format 后面缺少值/);
    assert.match(usageError(['check']), /xxgk check 需要至少一个文件或文件夹/);
  });

  it('a path that looks like an option is read after --', () => {
    const dir = tmp();
    writeFileSync(join(dir, '--odd.txt'), readExample(BROKEN));
    const r = xxgk(['check', '--format', 'json', '--', '--odd.txt'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).files[0].path, '--odd.txt');
  });

  it('--version prints the package version and nothing else', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    const r = xxgk(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `xxgk ${version}\n`);
    assert.equal(r.stderr, '');
  });

  it('--help is in the message language, on stdout, exit 0, and names XXGK_LOCALE and LANG', () => {
    const zh = xxgk(['--help']);
    assert.equal(zh.code, 0);
    assert.match(zh.stdout, /^xxgk [\d.]+：按国家统一格式检查/);
    assert.match(zh.stdout, /用法：\n {2}xxgk check \[选项\] 路径\.\.\./);
    assert.match(zh.stdout, /XXGK_LOCALE.*LANG/s);
    for (const [args, env] of [[['--help'], { LANG: 'en_US.UTF-8' }], [['check', '--help', '--locale', 'en'], {}], [['help'], { XXGK_LOCALE: 'en' }]] as const) {
      const en = xxgk([...args], { env });
      assert.equal(en.code, 0, args.join(' '));
      assert.match(en.stdout, /^xxgk [\d.]+: checks .*\n\nUsage:\n/, args.join(' '));
      assert.doesNotMatch(en.stdout, /用法/, args.join(' '));
    }
  });
});

describe('xxgk check: files that are not there', () => {
  it('a missing file is said once, on stderr, in the message language; the rest is checked; exit 2', () => {
    const r = xxgk(['check', 'no/such/file.txt', SEEDS['004']]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'xxgk: no/such/file.txt: 没有这个文件或文件夹\n');
    assert.doesNotMatch(r.stdout, /no\/such/);
    assert.match(r.stdout, /共 1 个文件：0 个错误，0 个警告，0 个提示；1 个文件无法读取\n$/);
    const en = xxgk(['check', '--locale', 'en', 'no/such/file.txt']);
    assert.equal(en.stderr, 'xxgk: no/such/file.txt: no such file or folder\n');
  });

  it('a folder without report files says so plainly (exit 0, nothing on stdout)', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'photo.jpg'), 'not a report');
    const r = xxgk(['check', dir]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `xxgk: 没有找到年报文件（在 ${dir} 中查找 *.txt *.md *.xxgk *.html *.htm *.shtml *.mht *.mhtml *.docx *.xlsx *.pdf *.zip）\n`);
    const json = xxgk(['check', '--format', 'json', dir]);
    assert.deepEqual(JSON.parse(json.stdout), { version: 1, files: [] });
    assert.match(json.stderr, /没有找到年报文件/);
  });
});

describe('xxgk: the message language', () => {
  const typo = SEEDS['003'];
  const english = /is not the official label/;
  const chinese = /与规范名称不符/;
  const cases: [string, NodeJS.ProcessEnv, string[], RegExp][] = [
    ['no language set (LANG=C)', {}, [], chinese],
    ['LANG=en_US.UTF-8', { LANG: 'en_US.UTF-8' }, [], english],
    ['LANG=zh_CN.UTF-8', { LANG: 'zh_CN.UTF-8' }, [], chinese],
    ['LC_ALL=en_GB over LANG=zh_CN', { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' }, [], english],
    ['LC_MESSAGES=en over LANG=zh_CN', { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en' }, [], english],
    ['XXGK_LOCALE=zh over LANG=en', { LANG: 'en_US.UTF-8', XXGK_LOCALE: 'zh' }, [], chinese],
    ['XXGK_LOCALE=en over LC_ALL=zh', { LC_ALL: 'zh_CN.UTF-8', XXGK_LOCALE: 'en' }, [], english],
    ['--locale zh over XXGK_LOCALE=en', { XXGK_LOCALE: 'en' }, ['--locale', 'zh'], chinese],
  ];
  for (const [name, env, args, expected] of cases) {
    it(`${name}: ${expected === english ? 'English' : 'Chinese'}`, () => {
      const r = xxgk(['check', ...args, typo], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, expected);
    });
  }

  it('xxgk.config.json’s locale comes before LANG, after --locale', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'xxgk.config.json'), '{"locale": "zh"}');
    const file = join(process.cwd(), typo);
    assert.match(xxgk(['check', file], { cwd: dir, env: { LANG: 'en_US.UTF-8' } }).stdout, chinese);
    assert.match(xxgk(['check', '--locale', 'en', file], { cwd: dir }).stdout, english);
  });

  it('usage errors and file errors follow LANG as well', () => {
    assert.equal(usageError(['chek'], { LANG: 'en_US.UTF-8' }), 'xxgk: there is no command “chek” (did you mean “check”?); the commands are check, summary, import; xxgk --help shows the usage\n');
    assert.equal(xxgk(['check', 'nothing-here.txt'], { env: { LANG: 'en_US.UTF-8' } }).stderr, 'xxgk: nothing-here.txt: no such file or folder\n');
  });
});
