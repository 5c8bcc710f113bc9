// `npm run bench` (server part): a 10 MB compilation open in dist/server.js, spoken to over JSON-RPC.
// Keystroke latency = time from a one-character didChange to the publishDiagnostics of that version (the
// debounce is set to 0, so nothing needs subtracting), as a median over edits at random places, beside a
// full re-parse of the same text; hover and code-action latency; the server's memory with the document open.
// The server's own work per keystroke (update, conversion, serialisation) is also timed in-process, apart
// from the JSON-RPC transport of a large publication.
import { readdirSync, readFileSync } from 'node:fs';
import { checkText } from '../server/src/engine';
import { OpenDocument } from '../server/src/lsp/open-document';
import { PublishCache } from '../server/src/lsp/publish';
import { LspClient, wholePublication, type LspDiagnostic } from '../test/support/lsp-client';
import { compilation, seedsCompilation } from './compilation';
import { seededRandom } from '../test/support/generate';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const now = (): number => Number(process.hrtime.bigint()) / 1e6;
interface Stats {
  heapUsed: number;
  rss: number;
  /** the server's CPU time so far, user + system, in µs */
  cpu: number;
}
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

/**
 * CPU ticks (user + system, 1/100 s each) of each thread of a process, its main thread first, from /proc: V8 collects
 * and compiles on threads of its own, which process.cpuUsage counts with the main thread's. Empty where /proc is not.
 */
