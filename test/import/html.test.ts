// The HTML reader on pages written here the way sites and Word publish them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { parseDocument } from '../../server/src/engine';
import { decodeHtml } from '../../server/src/import/decode';
import { importHtml } from '../../server/src/import/html';
import { originAt } from '../../server/src/import/origins';
import { HTML_FLAVOURS, htmlPage } from '../support/html-pages';
import { arbVariant, namedDiagnostics, variantReport } from '../support/import-check';
import { reviewerCell, type Block, type GridTable } from '../support/official';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const gbk = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'gbk'));
const lines = (bytes: Uint8Array): string[] => importHtml(bytes).text.split('\n').filter((l) => l);
const page = (body: string, head = '<meta charset="utf-8">'): Uint8Array => utf8(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);

/** The report's three tables in the order they stand, numbered as the reader numbers them. */
const tablesOf = (blocks: readonly Block[]): GridTable[] => blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

describe('HTML import: the same report as its text form', () => {
  for (const flavour of HTML_FLAVOURS) {
    it(`${flavour}: the same diagnostics on the same cells, and every value's origin is its cell`, () => {
      fc.assert(
        fc.property(arbVariant, (variant) => {
          const report = variantReport(variant);
          const imported = importHtml(htmlPage(report.blocks, flavour));
          assert.deepEqual(namedDiagnostics(imported.text), namedDiagnostics(report.text));
          const tables = parseDocument(imported.text).reports[0].tables;
          tablesOf(report.blocks).forEach((grid, t) => {
            for (const cell of grid.cells) {
              if (!cell.key) continue;
              const span = tables[cell.key.table]!.rows.get(cell.key.row)!.cells![cell.key.col].span;
              assert.deepEqual(originAt(imported, span), { table: t + 1, row: cell.row + 1, cell: reviewerCell(grid, cell) }, `${cell.key.table} ${cell.key.row} ${cell.key.col}`);
            }
          });
        }),
        { numRuns: 12 },
      );
    });
  }
});

// a workbook saved as a web page by LibreOffice Calc or Excel: the whole sheet is one table as wide as its widest
// row (table 四's 15 columns), each prose line a first cell and empty ones after it, a row left empty after a table
function sheetPage(blocks: readonly Block[]): Uint8Array {
  const width = Math.max(...tablesOf(blocks).map((t) => t.colCount));
  const td = (text: string, rowSpan = 1, colSpan = 1): string => `<td${rowSpan > 1 ? ` rowspan=${rowSpan}` : ''}${colSpan > 1 ? ` colspan=${colSpan}` : ''}>${text || '<br>'}</td>`;
  const rows: string[] = [];
  for (const b of blocks) {
    if (b.kind !== 'table') {
      rows.push(td(b.text) + td('').repeat(width - 1));
      continue;
    }
    for (let r = 0; r < b.table.rowCount; r++) {
      const own = b.table.cells.filter((c) => c.row === r).sort((x, y) => x.col - y.col);
      const covered = b.table.cells.filter((c) => c.row <= r && r < c.row + c.rowSpan).reduce((n, c) => n + c.colSpan, 0);
      rows.push(own.map((c) => td(c.text, c.rowSpan, c.colSpan)).join('') + td('').repeat(width - covered));
    }
    rows.push(td('').repeat(width));
  }
  return page(`<table>${rows.map((r) => `<tr>${r}</tr>`).join('')}</table>`);
}

describe('HTML import: a workbook saved as a web page', () => {
  it("a row's last cell blank, the sheet's empty columns after it: the blank is said on its cell, as in the text form", () => {
    const report = variantReport({ seed: 4, fullWidth: false, deltas: [], blanks: [{ table: '三', row: 'R5', col: 6 }, { table: '四', row: 'G', col: 14 }] });
    const imported = importHtml(sheetPage(report.blocks));
    assert.deepEqual(namedDiagnostics(imported.text), namedDiagnostics(report.text));
    assert.equal(namedDiagnostics(imported.text).filter((d) => d.startsWith('blank-cell|')).length, 2);
  });
});

