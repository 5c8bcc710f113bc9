// Reports in the workspace folders: read for last year's figures (carryover-mismatch) and checked all at
// once by the "check workspace" command. Files are decoded like the CLI does (UTF-8, BOM, GBK); the check reads
// the published formats too (web pages, Word, Excel, PDF), imported as the CLI imports them. A scan runs in
// the background, one file at a time, and within budgets: requests are answered between two files, and a huge
// or hostile folder (links in a loop, pipes, devices, gigabytes) costs a bounded amount of time and memory.
import { extname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkText, indexByAgencyYear, isReport, message, parseDocument, type CheckResult, type EngineOptions, type Locale, type Report, type ShortFormula } from '../engine';
import { decode } from '../files/decode';
import { findFiles, REPORT_EXTENSIONS, SKIPPED_DIRS } from '../files/find';
import { megabytes, readRegularFile } from '../files/read';
import { IMPORT_EXTENSIONS, importFormat, type OriginSpan } from '../import';
import { readPublished } from './published';

/** A file is parsed in one go, the server waiting meanwhile: 2 MB (hundreds of reports) take a fraction of a second. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** What one scan reads at most, and what "check workspace" publishes at most. */
export const BUDGET = { files: 5000, bytes: 64 * 1024 * 1024, problems: 100_000 } as const;

export interface WorkspaceFile {
  readonly path: string;
  readonly uri: string;
  /** the file's text, or for a published format the imported text */
  readonly text: string;
  /** set for a published format: where each line and cell of the imported text came from */
  readonly origins?: readonly OriginSpan[];
  /** (a workbook) the totals whose SUM range misses addends, for formula-range */
  readonly shortFormulas?: readonly ShortFormula[];
  /** byte sequences of a text file its encoding could not decode, replaced by U+FFFD (see decode) */
  readonly replaced?: number;
}

/** What "check workspace" looks for; the first reading, in the background at start, reads text files only (no pdf.js). */
const WITH_PUBLISHED: ReadonlySet<string> = new Set([...REPORT_EXTENSIONS, ...IMPORT_EXTENSIONS]);

export interface ScanResult {
  /** files read or tried */
  files: number;
  /** "path: why" for each file passed over (a pipe, a device, too large, unreadable) */
  skipped: string[];
  /** the budget a scan stopped at with files left, or null */
  stopped: keyof typeof BUDGET | null;
}

/** Lets the server answer what came in meanwhile. */
export const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A workspace file read and decoded, and its size in bytes; file null when it is binary. */
async function readWorkspaceFile(path: string): Promise<{ file: WorkspaceFile | null; bytes: number }> {
  if (importFormat(path) !== null) return importWorkspaceFile(path);
  const bytes = await readRegularFile(path, MAX_FILE_BYTES);
  const decoded = decode(bytes, 'auto');
  if (decoded.binary) return { file: null, bytes: bytes.length };
  return { file: { path, uri: pathToFileURL(path).href, text: decoded.text, ...(decoded.replaced && { replaced: decoded.replaced }) }, bytes: bytes.length };
}

/** A published file imported; one that cannot be (a scan, a password) is passed over with the importer's message. */
async function importWorkspaceFile(path: string): Promise<{ file: WorkspaceFile; bytes: number }> {
  const { imported, bytes } = await readPublished(path);
  return { file: { path, uri: pathToFileURL(path).href, text: imported.text, origins: imported.origins, shortFormulas: imported.formulaRanges }, bytes };
}

/**
 * Reads the report files of `folders` one at a time, within the budget, handing each to `use`; with `published`,
 * the published formats too.
 */
