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

/** Where the header block starting at `from` ends (its blank line), and where the body after it starts. */
function headerEnd(bytes: Uint8Array, from: number): { end: number; body: number } {
  for (let i = from; i < bytes.length; i++) {
    if (bytes[i] !== 10) continue;
    if (bytes[i + 1] === 10) return { end: i, body: i + 2 };
    if (bytes[i + 1] === 13 && bytes[i + 2] === 10) return { end: i, body: i + 3 };
  }
  return { end: bytes.length, body: bytes.length };
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

/** The parts of a multipart body, up to its closing delimiter. */
function parts(bytes: Uint8Array, from: number, boundary: string): Part[] {
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const found: Part[] = [];
  let at = indexOfBytes(bytes, delimiter, from);
  while (at >= 0) {
    const after = at + delimiter.length;
    if (bytes[after] === 0x2d && bytes[after + 1] === 0x2d) break;
    const start = after + (bytes[after] === 13 ? 2 : bytes[after] === 10 ? 1 : 0);
    const next = indexOfBytes(bytes, delimiter, start);
    const { end, body } = headerEnd(bytes, start);
    const stop = next < 0 ? bytes.length : next;
    // the line break before the next delimiter belongs to it
    let bodyEnd = stop;
    if (bytes[bodyEnd - 1] === 10) bodyEnd--;
    if (bytes[bodyEnd - 1] === 13) bodyEnd--;
    found.push({ headers: parseHeaders(ascii.decode(bytes.subarray(start, Math.min(end, stop)))), body: bytes.subarray(Math.min(body, bodyEnd), bodyEnd) });
    at = next;
  }
  return found;
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
  const head = ascii.decode(bytes.subarray(0, Math.min(bytes.length, 8192)));
  if (!/^[A-Za-z][\w-]*:/.test(head)) return false;
  const blank = head.search(/\r?\n\r?\n/);
  const type = parseHeaders(blank < 0 ? head : head.slice(0, blank)).get('content-type') ?? '';
  return /^(?:multipart\/related|text\/html)\b/i.test(type);
}

export function importMhtml(bytes: Uint8Array): Imported {
  const top = headerEnd(bytes, 0);
  const headers = parseHeaders(ascii.decode(bytes.subarray(0, top.end)));
  const message: Part = { headers, body: bytes.subarray(top.body) };
  const boundary = parameter(headers.get('content-type'), 'boundary');
  const page = boundary ? parts(bytes, top.body, boundary).find((p) => mediaType(p) === 'text/html') : mediaType(message) === 'text/html' ? message : undefined;
  if (!page) throw new ImportError('不是有效的单个文件网页（.mht/.mhtml）：其中没有网页部分，无法读取');
  const writer = new TextWriter();
  writeHtml(pageText(page, writer), writer);
  return writer.result('html');
}
