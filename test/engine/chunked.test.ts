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

describe('chunked text', () => {
  it('matches a plain string after random edits, CRLF and lone CR included', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        let text = readSeed('002').replace(/\n/g, (_, i: number) => (i % 3 ? '\n' : '\r\n')).repeat(3);
        const chunked = new ChunkedText(text);
        for (const e of edits) {
          const start = e.at % (text.length + 1);
          const end = Math.min(text.length, start + e.length);
          chunked.replace(start, end, e.inserted);
          text = text.slice(0, start) + e.inserted + text.slice(end);
          assertSame(chunked, text);
        }
      }),
      { numRuns: 60 },
    );
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
