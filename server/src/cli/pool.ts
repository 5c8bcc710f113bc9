// `xxgk check` on many files: the files shared among worker threads, each part read and parsed in the worker that
// checks it, while the main thread writes the output. Between the two passes the main thread finds every report's
// partners from what the parts sent of their reports, as checkParsed does from the reports themselves: last year's
// report of the agency (the file's own first, then the first of the run), and the likeliest peer of another agency
// among the run's first report of each agency and year. The output is the same, in the same order, as one thread's.
//
// Workers pay for themselves only with cores to spare: one thread already keeps more than one core busy (V8 compiles
// and collects garbage beside it), and every worker compiles and warms up the checker again. On 2 cores a folder of
// 4,000 reports took as long with 2 threads as with one, or longer (npm run bench); from 4 cores, one worker per core
// but one checks while the main thread writes.
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { firstOfEachKey, firstOfEachKeyByGroup, PeerIndex } from '../engine';
import type { Encoding } from '../files/decode';
import type { FoundFile } from '../files/find';
import type { CheckOptions, Outcome } from './checked-file';
import type { FileReport, Pending } from './format';
import { Shard, type CheckedFile, type FilePlan, type LoadedFile, type ReportEntry, type ReportRef, type ShardSetup } from './shard';

/** Files handed out at a time in the first pass: small enough that the parts end together, large enough that asking costs nothing. */
const BATCH = 32;
/** A worker costs about what checking this many typical reports does (starting it, reading the bundle): fewer files stay in one thread. */
const POOL_FROM = 256;
/** Below this many cores, one thread (see above). */
const POOL_CORES = 4;
const MAX_WORKERS = 8;

/**
 * How many worker threads check `files` files, 0 for none (the main thread checks them): XXGK_THREADS when set (1:
 * none), else one per core but one, from POOL_CORES cores, for a folder large enough.
 */
export function workersFor(files: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const asked = Number.parseInt(env.XXGK_THREADS ?? '', 10);
  const workers = asked >= 1 ? asked : files < POOL_FROM || cores < POOL_CORES ? 1 : cores - 1;
  return workers < 2 ? 0 : Math.min(workers, MAX_WORKERS, files);
}

interface Part {
  load(from: number, to: number): Promise<LoadedFile[]>;
  check(plans: readonly FilePlan[]): Promise<CheckedFile[]>;
  close(): Promise<unknown>;
}

const ROLE = 'xxgk-check-shard';

/** A part checked by a worker thread running this same bundle (see serveShard). */
function workerPart(setup: ShardSetup): Part {
  const worker = new Worker(__filename, { workerData: { role: ROLE, setup } });
  const pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  let next = 0;
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', ({ id, result, error }: { id: number; result?: never; error?: string }) => {
    const p = pending.get(id)!;
    pending.delete(id);
    if (error === undefined) p.resolve(result!);
    else p.reject(new Error(error));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`a check worker stopped (exit ${code})`)));
  const call = <T>(method: 'load' | 'check', args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.set(next, { resolve: resolve as (v: never) => void, reject });
      worker.postMessage({ id: next++, method, args });
    });
  return { load: (from, to) => call('load', [from, to]), check: (plans) => call('check', [plans]), close: () => worker.terminate() };
}

/** Whether this thread is a worker the pool started: then it serves its part and does nothing else. */
export function isShardWorker(): boolean {
  return parentPort !== null && (workerData as { role?: string } | null)?.role === ROLE;
}

export function serveShard(): void {
  const shard = new Shard((workerData as { setup: ShardSetup }).setup);
  parentPort!.on('message', ({ id, method, args }: { id: number; method: 'load' | 'check'; args: never[] }) => {
    const call = method === 'load' ? shard.load(args[0], args[1]) : shard.check(args[0]);
    call.then(
      (result) => parentPort!.postMessage({ id, result }),
      (e) => parentPort!.postMessage({ id, error: (e as Error).stack ?? String(e) }),
    );
  });
}

interface Entry extends ReportEntry {
  readonly ref: ReportRef;
}

/**
 * Every report's partners, as checkedFiles finds them: last year's report in the file itself, else in its folder
 * (`folderOf` a file's index in the list found), else the run's first.
 */