function threadTicks(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`)
      .sort((a, b) => Number(a) - Number(b))
      .map((tid) => {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(fields[11]) + Number(fields[12]);
      });
  } catch {
    return [];
  }
}

function serverWork(text: string, lines: string[]): { median: number; p90: number } {
  const doc = new OpenDocument('untitled:work.xxgk', 'xxgk-report', 1, text, {}, []);
  const cache = new PublishCache();
  cache.diagnostics(doc);
  const random = seededRandom(7);
  const samples: number[] = [];
  for (let k = 0; k < 300; k++) {
    const line = random(lines.length - 1);
    const character = random(lines[line].length);
    for (const change of [
      { range: { start: { line, character }, end: { line, character } }, text: '7' },
      { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' },
    ]) {
      const t0 = now();
      doc.applyChanges([change], doc.version + 1);
      JSON.stringify({ uri: doc.uri, version: doc.version, diagnostics: cache.diagnostics(doc) });
      samples.push(now() - t0);
    }
  }
  return { median: median(samples), p90: percentile(samples, 0.9) };
}

async function scenario(withErrors: boolean): Promise<void> {
  const { text, reports } = compilation(10 * 1024 * 1024, withErrors);
  const lines = text.split('\n');
  const random = seededRandom(42);
  const fullMs = median([0, 1, 2].map(() => {
    const t0 = now();
    checkText(text);
    return now() - t0;
  }));

  const inProcess = serverWork(text, lines);

  const client = await LspClient.start({ debounceMs: 0, latestOnly: true, nodeArgs: ['--expose-gc', ...(process.env.XXGK_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])] });
  const uri = 'untitled:compilation.xxgk';
  const idle = await client.request<Stats>('xxgk/stats', {});
  const openStart = now();
  await client.open(uri, text, 1);
  const opened = await client.diagnostics(uri, (p) => p.version === 1 && wholePublication(p), 120000);
  const openMs = now() - openStart;

  // edits at random table lines: type a digit, then delete it, so the text stays the same size
  const tableLines = lines.map((l, i) => (/\t\d/.test(l) ? i : -1)).filter((i) => i >= 0);
  const keystroke: number[] = [];
  let version = 1;
  for (let k = 0; k < 300; k++) {
    const line = tableLines[random(tableLines.length - 1)];
    const character = random(lines[line].length);
    for (const change of [
      { range: { start: { line, character }, end: { line, character } }, text: '7' },
      { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' },
    ]) {
      version++;
      const t0 = now();
      await client.change(uri, version, [change]);
      const v = version;
      await client.diagnostics(uri, (p) => p.version === v, 60000);
      keystroke.push(now() - t0);
    }
  }

  const hover: number[] = [];
  for (let k = 0; k < 200; k++) {
    const line = tableLines[random(tableLines.length - 1)];
    const t0 = now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].length - 1 } });
    hover.push(now() - t0);
  }
  const actions: number[] = [];
  const diagnostics = opened.diagnostics.filter((d: LspDiagnostic) => d.source === 'xxgk');
  for (let k = 0; k < 200 && diagnostics.length; k++) {
    const d = diagnostics[random(diagnostics.length - 1)];
    const t0 = now();
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    actions.push(now() - t0);
  }
  const open = await client.request<Stats>('xxgk/stats', {});
  await client.close(uri);
  const closed = await client.request<Stats>('xxgk/stats', {});
  await client.stop();

  const ms = (x: number): string => x.toFixed(2);
  const payload = Buffer.byteLength(JSON.stringify(opened));
  console.log(
    `server: ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB compilation, ${reports} reports, ${opened.diagnostics.length} diagnostics ` +
      `(${(payload / 1024).toFixed(0)} KB per publishDiagnostics)`,
  );
  console.log(`  open → publishDiagnostics of the whole document: ${openMs.toFixed(0)} ms; full re-parse+check in-process: median ${fullMs.toFixed(0)} ms`);
  console.log(
    `  keystroke → publishDiagnostics (debounce 0, ${keystroke.length} edits): median ${ms(median(keystroke))} ms, p90 ${ms(percentile(keystroke, 0.9))} ms ` +
      `(target < 5 ms); full re-parse / keystroke = ${(fullMs / median(keystroke)).toFixed(0)}x (target ≥ 50x)`,
  );
  console.log(`  server work per keystroke, in-process (update + LSP conversion + JSON): median ${ms(inProcess.median)} ms, p90 ${ms(inProcess.p90)} ms`);
  console.log(`  hover: median ${ms(median(hover))} ms; code action: median ${actions.length ? ms(median(actions)) : 'n/a'} ms (target < 5 ms)`);
  console.log(
    `  server memory after a full GC, heap used (RSS): idle ${mb(idle.heapUsed)} MB (${mb(idle.rss)} MB), with the document open after the edits ` +
      `${mb(open.heapUsed)} MB (${mb(open.rss)} MB) (target < 200 MB), after close ${mb(closed.heapUsed)} MB (${mb(closed.rss)} MB)`,
  );
}

/**
 * The seeds repeated to ~4.5 M characters, their real problems and all, open in the server: the CPU the server spends
 * per one-digit edit of a number cell (from its own process.cpuUsage), keystroke → publish, and open → first publish.
 */
async function seedsScenario(): Promise<void> {
  const { text, reports } = seedsCompilation(4.5e6);
  const lines = text.split('\n');
  const random = seededRandom(7);
  const client = await LspClient.start({ debounceMs: 0, latestOnly: true });
  try {
    const uri = 'untitled:seeds.xxgk';
    const t0 = now();
    await client.open(uri, text, 1);
    await client.diagnostics(uri, (p) => p.version === 1, 120000);
    const openMs = now() - t0;
    const opened = await client.diagnostics(uri, (p) => p.version === 1 && wholePublication(p), 120000);
    const wholeMs = now() - t0;
    const total = checkText(text).diagnostics.length;
    const cells = lines.flatMap((l, line) => [...l.matchAll(/(?<=\t)\d(?=\t|$)/g)].map((m) => ({ line, character: m.index! })));
    const before = await client.request<Stats>('xxgk/stats', {});
    const ticksBefore = threadTicks(client.process.pid!);
    const keystroke: number[] = [];
    let version = 1;
    const edits = 200;
    for (let k = 0; k < edits; k++) {
      const { line, character } = cells[random(cells.length - 1)];
      const digit = String((Number(lines[line][character]) + 1 + (k % 2)) % 10);
      lines[line] = lines[line].slice(0, character) + digit + lines[line].slice(character + 1);
      version++;
      const t1 = now();
      await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: digit }]);
      const v = version;
      await client.diagnostics(uri, (p) => p.version === v, 60000);
      keystroke.push(now() - t1);
    }
    const after = await client.request<Stats>('xxgk/stats', {});
    const ticks = threadTicks(client.process.pid!).map((t, k) => (t - (ticksBefore[k] ?? 0)) * 10 / edits);
    const threads = ticks.length ? ` (main thread ${ticks[0].toFixed(2)} ms, V8's other threads ${ticks.slice(1).reduce((a, b) => a + b, 0).toFixed(2)} ms)` : '';
    console.log(
      `server on the seeds compilation (${(text.length / 1e6).toFixed(1)} M chars, ${reports} reports, ${total} problems, ${opened.diagnostics.length} published): ` +
        `open → first publish ${openMs.toFixed(0)} ms (target ≤ 300 ms; its first reports), → the whole document's ${wholeMs.toFixed(0)} ms; per one-digit edit: server CPU ${((after.cpu - before.cpu) / 1000 / edits).toFixed(2)} ms${threads} (target ≤ 5 ms), ` +
        `keystroke → publish median ${median(keystroke).toFixed(2)} ms, p90 ${percentile(keystroke, 0.9).toFixed(2)} ms`,
    );
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  await seedsScenario();
  // a clean compilation publishes almost nothing; one report in ten with a wrong total publishes hundreds
  await scenario(false);
  await scenario(true);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
