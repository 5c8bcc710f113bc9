// How a row's values become cells: glued digits split by the template (flattened-cells, ambiguous-cells),
// table 四 on one line, the 法人或其他组织 subtotal column, units, letters and decimals in cells.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, checkText, fixAll, parseDocument } from '../../server/src/engine';
import { IncrementalDocument } from '../../server/src/engine/incremental';
import { splitPieces, type SumRule } from '../../server/src/engine/parse/glued';
import { consistentValues, LAYOUTS, renderReport, seededRandom, subtotalRow, TABLE3_KEYS, withSubtotalColumn, type Layout, type ReportValues, type SubtotalColumn } from '../support/generate';
import { gluedReport, tableFourOnOneLine } from '../support/glued';
import { codes, diagnose, ofCode, plainReport, readExample } from '../support/helpers';

const TABLE3_RULE: SumRule[] = [{ parts: [0, 1, 2, 3, 4, 5], total: 6 }];
const TABLE4_RULES: SumRule[] = [0, 1, 2].map((g) => ({ parts: [0, 1, 2, 3].map((k) => g * 5 + k), total: g * 5 + 4 }));

/** The cells of the split taken, as text. */
function chosen(pieces: string[], cells: number, rules: SumRule[]): string[] | null {
  const split = splitPieces(pieces, cells, rules).chosen;
  return split ? split.piece.map((p, k) => pieces[p].slice(split.from[k], split.to[k])) : null;
}

describe('splitting glued digits', () => {
  it('splits the samples of the issue as their rules allow', () => {
    assert.deepEqual(chosen(['15130000154'], 7, TABLE3_RULE), ['151', '3', '0', '0', '0', '0', '154']);
    assert.deepEqual(chosen(['25380363300630003'], 15, TABLE4_RULES)?.join(' '), '25 3 8 0 36 3 3 0 0 6 3 0 0 0 3');
    assert.deepEqual(chosen(['10', '0', '00', '0', '1'], 7, TABLE3_RULE), ['1', '0', '0', '0', '0', '0', '1']);
    assert.deepEqual(chosen(['4910000', '50'], 7, TABLE3_RULE), ['49', '1', '0', '0', '0', '0', '50']);
    assert.deepEqual(chosen(['0', '0', '0', '0', '0', '00'], 7, TABLE3_RULE), ['0', '0', '0', '0', '0', '0', '0']);
  });
  it('takes the only split the layout allows even where a rule then fails (the rule is reported, not hidden)', () => {
    assert.deepEqual(chosen(['1000002'], 7, TABLE3_RULE), ['1', '0', '0', '0', '0', '0', '2']);
  });
  it('lists the candidates where several splits satisfy every rule, and takes none', () => {
    const outcome = splitPieces(['110000011'], 7, TABLE3_RULE);
    assert.equal(outcome.chosen, null);
    const texts = outcome.candidates.map((s) => s.piece.map((_, k) => '110000011'.slice(s.from[k], s.to[k])).join(' '));
    assert.deepEqual(texts.sort(), ['1 10 0 0 0 0 11', '11 0 0 0 0 0 11']);
  });
  it('says when no split satisfies the rules, and when the digits cannot make the cells at all', () => {
    assert.equal(splitPieces(['15130000155'], 7, TABLE3_RULE).contradicts, true);
    const tooFew = splitPieces(['151'], 7, TABLE3_RULE);
    assert.deepEqual([tooFew.chosen, tooFew.candidates.length, tooFew.contradicts], [null, 0, false]);
  });
  it('never puts a leading zero in a multi-digit cell', () => {
    assert.deepEqual(chosen(['008'], 3, []), ['0', '0', '8']);
    assert.equal(splitPieces(['0494246'], 3, []).candidates.length, 3);
  });
  // the search is bounded by its step budget (parse/glued.ts), not by the clock: speed is measured in npm run bench
  it('splits the real rows it is given', () => {
    for (const [pieces, cells, rules] of [
      [['15130000154'], 7, TABLE3_RULE],
      [['25380363300630003'], 15, TABLE4_RULES],
      [['4910000', '50'], 7, TABLE3_RULE],
    ] as [string[], number, SumRule[]][]) assert.ok(splitPieces(pieces, cells, rules).chosen, pieces.join(' '));
  });
  it('gives up on long runs of digits within its step budget, and guesses no split there', () => {
    const runs = ['9'.repeat(100), '123456789'.repeat(6), '1'.repeat(60), '3'.repeat(44)];
    for (const run of runs) {
      for (const [cells, rules] of [[7, TABLE3_RULE], [15, TABLE4_RULES]] as const) {
        const outcome = splitPieces([run], cells, rules);
        assert.equal(outcome.chosen, null);
        assert.ok(!outcome.candidates.length || !outcome.complete, 'no list of candidates passed off as complete');
      }
    }
  });
});

/** Every split of the pieces into `cells` cells, in the order a depth-first search finds them (cell by cell, shorter first). */
function everySplit(pieces: (string | null)[], cells: number): { piece: number[]; to: number[]; values: number[] }[] {
  const out: { piece: number[]; to: number[]; values: number[] }[] = [];
  const place = (p: number, o: number, piece: number[], to: number[], values: number[]): void => {
    if (to.length === cells) {
      if (p === pieces.length) out.push({ piece, to, values });
      return;
    }
    if (p === pieces.length) return;
    const digits = pieces[p];
    if (digits === null) {
      place(p + 1, 0, [...piece, p], [...to, 0], [...values, NaN]);
      return;
    }
    for (let length = 1; length <= 9 && o + length <= digits.length; length++) {
      if (length > 1 && digits[o] === '0') break;
      const end = o + length;
      const next = end === digits.length;
      place(next ? p + 1 : p, next ? 0 : end, [...piece, p], [...to, end], [...values, Number(digits.slice(o, end))]);
    }
  };
  place(0, 0, [], [], []);
  return out;
}

/** Every rule holds, or cannot be judged (a cell with no number). */
const satisfies = (values: number[], rules: readonly SumRule[]): boolean =>
  rules.every((r) => {
    const difference = r.parts.reduce((sum, c) => sum + values[c], 0) - values[r.total];
    return Number.isNaN(difference) || difference === 0;
  });

/** Where a split's cells end, as piece:offset. */
const endsOf = (split: { readonly piece: readonly number[]; readonly to: readonly number[] } | null): string | null =>
  split ? split.to.map((end, k) => `${split.piece[k]}:${end}`).join(' ') : null;

/** splits of a row below which the search's step budget is never reached */
const GIVE_UP_AFTER = 300;

describe('the split search, against every split enumerated', () => {
  const row = fc
    .record({
      cells: fc.integer({ min: 2, max: 8 }),
      values: fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 400 })), { minLength: 8, maxLength: 8 }),
      total: fc.nat(),
      parts: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      kept: fc.boolean(),
      cuts: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      nullAt: fc.option(fc.nat(), { nil: undefined }),
      // table 三's shape, which the search treats apart (the total known first): every other cell a part, the total last
      tableThree: fc.boolean(),
    })
    .map(({ cells, values, total, parts, kept, cuts, nullAt, tableThree }) => {
      const t = tableThree ? cells - 1 : total % cells;
      const rule = { parts: [...Array(cells).keys()].filter((c) => c !== t && (tableThree || parts[c])), total: t };
      const rules = rule.parts.length ? [rule] : [];
      const cellValues = values.slice(0, cells);
      // most rows satisfy their rule, as real ones do
      if (kept && rules.length) cellValues[t] = rule.parts.reduce((sum, c) => sum + cellValues[c], 0);
      const pieces: (string | null)[] = [];
      let run = '';
      cellValues.forEach((v, k) => {
        run += String(v);
        if (k === cells - 1 || cuts[k]) {
          pieces.push(run);
          run = '';
        }
      });
      if (nullAt !== undefined) pieces[nullAt % pieces.length] = null;
      return { pieces, cells, rules };
    });

  it('takes, lists or refuses exactly what enumerating every split says', () => {
    fc.assert(
      fc.property(row, ({ pieces, cells, rules }) => {
        const outcome = splitPieces(pieces, cells, rules);
        const layout = everySplit(pieces, cells);
        const ruled = layout.filter((s) => satisfies(s.values, rules));
        assert.equal(outcome.splittable, layout.length > 0);
        if (!layout.length) return;
        // a search that runs out of steps (thousands of splits to go through) takes nothing and says it is not complete
        const gaveUp = !outcome.chosen && !outcome.contradicts && !outcome.complete && outcome.candidates.length < 4;
        if (gaveUp && layout.length > GIVE_UP_AFTER) {
          assert.deepEqual(outcome.candidates.map(endsOf), ruled.slice(0, outcome.candidates.length).map(endsOf));
          return;
        }
        // the layout's only split, where it breaks the rules, is taken for one run of digits only (see searchSplits)
        const taken = layout.length === 1 && (ruled.length === 1 || pieces.length === 1) ? layout[0] : ruled.length === 1 ? ruled[0] : null;
        assert.equal(endsOf(outcome.chosen), endsOf(taken));
        if (taken) return;
        assert.equal(outcome.contradicts, ruled.length === 0);
        assert.equal(outcome.complete, ruled.length <= 3);
        assert.deepEqual(outcome.candidates.map(endsOf), ruled.length > 1 ? ruled.slice(0, 3).map(endsOf) : []);
      }),
      { numRuns: 5000 },
    );
  });
});

