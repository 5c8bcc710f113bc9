// `xxgk summary` (SPEC §5, issue 15 "Summary for the upper level") as a process, each format read back the way
// its reader reads it: the JSON parsed, the CSV split by RFC 4180, the workbook unzipped and its sheet parsed as
// XML, the page opened in Chromium.
import assert from 'node:assert/strict';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { CODES } from '../../server/src/engine';
import { codeName, isNamed } from '../../server/src/engine/messages/codes';
import { columnName, writeXlsx } from '../../server/src/cli/xlsx';
import { readExample, SEEDS } from '../support/helpers';
import { readMarkers } from '../support/markers';
import { inChromium, NO_CHROMIUM } from './browser';
import { CLI, PLAIN_ENV, xxgk } from './process';
import { spawnSync } from 'node:child_process';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'xxgk-summary-'));
const HUAIAN = 'test/fixtures/real/huaian-2024.txt';
const REAL = 'test/fixtures/real';

const HEADER = [
  '机关', '年度', '适用格式', '文件', '本年新收（R1）', '上年结转（R2）', '办理总计（R24）', '结转下年度（R25）',
  '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '行政复议总计', '行政复议结果纠正', '行政诉讼总计', '行政诉讼结果纠正',
  '行政事业性收费（万元）', '错误', '警告', '提示', '问题代码', '与上年雷同（%）',
];
/** 淮安 2024 as its tables give it: table 三's totals and outcome groups, table 四, table 二's fee */
const HUAIAN_FIGURES = {
  R1: 3119, R2: 34, R24: 3050, R25: 103,
  disclosed: 1362, partlyDisclosed: 454, withheld: 178, unavailable: 781, notProcessed: 88, otherwiseHandled: 187,
  reviewTotal: 351, reviewCorrected: 64, litigationTotal: 46, litigationCorrected: 5, fees: 96171.6,
};
const HUAIAN_CELLS = [3119, 34, 3050, 103, 1362, 454, 178, 781, 88, 187, 351, 64, 46, 5, 96171.6];

/** RFC 4180: fields split on commas, quoted fields with doubled quotes, CRLF rows. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    }
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'the last row ends with CRLF');
  return rows;
}

interface Sheet {
  /** cells by reference (A1), numbers as numbers */
  cells: Map<string, string | number>;
  /** the references of the bold cells */
  bold: Set<string>;
  frozen: { ySplit: string; state: string } | null;
}

/** The workbook's parts and its one sheet, parsed as XML. */
function readXlsx(bytes: Uint8Array): { parts: string[]; sheetNames: string[]; sheet: Sheet } {
  const files = unzipSync(bytes);
  const parse = (xml: string, on: (name: string, attrs: Record<string, string>) => void, text?: (t: string) => void) => {
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => on(tag.name, tag.attributes as Record<string, string>));
    if (text) parser.on('text', text);
    parser.write(xml).close();
  };
  const sheetNames: string[] = [];
  parse(strFromU8(files['xl/workbook.xml']), (name, attrs) => name === 'sheet' && sheetNames.push(attrs.name));
  const sheet: Sheet = { cells: new Map(), bold: new Set(), frozen: null };
  let ref = '';
  let type = '';
  let inValue = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    if (tag.name === 'c') {
      ref = attrs.r;
      type = attrs.t ?? 'n';
      if (attrs.s === '1') sheet.bold.add(ref);
    } else if (tag.name === 'v' || tag.name === 't') inValue = true;
    else if (tag.name === 'pane') sheet.frozen = { ySplit: attrs.ySplit, state: attrs.state };
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'v' || tag.name === 't') inValue = false;
  });
  parser.on('text', (t) => {
    if (inValue) sheet.cells.set(ref, type === 'inlineStr' ? ((sheet.cells.get(ref) as string | undefined) ?? '') + t : Number(t));
  });
  parser.write(strFromU8(files['xl/worksheets/sheet1.xml'])).close();
  return { parts: Object.keys(files), sheetNames, sheet };
}

const LETTERS = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : String.fromCharCode(64 + Math.floor(n / 26)) + String.fromCharCode(65 + (n % 26)));
const sheetRow = (sheet: Sheet, row: number, width = HEADER.length): (string | number | undefined)[] =>
  Array.from({ length: width }, (_, c) => sheet.cells.get(`${LETTERS(c)}${row}`));

