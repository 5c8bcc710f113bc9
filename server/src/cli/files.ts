// The files a command reads: found under the paths given, read (regular files only, bounded), and decoded or,
// for a published format (a web page, Word, Excel, PDF), imported into the canonical text with the origin of
// each line and cell; every failure worded once in the user's language.
import { message, type Locale, type ShortFormula } from '../engine';
import { decode, type Decoded, type Encoding } from '../files/decode';
import { extname, join } from 'node:path';
import { BROKEN_LINK, findFiles, REPORT_EXTENSIONS, type FoundFile } from '../files/find';
import { megabytes, NOT_REGULAR, readRegularFileSync, Unreadable } from '../files/read';
import { archiveFiles, IMPORT_EXTENSIONS, importBytes, importFormat, isFailure, LEGACY_EXTENSIONS, type OriginSpan, type SourceFormat } from '../import';
import { cliMessage } from './messages';

/** Far above any report, or any dump of many reports, and far below what the checker could not hold in memory. */
export const MAX_REPORT_BYTES = 128 * 1024 * 1024;

/** Archives read as folders are: the files in them that a folder is searched for. */
const ARCHIVE_EXTENSIONS: ReadonlySet<string> = new Set(['.zip']);
/** What a folder is searched for: text, the published formats, archives, and the legacy formats (each told it cannot be read). */
const FOLDER_EXTENSIONS: ReadonlySet<string> = new Set([...REPORT_EXTENSIONS, ...IMPORT_EXTENSIONS, ...ARCHIVE_EXTENSIONS, ...LEGACY_EXTENSIONS]);
const PATTERNS = [...REPORT_EXTENSIONS, ...IMPORT_EXTENSIONS, ...ARCHIVE_EXTENSIONS].map((e) => `*${e}`);
/** an archive inside an archive is opened, one inside that is not: a folder of zips of zips is no one's report */
const MAX_ARCHIVE_DEPTH = 2;
const ARCHIVE_LIMITS = { fileBytes: MAX_REPORT_BYTES, totalBytes: 4 * MAX_REPORT_BYTES };

const extensionOf = (path: string): string => extname(path).toLowerCase();

/** A published file as imported: its format, and where each line and cell of its text came from. */
export interface Source {
  readonly format: SourceFormat;
  readonly origins: readonly OriginSpan[];
}

export interface Loaded {
  readonly path: string;
  readonly text?: string;
  /** why the file could not be read or imported, worded for the user */
  readonly error?: string;
  readonly binary?: boolean;
  /** byte sequences that were not UTF-8, replaced (see decode; a GBK file's are said in `notes`) */
  readonly replaced?: number;
  /** set for a published format: its text is the import's, never the file's bytes */
  readonly source?: Source;
  /** what the importer or the decoder noticed (a page without text, a formula without a value, bad GBK bytes) */
  readonly notes?: readonly string[];
  /** (a workbook) the totals whose SUM range misses addends */
  readonly shortFormulas?: readonly ShortFormula[];
}

/** Whether a file is read by an importer (a web page, Word, Excel, PDF, or a legacy format it names), not as text. */
export const isPublished = (path: string): boolean => importFormat(path) !== null;

/** A read failure in words: the system's code where it has one, else its own message. */
export function failureText(locale: Locale, failure: { code?: string; message: string }, limit = MAX_REPORT_BYTES): string {
  if (failure.message === NOT_REGULAR) return cliMessage(locale, 'io.not-regular');
  if (failure.message === BROKEN_LINK) return cliMessage(locale, 'io.broken-link');
  switch (failure.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return cliMessage(locale, 'io.not-found');
    case 'EACCES':
    case 'EPERM':
      return cliMessage(locale, 'io.no-access');
    case 'EISDIR':
      return cliMessage(locale, 'io.is-folder');
    case 'TOO_LARGE':
      return cliMessage(locale, 'io.too-large', { size: megabytes(limit) });
    default:
      return failure.message;
  }
}

/** Unreadable says either "not regular" or "too large"; anything else is the system's error. */
const failureOf = (e: unknown): { code?: string; message: string } =>
  e instanceof Unreadable && e.message !== NOT_REGULAR ? { code: 'TOO_LARGE', message: e.message } : { code: (e as NodeJS.ErrnoException).code, message: (e as Error).message };

