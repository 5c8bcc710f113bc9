// The character maps pdf.js needs for fonts that are not embedded (宋体 referenced by name, text encoded as
// GBK-EUC-H or UniGB-UCS2-H): without them those fonts' text is lost. They are read from a directory of pdf.js's
// packed `.bcmap` files: the CLI and the server pass one; by default the `cmaps` folder beside the bundle (where
// packaging puts the GB maps) or, running from the repository, the one in pdfjs-dist.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The packed CMap of a name pdf.js asks for (`GBK-EUC-H`, `Adobe-GB1-UCS2`). */
export type CMapReader = (name: string) => Promise<Uint8Array>;

/** The CMaps Chinese reports use: Adobe-GB1 and every GB encoding (a glob of pdfjs-dist/cmaps/). */
export const GB_CMAP_FILES = /^(Adobe-GB1-.*|GB.*|UniGB-.*)\.bcmap$/;

// the name comes from the PDF: it must never reach outside the directory
const CMAP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function cMapsFromDirectory(directory: string): CMapReader {
  return async (name) => {
    if (!CMAP_NAME.test(name)) throw new Error(`not a CMap name: ${name}`);
    return new Uint8Array(await readFile(join(directory, `${name}.bcmap`)));
  };
}

/** The first of the usual places that holds the GB CMaps, or null. */
export function defaultCMapDirectory(): string | null {
  const candidates = [join(__dirname, 'cmaps')];
  try {
    candidates.push(join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps'));
  } catch {
    // not installed next to this bundle (a packaged extension): the bundle's own folder is the only place
  }
  return candidates.find((dir) => existsSync(join(dir, 'UniGB-UCS2-H.bcmap'))) ?? null;
}
