// The Word reader on documents written here the way Word and WPS write them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as iconv from 'iconv-lite';
import { parseDocument } from '../../server/src/engine';
import { importDocx } from '../../server/src/import/docx';
import { formatNumber, Numbering } from '../../server/src/import/numbering';
import { originAt } from '../../server/src/import/origins';
import { arbVariant, namedDiagnostics, variantReport } from '../support/import-check';
import { reviewerCell } from '../support/official';
import { docxFile, paragraph, run, textBox, xmlEscape, type DocxOptions } from '../support/ooxml';

const lines = (bytes: Uint8Array): string[] => importDocx(bytes).text.split('\n').filter((l) => l);
/** A document of the given body only (paragraphs and tables in WordprocessingML). */
const body = (xml: string, options: DocxOptions = {}): Uint8Array => docxFile([], { ...options, extraBody: xml });
const cell = (content: string, properties = ''): string => `<w:tc><w:tcPr>${properties}</w:tcPr>${content || '<w:p/>'}</w:tc>`;
const p = (text: string): string => `<w:p>${run(text)}</w:p>`;
const table = (...rows: string[]): string => `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${rows.join('')}</w:tbl>`;
const tr = (cells: string, properties = ''): string => `<w:tr><w:trPr>${properties}</w:trPr>${cells}</w:tr>`;

const VARIANTS: readonly [string, DocxOptions][] = [
  ['headings written out', {}],
  ['headings and table labels numbered by Word (chineseCounting 一、, decimal 1. restarting per group)', { headings: 'numbered', numberedLabels: true }],
  ['headings numbered through their style, values as tracked changes, content controls', { headings: 'styled', tracked: true, contentControls: true }],
];

describe('DOCX import: the same report as its text form', () => {
  for (const [name, options] of VARIANTS) {
    it(`${name}: the same diagnostics on the same cells, and every value's origin is its cell`, () => {
      fc.assert(
        fc.property(arbVariant, (variant) => {
          const report = variantReport(variant);
          const imported = importDocx(docxFile(report.blocks, options));
          assert.deepEqual(namedDiagnostics(imported.text), namedDiagnostics(report.text));
          const tables = parseDocument(imported.text).reports[0].tables;
          report.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])).forEach((grid, t) => {
            for (const c of grid.cells) {
              if (!c.key) continue;
              const span = tables[c.key.table]!.rows.get(c.key.row)!.cells![c.key.col].span;
              assert.deepEqual(originAt(imported, span), { table: t + 1, row: c.row + 1, cell: reviewerCell(grid, c) });
            }
          });
        }),
        { numRuns: 10 },
      );
    });
  }

  // a text report opened in LibreOffice or Word and saved as .docx: a paragraph per line, a <w:tab/> between cells
  it('a text report saved as .docx, its cells tab stops: a row whose first or last cells are blank keeps them, an indent does not', () => {
    const blanks = [...[0, 1, 2, 3, 4].map((col) => ({ table: '四' as const, row: 'G', col })), { table: '三' as const, row: 'R5', col: 6 }];
    const report = variantReport({ seed: 5, fullWidth: false, deltas: [], blanks });
    const tabbed = (line: string): string => `<w:p><w:r>${line.split('\t').map((t) => (t ? `<w:t xml:space="preserve">${xmlEscape(t)}</w:t>` : '')).join('<w:tab/>')}</w:r></w:p>`;
    const imported = importDocx(body(report.text.split('\n').filter((l) => l).map(tabbed).join('')));
    assert.deepEqual(namedDiagnostics(imported.text), namedDiagnostics(report.text));
    assert.equal(namedDiagnostics(imported.text).filter((d) => d.startsWith('blank-cell|')).length, 2);
    assert.deepEqual(lines(body(tabbed('\t一、总体情况') + tabbed('\t\t') + tabbed('规章\t\t\t'))), ['一、总体情况', '规章']);
  });
});

