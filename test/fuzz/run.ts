// `npm run fuzz [-- --cases N --seed S --workers W]`: the long fuzz run (1,000,000 cases by default), spread
// over worker threads. Prints cases run, failures (each written to test/fixtures/fuzz/ as a regression
// fixture), and the time per KB: median, and the slowest case measured again (best of 5) against it.
// Exit 1 on any failure or when the slowest case takes more than 10× the median time per KB.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { FuzzFailure, runCase } from './cases';

interface Slow {
  caseNo: number;
  perKb: number;
}
interface Report {
  cases: number;
  failures: { caseNo: number; message: string; text: string }[];
  perKb: number[];
  slowest: Slow[];
}

const MIN_BYTES = 2048; // tiny truncated cases measure overhead, not the parser
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};

function work(from: number, to: number, seed: number): Report {
  const report: Report = { cases: 0, failures: [], perKb: [], slowest: [] };
  for (let caseNo = from; caseNo < to; caseNo++) {
    try {
      const { bytes, ms } = runCase(caseNo, seed);
      if (bytes >= MIN_BYTES) {
        const perKb = ms / (bytes / 1024);
        if (caseNo % 10 === 0) report.perKb.push(perKb);
        report.slowest.push({ caseNo, perKb });
        if (report.slowest.length > 40) report.slowest = report.slowest.sort((a, b) => b.perKb - a.perKb).slice(0, 20);
      }
    } catch (e) {
      const failure = e instanceof FuzzFailure ? e : new FuzzFailure(String(e), '');
      report.failures.push({ caseNo, message: failure.message.slice(0, 2000), text: failure.text });
    }
    report.cases++;
  }
  report.slowest = report.slowest.sort((a, b) => b.perKb - a.perKb).slice(0, 20);
  return report;
}

const SAMPLE = 2000;

/** The median time per KB of SAMPLE cases spread over the run, each best of 5, measured in this thread. */
function sampleMedian(cases: number, seed: number): number {
  const step = Math.max(1, Math.floor(cases / SAMPLE));
  const perKb: number[] = [];
  for (let caseNo = 0; caseNo < cases && perKb.length < SAMPLE; caseNo += step) {
    const { bytes } = runCase(caseNo, seed, Number.MAX_SAFE_INTEGER);
    if (bytes >= MIN_BYTES) perKb.push(remeasure(caseNo, seed));
  }
  return perKb.sort((a, b) => a - b)[Math.floor(perKb.length / 2)];
}

/** The case measured again, best of 5, so a GC pause is not taken for a slow parse. */
function remeasure(caseNo: number, seed: number): number {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const { bytes, ms } = runCase(caseNo, seed, Number.MAX_SAFE_INTEGER);
    best = Math.min(best, ms / (bytes / 1024));
  }
  return best;
}

async function main(): Promise<void> {
  const cases = option('cases', 1_000_000);
  const seed = option('seed', 1);
  const workers = option('workers', Math.max(1, availableParallelism()));
  const started = Date.now();
  const per = Math.ceil(cases / workers);
  const reports = await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      new Promise<Report>((resolve, reject) => {
        const worker = new Worker(__filename, { workerData: { from: w * per, to: Math.min(cases, (w + 1) * per), seed } });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    ),
  );
  const failures = reports.flatMap((r) => r.failures);
  const perKb = reports.flatMap((r) => r.perKb).sort((a, b) => a - b);
  const median = perKb[Math.floor(perKb.length / 2)];
  const slowest = reports.flatMap((r) => r.slowest).sort((a, b) => b.perKb - a.perKb).slice(0, 5);
  // the slowest are measured again here, in a thread whose JIT has not run the parser yet: warm it on a sample
  // of cases first, and compare with that sample's median measured the same way
  const local = sampleMedian(cases, seed);
  const remeasured = slowest.map((s) => ({ ...s, best: remeasure(s.caseNo, seed) })).sort((a, b) => b.best - a.best);
  const worst = remeasured[0];
  mkdirSync('test/fixtures/fuzz', { recursive: true });
  for (const f of failures) {
    const name = createHash('sha1').update(f.text).digest('hex').slice(0, 12);
    writeFileSync(join('test/fixtures/fuzz', `${name}.txt`), f.text);
    console.log(`FAIL case ${f.caseNo} → test/fixtures/fuzz/${name}.txt: ${f.message.split('\n')[0]}`);
  }
  const total = reports.reduce((n, r) => n + r.cases, 0);
  console.log(`fuzz: ${total} cases (seed ${seed}, ${workers} workers) in ${((Date.now() - started) / 1000).toFixed(0)} s; ${failures.length} failures`);
  console.log(
    `time per KB: median ${median.toFixed(4)} ms over the run, ${local.toFixed(4)} ms over ${SAMPLE} cases measured again; ` +
      `slowest case ${worst.caseNo}: ${worst.best.toFixed(4)} ms per KB (best of 5) = ${(worst.best / local).toFixed(1)}× that median (bound 10×)`,
  );
  process.exit(failures.length || worst.best > 10 * local ? 1 : 0);
}

if (isMainThread) void main();
else {
  const { from, to, seed } = workerData as { from: number; to: number; seed: number };
  parentPort!.postMessage(work(from, to, seed));
}
