// The UTF-8 decoders (ICU's, and the loop for a runtime without ICU) against the library's decoder: the same text for any string's bytes (every length of sequence,
// surrogate pairs, a BOM), and for bytes that are no UTF-8 at all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { utf8Text, validUtf8Text, validUtf8TextByLoop } from '../../server/src/files/utf8';

const library = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

/** pieces of text whose bytes are every length of UTF-8 sequence, surrogate pairs, a BOM */
const piece = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\uFEFF', '表三“（一）予以公开”\t151', '😀𠀀', '\u0080\u07ff\u0800\uffff', '\r\n'));
const anyText = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));

describe('utf8Text', () => {
  it('decodes any text as TextDecoder does', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const bytes = Buffer.from(t);
        assert.equal(utf8Text(bytes), library(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('the loop for a runtime without ICU gives what ICU gives', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const bytes = Buffer.from(t);
        assert.equal(validUtf8TextByLoop(bytes), validUtf8Text(bytes));
        assert.equal(validUtf8Text(bytes), library(bytes));
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes bytes that are not UTF-8 as TextDecoder does (each bad sequence replaced)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.string({ unit: 'grapheme' }), (noise, text) => {
        const bytes = Buffer.concat([Buffer.from(text), noise, Buffer.from(text)]);
        assert.equal(utf8Text(bytes), library(bytes));
      }),
      { numRuns: 2000 },
    );
    assert.equal(utf8Text(Buffer.from([0xe8, 0xa1, 0x41])), '\uFFFDA');
  });

  it('drops a leading BOM, as TextDecoder does, and keeps one further on', () => {
    assert.equal(utf8Text(Buffer.from('\uFEFF表\uFEFF')), '表\uFEFF');
    assert.equal(utf8Text(new Uint8Array()), '');
  });
});
