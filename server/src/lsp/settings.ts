// The options in force for the editor: VS Code settings (`xxgk.*`) under the workspace's xxgk.config.json.
// Messages are in Chinese, the language the reports are written in, unless English is chosen: VS Code's display
// language is English wherever the Chinese language pack is not installed, which says nothing of its user.
import type { EngineOptions, Locale } from '../engine';
import { mergeConfig, validateConfig, type XxgkConfig } from '../config';

export interface Settings {
  readonly engine: EngineOptions;
  readonly locale: Locale;
  readonly run: 'onType' | 'onSave';
  readonly allTotalHints: boolean;
  readonly debounceMs: number;
  /** problems published per document at most (VS Code keeps no more than 1,000 of a file anyway) */
  readonly maxProblems: number;
}

export const DEFAULT_DEBOUNCE_MS = 150;
export const DEFAULT_MAX_PROBLEMS = 1000;

/** The pause in typing before diagnostics are published, when XXGK_DEBOUNCE_MS sets it (benchmarks, tests). */
export function debounceFromEnv(): number | undefined {
  const ms = Number(process.env.XXGK_DEBOUNCE_MS);
  return Number.isFinite(ms) && ms >= 0 && process.env.XXGK_DEBOUNCE_MS !== '' ? ms : undefined;
}

/** Editor settings arrive as any JSON: what is not understood is reported and left out. */
export function settingsFromEditor(raw: unknown, warn: (message: string) => void): XxgkConfig {
  if (raw === null || raw === undefined) return {};
  try {
    return validateConfig(raw, 'settings xxgk.*');
  } catch (e) {
    warn((e as Error).message);
    return {};
  }
}

export function resolveSettings(editor: XxgkConfig, workspaceFile: XxgkConfig, debounceMs = DEFAULT_DEBOUNCE_MS): Settings {
  const merged = mergeConfig(editor, workspaceFile);
  const locale: Locale = merged.locale === 'en' ? 'en' : 'zh';
  return {
    engine: { locale, severity: merged.severity, deadline: merged.deadline },
    locale,
    run: merged.run ?? 'onType',
    allTotalHints: merged.inlayHints?.allTotals ?? false,
    debounceMs,
    maxProblems: merged.maxProblems ?? DEFAULT_MAX_PROBLEMS,
  };
}
