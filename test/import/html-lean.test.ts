// The lean page parse5 reads: the same tree as the whole page, but for the attributes and elements nothing reads
// (scripts, styles, comments, Word's empty paragraph marks).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type DefaultTreeAdapterTypes as P, parse } from 'parse5';
import { NAVIGATION_NAMES } from '../../server/src/import/html-article';
import { HIDDEN_STYLE, PLACEHOLDER_STYLE } from '../../server/src/import/html-flow';
import { leanHtml } from '../../server/src/import/html-lean';
import { HTML_FLAVOURS, htmlPage } from '../support/html-pages';
import { decodeHtml } from '../../server/src/import/decode';
import { variantReport } from '../support/import-check';

const READ = new Set(['hidden', 'colspan', 'rowspan', 'type', 'encoding', 'color', 'face', 'size']);
const isRead = (a: { name: string; value: string }): boolean =>
  READ.has(a.name) ||
  (a.name === 'style' && (HIDDEN_STYLE.test(a.value) || PLACEHOLDER_STYLE.test(a.value))) ||
  ((a.name === 'class' || a.name === 'id') && NAVIGATION_NAMES.test(a.value));
const UNSHOWN = new Set(['script', 'style', 'noscript', '#comment', 'head']);

const isEmptyWordMark = (node: P.ChildNode): boolean => node.nodeName === 'o:p' && (node as P.Element).childNodes.length === 0;

/** The tree as the reader sees it: the attributes it reads, no comments, scripts or styles, text runs joined. */
function shape(node: P.ParentNode): string {
  let out = '';
  let text = '';
  const flush = (): void => {
    if (text.trim()) out += JSON.stringify(text.replace(/\s+/g, ' '));
    text = '';
  };
  const children = node.nodeName === 'template' ? (node as P.Template).content.childNodes : node.childNodes;
  for (const child of children) {
    if (child.nodeName === '#text') text += (child as P.TextNode).value;
    else if (UNSHOWN.has(child.nodeName) || child.nodeName === '#documentType' || isEmptyWordMark(child)) continue;
    else {
      flush();
      const el = child as P.Element;
      const attrs = el.attrs.filter(isRead).map((a) => `${a.name}=${JSON.stringify(a.value)}`);
      out += `<${el.tagName}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${shape(el)}</>`;
    }
  }
  flush();
  return out;
}

/** Pieces that take the tokenizer into each of its corners: quoting, comments of every form, raw text, unfinished tags. */
const piece = fc.oneof(
  fc.constantFrom(
    '<td style="width:1pt;border:solid">', "<td style='display:none'>", '<td style="mso-cell-special:placeholder">', '<span style="a" style="display:none">',
    '<p class=MsoNormal style=\'text-indent:2em\'>', '<div class="nav-bar" id=x>', '<div id="main-menu">', '<ul class=&#110;av>', '<TD COLSPAN=2 STYLE="x">', '<td colspan = "3" rowspan=0>', '<td a=b\'c>', '<td a\'b style=x>',
    '<td a="x"style="display:none">', '<td =x>', '<br/>', '<svg/><p>', '<a href="x>y" title=\'<td>\'>', '<td a=>', '<td style="display&#58;none">',
    '<!-- <td style="x"> -->', '<!-->', '<!--->', '<!-- a --!> b', '<![if !supportMisalignedColumns]>', '<![endif]>', '<?xml x>', '</ td>', '</>',
    '</td a=">">', '<title><td style="x"></title>', '<textarea></textarea x><b style=y>z</textarea>', '<script>if(a<b)"</td>"</script>', '<style>p{}</style >',
    '<noscript><b>x</b></noscript>', '<xmp><i style=1></xmp>', '<table><tr><td>1<td style="w">2</table>', '<input type=hidden style=x>', '< td>', '<3', 'a\r\nb',
    '<font color=red style=x>', '<o:p></o:p>', '<o:p>&nbsp;</o:p>', '<O:P></O:P>', '<table><o:p></o:p><tr><td>1</table>', '<math><annotation-xml encoding="text/html" style=z><p>q</p></annotation-xml></math>', '<template><td style="x">t</template>',
  ),
  fc.stringMatching(/^[a-z <>=/"'!-]{0,8}$/),
);
const arbPage = fc.array(piece, { maxLength: 25 }).map((pieces) => pieces.join(''));

describe('HTML import: the lean page', () => {
  it('parses to the tree of the whole page, less what nothing reads', () => {
    fc.assert(
      fc.property(arbPage, fc.constantFrom('', '<plaintext><td style=x>', '<td style="x', '<!-- open', '<td a'), (body, end) => {
        const html = `<html><body>${body}${end}`;
        assert.equal(shape(parse(leanHtml(html))), shape(parse(html)));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the tree of every flavour the tests write, and halves Word\'s export', () => {
    const report = variantReport({ seed: 7, fullWidth: false, deltas: [], blanks: [] }).blocks;
    for (const flavour of HTML_FLAVOURS) {
      const html = decodeHtml(htmlPage(report, flavour)).text;
      const lean = leanHtml(html);
      assert.equal(shape(parse(lean)), shape(parse(html)), flavour);
      if (flavour === 'word-export') {
        assert.ok(lean.length < html.length / 2, `${flavour}: ${lean.length} of ${html.length}`);
        assert.ok(html.includes('<o:p></o:p>') && !lean.includes('<o:p></o:p>'), 'Word\'s empty paragraph marks go');
      }
    }
  });

  it('drops Word\'s paragraph mark only where the formatting elements it would reopen are open already', () => {
    // a <p> closed by the <div> closes the <b> in it; the mark's start tag reopens the <b>, and the table goes inside it
    const reopening = '<html><body><p><b>z<div class="nav-bar"><o:p></o:p><table><tr><td>1</table>';
    assert.equal(leanHtml(reopening), reopening);
    assert.equal(shape(parse(leanHtml(reopening))), shape(parse(reopening)));
    assert.equal(leanHtml('<p><span lang=EN-US><o:p></o:p></span></p>'), '<p><span></span></p>');
    assert.equal(leanHtml('<p>文字<o:p></o:p></p>'), '<p>文字</p>');
  });

  it('keeps a page that has nothing to drop as it is', () => {
    const html = '<p class="menu">一、总体情况</p><table><tr><td colspan=2>1</td></tr></table>';
    assert.equal(leanHtml(html), html);
  });
});