/** A folder with one agency in three years (its name written two ways), another agency, and 淮安 2024. */
function yearsFolder(): string {
  const dir = tmp();
  const clean = readExample('examples/clean-2024.txt');
  const broken = readExample('examples/arithmetic-errors-2024.txt');
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'a', '2022.txt'), clean.replace('发展和改革局2024年', '发展和改革局2022年'));
  writeFileSync(join(dir, 'a', '2023.txt'), clean.replace('示例县发展和改革局2024年', '示例县 发展和改革局 2023年'));
  writeFileSync(join(dir, 'b', '2024.txt'), broken.replace('示例县市场监督管理局', '示例县发展和改革局'));
  writeFileSync(join(dir, 'b', 'tapu.txt'), readExample(SEEDS['003']));
  copyFileSync(HUAIAN, join(dir, 'huaian-2024.txt'));
  return dir;
}

/** stdout written to a file (a workbook is bytes), with the exit status. */
function summaryToFile(args: string[], out: string): number | null {
  const fd = openSync(out, 'w');
  try {
    return spawnSync(process.execPath, [CLI, 'summary', ...args], { stdio: ['ignore', fd, 'pipe'], env: PLAIN_ENV, timeout: 60000 }).status;
  } finally {
    closeSync(fd);
  }
}

describe('xxgk summary --format json', () => {
  it('gives 淮安 2024 its figures: R1 3119, R2 34, R24 3050, R25 103, each outcome group, table 四 and the fee', () => {
    const r = xxgk(['summary', '--format', 'json', HUAIAN]);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.version, 1);
    assert.deepEqual(doc.reports, [
      { agency: '淮安市人民政府', year: 2024, template: '2021', path: HUAIAN, ...HUAIAN_FIGURES, errors: 0, warnings: 0, infos: 0, codes: [], copiedShare: null },
    ]);
    assert.deepEqual(doc.totals, { reports: 1, ...HUAIAN_FIGURES, errors: 0, warnings: 0, infos: 0, codes: [], unknown: {} });
    assert.deepEqual(doc.years, []);
  });

  it('over the real reports: one row per report, a file that is not a report said on stderr, exit 1 for the errors found', () => {
    const dir = tmp();
    for (const name of ['hongze-2023', 'hongze-2024', 'huaian-2024', 'shuyang-fgj-2023']) copyFileSync(join(REAL, `${name}.txt`), join(dir, `${name}.txt`));
    writeFileSync(join(dir, 'README.md'), '# 说明\n这些是年报。\n');
    const r = xxgk(['summary', '--format', 'json', dir]);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.reports.length, 4);
    const huaian = doc.reports.find((x: { path: string }) => x.path.endsWith('huaian-2024.txt'));
    assert.deepEqual([huaian.R1, huaian.R2, huaian.R24, huaian.R25], [3119, 34, 3050, 103]);
    const hongze = doc.reports.find((x: { path: string }) => x.path.endsWith('hongze-2023.txt'));
    assert.deepEqual(hongze.codes, ['missing-row', 'row-total-mismatch', 'label-typo']);
    assert.equal(hongze.errors, 3);
    assert.equal(doc.totals.errors, doc.reports.reduce((n: number, x: { errors: number }) => n + x.errors, 0));
    assert.match(r.stderr, /README\.md: 不是政府信息公开工作年度报告/);
  });

  it('a figure that rests on a blank cell is null, not 0, and the totals say how many reports left it out', () => {
    const r = xxgk(['summary', '--format', 'json', SEEDS['002'], HUAIAN]);
    const [gujiao] = JSON.parse(r.stdout).reports;
    assert.equal(gujiao.R24, null);
    assert.equal(gujiao.disclosed, null);
    assert.equal(gujiao.R1, 0);
    const totals = JSON.parse(r.stdout).totals;
    assert.equal(totals.R24, 3050);
    assert.deepEqual(totals.unknown, { R24: 1, disclosed: 1, partlyDisclosed: 1, withheld: 1, unavailable: 1, notProcessed: 1, otherwiseHandled: 1 });
  });

  it('gives the share of the prose that is last year’s: about all of it for a copy, little for prose written anew, none without last year', () => {
    const dir = tmp();
    const fixtures = 'test/fixtures/checks/copied-text';
    const unmarked = (name: string): string => readMarkers(readFileSync(join(fixtures, name), 'utf8')).text;
    mkdirSync(join(dir, 'copy'));
    mkdirSync(join(dir, 'anew'));
    for (const sub of ['copy', 'anew']) writeFileSync(join(dir, sub, '2023.txt'), unmarked('last-year.txt'));
    writeFileSync(join(dir, 'copy', '2024.txt'), unmarked('trigger-prose-as-last-year.txt'));
    writeFileSync(join(dir, 'anew', '2024.txt'), unmarked('near-miss-prose-written-anew.txt'));
    const share = (sub: string) => {
      const doc = JSON.parse(xxgk(['summary', '--format', 'json', join(dir, sub)]).stdout);
      return Object.fromEntries(doc.reports.map((x: { year: number; copiedShare: number | null }) => [x.year, x.copiedShare]));
    };
    const copy = share('copy');
    assert.equal(copy[2023], null);
    assert.ok(copy[2024] >= 0.95, `a copy: ${copy[2024]}`);
    const anew = share('anew');
    assert.ok(anew[2024] !== null && anew[2024] < 0.3, `written anew: ${anew[2024]}`);
    const csv = csvRows(xxgk(['summary', join(dir, 'copy')]).stdout.replace(/^\uFEFF/, ''));
    const column = csv[0].indexOf('与上年雷同（%）');
    assert.deepEqual(csv.slice(1, 3).map((row) => row[column]), ['', String(Math.round(copy[2024] * 100))]);
  });

  it('the year-over-year view: one agency in three years (its name matched however spaced), with the changes', () => {
    const dir = yearsFolder();
    const doc = JSON.parse(xxgk(['summary', '--format', 'json', dir]).stdout);
    assert.equal(doc.reports.length, 5);
    const view = doc.years.map((y: Record<string, unknown>) => [y.agency, y.year, y.received, y.receivedChange, y.handled, y.handledChange, y.corrected, y.correctedChange]);
    assert.deepEqual(view, [
      ['示例县发展和改革局', 2022, 144, null, 140, null, 3, null],
      ['示例县发展和改革局', 2023, 144, 0, 140, 0, 3, 0],
      ['示例县发展和改革局', 2024, 145, 1, 142, 2, 3, 0],
    ]);
  });
});

