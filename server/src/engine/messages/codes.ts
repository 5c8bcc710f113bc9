// Each diagnostic code named in words, for pages people read (the HTML report names a problem in Chinese and
// keeps the code for a tooltip). The names are declared with the codes, by the checks (checks/registry.ts).
import { CODE_SPECS, type Code } from '../checks/registry';
import type { Locale } from './catalog';

/** The code in words; a code no check declares is shown as itself. */
export function codeName(locale: Locale, code: string): string {
  return CODE_SPECS.get(code as Code)?.name[locale] ?? code;
}

/** Whether the code has a name (a test keeps every code named). */
export const isNamed = (code: string): boolean => CODE_SPECS.has(code as Code);