const base = (values: ReportValues = consistentValues(seededRandom(11))): string =>
  renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'tabs' });
const lineOf = (text: string, startsWith: string): string => text.split('\n').find((l) => l.startsWith(startsWith))!;
const replaceLine = (text: string, startsWith: string, replacement: string): string => text.replace(lineOf(text, startsWith), replacement);
const R1_LABEL = '一、本年新收政府信息公开申请数量';
const cellValues = (text: string, table: '二' | '三' | '四', key: string): (number | null)[] | null =>
  parseDocument(text).reports[0].tables[table]!.rows.get(key)!.cells?.map((c) => c.value) ?? null;

/** A consistent report whose R1 is `r1`: every request granted (R3 = R24 = R1), none carried over. */
function withR1(r1: number[]): ReportValues {
  const values = consistentValues(seededRandom(11));
  for (const key of TABLE3_KEYS) values.table3[key] = ['R1', 'R3', 'R24'].includes(key) ? [...r1] : [0, 0, 0, 0, 0, 0, 0];
  return values;
}

describe('flattened-cells', () => {
  const values = withR1([151, 3, 0, 0, 0, 0, 154]);
  const glued = replaceLine(base(values), R1_LABEL, `${R1_LABEL}15130000154`);
  it('reads a row glued to its label, says how it was split, and nothing else', () => {
    assert.deepEqual(codes(checkText(base(values)).diagnostics), []);
    const ds = diagnose(glued);
    assert.deepEqual(codes(ds), ['flattened-cells']);
    assert.equal(ds[0].severity, 'info');
    assert.equal(ds[0].text, '15130000154');
    assert.match(ds[0].message, /151 3 0 0 0 0 154/);
    assert.deepEqual(cellValues(glued, '三', 'R1'), [151, 3, 0, 0, 0, 0, 154]);
  });
  it('offers rewriting the row with tabs as a single pick, after which the row reads the same and nothing is said', () => {
    const [d] = checkText(glued).diagnostics;
    assert.equal(d.fix!.preferred, false);
    const rewritten = applyEdits(glued, d.fix!.edits).text;
    assert.equal(lineOf(rewritten, R1_LABEL), `${R1_LABEL}\t151\t3\t0\t0\t0\t0\t154`);
    assert.deepEqual(codes(checkText(rewritten).diagnostics), []);
  });
  it('a cell cut out of glued digits keeps its own range: a wrong total is reported and fixed there', () => {
    const forced = replaceLine(base(withR1([1, 0, 0, 0, 0, 0, 1])), R1_LABEL, `${R1_LABEL}1000002`);
    const total = ofCode(diagnose(forced), 'row-total-mismatch');
    assert.equal(total.length, 1);
    assert.equal(total[0].text, '2');
    assert.equal(lineOf(applyEdits(forced, total[0].fix!.edits).text, R1_LABEL), `${R1_LABEL}1000001`);
  });
  it('full-width digits glued together: split as their ASCII twins, the message and the rewrite keeping them as written', () => {
    const wide = (text: string): string => text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const fullWidth = replaceLine(base(values), R1_LABEL, `${R1_LABEL}${wide('15130000154')}`);
    const [d, ...others] = checkText(fullWidth).diagnostics;
    assert.deepEqual([d.code, others.length], ['flattened-cells', 0]);
    assert.match(d.message, new RegExp(wide('151 3 0 0 0 0 154')));
    assert.deepEqual(cellValues(fullWidth, '三', 'R1'), [151, 3, 0, 0, 0, 0, 154]);
    assert.equal(lineOf(applyEdits(fullWidth, d.fix!.edits).text, R1_LABEL), `${R1_LABEL}\t${wide('151\t3\t0\t0\t0\t0\t154')}`);
  });
  it('irregular spaces between glued cells', () => {
    const spaced = replaceLine(base(withR1([49, 1, 0, 0, 0, 0, 50])), R1_LABEL, `${R1_LABEL} 4910000 50`);
    assert.deepEqual(codes(diagnose(spaced)), ['flattened-cells']);
    assert.deepEqual(cellValues(spaced, '三', 'R1'), [49, 1, 0, 0, 0, 0, 50]);
  });
  it('near miss: spaced numbers one short of the cells, whose only split breaks the row\'s rule, are a short row: no split, no fix', () => {
    // 21 and a lost total read as 2 1 … 0 would make a fix write 3 over the written 0
    const short = replaceLine(base(withR1([21, 0, 0, 0, 0, 0, 21])), R1_LABEL, `${R1_LABEL} 21 0 0 0 0 0`);
    assert.equal(cellValues(short, '三', 'R1'), null);
    assert.deepEqual(codes(diagnose(short)), ['blank-cell']);
    assert.equal(fixAll(short).text, short);
    // one run of digits is split as the layout allows, and its rule reported and fixed (see above)
    assert.deepEqual(cellValues(replaceLine(short, R1_LABEL, `${R1_LABEL}2100000`), '三', 'R1'), [2, 1, 0, 0, 0, 0, 0]);
  });
  it('near miss: numbers that tabs keep apart, one short of the cells, are a short row, not glued digits', () => {
    // as written with a blank among padding tabs: 6, (blank), 0, 3, 0, 0, 11 would split 11 into 1 and 1
    const short = replaceLine(base(withR1([6, 2, 0, 3, 0, 0, 11])), R1_LABEL, `${R1_LABEL}\t\t6\t\t\t\t0\t\t3\t\t0\t\t0\t\t11`);
    assert.equal(cellValues(short, '三', 'R1'), null);
    assert.deepEqual(codes(diagnose(short)), ['blank-cell']);
    // one field of digits after the label is kept apart from nothing: still split
    const glued = replaceLine(base(withR1([1, 0, 0, 0, 0, 0, 1])), R1_LABEL, `${R1_LABEL}\t1000001`);
    assert.deepEqual(cellValues(glued, '三', 'R1'), [1, 0, 0, 0, 0, 0, 1]);
  });
  it('near miss: a row whose values are all there, spaced or tabbed, is no flattened row', () => {
    const spaced = replaceLine(base(values), R1_LABEL, `${R1_LABEL} 151 3 0 0 0 0 154`);
    assert.deepEqual(codes(diagnose(spaced)), []);
  });
});

/**
 * R1 = 1 10 0 0 0 0 11 and R2 = 11 0 0 0 0 0 11, both written `110000011`: each row allows both splits, and so
 * do the columns (R1 + R2 is the same either way).
 */
function twoAmbiguousRows(): string {
  const values = withR1([1, 10, 0, 0, 0, 0, 11]);
  values.table3.R2 = [11, 0, 0, 0, 0, 0, 11];
  values.table3.R3 = values.table3.R24 = [12, 10, 0, 0, 0, 0, 22];
  const text = replaceLine(base(values), R1_LABEL, `${R1_LABEL}110000011`);
  return replaceLine(text, '二、上年结转政府信息公开申请数量', '二、上年结转政府信息公开申请数量110000011');
}

describe('ambiguous-cells', () => {
  const text = twoAmbiguousRows();
  it('lists the splits that satisfy every rule; the row has no cells and takes part in no rule, with no blank-cell for it', () => {
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['ambiguous-cells', 'ambiguous-cells']);
    assert.equal(ds[0].severity, 'warning');
    assert.match(ds[0].message, /1 10 0 0 0 0 11/);
    assert.match(ds[0].message, /11 0 0 0 0 0 11/);
    assert.equal(ds[0].fix, undefined);
    assert.equal(cellValues(text, '三', 'R1'), null);
    assert.equal(cellValues(text, '三', 'R2'), null);
  });
  it('a balance break in the ambiguous rows’ columns is not judged on guessed cells', () => {
    const line = lineOf(text, '四、结转下年度继续办理');
    const broken = text.replace(line, line.replace(/\t0\t/, '\t1\t').replace(/\t0$/, '\t1'));
    assert.deepEqual(codes(diagnose(broken)), ['ambiguous-cells', 'ambiguous-cells']);
    const spaced = replaceLine(replaceLine(broken, R1_LABEL, `${R1_LABEL}\t1\t10\t0\t0\t0\t0\t11`), '二、上年结转', '二、上年结转政府信息公开申请数量\t11\t0\t0\t0\t0\t0\t11');
    assert.deepEqual(codes(diagnose(spaced)), ['balance-mismatch', 'balance-mismatch'], 'the same break with the rows readable');
  });
  it('where only one of a row’s splits fits the columns (the balance, （七）总计), it is taken and said so', () => {
    const one = replaceLine(base(withR1([1, 10, 0, 0, 0, 0, 11])), R1_LABEL, `${R1_LABEL}110000011`);
    const ds = diagnose(one);
    assert.deepEqual(codes(ds), ['flattened-cells']);
    assert.match(ds[0].message, /1 10 0 0 0 0 11（本行有几种拆分，只有这一种符合各列的勾稽关系）/);
    assert.deepEqual(cellValues(one, '三', 'R1'), [1, 10, 0, 0, 0, 0, 11]);
  });
  it('near miss: the same digits spaced as the report meant them', () => {
    assert.deepEqual(codes(diagnose(replaceLine(text, R1_LABEL, `${R1_LABEL} 1 10 0 0 0 0 11`))), ['flattened-cells']);
  });
});

