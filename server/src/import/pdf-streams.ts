// What a PDF's compressed streams inflate to, measured before pdf.js reads the file: pdf.js inflates a page's
// content stream whole into memory, so a file of a megabyte whose stream inflates to gigabytes would hold it for
// minutes and gigabytes. Each Flate stream that is not an image is inflated here a step at a time, and no further
// than the bound (images are left alone: text extraction never decodes them).
import { indexOfBytes } from './bytes';
import { inflateWithin } from './inflate-bounded';

/** a report's page content is tens of kilobytes; a stream this large is no report's */
export const MAX_STREAM_BYTES = 256 * 1024 * 1024;
/** how far before its data a stream's dictionary is looked for */
const DICTIONARY_REACH = 8192;

const latin1 = new TextDecoder('latin1');
const STREAM = [0x73, 0x74, 0x72, 0x65, 0x61, 0x6d]; // "stream"

/** Whether some stream of the PDF that is not an image inflates beyond `limit` bytes. */
export function holdsOversizedStream(bytes: Uint8Array, limit = MAX_STREAM_BYTES): boolean {
  for (let at = indexOfBytes(bytes, STREAM, 0); at >= 0; at = indexOfBytes(bytes, STREAM, at + STREAM.length)) {
    // the keyword `stream`, not the end of `endstream`, followed by its end of line
    if (at >= 3 && bytes[at - 1] === 0x64 && bytes[at - 2] === 0x6e && bytes[at - 3] === 0x65) continue;
    let start = at + STREAM.length;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a) continue;
    start++;
    const dictionary = latin1.decode(bytes.subarray(Math.max(0, at - DICTIONARY_REACH), at));
    const own = dictionary.slice(dictionary.lastIndexOf(' obj') + 1);
    if (!/\/FlateDecode\b/.test(own) || /\/Subtype\s*\/Image\b/.test(own)) continue;
    const end = indexOfBytes(bytes, STREAM, start);
    const data = bytes.subarray(start, end < 0 ? bytes.length : end);
    // a damaged or encrypted stream counts what it gave: pdf.js says what it makes of it
    if (inflateWithin(data, limit, { zlib: true, keep: false }).size > limit) return true;
    if (end < 0) break;
    at = end;
  }
  return false;
}
