// `xxgk check [--format text|json|sarif|html] [--encoding auto|utf8|gbk] [--locale zh|en] PATH...`
// Exit status: 0 no error-severity diagnostic, 1 some, 2 usage or I/O error.
import { checkParsed, CODES, indexByAgencyYear, isReport, LineIndex, localeOf, message, parseDocument, type Locale } from './engine';
import { decode, type Encoding } from './files/decode';
import { findFiles, type FoundFile } from './files/find';
import { readRegularFile } from './files/read';
import { ConfigError, findConfigFile, readConfigFile, type XxgkConfig } from './config';
import { toJson, toSarif, toText, type FileReport } from './cli/format';
import { toHtml, type Checked } from './cli/html';

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

async function load(found: FoundFile, encoding: Encoding): Promise<Loaded> {
  if (found.error) return { path: found.path, error: found.error };
  try {
    const decoded = decode(await readRegularFile(found.path, MAX_REPORT_BYTES), encoding);
    return { path: found.path, text: decoded.text, binary: decoded.binary, replaced: decoded.replaced };
  } catch (e) {
    return { path: found.path, error: (e as Error).message };
  }
}

export async function run(argv: readonly string[], cwd = process.cwd()): Promise<{ stdout: string; stderr: string; code: number }> {
  let parsedArgs: Args;
  let config: XxgkConfig;
  try {
    parsedArgs = parseArgs(argv);
    const file = findConfigFile(cwd);
    config = file ? readConfigFile(file) : {};
  } catch (e) {
    if (e instanceof ConfigError) return { stdout: '', stderr: `xxgk: ${e.message}`, code: 2 };
    if (!(e instanceof UsageError)) throw e;
    return { stdout: e.message ? '' : USAGE, stderr: e.message ? `xxgk: ${e.message}\n${USAGE}` : '', code: e.message ? 2 : 0 };
  }
  const configLocale = config.locale && config.locale !== 'auto' ? config.locale : null;
  const args = { ...parsedArgs, locale: parsedArgs.locale ?? configLocale ?? localeOf(process.env.XXGK_LOCALE) };
  const skipped: string[] = [];
  const loaded: Loaded[] = [];
  for await (const found of findFiles(args.paths, (path, reason) => skipped.push(`xxgk: ${path}: skipped: ${reason}`))) {
    loaded.push(await load(found, args.encoding));
  }
  // every file parsed once; every report indexed once, so a report can be compared with last year's from another file
  const parsed = loaded.map((l) => (l.text !== undefined && !l.binary ? parseDocument(l.text) : null));
  const lastYear = indexByAgencyYear(parsed.flatMap((p) => p?.reports ?? []));
  const options = { locale: args.locale, severity: config.severity, deadline: config.deadline };
  const checked = new Map<string, Checked>();
  const files: FileReport[] = loaded.map((l, i) => {
    if (l.error !== undefined) return { path: l.path, reports: [], diagnostics: [], error: l.error };
    const text = l.text!;
    if (l.binary) return { path: l.path, reports: [], diagnostics: [], notice: message(args.locale, 'not-a-report') };
    const result = checkParsed(parsed[i]!, options, lastYear);
    // a file decoded with bad bytes replaced is checked, and says so
    const replaced = l.replaced ? message(args.locale, 'not-utf8', { count: l.replaced }) : null;
    if (!isReport(result)) {
      const notice = [replaced, message(args.locale, 'not-a-report')].filter(Boolean).join(args.locale === 'zh' ? '；' : '; ');
      return { path: l.path, reports: [], diagnostics: [], notice };
    }
    const index = new LineIndex(text);
    checked.set(l.path, { text, result });
    return {
      path: l.path,
      reports: result.reports.map((r) => ({ title: r.title, year: r.year, template: r.template, range: index.range(r.span.start, r.span.end) })),
      diagnostics: result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: index.range(d.span.start, d.span.end) })),
      ...(replaced && { notice: replaced }),
    };
  });
  const ioErrors = files.filter((f) => f.error);
  const stderr = [...skipped, ...ioErrors.map((f) => `xxgk: ${f.path}: ${f.error}`)].join('\n');
  const hasError = files.some((f) => f.diagnostics.some((d) => d.severity === 'error'));
  const stdout =
    args.format === 'json'
      ? toJson(files)
      : args.format === 'sarif'
        ? toSarif(files, CODES)
        : args.format === 'html'
          ? toHtml(files, checked, args.locale)
          : toText(files, args.locale);
  return { stdout, stderr, code: ioErrors.length ? 2 : hasError ? 1 : 0 };
}

/** run(), with any unexpected failure reported as exit 2 and nothing on stdout (never half a JSON document). */
async function runGuarded(argv: readonly string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    return await run(argv);
  } catch (e) {
    return { stdout: '', stderr: `xxgk: internal error: ${(e as Error).stack ?? e}`, code: 2 };
  }
}

if (require.main === module) {
  void runGuarded(process.argv.slice(2)).then(({ stdout, stderr, code }) => {
    if (stderr) process.stderr.write(stderr + '\n');
    // write fully before exiting, so a piped JSON document is never cut short
    if (stdout) process.stdout.write(stdout + '\n', () => process.exit(code));
    else process.exit(code);
  });
}
