// `xxgk check [--format text|json|sarif|html] [--encoding auto|utf8|gbk] [--locale zh|en] PATH...`
// Exit status: 0 no error-severity diagnostic, 1 some, 2 usage or I/O error.
import {
  checkParsed,
  CODES,
  indexByAgencyYear,
  isReport,
  LineIndex,
  localeOf,
  message,
  parseDocument,
  type CheckResult,
  type EngineOptions,
  type Locale,
} from './engine';
import { decode, type Encoding } from './files/decode';
import { findFiles, type FoundFile } from './files/find';
import { readRegularFileSync } from './files/read';
import { ConfigError, findConfigFile, readConfigFile, type XxgkConfig } from './config';
import { toJson, toSarif, toText, type FileReport } from './cli/format';
import { toHtml, type Checked } from './cli/html';
import { Sink } from './cli/sink';

/** Far above any report, or any dump of many reports, and far below what the checker could not hold in memory. */
const MAX_REPORT_BYTES = 128 * 1024 * 1024;

const USAGE = `usage: xxgk check [--format text|json|sarif|html] [--encoding auto|utf8|gbk] [--locale zh|en] PATH...
  PATH: report files, or folders searched for *.txt, *.md and *.xxgk`;

interface Args {
  format: 'text' | 'json' | 'sarif' | 'html';
  encoding: Encoding;
  /** from --locale; else xxgk.config.json; else XXGK_LOCALE */
  locale: Locale | null;
  paths: string[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const rest = [...argv];
  if (rest[0] === 'check') rest.shift();
  const args: Args = { format: 'text', encoding: 'auto', locale: null, paths: [] };
  const choice = <T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T => {
    if (!value || !allowed.includes(value as T)) throw new UsageError(`${flag} takes one of: ${allowed.join(', ')}`);
    return value as T;
  };
  while (rest.length) {
    const arg = rest.shift()!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest.shift();
    if (flag === '--format') args.format = choice(flag, value(), ['text', 'json', 'sarif', 'html'] as const);
    else if (flag === '--encoding') args.encoding = choice(flag, value(), ['auto', 'utf8', 'gbk'] as const);
    else if (flag === '--locale') args.locale = choice(flag, value(), ['zh', 'en'] as const);
    else if (flag === '--help' || flag === '-h') throw new UsageError('');
    else if (flag === '--') args.paths.push(...rest.splice(0));
    else if (flag.startsWith('--')) throw new UsageError(`unknown option ${flag}`);
    else args.paths.push(arg);
  }
  if (!args.paths.length) throw new UsageError('no PATH given');
  return args;
}

interface Loaded {
  path: string;
  text?: string;
  error?: string;
  binary?: boolean;
  /** byte sequences that were not UTF-8, replaced (see decode) */
  replaced?: number;
}

// read synchronously: the CLI has nothing else to do meanwhile, and thousands of small files read faster so
function load(found: FoundFile, encoding: Encoding): Loaded {
  if (found.error) return { path: found.path, error: found.error };
  try {
    const decoded = decode(readRegularFileSync(found.path, MAX_REPORT_BYTES), encoding);
    return { path: found.path, text: decoded.text, binary: decoded.binary, replaced: decoded.replaced };
  } catch (e) {
    return { path: found.path, error: (e as Error).message };
  }
}

/** What a run found, filled in while its output is made. */
interface Outcome {
  /** an error-severity diagnostic was found (exit 1) */
  errors: boolean;
  /** a file could not be read or checked (exit 2) */
  failed: boolean;
}

/**
 * The files checked one at a time, as the output asks for them: a file's diagnostics are turned into output
 * entries when written, so only one file's are held. `onChecked` gets each report file (the HTML page needs them).
 */
function* checkedFiles(
  loaded: readonly Loaded[],
  options: EngineOptions & { locale: Locale },
  outcome: Outcome,
  say: (line: string) => void,
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
    if (l.binary) {
      yield { path: l.path, reports: [], diagnostics: [], notice: message(locale, 'not-a-report') };
      continue;
    }
    let result: CheckResult;
    try {
      result = checkParsed(parsed[i]!, options, lastYear);
    } catch (e) {
      // one file the checker fails on is that file's error: the others are still checked, the document stays whole
      outcome.failed = true;
      say(`xxgk: ${l.path}: internal error: ${(e as Error).stack ?? e}`);
      yield { path: l.path, reports: [], diagnostics: [], error: `internal error: ${(e as Error).message}` };
      continue;
    }
    parsed[i] = null;
    // a file decoded with bad bytes replaced is checked, and says so
    const replaced = l.replaced ? message(locale, 'not-utf8', { count: l.replaced }) : null;
    if (!isReport(result)) {
      const notice = [replaced, message(locale, 'not-a-report')].filter(Boolean).join(locale === 'zh' ? '；' : '; ');
      yield { path: l.path, reports: [], diagnostics: [], notice };
      continue;
    }
    const text = l.text!;
    const index = new LineIndex(text);
    onChecked(l.path, { text, result });
    outcome.errors ||= result.diagnostics.some((d) => d.severity === 'error');
    const diagnostics = result.diagnostics;
    yield {
      path: l.path,
      reports: result.reports.map((r) => ({ title: r.title, year: r.year, template: r.template, range: index.range(r.span.start, r.span.end) })),
      diagnostics: {
        *[Symbol.iterator]() {
          for (const d of diagnostics) yield { code: d.code, severity: d.severity, message: d.message, range: index.range(d.span.start, d.span.end) };
        },
      },
      ...(replaced && { notice: replaced }),
    };
  }
}