/** The bytes of a file found, or why they cannot be had. */
export function readFound(found: FoundFile, locale: Locale): { bytes: Buffer } | { error: string } {
  if (found.error !== undefined) return { error: failureText(locale, { code: found.code, message: found.error }) };
  if (found.bytes !== undefined) return { bytes: Buffer.from(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength) };
  try {
    return { bytes: readRegularFileSync(found.path, MAX_REPORT_BYTES) };
  } catch (e) {
    return { error: failureText(locale, failureOf(e)) };
  }
}

/** A text file decoded; the bytes its encoding could not decode are counted, in the words of that encoding. */
export function loadedText(path: string, decoded: Decoded, locale: Locale): Loaded {
  const loaded = { path, text: decoded.text, binary: decoded.binary };
  if (!decoded.replaced) return loaded;
  if (decoded.encoding === 'utf8') return { ...loaded, replaced: decoded.replaced };
  return { ...loaded, notes: [message(locale, 'not-gb18030', { count: decoded.replaced })] };
}

/** A published file imported: its canonical text and origins, or the importer's one message. */
export async function importFound(path: string, bytes: Uint8Array): Promise<Loaded> {
  const imported = await importBytes(bytes, path);
  if (isFailure(imported)) return { path, error: imported.error };
  const shortFormulas = imported.formulaRanges ?? [];
  return { path, text: imported.text, source: { format: imported.format, origins: imported.origins }, notes: imported.notes, ...(shortFormulas.length && { shortFormulas }) };
}

/** A file's bytes imported (a published format) or decoded (text). */
export const loadedBytes = (path: string, bytes: Buffer, encoding: Encoding, locale: Locale): Promise<Loaded> | Loaded =>
  isPublished(path) ? importFound(path, bytes) : loadedText(path, decode(bytes, encoding), locale);

// read synchronously: the CLI has nothing else to do meanwhile, and thousands of small files read faster so
export async function loadFile(found: FoundFile, encoding: Encoding, locale: Locale): Promise<Loaded> {
  const read = readFound(found, locale);
  if ('error' in read) return { path: found.path, error: read.error };
  return loadedBytes(found.path, read.bytes, encoding, locale);
}

/**
 * The files of an archive found, each a file found with its bytes, under the archive's path as if it were a folder
 * (`各单位年报.zip/县教育局.docx`); an archive that cannot be read is one file with its error.
 */
function archivedFiles(archive: FoundFile, depth: number, locale: Locale, tell: (line: string) => void): FoundFile[] {
  const read = readFound(archive, locale);
  if ('error' in read) return [{ path: archive.path, error: read.error }];
  const opened = archiveFiles(read.bytes, (name) => FOLDER_EXTENSIONS.has(extensionOf(name)), ARCHIVE_LIMITS);
  if ('error' in opened) return [{ path: archive.path, error: opened.error }];
  const files: FoundFile[] = [];
  for (const file of opened.files) {
    const path = join(archive.path, ...file.name.split('/'));
    const found: FoundFile = file.error !== undefined ? { path, error: file.error } : { path, bytes: file.bytes };
    if (found.error === undefined && ARCHIVE_EXTENSIONS.has(extensionOf(path))) {
      files.push(...(depth < MAX_ARCHIVE_DEPTH ? archivedFiles(found, depth + 1, locale, tell) : [{ path, error: cliMessage(locale, 'archive.too-deep') }]));
    } else files.push(found);
  }
  if (opened.files.length === 0) tell(`xxgk: ${archive.path}: ${cliMessage(locale, 'archive.none', { patterns: PATTERNS.join(' ') })}`);
  return files;
}

/**
 * Every file under `paths`, each handed to `each` as it is found, the files in a .zip among them; a special file or
 * a broken link skipped in a folder, an archive with no report in it, and a search that found nothing are said
 * through `tell`.
 */
export async function eachFile(paths: readonly string[], locale: Locale, tell: (line: string) => void, each: (found: FoundFile) => void | Promise<void>): Promise<void> {
  let count = 0;
  const skipped = (path: string, reason: string) => tell(`xxgk: ${path}: ${cliMessage(locale, 'io.skipped', { reason: failureText(locale, { message: reason }) })}`);
  for await (const found of findFiles(paths, skipped, FOLDER_EXTENSIONS)) {
    const files = found.error === undefined && ARCHIVE_EXTENSIONS.has(extensionOf(found.path)) ? archivedFiles(found, 1, locale, tell) : [found];
    for (const file of files) {
      count++;
      await each(file);
    }
  }
  if (count === 0) tell(`xxgk: ${cliMessage(locale, 'found.none', { paths: paths.join(locale === 'zh' ? '、' : ', '), patterns: PATTERNS.join(' ') })}`);
}
