// Web pages of a report, as messy as the published ones: a GBK page of an old CMS in nested layout tables, Word's
// "save as web page" (mso styles, list numbering in conditional comments, phantom rows, hard-wrapped source), a
// UTF-8 HTML5 page with navigation around an <article> and unclosed cells, and a bare page without any charset.
import * as iconv from 'iconv-lite';
import type { Block, GridCell, GridTable } from './official';

export type HtmlFlavour = 'cms-gbk' | 'word-export' | 'modern-utf8' | 'bare-utf8' | 'bare-gbk';
export const HTML_FLAVOURS: readonly HtmlFlavour[] = ['cms-gbk', 'word-export', 'modern-utf8', 'bare-utf8', 'bare-gbk'];

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Word wraps its HTML source near 76 columns, also between two Chinese characters. */
function wrapSource(s: string): string {
  let out = '';
  let column = 0;
  for (const ch of s) {
    out += ch;
    column += ch.charCodeAt(0) > 0x7f ? 2 : 1;
    if (column >= 76 && /\p{Script=Han}/u.test(ch)) {
      out += '\r\n';
      column = 0;
    }
  }
  return out;
}

const spans = (c: GridCell, quote = '"'): string =>
  `${c.rowSpan > 1 ? ` rowspan=${quote}${c.rowSpan}${quote}` : ''}${c.colSpan > 1 ? ` colspan=${quote}${c.colSpan}${quote}` : ''}`;

function rowsOf(t: GridTable): GridCell[][] {
  const rows: GridCell[][] = Array.from({ length: t.rowCount }, () => []);
  for (const c of t.cells) rows[c.row].push(c);
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return rows;
}

/** The long label of （二）部分公开 broken in its cell, as the template prints it. */
const broken = (text: string): string => escapeHtml(text).replace('（区分', '<br>（区分');

function cmsTable(t: GridTable): string {
  const cell = (c: GridCell): string =>
    `<td${spans(c)} valign="center" style="border:1px solid #000;padding:0 5.4pt"><p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt;font-family:宋体">${c.text ? broken(c.text) : '&nbsp;'}</span></p></td>`;
  return `<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="600" style="border-collapse:collapse"><tbody>\n${rowsOf(t)
    .map((r) => `<tr style="height:20pt">${r.map(cell).join('')}</tr>`)
    .join('\n')}\n</tbody></table>`;
}

function wordTable(t: GridTable): string {
  const cell = (c: GridCell): string =>
    `<td width=${57 * c.colSpan} valign=top${spans(c, '')} style='width:${42.5 * c.colSpan}pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\r\n  <p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体'>${wrapSource(escapeHtml(c.text))}<span lang=EN-US><o:p></o:p></span></span></p>\r\n  </td>`;
  const phantom = `<![if !supportMisalignedColumns]>\r\n <tr height=0>\r\n${Array.from({ length: t.colCount }, () => "  <td width=57 style='border:none'></td>").join('\r\n')}\r\n </tr>\r\n <![endif]>`;
  return `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>\r\n${rowsOf(t)
    .map((r, i) => ` <tr style='mso-yfti-irow:${i};height:15.6pt'>\r\n  ${r.map(cell).join('\r\n  ')}\r\n </tr>`)
    .join('\r\n')}\r\n ${phantom}\r\n</table>`;
}

function modernTable(t: GridTable): string {
  const header = t.id === '二' ? 0 : 3;
  const rows = rowsOf(t);
  // cells and rows left unclosed, values padded with ideographic spaces, as hand-written CMS templates do
  const tr = (r: GridCell[], tag: string): string => `<tr>${r.map((c) => `<${tag}${spans(c)}>${c.key && c.text ? `\u3000\u3000${c.text}` : c.text ? escapeHtml(c.text) : '&nbsp;'}`).join('')}`;
  return `<table class="table table-bordered">${header ? `<thead>${rows.slice(0, header).map((r) => tr(r, 'th')).join('\n')}</thead>` : ''}\n${rows
    .slice(header)
    .map((r) => tr(r, 'td'))
    .join('\n')}\n</table>`;
}

function article(blocks: readonly Block[], table: (t: GridTable) => string, paragraph: (text: string) => string, heading: (text: string) => string): string {
  return blocks
    .filter((b) => b.kind !== 'title')
    .map((b) => (b.kind === 'table' ? table(b.table) : b.kind === 'heading' ? heading(b.text) : paragraph(b.text)))
    .join('\n');
}

const textOf = (b: Block | undefined): string => (b && b.kind !== 'table' ? b.text : '');
const titleOf = (blocks: readonly Block[]): string => textOf(blocks.find((b) => b.kind === 'title'));
const datedOf = (blocks: readonly Block[]): string => textOf(blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('发布时间')));
const withoutDate = (blocks: readonly Block[]): Block[] => blocks.filter((b) => !(b.kind === 'paragraph' && b.text.startsWith('发布时间')));