describe('glued digits that no split makes add up', () => {
  it('is a row-total-mismatch on the row (an error whatever the split), with no fix and no blank-cell', () => {
    const values = withR1([151, 3, 0, 0, 0, 0, 154]);
    const ds = diagnose(replaceLine(base(values), R1_LABEL, `${R1_LABEL}15130000155`));
    assert.deepEqual(codes(ds), ['row-total-mismatch']);
    assert.equal(ds[0].text, '15130000155');
    assert.match(ds[0].message, /无论怎样拆分/);
    assert.equal(ds[0].fix, undefined);
  });
  it('near miss: a row that lost a value, each of its numbers a cell (16 7 14 4 6 144), is a short row, not glued', () => {
    const values = withR1([97, 16, 7, 14, 4, 6, 144]);
    for (const sep of ['\t', ' ']) {
      const ds = diagnose(replaceLine(base(values), R1_LABEL, [R1_LABEL, 16, 7, 14, 4, 6, 144].join(sep)));
      assert.deepEqual(codes(ds), ['blank-cell']);
      assert.match(ds[0].message, /只找到 6 个/);
    }
  });
});

describe('table 四 on one line', () => {
  const values = consistentValues(seededRandom(11));
  values.table4 = [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3];
  it('15 glued digits after the header words', () => {
    const text = tableFourOnOneLine(base(values), '25380363300630003');
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['flattened-cells']);
    assert.match(ds[0].message, /25 3 8 0 36 \| 3 3 0 0 6 \| 3 0 0 0 3/);
    assert.deepEqual(cellValues(text, '四', 'G'), values.table4);
  });
  it('the values spaced after the header words, read with no diagnostic', () => {
    const text = tableFourOnOneLine(base(values), ` ${values.table4.join(' ')}`);
    assert.deepEqual(codes(diagnose(text)), []);
    assert.deepEqual(cellValues(text, '四', 'G'), values.table4);
  });
  it('the header words and the values on one line, each in a field of its own (tabs or pipes)', () => {
    const t = base(values);
    const header = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'];
    for (const sep of ['\t', ' | ']) {
      const line = [...header, ...values.table4].join(sep);
      const text = t.slice(0, t.indexOf('行政复议\n')) + line + t.slice(t.indexOf('\n\n五、'));
      assert.deepEqual(codes(diagnose(text)), [], JSON.stringify(sep));
      assert.deepEqual(cellValues(text, '四', 'G'), values.table4);
    }
  });
  it('near miss: a sentence naming 行政复议 and 行政诉讼 with a number is not the table', () => {
    const t = base(values);
    const text = t.slice(0, t.indexOf('行政复议\n')) + '本年度行政复议、行政诉讼 0 件。' + t.slice(t.indexOf('\n\n五、'));
    assert.deepEqual(codes(diagnose(text)), ['missing-table']);
  });
});

describe('digits in prose around a glued table', () => {
  it('numbers in a sentence after a table 二 written on one line are not cells', () => {
    const t = base();
    const start = t.indexOf('第二十条第（一）项');
    const end = t.indexOf('\n\n三、');
    const v = consistentValues(seededRandom(11)).table2;
    const one =
      `第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章${v.A1.join('')}行政规范性文件${v.A2.join(' ')}` +
      `第二十条第（五）项信息内容本年处理决定数量行政许可${v.E1}第二十条第（六）项信息内容本年处理决定数量行政处罚${v.F1}行政强制${v.F2}` +
      `第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费${v.H1}.09(二)主动公开的主要类别2023年，在主动公开的107条政府信息中，拨打12345热线3次。`;
    const text = t.slice(0, start) + one + t.slice(end);
    const table = parseDocument(text).reports[0].tables['二']!;
    assert.deepEqual(table.rows.get('H1')!.cells!.map((c) => c.value), [v.H1[0] + 0.09]);
    assert.deepEqual(table.rows.get('E1')!.cells!.map((c) => c.value), v.E1);
    assert.deepEqual(table.rows.get('A1')!.cells!.map((c) => c.value), v.A1);
    assert.ok(codes(diagnose(text)).every((c) => c === 'flattened-cells' || c === 'ambiguous-cells'), codes(diagnose(text)).join());
  });
  it('near miss: a year, a count and an ordinal stay label text (`2023年`, `509条，`, `（2）`, `2.其他`)', () => {
    const t = base();
    const noted = t.replace('四、结转下年度继续办理', '注：2023年共509条，（2）类不计\n四、结转下年度继续办理');
    assert.deepEqual(codes(diagnose(noted)), []);
  });
});

describe('a row on a line that holds the next rows', () => {
  it('a short row: its value zone (what a row rewrite replaces) ends at the next row', () => {
    const t = base();
    const line = lineOf(t, R1_LABEL);
    const short = line.split('\t').slice(0, 7).join(' ');
    const text = t.replace(`${line}\n${lineOf(t, '二、上年结转')}`, `${short} ${lineOf(t, '二、上年结转').replace(/\t/g, ' ')}`);
    const r1 = parseDocument(text).reports[0].tables['三']!.rows.get('R1')!;
    assert.equal(r1.cells, null);
    assert.ok(r1.valueZone.end <= text.indexOf('二、上年结转'), text.slice(r1.valueZone.start, r1.valueZone.end));
  });
});

