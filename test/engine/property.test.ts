// Property tests (fast-check) over generated reports in every layout, and mutation tests on the seeds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText, fixAll, parseDocument } from '../../server/src/engine';
import { TEMPLATES } from '../../server/src/engine/template/tables';
import { consistentValues, FLOWS, LAYOUTS, OUTCOME_KEYS, renderReport, seededRandom, subtotalRow, TABLE3_KEYS, type Flow, type Layout, type ReportValues } from '../support/generate';
import { diagnose, readSeed } from '../support/helpers';

const ARITHMETIC = ['row-total-mismatch', 'column-total-mismatch', 'balance-mismatch'];
// every layout of the cells, in every flow of the text (headings on their lines, mid-line, the whole body on one
// line), as typed or as a scraper saves the page (header block and navigation)
const arbReport = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  layout: fc.constantFrom(...LAYOUTS),
  fullWidth: fc.boolean(),
  splitLabels: fc.boolean(),
  flow: fc.constantFrom(...FLOWS),
  scraper: fc.boolean(),
  units: fc.boolean(),
});
type Arb = { seed: number; layout: Layout; fullWidth: boolean; splitLabels: boolean; flow: Flow; scraper: boolean; units?: boolean };
const textOf = (r: Arb, values: ReportValues, subtotalRows = false): string =>
  renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: r.layout, fullWidth: r.fullWidth, splitLabels: r.splitLabels, flow: r.flow, scraper: r.scraper, subtotalRows, units: r.units });
const render = (r: Arb) => {
  const values = consistentValues(seededRandom(r.seed));
  return { values, text: textOf(r, values) };
};
const digitsOnly = (text: string): string => text.replace(/[0-9０-９]/g, '');

describe('generated reports', () => {
  it('read back exactly the values written, in every layout and flow', () => {
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
        const text = textOf(r, values);
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

describe('differential: the same report in every layout and flow', () => {
  const every: Arb[] = [
    ...LAYOUTS.flatMap((layout) => FLOWS.flatMap((flow) => [false, true].map((scraper) => ({ seed: 0, layout, fullWidth: false, splitLabels: false, flow, scraper })))),
    // a unit on every cell (`144件`), in lines and in the scraped flows that glue a unit to the next row's label
    ...(['lines', 'tab-rows', 'glued-rows'] as const).map((flow) => ({ seed: 0, layout: 'tabs' as const, fullWidth: false, splitLabels: false, flow, scraper: true, units: true })),
  ];
  /** what a reviewer reads of each diagnostic: its code, severity, message and the text it marks */
  const seen = (text: string): string[] => checkText(text).diagnostics.map((d) => `${d.code} ${d.severity} ${d.message} «${text.slice(d.span.start, d.span.end)}»`).sort();
  it('gives the same diagnostics, on the same cells, with any one cell of table 三 or 四 changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(...TABLE3_KEYS, 'G'), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), (seed, key, col, delta) => {
        const values = consistentValues(seededRandom(seed));
        if (key === 'G') values.table4[col] += delta;
        else values.table3[key][col % 7] += delta;
        const expected = seen(textOf(every[0], values));
        assert.notDeepEqual(expected, []);
        for (const r of every.slice(1)) assert.deepEqual(seen(textOf(r, values)), expected, `${r.layout} ${r.flow} ${r.scraper ? 'scraped' : ''} ${r.units ? 'units' : ''}`);
      }),
      { numRuns: 30 },
    );
  });
});

