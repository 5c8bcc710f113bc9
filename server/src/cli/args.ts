// The command line read into what to do. The first word is a command, never a path (`xxgk chek x/` is a usage
// error, not a check of a file named "chek"); an option a command does not take is a usage error too. A usage
// error carries its message key, so it is worded in the user's language once that is known.
import type { Locale } from '../engine';
import { editDistance } from '../engine/text/distance';
import type { Encoding } from '../files/decode';
import type { CliMessageKey } from './messages';

export const COMMANDS = ['check', 'summary', 'import'] as const;
export type Command = (typeof COMMANDS)[number];

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'html'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export const SUMMARY_FORMATS = ['csv', 'xlsx', 'json', 'html'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];
const ENCODINGS = ['auto', 'utf8', 'gbk'] as const;
const LOCALES = ['zh', 'en'] as const;

export interface CheckArgs {
  readonly command: 'check';
  readonly format: CheckFormat;
  readonly encoding: Encoding;
  /** from --locale; null when not given */
  readonly locale: Locale | null;
  /** --fix: the safe fixes written into the text files */
  readonly fix: boolean;
  readonly paths: readonly string[];
}

export interface SummaryArgs {
  readonly command: 'summary';
  readonly format: SummaryFormat;
  readonly encoding: Encoding;
  readonly locale: Locale | null;
  readonly paths: readonly string[];
}

export interface ImportArgs {
  readonly command: 'import';
  readonly file: string;
  /** -o OUT: the file the text is written to; null for stdout */
  readonly output: string | null;
  readonly locale: Locale | null;
}

export type Invocation = { readonly command: 'help' } | { readonly command: 'version' } | CheckArgs | SummaryArgs | ImportArgs;

export class UsageError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: Record<string, string | number> = {},
    /** the command or option the user probably meant */
    readonly suggestion: string | null = null,
  ) {
    super(key);
  }
}

interface OptionSpec {
  /** the values the option takes in each command that has it: a list, none (a flag), or any (a file name) */
  readonly values: Partial<Record<Command, readonly string[] | 'any'>>;
  /** the option this one is short for */
  readonly of?: string;
}

const OUTPUT: OptionSpec = { values: { import: 'any' } };
const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  '--format': { values: { check: CHECK_FORMATS, summary: SUMMARY_FORMATS } },
  '--encoding': { values: { check: ENCODINGS, summary: ENCODINGS } },
  '--locale': { values: { check: LOCALES, summary: LOCALES, import: LOCALES } },
  '--fix': { values: { check: [] } },
  '--output': OUTPUT,
  '-o': { ...OUTPUT, of: '--output' },
};

/** A name close to what was typed (one or two letters off), for "did you mean". */
function nearest(typed: string, names: readonly string[]): string | null {
  const scored = names.map((name) => ({ name, distance: editDistance(typed, name) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best && best.distance <= Math.min(2, Math.floor(best.name.length / 3)) ? best.name : null;
}

/** `--name=value` or `--name`, then the value from the next argument if the option takes one. */
function splitOption(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

export function parseArgs(argv: readonly string[]): Invocation {
  const first = argv[0];
  if (first === '--help' || first === '-h' || first === 'help') return { command: 'help' };
  if (first === '--version') return { command: 'version' };
  if (first === undefined || first.startsWith('-')) throw new UsageError('usage.missing-command', { commands: COMMANDS.join(', ') });
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError('usage.unknown-command', { name: first, commands: COMMANDS.join(', ') }, nearest(first, COMMANDS));
  }
  const command = first as Command;
  const values: Record<string, string> = {};
  const paths: string[] = [];
  const rest = argv.slice(1);
  while (rest.length) {
    const arg = rest.shift()!;
    if (arg === '--') {
      paths.push(...rest.splice(0));
      break;
    }
    if (arg === '--help' || arg === '-h') return { command: 'help' };
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const [name, inline] = splitOption(arg);
    const spec = OPTIONS[name];
    if (!spec) throw new UsageError('usage.unknown-option', { name }, nearest(name, Object.keys(OPTIONS)));
    const allowed = spec.values[command];
    if (!allowed) throw new UsageError('usage.not-for-command', { name, command });
    if (!allowed.length) {
      if (inline !== undefined) throw new UsageError('usage.flag-value', { name });
      values[name] = name;
      continue;
    }
    const value = inline ?? rest.shift();
    const shown = allowed === 'any' ? 'OUT' : allowed.join('|');
    if (value === undefined) throw new UsageError('usage.missing-value', { name, values: shown });
    if (allowed !== 'any' && !allowed.includes(value)) throw new UsageError('usage.bad-value', { name, value, values: shown });
    values[spec.of ?? name] = value;
  }
  if (!paths.length) throw new UsageError('usage.no-path', { command });
  if (command === 'import') {
    if (paths.length > 1) throw new UsageError('usage.one-file');
    return { command, file: paths[0], output: values['--output'] ?? null, locale: (values['--locale'] as Locale | undefined) ?? null };
  }
  const encoding = (values['--encoding'] ?? 'auto') as Encoding;
  const locale = (values['--locale'] as Locale | undefined) ?? null;
  if (command === 'summary') return { command, format: (values['--format'] ?? 'csv') as SummaryFormat, encoding, locale, paths };
  return { command, format: (values['--format'] ?? 'text') as CheckFormat, encoding, locale, fix: '--fix' in values, paths };
}

/** The --locale given anywhere on the line, valid or not yet: a usage error is worded in it too. */
export function localeFlag(argv: readonly string[]): Locale | null {
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = splitOption(argv[i]);
    if (name !== '--locale') continue;
    const value = inline ?? argv[i + 1];
    if ((LOCALES as readonly string[]).includes(value)) return value as Locale;
  }
  return null;
}