describe('HTML import: decoding', () => {
  const text = '<p>政府信息公开工作年度报告　０件</p>';
  it('reads a gb2312 label as GB18030', () => {
    const d = decodeHtml(gbk(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">${text}`));
    assert.equal(d.encoding, 'gb18030');
    assert.ok(d.text.includes('政府信息公开工作年度报告　０件'));
  });
  it('reads characters outside GBK that GB18030 has (a page labelled gbk)', () => {
    const bytes = new Uint8Array(iconv.encode('<meta charset="gbk"><p>䶮€</p>', 'gb18030'));
    assert.ok(decodeHtml(bytes).text.includes('䶮€'));
  });
  it('decodes as a browser does: GB18030’s vertical punctuation and the ideographs GBK had in private use are real characters', () => {
    const bytes = new Uint8Array([...utf8('<meta charset="gbk"><p>'), 0xa6, 0xd9, 0xfe, 0x59, ...utf8('</p>')]);
    assert.ok(decodeHtml(bytes).text.includes('\ufe10\u9fb4'));
  });
  it('finds a label placed after the first 1024 bytes', () => {
    const d = decodeHtml(gbk(`<!-- ${'x'.repeat(2000)} --><meta charset="GBK">${text}`));
    assert.equal(d.encoding, 'gb18030');
  });
  it('without a label: strict UTF-8, else GB18030', () => {
    assert.equal(decodeHtml(utf8(text)).encoding, 'utf-8');
    const d = decodeHtml(gbk(text));
    assert.equal(d.encoding, 'gb18030');
    assert.ok(d.text.includes('年度报告'));
  });
  it('a label the bytes contradict loses, and says so', () => {
    const saved = decodeHtml(utf8(`<meta charset="gb2312">${text}`));
    assert.equal(saved.encoding, 'utf-8');
    assert.ok(saved.text.includes('年度报告'));
    assert.match(saved.note ?? '', /gb2312/);
    const mislabelled = decodeHtml(gbk(`<meta charset="utf-8">${text}`));
    assert.equal(mislabelled.encoding, 'gb18030');
    assert.ok(mislabelled.text.includes('年度报告'));
  });
  it('the byte order mark wins over any label', () => {
    assert.equal(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`<meta charset="gbk">${text}`)])).encoding, 'utf-8');
    const le = new Uint8Array(iconv.encode(`\ufeff<meta charset="gbk">${text}`, 'utf16le'));
    assert.ok(decodeHtml(le).text.includes('年度报告'));
  });
});