describe('a 法人或其他组织 subtotal column', () => {
  it('subtotal-bad: the off-by-one subtotal reported on its cell, the row read by its columns, fix-all touches that cell only', () => {
    const text = readExample('test/fixtures/defects/subtotal-bad.txt');
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['row-total-mismatch']);
    assert.equal(ds[0].text, '48');
    assert.match(ds[0].message, /法人或其他组织·小计”应为 47（16\+7\+14\+4\+6=47），实为 48/);
    assert.deepEqual(cellValues(text, '三', 'R1'), [97, 16, 7, 14, 4, 6, 144]);
    const fixed = fixAll(text).text;
    assert.equal(fixed, text.replace('\t97\t48\t', '\t97\t47\t'));
  });
  /** The tabs report with a subtotal written in the given rows, `off` added to some of them. */
  const withColumn = (values: ReportValues, header: boolean, rows: readonly string[], off: Record<string, number> = {}): string => {
    let text = base(values);
    const table = parseDocument(text).reports[0].tables['三']!;
    for (const key of rows) {
      const line = lineOf(text, table.rows.get(key)!.labelText);
      const v = values.table3[key];
      const subtotal = v.slice(1, 6).reduce((a, b) => a + b, 0) + (off[key] ?? 0);
      text = text.replace(line, [line.split('\t')[0], v[0], subtotal, ...v.slice(1)].join('\t'));
    }
    return header ? text.replace('商业企业\t科研机构', '小计\t商业企业\t科研机构') : text;
  };
  /** Values whose R4 is `r4` (by default 2 in 商业企业, so that its subtotal is 2), R1 and R24 adjusted to keep every rule. */
  const withR4 = (r4 = [1, 2, 0, 0, 0, 0, 3]): ReportValues => {
    const values = consistentValues(seededRandom(5));
    values.table3.R24 = values.table3.R24.map((v, c) => v - values.table3.R4[c] + r4[c]);
    values.table3.R1 = values.table3.R1.map((v, c) => v - values.table3.R4[c] + r4[c]);
    values.table3.R4 = r4;
    return values;
  };
  it('decided for the table from most rows: a wrong subtotal in one row is reported, not read as the next cell', () => {
    const values = withR4();
    const text = withColumn(values, false, TABLE3_KEYS, { R4: 1 });
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['row-total-mismatch']);
    assert.equal(ds[0].text, '3');
    assert.match(ds[0].message, /小计”应为 2/);
    assert.equal(ds[0].fix!.preferred, true);
    assert.deepEqual(cellValues(text, '三', 'R4'), values.table3.R4);
  });
  it('decided from the header’s 小计 where only one row has one; its fix is a single pick where that row does not add up', () => {
    const values = withR4();
    const text = withColumn(values, true, ['R4'], { R4: 1 }).replace(/^(（二）部分公开[^\n]*\t)3$/m, '$14');
    const ds = diagnose(text);
    const subtotal = ds.find((d) => /小计/.test(d.message))!;
    assert.equal(subtotal.text, '3');
    assert.equal(subtotal.fix!.preferred, false, 'the row’s own total is wrong too: its parts are in question');
    assert.deepEqual(cellValues(text, '三', 'R4'), [1, 2, 0, 0, 0, 0, 4]);
  });
  it('a lone row’s right subtotal where its first seven values add up too (`0 2 0 0 0 0 2 2`: only 其他): a subtotal, no extra value', () => {
    const values = withR4([0, 0, 0, 0, 0, 2, 2]);
    const text = withColumn(values, false, ['R4']);
    assert.match(text, /\t0\t2\t0\t0\t0\t0\t2\t2\n/);
    assert.deepEqual(codes(diagnose(text)), []);
    assert.deepEqual(cellValues(text, '三', 'R4'), values.table3.R4);
  });
  it('near miss: a subtotal column whose every subtotal is right gives no diagnostic', () => {
    const values = withR4();
    assert.deepEqual(codes(diagnose(withColumn(values, true, TABLE3_KEYS))), []);
  });
  it('and subtotal rows: the column’s subtotal in a subtotal row is checked too, the row’s own cells read past it', () => {
    const values = withR4();
    let text = withColumn(values, true, TABLE3_KEYS);
    const sums = subtotalRow(values, ['R13', 'R14', 'R15']);
    text = text.replace('（四）无法提供\n', `（四）无法提供\t${[sums[0], sums.slice(1, 6).reduce((a, b) => a + b, 0) + 1, ...sums.slice(1)].join('\t')}\n`);
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['row-total-mismatch']);
    assert.match(ds[0].message, /“（四）无法提供”行的“法人或其他组织·小计”应为/);
    assert.deepEqual(parseDocument(text).reports[0].tables['三']!.subtotalRows[0].cells!.map((c) => c.value), sums);
  });
  /** `text` with each tab-separated line of table 三 rewritten by `rewrite`. */
  const inTable3 = (text: string, rewrite: (fields: string[]) => string): string => {
    const start = text.indexOf('三、收到和处理');
    const end = text.indexOf('四、政府信息公开行政复议');
    return text.slice(0, start) + text.slice(start, end).replace(/^(.*\t.*)$/gm, (line) => rewrite(line.split('\t'))) + text.slice(end);
  };
  const asPipes = (text: string): string => inTable3(text, (fields) => `| ${fields.join(' | ')} |`);
  /** Table 三's rows one cell a line, an empty cell a line of a space; its header left in tabs. */
  const asLines = (text: string): string =>
    inTable3(text, (fields) => (/^(自然人|小计)/.test(fields[0]) ? fields.join('\t') : fields.map((f) => f || ' ').join('\n')));
  /** `text` with the field of row `key`'s cell `col` emptied, in a table with the subtotal column (after 自然人). */
  const blankField = (text: string, key: string, col: number): string => {
    const label = parseDocument(text).reports[0].tables['三']!.rows.get(key)!.labelText;
    const fields = lineOf(text, label).split('\t');
    fields[col === 0 ? 1 : col + 2] = '';
    return text.replace(lineOf(text, label), fields.join('\t'));
  };
  it('a blank the tabs, pipes or lines of spaces place, in a table with the subtotal column, is that cell: 总计 with the field after it kept, 自然人 as the first field; fix-all fills what the rules force', () => {
    // (R4 `0 2 0 0 0 0 2 _`: its first seven values add up as a row with no subtotal too)
    for (const [r4, key, col, column] of [[undefined, 'R21', 6, '总计'], [undefined, 'R24', 0, '自然人'], [undefined, 'R4', 3, '社会公益组织'], [[0, 0, 0, 0, 0, 2, 2], 'R4', 6, '总计']] as const) {
      const values = withR4(r4 && [...r4]);
      const text = withColumn(values, true, TABLE3_KEYS);
      for (const [name, layout] of [['tabs', (t: string) => t], ['pipes', asPipes], ['lines', asLines]] as const) {
        const blanked = layout(blankField(text, key, col));
        const where = `${name} ${key}`;
        const ds = diagnose(blanked);
        assert.deepEqual(codes(ds), ['blank-cell'], where);
        assert.match(ds[0].message, new RegExp(`“${column}”为空`), where);
        assert.equal(ds[0].fix!.preferred, true, where);
        assert.deepEqual(cellValues(blanked, '三', key), values.table3[key].map((v, k) => (k === col ? null : v)), where);
        const fixed = fixAll(blanked).text;
        assert.deepEqual(cellValues(fixed, '三', key), values.table3[key], where);
        assert.deepEqual(codes(diagnose(fixed)), [], where);
        if (name === 'tabs') assert.equal(fixed, text, where);
      }
    }
  });
  it('near miss: the same blank in a table without the subtotal column; a row that leaves its subtotal out, a tab after it; spaces, which show no place', () => {
    const values = withR4();
    const plain = base(values);
    const r21 = lineOf(plain, '1.申请人无正当理由');
    const blanked = plain.replace(r21, `${r21.slice(0, r21.lastIndexOf('\t'))}\t`);
    const ds = diagnose(blanked);
    assert.deepEqual(codes(ds), ['blank-cell']);
    assert.match(ds[0].message, /“总计”为空/);
    assert.equal(fixAll(blanked).text, plain);
    const text = withColumn(values, true, TABLE3_KEYS);
    const r4 = lineOf(text, '（二）部分公开');
    const unpadded = text.replace(r4, `${[r4.split('\t')[0], ...values.table3.R4].join('\t')}\t`);
    assert.deepEqual(codes(diagnose(unpadded)), []);
    assert.deepEqual(cellValues(unpadded, '三', 'R4'), values.table3.R4);
    const spaced = blankField(text, 'R21', 6).replace(lineOf(blankField(text, 'R21', 6), '1.申请人无正当理由'), (line) => line.replace(/\t+$/, '').replace(/\t/g, '  '));
    assert.ok(!diagnose(spaced).some((d) => /“总计”为空/.test(d.message)), 'spaces do not say which cell is blank');
  });
});

