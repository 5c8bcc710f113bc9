// Invisible characters that web pages leave in copied text (zero-width spaces and joiners, the word joiner, the
// soft hyphen): a reader sees nothing there, and the checker reads the report as the reader does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll } from '../../server/src/engine';
import { fold } from '../../server/src/engine/text/fold';
import { isSpace } from '../../server/src/engine/text/chars';
import { diagnose, readExample } from '../support/helpers';

const clean = readExample('examples/clean-2024.txt');
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad'];

describe('invisible characters', () => {
  it('are spaces to the parser and dropped by label folding; a visible character is neither', () => {
    for (const ch of INVISIBLE) {
      assert.ok(isSpace(ch.charCodeAt(0)), `U+${ch.charCodeAt(0).toString(16)}`);
      assert.equal(fold(`合法${ch}权益`).text, '合法权益');
    }
    for (const ch of ['0', '一', '·', '\u3001']) assert.equal(isSpace(ch.charCodeAt(0)), false, ch);
  });

  it('before every cell of every table: the clean report stays clean', () => {
    assert.deepEqual(diagnose(clean), []);
    for (const ch of INVISIBLE) {
      const text = clean.replace(/\t(\d+)/g, `\t${ch}$1`);
      assert.notEqual(text, clean);
      assert.deepEqual(diagnose(text).map((d) => d.code), [], `U+${ch.charCodeAt(0).toString(16)}`);
    }
  });

  it('inside a row label: no label-typo', () => {
    for (const ch of INVISIBLE) assert.deepEqual(diagnose(clean.replace('4.保护第三方合法权益', `4.保护第三方${ch}合法权益`)), []);
  });

  it('a wrong total among them is still found on its cell, and fix-all writes only its digits', () => {
    const marked = clean.replace(/\t(\d+)/g, '\t\u200b$1');
    const row = '1.属于国家秘密\t\u200b0\t\u200b0\t\u200b0\t\u200b3\t\u200b0\t\u200b0\t\u200b3';
    assert.ok(marked.includes(row));
    const wrongRow = row.replace(/3$/, '4');
    const wrong = marked.replace(row, wrongRow);
    const ds = diagnose(wrong).filter((d) => d.code === 'row-total-mismatch');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].span.start, wrong.indexOf(wrongRow) + wrongRow.length - 1);
    assert.equal(fixAll(wrong).text, marked);
  });
});

describe('invisible characters inside a number', () => {
  const row = '4.保护第三方合法权益\t21\t0\t0\t0\t0\t0\t21';
  it('part no digits: 2\\u200b1 is 21, as a reader sees it, in every table and with each character (was invalid-number)', () => {
    for (const ch of INVISIBLE) {
      const one = clean.replace(row, row.replace('\t21\t', `\t2${ch}1\t`));
      assert.deepEqual(diagnose(one), [], `U+${ch.charCodeAt(0).toString(16)}`);
      const every = clean.replace(/\t(\d)(\d+)/g, `\t$1${ch}$2`);
      assert.notEqual(every, clean);
      assert.deepEqual(diagnose(every).map((d) => d.code), [], `U+${ch.charCodeAt(0).toString(16)}`);
    }
  });

  it('between two cells with no other separator they are one number, as on screen: 21\\u200b0 is 210, the row a cell short', () => {
    const text = clean.replace(row, row.replace('\t21\t0\t', '\t21\u200b0\t'));
    const ds = diagnose(text);
    assert.deepEqual(ds.map((d) => d.code), ['blank-cell']);
    assert.match(ds[0].message, /应有 7 个数值，只找到 6 个/);
    assert.deepEqual(diagnose(text), diagnose(clean.replace(row, row.replace('\t21\t0\t', '\t210\t'))));
  });

  it('as the only thing parting a row’s cells (a page’s cells joined by them), they part the cells: the clean report stays clean', () => {
    for (const ch of INVISIBLE) {
      // the cells after a row's label, and table 四's values, parted by the character alone
      const joined = clean.replace(/(?<=\d)\t(?=\d)/g, ch);
      assert.notEqual(joined, clean);
      assert.deepEqual(diagnose(joined).map((d) => d.code), [], `U+${ch.charCodeAt(0).toString(16)}`);
    }
    // near miss: a wrong total among such cells is found on its digits
    const wrong = clean.replace(row, row.replace(/\t21$/, '\t22')).replace(/(?<=\d)\t(?=\d)/g, '\u200b');
    assert.deepEqual(diagnose(wrong).filter((d) => d.code === 'row-total-mismatch').map((d) => d.text), ['22']);
  });

  it('near miss: a wrong total so written is row-total-mismatch on it, and fix-all writes the sum over it', () => {
    const wrongRow = row.replace(/\t21$/, '\t2\u200b2');
    const wrong = clean.replace(row, wrongRow);
    const ds = diagnose(wrong).filter((d) => d.code === 'row-total-mismatch');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].text, '2\u200b2');
    assert.equal(fixAll(wrong).text, clean);
  });
});
