// `npm run bench` (engine part): parse+check time on a typical report and on a generated 10 MB compilation, against a
// bare line scan of the same text (the floor), and memory against input size. Medians over repeated runs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { agencyYearKey, checkParsed, checkText, indexByAgencyYear, copiedFrom, parseDocument } from '../server/src/engine';
import { compilation, seedsCompilation } from './compilation';
import { consistentValues, LAYOUTS, renderReport, seededRandom } from '../test/support/generate';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(runs: number, f: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    f();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
}

/** The floor: visit every character once, splitting lines. */
function lineScan(text: string): number {
  let lines = 0;
  let longest = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lines++;
      longest = Math.max(longest, i - start);
      start = i + 1;
    }
  }
  return lines + longest;
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);

// first, the way users meet it: the CLI as a process, cold, on the five seeds repeated to ~10 MB (errors and all),
// node's own start-up subtracted, against a bare line scan of the same text
{
  const seeds = seedsCompilation(10 * 1024 * 1024);
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-seeds-'));
  try {
    const file = join(dir, 'seeds.txt');
    writeFileSync(file, seeds.text);
    const run = (args: string[]): number => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { maxBuffer: 1 << 30 });
      if (r.status === null || r.status === 2) throw new Error(`failed: ${r.stderr}`);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const startup = median([0, 1, 2, 3, 4].map(() => run(['-e', '0'])));
    const cli = median([0, 1, 2].map(() => run(['dist/cli.js', 'check', '--format', 'json', file])));
    for (let i = 0; i < 5; i++) lineScan(seeds.text);
    const scan = time(15, () => lineScan(seeds.text));
    const ms = cli - startup;
    console.log(
      `seeds compilation through the CLI, cold (${(seeds.text.length / 1e6).toFixed(1)} M chars, ${seeds.reports} reports, --format json): ` +
        `${ms.toFixed(0)} ms after node's start-up (${startup.toFixed(0)} ms); line scan ${scan.toFixed(1)} ms; ratio ${(ms / scan).toFixed(0)}x (target ≤ 20x)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const typical = readFileSync(join(process.cwd(), 'examples', 'seed-000-zhanhe-caozhen-2024.txt'), 'utf8');
for (let i = 0; i < 50; i++) checkText(typical); // warm up the JIT

const typicalMs = time(300, () => checkText(typical));
const typicalScan = time(300, () => lineScan(typical));
console.log(`typical report (seed 000, ${Buffer.byteLength(typical)} bytes): parse+check median ${typicalMs.toFixed(3)} ms; line scan ${typicalScan.toFixed(4)} ms; ratio ${(typicalMs / typicalScan).toFixed(1)}x`);

const big = compilation(10 * 1024 * 1024);
const bigBytes = Buffer.byteLength(big.text);
for (let i = 0; i < 3; i++) checkText(big.text); // warm up on the compilation's own shapes
const bigMs = time(15, () => checkText(big.text));
const bigScan = time(15, () => lineScan(big.text));
console.log(
  `compilation: ${mb(bigBytes)} MB, ${big.reports} reports: parse+check median ${bigMs.toFixed(0)} ms ` +
    `(${(bigMs / big.reports).toFixed(3)} ms per report, ${(bigBytes / 1024 / 1024 / (bigMs / 1000)).toFixed(1)} MB/s); ` +
    `line scan ${bigScan.toFixed(1)} ms; ratio ${(bigMs / bigScan).toFixed(1)}x (target ≤ 20x)`,
);

/** What the result keeps alive: JavaScript heap and array buffers (the tables' numbers live in typed arrays). */
function retained(text: string): { heap: number; buffers: number } {
  // array buffers are freed a collection or two after their last reference
  const collect = (): void => [1, 2, 3].forEach(() => globalThis.gc?.());
  collect();
  const before = process.memoryUsage();
  const result = checkText(text);
  collect();
  const after = process.memoryUsage();
  if (result.reports.length === 0) throw new Error('nothing parsed');
  return { heap: after.heapUsed - before.heapUsed, buffers: after.arrayBuffers - before.arrayBuffers };
}
const half = compilation(5 * 1024 * 1024);
const halfRetained = retained(half.text);
const bigRetained = retained(big.text);
const total = (r: { heap: number; buffers: number }): number => r.heap + r.buffers;
const shown = (r: { heap: number; buffers: number }): string => `${mb(total(r))} MB (heap ${mb(r.heap)}, array buffers ${mb(r.buffers)})`;
console.log(
  `memory retained by the result: ${shown(halfRetained)} for ${mb(Buffer.byteLength(half.text))} MB input, ` +
    `${shown(bigRetained)} for ${mb(bigBytes)} MB input (ratio ${(total(bigRetained) / total(halfRetained)).toFixed(2)} for ${(bigBytes / Buffer.byteLength(half.text)).toFixed(2)}x input)`,
);

// linear time on pathological input: each case at 1×, 2× and 4× its size; the ratios should stay near 2
const seed = typical;
const SCALING: Record<string, (n: number) => string> = {
  'one report repeated': (n) => seed.repeat(500 * n),
  // each report's search for a citation must end at the report (it ran on to the end of the compilation)
  'reports citing no 国办公开办函': (n) => seed.replaceAll('国办公开办函', '有关通知').repeat(500 * n),
  // every report of a compilation asks whether another agency's of its year is in the folder (it scanned them all)
  'many short reports': (n) => Array.from({ length: 1000 * n }, (_, i) => `示例县第${i}局2024年政府信息公开工作年度报告\n一、总体情况\n本年度未收到申请。\n`).join(''),
  'one long prose line': (n) => '一、总体情况\n' + '政府信息公开'.repeat(60000 * n),
  'short lines': (n) => Array.from({ length: 200000 * n }, (_, i) => ['0', '总计\t1\t2', '', '（七）', 'abc'][i % 5]).join('\n'),
};
for (const [name, make] of Object.entries(SCALING)) {
  const times = [1, 2, 4].map((n) => {
    const text = make(n);
    return { mb: text.length / 1024 / 1024, ms: time(3, () => checkText(text)) };
  });
  console.log(
    `scaling, ${name}: ${times.map((t) => `${t.mb.toFixed(1)} M chars ${t.ms.toFixed(0)} ms`).join(', ')}; ratios ${(times[1].ms / times[0].ms).toFixed(2)}, ${(times[2].ms / times[1].ms).toFixed(2)} (linear ≈ 2)`,
  );
}

// the CLI (dist/cli.js, a process) on folders of one-report files, agencies reporting two years running: the cost per file must not grow
// with the number of files (each report is compared with last year's among all of them)
// as a user runs it, and, for the 4,000 files, with worker threads (one per core but one, at least 2) and with one thread run in turn
const POOL_WORKERS = Math.max(2, availableParallelism() - 1);
const folderTimes = [1000, 2000, 4000].map((files) => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  try {
    for (let i = 0; i < files; i++) {
      const values = consistentValues(seededRandom(i + 1));
      writeFileSync(join(dir, `r${i}.txt`), renderReport({ agency: `示例县第${i >> 1}局`, year: 2023 + (i % 2), values, layout: LAYOUTS[i % LAYOUTS.length] }));
    }
    const check = (threads?: number): number => {
      const env = threads ? { ...process.env, XXGK_THREADS: String(threads) } : process.env;
      const t0 = process.hrtime.bigint();
      const cli = spawnSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', dir], { maxBuffer: 1 << 28, env });
      if (cli.status === 2 || cli.status === null) throw new Error(`xxgk check failed: ${cli.stderr}`);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    if (files < 4000) return { files, ms: time(3, () => check()), pooled: null, oneThread: null };
    const pooled: number[] = [];
    const single: number[] = [];
    for (let run = 0; run < 5; run++) {
      pooled.push(check(POOL_WORKERS));
      single.push(check(1));
    }
    return { files, ms: time(3, () => check()), pooled: median(pooled), oneThread: median(single) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
console.log(
  `scaling, xxgk check on a folder: ${folderTimes.map((t) => `${t.files} files ${t.ms.toFixed(0)} ms`).join(', ')}; ratios ${(folderTimes[1].ms / folderTimes[0].ms).toFixed(2)}, ${(folderTimes[2].ms / folderTimes[1].ms).toFixed(2)} (linear ≈ 2)`,
);
const [biggest] = folderTimes.slice(-1);
console.log(
  `worker pool, xxgk check on 4,000 files (${availableParallelism()} cores): ${POOL_WORKERS} workers ${biggest.pooled!.toFixed(0)} ms, one thread ${biggest.oneThread!.toFixed(0)} ms (medians of 5 run in turn; ${(biggest.oneThread! / biggest.pooled!).toFixed(2)}x)`,
);

// copied-text on a folder of 1,000 reports, 500 agencies reporting two years running with a real report's prose
// (洪泽 2024, each year's copy of the last): CPU of parsing and every check, and of copied-text's part of it
{
  const real = readFileSync(join(process.cwd(), 'test', 'fixtures', 'real', 'hongze-2024.txt'), 'utf8');
  const numerals = '零一二三四五六七八九';
  const agency = (i: number): string => `示例县${[...String(i)].map((d) => numerals[+d]).join('')}号局`;
  const texts: string[] = [];
  for (let i = 0; i < 500; i++) for (const year of [2023, 2024]) texts.push(real.replace('淮安市洪泽区人民政府\n2024 年', `${agency(i)}\n${year} 年`).replaceAll('2024 年，', `${year} 年，`));
  const cpu = (f: () => void): number => {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1000;
  };
  const parsedFolder = () => {
    const parsed = texts.map(parseDocument);
    return { parsed, index: indexByAgencyYear(parsed.flatMap((p) => p.reports)) };
  };
  let findings = 0;
  const all = Math.min(
    ...[0, 1, 2, 3, 4].map(() =>
      cpu(() => {
        const { parsed, index } = parsedFolder();
        findings = parsed.reduce((n, p) => n + checkParsed(p, {}, index).diagnostics.filter((d) => d.code === 'copied-text').length, 0);
      }),
    ),
  );
  const copied = Math.min(
    ...[0, 1, 2, 3, 4].map(() => {
      const { parsed, index } = parsedFolder();
      const pairs = parsed.flatMap((p) => p.reports.map((r) => [r, index.get(agencyYearKey(r, -1)!)] as const));
      return cpu(() => pairs.forEach(([r, last]) => last && copiedFrom(r, last)));
    }),
  );
  console.log(
    `copied-text, a folder of ${texts.length} reports (${(texts.join('').length / 1e6).toFixed(1)} M chars, ${findings} copied from last year): ` +
      `parse + every check ${all.toFixed(0)} ms CPU, of which copied-text ${copied.toFixed(0)} ms (${((100 * copied) / all).toFixed(1)} %)`,
  );
}