describe('the 法人或其他组织 subtotal column after 其他 (before 总计)', () => {
  const values = consistentValues(seededRandom(11));
  const report = (layout: Layout, subtotalColumn: SubtotalColumn, subtotalRows = false): string =>
    renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout, subtotalColumn, subtotalRows });
  /** the same table with no 小计 in its header: only the rows' values say where the subtotal is */
  const unheaded = (text: string): string => text.replace(/其他\s*\|?\s*小计/, '其他').replace(/小计\s*\|?\s*商业企业/, '商业企业');
  /** `check` on the report with the subtotal at `place` in every layout, with the header's 小计 and without it */
  const eachReport = (place: SubtotalColumn, check: (text: string, where: string) => void): void => {
    for (const layout of LAYOUTS) {
      const text = report(layout, place);
      check(text, `${layout} header`);
      check(unheaded(text), `${layout} no header`);
    }
  };
  const table3 = (text: string) => parseDocument(text).reports[0].tables['三']!;
  const r1Subtotal = (text: string) => table3(text).subtotals.find((s) => s.row === 'R1')!.cell;
  /** `text` with the number at `span` one more */
  const bumped = (text: string, span: { start: number; end: number }): string =>
    text.slice(0, span.start) + String(Number(text.slice(span.start, span.end)) + 1) + text.slice(span.end);
  /** Whether row R1's subtotal stands between its cells `col` and `col + 1`. */
  const subtotalAfter = (text: string, col: number): boolean => {
    const cells = table3(text).rows.get('R1')!.cells!;
    const span = r1Subtotal(text).span;
    return cells[col].span.end <= span.start && span.end <= cells[col + 1].span.start;
  };
  /** No diagnostic, every row's cells read past its subtotal, which stands after cell `col`, and `subtotals` of them kept. */
  const readsRight = (text: string, where: string, col: number, subtotals = TABLE3_KEYS.length): void => {
    assert.deepEqual(codes(diagnose(text)), [], where);
    for (const key of TABLE3_KEYS) assert.deepEqual(cellValues(text, '三', key), values.table3[key], `${where} ${key}`);
    assert.equal(table3(text).subtotals.length, subtotals, where);
    assert.ok(subtotalAfter(text, col), where);
  };
  it('every subtotal right: no diagnostic, the cells read past the subtotal, in every layout, with the header’s 小计 or without it, and with subtotal rows', () => {
    eachReport('after-other', (text, where) => readsRight(text, where, 5));
    for (const layout of LAYOUTS) readsRight(report(layout, 'after-other', true), `${layout} subtotal rows`, 5, TABLE3_KEYS.length + 4);
  });
  it('the sweep’s table (C1): clean; and a lone row with the subtotal after 其他, no 小计 in the header: clean too', () => {
    const r1 = [97, 16, 7, 14, 4, 6, 144];
    const text = renderReport({ agency: '示例县发展和改革局', year: 2024, values: withR1(r1), layout: 'tabs', subtotalColumn: 'after-other' });
    assert.ok(text.includes('商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计\n'));
    assert.ok(text.includes(`${R1_LABEL}\t97\t16\t7\t14\t4\t6\t47\t144\n`));
    assert.deepEqual(codes(diagnose(text)), []);
    assert.deepEqual(cellValues(text, '三', 'R1'), r1);
    const lone = replaceLine(base(withR1(r1)), R1_LABEL, [R1_LABEL, ...withSubtotalColumn(r1, 'after-other')].join('\t'));
    assert.deepEqual(codes(diagnose(lone)), []);
    assert.deepEqual(cellValues(lone, '三', 'R1'), r1);
    assert.deepEqual(table3(lone).subtotals.map((s) => [s.row, s.cell.value]), [['R1', 47]]);
  });
  /** R1's subtotal one more: reported on it, R1's cells read as they are, and fix-all gives the text back. */
  const wrongSubtotal = (text: string, where: string): void => {
    const cell = r1Subtotal(text);
    const off = bumped(text, cell.span);
    const ds = diagnose(off);
    assert.deepEqual(codes(ds), ['row-total-mismatch'], where);
    assert.match(ds[0].message, /法人或其他组织·小计”应为/, where);
    assert.equal(ds[0].span.start, cell.span.start, where);
    assert.deepEqual(cellValues(off, '三', 'R1'), values.table3.R1, where);
    assert.equal(fixAll(off).text, text, where);
  };
  it('a wrong 小计 is reported on the 小计 (the 7th of 8 values), and fix-all writes it there', () => eachReport('after-other', wrongSubtotal));
  it('a wrong 总计 is reported and fixed on the 总计, not on the 小计', () =>
    eachReport('after-other', (text, where) => {
        const total = table3(text).rows.get('R3')!.cells![6];
        const off = bumped(text, total.span);
        const ds = diagnose(off);
        // the row's own total, and （七）总计 below it, which the row no longer adds up to
        const rowTotal = ofCode(ds, 'row-total-mismatch');
        assert.equal(rowTotal.length, 1, where);
        assert.equal(rowTotal[0].span.start, total.span.start, where);
        assert.match(rowTotal[0].message, /“总计”应为/, where);
        const fixed = fixAll(off).text;
        assert.equal(fixed, text, where);
        assert.deepEqual(codes(diagnose(fixed)), [], where);
    }));
  it('near miss: the subtotal right after 自然人 is read there, as before, in every layout, with the header’s 小计 or without it', () =>
    eachReport('after-natural', (text, where) => {
      readsRight(text, where, 0);
      wrongSubtotal(text, where);
    }));
});

describe('subtotal rows for （三）–（六）', () => {
  const values = consistentValues(seededRandom(11));
  const withSubtotals = (v: ReportValues = values): string => renderReport({ agency: '示例县发展和改革局', year: 2024, values: v, layout: 'tabs', subtotalRows: true });
  const groupCell = (text: string, key: string, col: number) => parseDocument(text).reports[0].tables['三']!.subtotalRows.find((g) => g.key === key)!.cells![col];
  const withCell = (text: string, cell: { span: { start: number; end: number } }, written: string): string => text.slice(0, cell.span.start) + written + text.slice(cell.span.end);
  it('a wrong one: column-total-mismatch on that cell, with the sum of the rows under it; fix-all writes it, and nothing is left', () => {
    const text = withSubtotals();
    const cell = groupCell(text, 'G5', 6);
    const off = withCell(text, cell, String(cell.value! + 2));
    const ds = diagnose(off);
    assert.deepEqual(codes(ds), ['column-total-mismatch']);
    assert.equal(ds[0].span.start, cell.span.start);
    assert.match(ds[0].message, new RegExp(`^表三“（五）不予处理”行“总计”列应为 ${cell.value}（其下各项之和：[0-9+=]+），实为 ${cell.value! + 2}$`));
    assert.equal(ds[0].fix!.preferred, true);
    assert.equal(fixAll(off).text, text);
    assert.deepEqual(codes(checkText(fixAll(off).text, { locale: 'en' }).diagnostics), []);
    assert.match(checkText(off, { locale: 'en' }).diagnostics[0].message, /row “（五）不予处理”, column “总计” should be \d+ \(the sum of the rows under it: /);
  });
  it('its fix is a single pick where a row under it is in question (its own total wrong too), and fix-all leaves it to the rows', () => {
    const text = withSubtotals();
    const member = parseDocument(text).reports[0].tables['三']!.rows.get('R13')!.cells![6];
    const off = withCell(text, member, String(member.value! + 1));
    const ds = diagnose(off);
    assert.deepEqual(codes(ds).sort(), ['column-total-mismatch', 'column-total-mismatch', 'row-total-mismatch']);
    const subtotal = ds.find((d) => d.span.start === groupCell(off, 'G4', 6).span.start)!;
    assert.equal(subtotal.fix!.preferred, false);
    assert.equal(fixAll(off).text, text);
  });
  it('near miss: right ones give nothing, and are in no other rule (（七）总计 is the sum of the rows, not of the rows and subtotals)', () => {
    const text = withSubtotals();
    assert.deepEqual(codes(diagnose(text)), []);
    assert.deepEqual(cellValues(text, '三', 'R24'), values.table3.R24);
  });
  it('near miss: a heading’s values followed by a row under it with none are that row’s (PDF text puts them before its label)', () => {
    const text = withSubtotals();
    const r13 = lineOf(text, '1.本机关不掌握相关政府信息');
    const moved = text.replace(`（四）无法提供\t${subtotalRow(values, ['R13', 'R14', 'R15']).join('\t')}\n${r13}`, `（四）无法提供\t${r13.split('\t').slice(1).join('\t')}\n1.本机关不掌握相关政府信息`);
    assert.notEqual(moved, text);
    assert.deepEqual(codes(diagnose(moved)), []);
    assert.deepEqual(cellValues(moved, '三', 'R13'), values.table3.R13);
    assert.deepEqual(parseDocument(moved).reports[0].tables['三']!.subtotalRows.map((g) => g.key), ['G3', 'G5', 'G6']);
  });
  it('a subtotal row followed by a row under it whose cells the layout shows blank: the values stay on the heading, the row is blank-cell, and its fill is forced by the rules', () => {
    for (const layout of ['tabs', 'pipes', 'lines'] as const) {
      const text = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout, subtotalRows: true });
      const r13 = parseDocument(text).reports[0].tables['三']!.rows.get('R13')!;
      const blank = layout === 'tabs' ? '\t'.repeat(7) : layout === 'pipes' ? ' |  |  |  |  |  |  |  |' : '\n '.repeat(7) + '\n';
      const blanked = text.slice(0, r13.valueZone.start) + blank + text.slice(r13.valueZone.end);
      const ds = diagnose(blanked);
      assert.deepEqual(codes(ds), ['blank-cell'], layout);
      assert.equal(ds[0].text, '1.本机关不掌握相关政府信息', layout);
      assert.equal(parseDocument(blanked).reports[0].tables['三']!.rows.get('R13')!.cells, null, layout);
      assert.deepEqual(parseDocument(blanked).reports[0].tables['三']!.subtotalRows.map((g) => g.key), ['G3', 'G4', 'G5', 'G6'], layout);
      const fixed = fixAll(blanked).text;
      assert.deepEqual(cellValues(fixed, '三', 'R13'), values.table3.R13, layout);
      assert.deepEqual(codes(diagnose(fixed)), [], layout);
    }
  });
});

