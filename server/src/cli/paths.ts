// Paths as a page that is mailed shows them: relative to the folder checked, or to the folder that holds all
// the paths given, so that neither the checker's home folder nor its disk layout travels with the report.
import { statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';

/** The deepest folder holding every path given (a folder given is its own). */
export function commonRoot(paths: readonly string[], cwd = process.cwd()): string {
  const folders = paths.map((p) => {
    const absolute = resolve(cwd, p);
    try {
      return statSync(absolute).isDirectory() ? absolute : dirname(absolute);
    } catch {
      return dirname(absolute);
    }
  });
  const split = folders.map((f) => f.split(sep));
  const shared: string[] = [];
  for (let i = 0; split.every((parts) => i < parts.length && parts[i] === split[0][i]); i++) shared.push(split[0][i]);
  return shared.join(sep) || sep;
}

/** A function showing each path relative to `root` (with / between folders, as in a URL and in Excel). */
export function shownFrom(root: string, cwd = process.cwd()): (path: string) => string {
  return (path) => relative(root, resolve(cwd, path)).split(sep).join('/') || path;
}

/** The root as a page names it: the folder's own name, not where it is on this machine. */
export const rootName = (root: string): string => basename(root) || root;
