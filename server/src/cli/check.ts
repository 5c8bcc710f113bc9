// `xxgk check`: the files read, every report checked (against last year's found among them), the output
// written as it is made.
import { dirname } from 'node:path';
import { agencyYearKey, checkParsed, CODES, firstOfEachKeyByGroup, indexByAgencyYear, type Locale, type Report } from '../engine';
import type { FoundFile } from '../files/find';
import type { CheckArgs } from './args';
import { checkedFile, parsedOf, type CheckDocument, type CheckOptions, type Outcome } from './checked-file';
import { eachFile, loadFile, type Loaded } from './files';
import { loadFixed, type FixTally } from './fix';
import { toJson, toSarif, toText, type FileReport, type Pending } from './format';
import { toHtml, type Checked } from './html';
import { cliMessage } from './messages';
import { commonRoot } from './paths';
import { checkInPool, workersFor } from './pool';
import type { Piece, Sink } from './sink';

export type { CheckOptions, Outcome } from './checked-file';

/**
 * The files checked one at a time, as the output asks for them: a file's diagnostics are turned into output
 * entries when written, so only one file's are held. `onChecked` gets each report file (the HTML page needs them).
 */
export function* checkedFiles(
  loaded: readonly Loaded[],
  options: CheckOptions,
  outcome: Outcome,
  tell: (line: string) => void,
  onChecked: (path: string, checked: Checked) => void = () => {},
): Generator<FileReport> {
  // every file parsed once; every report indexed once, so a report can be compared with last year's from another
  // file: one of its own folder's first, then the run's (`check A B` and `check B A` pair A's reports alike)
  const parsed = loaded.map(parsedOf);
  const run = indexByAgencyYear(parsed.flatMap((p) => p?.reports ?? []));
  const byFolder = firstOfEachKeyByGroup<Report>(loaded.map((l, i) => [dirname(l.path), parsed[i]?.reports ?? []] as const), (r) => agencyYearKey(r));
  for (const [i, l] of loaded.entries()) {
    const folder = byFolder.get(dirname(l.path));
    const checkDocument: CheckDocument = (p, o) => checkParsed(p, o, run, folder);
    yield checkedFile(l, parsed[i]!, checkDocument, options, outcome, tell, onChecked);
    parsed[i] = null;
  }
}

function* endLine(pieces: Iterable<Piece>): Generator<Piece> {
  yield* pieces;
  yield '\n';
}

/** Every file under the paths; a file skipped, or none found, is said on stderr. */
export async function foundFiles(paths: readonly string[], locale: Locale, tell: (line: string) => void): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  await eachFile(paths, locale, tell, (f) => void found.push(f));
  return found;
}

/** Reads every file found; a file that cannot be read is said once, on stderr. */
export async function loadAll(found: readonly FoundFile[], load: (found: FoundFile) => Loaded | Promise<Loaded>, tell: (line: string) => void): Promise<Loaded[]> {
  const loaded: Loaded[] = [];
  for (const f of found) {
    const l = await load(f);
    if (l.error !== undefined) tell(`xxgk: ${l.path}: ${l.error}`);
    loaded.push(l);
  }
  return loaded;
}

/**
 * `xxgk check`: the output written to `out` as it is made; the exit status. With --fix, the changes come first:
 * on stdout in the text output, on stderr beside a JSON, SARIF or HTML document. Many files are checked by a pool
 * of worker threads (pool.ts) where cores are to spare, but for --fix (each file written back in turn) and the
 * HTML page (which holds every text).
 */
export async function check(args: CheckArgs, options: CheckOptions, out: Sink, tell: (line: string) => void): Promise<number> {
  const locale = options.locale;
  const found = await foundFiles(args.paths, locale, tell);
  const workers = args.fix || args.format === 'html' ? 0 : workersFor(found.length);
  if (workers) {
    const outcome: Outcome = { errors: false, failed: false };
    const files = await checkInPool(found, args.encoding, options, workers, outcome, tell);
    return write(outputOf(args, files, locale), outcome, out);
  }
  const tally: FixTally = { files: 0, changes: 0, failed: false };
  const fixLines: string[] = [];
  const reportFix = args.format === 'text' ? (line: string) => fixLines.push(line) : tell;
  const load = args.fix
    ? (f: FoundFile) => loadFixed(f, args.encoding, options, tally, reportFix, tell)
    : (f: FoundFile) => loadFile(f, args.encoding, locale);
  const loaded = await loadAll(found, load, tell);
  if (tally.changes) reportFix(cliMessage(locale, 'fix.done', { changes: tally.changes, files: tally.files }));
  for (const line of fixLines) await out.write(`${line}\n`);
  const outcome: Outcome = { errors: false, failed: tally.failed || loaded.some((l) => l.error !== undefined) };
  if (args.format !== 'html') return write(outputOf(args, checkedFiles(loaded, options, outcome, tell), locale), outcome, out);
  const checked = new Map<string, Checked>();
  const all = [...checkedFiles(loaded, options, outcome, tell, (path, c) => checked.set(path, c))];
  return write([toHtml(all, checked, locale, commonRoot(args.paths))], outcome, out);
}

/** The text, JSON or SARIF output of the files' entries, in pieces. */
function outputOf(args: CheckArgs, files: Iterable<FileReport | Pending>, locale: Locale): Iterable<Piece> {
  if (args.format === 'text') return toText(files, locale);
  return endLine(args.format === 'json' ? toJson(files) : toSarif(files, CODES));
}

/** The output written as its pieces are made (the outcome is complete once they all are); the exit status. */
async function write(pieces: Iterable<Piece>, outcome: Outcome, out: Sink): Promise<number> {
  await out.writePieces(pieces);
  return outcome.failed ? 2 : outcome.errors ? 1 : 0;
}