describe('values beyond a row’s cells', () => {
  const sepOf = (layout: string): string => ({ tabs: '\t', pipes: ' | ', spaces: '  ' })[layout]!;
  it('an 8th value on a row’s line (table 三) and a 16th on table 四’s are invalid-number on the extra values; the row’s cells are read as written', () => {
    for (const layout of ['tabs', 'pipes', 'spaces'] as const) {
      const values = consistentValues(seededRandom(11));
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout });
      const tables = parseDocument(t).reports[0].tables;
      const cases: ['三' | '四', string, number][] = [['三', 'R1', 6], ['三', 'R3', 6], ['三', 'R25', 6], ['四', 'G', 14]];
      for (const [table, row, lastCell] of cases) {
        const last = tables[table]!.rows.get(row)!.cells![lastCell];
        const text = t.slice(0, last.span.end) + sepOf(layout) + '9' + t.slice(last.span.end);
        const ds = diagnose(text);
        assert.deepEqual(codes(ds), ['invalid-number'], `${layout} ${row}`);
        assert.equal(ds[0].text, '9');
        assert.match(ds[0].message, new RegExp(`行多出 1 个数值（9）：本行只有 ${lastCell + 1} 格`));
        assert.deepEqual(cellValues(text, table, row), table === '三' ? values.table3[row] : values.table4, `${layout} ${row}`);
        assert.equal(fixAll(text).text, text, 'no fix for a value no cell holds');
      }
    }
  });
  it('near miss: a number on a line of its own between rows or after table 四 (a page number of PDF text) is no extra value', () => {
    for (const layout of LAYOUTS) {
      const values = consistentValues(seededRandom(11));
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout });
      const tables = parseDocument(t).reports[0].tables;
      for (const [table, row, lastCell] of [['三', 'R1', 6], ['三', 'R5', 6], ['三', 'R24', 6], ['四', 'G', 14]] as const) {
        const end = tables[table]!.rows.get(row)!.cells![lastCell].span.end;
        const lineEnd = t.indexOf('\n', end);
        const text = `${t.slice(0, lineEnd)}\n5${t.slice(lineEnd)}`;
        assert.deepEqual(codes(diagnose(text)), [], `${layout} ${row}`);
      }
    }
  });
  it('near miss: the values of a row on the line before its wrapped label, and a right subtotal column, are no extra values', () => {
    const values = consistentValues(seededRandom(11));
    for (const layout of LAYOUTS) assert.deepEqual(codes(diagnose(renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout, splitLabels: true }))), [], layout);
    const t = base(values);
    const line = lineOf(t, R1_LABEL);
    const v = values.table3.R1;
    const subtotal = v.slice(1, 6).reduce((a, b) => a + b, 0);
    assert.deepEqual(codes(diagnose(t.replace(line, [R1_LABEL, v[0], subtotal, ...v.slice(1)].join('\t')))), []);
  });
});

