// `xxgk check`: the files read, every report checked (against last year's found among them), the output
// written as it is made.
import {
  checkParsed,
  CODES,
  indexByAgencyYear,
  isReport,
  LineIndex,
  message,
  parseDocument,
  type CheckResult,
  type EngineOptions,
  type Locale,
} from '../engine';
import type { FoundFile } from '../files/find';
import type { CheckArgs } from './args';
import { eachFile, loadFile, type Loaded } from './files';
import { loadFixed, type FixTally } from './fix';
import { toJson, toSarif, toText, type FileReport } from './format';
import { toHtml, type Checked } from './html';
import { cliMessage } from './messages';
import { originOf } from './origins';
import { commonRoot } from './paths';
import type { Sink } from './sink';

/** What a run found, filled in while its output is made. */
export interface Outcome {
  /** an error-severity diagnostic was found (exit 1) */
  errors: boolean;
  /** a file could not be read or checked (exit 2) */
  failed: boolean;
}

export type CheckOptions = EngineOptions & { locale: Locale };

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
  const locale = options.locale;
  // every file parsed once; every report indexed once, so a report can be compared with last year's from another file
  const parsed = loaded.map((l) => (l.text !== undefined && !l.binary ? parseDocument(l.text) : null));
  const lastYear = indexByAgencyYear(parsed.flatMap((p) => p?.reports ?? []));
  for (const [i, l] of loaded.entries()) {
    if (l.error !== undefined) {
      yield { path: l.path, reports: [], diagnostics: [], error: l.error };
      continue;
    }
    const source = l.source && { format: l.source.format };
    if (l.binary) {
      yield { path: l.path, reports: [], diagnostics: [], notice: message(locale, 'not-a-report') };
      continue;
    }
    let result: CheckResult;
    try {
      result = checkParsed(parsed[i]!, l.shortFormulas ? { ...options, shortFormulas: l.shortFormulas } : options, lastYear);
    } catch (e) {
      // one file the checker fails on is that file's error: the others are still checked, the document stays whole
      outcome.failed = true;
      tell(`xxgk: ${l.path}: ${cliMessage(locale, 'io.internal', { reason: (e as Error).stack ?? String(e) })}`);
      yield { path: l.path, source, reports: [], diagnostics: [], error: cliMessage(locale, 'io.internal', { reason: (e as Error).message }) };
      continue;
    }
    parsed[i] = null;
    // a file decoded with bad bytes replaced, or imported with something to say, is checked, and says so
    const said = [l.replaced ? message(locale, 'not-utf8', { count: l.replaced }) : null, ...(l.notes ?? [])].filter((n): n is string => !!n);
    const join = (notices: string[]): string => notices.join(locale === 'zh' ? '；' : '; ');
    if (!isReport(result)) {
      yield { path: l.path, source, reports: [], diagnostics: [], notice: join([...said, message(locale, 'not-a-report')]) };
      continue;
    }
    const text = l.text!;
    const index = new LineIndex(text);
    onChecked(l.path, { text, result, source: l.source });
    outcome.errors ||= result.diagnostics.some((d) => d.severity === 'error');
    const diagnostics = result.diagnostics;
    yield {
      path: l.path,
      source,
      reports: result.reports.map((r) => ({ title: r.title, year: r.year, template: r.template, range: index.range(r.span.start, r.span.end) })),
      diagnostics: {
        *[Symbol.iterator]() {
          for (const d of diagnostics) {
            const origin = originOf(l.source, d.span);
            yield { code: d.code, severity: d.severity, message: d.message, range: index.range(d.span.start, d.span.end), ...(origin && { origin }) };
          }
        },
      },
      ...(said.length && { notice: join(said) }),
    };
  }
}

function* endLine(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

/** Reads every file under the paths; a file that cannot be read is said once, on stderr. */
export async function loadAll(paths: readonly string[], load: (found: FoundFile) => Loaded | Promise<Loaded>, locale: Locale, tell: (line: string) => void): Promise<Loaded[]> {
  const loaded: Loaded[] = [];
  await eachFile(paths, locale, tell, async (found) => {
    const l = await load(found);
    if (l.error !== undefined) tell(`xxgk: ${l.path}: ${l.error}`);
    loaded.push(l);
  });
  return loaded;
}

/**
 * `xxgk check`: the output written to `out` as it is made; the exit status. With --fix, the changes come first:
 * on stdout in the text output, on stderr beside a JSON, SARIF or HTML document.
 */
export async function check(args: CheckArgs, options: CheckOptions, out: Sink, tell: (line: string) => void): Promise<number> {
  const locale = options.locale;
  const tally: FixTally = { files: 0, changes: 0, failed: false };
  const fixLines: string[] = [];
  const reportFix = args.format === 'text' ? (line: string) => fixLines.push(line) : tell;
  const load = args.fix
    ? (found: FoundFile) => loadFixed(found, args.encoding, options, tally, reportFix, tell)
    : (found: FoundFile) => loadFile(found, args.encoding, locale);
  const loaded = await loadAll(args.paths, load, locale, tell);
  if (tally.changes) reportFix(cliMessage(locale, 'fix.done', { changes: tally.changes, files: tally.files }));
  for (const line of fixLines) await out.write(`${line}\n`);
  const outcome: Outcome = { errors: false, failed: tally.failed || loaded.some((l) => l.error !== undefined) };
  const files = (onChecked?: (path: string, checked: Checked) => void) => checkedFiles(loaded, options, outcome, tell, onChecked);
  let pieces: Iterable<string>;
  if (args.format === 'html') {
    const checked = new Map<string, Checked>();
    const all = [...files((path, c) => checked.set(path, c))];
    pieces = [toHtml(all, checked, locale, commonRoot(args.paths))];
  } else if (args.format === 'text') pieces = toText(files(), locale);
  else pieces = endLine(args.format === 'json' ? toJson(files()) : toSarif(files(), CODES));
  for (const piece of pieces) {
    if (out.failure) break;
    await out.write(piece);
  }
  return outcome.failed ? 2 : outcome.errors ? 1 : 0;
}