function cmsPage(blocks: readonly Block[]): string {
  const title = titleOf(blocks);
  const body = article(withoutDate(blocks), cmsTable, (t) => `<p style="text-indent:2em">${escapeHtml(t)}</p>`, (t) => `<p><strong>${escapeHtml(t)}</strong></p>`);
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" /><title>${escapeHtml(title)}_政府信息公开</title>
<script type="text/javascript">var nav = '<td>首页</td>'; document.write('<table>');</script><style>td { font-size: 12px }</style></head>
<body>
<table width="1000" align="center" class="top"><tr><td><img src="logo.png" alt="政府门户网站"></td><td class="topnav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hd">互动交流</a> | <a href="/bs">办事服务</a></td></tr></table>
<table width="1000" align="center"><tr>
<td width="220" valign="top" class="left"><table><tr><td><a href="/zn">政府信息公开指南</a></td></tr><tr><td><a href="/zd">政府信息公开制度</a></td></tr><tr><td><a href="/nb">政府信息公开年报</a></td></tr><tr><td><a href="/nb/2023">本机关上一年度政府信息公开工作年度报告</a></td></tr></table></td>
<td valign="top">
<table width="100%"><tr><td class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政府信息公开</a> &gt; <a href="/nb">年度报告</a></td></tr></table>
<table width="100%" cellpadding="0">
<tr><td align="center" class="title"><h2>${escapeHtml(title)}</h2></td></tr>
<tr><td align="center" class="info">${escapeHtml(datedOf(blocks))}　　来源：本机关　　浏览次数：<span id="count"></span></td></tr>
<tr><td class="content"><div class="TRS_Editor">
${body}
</div></td></tr>
</table>
<table width="100%"><tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table>
</td></tr></table>
<table width="1000" align="center" class="bottom"><tr><td>版权所有：本机关办公室　主办单位：本机关　网站标识码：1234567890<br>备案号：ICP备12345678号</td></tr></table>
</body></html>`;
}

function wordPage(blocks: readonly Block[]): string {
  const title = titleOf(blocks);
  // Word writes list numbers as text between conditional comments that only Word reads
  const heading = (t: string): string =>
    `<p class=MsoListParagraph style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:黑体;mso-list:Ignore'>${t.slice(0, 2)}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span style='font-family:黑体'>${escapeHtml(t.slice(2))}<span lang=EN-US><o:p></o:p></span></span></p>\r\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>`;
  const paragraph = (t: string): string =>
    `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${wrapSource(escapeHtml(t))}<span lang=EN-US><o:p></o:p></span></span></p>`;
  return `<html xmlns:v="urn:schemas-microsoft-com:vml"\r\nxmlns:o="urn:schemas-microsoft-com:office:office"\r\nxmlns:w="urn:schemas-microsoft-com:office:word"\r\nxmlns="http://www.w3.org/TR/REC-html40">\r\n\r\n<head>\r\n<meta http-equiv=Content-Type content="text/html; charset=gb2312">\r\n<meta name=ProgId content=Word.Document>\r\n<meta name=Generator content="Microsoft Word 15">\r\n<title>${escapeHtml(title)}</title>\r\n<!--[if gte mso 9]><xml>\r\n <o:DocumentProperties>\r\n  <o:Author>admin</o:Author>\r\n </o:DocumentProperties>\r\n</xml><![endif]-->\r\n<style>\r\n<!--\r\n p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt;}\r\n-->\r\n</style>\r\n</head>\r\n\r\n<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>\r\n\r\n<div class=WordSection1 style='layout-grid:15.6pt'>\r\n\r\n<p class=MsoTitle align=center style='text-align:center'><span style='font-size:22.0pt;font-family:方正小标宋简体'>${wrapSource(escapeHtml(title))}<span lang=EN-US><o:p></o:p></span></span></p>\r\n\r\n${paragraph(datedOf(blocks))}\r\n${article(withoutDate(blocks), wordTable, paragraph, heading)}\r\n\r\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\r\n\r\n</div>\r\n\r\n</body>\r\n\r\n</html>\r\n`;
}

function modernPage(blocks: readonly Block[]): string {
  const title = titleOf(blocks);
  const body = article(withoutDate(blocks), modernTable, (t) => `<p>${escapeHtml(t)}</p>`, (t) => `<h3>${escapeHtml(t)}</h3>`);
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hd">互动交流</a></li></ul></nav></header>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/nb">年度报告</a></div>
<main class="container">
<article>
<h1 class="article-title">${escapeHtml(title)}</h1>
<div class="article-meta"><span>${escapeHtml(datedOf(blocks))}</span> <span>来源：本机关</span></div>
<div class="article-content">
${body}
</div>
</article>
<aside class="related"><h4>相关文章</h4><ul><li><a href="/nb/2023">本机关上一年度政府信息公开工作年度报告</a></li><li><a href="/nb/2022">本机关2022年度政府信息公开工作年度报告</a></li></ul></aside>
</main>
<footer><p>版权所有 © 本机关　<a href="/sitemap">网站地图</a>　<a href="/contact">联系我们</a></p></footer>
<script>console.log('<td>');</script>
</body></html>`;
}

function barePage(blocks: readonly Block[]): string {
  return `<html><body>\n${blocks
    .map((b) => (b.kind === 'table' ? cmsTable(b.table) : b.kind === 'title' ? `<h1>${escapeHtml(b.text)}</h1>` : `<p>${escapeHtml(b.text)}</p>`))
    .join('\n')}\n</body></html>`;
}

/** The page's bytes, in the encoding its flavour is published in. */
export function htmlPage(blocks: readonly Block[], flavour: HtmlFlavour): Uint8Array {
  switch (flavour) {
    case 'cms-gbk':
      return new Uint8Array(iconv.encode(cmsPage(blocks), 'gbk'));
    case 'word-export':
      return new Uint8Array(iconv.encode(wordPage(blocks), 'gbk'));
    case 'modern-utf8':
      return new TextEncoder().encode(modernPage(blocks));
    case 'bare-utf8':
      return new TextEncoder().encode(barePage(blocks));
    case 'bare-gbk':
      return new Uint8Array(iconv.encode(barePage(blocks), 'gbk'));
  }
}
