// The PDF reader on real PDFs: generated reports written as web pages with the official tables and printed by
// Chromium, with the wrinkles published PDFs have (a running title and `- n -` on every page, table 三 cut by a
// page break with its header printed again, blank cells, a table without ruling lines, radicals in the text
// layer), and files it must refuse (a scan, fonts without ToUnicode, a password, not a PDF).
import assert from 'node:assert/strict';
import { zlibSync } from 'fflate';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { checkText, type CheckResult, type Span } from '../../server/src/engine';
import { ENCRYPTED, importPdf, NO_TEXT } from '../../server/src/import/pdf';
import { cMapsFromDirectory } from '../../server/src/import/pdf-cmaps';
import { holdsOversizedStream } from '../../server/src/import/pdf-streams';
import { isFailure, type Imported } from '../../server/src/import/types';
import { consistentValues, seededRandom, type ReportValues } from '../support/generate';
import { ROOT } from '../support/helpers';
import { encryptedPdf, pdfWithoutEmbeddedFont } from '../support/pdf-minimal';
import { originOf, overlap, rawItems } from '../support/pdf-origins';
import { printPdf } from '../support/pdf-print';
import { reportPage, reportTextForm, type PageSpec } from '../support/pdf-report-page';

/** Values that break a row total in table 三 (R5) and a group total in table 四. */
function flawedValues(seed: number): ReportValues {
  const values = consistentValues(seededRandom(seed));
  values.table3.R5[0] += 1;
  values.table4[4] += 1;
  return values;
}

const CASES: Record<string, PageSpec> = {
  ruled: {
    agency: '某某县财政局',
    year: 2024,
    values: flawedValues(11),
    blanks: [
      { key: 'R9', col: 2 },
      { key: 'R14', col: 6 },
      { key: 'G', col: 7 },
    ],
  },
  pageBreak: { agency: '某某市交通运输局', year: 2023, values: flawedValues(23), breakBefore: 'R13', repeatHeader: true, blanks: [{ key: 'R13', col: 0 }] },
  borderless: { agency: '某某镇人民政府', year: 2024, values: flawedValues(37), ruled: false, blanks: [{ key: 'R9', col: 2 }] },
  radicals: { agency: '某某区行政审批局', year: 2024, values: flawedValues(41), radicals: true },
};

const pdfs = new Map<string, Uint8Array>();
const imported = new Map<string, Imported>();

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
// no page margins: no room for Chromium's own header and footer (date, address, page number)
const SCAN_PAGE = `<!doctype html><html><head><style>@page { margin: 0 }</style></head><body style="margin:0"><img src="data:image/png;base64,${ONE_PIXEL_PNG}" style="width:500px;height:700px"></body></html>`;

/** Chromium's processes are heavy: two at a time. */
async function printAll(pages: [string, string][]): Promise<void> {
  const queue = [...pages];
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) pdfs.set(job[0], await printPdf(job[1]));
  };
  await Promise.all([worker(), worker()]);
}

/** What reached console.log while pdf.js loaded (the CLI's stdout is its JSON). */
const loadLog: unknown[][] = [];

before(async () => {
  await printAll([...Object.entries(CASES).map(([name, spec]): [string, string] => [name, reportPage(spec)]), ['scan', SCAN_PAGE]]);
  for (const name of Object.keys(CASES)) {
    const log = console.log;
    if (loadLog.length === 0) console.log = (...args: unknown[]) => loadLog.push(args);
    const result = await importPdf(pdfs.get(name)!).finally(() => (console.log = log));
    assert.ok(!isFailure(result), `${name}: ${isFailure(result) ? result.error : ''}`);
    imported.set(name, result);
  }
});

/** A diagnostic's place as a table cell (table, row, column) when it is on one, else the text it covers. */
function placeOf(result: CheckResult, span: Span): string {
  for (const report of result.parsed.reports) {
    for (const [id, table] of Object.entries(report.tables)) {
      for (const [key, row] of table!.rows) {
        const col = (row.cells ?? []).findIndex((c) => c.span.start === span.start && c.span.end === span.end);
        if (col >= 0) return `${id}/${key}/${col}`;
        if (row.labelSpan.start === span.start) return `${id}/${key}/label`;
      }
    }
  }
  return JSON.stringify(result.parsed.text.slice(span.start, span.end));
}

