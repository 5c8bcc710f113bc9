// A web page saved as one file (.mht, .mhtml: a browser's "网页，单个文件", Word's "单个文件网页", how reviewers keep
// the page an agency published): a MIME message whose first text/html part is the page, quoted-printable or base64,
// in the charset its part names; the page is then read as any other (html.ts). Images and styles are not read.
import { indexOfBytes } from './bytes';
import { decodeHtml } from './decode';
import { ImportError } from './failure';
import { writeHtml } from './html';
import type { Imported } from './types';
import { TextWriter } from './writer';

interface Part {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Uint8Array;
}

const ascii = new TextDecoder('latin1');

/**
 * Where the header block in bytes[from, to) ends (its blank line), and where the body after it starts; a block with
 * no blank line before `to` is all headers.
 */
function headerEnd(bytes: Uint8Array, from: number, to: number): { end: number; body: number } {
  for (let i = from; i < to; i++) {
    if (bytes[i] !== 10) continue;
    if (bytes[i + 1] === 10) return { end: i, body: i + 2 };
    if (bytes[i + 1] === 13 && bytes[i + 2] === 10) return { end: i, body: i + 3 };
  }
  return { end: to, body: to };
}

/** MIME headers, names lower-cased, folded lines joined. */
function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** A parameter of a header value (`boundary="----=_NextPart…"`, `charset=gb2312`). */
function parameter(value: string | undefined, name: string): string | null {
  const m = value && new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : null;
}

const mediaType = (part: Part): string => (part.headers.get('content-type') ?? 'text/plain').split(';')[0].trim().toLowerCase();

/** A header block and the body after it, in bytes[from, to). */
function partAt(bytes: Uint8Array, from: number, to: number): Part {
  const { end, body } = headerEnd(bytes, from, to);
  return { headers: parseHeaders(ascii.decode(bytes.subarray(from, end))), body: bytes.subarray(body, to) };
}

/** The parts of a multipart body, one at a time (the page is the first, before megabytes of images), up to its closing delimiter. */
function* parts(bytes: Uint8Array, boundary: string): Generator<Part> {
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  let at = indexOfBytes(bytes, delimiter, 0);
  while (at >= 0) {
    const after = at + delimiter.length;
    if (bytes[after] === 0x2d && bytes[after + 1] === 0x2d) return;
    const start = after + (bytes[after] === 13 ? 2 : bytes[after] === 10 ? 1 : 0);
    const next = indexOfBytes(bytes, delimiter, start);
    // the line break before the next delimiter belongs to it
    let stop = next < 0 ? bytes.length : next;
    if (bytes[stop - 1] === 10) stop--;
    if (bytes[stop - 1] === 13) stop--;
    yield partAt(bytes, start, Math.max(start, stop));
    at = next;
  }
}

function quotedPrintable(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length);
  let n = 0;
  const hex = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== 0x3d) {
      out[n++] = body[i];
      continue;
    }
    // a soft line break, "=" at a line's end (spaces before its break allowed)
    let j = i + 1;
    while (body[j] === 32 || body[j] === 9) j++;
    if (body[j] === 13 && body[j + 1] === 10) {
      i = j + 1;
      continue;
    }
    if (body[j] === 10) {
      i = j;
      continue;
    }
    const high = hex(body[i + 1]);
    const low = hex(body[i + 2]);
    if (high >= 0 && low >= 0) {
      out[n++] = high * 16 + low;
      i += 2;
    } else out[n++] = body[i];
  }
  return out.subarray(0, n);
}

function base64(body: Uint8Array): Uint8Array {
  const text = ascii.decode(body).replace(/[^A-Za-z0-9+/]/g, '');
  const binary = atob(text.slice(0, text.length - (text.length % 4)));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function decodedBody(part: Part): Uint8Array {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'quoted-printable') return quotedPrintable(part.body);
  if (encoding === 'base64') return base64(part.body);
  return part.body;
}

/** The page's text: in the charset its part names where TextDecoder knows it, else as a saved page is read (decodeHtml). */
function pageText(part: Part, writer: TextWriter): string {
  const bytes = decodedBody(part);
  const charset = parameter(part.headers.get('content-type'), 'charset');
  if (charset) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // a label no decoder has: the page's own <meta> or its bytes say
    }
  }
  const decoded = decodeHtml(bytes);
  if (decoded.note) writer.note(decoded.note);
  return decoded.text;
}

/** Whether the bytes are a MIME message (a page saved as one file), whatever the file is called. */
export function looksLikeMime(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (!/^[A-Za-z][\w-]*:/.test(ascii.decode(head.subarray(0, 80)))) return false;
  return /^(?:multipart\/related|text\/html)\b/i.test(partAt(head, 0, head.length).headers.get('content-type') ?? '');
}

/** The message's first text/html part: the message itself where it is not multipart. */
function pagePart(message: Part): Part | undefined {
  const boundary = parameter(message.headers.get('content-type'), 'boundary');
  if (!boundary) return mediaType(message) === 'text/html' ? message : undefined;
  for (const part of parts(message.body, boundary)) if (mediaType(part) === 'text/html') return part;
  return undefined;
}

export function importMhtml(bytes: Uint8Array): Imported {
  const page = pagePart(partAt(bytes, 0, bytes.length));
  if (!page) throw new ImportError('不是有效的单个文件网页（.mht/.mhtml）：其中没有网页部分，无法读取');
  const writer = new TextWriter();
  writeHtml(pageText(page, writer), writer);
  return writer.result('html');
}