describe('broken rules and fix-all on generated reports', () => {
  it('raising 上年结转 in one column (and its total) yields balance-mismatch only, at 结转下年度 of that column and of 总计', () => {
    fc.assert(
      fc.property(arbReport, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 9 }), (r, col, delta) => {
        const values = consistentValues(seededRandom(r.seed));
        values.table3.R2[col] += delta;
        values.table3.R2[6] += delta;
        const text = textOf(r, values);
        const ds = checkText(text).diagnostics;
        assert.deepEqual([...new Set(ds.map((d) => d.code))], ['balance-mismatch']);
        const cells = parseDocument(text).reports[0].tables['三']!.rows.get('R25')!.cells!;
        assert.deepEqual(ds.map((d) => d.span).sort((a, b) => a.start - b.start), [cells[col].span, cells[6].span]);
      }),
      { numRuns: 100 },
    );
  });

  it('with any cells changed, fix-all edits only numbers, inside the cells it names, and is idempotent', () => {
    fc.assert(
      fc.property(arbReport, fc.array(fc.tuple(fc.constantFrom(...TABLE3_KEYS), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 4 }), (r, breaks) => {
        const values = consistentValues(seededRandom(r.seed));
        for (const [key, col, delta] of breaks) values.table3[key][col] += delta;
        const text = textOf(r, values);
        const report = parseDocument(text).reports[0];
        const cellSpans = new Set(Object.values(report.tables).flatMap((t) => [...t.rows.values()].flatMap((row) => row.cells?.map((c) => `${c.span.start}:${c.span.end}`) ?? [])));
        for (const d of checkText(text).diagnostics.filter((x) => ARITHMETIC.includes(x.code) && x.fix)) {
          for (const e of d.fix!.edits) assert.ok(cellSpans.has(`${e.span.start}:${e.span.end}`), `${d.code} edits ${JSON.stringify(e.span)}, not a cell`);
        }
        const fixed = fixAll(text).text;
        assert.equal(digitsOnly(fixed), digitsOnly(text), 'only digits changed');
        assert.equal(fixAll(fixed).text, fixed, 'idempotent');
      }),
      { numRuns: 100 },
    );
  });

  it('with wrong totals (any number of them), fix-all restores every rule', () => {
    fc.assert(
      fc.property(arbReport, fc.array(fc.tuple(fc.constantFrom(...OUTCOME_KEYS), fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 5 }), (r, breaks) => {
        const values = consistentValues(seededRandom(r.seed));
        for (const [key, delta] of breaks) values.table3[key][6] += delta;
        const text = textOf(r, values);
        const fixed = fixAll(text).text;
        assert.equal(digitsOnly(fixed), digitsOnly(text), 'only digits changed');
        assert.deepEqual(checkText(fixed).diagnostics.map((d) => d.code), []);
      }),
      { numRuns: 100 },
    );
  });
});

describe('subtotal rows for （三）–（六）', () => {
  const groups = TEMPLATES['2021'].tables['三'].groups.filter((g) => g.members.length > 1);
  it('read back as written, kept out of every rule but their own: no diagnostic, in every layout and flow', () => {
    fc.assert(
      fc.property(arbReport, (r) => {
        const values = consistentValues(seededRandom(r.seed));
        const text = textOf(r, values, true);
        const table = parseDocument(text).reports[0].tables['三']!;
        for (const key of TABLE3_KEYS) assert.deepEqual(table.rows.get(key)!.cells!.map((c) => c.value), values.table3[key], key);
        assert.deepEqual(table.subtotalRows.map((g) => [g.key, g.cells!.map((c) => c.value)]), groups.map((g) => [g.key, subtotalRow(values, g.members)]));
        assert.deepEqual(checkText(text).diagnostics.map((d) => d.code), []);
      }),
      { numRuns: 100 },
    );
  });
  it('one subtotal cell off: column-total-mismatch on that cell only, a safe fix, and fix-all gives the text back', () => {
    fc.assert(
      fc.property(arbReport, fc.constantFrom(...groups.map((g) => g.key)), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 }), (r, key, col, delta) => {
        const text = textOf(r, consistentValues(seededRandom(r.seed)), true);
        const cell = parseDocument(text).reports[0].tables['三']!.subtotalRows.find((g) => g.key === key)!.cells![col];
        const written = String(cell.value! + delta).replace(/\d/g, (d) => (/[０-９]/.test(cell.raw) ? String.fromCharCode(d.charCodeAt(0) + 0xfee0) : d));
        const off = text.slice(0, cell.span.start) + written + text.slice(cell.span.end);
        const ds = checkText(off).diagnostics;
        assert.deepEqual(ds.map((d) => [d.code, d.span]), [['column-total-mismatch', { start: cell.span.start, end: cell.span.start + written.length }]]);
        assert.equal(ds[0].fix!.preferred, true);
        assert.equal(fixAll(off).text, text);
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
