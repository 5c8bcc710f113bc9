// "导入年报": a published file read here (the extension sends its URI), turned into report text by the importers
// as `xxgk import` does, and handed back for the extension to open as a new report document. The origins of its
// cells wait here for that document (see origins.ts).
import { basename, extname, isAbsolute } from 'node:path';
import { message, parseDocument } from '../engine';
import { readRegularFile } from '../files/read';
import { importBytes, isFailure } from '../import';
import { REQUESTS, type ImportParams, type ImportReply } from '../protocol';
import type { Session } from './session';
import { uriKey } from './workspace';

/** A published report is rarely above a few megabytes; a PDF of scanned pages may be tens. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** The longest name given to the new document: a title runs to some forty characters, a compilation's first may run on. */
const MAX_NAME = 80;

/** What the new document is called: the report's title, else the file's name, as a file name may hold it. */
export function documentName(title: string, path: string): string {
  // the characters a file name cannot hold on one system or another, and control characters
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = (s: string): string => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).trim();
  return clean(title) || clean(basename(path, extname(path))) || 'report';
}

export async function importFile(session: Session, { uri }: ImportParams): Promise<ImportReply> {
  const { locale } = session.settings;
  const path = uriKey(uri);
  const file = basename(path);
  if (!uri.startsWith('file:') || !isAbsolute(path)) return { error: message(locale, 'import.not-file', { file: uri }) };
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(path, MAX_IMPORT_BYTES);
  } catch (e) {
    return { error: message(locale, 'import.failed', { file, reason: (e as Error).message }) };
  }
  const imported = await importBytes(bytes, path);
  if (isFailure(imported)) return { error: message(locale, 'import.failed', { file, reason: imported.error }) };
  session.imports.add(imported.text, imported.origins);
  const title = parseDocument(imported.text).reports[0]?.title ?? '';
  return { text: imported.text, name: documentName(title, path), format: imported.format, notes: imported.notes };
}

export function registerImportRequest(session: Session): void {
  session.connection.onRequest(REQUESTS.importFile, async (params: ImportParams): Promise<ImportReply> => {
    try {
      return await importFile(session, params);
    } catch (e) {
      // a defect of ours: said in the log, and to the user as the file not imported
      session.error(`import failed: ${(e as Error).stack ?? e}`);
      return { error: message(session.settings.locale, 'import.failed', { file: basename(uriKey(params.uri)), reason: (e as Error).message }) };
    }
  });
}
