// `xxgk check` on a folder shared among threads (cli/pool.ts) writes exactly what one thread writes: the same
// output in every format, in the same order, the same exit status and the same lines on stderr, on a folder that
// holds what the pool must get right: reports whose last year's is in another file (or in the same one), a report
// copied from another agency's, a compilation, files that cannot be read, a file that is no report, GBK.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { planPartners, workersFor } from '../../server/src/cli/pool';
import { Shard } from '../../server/src/cli/shard';
import { consistentValues, LAYOUTS, renderReport, seededRandom } from '../support/generate';
import { readReal } from '../support/helpers';
import { zipParts } from '../support/ooxml';
import { xxgk, type Ran } from './process';

const AGENCY = '淮安市洪泽区人民政府';
const NEIGHBOUR = '淮安市淮阴区人民政府';

/** A folder of `generated` one-report files (agencies two years running, one year's carry-over off) and the cases above. */
function makeFolder(generated: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-pool-'));
  const hongze2024 = readReal('hongze-2024');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a-hongze-2023.txt'), readReal('hongze-2023').replace(/^洪泽区人民政府/, AGENCY));
  writeFileSync(join(dir, 'sub', 'hongze-2024.txt'), hongze2024);
  // another agency's report that is 洪泽's with the name changed: its likeliest peer is in another file
  writeFileSync(join(dir, 'z-neighbour-2024.txt'), hongze2024.replaceAll(AGENCY, NEIGHBOUR).replace(/^洪泽区人民政府/, NEIGHBOUR));
  for (let i = 0; i < generated; i++) {
    const values = consistentValues(seededRandom(i + 7));
    const text = renderReport({ agency: `示例县第${i >> 1}局`, year: 2023 + (i % 2), values, layout: LAYOUTS[i % LAYOUTS.length] });
    writeFileSync(join(dir, `r${i}.txt`), i % 9 === 4 ? text.replace('（七）总计', '（七）总记') : text);
  }
  // two years of one agency in one file, and its next year in another
  const year = (y: number, seed: number) => renderReport({ agency: '示例市汇编局', year: y, values: consistentValues(seededRandom(seed)), layout: LAYOUTS[0] });
  writeFileSync(join(dir, 'compilation.txt'), `${year(2022, 1)}\n${year(2023, 2)}`);
  writeFileSync(join(dir, 'm-next.txt'), year(2024, 3));
  writeFileSync(join(dir, 'gbk.txt'), iconv.encode(year(2021, 4), 'gbk'));
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
  writeFileSync(join(dir, 'broken.docx'), 'not a zip');
  writeFileSync(join(dir, 'notes.md'), '会议纪要\n\n今天天气很好。');
  // an archive: its next year's report, compared with last year's outside it, and a lock file beside the documents
  writeFileSync(join(dir, 'n-archive.zip'), zipParts({ '汇编/2025.txt': year(2025, 5), '~$2025.docx': 'someone' }));
  writeFileSync(join(dir, '~$m-next.docx'), 'someone');
  return dir;
}

