// Properties of the text helpers the parser leans on: foldText is fold without offsets, and stops early
// only past its limit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fold, foldText } from '../../server/src/engine/text/fold';

const pieces = ['a', 'Z', '5', '０', 'Ａ', ' ', '\u3000', '\t', '、', '（', '）', '一', '政', '𠀀', '\uD800', '.', '-', 'ﬁ', '㈠', '⽅', '１２', '\uFEFF'];
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
