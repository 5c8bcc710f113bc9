// Reports in the workspace folders: read for last year's figures (carryover-mismatch) and checked all at
// once by the "check workspace" command. Files are decoded like the CLI does (UTF-8, BOM, GBK).
import { statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkText, indexByAgencyYear, isReport, parseDocument, type CheckResult, type EngineOptions, type Report } from '../engine';
import { extname, sep } from 'node:path';
import { findFiles, readReportFile, REPORT_EXTENSIONS, SKIPPED_DIRS } from '../cli/files';

/** Bounds that keep a huge folder from stalling the server. */
const MAX_FILES = 5000;
const MAX_BYTES = 20 * 1024 * 1024;

export interface WorkspaceFile {
  readonly path: string;
  readonly uri: string;
  readonly text: string;
}

export function readWorkspace(folders: readonly string[]): WorkspaceFile[] {
  const files: WorkspaceFile[] = [];
  for (const found of findFiles(folders)) {
    if (found.error || files.length >= MAX_FILES) continue;
    try {
      if (statSync(found.path).size > MAX_BYTES) continue;
      const decoded = readReportFile(found.path, 'auto');
      if (!decoded.binary) files.push({ path: found.path, uri: pathToFileURL(found.path).href, text: decoded.text });
    } catch {
      // unreadable files are the CLI's to report; the editor skips them
    }
  }
  return files;
}

/** The reports of a file that can be someone's last year: those with an agency and a year. */
const comparable = (text: string): Report[] => parseDocument(text).reports.filter((r) => r.year !== null && r.agency);

/** Every report in the workspace, by file (see uriKey). */
export function reportsByUri(files: readonly WorkspaceFile[]): Map<string, Report[]> {
  return new Map(files.map((f) => [uriKey(f.uri), comparable(f.text)]));
}

/** The comparable reports of one file read again after it changed on disk; [] when it is gone or unreadable. */
export function rereadReports(uri: string): Report[] {
  try {
    const path = uriKey(uri);
    // the same files a workspace scan reads: not inside node_modules or .git (an npm install touches thousands)
    if (path.split(sep).some((part) => SKIPPED_DIRS.has(part))) return [];
    if (!REPORT_EXTENSIONS.has(extname(path).toLowerCase()) || statSync(path).size > MAX_BYTES) return [];
    const decoded = readReportFile(path, 'auto');
    return decoded.binary ? [] : comparable(decoded.text);
  } catch {
    return [];
  }
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
  const result = checkText(file.text, options, index);
  return isReport(result) ? result : null;
}
