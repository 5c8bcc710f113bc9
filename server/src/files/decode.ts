// Decoding a report file: UTF-8 with or without a BOM, UTF-16 with a BOM, or GBK (detected when the bytes are
// not valid UTF-8, or forced with --encoding gbk).
import * as iconv from 'iconv-lite';

export type Encoding = 'auto' | 'utf8' | 'gbk';

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
