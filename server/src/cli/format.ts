// The CLI's three output formats, made one file at a time as pieces of text (see jsonPieces). JSON follows
// SPEC §5 exactly; SARIF 2.1.0 is for code-scanning tools.
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Locale, LspRange } from '../engine';
import { originSuffix, type Origin, type SourceFormat } from '../import';
import { jsonPieces } from './json';
import { cliMessage } from './messages';
import type { Piece } from './sink';

export interface FileReport {
  path: string;
  /** a published format, imported: lines and characters are those of the imported text */
  source?: { format: SourceFormat };
  reports: { title: string; year: number | null; template: string; range: LspRange }[];
  /** made when read, so that a file's millions of diagnostics are never all held as output */
  diagnostics: Iterable<{ code: string; severity: string; message: string; range: LspRange; origin?: Origin }>;
  /** set for a file that is not a report, or whose bytes were not all UTF-8 (the rest is checked) */
  notice?: string;
  /** set for a file that could not be read */
  error?: string;
}

/**
 * Output not made yet: a file whose entry is still being made (the worker pool) is a promise in the files, and the
 * formats pass it on among their pieces; the writer waits on it, then goes on.
 */
export type Pending = Promise<unknown>;

export function toJson(files: Iterable<FileReport | Pending>): Iterable<Piece> {
  return jsonPieces({ version: 1, files });
}

/**
 * The lines of the text output, each with its line break. A file that could not be read is left out: it was
 * said on stderr, once. Nothing at all when no file was found (that too was said on stderr).
 */
export function* toText(files: Iterable<FileReport | Pending>, locale: Locale): Generator<Piece> {
  let count = 0;
  let unread = 0;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of files) {
    if (f instanceof Promise) {
      yield f;
      continue;
    }
    if (f.error) {
      unread++;
      continue;
    }
    count++;
    if (f.notice) yield `${f.path}: ${f.notice}\n`;
    for (const r of f.reports) {
      const report = cliMessage(locale, 'text.report', { title: r.title, year: r.year ?? '?', template: r.template });
      yield `${f.path}:${r.range.start.line + 1}: ${report}\n`;
    }
    for (const d of f.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
      const where = d.origin ? originSuffix(locale, d.origin) : '';
      yield `${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}${where}\n`;
    }
  }
  if (count + unread === 0) return;
  const total = cliMessage(locale, 'text.total', { files: count, errors, warnings, infos });
  yield `${total}${unread ? cliMessage(locale, 'text.unread', { count: unread }) : ''}\n`;
}

/**
 * A file's SARIF artifactLocation.uri: a relative path as a relative reference, each segment percent-encoded
 * (RFC 3986: `#`, `?`, `%`, spaces, non-ASCII; a `:` too, which would read as a scheme); an absolute one as a file URL.
 */
export function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split(sep === '\\' ? /[\\/]/ : '/').map(encodeURIComponent).join('/');
}

const SARIF_LEVEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarif(files: Iterable<FileReport | Pending>, codes: readonly string[]): Iterable<Piece> {
  function* results() {
    for (const f of files) {
      if (f instanceof Promise) {
        yield f;
        continue;
      }
      for (const d of f.diagnostics) {
        yield {
          ruleId: d.code,
          level: SARIF_LEVEL[d.severity as Diagnostic['severity']],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(f.path) },
                region: {
                  startLine: d.range.start.line + 1,
                  startColumn: d.range.start.character + 1,
                  endLine: d.range.end.line + 1,
                  endColumn: d.range.end.character + 1,
                },
              },
            },
          ],
        };
      }
    }
  }
  return jsonPieces({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'xxgk', rules: codes.map((id) => ({ id })) } }, results: results() }],
  });
}
