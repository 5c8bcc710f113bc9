// Every quick fix applied and the result re-checked; fix-all on every sample; edits stay in their cells.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, checkText, fixAll } from '../../server/src/engine';
import { consistentValues, renderReport, seededRandom } from '../support/generate';
import { diagnose, readExample, readReal, REAL, SEEDS } from '../support/helpers';

const SAMPLES: [string, string][] = [
  ...Object.entries(SEEDS).map(([id, path]): [string, string] => [`seed ${id}`, readExample(path)]),
  ...REAL.map((name): [string, string] => [name, readReal(name)]),
  ['arithmetic-errors example', readExample('examples/arithmetic-errors-2024.txt')],
];

describe('each fix, applied alone', () => {
  for (const [name, text] of SAMPLES) {
    it(`${name}: removes its own diagnostic and changes nothing outside its edits`, () => {
      const before = checkText(text).diagnostics;
      for (const d of before.filter((x) => x.fix)) {
        const { text: fixed, skipped } = applyEdits(text, d.fix!.edits);
        assert.equal(skipped.length, 0);
        const after = checkText(fixed).diagnostics;
        const same = after.filter((x) => x.code === d.code && x.message === d.message);
        assert.equal(same.length, 0, `${d.code} still there after its fix: ${d.message}`);
        // the text before the first edit and after the last one is untouched
        const first = Math.min(...d.fix!.edits.map((e) => e.span.start));
        const last = Math.max(...d.fix!.edits.map((e) => e.span.end));
        assert.equal(fixed.slice(0, first), text.slice(0, first));
        assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last));
      }
    });
  }
});

describe('fix-all', () => {
  for (const [name, text] of SAMPLES) {
    it(`${name}: leaves no safe fix, applies no choice, and is idempotent`, () => {
      const { text: once, edits } = fixAll(text);
      assert.deepEqual(checkText(once).diagnostics.filter((d) => d.fix?.preferred).map((d) => d.code), []);
      assert.equal(applyEdits(text, edits).text, once, 'the edits it reports give the text it returns');
      // a later pass may find a fix safe that was not at first, but only ever where a diagnostic was
      const fixed = new Set(checkText(text).diagnostics.flatMap((d) => d.fix?.edits.map((e) => `${e.span.start}:${e.span.end}`) ?? []));
      for (const e of edits) assert.ok(fixed.has(`${e.span.start}:${e.span.end}`), `fix-all wrote ${JSON.stringify(e)} where no diagnostic was`);
      assert.equal(fixAll(once).text, once);
    });
  }
  it('seed 002: fills every blank outcome row with 0 in the file’s own layout', () => {
    const fixed = fixAll(readExample(SEEDS['002'])).text;
    const ds = diagnose(fixed);
    assert.deepEqual(ds.map((d) => d.code), ['empty-section']);
    assert.match(fixed, /\(一\)予以公开\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n\(二\)/);
  });
  it('hongze-2023: sets both wrong 总计 of table 四', () => {
    const fixed = fixAll(readReal('hongze-2023')).text;
    assert.match(fixed, /10 1 0 0 11 0 0 0 0 0 5 0 0 0 5/);
  });
  it('keeps CRLF line ends when inserting a missing section, a fix the user picks (never fix-all)', () => {
    const text = renderReport({ agency: '示例县发展和改革局', year: 2024, values: consistentValues(seededRandom(3)), layout: 'tabs' })
      .replace('五、存在的主要问题及改进情况\n', '')
      .replace(/\n/g, '\r\n');
    assert.equal(fixAll(text).text, text, 'fix-all inserts no section');
    const missing = checkText(text).diagnostics.find((d) => d.code === 'missing-section')!;
    assert.equal(missing.fix!.preferred, false);
    const fixed = applyEdits(text, missing.fix!.edits).text;
    assert.ok(!/[^\r]\n/.test(fixed), 'every line break is CRLF');
    assert.deepEqual(diagnose(fixed).filter((d) => d.code === 'missing-section'), []);
  });
});

describe('fixes in a markdown table', () => {
  const values = consistentValues(seededRandom(11));
  const clean = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'pipes' });
  const label = '4.保护第三方合法权益';
  const row = clean.split('\n').find((l) => l.startsWith(`| ${label} |`))!;
  const cells = values.table3.R8;
  it('a blank cell between pipes is filled inside its padding, giving back the table as it was', () => {
    const blanked = clean.replace(row, row.replace(`| ${label} | ${cells[0]} |`, `| ${label} |    |`));
    assert.notEqual(blanked, clean);
    assert.deepEqual(diagnose(blanked).map((d) => d.code), ['blank-cell']);
    assert.equal(fixAll(blanked).text, clean);
  });
  it('a row whose cells are all blank is rewritten between its pipes', () => {
    const blanked = clean.replace(row, `| ${label} |${'  |'.repeat(cells.length)}`);
    assert.deepEqual(diagnose(blanked).map((d) => d.code), ['blank-cell']);
    const fixed = fixAll(blanked).text;
    assert.equal(fixed, clean);
    assert.deepEqual(diagnose(fixed), []);
  });
  it('a blank cell with no padding of its own gets none', () => {
    const blanked = clean.replace(row, row.replace(`| ${label} | ${cells[0]} |`, `| ${label} ||`));
    assert.equal(fixAll(blanked).text, clean.replace(row, row.replace(`| ${label} | ${cells[0]} |`, `| ${label} |${cells[0]}|`)));
  });
});
