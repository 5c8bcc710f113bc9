// Properties of the text helpers the parser leans on: foldText is fold without offsets, and stops early
// only past its limit; a bounded cache answers what it was last told and never holds more than its limit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BoundedCache, forgetMemos } from '../../server/src/engine/text/bounded-cache';
import { fold, foldText } from '../../server/src/engine/text/fold';
import { lineStartsOf } from '../../server/src/engine/text/lines';

const pieces = ['a', 'Z', '5', '０', 'Ａ', ' ', '\u3000', '\t', '、', '（', '）', '一', '政', '𠀀', '\uD800', '.', '-', 'ﬁ', '㈠', '⽅', '１２', '\uFEFF', '\u200B', '\u00AD'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((xs) => xs.join(''));

describe('foldText', () => {
  it('is the text of fold', () => {
    fc.assert(fc.property(text, (s) => assert.equal(foldText(s), fold(s).text)), { numRuns: 2000 });
  });

  it('with a limit: the whole folded text when it fits, else something longer than the limit', () => {
    fc.assert(
      fc.property(text, fc.nat(40), (s, limit) => {
        const full = fold(s).text;
        const cut = foldText(s, limit);
        if (full.length <= limit) assert.equal(cut, full);
        else assert.ok(cut.length > limit && full.startsWith(cut));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('BoundedCache', () => {
  it('answers a key with the value last set for it, or nothing, and holds at most its limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer()), { maxLength: 80 }), (limit, writes) => {
        const cache = new BoundedCache<number, number>(limit);
        const last = new Map<number, number>();
        for (const [key, value] of writes) {
          cache.set(key, value);
          last.set(key, value);
          assert.equal(cache.get(key), value, 'the value just set');
          let held = 0;
          for (const [k, v] of last) {
            if (!cache.has(k)) continue;
            held++;
            assert.equal(cache.get(k), v, 'a key kept answers its last value');
          }
          assert.ok(held <= limit, `${held} keys held, limit ${limit}`);
        }
      }),
    );
  });

  it('holds nothing after forgetMemos, every table alike, and fills again', () => {
    const tables = [new BoundedCache<string, number>(4), new BoundedCache<string, number>(100)];
    for (const table of tables) table.set('a', 1);
    forgetMemos();
    for (const table of tables) assert.equal(table.has('a'), false);
    tables[0].set('a', 2);
    assert.equal(tables[0].get('a'), 2);
  });
});

describe('lineStartsOf', () => {
  it('starts a line after every LF, CRLF and lone CR, as a reading character by character does', () => {
    const reference = (text: string): number[] => {
      const starts = [0];
      for (let i = 0; i < text.length; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
      return starts;
    };
    const lines = fc.array(fc.constantFrom('a', '政', '\n', '\r', '\r\n', '\n\r', ' ', '0'), { maxLength: 40 }).map((xs) => xs.join(''));
    fc.assert(fc.property(lines, (text) => assert.deepEqual(lineStartsOf(text), reference(text))), { numRuns: 2000 });
  });
});
