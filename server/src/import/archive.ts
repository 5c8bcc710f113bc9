// The files inside a .zip a reviewer was sent (各单位年报.zip): each one's name as the archiver wrote it (UTF-8 where
// flagged or given in a Unicode Path field, else the code page of a Chinese Windows, GB18030) and its bytes,
// inflated within bounds. Pure: bytes in, files out; which files to read is the caller's choice.
import { isOfficeLock } from '../files/names';
import { strictUtf8 } from './decode';
import { entryBytes, isCompoundFile, isZip, zipDirectory, type Entry } from './zip';

export interface ArchivedFile {
  /** the path inside the archive, with `/` between folders */
  readonly name: string;
  readonly bytes?: Uint8Array;
  /** why the file cannot be had from the archive */
  readonly error?: string;
}

export interface ArchiveLimits {
  /** the most one file may inflate to */
  readonly fileBytes: number;
  /** the most all the files read may inflate to together */
  readonly totalBytes: number;
}

const UTF8_NAME = 1 << 11;
const ENCRYPTED = 1;

/** An archiver's own files (a Mac's resource forks) and Office's lock files: nobody's report. */
function isClutter(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return name.startsWith('__MACOSX/') || base.startsWith('._') || isOfficeLock(base);
}

function entryName(entry: Entry): string {
  const name = entry.unicodeName ?? (entry.flags & UTF8_NAME ? entry.name : (strictUtf8(entry.rawName) ?? new TextDecoder('gb18030').decode(entry.rawName)));
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/**
 * The files of a zip archive whose names `wanted` takes, in the archive's order; or the one message for an archive
 * that cannot be read. A file that is encrypted, damaged or too large comes with its message instead of its bytes.
 */
export function archiveFiles(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ArchiveLimits): { files: ArchivedFile[] } | { error: string } {
  if (isCompoundFile(bytes)) return { error: '压缩包设有密码或不是 .zip 格式，无法读取；请解压后检查解压出的文件' };
  if (!isZip(bytes)) return { error: '不是有效的 .zip 压缩包，无法读取；如是 .rar 或 .7z 压缩包，请解压后再检查' };
  const entries = zipDirectory(bytes);
  if (!entries) return { error: '压缩包已损坏，无法解开' };
  const files: ArchivedFile[] = [];
  let total = 0;
  for (const entry of entries) {
    const name = entryName(entry);
    if (name.endsWith('/') || isClutter(name) || !wanted(name)) continue;
    if (entry.flags & ENCRYPTED) {
      files.push({ name, error: '压缩包中的此文件已加密，无法读取；请解压后检查' });
      continue;
    }
    const read = entryBytes(bytes, entry, Math.min(limits.fileBytes, limits.totalBytes - total));
    if (read === 'damaged') files.push({ name, error: '压缩包中的此文件已损坏，无法解开' });
    else if (read === 'method') files.push({ name, error: '压缩包中的此文件使用了不支持的压缩方式，请解压后检查' });
    else if (read === 'too-large') files.push({ name, error: `压缩包中的此文件解压后过大（单个文件超过 ${limits.fileBytes / 1024 / 1024} MB，或全部文件超过 ${limits.totalBytes / 1024 / 1024} MB），未读取` });
    else {
      total += read.length;
      files.push({ name, bytes: read });
    }
  }
  return { files };
}