export function planPartners(files: readonly LoadedFile[], folderOf: (index: number) => string): FilePlan[] {
  const entries = files.map((f) => f.reports.map((r, i): Entry => ({ ...r, ref: [f.index, i] })));
  const byKey = (list: readonly Entry[]) => firstOfEachKey(list, (e) => e.key);
  const run = byKey(entries.flat());
  const folderIndexes = firstOfEachKeyByGroup<Entry>(files.map((f, i) => [folderOf(f.index), entries[i]!] as const), (e) => e.key);
  const peers = new PeerIndex<Entry>(run, (e) => e.hashes!, (e) => e.key!);
  return entries.map((own, i) => {
    const ownIndex = byKey(own);
    const folderIndex = folderIndexes.get(folderOf(files[i]!.index))!;
    return {
      index: files[i]!.index,
      partners: own.map((e) => {
        const previous = e.previousKey === null ? undefined : (ownIndex.get(e.previousKey) ?? folderIndex.get(e.previousKey) ?? run.get(e.previousKey));
        const peer = run.size ? peers.likeliest(e, () => e.hashes!, ownIndex) : null;
        return { ...(previous && { previous: previous.ref }), ...(peer && { peer: peer.ref }) };
      }),
    };
  });
}

/**
 * The files checked by `workers` worker threads: their entries of the output in the order found, each file as soon as it
 * and those before it are checked (a promise where the next is not yet: see Pending). A file that could not be read
 * is said on stderr once, in that order, before any is checked. At most WINDOW files' entries are held unwritten.
 */
export async function checkInPool(found: readonly FoundFile[], encoding: Encoding, options: CheckOptions, workers: number, outcome: Outcome, tell: (line: string) => void): Promise<Iterable<FileReport | Pending>> {
  const setup: ShardSetup = { found, encoding, options };
  const parts = Array.from({ length: workers }, () => workerPart(setup));
  const close = () => void Promise.all(parts.map((part) => part.close()));
  try {
    const holder = await loadInParts(parts, found.length);
    for (const [i, file] of holder.loaded.entries()) {
      if (file.error === undefined) continue;
      tell(`xxgk: ${found[i]!.path}: ${file.error}`);
      outcome.failed = true;
    }
    return inOrder(parts, planPartners(holder.loaded, (i) => dirname(found[i]!.path)), holder.of, outcome, tell, close);
  } catch (e) {
    close();
    throw e;
  }
}

/** The files read and parsed by the parts, a batch at a time to whichever part is free; which part holds which file. */
async function loadInParts(parts: readonly Part[], count: number): Promise<{ loaded: LoadedFile[]; of: number[] }> {
  const loaded: LoadedFile[] = [];
  const of: number[] = [];
  let next = 0;
  await Promise.all(
    parts.map(async (part, p) => {
      while (next < count) {
        const from = next;
        next = Math.min(count, next + BATCH);
        for (const file of await part.load(from, next)) {
          loaded[file.index] = file;
          of[file.index] = p;
        }
      }
    }),
  );
  return { loaded, of };
}

/** Files checked but not yet written, at most: the parts wait beyond it (a folder of reports with many thousand diagnostics each). */
const WINDOW = 8 * BATCH;

function inOrder(parts: readonly Part[], plans: readonly FilePlan[], holderOf: readonly number[], outcome: Outcome, tell: (line: string) => void, close: () => void): Iterable<FileReport | Pending> {
  const checked: (CheckedFile | undefined)[] = [];
  let written = 0;
  let failure: unknown = null;
  // one promise for "something changed" (a batch checked, a file written, a part failed), renewed when it has
  let changed!: () => void;
  let change = new Promise<void>((resolve) => (changed = resolve));
  const signal = () => {
    changed();
    change = new Promise<void>((resolve) => (changed = resolve));
  };
  parts.forEach(async (part, p) => {
    const mine = plans.filter((plan) => holderOf[plan.index] === p);
    try {
      for (let at = 0; at < mine.length; at += BATCH) {
        const batch = mine.slice(at, at + BATCH);
        while (batch[0]!.index - written > WINDOW) await change;
        for (const file of await part.check(batch)) checked[file.index] = file;
        signal();
      }
    } catch (e) {
      failure ??= e;
      signal();
    }
  });
  return {
    *[Symbol.iterator]() {
      try {
        while (written < plans.length) {
          if (failure) throw failure;
          const file = checked[written];
          if (!file) {
            yield change;
            continue;
          }
          checked[written++] = undefined;
          signal();
          for (const line of file.told) tell(line);
          outcome.errors ||= file.outcome.errors;
          outcome.failed ||= file.outcome.failed;
          yield file.report;
        }
      } finally {
        close();
      }
    },
  };
}