const diagnosticsByCell = (text: string): string[] => {
  const result = checkText(text);
  return result.diagnostics.map((d) => `${d.code} @ ${placeOf(result, d.span)}`);
};

describe('importPdf: reports printed by Chromium', () => {
  it('loads pdf.js (bundled into this CommonJS file by esbuild) without a word on stdout', () => {
    assert.deepEqual(loadLog, []);
  });

  for (const name of Object.keys(CASES)) {
    it(`${name}: the engine finds the same diagnostics on the same cells as in the report's text form`, () => {
      const expected = diagnosticsByCell(reportTextForm(CASES[name]));
      assert.ok(expected.some((d) => d.startsWith('row-total-mismatch @ 三/R5/6')), 'the report is meant to have errors');
      assert.deepEqual(diagnosticsByCell(imported.get(name)!.text), expected);
    });

    it(`${name}: every value cell's origin is the page and box where its number is printed, level with its row's label`, async () => {
      const result = imported.get(name)!;
      const raw = await rawItems(pdfs.get(name)!);
      const parsed = checkText(result.text).parsed.reports[0];
      let checked = 0;
      for (const table of Object.values(parsed.tables)) {
        for (const row of table!.rows.values()) {
          const label = table!.template.unlabelled ? undefined : originOf(result, row.labelSpan);
          for (const cell of row.cells ?? []) {
            const origin = originOf(result, cell.span);
            assert.ok(origin && 'page' in origin.origin, `${row.template.key}: no origin for ${JSON.stringify(cell.raw)}`);
            const { page, box } = origin.origin as { page: number; box: readonly number[] };
            const under = raw[page - 1].filter((item) => overlap(item.box, box));
            assert.equal(under.map((i) => i.text).join(''), cell.raw, `${row.template.key}: page ${page} ${box}`);
            if (label) {
              const at = label.origin as { page: number; box: readonly number[] };
              assert.equal(at.page, page, `${row.template.key}: label and value on one page`);
              assert.ok(at.box[1] < box[3] && box[1] < at.box[3], `${row.template.key}: label ${at.box} level with value ${box}`);
            }
            checked++;
          }
        }
      }
      assert.equal(checked, 3 + 3 + 1 + 2 + 1 + 25 * 7 + 15);
    });
  }

  it('drops running headers and footers: no `- n -` line, the title once, on a report of several pages', () => {
    for (const [name, result] of imported) {
      const lines = result.text.split('\n');
      assert.ok(Math.max(...result.origins.map((o) => (o.origin as { page: number }).page)) >= 2, `${name} has several pages`);
      assert.deepEqual(lines.filter((l) => /^-\s*\d+\s*-$/.test(l)), [], name);
      assert.equal(lines.filter((l) => l.includes('政府信息公开工作年度报告')).length, 1, name);
    }
  });

  it('table 三 across a page break: the rows after it point at the next page, its repeated header rows are left out', () => {
    const result = imported.get('pageBreak')!;
    const lines = result.text.split('\n');
    assert.equal(lines.filter((l) => l.startsWith('自然人\t法人或其他组织\t总计')).length, 1);
    const pageOfLine = (prefix: string): number => {
      const start = result.text.indexOf(`\n${prefix}`) + 1;
      return (result.origins.find((o) => o.span.start === start)!.origin as { page: number }).page;
    };
    assert.equal(pageOfLine('（四）无法提供\t1.本机关不掌握相关政府信息') - pageOfLine('8.属于行政查询事项'), 1);
  });

  it('a blank cell is an empty field in its column', () => {
    const lines = imported.get('ruled')!.text.split('\n');
    assert.ok(lines.includes(`5.属于三类内部事务信息\t${CASES.ruled.values.table3.R9.map((v, c) => (c === 2 ? '' : v)).join('\t')}`));
    assert.ok(lines.includes(`2.没有现成信息需要另行制作\t${CASES.ruled.values.table3.R14.slice(0, 6).join('\t')}\t`));
    const borderless = imported.get('borderless')!.text.split('\n');
    assert.ok(borderless.some((l) => l.endsWith(`5.属于三类内部事务信息\t${CASES.borderless.values.table3.R9.map((v, c) => (c === 2 ? '' : v)).join('\t')}`)));
  });

  it('reads Kangxi radicals in the text layer (⾏ ⽅) as the ideographs 行 方', () => {
    const text = imported.get('radicals')!.text;
    assert.ok(text.includes('行政许可') && text.includes('行政复议'));
    assert.doesNotMatch(text, /[\u2f00-\u2fdf]/);
  });
});