describe('HTML import: tables on their grid', () => {
  it('one line per row, a tab per cell, an empty field for an empty cell', () => {
    const imported = importHtml(page('<table><tr><td>规章</td><td>1</td><td>&nbsp;</td><td></td><td>\u3000\u30002</td></tr><tr><td>行政规范性文件</td><td>3</td><td>4</td><td>5</td><td>6</td></tr></table>'));
    assert.deepEqual(imported.text.split('\n').filter((l) => l), ['规章\t1\t\t\t2', '行政规范性文件\t3\t4\t5\t6']);
    const at = imported.text.indexOf('2\n');
    assert.deepEqual(originAt(imported, { start: at, end: at + 1 }), { table: 1, row: 1, cell: 5 });
  });

  it('a merged label stands once; the rows it spans keep their own cells in their columns', () => {
    const imported = importHtml(
      page(`<table>
        <tr><td rowspan="3">三、本年度办理结果</td><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td rowspan="2">9</td><td>2</td></tr>
        <tr><td>2.其他法律行政法规禁止公开</td><td>3</td><td>4</td></tr>
        <tr><td colspan="2">（七）总计</td><td>5</td><td>6</td><td>7</td></tr></table>`),
    );
    assert.deepEqual(imported.text.split('\n').filter((l) => l), [
      '三、本年度办理结果\t（三）不予公开\t1.属于国家秘密\t1\t9\t2',
      '2.其他法律行政法规禁止公开\t3\t\t4',
      '（七）总计\t5\t6\t7',
    ]);
    // the 4 of the second row is the sixth cell that row crosses: two merged labels, its label, 3, the merged 9
    const at = imported.text.indexOf('\t4\n') + 1;
    assert.deepEqual(originAt(imported, { start: at, end: at + 1 }), { table: 1, row: 2, cell: 6 });
    // the row line itself points at its first own cell
    const row = imported.text.indexOf('2.其他');
    assert.deepEqual(originAt(imported, { start: row, end: imported.text.indexOf('\n', row) }), { table: 1, row: 2, cell: 3 });
  });

  it('a parser as a browser: unclosed cells, implied tbody, text foster-parented out of the table', () => {
    assert.deepEqual(lines(page('<table>说明<tr><td>规章<td>1<td>2<tr><td>行政许可<td>3</table>')), ['说明', '规章\t1\t2', '行政许可\t3']);
  });

  it("Word's phantom rows of width-only cells and its placeholder cells give nothing", () => {
    const html = `<table><tr><td>规章</td><td>1</td><td>1</td></tr>
      <tr><td style='mso-cell-special:placeholder;border:none' width=0><p class=MsoNormal>&nbsp;</p></td><td>行政许可</td><td>2</td></tr>
      <![if !supportMisalignedColumns]><tr height=0><td width=80 style='border:none'></td><td width=20 style='border:none'></td><td width=0 style='border:none'></td></tr><![endif]></table>`;
    const imported = importHtml(page(html));
    assert.deepEqual(imported.text.split('\n').filter((l) => l), ['规章\t1\t1', '行政许可\t2']);
    const at = imported.text.indexOf('2\n');
    assert.deepEqual(originAt(imported, { start: at, end: at + 1 }), { table: 1, row: 2, cell: 2 });
  });

  it('a table split in two, its last row in a table of its own right after, keeps that row one line of cells; a table of one row after a line shown is layout', () => {
    const head = '<table><tr><td>结果维持</td><td>总计</td></tr><tr><td>1</td><td>1</td></tr></table>';
    const row = '<table><tr><td>2</td><td>2</td></tr></table>';
    assert.deepEqual(lines(page(`${head}${row}`)), ['结果维持\t总计', '1\t1', '2\t2']);
    assert.deepEqual(lines(page(`${head}<p>注</p>${row}`)), ['结果维持\t总计', '1\t1', '注', '2', '2']);
  });

  it('table 四 with its row of values split off its header rows: the 15 values on one line, the diagnostics of the text form on the same cells', () => {
    const report = variantReport({ seed: 9, fullWidth: false, deltas: [{ key: { table: '四', row: 'G', col: 4 }, delta: 1 }], blanks: [] });
    const html = new TextDecoder().decode(htmlPage(report.blocks, 'bare-utf8'));
    const values = html.lastIndexOf('<tr'); // table 四 is the last table, its values its last row
    const text = importHtml(utf8(`${html.slice(0, values)}</table><table>${html.slice(values)}`)).text;
    assert.ok(text.includes(`\n${report.values.table4.join('\t')}\n`), text.slice(text.indexOf('四、政府信息公开')));
    assert.deepEqual(namedDiagnostics(text), namedDiagnostics(report.text));
    assert.ok(namedDiagnostics(text).some((d) => d.startsWith('row-total-mismatch|') && d.endsWith('|四/G/4')));
  });

  it('a cell with paragraphs and line breaks is one field: a break inside Chinese goes, any other is a space; numbers stay apart', () => {
    assert.deepEqual(lines(page('<table><tr><td><p>（二）部分公开</p><p>（区分处理的，<br>只计这一情形）</p></td><td>1<br>2</td></tr><tr><td>第<br>20条 PDF<br>文件</td><td>１<br>２</td></tr></table>')), [
      '（二）部分公开（区分处理的，只计这一情形）\t1 2',
      '第 20条 PDF 文件\t１ ２',
    ]);
  });

  it('a mistyped label wrapped by <br>: label-typo quotes it as typed, as for the text', () => {
    const report = variantReport({ seed: 9, fullWidth: false, deltas: [], blanks: [] });
    const html = new TextDecoder().decode(htmlPage(report.blocks, 'modern-utf8'));
    assert.ok(html.includes('2.其他法律行政法规禁止公开'));
    const text = importHtml(utf8(html.replace('2.其他法律行政法规禁止公开', '2.其他法<br>律行政止公开'))).text;
    const typed = report.text.replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    assert.deepEqual(namedDiagnostics(text), namedDiagnostics(typed));
    assert.ok(namedDiagnostics(text).some((d) => d.includes('“其他法律行政止公开”与规范名称不符')), namedDiagnostics(text).join('\n'));
  });
});

