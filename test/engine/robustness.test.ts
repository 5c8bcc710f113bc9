// Bad input gets a clear outcome, never a crash or a hang: long lines, binary junk, NUL bytes, lone
// surrogates, a BOM in the middle, mixed line ends, a half-typed table, one report repeated many times.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { checkText } from '../../server/src/engine';
import { readSeed } from '../support/helpers';

const seed = readSeed('000');
const CASES: Record<string, string> = {
  'a 1 MB prose line': '一、总体情况\n' + '政府信息公开'.repeat(180000),
  'a 1 MB line of numbers (once took 80 s in a backtracking regex)': '一、总体情况\n' + '1 '.repeat(500000) + '\n二、主动公开政府信息情况\n',
  'a 1 MB line of headings glued to row labels': '一、总体情况' + '二、主动公开政府信息情况四、结转下年度继续办理1 五、存在的主要问题及'.repeat(20000),
  'a 1 MB line of numerals and marks': '一、'.repeat(500000),
  'title text repeated on one line': '2024年政府信息公开工作年度报告'.repeat(30000),
  'NUL bytes for digits': seed.replace(/0/g, '\0'),
  'lone surrogates': seed.replace(/0/g, '\ud800'),
  'binary junk': Array.from({ length: 200000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
  'one report repeated 2,000 times': seed.repeat(2000),
  '100,000 lines': Array.from({ length: 100000 }, (_, i) => ['0', '总计\t1\t2', '', '一、总体情况', '（七）', 'abc'][i % 6]).join('\n'),
  'GBK bytes read as UTF-8': Buffer.from(iconv.encode(seed, 'gbk')).toString('utf8'),
  'a table cut off mid-row': seed.slice(0, seed.indexOf('(四) 无法提供') + 5),
  'a BOM in the middle': seed.replace('二、主动', '\ufeff二、主动'),
  'mixed CRLF, CR and LF': seed.split('\n').map((l, i) => l + ['', '\r', ''][i % 3]).join('\n'),
  'empty text': '',
};

describe('pathological input', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`${name}: checks without throwing, every range inside the text`, { timeout: 60000 }, () => {
      const result = checkText(text);
      for (const d of result.diagnostics) {
        assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `${d.code} ${JSON.stringify(d.span)}`);
        assert.ok(d.message.length > 0);
      }
    });
  }
  it('the repeated report is read as 2,000 reports', { timeout: 60000 }, () => assert.equal(checkText(CASES['one report repeated 2,000 times']).reports.length, 2000));
  it('the cut-off table reports its missing rows, not arithmetic', () => {
    const codes = new Set(checkText(CASES['a table cut off mid-row']).diagnostics.map((d) => d.code));
    assert.ok(codes.has('missing-row'));
    assert.ok(codes.has('missing-section'));
    assert.ok(!codes.has('balance-mismatch'));
  });
});
