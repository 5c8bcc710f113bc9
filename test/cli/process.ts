// The CLI run as a user runs it: a real process, its exit status, stdout and stderr.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(process.cwd(), 'dist', 'cli.js');

/** The environment of a user who chose no language (LANG=C): the CLI speaks Chinese. */
export const PLAIN_ENV: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', XXGK_LOCALE: '' };

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `xxgk ...args` in PLAIN_ENV, unless `options.env` says more; killed after 60 s. */
export function xxgk(args: readonly string[], options: SpawnSyncOptions = {}): Ran {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60000, maxBuffer: 1 << 28, ...options, env: { ...PLAIN_ENV, ...options.env } });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The lines of a stream's text, without the last empty one. */
export const linesOf = (text: string): string[] => text.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
