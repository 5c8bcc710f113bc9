// `xxgk import FILE [-o OUT]`: a published report (web page, Word, Excel, PDF) as the canonical text the checker
// reads, the very lines `xxgk check` names; on stdout, or written to OUT (UTF-8). What the importer noticed goes
// to stderr; a file it cannot read gets its one message, and exit 2.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locale } from '../engine';
import type { ImportArgs } from './args';
import { importFound, readFound } from './files';
import { cliMessage } from './messages';
import type { Sink } from './sink';

export async function convert(args: ImportArgs, locale: Locale, out: Sink, tell: (line: string) => void): Promise<number> {
  const { file, output } = args;
  if (output !== null && resolve(output) === resolve(file)) {
    tell(`xxgk: ${cliMessage(locale, 'import.same-file', { file })}`);
    return 2;
  }
  const read = readFound({ path: file }, locale);
  const imported = 'error' in read ? { path: file, error: read.error } : await importFound(file, read.bytes);
  if (imported.error !== undefined || imported.text === undefined) {
    tell(`xxgk: ${file}: ${imported.error}`);
    return 2;
  }
  for (const note of imported.notes ?? []) tell(`xxgk: ${file}: ${note}`);
  if (output === null) {
    await out.write(imported.text);
    return 0;
  }
  try {
    writeFileSync(output, imported.text);
  } catch (e) {
    tell(`xxgk: ${output}: ${cliMessage(locale, 'io.cannot-write', { reason: (e as Error).message })}`);
    return 2;
  }
  return 0;
}