describe('importPdf: files it cannot read, with one clear message', () => {
  it('a scan (a page holding only an image) has no text to extract', async () => {
    assert.deepEqual(await importPdf(pdfs.get('scan')!), { format: 'pdf', error: NO_TEXT });
  });

  it('fonts whose glyphs map to no Unicode (the ToUnicode maps taken out) are not read as text', async () => {
    const bytes = pdfs.get('ruled')!.slice();
    const latin1 = Buffer.from(bytes).toString('latin1');
    assert.ok(latin1.includes('/ToUnicode'));
    const stripped = new Uint8Array(Buffer.from(latin1.replaceAll('/ToUnicode', '/ToUnicodX'), 'latin1'));
    assert.deepEqual(await importPdf(stripped), { format: 'pdf', error: NO_TEXT });
  });

  it('a password-protected PDF asks for an unprotected file', async () => {
    assert.deepEqual(await importPdf(encryptedPdf()), { format: 'pdf', error: ENCRYPTED });
  });

  it('a stream that inflates beyond the bound is found before pdf.js inflates it whole; an image, whose data is never decoded, is left', () => {
    const pdfWith = (dictionary: string, data: Uint8Array): Uint8Array => {
      const head = new TextEncoder().encode(`%PDF-1.4\n4 0 obj\n<< ${dictionary} /Length ${data.length} >>\nstream\n`);
      const tail = new TextEncoder().encode('\nendstream\nendobj\n');
      const out = new Uint8Array(head.length + data.length + tail.length);
      out.set(head);
      out.set(data, head.length);
      out.set(tail, head.length + data.length);
      return out;
    };
    const limit = 1 << 20;
    const large = zlibSync(new Uint8Array(2 * limit).fill(0x20));
    assert.equal(holdsOversizedStream(pdfWith('/Filter /FlateDecode', large), limit), true);
    assert.equal(holdsOversizedStream(pdfWith('/Filter /FlateDecode', zlibSync(new Uint8Array(limit >> 1))), limit), false);
    assert.equal(holdsOversizedStream(pdfWith('/Type /XObject /Subtype /Image /Filter /FlateDecode', large), limit), false);
    assert.equal(holdsOversizedStream(pdfs.get('ruled')!), false);
  });

  it('bytes that are not a PDF say so', async () => {
    const result = await importPdf(new TextEncoder().encode('一、总体情况\n这不是 PDF。'));
    assert.ok(isFailure(result) && result.error.startsWith('不是可读的 PDF 文件'), JSON.stringify(result));
  });
});

describe('importPdf: fonts that are not embedded', () => {
  const text = '政府信息公开工作年度报告';

  it('reads their text through the GB CMaps (by default pdfjs-dist\'s, or the folder given)', async () => {
    const given = await importPdf(pdfWithoutEmbeddedFont(text), { cMapDirectory: join(ROOT, 'node_modules/pdfjs-dist/cmaps') });
    assert.ok(!isFailure(given) && given.text === `${text}\n`, JSON.stringify(given));
    const result = await importPdf(pdfWithoutEmbeddedFont(text));
    assert.ok(!isFailure(result), JSON.stringify(result));
    assert.equal(result.text, `${text}\n`);
    assert.deepEqual(result.notes, []);
  });

  it('without CMaps, says which map is missing rather than reading wrong characters', async () => {
    const result = await importPdf(pdfWithoutEmbeddedFont(text), { cMapDirectory: null });
    assert.deepEqual(result, { format: 'pdf', error: '缺少字符映射表 UniGB-UCS2-H：未嵌入字体的部分文字可能丢失' });
  });

  it('a CMap name from the file never reaches outside the CMap folder', async () => {
    await assert.rejects(cMapsFromDirectory('/nonexistent')('../../etc/passwd'), /not a CMap name/);
  });
});

describe('importPdf: what a caller hands it', () => {
  it('reads a PDF given as a Node Buffer (what fs.readFile returns), and leaves the caller\'s bytes as they were', async () => {
    const bytes = Buffer.from('%PDF-1.4\n%nothing else\n', 'latin1');
    const copy = Buffer.from(bytes);
    const result = await importPdf(bytes);
    assert.ok(!('error' in result) || !/Uint8Array/.test(result.error), JSON.stringify(result));
    assert.deepEqual(bytes, copy);
  });
});