describe('xxgk summary --format csv (the default)', () => {
  it('is UTF-8 with a BOM, CRLF rows, the Chinese header of SPEC §5, a row per report and the totals', () => {
    const dir = yearsFolder();
    const r = xxgk(['summary', dir]);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(r.stdout.startsWith('\ufeff机关,年度,'), 'a byte order mark, then the header');
    const rows = csvRows(r.stdout.slice(1));
    assert.deepEqual(rows[0], HEADER);
    const huaian = rows.find((row) => row[3] === 'huaian-2024.txt')!;
    assert.deepEqual(huaian.slice(0, 3), ['淮安市人民政府', '2024', '2021 年版']);
    assert.deepEqual(huaian.slice(4, 19).map(Number), HUAIAN_CELLS);
    assert.deepEqual(huaian.slice(19), ['0', '0', '0', '', '']);
    assert.deepEqual(rows.slice(1, 6).map((row) => row[3]), ['a/2022.txt', 'a/2023.txt', 'b/2024.txt', 'b/tapu.txt', 'huaian-2024.txt'], 'paths relative to the folder given');
    const totals = rows[6];
    assert.deepEqual(totals.slice(0, 4), ['合计', '', '', '5 份年报']);
    assert.equal(Number(totals[4]), 3119 + 144 + 144 + 145 + 0);
    assert.equal(rows[7].join(''), '', 'a blank row before the year-over-year view');
    assert.deepEqual(rows[8], ['同一机关各年度对比']);
    assert.deepEqual(rows[9], ['机关', '年度', '文件', '新收', '新收增减', '办结', '办结增减', '纠错', '纠错增减']);
    assert.deepEqual(rows[12], ['示例县发展和改革局', '2024', 'b/2024.txt', '145', '1', '142', '2', '3', '0']);
  });

  it('quotes a field that holds a comma or a quote, and writes a formula-like text as text', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a,"b".txt'), readExample('examples/clean-2024.txt'));
    writeFileSync(join(dir, '=cmd.txt'), readExample('examples/clean-2024.txt'));
    const rows = csvRows(xxgk(['summary', dir]).stdout.slice(1));
    assert.deepEqual(rows.slice(1, 3).map((row) => row[3]), ["'=cmd.txt", 'a,"b".txt']);
  });
});