function* endLine(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

/** `xxgk check`, writing the output to `out` as it is made and messages to `say`; the exit status. */
async function check(argv: readonly string[], out: Sink, say: (line: string) => void, cwd: string): Promise<number> {
  let parsedArgs: Args;
  let config: XxgkConfig;
  try {
    parsedArgs = parseArgs(argv);
    const file = findConfigFile(cwd);
    config = file ? readConfigFile(file) : {};
  } catch (e) {
    if (e instanceof ConfigError) {
      say(`xxgk: ${e.message}`);
      return 2;
    }
    if (!(e instanceof UsageError)) throw e;
    if (e.message) say(`xxgk: ${e.message}\n${USAGE}`);
    else await out.write(`${USAGE}\n`);
    return e.message ? 2 : 0;
  }
  const configLocale = config.locale && config.locale !== 'auto' ? config.locale : null;
  const args = { ...parsedArgs, locale: parsedArgs.locale ?? configLocale ?? localeOf(process.env.XXGK_LOCALE) };
  const loaded: Loaded[] = [];
  for await (const found of findFiles(args.paths, (path, reason) => say(`xxgk: ${path}: skipped: ${reason}`))) {
    loaded.push(load(found, args.encoding));
  }
  for (const l of loaded) if (l.error !== undefined) say(`xxgk: ${l.path}: ${l.error}`);
  const outcome: Outcome = { errors: false, failed: loaded.some((l) => l.error !== undefined) };
  const options = { locale: args.locale, severity: config.severity, deadline: config.deadline };
  const files = (onChecked?: (path: string, checked: Checked) => void) => checkedFiles(loaded, options, outcome, say, onChecked);
  let pieces: Iterable<string>;
  if (args.format === 'html') {
    const checked = new Map<string, Checked>();
    const all = [...files((path, c) => checked.set(path, c))];
    pieces = [toHtml(all, checked, args.locale), '\n'];
  } else if (args.format === 'text') pieces = toText(files(), args.locale);
  else pieces = endLine(args.format === 'json' ? toJson(files()) : toSarif(files(), CODES));
  for (const piece of pieces) {
    if (out.failure) break;
    await out.write(piece);
  }
  return outcome.failed ? 2 : outcome.errors ? 1 : 0;
}

/** check(), then the rest of the output written: output that could not be written is an I/O error (exit 2). */
export async function run(argv: readonly string[], out: Sink, say: (line: string) => void, cwd = process.cwd()): Promise<number> {
  const code = await check(argv, out, say, cwd);
  await out.flush();
  if (!out.failure) return code;
  say(`xxgk: cannot write the output: ${out.failure.message}`);
  return 2;
}

if (require.main === module) {
  const say = (line: string): void => void process.stderr.write(`${line}\n`);
  // exit once everything is written (a piped JSON document is never cut short); any unexpected failure is exit 2
  run(process.argv.slice(2), new Sink(process.stdout), say).then(
    (code) => (process.exitCode = code),
    (e) => {
      say(`xxgk: internal error: ${(e as Error).stack ?? e}`);
      process.exitCode = 2;
    },
  );
}
