// The one entry the CLI, the server and the extension call: a published file's bytes and its name in, the
// canonical report text with the origin of every row and cell out, or one clear message. The readers are pure
// functions of the bytes; nothing here reads a file.
import { IMPORT_EXTENSIONS } from '../protocol';
import { importPdf } from './pdf';
import { importDocx } from './docx';
import { ImportError } from './failure';
import { importHtml } from './html';
import { importMhtml, looksLikeMime } from './mhtml';
import type { ImportFailure, ImportResult, LegacyFormat } from './types';
import { importXlsx } from './xlsx';
import { isZip } from './zip';

export type { ImportFailure, ImportResult, Imported, Origin, OriginSpan, SourceFormat } from './types';
export { isFailure } from './types';
export { archiveFiles, type ArchivedFile } from './archive';
export { originAt } from './origins';
export { originSuffix, originText, sourceLine } from './origin-text';

// the published formats the readers take, as `check` finds them in folders: named where the extension sees them too
export { IMPORT_EXTENSIONS };

/** Legacy and other formats reports are sent in that no reader takes: answered with how to convert them, never half-read. */
export const LEGACY_EXTENSIONS: readonly string[] = ['.doc', '.wps', '.xls', '.et', '.ofd', '.rar', '.7z'];

export type ImportFormat = ImportFailure['format'];

const FORMAT_OF: Readonly<Record<string, ImportFormat>> = {
  '.html': 'html', '.htm': 'html', '.shtml': 'html', '.mht': 'html', '.mhtml': 'html', '.docx': 'docx', '.xlsx': 'xlsx', '.pdf': 'pdf', '.doc': 'doc', '.wps': 'wps', '.xls': 'xls',
  '.et': 'et', '.ofd': 'ofd', '.rar': 'rar', '.7z': '7z',
};

const extensionOf = (fileName: string): string => {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
};

/** The format a file name says, or null for a name the readers do not take (a text file). */
export const importFormat = (fileName: string): ImportFormat | null => FORMAT_OF[extensionOf(fileName)] ?? null;

const LEGACY_MESSAGES: Readonly<Record<LegacyFormat, string>> = {
  doc: '不支持旧版 Word 格式（.doc），请用 Word 或 WPS 打开后另存为 .docx 再检查',
  wps: '不支持 WPS 文字的旧格式（.wps），请用 WPS 打开后另存为 .docx 再检查',
  xls: '不支持旧版 Excel 格式（.xls），请用 Excel 或 WPS 打开后另存为 .xlsx 再检查',
  et: '不支持 WPS 表格的旧格式（.et），请用 WPS 打开后另存为 .xlsx 再检查',
  ofd: '不支持 OFD 版式文件（.ofd），请用 OFD 阅读器导出为 PDF 再检查',
  rar: '不支持 .rar 压缩包，请解压后检查解压出的文件（.zip 压缩包可直接检查）',
  '7z': '不支持 .7z 压缩包，请解压后检查解压出的文件（.zip 压缩包可直接检查）',
};

/** The legacy formats whose files some systems write as a web page or an OOXML package under the old name. */
const SPREADSHEETS: ReadonlySet<LegacyFormat> = new Set(['xls', 'et']);
const DOCUMENTS: ReadonlySet<LegacyFormat> = new Set(['doc', 'wps']);

export interface ImportOptions {
  /** Reads a PDF; by default `importPdf` (which loads pdf.js on the first PDF, not before). */
  readonly readPdf?: (bytes: Uint8Array) => Promise<ImportResult>;
}

/**
 * Imports a file by its extension (.html .htm .shtml .mht .mhtml .docx .xlsx .pdf; a page saved as one file is known
 * by its MIME headers, whatever it is called). A legacy .doc, .wps, .xls or .et gets a
 * message on how to convert it, unless its bytes are in fact a web page or an OOXML package (systems that
 * export "Word" and "Excel" files often write those), which are then read as what they are; an .ofd, .rar or
 * .7z gets its message.
 */
export function importBytes(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> | ImportResult {
  const format = importFormat(fileName);
  if (bytes.length === 0) return { format: format ?? 'unknown', error: '文件为空' };
  switch (format) {
    case 'html':
      return guarded('html', () => (looksLikeMime(bytes) ? importMhtml(bytes) : importHtml(bytes)));
    case 'docx':
      return guarded('docx', () => importDocx(bytes));
    case 'xlsx':
      return guarded('xlsx', () => importXlsx(bytes));
    case 'pdf':
      return (options.readPdf ?? ((b: Uint8Array) => importPdf(b)))(bytes).catch((e: unknown) => unexpected('pdf', e));
    case 'doc':
    case 'wps':
    case 'xls':
    case 'et':
    case 'ofd':
    case 'rar':
    case '7z':
      return legacy(format, bytes);
    default:
      return { format: 'unknown', error: `不支持的文件类型（${extensionOf(fileName) || '无扩展名'}）：可导入 ${IMPORT_EXTENSIONS.join(' ')}` };
  }
}

function legacy(format: LegacyFormat, bytes: Uint8Array): ImportResult {
  const office = SPREADSHEETS.has(format) || DOCUMENTS.has(format);
  if (office && isZip(bytes)) return SPREADSHEETS.has(format) ? guarded('xlsx', () => importXlsx(bytes)) : guarded('docx', () => importDocx(bytes));
  if (office && looksLikeHtml(bytes)) return guarded('html', () => importHtml(bytes));
  return { format, error: LEGACY_MESSAGES[format] };
}

/** A web page saved under a Word or Excel name: markup within its first bytes, after any byte order mark. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048)).replace(/^(\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)/, '');
  return /^\s*</.test(head) && /<(html|body|table|meta)\b/i.test(head);
}

function guarded(format: 'html' | 'docx' | 'xlsx', read: () => ImportResult): ImportResult {
  try {
    return read();
  } catch (e) {
    return unexpected(format, e);
  }
}

/** A reader's own message, or (for a defect of ours) a message naming the file as unreadable rather than a crash. */
function unexpected(format: ImportFormat, e: unknown): ImportFailure {
  if (e instanceof ImportError) return { format, error: e.message };
  return { format, error: `文件无法导入：${e instanceof Error ? e.message : String(e)}` };
}
