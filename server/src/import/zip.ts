// An OOXML package's parts, read from its zip directory and inflated with fflate when asked for: only the XML
// and text parts a reader opens (images and embedded files are never inflated), each bounded by the bytes it
// really inflates to, not by the size its header declares, so a crafted file cannot exhaust memory or time.
import { ImportError } from './failure';
import { inflateWithin } from './inflate-bounded';

/** no report's document.xml comes near this */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const READ = /\.(xml|rels|html?|xhtml|txt)$/i;

interface Entry {
  readonly name: string;
  /** 0 stored, 8 deflated */
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
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
    const bytes = this.#bytes;
    const at = entry.localOffset;
    if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_HEADER) throw this.#damaged();
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw this.#damaged();
    const compressed = bytes.subarray(start, end);
    if (entry.method === 0) {
      if (compressed.length > MAX_PART_BYTES) throw this.#tooLarge(entry);
      return compressed.slice();
    }
    if (entry.method !== 8) throw new ImportError(`文件中的 ${entry.name} 使用了不支持的压缩方式，无法读取`);
    const inflated = inflateWithin(compressed, MAX_PART_BYTES, { zlib: false, keep: true });
    if (inflated.size > MAX_PART_BYTES) throw this.#tooLarge(entry);
    if (!inflated.whole || !inflated.bytes) throw this.#damaged();
    return inflated.bytes;
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
const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** The entries of a zip's central directory (zip64 included); null when there is none to read. */
function directory(bytes: Uint8Array): Entry[] | null {
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
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    let localOffset = u32(bytes, at + 42);
    // zip64: the sizes and offset that do not fit 32 bits are in the extra field, in this order
    for (let x = at + 46 + nameLength, xEnd = x + extraLength; x + 4 <= xEnd; x += 4 + u16(bytes, x + 2)) {
      if (u16(bytes, x) !== 1) continue;
      let field = x + 4;
      if (size === 0xffffffff) field += 8;
      if (compressedSize === 0xffffffff) {
        compressedSize = u64(bytes, field);
        field += 8;
      }
      if (localOffset === 0xffffffff) localOffset = u64(bytes, field);
    }
    entries.push({ name, method: u16(bytes, at + 10), compressedSize, localOffset });
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return entries;
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
/** an OLE compound file: a legacy .doc/.xls, or an OOXML file encrypted with a password */
const isCompoundFile = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export function openPackage(bytes: Uint8Array, kind: 'docx' | 'xlsx'): Parts {
  const legacy = kind === 'docx' ? '.doc' : '.xls';
  if (isCompoundFile(bytes)) throw new ImportError(`文件设有打开密码，或是改了扩展名的旧版文件（${legacy}）：请取消密码并另存为 .${kind} 后再检查`);
  if (!isZip(bytes)) throw new ImportError(`文件不是有效的 .${kind} 文件（内容不是 OOXML 压缩包），无法读取`);
  const entries = directory(bytes);
  if (!entries) throw new ImportError(`文件已损坏（.${kind} 压缩包无法解开），无法读取`);
  return new Parts(bytes, entries, kind);
}
