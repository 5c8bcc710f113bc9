// Bytes of a saved web page to text: the byte order mark, else the page's own <meta charset> / http-equiv (or
// an XML declaration), else strict UTF-8, else GB18030. The gb2312 and gbk labels mean GB18030 (its superset,
// as browsers read them). A label the bytes contradict (a page saved as UTF-8 that still says gb2312) loses.
// The decoders are the WHATWG ones a browser uses (GB18030's vertical punctuation is U+FE10…, not a private use
// character).

export interface Decoded {
  readonly text: string;
  readonly encoding: 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';
  /** said when the page's label was wrong or unusable */
  readonly note?: string;
}

const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'csgb2312', 'chinese', 'iso-ir-58', 'gb_2312', 'gb_2312-80', 'csiso58gb231280', 'euc-cn']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
const BIG5_LABELS = new Set(['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5']);

/** How far into the file a label is looked for (the HTML standard says 1024 bytes; CMS pages put it later). */
const PRESCAN_BYTES = 4096;

export function decodeHtml(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const label = declaredCharset(bytes);
  const utf8 = strictUtf8(bytes);
  if (label === null) return utf8 !== null ? { text: utf8, encoding: 'utf-8' } : gb18030(bytes);
  if (UTF8_LABELS.has(label)) return utf8 !== null ? { text: utf8, encoding: 'utf-8' } : gb18030(bytes, `页面声明的编码 ${label} 与内容不符，已按 GB18030 读取`);
  if (GB_LABELS.has(label)) {
    return utf8 !== null && hasNonAscii(bytes) ? { text: utf8, encoding: 'utf-8', note: `页面声明的编码 ${label} 与内容不符，已按 UTF-8 读取` } : gb18030(bytes);
  }
  if (BIG5_LABELS.has(label)) return { text: new TextDecoder('big5').decode(bytes), encoding: 'big5' };
  const note = `页面声明的编码 ${label} 不适用于中文年报，已按内容判断`;
  return utf8 !== null ? { text: utf8, encoding: 'utf-8', note } : gb18030(bytes, note);
}

const gb18030 = (bytes: Uint8Array, note?: string): Decoded => ({ text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', ...(note && { note }) });

export function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** The charset a page declares in its head, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  if (xml) return xml[1].toLowerCase();
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta[0]);
    if (charset) return charset[1].toLowerCase();
  }
  return null;
}