describe('xxgk summary --format xlsx', () => {
  it('is a real workbook: one sheet, the header row frozen and bold, numbers as numbers, the totals and the year view', () => {
    const dir = yearsFolder();
    const out = join(tmp(), 'summary.xlsx');
    assert.equal(summaryToFile(['--format', 'xlsx', dir], out), 1);
    const book = readXlsx(readFileSync(out));
    assert.ok(book.parts.includes('[Content_Types].xml') && book.parts.includes('_rels/.rels') && book.parts.includes('xl/styles.xml'));
    assert.deepEqual(book.sheetNames, ['汇总']);
    const { sheet } = book;
    assert.deepEqual(sheet.frozen, { ySplit: '1', state: 'frozen' });
    assert.deepEqual(sheetRow(sheet, 1), HEADER);
    assert.ok(sheet.bold.has('A1') && sheet.bold.has('X1'));
    const huaian = sheetRow(sheet, 6);
    assert.deepEqual(huaian.slice(0, 4), ['淮安市人民政府', 2024, '2021 年版', 'huaian-2024.txt']);
    assert.deepEqual(huaian.slice(4, 19), HUAIAN_CELLS, 'numbers, not text');
    assert.deepEqual(huaian.slice(19), [0, 0, 0, undefined, undefined]);
    assert.deepEqual(sheetRow(sheet, 7).slice(0, 5), ['合计', undefined, undefined, '5 份年报', 3119 + 144 + 144 + 145]);
    assert.ok(sheet.bold.has('A7'), 'the totals row is bold');
    assert.deepEqual(sheetRow(sheet, 9, 1), ['同一机关各年度对比']);
    assert.deepEqual(sheetRow(sheet, 13, 9), ['示例县发展和改革局', 2024, 'b/2024.txt', 145, 1, 142, 2, 3, 0]);
    const first = readFileSync(out);
    summaryToFile(['--format', 'xlsx', dir], out);
    assert.ok(readFileSync(out).equals(first), 'the same rows give the same bytes');
  });
});

describe('xxgk summary --format xlsx on a terminal', { skip: existsSync('/usr/bin/script') ? false : 'no script(1) to give the CLI a terminal' }, () => {
  it('refuses to write a workbook\'s bytes to a terminal: exit 2 and how to redirect it', () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} summary --format xlsx examples/; echo "exit $?"`;
    const r = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: PLAIN_ENV, timeout: 60000 });
    assert.match(r.stdout, /XLSX 工作簿不能显示在终端上：请重定向到文件/);
    assert.doesNotMatch(r.stdout, /PK/, 'no zip bytes');
    assert.match(r.stdout, /exit 2/);
  });
});

describe('the workbook writer', () => {
  it('writes text XML cannot hold (control characters) without them, escapes markup, names columns past Z', () => {
    const book = readXlsx(writeXlsx({ name: 'S', rows: [{ cells: ['a\u0001b<&>"', 1.5, null, ' padded '] }] }));
    assert.deepEqual(sheetRow(book.sheet, 1, 4), ['ab<&>"', 1.5, undefined, ' padded ']);
    assert.deepEqual([0, 25, 26, 51, 52, 701, 702].map(columnName), ['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('xxgk summary --format html', { skip: NO_CHROMIUM }, () => {
  it('opens in Chromium as a sortable table with the totals at its foot, codes named in Chinese, and the year view', async () => {
    const dir = yearsFolder();
    const page = join(tmp(), 'summary.html');
    assert.equal(summaryToFile(['--format', 'html', dir], page), 1);
    await inChromium(page, async (tab) => {
      const rows = tab.locator('table.summary tbody tr');
      assert.equal(await rows.count(), 5);
      const header = tab.locator('table.summary thead th', { hasText: '本年新收（R1）' });
      await header.click();
      await header.click();
      assert.equal(await rows.first().locator('td').nth(0).textContent(), '淮安市人民政府', 'sorted by R1, largest first');
      assert.equal(await rows.first().locator('td').nth(4).textContent(), '3119');
      assert.equal(await tab.locator('table.summary tfoot td').first().textContent(), '合计');
      const code = tab.locator('table.summary span.code', { hasText: '行合计不符' }).first();
      assert.equal(await code.getAttribute('title'), 'row-total-mismatch');
      const years = tab.locator('table.years tbody tr');
      assert.equal(await years.count(), 3);
      assert.deepEqual(await years.nth(2).locator('td').allTextContents(), ['示例县发展和改革局', '2024', 'b/2024.txt', '145', '+1', '142', '+2', '3', '0']);
    });
  });
});

describe('xxgk summary: usage', () => {
  it('takes csv, xlsx, json or html, and no option of check', () => {
    for (const [args, message] of [
      [['summary', '--format', 'text', 'x'], /--format 的值只能是 csv\|xlsx\|json\|html 之一/],
      [['summary', '--fix', 'x'], /选项 --fix 不能用于 xxgk summary/],
      [['summary'], /xxgk summary 需要至少一个文件或文件夹/],
    ] as const) {
      const r = xxgk([...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
    }
  });
});

describe('code names', () => {
  it('every diagnostic code has a Chinese and an English name (a new code must be named for the pages)', () => {
    for (const code of CODES) {
      assert.ok(isNamed(code), code);
      assert.match(codeName('zh', code), /\p{Script=Han}/u, code);
      assert.match(codeName('en', code), /^[A-Z]/, code);
    }
    assert.equal(codeName('zh', 'no-such-code'), 'no-such-code');
  });
});
