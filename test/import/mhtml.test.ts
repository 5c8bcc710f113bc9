// A page saved as one file (.mht, .mhtml) is read as the page it holds: written here as Chrome writes one (the page
// quoted-printable in UTF-8, then its styles and images), as Word writes one (quoted-printable in gb2312), with the
// page in base64, and as a single-part message; each imports to the very text the page itself imports to.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { importBytes, isFailure, type ImportResult } from '../../server/src/import';
import { importHtml } from '../../server/src/import/html';
import { htmlPage } from '../support/html-pages';
import { arbVariant, namedDiagnostics, variantReport } from '../support/import-check';

const ascii = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

/** Quoted-printable as RFC 2045 writes it: lines of at most 76 characters, soft breaks `=` at their ends. */
function quotedPrintable(bytes: Uint8Array): string {
  let out = '';
  let line = '';
  for (const b of bytes) {
    const piece = b === 10 ? '\n' : b === 13 ? '' : b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : b === 32 ? ' ' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\n') {
      out += `${line}\r\n`;
      line = '';
      continue;
    }
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += piece;
  }
  return out + line;
}

const base64Lines = (bytes: Uint8Array): string => (Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');

type Saved = 'chrome' | 'word' | 'base64' | 'single';

/** The page saved as one file, the way `by` writes it. */
function savedPage(page: Uint8Array, by: Saved): Uint8Array {
  const image = base64Lines(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
  switch (by) {
    case 'chrome': {
      const b = '----MultipartBoundary--ExAmPlE0123456789----';
      return ascii(
        `From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/zwgk/2025/nb.html\r\nSubject: =?utf-8?Q?=E5=B9=B4=E6=8A=A5?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${b}"\r\n\r\n\r\n` +
          `--${b}\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: http://www.example.gov.cn/zwgk/2025/nb.html\r\n\r\n${quotedPrintable(page)}\r\n\r\n` +
          `--${b}\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nbody { color: black; }\r\n\r\n` +
          `--${b}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n${image}\r\n\r\n--${b}--\r\n`,
      );
    }
    case 'word': {
      const b = '----=_NextPart_01DB0000.12345678';
      const gb = new Uint8Array(iconv.encode(iconv.decode(Buffer.from(page), 'utf8').replace('charset="utf-8"', 'charset="gb2312"'), 'gbk'));
      return ascii(
        `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="${b}"\r\n\r\n此文档为“单个文件网页”。\r\n\r\n` +
          `--${b}\r\nContent-Location: file:///C:/D1234/nb.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n${quotedPrintable(gb)}\r\n\r\n` +
          `--${b}\r\nContent-Location: file:///C:/D1234/nb.files/image001.png\r\nContent-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\n${image}\r\n\r\n--${b}--\r\n`,
      );
    }
    case 'base64': {
      const b = 'boundary-example';
      return concat(ascii(`MIME-Version: 1.0\nContent-Type: multipart/related; boundary=${b}\n\n--${b}\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${base64Lines(page)}\n--${b}--\n`));
    }
    case 'single':
      return concat(ascii('MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'), page);
  }
}

const textOf = (r: ImportResult | Promise<ImportResult>): string => {
  const result = r as ImportResult;
  return isFailure(result) ? assert.fail(result.error) : result.text;
};

describe('a page saved as one file (.mht, .mhtml)', () => {
  for (const by of ['chrome', 'word', 'base64', 'single'] as const) {
    it(`as ${by} saves it: the text its page imports to, so the same diagnostics on the same cells`, () => {
      fc.assert(
        fc.property(arbVariant, (variant) => {
          const report = variantReport(variant);
          const page = htmlPage(report.blocks, 'modern-utf8');
          const text = textOf(importBytes(savedPage(page, by), by === 'word' ? '年报.mht' : '年报.mhtml'));
          assert.equal(text, importHtml(page).text);
          assert.deepEqual(namedDiagnostics(text), namedDiagnostics(report.text));
        }),
        { numRuns: 8 },
      );
    });
  }

  it('known by its headers under a web page’s name too; a plain page named .mht is read as a page', () => {
    const page = htmlPage(variantReport({ seed: 1, fullWidth: false, deltas: [], blanks: [] }).blocks, 'modern-utf8');
    assert.equal(textOf(importBytes(savedPage(page, 'chrome'), '年报.html')), importHtml(page).text);
    assert.equal(textOf(importBytes(page, '年报.mht')), importHtml(page).text);
  });

  it('a message without a page: one message', () => {
    const noPage = ascii('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n');
    const r = importBytes(noPage, '年报.mhtml') as ImportResult;
    assert.ok(isFailure(r));
    assert.match(r.error, /没有网页部分/);
  });
});
