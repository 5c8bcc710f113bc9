// Decoding a report file: UTF-8 with or without a BOM, UTF-16 with a BOM, or GB18030 (GBK and GB2312 are its
// subsets: detected when the bytes are not UTF-8, or forced with --encoding gbk). A UTF-8 file with a few bad
// bytes (one stray byte, a last character cut in half) stays UTF-8, the bad bytes replaced by U+FFFD and
// counted: read as GBK it would be garbled whole, and its every error hidden behind "not a report". A GBK file's
// bad bytes are replaced and counted the same way.
import { isUtf8 } from 'node:buffer';
import * as iconv from 'iconv-lite';
import { validUtf8Text } from './utf8';

export type Encoding = 'auto' | 'utf8' | 'gbk';

export interface Decoded {
  text: string;
  encoding: 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';
  binary: boolean;
  /** byte sequences not valid in `encoding` (UTF-8 or GB18030), each replaced by U+FFFD */
  replaced: number;
}

/** Text has next to no control bytes; compressed or random data has about one in ten. */
const BINARY_CONTROL_SHARE = 0.05;
/** Read as UTF-8, GBK text has most of its non-ASCII characters invalid; UTF-8 with a few bad bytes, next to none. */
const MAX_INVALID_SHARE = 0.05;

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) if (b < 8 || (b > 13 && b < 32 && b !== 27)) controls++;
  return sample.length > 0 && controls / sample.length > BINARY_CONTROL_SHARE;
}

/** How often `needle` occurs in `bytes`. */
function occurrences(bytes: Uint8Array, needle: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let at = buffer.indexOf(needle); at >= 0; at = buffer.indexOf(needle, at + needle.length)) n++;
  return n;
}

const REPLACEMENT_UTF8 = new Uint8Array([0xef, 0xbf, 0xbd]);

/** UTF-8 with each invalid sequence replaced, and how many were (a U+FFFD written in the file is not one). */
function decodeUtf8(body: Uint8Array): { text: string; replaced: number; nonAscii: number } {
  const text = new TextDecoder('utf-8').decode(body);
  let marks = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) marks++;
    else if (c > 0x7f) nonAscii++;
  }
  return { text, replaced: marks - occurrences(body, REPLACEMENT_UTF8), nonAscii };
}

const REPLACEMENT_GB18030 = new Uint8Array([0x84, 0x31, 0xa4, 0x37]);

/** GB18030 with each invalid sequence replaced, and how many were (a U+FFFD written in the file is not one). */
function gb18030(body: Uint8Array): { text: string; replaced: number } {
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gb18030');
  let marks = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) marks++;
  return { text, replaced: marks && marks - occurrences(body, REPLACEMENT_GB18030) };
}

/**
 * UTF-16 without a BOM, by where its zero bytes are: every ASCII character (line breaks, digits, tabs, spaces) has a
 * zero high byte, while the characters of Chinese text seldom have a zero low byte (开 U+5F00, 一 U+4E00): in text,
 * one side of the pairs holds several times the zeros the other does. Binary data holds them on both sides alike.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf16le' | 'utf16be' | null {
  if (bytes.length < 4 || bytes.length % 2) return null;
  const end = Math.min(bytes.length, UTF16_SAMPLE);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = end / 2;
  if (oddZeros >= MIN_ASCII_SHARE * units && oddZeros >= ZERO_SIDE_RATIO * evenZeros) return 'utf16le';
  if (evenZeros >= MIN_ASCII_SHARE * units && evenZeros >= ZERO_SIDE_RATIO * oddZeros) return 'utf16be';
  return null;
}

const UTF16_SAMPLE = 8192;
/** a report's ASCII characters (digits, tabs, line breaks) are far more than this share of its characters */
const MIN_ASCII_SHARE = 0.05;
/** zeros on one side of the pairs against the other's */
const ZERO_SIDE_RATIO = 4;

export function decode(bytes: Uint8Array, encoding: Encoding): Decoded {
  const utf16 = (which: 'utf16le' | 'utf16be', from: number): Decoded => ({ text: iconv.decode(Buffer.from(bytes.subarray(from)), which), encoding: which, binary: false, replaced: 0 });
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('utf16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('utf16be', 2);
  const wide = encoding === 'auto' ? utf16WithoutBom(bytes) : null;
  if (wide) return utf16(wide, 0);
  const binary = looksBinary(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === 'gbk') return { ...gb18030(body), encoding: 'gb18030', binary };
  if (isUtf8(body)) return { text: validUtf8Text(body), encoding: 'utf8', binary, replaced: 0 };
  const utf8 = decodeUtf8(body);
  const nearlyAll = utf8.replaced <= MAX_INVALID_SHARE * (utf8.nonAscii + utf8.replaced);
  if (encoding === 'utf8' || bom || nearlyAll) return { text: utf8.text, encoding: 'utf8', binary, replaced: utf8.replaced };
  return { ...gb18030(body), encoding: 'gb18030', binary };
}
