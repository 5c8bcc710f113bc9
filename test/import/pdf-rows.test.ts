// The PDF reader on table rows whose text stands between the row lines, printed by Chromium: labels wrapped onto
// two or three lines in tall cells (mid-page, and as the first row of table 三 on a new page, where the page cut
// leaves the row without a top rule), the 法人 columns left blank beside the rowspan labels of （三）–（六）, and a
// rowspan that runs on over later rows (a CMS's slip: its cells overlap the next rows' colspans); and, as a near
// miss, a borderless table with wrapped labels, read as before.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { checkText } from '../../server/src/engine';
import type { Row } from '../../server/src/engine/model';
import { importPdf } from '../../server/src/import/pdf';
import { isFailure, type Imported } from '../../server/src/import/types';
import { consistentValues, seededRandom, TABLE3_KEYS, type ReportValues } from '../support/generate';
import { namedDiagnostics } from '../support/import-check';
import { originOf, overlap, rawItems, type RawItem } from '../support/pdf-origins';
import { printPdf } from '../support/pdf-print';
import { reportPage, reportTextForm, type PageSpec } from '../support/pdf-report-page';

/** Values that break a row total of table 三 (R10) and table 四's 行政诉讼 group. */
function brokenValues(seed: number): ReportValues {
  const values = consistentValues(seededRandom(seed));
  values.table3.R10[6] += 2;
  values.table4[9] += 1;
  return values;
}

const LEGAL_BLANK = TABLE3_KEYS.flatMap((key) => [1, 2, 3, 4, 5].map((col) => ({ key, col })));

const CASES: Record<string, PageSpec> = {
  wrapped: { agency: '某某县应急管理局', year: 2024, values: brokenValues(13), labelWidth: '4em' },
  blanks: { agency: '某某县发展和改革局', year: 2023, values: brokenValues(17), blanks: LEGAL_BLANK },
  overrun: { agency: '某某区行政审批局', year: 2024, values: brokenValues(19), overrun: 2 },
  borderless: { agency: '某某镇人民政府', year: 2024, values: brokenValues(29), ruled: false, labelWidth: '6em', blanks: [{ key: 'R9', col: 2 }] },
};

const pdfs = new Map<string, Uint8Array>();
const imported = new Map<string, Imported>();
const raw = new Map<string, RawItem[][]>();

before(async () => {
  // Chromium's processes are heavy: two at a time
  const queue = Object.keys(CASES);
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name; name = queue.shift()) pdfs.set(name, await printPdf(reportPage(CASES[name])));
  };
  await Promise.all([worker(), worker()]);
  for (const name of Object.keys(CASES)) {
    const result = await importPdf(pdfs.get(name)!);
    assert.ok(!isFailure(result), `${name}: ${isFailure(result) ? result.error : ''}`);
    imported.set(name, result);
    raw.set(name, await rawItems(pdfs.get(name)!));
  }
});

const table3 = (text: string): Row[] => [...checkText(text).parsed.reports[0].tables['三']!.rows.values()];

interface Place {
  readonly page: number;
  readonly box: readonly number[];
}

const placeOf = (result: Imported, span: { start: number; end: number }): Place | undefined => originOf(result, span)?.origin as Place | undefined;

/** The printed text under a box, line by line (top first), each line's items left to right. */
function printedUnder(items: readonly RawItem[], box: readonly number[]): string[] {
  const under = items.filter((i) => overlap(i.box, box)).sort((a, b) => b.box[1] - a.box[1] || a.box[0] - b.box[0]);
  const lines: RawItem[][] = [];
  for (const item of under) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].box[1] - item.box[1]) < 2) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => line.map((i) => i.text).join(''));
}