const folders: string[] = [];
after(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const threads = (n: number) => ({ env: { XXGK_THREADS: String(n) } });
const sortedLines = (text: string) => text.split('\n').filter(Boolean).sort();

function assertSame(one: Ran, many: Ran, what: string): void {
  assert.equal(many.code, one.code, `${what}: exit status`);
  assert.equal(many.stdout, one.stdout, `${what}: stdout`);
  // stderr: the same lines (a folder's skipped files and unreadable ones are said in a different interleaving)
  assert.deepEqual(sortedLines(many.stderr), sortedLines(one.stderr), `${what}: stderr`);
}

describe('xxgk check on a folder shared among threads', () => {
  it('writes exactly what one thread writes, in JSON, text and SARIF, with 2 and 3 threads', { timeout: 180000 }, () => {
    const dir = makeFolder(70);
    folders.push(dir);
    for (const format of ['json', 'text', 'sarif']) {
      const one = xxgk(['check', '--format', format, dir], threads(1));
      assert.equal(one.code, 2, `${format}: a file could not be read (${one.stderr})`);
      for (const n of [2, 3]) assertSame(one, xxgk(['check', '--format', format, dir], threads(n)), `${format}, ${n} threads`);
    }
    // what the pool had to find across files is in the output: otherwise the equality above says little
    const json = JSON.parse(xxgk(['check', '--format', 'json', dir], threads(2)).stdout) as { files: { path: string; diagnostics: { code: string; message: string }[]; error?: string; notice?: string }[] };
    const codes = json.files.flatMap((f) => f.diagnostics.map((d) => d.code));
    const neighbour = json.files.find((f) => f.path.endsWith('z-neighbour-2024.txt'))!;
    assert.ok(neighbour.diagnostics.some((d) => d.code === 'copied-text' && d.message.includes(`另一机关（${AGENCY}）`)), 'the peer in another file');
    assert.ok(codes.filter((c) => c === 'carryover-mismatch').length >= 20, 'last year’s reports in other files');
    assert.ok(codes.includes('label-typo'));
    assert.ok(json.files.some((f) => f.path.endsWith('broken.docx') && f.error));
    assert.ok(json.files.some((f) => f.path.endsWith('binary.txt') && f.notice));
    const archived = json.files.find((f) => f.path === join(dir, 'n-archive.zip', '汇编', '2025.txt'))!;
    assert.ok(archived.diagnostics.some((d) => d.code === 'carryover-mismatch'), 'last year’s report outside the archive');
    assert.equal(json.files.length, 70 + 10);
  });

  it('a folder of one agency’s two years in one file and the next in another: the file’s own report comes first', () => {
    const dir = makeFolder(0);
    folders.push(dir);
    assertSame(xxgk(['check', '--format', 'json', dir], threads(1)), xxgk(['check', '--format', 'json', dir], threads(4)), 'json, 4 threads');
  });
});

describe('a part of the pool', () => {
  it('checks a report against last year’s in a file another part holds, read again; a file gone since is no partner, and no failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-shard-'));
    folders.push(dir);
    const year = (y: number, seed: number) => renderReport({ agency: '示例市分片局', year: y, values: consistentValues(seededRandom(seed)), layout: LAYOUTS[0] });
    const paths = [join(dir, '2023.txt'), join(dir, '2024.txt')];
    writeFileSync(paths[0], year(2023, 1));
    writeFileSync(paths[1], year(2024, 2));
    const setup = { found: paths.map((path) => ({ path })), encoding: 'auto' as const, options: { locale: 'zh' as const } };
    const [first, second] = [new Shard(setup), new Shard(setup)];
    const loaded = [...(await first.load(0, 1)), ...(await second.load(1, 2))];
    const plan = planPartners(loaded, () => dir)[1]!;
    assert.deepEqual(plan.partners[0]?.previous, [0, 0], 'last year’s report is in the other file');
    const carried = (await second.check([plan]))[0]!.report.diagnostics as { code: string }[];
    assert.ok(carried.some((d) => d.code === 'carryover-mismatch'), 'two years of random figures do not carry over');
    unlinkSync(paths[0]);
    const alone = await second.check([plan]);
    assert.ok(!(alone[0]!.report.diagnostics as { code: string }[]).some((d) => d.code === 'carryover-mismatch'));
    assert.equal(alone[0]!.report.error, undefined);
  });
});

describe('workersFor', () => {
  it('no workers for a few files or fewer than 4 cores; one per core but one from 4 cores (at most 8); XXGK_THREADS decides when set', () => {
    assert.equal(workersFor(5000, {}, 2), 0, 'on 2 cores one thread is as fast');
    assert.equal(workersFor(10, {}, 8), 0);
    assert.equal(workersFor(5000, {}, 4), 3);
    assert.equal(workersFor(5000, {}, 64), 8);
    assert.equal(workersFor(10, { XXGK_THREADS: '3' }, 2), 3);
    assert.equal(workersFor(2, { XXGK_THREADS: '3' }, 2), 2, 'no more workers than files');
    assert.equal(workersFor(5000, { XXGK_THREADS: '1' }, 8), 0, 'one thread: the main one');
    assert.equal(workersFor(5000, { XXGK_THREADS: '99' }, 2), 8);
    assert.equal(workersFor(10, { XXGK_THREADS: 'many' }, 8), 0, 'a value that is no number is not set');
  });
});
