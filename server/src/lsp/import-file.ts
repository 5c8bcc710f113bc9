// "导入年报": a published file read here (the extension sends its URI), turned into report text by the importers
// as `xxgk import` does, and handed back for the extension to open as a new report document. The origins of its
// cells wait here for that document (see origins.ts).
import { basename, extname, isAbsolute } from 'node:path';
import { checkText, message, parseDocument } from '../engine';
import type { Imported } from '../import';
import { REQUESTS, type ImportParams, type ImportReply } from '../protocol';
import { readPublished } from './published';
import type { Session } from './session';
import { uriKey } from './workspace';

/** The longest name given to the new document: a title runs to some forty characters, a compilation's first may run on. */
const MAX_NAME = 80;

/** What the new document is called: the report's title, else the file's name, as a file name may hold it. */
function documentName(title: string, path: string): string {
  // the characters a file name cannot hold on one system or another, and control characters
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = (s: string): string => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).trim();
  return clean(title) || clean(basename(path, extname(path))) || 'report';
}

/**
 * formula-range, said with the import: the opened document is text, which holds only the totals' values, so what
 * the workbook's formulas leave out is told once, when it is read (the workspace check shows it on the file).
 */
function formulaNotes(session: Session, imported: Imported): string[] {
  const shortFormulas = imported.formulaRanges ?? [];
  if (shortFormulas.length === 0) return [];
  const { diagnostics } = checkText(imported.text, { ...session.settings.engine, shortFormulas });
  return diagnostics.filter((d) => d.code === 'formula-range').map((d) => d.message);
}

/** The imported text and its name; or, whatever went wrong (the file, the importer, a defect of ours), why. */
export async function importFile(session: Session, { uri }: ImportParams): Promise<ImportReply> {
  const { locale } = session.settings;
  const path = uriKey(uri);
  if (!uri.startsWith('file:') || !isAbsolute(path)) return { error: message(locale, 'import.not-file', { file: uri }) };
  try {
    const { imported } = await readPublished(path);
    session.imports.add(imported.text, imported.origins);
    const title = parseDocument(imported.text).reports[0]?.title ?? '';
    return { text: imported.text, name: documentName(title, path), format: imported.format, notes: [...imported.notes, ...formulaNotes(session, imported)] };
  } catch (e) {
    return { error: message(locale, 'import.failed', { file: basename(path), reason: (e as Error).message }) };
  }
}

export function registerImportRequest(session: Session): void {
  session.connection.onRequest(REQUESTS.importFile, (params: ImportParams) => importFile(session, params));
}
