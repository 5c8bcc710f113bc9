// `xxgk check [--format text|json|sarif|html] [--encoding auto|utf8|gbk] [--locale zh|en] [--fix] PATH...`,
// `xxgk summary [--format csv|xlsx|json|html] PATH...`, `xxgk import FILE [-o OUT]`, `xxgk --version`,
// `xxgk --help` (SPEC §5).
// Exit status: 0 no error-severity diagnostic, 1 some, 2 usage or I/O error.
import { localeFlag, parseArgs, UsageError, type Invocation } from './cli/args';
import { check } from './cli/check';
import { convert } from './cli/convert';
import { type Environment, chooseLocale, environmentLocale } from './cli/locale';
import { cliMessage } from './cli/messages';
import { isShardWorker, serveShard } from './cli/pool';
import { Sink } from './cli/sink';
import { summarize } from './cli/summarize';
import { ConfigError, findConfigFile, readConfigFile, type XxgkConfig } from './config';
import type { Locale } from './engine';

// bundled by esbuild: the version travels with dist/cli.js
const VERSION: string = require('../../package.json').version;

function usageText(e: UsageError, locale: Locale): string {
  const suggest = e.suggestion ? cliMessage(locale, 'usage.suggest', { name: e.suggestion }) : '';
  return `xxgk: ${cliMessage(locale, e.key, { ...e.params, suggest })}${cliMessage(locale, 'usage.hint')}`;
}

async function dispatch(argv: readonly string[], out: Sink, tell: (line: string) => void, cwd: string, env: Environment): Promise<number> {
  let invocation: Invocation;
  try {
    invocation = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    tell(usageText(e, localeFlag(argv) ?? environmentLocale(env)));
    return 2;
  }
  if (invocation.command === 'version') {
    await out.write(`xxgk ${VERSION}\n`);
    return 0;
  }
  let config: XxgkConfig;
  try {
    const file = findConfigFile(cwd);
    config = file ? readConfigFile(file) : {};
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    tell(`xxgk: ${e.message}`);
    return 2;
  }
  const locale = chooseLocale(invocation.command === 'help' ? localeFlag(argv) : invocation.locale, config.locale, env);
  if (invocation.command === 'help') {
    await out.write(cliMessage(locale, 'help', { version: VERSION }));
    return 0;
  }
  const options = { locale, severity: config.severity, deadline: config.deadline };
  if (invocation.command === 'import') return convert(invocation, locale, out, tell);
  return invocation.command === 'summary' ? summarize(invocation, options, out, tell) : check(invocation, options, out, tell);
}

/** A command run, then the rest of the output written: output that could not be written is an I/O error (exit 2). */
export async function run(argv: readonly string[], out: Sink, tell: (line: string) => void, cwd = process.cwd(), env: Environment = process.env): Promise<number> {
  const code = await dispatch(argv, out, tell, cwd, env);
  await out.flush();
  if (!out.failure) return code;
  tell(`xxgk: ${cliMessage(chooseLocale(localeFlag(argv), undefined, env), 'io.cannot-write', { reason: out.failure.message })}`);
  return 2;
}

if (require.main === module && isShardWorker()) serveShard();
else if (require.main === module) {
  const tell = (line: string): void => void process.stderr.write(`${line}\n`);
  // exit once everything is written (a piped JSON document is never cut short); any unexpected failure is exit 2
  run(process.argv.slice(2), new Sink(process.stdout), tell).then(
    (code) => (process.exitCode = code),
    (e) => {
      tell(`xxgk: internal error: ${(e as Error).stack ?? e}`);
      process.exitCode = 2;
    },
  );
}
