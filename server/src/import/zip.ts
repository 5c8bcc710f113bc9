// An OOXML package's parts (and, for archive.ts, a .zip's files), read from its zip directory and inflated with
// fflate when asked for: only the XML and text parts a reader opens (images and embedded files are never
// inflated), each bounded by the bytes it really inflates to, not by the size its header declares, so a crafted
// file cannot exhaust memory or time.
import { ImportError } from './failure';
import { inflateWithin } from './inflate-bounded';

/** no report's document.xml comes near this */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const READ = /\.(xml|rels|html?|xhtml|txt)$/i;

export interface Entry {
  /** the name read as UTF-8 (an OOXML package's part names always are) */
  readonly name: string;
  /** the name's bytes as written: an archive made on a Chinese Windows writes them in GBK */
  readonly rawName: Uint8Array;
  /** the general-purpose flags: bit 0 encrypted, bit 11 the name is UTF-8 */
  readonly flags: number;
  /** the name in UTF-8 from an Info-ZIP Unicode Path field, which archivers add beside a name in the system's code page */
  readonly unicodeName: string | null;
  /** 0 stored, 8 deflated */
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/** Why an entry's bytes cannot be had. */
export type EntryFailure = 'damaged' | 'too-large' | 'method';

/** An entry's bytes, inflated no further than `limit`; or why they cannot be had. */
export function entryBytes(bytes: Uint8Array, entry: Entry, limit: number): Uint8Array | EntryFailure {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_HEADER) return 'damaged';
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return 'damaged';
  const compressed = bytes.subarray(start, end);
  if (entry.method === 0) return compressed.length > limit ? 'too-large' : compressed.slice();
  if (entry.method !== 8) return 'method';
  const inflated = inflateWithin(compressed, limit, { zlib: false, keep: true });
  if (inflated.size > limit) return 'too-large';
  if (!inflated.whole || !inflated.bytes) return 'damaged';
  return inflated.bytes;
}

/** The parts by name; names in a package are case-insensitive. */
export class Parts {
  readonly #entries: ReadonlyMap<string, Entry>;
  readonly #inflated = new Map<string, Uint8Array>();
  readonly #bytes: Uint8Array;
  readonly #kind: string;

  constructor(bytes: Uint8Array, entries: readonly Entry[], kind: string) {
    this.#bytes = bytes;
    this.#kind = kind;
    const byName = new Map<string, Entry>();
    for (const e of entries) if (READ.test(e.name)) byName.set(partName(e.name), e);
    this.#entries = byName;
  }

  /** A part's bytes, or null when the package has no such part; an ImportError when it cannot be read. */
  get(name: string): Uint8Array | null {
    const key = partName(name);
    const known = this.#inflated.get(key);
    if (known) return known;
    const entry = this.#entries.get(key);
    if (!entry) return null;
    const data = this.#read(entry);
    this.#inflated.set(key, data);
    return data;
  }

  #read(entry: Entry): Uint8Array {
    const read = entryBytes(this.#bytes, entry, MAX_PART_BYTES);
    if (read === 'damaged') throw this.#damaged();
    if (read === 'too-large') throw this.#tooLarge(entry);
    if (read === 'method') throw new ImportError(`文件中的 ${entry.name} 使用了不支持的压缩方式，无法读取`);
    return read;
  }

  #damaged(): ImportError {
    return new ImportError(`文件已损坏（.${this.#kind} 压缩包无法解开），无法读取`);
  }

  #tooLarge(entry: Entry): ImportError {
    return new ImportError(`文件中的 ${entry.name} 解压后超过 ${MAX_PART_BYTES / 1024 / 1024} MB，不是年度报告的篇幅，无法读取`);
  }
}

const partName = (name: string): string => name.replace(/^\/+/, '').toLowerCase();

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const UNICODE_PATH = 0x7075;
const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** The entries of a zip's central directory (zip64 included); null when there is none to read. */
export function zipDirectory(bytes: Uint8Array): Entry[] | null {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === ZIP64_LOCATOR) {
    const zip64 = u64(bytes, end - 12);
    if (zip64 + 56 > bytes.length || u32(bytes, zip64) !== ZIP64_END) return null;
    count = u64(bytes, zip64 + 32);
    offset = u64(bytes, zip64 + 48);
  }
  const entries: Entry[] = [];
  const names = new TextDecoder();
  for (let k = 0, at = offset; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_HEADER) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    let unicodeName: string | null = null;
    let compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    let localOffset = u32(bytes, at + 42);
    // zip64: the sizes and offset that do not fit 32 bits are in the extra field, in this order
    for (let x = at + 46 + nameLength, xEnd = x + extraLength; x + 4 <= xEnd; x += 4 + u16(bytes, x + 2)) {
      // the Unicode Path field: a version byte, the CRC of the name it stands for, the name in UTF-8
      if (u16(bytes, x) === UNICODE_PATH && u16(bytes, x + 2) > 5 && bytes[x + 4] === 1) unicodeName = names.decode(bytes.subarray(x + 9, x + 4 + u16(bytes, x + 2)));
      if (u16(bytes, x) !== 1) continue;
      let field = x + 4;
      if (size === 0xffffffff) field += 8;
      if (compressedSize === 0xffffffff) {
        compressedSize = u64(bytes, field);
        field += 8;
      }
      if (localOffset === 0xffffffff) localOffset = u64(bytes, field);
    }
    entries.push({ name: names.decode(rawName), rawName, flags: u16(bytes, at + 8), unicodeName, method: u16(bytes, at + 10), compressedSize, localOffset });
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return entries;
}

export const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
/** an OLE compound file: a legacy .doc/.xls, or an OOXML file encrypted with a password */
export const isCompoundFile = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export function openPackage(bytes: Uint8Array, kind: 'docx' | 'xlsx'): Parts {
  const legacy = kind === 'docx' ? '.doc' : '.xls';
  if (isCompoundFile(bytes)) throw new ImportError(`文件设有打开密码，或是改了扩展名的旧版文件（${legacy}）：请取消密码并另存为 .${kind} 后再检查`);
  if (!isZip(bytes)) throw new ImportError(`文件不是有效的 .${kind} 文件（内容不是 OOXML 压缩包），无法读取`);
  const entries = zipDirectory(bytes);
  if (!entries) throw new ImportError(`文件已损坏（.${kind} 压缩包无法解开），无法读取`);
  return new Parts(bytes, entries, kind);
}
