// An OOXML package's parts, unzipped with fflate: only the XML and text parts (images and embedded files are
// never inflated), each within a size bound so a crafted file cannot exhaust memory.
import { unzipSync } from 'fflate';
import { ImportError } from './failure';

/** no report's document.xml comes near this */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const READ = /\.(xml|rels|html?|xhtml|txt)$/i;

/** The parts by name; names in a package are case-insensitive. */
export class Parts {
  readonly #files: ReadonlyMap<string, Uint8Array>;
  constructor(files: Record<string, Uint8Array>) {
    this.#files = new Map(Object.entries(files).map(([name, data]) => [name.replace(/^\/+/, '').toLowerCase(), data]));
  }
  get(name: string): Uint8Array | null {
    return this.#files.get(name.replace(/^\/+/, '').toLowerCase()) ?? null;
  }
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
/** an OLE compound file: a legacy .doc/.xls, or an OOXML file encrypted with a password */
const isCompoundFile = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export function openPackage(bytes: Uint8Array, kind: 'docx' | 'xlsx'): Parts {
  const legacy = kind === 'docx' ? '.doc' : '.xls';
  if (isCompoundFile(bytes)) throw new ImportError(`文件设有打开密码，或是改了扩展名的旧版文件（${legacy}）：请取消密码并另存为 .${kind} 后再检查`);
  if (!isZip(bytes)) throw new ImportError(`文件不是有效的 .${kind} 文件（内容不是 OOXML 压缩包），无法读取`);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => READ.test(f.name) && f.originalSize <= MAX_PART_BYTES });
  } catch {
    throw new ImportError(`文件已损坏（.${kind} 压缩包无法解开），无法读取`);
  }
  return new Parts(files);
}
