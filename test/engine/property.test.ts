// Property tests (fast-check) over generated reports in every layout, and mutation tests on the seeds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText, fixAll, parseDocument } from '../../server/src/engine';
import { consistentValues, LAYOUTS, OUTCOME_KEYS, renderReport, seededRandom, TABLE3_KEYS } from '../support/generate';
import { diagnose, readSeed } from '../support/helpers';

const ARITHMETIC = ['row-total-mismatch', 'column-total-mismatch', 'balance-mismatch'];
const arbReport = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  layout: fc.constantFrom(...LAYOUTS),
  fullWidth: fc.boolean(),
});
const render = (r: { seed: number; layout: (typeof LAYOUTS)[number]; fullWidth: boolean }) => {
  const values = consistentValues(seededRandom(r.seed));
  return { values, text: renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: r.layout, fullWidth: r.fullWidth }) };
};

describe('generated reports', () => {
  it('read back exactly the values written, in every layout', () => {
    fc.assert(
      fc.property(arbReport, (r) => {
        const { values, text } = render(r);
        const tables = parseDocument(text).reports[0].tables;
        for (const key of TABLE3_KEYS) {
          assert.deepEqual(tables['三']!.rows.get(key)!.cells!.map((c) => c.value), values.table3[key], key);
        }
        assert.deepEqual(tables['四']!.rows.get('G')!.cells!.map((c) => c.value), values.table4);
        for (const [key, v] of Object.entries(values.table2)) assert.deepEqual(tables['二']!.rows.get(key)!.cells!.map((c) => c.value), v);
      }),
      { numRuns: 150 },
    );
  });

  it('a consistent report has no diagnostic', () => {
    fc.assert(fc.property(arbReport, (r) => assert.deepEqual(checkText(render(r).text).diagnostics.map((d) => d.code), [])), { numRuns: 150 });
  });

  it('breaking one row total yields exactly that code at that cell, and fix-all restores consistency', () => {
    fc.assert(
      fc.property(arbReport, fc.constantFrom(...OUTCOME_KEYS), fc.integer({ min: 1, max: 9 }), (r, key, delta) => {
        const values = consistentValues(seededRandom(r.seed));
        values.table3[key][6] += delta;
        const text = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: r.layout, fullWidth: r.fullWidth });
        const ds = checkText(text).diagnostics;
        const row = ds.filter((d) => d.code === 'row-total-mismatch');
        assert.equal(row.length, 1);
        const cell = parseDocument(text).reports[0].tables['三']!.rows.get(key)!.cells![6];
        assert.deepEqual(row[0].span, cell.span);
        const fixed = fixAll(text).text;
        assert.deepEqual(checkText(fixed).diagnostics.filter((d) => ARITHMETIC.includes(d.code)).map((d) => d.code), []);
        // only the cell's digits changed
        assert.equal(fixed.length, text.length - String(values.table3[key][6]).length + String(values.table3[key][6] - delta).length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('mutations of seed 000', () => {
  const text = readSeed('000');
  const table = parseDocument(text).reports[0].tables['三']!;
  it('changing any outcome value breaks its row total and its column total, nothing else', () => {
    for (const key of OUTCOME_KEYS) {
      const row = table.rows.get(key)!;
      for (let col = 0; col < 6; col++) {
        const cell = row.cells![col];
        const mutated = text.slice(0, cell.span.start) + String(cell.value! + 1) + text.slice(cell.span.end);
        const ds = diagnose(mutated);
        assert.deepEqual(ds.map((d) => d.code).sort(), ['column-total-mismatch', 'row-total-mismatch', 'unknown-citation'], `${key}:${col}`);
        const rowTotal = ds.find((d) => d.code === 'row-total-mismatch')!;
        assert.equal(rowTotal.span.start, row.cells![6].span.start);
        const colTotal = ds.find((d) => d.code === 'column-total-mismatch')!;
        assert.equal(colTotal.span.start, table.rows.get('R24')!.cells![col].span.start);
      }
    }
  });
  it('blanking any table 三 cell yields blank-cell there and no arithmetic error', () => {
    for (const key of TABLE3_KEYS) {
      const cell = table.rows.get(key)!.cells![3];
      const mutated = text.slice(0, cell.span.start) + text.slice(cell.span.end);
      const ds = diagnose(mutated).filter((d) => d.code !== 'unknown-citation');
      assert.deepEqual(ds.map((d) => d.code), ['blank-cell'], key);
      assert.equal(ds[0].span.start, cell.span.start);
    }
  });
  it('dropping any heading yields missing-section for it', () => {
    for (const section of parseDocument(text).reports[0].sections) {
      const mutated = text.slice(0, section.headingSpan.start) + text.slice(section.headingSpan.end);
      const missing = diagnose(mutated).filter((d) => d.code === 'missing-section');
      assert.equal(missing.length, 1);
      assert.match(missing[0].message, new RegExp(`第${'一二三四五六'[section.number - 1]}部分`));
    }
  });
});
