// Finding report files under the paths given, and decoding them: UTF-8 with or without a BOM, UTF-16
// with a BOM, or GBK (detected when the bytes are not valid UTF-8, or forced with --encoding gbk).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import * as iconv from 'iconv-lite';

export type Encoding = 'auto' | 'utf8' | 'gbk';
export const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.xxgk']);
export const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface FoundFile {
  path: string;
  error?: string;
}

export function findFiles(paths: readonly string[]): FoundFile[] {
  const found: FoundFile[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      found.push({ path: dir, error: (e as Error).message });
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue; // a dangling link inside a folder is not the user's target
      }
      if (stats.isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) walk(path);
      } else if (stats.isFile() && REPORT_EXTENSIONS.has(extname(name).toLowerCase())) found.push({ path });
      // pipes, sockets and devices named *.txt are skipped: reading one would wait forever
    }
  };
  for (const path of paths) {
    try {
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else if (stats.isFile()) found.push({ path });
      else found.push({ path, error: 'not a regular file (a pipe, socket or device is not read)' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      found.push({ path, error: code === 'ENOENT' ? 'no such file or folder' : (e as Error).message });
    }
  }
  return found;
}

export interface Decoded {
  text: string;
  encoding: 'utf8' | 'utf16le' | 'utf16be' | 'gbk';
  binary: boolean;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.1;
}

export function decode(bytes: Uint8Array, encoding: Encoding): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf16le', binary: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf16be', binary: false };
  const binary = looksBinary(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === 'gbk') return { text: iconv.decode(Buffer.from(body), 'gbk'), encoding: 'gbk', binary };
  if (encoding === 'utf8' || bom) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf8', binary };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf8', binary };
  } catch {
    return { text: iconv.decode(Buffer.from(body), 'gbk'), encoding: 'gbk', binary };
  }
}

export function readReportFile(path: string, encoding: Encoding): Decoded {
  return decode(readFileSync(path), encoding);
}