describe('units, letters and decimals in cells', () => {
  it('table 二’s lines joined with their tabs kept: a value run on into the next block’s heading (`34第二十条第（五）项信息内容`) is the value', () => {
    const t = base();
    const start = t.indexOf('第二十条第（一）项');
    const end = t.indexOf('\n\n三、');
    const text = t.slice(0, start) + t.slice(start, end).replace(/\n+/g, '') + t.slice(end);
    assert.deepEqual(codes(diagnose(text)), []);
    for (const key of ['A1', 'A2', 'E1', 'H1']) assert.deepEqual(cellValues(text, '二', key), cellValues(t, '二', key), key);
  });
  it('a unit after a number is read past: 793件, 44.5万元', () => {
    const t = base();
    const text = replaceLine(replaceLine(t, '行政许可', '行政许可\t793件'), '行政事业性收费', '行政事业性收费\t44.5万元');
    assert.deepEqual(codes(diagnose(text)), []);
    assert.deepEqual(cellValues(text, '二', 'E1'), [793]);
    assert.deepEqual(cellValues(text, '二', 'H1'), [44.5]);
  });
  it('the 2019 template’s 采购 cells: 2笔, 984361元, 547.9659万元', () => {
    const t = base().replace('本年制发件数\t本年废止件数\t现行有效件数', '本年新制作数量\t本年新公开数量\t对外公开总数量');
    const text = t.replace('\n\n三、', '\n第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t2笔\t984361元\n\n三、');
    assert.deepEqual(cellValues(text, '二', 'I1'), [2, 984361]);
    assert.deepEqual(cellValues(text.replace('984361元', '547.9659万元'), '二', 'I1'), [2, 547.9659]);
    // (the base's table 三 has the 2021 rows under （六）, whose values the 2019 template's one row does not take: said in table 三)
    assert.equal(ofCode(diagnose(text), 'invalid-number').filter((d) => d.message.startsWith('表二')).length, 0);
  });
  it('count units beyond 件 and 笔 (`16起`, `16人次`, `16份`, `16（件）`, `16(件)`) are read past in a count, in every layout', () => {
    for (const layout of LAYOUTS) {
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values: consistentValues(seededRandom(11)), layout });
      for (const [table, row, col] of [['二', 'E1', 0], ['三', 'R1', 0]] as const) {
        const cell = parseDocument(t).reports[0].tables[table]!.rows.get(row)!.cells![col];
        for (const unit of ['起', '人次', '份', '（件）', '(件)']) {
          const text = t.slice(0, cell.span.start) + cell.raw + unit + t.slice(cell.span.end);
          assert.deepEqual(codes(diagnose(text)), [], `${layout} ${row} ${unit}`);
          assert.deepEqual(cellValues(text, table, row), cellValues(t, table, row), `${layout} ${row} ${unit}`);
        }
      }
    }
  });
  it('money: thousands commas and 万 read in an amount (`984,361元`, `98.4万`); a unit that is not the column’s (`44元` in 万元, `5万` or `5元` in a count, `44件` in an amount) is invalid-number saying so, never read as the number', () => {
    const t2019 = base().replace('本年制发件数\t本年废止件数\t现行有效件数', '本年新制作数量\t本年新公开数量\t对外公开总数量');
    const i1 = (cells: string): string => t2019.replace('\n\n三、', `\n第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t${cells}\n\n三、`);
    assert.deepEqual(cellValues(i1('2笔\t984,361元'), '二', 'I1'), [2, 984361]);
    assert.deepEqual(cellValues(i1('2\t98.4万'), '二', 'I1'), [2, 98.4]);
    assert.deepEqual(cellValues(i1('2\t1,234.5万元'), '二', 'I1'), [2, 1234.5]);
    assert.equal(ofCode(diagnose(i1('2笔\t984,361元')), 'invalid-number').filter((d) => d.message.startsWith('表二')).length, 0);
    for (const layout of LAYOUTS) {
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values: consistentValues(seededRandom(11)), layout });
      const fee = parseDocument(t).reports[0].tables['二']!.rows.get('H1')!.cells![0];
      const withFee = (written: string): string => t.slice(0, fee.span.start) + written + t.slice(fee.span.end);
      assert.deepEqual(cellValues(withFee('98.4万'), '二', 'H1'), [98.4], layout);
      assert.deepEqual(codes(diagnose(withFee('98.4万'))), [], layout);
      for (const written of ['44元', '44 元', '44件']) {
        const ds = diagnose(withFee(written));
        assert.deepEqual(codes(ds), ['invalid-number'], `${layout} ${written}`);
        assert.equal(ds[0].text, written);
        assert.match(ds[0].message, /单位与本列不符：本列应填以“万元”为单位的金额$/);
        assert.deepEqual(cellValues(withFee(written), '二', 'H1'), [null]);
      }
      const e1 = parseDocument(t).reports[0].tables['二']!.rows.get('E1')!.cells![0];
      for (const written of [`${e1.raw}万`, `${e1.raw}元`]) {
        const text = t.slice(0, e1.span.start) + written + t.slice(e1.span.end);
        const ds = diagnose(text);
        assert.deepEqual(codes(ds), ['invalid-number'], `${layout} ${written}`);
        assert.match(ds[0].message, /本列应填数量，不是金额$/);
        assert.equal(fixAll(text).text, text);
      }
    }
    assert.match(checkText(replaceLine(base(), '行政事业性收费', '行政事业性收费\t44元'), { locale: 'en' }).diagnostics[0].message, /the unit of “44元” is not the column’s, which takes an amount in 万元/);
  });
  it('a letter in a tab-separated cell is invalid-number on that cell, not a short row', () => {
    const t = base();
    const line = lineOf(t, R1_LABEL);
    const cells = line.split('\t');
    const text = t.replace(line, [...cells.slice(0, 3), 'x0', ...cells.slice(4)].join('\t'));
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['invalid-number']);
    assert.equal(ds[0].text, 'x0');
    assert.match(ds[0].message, /科研机构/);
  });
  it('text with ideographs in a tab- or pipe-separated cell (`约16`, `十六`, `16左右`) is invalid-number on that cell, the other cells read', () => {
    for (const layout of ['tabs', 'pipes'] as const) {
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values: consistentValues(seededRandom(11)), layout });
      for (const [table, row, col] of [['三', 'R1', 0], ['三', 'R3', 3], ['三', 'R24', 6], ['二', 'E1', 0]] as const) {
        const cell = parseDocument(t).reports[0].tables[table]!.rows.get(row)!.cells![col];
        for (const written of [`约${cell.raw}`, '十六', `${cell.raw}左右`, `约 ${cell.raw}`]) {
          const text = t.slice(0, cell.span.start) + written + t.slice(cell.span.end);
          const ds = diagnose(text);
          assert.deepEqual(codes(ds), ['invalid-number'], `${layout} ${row} ${written}`);
          assert.equal(ds[0].text, written);
          const values = cellValues(text, table, row)!;
          assert.deepEqual(values.filter((_, k) => k !== col), cellValues(t, table, row)!.filter((_, k) => k !== col), `${layout} ${row} ${written}`);
        }
      }
    }
  });
  it('two numbers in one tab- or pipe-separated field (`1 6`) are one cell, invalid-number there (spaces are no thousands separator), the row not shifted', () => {
    for (const layout of ['tabs', 'pipes'] as const) {
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values: consistentValues(seededRandom(11)), layout });
      for (const [table, row, col] of [['三', 'R1', 0], ['三', 'R24', 6], ['二', 'E1', 0]] as const) {
        const cell = parseDocument(t).reports[0].tables[table]!.rows.get(row)!.cells![col];
        const text = t.slice(0, cell.span.start) + '1 6' + t.slice(cell.span.end);
        const ds = diagnose(text);
        assert.deepEqual(codes(ds), ['invalid-number'], `${layout} ${row}`);
        assert.equal(ds[0].text, '1 6');
        assert.deepEqual(cellValues(text, table, row)!.filter((_, k) => k !== col), cellValues(t, table, row)!.filter((_, k) => k !== col), `${layout} ${row}`);
      }
    }
  });
  it('the same text in a cell gives the same diagnostic in every layout: `约16`, `16左右`, `十六` are invalid-number on that cell, the other cells read', () => {
    for (const layout of LAYOUTS) {
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values: consistentValues(seededRandom(11)), layout });
      for (const [table, row, col] of [['三', 'R1', 0], ['三', 'R3', 3], ['三', 'R24', 6], ['三', 'R25', 6], ['二', 'E1', 0], ['二', 'A2', 0]] as const) {
        const cell = parseDocument(t).reports[0].tables[table]!.rows.get(row)!.cells![col];
        for (const written of [`约${cell.raw}`, '十六', `${cell.raw}左右`]) {
          const text = t.slice(0, cell.span.start) + written + t.slice(cell.span.end);
          const ds = diagnose(text);
          assert.deepEqual(codes(ds), ['invalid-number'], `${layout} ${row} ${written}`);
          assert.equal(ds[0].text, written, `${layout} ${row} ${written}`);
          assert.deepEqual(cellValues(text, table, row)!.filter((_, k) => k !== col), cellValues(t, table, row)!.filter((_, k) => k !== col), `${layout} ${row} ${written}`);
          assert.equal(fixAll(text).text, text, 'no fix writes over text that is no number');
        }
      }
    }
  });
  it('near miss: glued or spaced cells after a label, a unit after a space, and a label wrapped over lines are read as before', () => {
    const t = base();
    const r1 = lineOf(t, R1_LABEL).split('\t');
    for (const row of [`${R1_LABEL}\t${r1.slice(1).join(' ')}`, `${R1_LABEL}${r1.slice(1).join('')}`]) {
      const text = replaceLine(t, R1_LABEL, row);
      assert.equal(ofCode(diagnose(text), 'invalid-number').length, 0, row);
    }
    for (const layout of LAYOUTS) {
      const values = consistentValues(seededRandom(11));
      const split = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout, splitLabels: true });
      assert.deepEqual(codes(diagnose(split)), [], layout);
      assert.deepEqual(cellValues(split, '三', 'R21'), values.table3.R21, layout);
    }
  });
  it('near miss: a row label’s tail in a field of its own is label text (the row read, or one value short when it is), and a unit after a space is read past', () => {
    const t = base();
    const R4 = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
    const tail = t.replace(`${R4}\t`, '（二）部分公开（区分处理的，只计这一情形，\t不计其他情形）\t');
    assert.deepEqual(codes(diagnose(tail)), []);
    const fields = lineOf(tail, '（二）部分公开').split('\t');
    const short = replaceLine(tail, '（二）部分公开', [...fields.slice(0, 2), ...fields.slice(3)].join('\t'));
    const ds = diagnose(short);
    assert.deepEqual(codes(ds), ['blank-cell']);
    assert.match(ds[0].message, /应有 7 个数值，只找到 6 个/);
    assert.deepEqual(codes(diagnose(replaceLine(t, '行政许可', '行政许可\t12 件'))), []);
    assert.deepEqual(cellValues(replaceLine(t, '行政许可', '行政许可\t12 件'), '二', 'E1'), [12]);
  });
  it('near miss: an ordinal in a cell of its own (`1.` then the label) is label text', () => {
    const t = base();
    assert.deepEqual(codes(diagnose(t.replace('1.属于国家秘密\t', '（三）不予公开\t1.\t属于国家秘密\t'))), []);
  });
  it('decimal-cell: a decimal in a count cell is invalid and in no sum; no fix writes a decimal', () => {
    const text = readExample('test/fixtures/defects/decimal-cell.txt');
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['invalid-number']);
    assert.equal(ds[0].text, '97.5');
    assert.equal(parseDocument(text).reports[0].tables['三']!.known({ row: 'R1', col: 0 }), null);
    assert.ok(!/\d\.5/.test(fixAll(text).text.replace('97.5', '')));
  });
  it('near miss: a decimal in the 万元 fee is a value', () => {
    const t = base();
    assert.deepEqual(codes(diagnose(replaceLine(t, '行政事业性收费', '行政事业性收费\t12.5'))), []);
  });
  it('digits followed by stray separators (`97---`, `97—`, SPEC §2) are the number, in every layout; a fix writes the digits and keeps the dashes', () => {
    for (const layout of LAYOUTS) {
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values: consistentValues(seededRandom(11)), layout });
      for (const [table, row] of [['三', 'R1'], ['四', 'G']] as const) {
        const cell = parseDocument(t).reports[0].tables[table]!.rows.get(row)!.cells![0];
        for (const dashes of ['---', '—']) {
          const text = t.slice(0, cell.span.start) + cell.raw + dashes + t.slice(cell.span.end);
          assert.deepEqual(codes(diagnose(text)), [], `${layout} ${table} ${cell.raw}${dashes}`);
          assert.deepEqual(cellValues(text, table, row), cellValues(t, table, row), `${layout} ${table}`);
        }
      }
      const total = parseDocument(t).reports[0].tables['三']!.rows.get('R3')!.cells![6];
      const wrong = t.slice(0, total.span.start) + String(total.value! + 1) + '---' + t.slice(total.span.end);
      assert.ok(codes(diagnose(wrong)).includes('row-total-mismatch'), layout);
      assert.equal(fixAll(wrong).text, t.slice(0, total.span.end) + '---' + t.slice(total.span.end), `${layout}: the 总计 written, its dashes kept`);
    }
  });
  it('a dash set apart from its number in a tab’s field (`97 ---`) is a stray separator too; where spaces part the cells a lone dash stays a blank cell', () => {
    const t = base();
    const line = lineOf(t, R1_LABEL);
    const cells = line.split('\t');
    assert.deepEqual(codes(diagnose(t.replace(line, [cells[0], `${cells[1]} ---`, ...cells.slice(2)].join('\t')))), []);
    const spaced = [cells[0], cells[1], '—', ...cells.slice(3)].join('  ');
    assert.deepEqual(codes(diagnose(t.replace(line, spaced))), ['blank-cell'], 'the dash is 法人’s blank cell, as before');
  });
  it('page footers with full-width digits (`- ５ -`, `第 ３ 页 共 ８ 页`) are no cells, between rows and before table 四’s values, in every layout', () => {
    for (const layout of LAYOUTS) {
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values: consistentValues(seededRandom(11)), layout });
      const tables = parseDocument(t).reports[0].tables;
      for (const footer of ['- ５ -', '— ５ —', '第 ３ 页 共 ８ 页']) {
        for (const cell of [tables['三']!.rows.get('R5')!.cells![2], tables['四']!.rows.get('G')!.cells![0]]) {
          const lineStart = t.lastIndexOf('\n', cell.span.start - 1) + 1;
          const text = `${t.slice(0, lineStart)}${footer}\n${t.slice(lineStart)}`;
          assert.deepEqual(codes(diagnose(text)), [], `${layout} ${footer}`);
        }
      }
    }
  });
  it('a bare page number on a line of its own before table 四’s values is no value where the values add up without it, in every layout', () => {
    for (const layout of LAYOUTS) {
      const values = consistentValues(seededRandom(11));
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout });
      const first = parseDocument(t).reports[0].tables['四']!.rows.get('G')!.cells![0];
      const lineStart = t.lastIndexOf('\n', first.span.start - 1) + 1;
      const text = `${t.slice(0, lineStart)}5\n${t.slice(lineStart)}`;
      assert.deepEqual(codes(diagnose(text)), [], layout);
      assert.deepEqual(cellValues(text, '四', 'G'), values.table4, layout);
    }
  });
  it('near miss: a bare number before table 四’s values that add up only with it is read as its first value, and the rest said', () => {
    const values = consistentValues(seededRandom(11));
    const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'tabs' });
    const first = parseDocument(t).reports[0].tables['四']!.rows.get('G')!.cells![0];
    const lineStart = t.lastIndexOf('\n', first.span.start - 1) + 1;
    // the group's total one more than its parts: the number before the values is not what makes the rules hold
    const line = t.slice(lineStart, t.indexOf('\n', lineStart)).split('\t');
    line[4] = String(Number(line[4]) + 1);
    const text = `${t.slice(0, lineStart)}5\n${line.join('\t')}${t.slice(t.indexOf('\n', lineStart))}`;
    assert.ok(codes(diagnose(text)).includes('row-total-mismatch'));
  });
  it('a bare page number among a row’s values, one a line, is left out where the row adds up without it alone (一 with 总计 144)', () => {
    for (const layout of ['lines', 'spaced-lines'] as const) {
      const values = withR1([97, 16, 7, 14, 4, 6, 144]);
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout });
      const first = parseDocument(t).reports[0].tables['三']!.rows.get('R1')!.cells![0];
      const text = `${t.slice(0, first.span.start)}5\n${t.slice(first.span.start)}`;
      assert.deepEqual(codes(diagnose(text)), [], layout);
      assert.deepEqual(cellValues(text, '三', 'R1'), values.table3.R1, layout);
    }
  });
  it('a bare page number anywhere among a row’s values, one a line, is left out where the row adds up without it alone', () => {
    for (const layout of ['lines', 'spaced-lines'] as const) {
      const values = withR1([97, 16, 7, 14, 4, 6, 144]);
      const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout });
      const cells = parseDocument(t).reports[0].tables['三']!.rows.get('R1')!.cells!;
      for (const cell of cells.slice(1)) {
        const text = `${t.slice(0, cell.span.start)}5\n${t.slice(cell.span.start)}`;
        assert.deepEqual(codes(diagnose(text)), [], `${layout}, before ${cell.raw}`);
        assert.deepEqual(cellValues(text, '三', 'R1'), values.table3.R1, `${layout}, before ${cell.raw}`);
      }
    }
  });
  it('near miss: a number among a row’s lines that is not alone in letting the row add up (it equals its neighbour), or with a total wrong besides, is not left out', () => {
    const values = withR1([97, 16, 7, 14, 4, 6, 144]);
    const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'lines' });
    const cells = parseDocument(t).reports[0].tables['三']!.rows.get('R1')!.cells!;
    // 16 after 16: either could be the page number, and the cells' places would be a guess
    const twin = `${t.slice(0, cells[2].span.start)}16\n${t.slice(cells[2].span.start)}`;
    assert.notDeepEqual(codes(diagnose(twin)), []);
    // the total one too many: no value left out makes the row add up, and its error is said
    const wrong = `${t.slice(0, cells[2].span.start)}5\n${t.slice(cells[2].span.start, cells[6].span.start)}145${t.slice(cells[6].span.end)}`;
    assert.ok(diagnose(wrong).some((d) => d.severity === 'error'));
  });
  it('one value a line, an empty line among them is that blank cell: said on it, and filled by the rules', () => {
    const values = consistentValues(seededRandom(11));
    const t = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'lines' });
    const cell = parseDocument(t).reports[0].tables['三']!.rows.get('R1')!.cells![0];
    const text = t.slice(0, cell.span.start) + t.slice(cell.span.end);
    const ds = diagnose(text);
    assert.deepEqual(codes(ds), ['blank-cell']);
    assert.match(ds[0].message, /“自然人”为空/);
    assert.equal(fixAll(text).text, t);
  });
  it('a blank cell’s mark beyond a row’s cells (`5\t---`) is no extra value', () => {
    const t = base();
    const line = lineOf(t, '规章');
    assert.deepEqual(codes(diagnose(t.replace(line, `${line}\t---`))), []);
    assert.deepEqual(codes(diagnose(t.replace(line, `${line}\t—`))), []);
  });
  it('near miss: a separator line after a row (`---------\t---`) and a page footer (`- 3 -`) are no cells', () => {
    const t = base();
    const text = replaceLine(replaceLine(t, '行政事业性收费', '行政事业性收费\t0\n---------\t---'), R1_LABEL, `- 3 -\n${lineOf(t, R1_LABEL)}`);
    assert.deepEqual(codes(diagnose(text)), []);
  });
});