describe('DOCX import: automatic numbering', () => {
  it('renders the numbers Word shows', () => {
    assert.deepEqual([1, 2, 10, 11, 20, 21, 100, 101, 110].map((n) => formatNumber(n, 'chineseCounting')), ['一', '二', '十', '十一', '二十', '二十一', '一百', '一百零一', '一百一十']);
    assert.deepEqual([1, 10, 11].map((n) => formatNumber(n, 'ideographTraditional')), ['甲', '癸', '甲']);
    assert.deepEqual([1, 12].map((n) => formatNumber(n, 'ideographZodiac')), ['子', '亥']);
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(12, 'chineseLegalSimplified'), '壹拾贰');
    assert.equal(formatNumber(4, 'upperRoman'), 'IV');
    assert.equal(formatNumber(28, 'lowerLetter'), 'bb');
    assert.equal(formatNumber(7, 'decimalFullWidth'), '７');
  });

  const numbering = (xml: string): Numbering => new Numbering(new TextEncoder().encode(`<w:numbering xmlns:w="w">${xml}</w:numbering>`));
  const lvl = (ilvl: number, format: string, text: string, extra = ''): string =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:suff w:val="nothing"/>${extra}</w:lvl>`;
  const outline = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%1.%3', '<w:isLgl/>')}</w:abstractNum>`;

  it('counts each level, restarts the deeper ones, and shows higher levels in a multi-level label', () => {
    const n = numbering(`${outline}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`);
    const labels = [0, 1, 1, 0, 1, 2, 2, 0].map((l) => n.next('1', l));
    assert.deepEqual(labels, ['一、', '（一）', '（二）', '二、', '（一）', '2.1', '2.2', '三、']);
  });

  it('a second list of the same kind continues it, unless Word restarted it (startOverride)', () => {
    const n = numbering(
      `${outline}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
    );
    assert.deepEqual([n.next('1', 0), n.next('1', 0), n.next('2', 0), n.next('3', 0), n.next('3', 0)], ['一、', '二、', '三、', '一、', '二、']);
  });

  it('bullets and unknown lists give no label', () => {
    const n = numbering(`<w:abstractNum w:abstractNumId="0">${lvl(0, 'bullet', '\uf06c')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`);
    assert.equal(n.next('1', 0), '');
    assert.equal(n.next('9', 0), '');
  });

  it('a heading numbered by Word keeps its 一、 (else the section is lost)', () => {
    const report = variantReport({ seed: 3, fullWidth: false, deltas: [], blanks: [] });
    const text = importDocx(docxFile(report.blocks, { headings: 'numbered' })).text;
    for (const heading of ['一、总体情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项']) assert.ok(text.split('\n').includes(heading), heading);
    assert.deepEqual(namedDiagnostics(text), []);
  });
});

describe('DOCX import: tables on their grid', () => {
  it('gridSpan, vMerge and gridBefore place cells; numbers count the cells a row crosses, not grid columns', () => {
    const bytes = body(
      table(
        tr(cell(p('（三）不予公开'), '<w:vMerge w:val="restart"/>') + cell(p('1.属于国家秘密')) + cell(p('5'))),
        tr(cell('', '<w:vMerge/>') + cell(p('2.其他法律行政法规禁止公开')) + cell(p('6'))),
        tr(cell(p('（七）总计'), '<w:gridSpan w:val="2"/>') + cell(p('11'))),
        tr(cell(p('行政许可')) + cell(p('7')), '<w:gridBefore w:val="1"/>'),
      ),
    );
    const imported = importDocx(bytes);
    assert.deepEqual(imported.text.split('\n').filter((l) => l), ['（三）不予公开\t1.属于国家秘密\t5', '2.其他法律行政法规禁止公开\t6', '（七）总计\t11', '行政许可\t7']);
    const origin = (s: string) => {
      const at = imported.text.indexOf(s);
      return originAt(imported, { start: at, end: at + s.length });
    };
    assert.deepEqual(origin('6'), { table: 1, row: 2, cell: 3 });
    assert.deepEqual(origin('11'), { table: 1, row: 3, cell: 2 });
    assert.deepEqual(origin('7'), { table: 1, row: 4, cell: 2 });
  });

  it('content controls around cells and around whole rows (repeating sections) are read through', () => {
    const sdt = (content: string): string => `<w:sdt><w:sdtPr><w:alias w:val="填写"/><w:text/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const bytes = body(table(tr(cell(p('规章')) + sdt(cell(p('1'))) + cell(p('2'))), sdt(tr(cell(p('行政规范性文件')) + cell(p('3')) + sdt(cell(p('4')))))));
    const imported = importDocx(bytes);
    assert.deepEqual(imported.text.split('\n').filter((l) => l), ['规章\t1\t2', '行政规范性文件\t3\t4']);
    const at = imported.text.indexOf('4');
    assert.deepEqual(originAt(imported, { start: at, end: at + 1 }), { table: 1, row: 2, cell: 3 });
  });

  it('a deleted row (tracked) is gone; an empty cell is an empty field; a nested table is read into its cell', () => {
    const nested = table(tr(cell(p('甲')) + cell(p('乙'))));
    const bytes = body(
      table(
        tr(cell(p('规章')) + cell(p('1')) + cell('')),
        tr(cell(p('旧行')) + cell(p('9')), '<w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"/>'),
        tr(cell(p('说明')) + cell(nested + '<w:p/>')),
      ),
    );
    assert.deepEqual(lines(bytes), ['规章\t1\t', '说明\t甲 乙']);
  });
});

describe('DOCX import: what the printed page shows', () => {
  it('insertions kept, deletions and moved-from text dropped, hidden text and field codes left out', () => {
    const bytes = body(
      `<w:p><w:ins w:id="1" w:author="a">${run('新收')}</w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>旧的</w:delText></w:r></w:del>${run('申请')}<w:moveFrom w:id="3" w:author="a">${run('移走')}</w:moveFrom><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    );
    assert.deepEqual(lines(bytes), ['新收申请3']);
  });

  it('content controls are read through; the table of contents is left out; tabs and breaks kept', () => {
    const bytes = body(
      `<w:p><w:pPr><w:pStyle w:val="10"/></w:pPr>${run('一、总体情况 ........ 1')}</w:p><w:sdt><w:sdtPr><w:alias w:val="标题"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent>${p('某县2024年政府信息公开工作年度报告')}</w:sdtContent></w:sdt><w:p>${run('规章')}<w:r><w:tab/></w:r>${run('1')}<w:r><w:br/></w:r>${run('下一行')}</w:p>`,
    );
    assert.deepEqual(lines(bytes), ['某县2024年政府信息公开工作年度报告', '规章\t1', '下一行']);
  });

  it("an altChunk's HTML is read in its place, its tables counted with the document's", () => {
    const html = '<html><head><meta charset="gb2312"></head><body><p>附表</p><table><tr><td>行政许可</td><td>7</td></tr><tr><td>行政处罚</td><td>8</td></tr></table></body></html>';
    const bytes = body(`${p('前文')}${table(tr(cell(p('规章')) + cell(p('1'))), tr(cell(p('行政规范性文件')) + cell(p('2'))))}<w:altChunk r:id="rIdChunk"/>${p('后文')}`, {
      extraParts: { 'word/afchunk.htm': new Uint8Array(iconv.encode(html, 'gbk')) },
      extraRelationships: [{ id: 'rIdChunk', type: 'aFChunk', target: 'afchunk.htm' }],
    });
    const imported = importDocx(bytes);
    assert.deepEqual(imported.text.split('\n').filter((l) => l), ['前文', '规章\t1', '行政规范性文件\t2', '附表', '行政许可\t7', '行政处罚\t8', '后文']);
    const at = imported.text.indexOf('8');
    assert.deepEqual(originAt(imported, { start: at, end: at + 1 }), { table: 2, row: 2, cell: 2 });
  });

  for (const kind of ['alternate', 'vml'] as const) {
    it(`a title in a text box (${kind === 'alternate' ? "Word's DrawingML shape with its VML fallback" : "WPS's VML shape"}) is the title, read once`, () => {
      const report = variantReport({ seed: 5, fullWidth: false, deltas: [], blanks: [] });
      const text = importDocx(docxFile(report.blocks, { titleInTextBox: kind })).text;
      assert.deepEqual(namedDiagnostics(text), []);
      const [parsed] = parseDocument(text).reports;
      assert.deepEqual([parsed.title, parsed.year], ['示例县发展和改革局2024年政府信息公开工作年度报告', 2024]);
      assert.equal(text.split('政府信息公开工作年度报告').length, 2);
    });
  }

  it("a text box's paragraphs come before the text of the paragraph it is anchored in; one in a hidden run, or in a cell, is hidden or in its cell", () => {
    const hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>';
    const bytes = body(
      `<w:p>${run('框前')}<w:r>${textBox(p('框内一') + `<w:p>${hidden}${run('框内二')}</w:p>`, 'alternate')}</w:r>${run('框后')}</w:p>` +
        `<w:p>${run('正文')}<w:r><w:rPr><w:vanish/></w:rPr>${textBox(p('隐藏的框'), 'vml')}</w:r></w:p>` +
        table(tr(cell(p('规章')) + cell(`<w:p><w:r>${textBox(p('1'), 'vml')}</w:r></w:p>`))),
    );
    assert.deepEqual(lines(bytes), ['框内一', '框内二', '框前框后', '正文', '规章\t1']);
  });

  for (const [name, mark] of [['w:tab', '<w:tab/>'], ['w:br', '<w:br/>']]) {
    it(`a mistyped label with a ${name} inside: label-typo quotes it as typed, as for the text`, () => {
      const report = variantReport({ seed: 9, fullWidth: false, deltas: [], blanks: [] });
      const label = '<w:t xml:space="preserve">2.其他法律行政法规禁止公开</w:t>';
      const files = unzipSync(docxFile(report.blocks));
      const xml = strFromU8(files['word/document.xml']);
      assert.ok(xml.includes(label));
      files['word/document.xml'] = strToU8(xml.replace(label, `<w:t>2.其他法</w:t>${mark}<w:t>律行政止公开</w:t>`));
      const text = importDocx(zipSync(files)).text;
      const typed = report.text.replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
      assert.deepEqual(namedDiagnostics(text), namedDiagnostics(typed));
      assert.ok(namedDiagnostics(text).some((d) => d.includes('“其他法律行政止公开”与规范名称不符')), namedDiagnostics(text).join('\n'));
    });
  }

  it('a paragraph is prose, its indentation and padding trimmed', () => {
    assert.deepEqual(lines(body(paragraph(run('\u3000\u30002024年，本机关…')))), ['2024年，本机关…']);
  });
});