export async function scanWorkspace(folders: readonly string[], use: (file: WorkspaceFile) => void, published = false): Promise<ScanResult> {
  const result: ScanResult = { files: 0, skipped: [], stopped: null };
  let bytes = 0;
  const extensions = published ? WITH_PUBLISHED : REPORT_EXTENSIONS;
  for await (const found of findFiles(folders, (path, reason) => result.skipped.push(`${path}: ${reason}`), extensions)) {
    if (found.error) {
      result.skipped.push(`${found.path}: ${found.error}`);
      continue;
    }
    if (result.files >= BUDGET.files || bytes >= BUDGET.bytes) {
      result.stopped = result.files >= BUDGET.files ? 'files' : 'bytes';
      break;
    }
    result.files++;
    try {
      const read = await readWorkspaceFile(found.path);
      bytes += read.bytes;
      if (read.file) use(read.file);
    } catch (e) {
      result.skipped.push(`${found.path}: ${(e as Error).message}`);
    }
    await yieldToRequests();
  }
  return result;
}

/** A workspace file read again (for "check workspace"); null when it is binary or cannot be read now. */
export async function rereadWorkspaceFile(path: string): Promise<WorkspaceFile | null> {
  try {
    return (await readWorkspaceFile(path)).file;
  } catch {
    return null;
  }
}

/** The reports of a file that can be someone's last year: those with an agency and a year. */
export const comparableReports = (text: string): Report[] => parseDocument(text).reports.filter((r) => r.year !== null && r.agency);

/** The comparable reports of one file read again after it changed on disk; [] when it is gone or unreadable. */
export async function rereadReports(uri: string): Promise<Report[]> {
  const path = uriKey(uri);
  // the same files a workspace scan reads: not inside node_modules or .git (an npm install touches thousands)
  if (path.split(sep).some((part) => SKIPPED_DIRS.has(part)) || !REPORT_EXTENSIONS.has(extname(path).toLowerCase())) return [];
  const file = await rereadWorkspaceFile(path);
  return file ? comparableReports(file.text) : [];
}

/** A comparable key for a document URI: the file path for file URIs (clients encode URIs differently). */
export function uriKey(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

/** Reports of other files: what a document is compared with for carryover. */
export function otherReports(byUri: ReadonlyMap<string, readonly Report[]>, uri: string): Report[] {
  const key = uriKey(uri);
  return [...byUri].filter(([u]) => uriKey(u) !== key).flatMap(([, reports]) => reports);
}

/** The workspace's reports by agency and year, for checking many files against them. */
export function workspaceIndex(byUri: ReadonlyMap<string, readonly Report[]>): ReadonlyMap<string, Report> {
  return indexByAgencyYear([...byUri.values()].flat());
}

/** A workspace file checked against the workspace's reports (its own come first: see checkParsed). */
export function checkWorkspaceFile(file: WorkspaceFile, options: EngineOptions, index: ReadonlyMap<string, Report>): CheckResult | null {
  const result = checkText(file.text, file.shortFormulas?.length ? { ...options, shortFormulas: file.shortFormulas } : options, index);
  return isReport(result) ? result : null;
}

/** What "check workspace" answers: counts, and a message that says what was not read and where it stopped. */
export interface WorkspaceChecked {
  /** files read (reports or not) */
  files: number;
  reports: number;
  problems: number;
  skipped: number;
  /** files checked with undecodable bytes replaced */
  undecodable: number;
  stopped: keyof typeof BUDGET | null;
  message: string;
}

export function workspaceChecked(locale: Locale, counts: Omit<WorkspaceChecked, 'message'>): WorkspaceChecked {
  const sentences = [
    message(locale, 'workspace.checked', { files: counts.files, reports: counts.reports, problems: counts.problems }),
    counts.skipped ? message(locale, 'workspace.skipped', { count: counts.skipped, size: megabytes(MAX_FILE_BYTES) }) : '',
    counts.undecodable ? message(locale, 'workspace.undecodable', { count: counts.undecodable }) : '',
    counts.stopped ? message(locale, 'workspace.stopped', { files: BUDGET.files, size: megabytes(BUDGET.bytes), problems: BUDGET.problems }) : '',
  ];
  return { ...counts, message: sentences.filter(Boolean).join(locale === 'zh' ? '；' : '; ') };
}