/** The scraper's real pages, with line breaks put around the section headings (their mid-line headings are found elsewhere). */
function withHeadingLines(text: string): string {
  const headings = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
  for (const h of headings) {
    const at = text.indexOf(h);
    if (at >= 0) text = `${text.slice(0, at)}\n${h}\n${text.slice(at + h.length)}`;
  }
  return text;
}

describe('the 平潭 pages’ glued tables', () => {
  const read = (name: string): string => withHeadingLines(readExample(`test/fixtures/real/${name}.txt`));
  const allRows = (text: string, table: '二' | '三' | '四'): Record<string, (number | null)[] | null> =>
    Object.fromEntries([...parseDocument(text).reports[0].tables[table]!.rows].map(([k, r]) => [k, r.cells?.map((c) => c.value) ?? null]));
  it('gaj-2021: every row split, 1 0 0 0 0 0 1 where the page says so, and the balance error', () => {
    const text = read('pingtan-gaj-2021');
    const three = allRows(text, '三');
    for (const key of TABLE3_KEYS) assert.deepEqual(three[key], ['R1', 'R23', 'R24', 'R25'].includes(key) ? [1, 0, 0, 0, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 0], key);
    assert.deepEqual(allRows(text, '四').G, new Array(15).fill(0));
    assert.deepEqual(allRows(text, '二'), { A1: [0, 0, 0], A2: [0, 0, 2], E1: [0], F1: [141], F2: [0], H1: [0] });
    const ds = diagnose(text);
    assert.equal(ofCode(ds, 'balance-mismatch').length, 2);
    assert.deepEqual([...new Set(codes(ds))].sort(), ['balance-mismatch', 'flattened-cells', 'label-typo']);
  });
  it('shenpi-2020 (irregular spaces, 2019 template): every rule holds; one table 二 row is ambiguous', () => {
    const text = read('pingtan-shenpi-2020');
    const three = allRows(text, '三');
    assert.deepEqual(three.R1, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(three.R3, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(three.R24, [1, 0, 0, 0, 0, 0, 1]);
    const ds = diagnose(text);
    assert.deepEqual(ds.filter((d) => d.severity === 'error'), []);
    const ambiguous = ofCode(ds, 'ambiguous-cells');
    assert.equal(ambiguous.length, 1);
    assert.equal(ambiguous[0].text, '0494246');
  });
  it('czj-2023 (`0 0 0 0 0 00`): an all-zero table 三 and table 四, the fee 5949.09', () => {
    const text = read('pingtan-czj-2023');
    for (const [key, cells] of Object.entries(allRows(text, '三'))) assert.deepEqual(cells, [0, 0, 0, 0, 0, 0, 0], key);
    assert.deepEqual(allRows(text, '四').G, new Array(15).fill(0));
    assert.deepEqual(allRows(text, '二').H1, [5949.09]);
    assert.deepEqual(ofCode(diagnose(text), 'flattened-cells').length, 28);
  });
});

describe('generated reports with glued cells', () => {
  it('read back exactly, or the row is ambiguous-cells; never a wrong split, never an error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed, glueSeed) => {
        const values = consistentValues(seededRandom(seed));
        const text = gluedReport(values, seededRandom(glueSeed));
        const report = parseDocument(text).reports[0];
        const ds = checkText(text).diagnostics;
        assert.deepEqual(ds.filter((d) => d.code !== 'flattened-cells' && d.code !== 'ambiguous-cells').map((d) => d.code), []);
        const ambiguous = ofCode(ds, 'ambiguous-cells');
        const check = (table: '二' | '三' | '四', key: string, written: number[]): void => {
          const row = report.tables[table]!.rows.get(key)!;
          if (row.cells) assert.deepEqual(row.cells.map((c) => c.value), written, `${table} ${key}`);
          else assert.ok(ambiguous.some((d) => d.span.start >= row.labelSpan.start && d.span.start <= row.valueZone.end), `${table} ${key} has no cells and no ambiguous-cells`);
        };
        for (const key of TABLE3_KEYS) check('三', key, values.table3[key]);
        for (const [key, v] of Object.entries(values.table2)) check('二', key, v);
        check('四', 'G', values.table4);
      }),
      { numRuns: 150 },
    );
  });
  it('after an edit elsewhere, an incremental parse keeps the glued rows where a fresh parse has them', () => {
    const doc = new IncrementalDocument(`${readExample('test/fixtures/defects/subtotal-bad.txt')}\n${twoAmbiguousRows()}`);
    doc.update(0, 0, '\n\n');
    assert.deepEqual(doc.snapshot().map(plainReport), parseDocument(doc.text).reports.map(plainReport));
    const key = (d: object): string => JSON.stringify(d);
    assert.deepEqual(doc.diagnostics().map(key).sort(), checkText(doc.text).diagnostics.map(key).sort());
    assert.deepEqual(codes(checkText(doc.text).diagnostics).sort(), ['ambiguous-cells', 'ambiguous-cells', 'row-total-mismatch']);
  });
});
