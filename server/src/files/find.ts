// Finding report files under the paths given (the CLI's arguments, the editor's workspace folders). Folders are
// walked in name order; a symbolic link is followed, but each real folder is walked once: a link back up the
// tree (git stores links, and the editor opens untrusted folders) is a loop otherwise, and two never end.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isOfficeLock } from './names';
import { NOT_REGULAR } from './read';

export const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.xxgk']);
export const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface FoundFile {
  path: string;
  /** a file inside an archive: its bytes, as the archive gave them (there is no file at `path` to read) */
  bytes?: Uint8Array;
  error?: string;
  /** the system's code for the error (ENOENT, EACCES…), for callers that word it themselves */
  code?: string;
}

/** Told of a file in a folder that has a report's name but is not read (a pipe, socket or device, a broken link). */
export type OnSkipped = (path: string, reason: string) => void;

/** Why a link in a folder is not read: what it leads to is gone, out of reach, or another link of a loop. */
export const BROKEN_LINK = 'a symbolic link whose target does not exist or cannot be reached';

type Kind = 'folder' | 'file' | 'other' | 'broken';

async function kindOf(entry: Dirent, path: string): Promise<Kind> {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
  try {
    const target = await stat(path);
    return target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other';
  } catch {
    return 'broken';
  }
}

/** a web page as browsers and Word save it, whose images, styles and frames go in a folder beside it */
const SAVED_PAGE = /\.(?:html?|shtml|mht)$/i;
/**
 * The folder a saved page keeps its parts in (`年报_files` from a browser, `年报.files` from Word): its frames and
 * running headers (`header.htm`) are pieces of the page beside it, no report of their own.
 */
const isPageResources = (name: string, pages: ReadonlySet<string>): boolean => {
  const page = /^(.*)(?:_files|\.files)$/i.exec(name)?.[1];
  return page !== undefined && pages.has(page);
};

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The report files under `paths` (in folders, those named with one of `extensions`), one at a time (the caller
 * may stop early); a path given is always listed.
 */
export async function* findFiles(paths: readonly string[], onSkipped: OnSkipped = () => {}, extensions: ReadonlySet<string> = REPORT_EXTENSIONS): AsyncGenerator<FoundFile> {
  const walked = new Set<string>(); // real paths of the folders walked
  async function* walk(dir: string): AsyncGenerator<FoundFile> {
    let entries: Dirent[];
    try {
      const real = await realpath(dir);
      if (walked.has(real)) return;
      walked.add(real);
      entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
    } catch (e) {
      yield { path: dir, error: (e as Error).message, code: (e as NodeJS.ErrnoException).code };
      return;
    }
    const pages = new Set(entries.filter((e) => SAVED_PAGE.test(e.name)).map((e) => e.name.replace(SAVED_PAGE, '')));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const kind = await kindOf(entry, path);
      if (kind === 'folder') {
        if (!SKIPPED_DIRS.has(entry.name) && !isPageResources(entry.name, pages)) yield* walk(path);
      } else if (extensions.has(extname(entry.name).toLowerCase()) && !isOfficeLock(entry.name)) {
        if (kind === 'file') yield { path };
        else onSkipped(path, kind === 'other' ? NOT_REGULAR : BROKEN_LINK);
      }
    }
  }
  for (const path of paths) {
    try {
      const stats = await stat(path);
      if (stats.isDirectory()) yield* walk(path);
      else yield stats.isFile() ? { path } : { path, error: NOT_REGULAR };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      yield { path, error: code === 'ENOENT' ? 'no such file or folder' : (e as Error).message, code };
    }
  }
}
