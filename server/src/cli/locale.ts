// The language the command line speaks: --locale, else xxgk.config.json, else XXGK_LOCALE, else the POSIX locale
// (LC_ALL, LC_MESSAGES, LANG, the first that is set), English when it starts with "en"; Chinese otherwise, the
// language of the reports themselves.
import { localeOf, type Locale } from '../engine';

export type Environment = Readonly<Record<string, string | undefined>>;

/** The locale the environment asks for (empty variables count as unset, as POSIX has it). */
export function environmentLocale(env: Environment): Locale {
  const tag = env.XXGK_LOCALE || env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return localeOf(tag);
}

export function chooseLocale(flag: Locale | null, config: 'auto' | Locale | undefined, env: Environment): Locale {
  return flag ?? (config && config !== 'auto' ? config : environmentLocale(env));
}
