// xxgk.config.json: the options a team shares, read the same way by the CLI and the language server, so the
// editor and the command line agree. Found in the folder checked (CLI: the current folder or a parent;
// editor: a workspace folder). It takes precedence over editor settings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODES, type Code, type DeadlineRule, type SeverityOption } from './engine';
import { readRegularFileSync } from './files/read';

export const CONFIG_FILE = 'xxgk.config.json';
/** A few options take a few hundred bytes: anything near this is not a config (a link to /dev/zero, say). */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface XxgkConfig {
  severity?: Partial<Record<Code, SeverityOption>>;
  locale?: 'auto' | 'zh' | 'en';
  deadline?: DeadlineRule;
  run?: 'onType' | 'onSave';
  inlayHints?: { allTotals?: boolean };
  /** editor only: at most this many problems published per document */
  maxProblems?: number;
}

const SEVERITIES: readonly SeverityOption[] = ['off', 'info', 'warning', 'error'];
const DEADLINES: readonly DeadlineRule[] = ['auto', 'department', 'government', 'none'];

export class ConfigError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed config (a settings object or the file) and keeps only what it understands. */
export function validateConfig(raw: unknown, where: string): XxgkConfig {
  if (!isObject(raw)) throw new ConfigError(`${where}: expected a JSON object`);
  const config: XxgkConfig = {};
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (!allowed.includes(v as T)) throw new ConfigError(`${where}: "${key}" must be one of ${allowed.join(', ')}`);
    return v as T;
  };
  if (raw.severity !== undefined) {
    if (!isObject(raw.severity)) throw new ConfigError(`${where}: "severity" must be an object of code → off|info|warning|error`);
    const severity: Partial<Record<Code, SeverityOption>> = {};
    for (const [code, level] of Object.entries(raw.severity)) {
      if (!CODES.includes(code as Code)) throw new ConfigError(`${where}: "${code}" is not a diagnostic code (${CODES.join(', ')})`);
      if (!SEVERITIES.includes(level as SeverityOption)) throw new ConfigError(`${where}: severity of "${code}" must be one of ${SEVERITIES.join(', ')}`);
      severity[code as Code] = level as SeverityOption;
    }
    config.severity = severity;
  }
  const locale = oneOf('locale', ['auto', 'zh', 'en'] as const);
  if (locale) config.locale = locale;
  const deadline = oneOf('deadline', DEADLINES);
  if (deadline) config.deadline = deadline;
  const run = oneOf('run', ['onType', 'onSave'] as const);
  if (run) config.run = run;
  if (isObject(raw.inlayHints) && typeof raw.inlayHints.allTotals === 'boolean') config.inlayHints = { allTotals: raw.inlayHints.allTotals };
  if (raw.maxProblems !== undefined) {
    if (!Number.isInteger(raw.maxProblems) || (raw.maxProblems as number) < 1) throw new ConfigError(`${where}: "maxProblems" must be a whole number of at least 1`);
    config.maxProblems = raw.maxProblems as number;
  }
  return config;
}

export function readConfigFile(file: string): XxgkConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readRegularFileSync(file, MAX_CONFIG_BYTES).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(`${file}: ${(e as Error).message}`);
  }
  return validateConfig(parsed, file);
}

/** The nearest xxgk.config.json in `dir` or a parent folder, or null. */
export function findConfigFile(dir: string): string | null {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const candidate = path.join(at, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(at) === at) return null;
  }
}

/** Later layers win; severities merge code by code. */
export function mergeConfig(...layers: XxgkConfig[]): XxgkConfig {
  const merged: XxgkConfig = {};
  for (const layer of layers) {
    Object.assign(merged, { ...layer, severity: { ...merged.severity, ...layer.severity } });
    if (layer.inlayHints) merged.inlayHints = { ...merged.inlayHints, ...layer.inlayHints };
  }
  return merged;
}