describe('importPdf: text that stands between the row lines of a ruled table', () => {
  for (const name of Object.keys(CASES)) {
    it(`${name}: the diagnostics are those of the report's text form, on the same cells, with the same messages`, () => {
      const expected = namedDiagnostics(reportTextForm(CASES[name]));
      assert.ok(expected.some((d) => d.includes('|error|') && d.includes('|三/R')), 'the report is meant to have errors in table 三');
      assert.deepEqual(namedDiagnostics(imported.get(name)!.text), expected);
    });

    it(`${name}: every row of table 三 has its label and its cells, blanks where they are blank`, () => {
      const cells = (rows: Row[]): string[] => rows.map((r) => `${r.template.key} ${r.labelText} ${(r.cells ?? []).map((c) => c.raw).join('|')}`);
      assert.deepEqual(cells(table3(imported.get(name)!.text)), cells(table3(reportTextForm(CASES[name]))));
    });

    it(`${name}: each cell of table 三 points at the page and box where it is printed (a blank at its empty box), level with its label`, () => {
      const result = imported.get(name)!;
      let checked = 0;
      let cut = 0;
      for (const row of table3(result.text)) {
        const label = placeOf(result, row.labelSpan)!;
        const printed = printedUnder(raw.get(name)![label.page - 1], label.box).join('');
        if (printed !== row.labelText) {
          // a row the page break cuts in two points where it starts; the rest of its label opens the next page
          const rest = row.labelText.slice(printed.length);
          assert.ok(printed && row.labelText.startsWith(printed), `${row.template.key}: label at ${label.box} reads ${printed}`);
          assert.ok(raw.get(name)![label.page].some((item) => rest.startsWith(item.text)), `${row.template.key}: ${rest} on page ${label.page + 1}`);
          cut++;
        }
        for (const cell of row.cells!) {
          const at = placeOf(result, cell.span);
          assert.ok(at, `${row.template.key}: no origin for ${JSON.stringify(cell.raw)}`);
          assert.equal(printedUnder(raw.get(name)![at.page - 1], at.box).join(''), cell.raw, `${row.template.key}: page ${at.page} ${at.box}`);
          assert.equal(at.page, label.page, `${row.template.key}: label and cell on one page`);
          assert.ok(label.box[1] < at.box[3] && at.box[1] < label.box[3], `${row.template.key}: label ${label.box} level with cell ${at.box}`);
          checked++;
        }
      }
      assert.equal(checked, 25 * 7);
      assert.ok(cut <= 1, `${cut} rows cut by a page break`);
    });
  }

  it('wrapped: labels printed on two or three lines of their cell are one label, mid-page and on the first row of a new page', () => {
    const result = imported.get('wrapped')!;
    const rows = table3(result.text);
    const pages = rows.map((r) => placeOf(result, r.labelSpan)!.page);
    const first = pages.findIndex((p, k) => k > 0 && p > pages[k - 1]);
    assert.ok(first > 0, 'table 三 goes on onto a new page');
    const linesOf = (k: number): string[] => {
      const at = placeOf(result, rows[k].labelSpan)!;
      return printedUnder(raw.get('wrapped')![at.page - 1], at.box);
    };
    assert.ok(linesOf(first).length >= 2, `${rows[first].template.key}, the first row on page ${pages[first]}, is printed on several lines`);
    assert.ok(linesOf(first + 2).length >= 2 && pages[first + 2] === pages[first], 'and so is a row in the middle of that page');
    // the row's own line of text: its label, then its seven values
    const line = result.text.split('\n').find((l) => l.includes(rows[first].labelText))!;
    assert.ok(line.endsWith([rows[first].labelText, ...rows[first].cells!.map((c) => c.raw)].join('\t')), line);
  });

  it('blanks: the first row on a new page, beside the rest of a rowspan label, keeps its blank cells in their columns', () => {
    const result = imported.get('blanks')!;
    const rows = table3(result.text);
    const pages = rows.map((r) => placeOf(result, r.labelSpan)!.page);
    const first = rows[pages.findIndex((p, k) => k > 0 && p > pages[k - 1])];
    const at = TABLE3_KEYS.indexOf(first.template.key);
    assert.ok(at >= TABLE3_KEYS.indexOf('R3') && at <= TABLE3_KEYS.indexOf('R24'), `${first.template.key} is beside 三、本年度办理结果`);
    assert.deepEqual(
      first.cells!.map((c) => c.state),
      ['value', 'blank', 'blank', 'blank', 'blank', 'blank', 'value'],
    );
  });

  it('overrun: a label set in a cell that overlaps a rowspan is its own row’s, and the rowspan keeps its own text', () => {
    const lines = imported.get('overrun')!.text.split('\n');
    assert.ok(lines.some((l) => l.startsWith('（六）其他处理\t1.申请人无正当理由逾期不补正')), 'the rowspan label alone');
    assert.ok(lines.some((l) => l.startsWith('四、结转下年度继续办理\t')), 'the overlapping label on its own row');
  });
});
