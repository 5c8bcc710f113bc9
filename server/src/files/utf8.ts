// Valid UTF-8 is converted to UTF-16 by ICU (buffer.transcode) and read as such: node 20's decoder (Buffer#toString,
// TextDecoder) reads Chinese text at about a quarter of that speed, and a compilation's 25 MB or an editor's 13 MB
// didOpen are decoded whole before anything else. A runtime built without ICU has no transcode: a loop of our own
// (half ICU's speed) decodes there.
import { isUtf8, transcode } from 'node:buffer';

const icuTranscodes = typeof transcode === 'function' && process.versions.icu !== undefined;

/**
 * The text of UTF-8 bytes, as TextDecoder gives it (a leading BOM dropped, invalid sequences replaced by U+FFFD):
 * bytes the fast validator passes are decoded by ICU (or the loop), any other by the library's decoder, which knows how to
 * replace.
 */
export function utf8Text(bytes: Uint8Array): string {
  return isUtf8(bytes) ? validUtf8Text(bytes) : new TextDecoder('utf-8').decode(bytes);
}

/** The text of bytes that `isUtf8` passed, a leading BOM dropped (as TextDecoder does). */
export function validUtf8Text(bytes: Uint8Array): string {
  if (!icuTranscodes) return validUtf8TextByLoop(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return transcode(bom ? bytes.subarray(3) : bytes, 'utf8', 'utf16le').toString('utf16le');
}

/** validUtf8Text without ICU. */
export function validUtf8TextByLoop(bytes: Uint8Array): string {
  const units = Buffer.allocUnsafe(bytes.length * 2);
  const out = new Uint16Array(units.buffer, units.byteOffset, bytes.length);
  const n = bytes.length;
  let j = 0;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // valid UTF-8: each lead byte says how many continuation bytes follow, and none is missing
  for (let i = bom ? 3 : 0; i < n; ) {
    const c = bytes[i];
    if (c < 0x80) {
      out[j++] = c;
      i++;
    } else if (c >= 0xe0 && c < 0xf0) {
      out[j++] = ((c & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      i += 3;
    } else if (c < 0xe0) {
      out[j++] = ((c & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      i += 2;
    } else {
      const point = (((c & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f)) - 0x10000;
      out[j++] = 0xd800 + (point >> 10);
      out[j++] = 0xdc00 + (point & 0x3ff);
      i += 4;
    }
  }
  return units.toString('utf16le', 0, j * 2);
}