describe('HTML import: a tree as deep as a browser builds it', () => {
  const table = '<table><tr><td>规章</td><td>1</td></tr><tr><td>行政许可</td><td>2</td></tr></table>';
  it('a table nested 500 elements deep is still read on its grid', () => {
    assert.deepEqual(lines(page(`${'<div>'.repeat(500)}${table}`)), ['规章\t1', '行政许可\t2']);
  });
  it('past 512 elements, as in Chromium, what is nested further stands beside them in order: 5,000 <div> or tables nested 2,000 deep, never a stack overflow', () => {
    assert.deepEqual(lines(page(`${'<div>'.repeat(5000)}${table}`)), ['规章', '1', '行政许可', '2']);
    assert.deepEqual(lines(page(`${'<table><tr><td>'.repeat(2000)}<p>正文</p>`)), ['正文']);
  });
});

describe('HTML import: the article among the layout', () => {
  const report = variantReport({ seed: 5, fullWidth: false, deltas: [], blanks: [] });
  for (const flavour of ['cms-gbk', 'modern-utf8'] as const) {
    it(`${flavour}: navigation, sidebars, related links and the footer are left out`, () => {
      const text = importHtml(htmlPage(report.blocks, flavour)).text;
      for (const junk of ['首页', '政府信息公开指南', '相关文章', '上一年度', '版权所有', '打印本页', '网站地图']) assert.ok(!text.includes(junk), junk);
      assert.ok(text.startsWith('示例县发展和改革局2024年政府信息公开工作年度报告\n发布时间：2025-01-15'), text.slice(0, 80));
      assert.ok(text.trimEnd().endsWith('本年度未收取信息处理费。'));
    });
  }

  it("lines Word wrapped between Chinese characters are joined; between other words a space stays", () => {
    assert.deepEqual(lines(page('<p>中华人民共和国政府\r\n信息公开条例 2024\r\nyear</p>')), ['中华人民共和国政府信息公开条例 2024 year']);
  });

  it('hidden elements, scripts and styles show nothing', () => {
    assert.deepEqual(lines(page('<p>可见<span style="display:none">隐藏</span><span style="mso-hide:all">也隐藏</span></p><script>var x="<p>脚本</p>"</script><div hidden>隐藏块</div>')), ['可见']);
  });

  it('scripts, styles and comments, however written, show nothing and swallow nothing after them', () => {
    const body = '<!-- <table><tr><td>自然人</td><td>商业企业</td></tr></table> --><p>甲</p><!--><p>乙</p><!---><p>丙</p><SCRIPT type="text/javascript">document.write("</p><p>脚本")</SCRIPT ><p>丁</p><style>p { color: red }</style><p>戊</p>';
    assert.deepEqual(lines(page(body)), ['甲', '乙', '丙', '丁', '戊']);
  });

  it('a page of prose without any landmark keeps its text and drops its link lists', () => {
    assert.deepEqual(lines(page('<ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li></ul><p>正文第一段。</p><p>第二段。</p>')), ['正文第一段。', '第二段。']);
  });
});
