// `xxgk check --fix`: the engine's fix-all (safe fixes only, SPEC §4 "What a fix may write") written back into a
// text file. The file keeps its encoding, byte order mark and line breaks: every byte outside the edited cells is
// copied from the original, after checking that the decoded text gives those very bytes back; a file for which it
// does not (bytes that were not valid in its encoding) is not rewritten.
import { writeFileSync } from 'node:fs';
import * as iconv from 'iconv-lite';
import { fixAll, LineIndex, type EngineOptions, type Locale, type TextEdit } from '../engine';
import { decode, type Decoded, type Encoding } from '../files/decode';
import type { FoundFile } from '../files/find';
import { isPublished, loadedBytes, loadedText, readFound, type Loaded } from './files';
import { cliMessage } from './messages';

/** One edit as the user is told of it: where it is in the file as it was, what it was, what it became. */
export interface Change {
  readonly line: number;
  readonly character: number;
  readonly old: string;
  readonly new: string;
}

export type FixResult =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'fixed'; readonly text: string; readonly bytes: Buffer; readonly changes: readonly Change[] }
  /** the text had fixes, but the file's bytes cannot be rewritten faithfully */
  | { readonly kind: 'unfaithful' };

const encoder = (encoding: Decoded['encoding']) => (text: string): Buffer =>
  encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);

/** The length of what came before the text: a byte order mark, which decode() took off. */
function markLength(bytes: Uint8Array, decoded: Decoded): number {
  if (decoded.encoding === 'utf16le' || decoded.encoding === 'utf16be') return 2;
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * `bytes` with the edits of `text` (its decoded form) made: the original bytes between the edits, each checked
 * to be what its text encodes to; null when one is not, or when an edit's new text cannot be encoded.
 */
export function spliceBytes(bytes: Buffer, decoded: Decoded, edits: readonly TextEdit[]): Buffer | null {
  const encode = encoder(decoded.encoding);
  const text = decoded.text;
  const pieces: Buffer[] = [bytes.subarray(0, markLength(bytes, decoded))];
  let at = pieces[0].length;
  let textAt = 0;
  /** the original bytes of text[textAt, end), when they are what that text encodes to */
  const original = (end: number): Buffer | null => {
    const expected = encode(text.slice(textAt, end));
    const actual = bytes.subarray(at, at + expected.length);
    if (!actual.equals(expected)) return null;
    at += expected.length;
    textAt = end;
    return actual;
  };
  for (const edit of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    const before = original(edit.span.start);
    if (!before || !original(edit.span.end)) return null;
    const written = encode(edit.newText);
    if (iconv.decode(written, decoded.encoding) !== edit.newText) return null;
    pieces.push(before, written);
  }
  const rest = original(text.length);
  if (!rest || at !== bytes.length) return null;
  pieces.push(rest);
  return Buffer.concat(pieces);
}

/** Fix-all on a decoded file: the new bytes and text, and each change where it was. */
export function fixDecoded(bytes: Buffer, decoded: Decoded, options: EngineOptions): FixResult {
  const { text, edits } = fixAll(decoded.text, options);
  if (!edits.length) return { kind: 'unchanged' };
  const spliced = decoded.replaced ? null : spliceBytes(bytes, decoded, edits);
  if (!spliced) return { kind: 'unfaithful' };
  const lines = new LineIndex(decoded.text);
  const changes = edits.map((e) => {
    const { line, character } = lines.positionAt(e.span.start);
    return { line, character, old: decoded.text.slice(e.span.start, e.span.end), new: e.newText };
  });
  return { kind: 'fixed', text, bytes: spliced, changes };
}

/** A cell's text on one line: tabs and line breaks inside an edit (a row filled in at once) as single spaces. */
const shown = (text: string, locale: Locale): string => text.replace(/\s+/g, ' ').trim() || cliMessage(locale, 'fix.blank');

/** What --fix did over a run, for its last line and its exit status. */
export interface FixTally {
  files: number;
  changes: number;
  /** a file whose fixes could not be written */
  failed: boolean;
}

/**
 * A text file read with its safe fixes written back: each change reported as `path:line:col: old → new` (where
 * it was); the file then checked as it now is. A file that cannot be rewritten faithfully, or written, is told
 * so (stderr) and checked as it was. A published file (PDF, Word…) is never rewritten: it is checked, and told
 * so when it has fixes to make.
 */
export async function loadFixed(
  found: FoundFile,
  encoding: Encoding,
  options: EngineOptions & { locale: Locale },
  tally: FixTally,
  report: (line: string) => void,
  tell: (line: string) => void,
): Promise<Loaded> {
  const read = readFound(found, options.locale);
  if ('error' in read) return { path: found.path, error: read.error };
  // a file inside an archive has nowhere to be written back to
  const archived = found.bytes !== undefined;
  if (archived || isPublished(found.path)) {
    const loaded = await loadedBytes(found.path, read.bytes, encoding, options.locale);
    const fixable = loaded.text === undefined || loaded.binary ? 0 : fixAll(loaded.text, options).edits.length;
    if (fixable) tell(`xxgk: ${found.path}: ${cliMessage(options.locale, archived ? 'fix.archived' : 'fix.published', { count: fixable })}`);
    return loaded;
  }
  const decoded = decode(read.bytes, encoding);
  const loaded = loadedText(found.path, decoded, options.locale);
  if (decoded.binary) return loaded;
  const fixed = fixDecoded(read.bytes, decoded, options);
  if (fixed.kind === 'unchanged') return loaded;
  if (fixed.kind === 'unfaithful') {
    tell(`xxgk: ${found.path}: ${cliMessage(options.locale, 'fix.unfaithful')}`);
    return loaded;
  }
  try {
    writeFileSync(found.path, fixed.bytes);
  } catch (e) {
    tally.failed = true;
    tell(`xxgk: ${found.path}: ${cliMessage(options.locale, 'fix.cannot-write', { reason: (e as Error).message })}`);
    return loaded;
  }
  tally.files++;
  tally.changes += fixed.changes.length;
  for (const c of fixed.changes) report(`${found.path}:${c.line + 1}:${c.character + 1}: ${shown(c.old, options.locale)} → ${shown(c.new, options.locale)}`);
  return { ...loaded, text: fixed.text };
}
