// A published file (web page, Word, Excel, PDF) on disk, read and imported as the CLI imports it: for the import
// command and for "check all reports in the workspace".
import { readRegularFile } from '../files/read';
import { importBytes, isFailure, type Imported } from '../import';

/** A published report is rarely above a few megabytes (its text far less); a PDF of scanned pages may be tens. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** The file imported, and its size; throws with the reason, worded for the user, when it cannot be read or imported. */
export async function readPublished(path: string): Promise<{ imported: Imported; bytes: number }> {
  const bytes = await readRegularFile(path, MAX_IMPORT_BYTES);
  const imported = await importBytes(bytes, path);
  if (isFailure(imported)) throw new Error(imported.error);
  return { imported, bytes: bytes.length };
}
