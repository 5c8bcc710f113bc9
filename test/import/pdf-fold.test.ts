// Radical characters from fonts with shape-derived ToUnicode maps read as the ideographs they look like.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldRadicals } from '../../server/src/import/pdf-fold';

describe('foldRadicals', () => {
  it('folds Kangxi radicals (⽅ ⾏) and CJK Radicals Supplement characters (⻓ ⻔ ⺠) to unified ideographs', () => {
    assert.equal(foldRadicals('⾏政许可'), '行政许可');
    assert.equal(foldRadicals('地⽅政府'), '地方政府');
    assert.equal(foldRadicals('⻓期⻔户⺠生'), '长期门户民生');
    // U+2E9F and U+2EF3 are the two the supplement's NFKC folds itself
    assert.equal(foldRadicals('\u2e9f\u2ef3'), '母龟');
  });

  it('folds every assigned character of both blocks to a CJK ideograph, except U+2E80, which has none', () => {
    const unfolded: string[] = [];
    for (let code = 0x2e80; code <= 0x2fd5; code++) {
      if (code > 0x2ef3 && code < 0x2f00) continue; // unassigned
      const ch = String.fromCodePoint(code);
      if (!/\p{Assigned}/u.test(ch)) continue;
      const folded = foldRadicals(ch);
      if (!/^\p{Script=Han}$/u.test(folded) || folded === ch) unfolded.push(code.toString(16));
    }
    assert.deepEqual(unfolded, ['2e80']);
  });

  it('leaves everything else as printed: full-width digits and brackets, ideographs, Latin', () => {
    const text = '（二）部分公开　１２ 3 abc 政府';
    assert.equal(foldRadicals(text), text);
  });
});
