// The chunked text against a plain string: same text, same slices, same positions after any edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/engine';
import { ChunkedText } from '../../server/src/engine/text/chunked';
import { readSeed } from '../support/helpers';

const piece = fc.oneof(
  fc.constantFrom('\n', '\r\n', '\r', '\t', '总计', '0', 'ab'),
  fc.string({ maxLength: 5 }),
  fc.constantFrom('x'.repeat(20000), '行\n'.repeat(9000)),
);
const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 40000 }), inserted: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')) });

function assertSame(chunked: ChunkedText, text: string): void {
  assert.equal(chunked.length, text.length);
  assert.equal(chunked.toString(), text);
  const index = new LineIndex(text);
  const probes = [0, text.length, ...Array.from({ length: 40 }, (_, k) => Math.floor((k * text.length) / 40))];
  for (const offset of probes) {
    const position = chunked.positionAt(offset);
    assert.deepEqual(position, index.positionAt(offset), `positionAt(${offset})`);
    assert.equal(chunked.lineAt(offset), position.line, `lineAt(${offset})`);
    // a CRLF is one line break: an offset between \r and \n maps back to the end of its line
    const back = text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
    assert.equal(chunked.offsetAt(position), back, `offsetAt(positionAt(${offset}))`);
    assert.equal(chunked.slice(offset, offset + 50), text.slice(offset, offset + 50));
    assert.equal(chunked.charAt(offset), text.charAt(offset));
  }
  assert.equal(chunked.eol(), text.includes('\n') && text[text.indexOf('\n') - 1] === '\r' && text.indexOf('\n') > 0 ? '\r\n' : '\n');
}

/** The edit made to the chunked text; the plain text it should now hold. */
function edited(chunked: ChunkedText, text: string, e: { at: number; length: number; inserted: string }): string {
  const start = e.at % (text.length + 1);
  const end = Math.min(text.length, start + e.length);
  chunked.replace(start, end, e.inserted);
  return text.slice(0, start) + e.inserted + text.slice(end);
}

describe('chunked text', () => {
  it('matches a plain string after random edits, CRLF and lone CR included', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        let text = readSeed('002').replace(/\n/g, (_, i: number) => (i % 3 ? '\n' : '\r\n')).repeat(3);
        const chunked = new ChunkedText(text);
        for (const e of edits) {
          text = edited(chunked, text, e);
          assertSame(chunked, text);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('cut as far as its first part at once, the rest when first reached: the same text, read in any order, after any edits', () => {
    const base = readSeed('002').replace(/\n/g, (_, i: number) => (i % 3 ? '\n' : '\r\n')).repeat(12);
    fc.assert(
      fc.property(fc.nat({ max: base.length + 10 }), fc.array(fc.nat({ max: base.length }), { maxLength: 6 }), fc.array(edit, { maxLength: 3 }), (cutFirst, reads, edits) => {
        let text = base;
        const chunked = new ChunkedText(text, cutFirst);
        // reads before the rest is cut: mostly within the first part
        for (const at of reads.map((r) => r % (cutFirst + 1))) {
          assert.deepEqual(chunked.positionAt(at), new LineIndex(text).positionAt(at), `positionAt(${at}) of a text cut as far as ${cutFirst}`);
          assert.equal(chunked.slice(at, at + 30), text.slice(at, at + 30));
          assert.equal(chunked.offsetAt(chunked.positionAt(at)), text[at - 1] === '\r' && text[at] === '\n' ? at - 1 : at);
        }
        assert.equal(chunked.toString(), text);
        for (const e of edits) text = edited(chunked, text, e);
        assertSame(chunked, text);
      }),
      { numRuns: 100 },
    );
    // a line far past the first part, and the line break of a text whose first part has none
    assert.equal(new ChunkedText(base, 10).offsetAt({ line: 400, character: 0 }), new LineIndex(base).offsetAt({ line: 400, character: 0 }));
    assert.equal(new ChunkedText(`${'x'.repeat(20000)}\r${'y'.repeat(20000)}\r\nz`, 10).eol(), '\r\n');
    assert.equal(new ChunkedText('ab\ncd', 0).offsetAt({ line: 1, character: 1 }), 4);
  });

  it('keeps every CRLF whole when an edit lands at a chunk boundary (only the chunks an edit reaches are cut again)', () => {
    const base = readSeed('002').replace(/\n/g, '\r\n').repeat(12);
    // where the first chunk ends: after the first line break from 16 K characters on
    const boundary = base.indexOf('\r\n', 16 * 1024) + 2;
    assert.ok(boundary > 16 * 1024 && boundary < base.length - 16 * 1024, 'a text of three chunks at least');
    for (let at = boundary - 3; at <= boundary + 3; at++) {
      for (const inserted of ['', 'x', '\r', '\n', '\r\n']) {
        for (let removed = 0; removed <= 2; removed++) {
          const chunked = new ChunkedText(base);
          chunked.replace(at, at + removed, inserted);
          const text = base.slice(0, at) + inserted + base.slice(at + removed);
          assertSame(chunked, text);
          const index = new LineIndex(text);
          for (let offset = boundary - 6; offset <= boundary + 6; offset++) assert.deepEqual(chunked.positionAt(offset), index.positionAt(offset), `positionAt(${offset}) after ${JSON.stringify(inserted)} at ${at}`);
        }
      }
    }
  });

  it('clamps positions past a line or the document to their ends', () => {
    const chunked = new ChunkedText('ab\r\ncd\n');
    assert.equal(chunked.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(chunked.offsetAt({ line: 1, character: 99 }), 6);
    assert.equal(chunked.offsetAt({ line: 2, character: 5 }), 7);
    assert.equal(chunked.offsetAt({ line: 50, character: 0 }), 7);
    assert.deepEqual(chunked.positionAt(999), { line: 2, character: 0 });
    const empty = new ChunkedText('');
    assert.deepEqual(empty.positionAt(0), { line: 0, character: 0 });
    empty.replace(0, 0, 'x\ny');
    assert.equal(empty.toString(), 'x\ny');
    assert.equal(empty.offsetAt({ line: 1, character: 1 }), 3);
  });
});
