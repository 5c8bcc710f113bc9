// HTML left in a text report (a crawled page's text pasted into a .txt): references and tags read as the blanks
// they show on the page, with every offset as written, so that a diagnostic, a fix, a hover and a formatting edit
// land where they would in the text without them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, cellEdit, checkText, explainAt, fixAll, formatDocument, parseDocument } from '../../server/src/engine';
import { IncrementalDocument } from '../../server/src/engine/incremental';
import { maskMarkup } from '../../server/src/engine/text/markup';
import { consistentValues, FLOWS, LAYOUTS, renderReport, seededRandom } from '../support/generate';
import { codes, diagnose, readExample } from '../support/helpers';

const CLEAN = readExample('examples/clean-2024.txt');
/** `CLEAN` with `line` (a line of it, whole) written as `as` */
const withLine = (line: string, as: string): string => {
  const whole = `\n${CLEAN}`;
  assert.ok(whole.includes(`\n${line}\n`), line);
  return whole.replace(`\n${line}\n`, `\n${as}\n`).slice(1);
};
const TITLE = CLEAN.slice(0, CLEAN.indexOf('\n'));
const TOTAL = '（七）总计\t99\t15\t5\t13\t2\t6\t140';

describe('the mask', () => {
  it('replaces each reference and tag by as many spaces, and nothing else', () => {
    const cases: [string, string][] = [
      ['规章&nbsp;0&nbsp;5', '规章      0      5'],
      ['&emsp;&emsp;标题', '            标题'],
      ['危及&ldquo;三安全&rdquo;', '危及       三安全       '],
      ['0<br>', '0    '],
      ['0<br/>\t1<BR />', '0     \t1      '],
      ['<p class="x" style="font-family:宋体">正文</p>', `${' '.repeat(36)}正文    `],
      ['<o:p></o:p>', ' '.repeat(11)],
      ['&#160;&#x3000;&#X3000;&#12288;&amp;&lt;&gt;&quot;', ' '.repeat(49)],
    ];
    for (const [written, read] of cases) {
      assert.equal(read.length, written.length, written);
      assert.equal(maskMarkup(written), read, written);
    }
  });
  it('leaves what is no markup as written: R&D, A&B公司, a<5, unknown or unended references, a reference to a letter, a tag over a line break', () => {
    for (const text of ['R&D', 'A&B公司', 'a<5', 'a < b > c', '&unknown;', '&nbsp 0', '&#25253;', '&#49;', '&#x110000;', '<br\n>', '<>', '< br>', '<5件>', '《条例》']) {
      assert.equal(maskMarkup(text), text, text);
    }
  });
  it('gives back the very string when it holds no markup', () => {
    const plain = `${CLEAN}R&D a<5`;
    assert.equal(maskMarkup(CLEAN), CLEAN);
    assert.equal(maskMarkup(plain), plain);
    assert.equal(parseDocument(CLEAN).text, CLEAN);
  });
});

describe('a clean report with HTML leftovers is clean', () => {
  assert.deepEqual(codes(checkText(CLEAN).diagnostics), []);
  const tabsTo = (line: string, separator: string): [string, string] => [line, line.split('\t').join(separator)];
  const shapes: Record<string, [string, string][]> = {
    // before: every row unreadable (28 errors)
    '&nbsp; as the cell separator': [tabsTo('规章\t0\t0\t5', '&nbsp;'), tabsTo('信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '&nbsp;'), tabsTo(TOTAL, '&nbsp;')],
    // before: the title not found (date-mismatch)
    '&emsp;&emsp; before the title': [[TITLE, `&emsp;&emsp;${TITLE}`]],
    // before: label-typo “uo;三安全一稳定”
    '&ldquo; &rdquo; in a label': [['3.危及“三安全一稳定”\t0\t0\t0\t3\t0\t0\t3', '3.危及&ldquo;三安全一稳定&rdquo;\t0\t0\t0\t3\t0\t0\t3']],
    // before: label-typo
    '<br> inside a label': [['（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0', '（二）部分公开<br>（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0']],
    // before: invalid-number “0<br>”
    '<br> after a cell’s digits': [['1.属于国家秘密\t0\t0\t0\t3\t0\t0\t3', '1.属于国家秘密\t0<br>\t0\t0\t3\t0\t0\t3']],
    'numeric references and a span around a cell': [['1.属于国家秘密\t0\t0\t0\t3\t0\t0\t3', '1.属于国家秘密&#160;<span style="color:red">0</span>&#x3000;0\t0\t3\t0\t0\t3']],
  };
  for (const [name, lines] of Object.entries(shapes)) {
    it(name, () => {
      for (const [line, as] of lines) {
        const text = withLine(line, as);
        assert.deepEqual(codes(checkText(text).diagnostics), [], as);
        assert.deepEqual(fixAll(text).edits, [], as);
      }
    });
  }
  it('the reports read alike: title, agency and year behind &emsp;', () => {
    const [report] = parseDocument(withLine(TITLE, `&emsp;&emsp;${TITLE}`)).reports;
    const [clean] = parseDocument(CLEAN).reports;
    assert.deepEqual([report.title, report.agency, report.year], [clean.title, clean.agency, clean.year]);
  });
});

describe('generated reports in every layout and flow, HTML left in everywhere', () => {
  it('read as without it: &nbsp; for every tab, &emsp; before every line, <br> after every number ending a line or a cell', () => {
    let seed = 3;
    for (const layout of LAYOUTS) {
      for (const flow of FLOWS) {
        const text = renderReport({ agency: '示例县人民政府', year: 2024, values: consistentValues(seededRandom(seed++)), layout, flow });
        const written = text.replace(/\t/g, '&nbsp;').replace(/\n(?=\S)/g, '\n&emsp;').replace(/[0-9](?=[\t\n])/g, (d) => `${d}<br>`);
        assert.notEqual(written, text);
        assert.deepEqual(codes(checkText(written).diagnostics), [], `${layout} ${flow}`);
      }
    }
  });
});

describe('a real error behind markup', () => {
  const wrong = `${TOTAL.slice(0, -3)}141`;
  const plain = withLine(TOTAL, wrong);
  const written = withLine(TOTAL, wrong.split('\t').join('&nbsp;'));
  const seen = (text: string) => diagnose(text).map((d) => [d.code, d.line, d.text, d.message]);
  it('is found at its cell, as without the markup', () => {
    assert.deepEqual(seen(written), seen(plain));
    assert.ok(diagnose(written).some((d) => d.code === 'row-total-mismatch' && d.text === '141' && d.span.start === written.lastIndexOf('141')));
  });
  it('fix-all writes that cell only, the markup around it as written, and the text is clean', () => {
    const { text, edits } = fixAll(written);
    const at = written.lastIndexOf('141');
    assert.deepEqual(edits, [{ span: { start: at, end: at + 3 }, newText: '140' }]);
    assert.equal(text, `${written.slice(0, at)}140${written.slice(at + 3)}`);
    assert.deepEqual(codes(checkText(text).diagnostics), []);
  });
  it('a label typo in a label holding &ldquo;: the canonical label written over it, clean afterwards', () => {
    const typo = withLine('3.危及“三安全一稳定”\t0\t0\t0\t3\t0\t0\t3', '3.危及&ldquo;三安全一稳订&rdquo;\t0\t0\t0\t3\t0\t0\t3');
    const [found] = diagnose(typo);
    assert.equal(found.code, 'label-typo');
    assert.equal(found.text, '危及&ldquo;三安全一稳订');
    const { text } = fixAll(typo);
    assert.deepEqual(codes(checkText(text).diagnostics), []);
    // &rdquo; is the closing quote, outside the typo's span: not written a second time (it was: …一稳定”&rdquo;)
    assert.equal(text, typo.replace('危及&ldquo;三安全一稳订', '危及“三安全一稳定'));
  });
  it('a typo just inside a closing mark written as a reference (&#8221;, &#65289;): the mark is not doubled', () => {
    for (const [official, written, fixed] of [
      ['3.危及“三安全一稳定”', '3.危及“三安全一稳订&#8221;', '3.危及“三安全一稳定&#8221;'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开（区分处理的，只计这一情形，不计其他情行&#65289;', '（二）部分公开（区分处理的，只计这一情形，不计其他情形&#65289;'],
    ]) {
      const line = CLEAN.split('\n').find((l) => l.startsWith(official))!;
      const typo = withLine(line, line.replace(official, written));
      assert.equal(fixAll(typo).text, typo.replace(written, fixed), written);
      assert.deepEqual(codes(checkText(fixAll(typo).text).diagnostics), [], written);
    }
  });
});

describe('the editor’s features on a report with markup', () => {
  const text = withLine('规章\t0\t0\t5', '规章&nbsp;0&nbsp;1&nbsp;5');
  const [report] = parseDocument(text).reports;
  const cellAt = text.indexOf('规章&nbsp;0&nbsp;') + '规章&nbsp;0&nbsp;'.length;
  it('a hover next to &nbsp; names its own cell', () => {
    assert.equal(text[cellAt], '1');
    assert.deepEqual(explainAt(report, cellAt, 'zh')?.span, { start: cellAt, end: cellAt + 1 });
    assert.match(explainAt(report, cellAt, 'zh')!.lines[0], /规章.*本年废止件数/);
  });
  it('a cell typed in the table view replaces that cell only', () => {
    const row = [...report.tables['二']!.rows.keys()][0];
    assert.deepEqual(cellEdit(text, { table: '二', row, col: 1 }, '3'), { span: { start: cellAt, end: cellAt + 1 }, newText: '3' });
  });
  it('formatting lays the rows out as read: the &nbsp; between cells becomes the aligned blanks, every cell read as before', () => {
    const markup = withLine('1.属于国家秘密\t0\t0\t0\t3\t0\t0\t3', '1.属于国家秘密\t0<br>\t0\t0\t3\t0\t0\t3');
    for (const written of [text, markup]) {
      const { edits, unreadable } = formatDocument(written, 4);
      assert.equal(unreadable, null);
      const formatted = applyEdits(written, edits).text;
      assert.ok(!/&nbsp;\d|<br>/.test(formatted), formatted);
      assert.deepEqual(checkText(formatted).diagnostics.map((d) => d.code), checkText(written).diagnostics.map((d) => d.code));
      assert.deepEqual(formatDocument(formatted, 4).edits, []);
    }
  });
});

describe('markup typed in the editor', () => {
  const assertSameAsFresh = (doc: IncrementalDocument, step: string): void => {
    const fresh = checkText(doc.text).diagnostics.map((d) => JSON.stringify(d));
    assert.deepEqual(
      doc.diagnostics().map((d) => JSON.stringify(d)),
      fresh,
      step,
    );
  };
  it('&nbsp; typed one character at a time between two cells of a tab table, then its ; deleted: each keystroke as a fresh parse reads it', () => {
    const doc = new IncrementalDocument(CLEAN);
    const at = CLEAN.indexOf('\n规章\t0\t0\t5') + '\n规章\t0'.length;
    // the tab between the first two cells, replaced by what is typed
    doc.update(at, at + 1, '');
    assertSameAsFresh(doc, 'tab deleted');
    const typed = '&nbsp;';
    for (let k = 0; k < typed.length; k++) {
      doc.update(at + k, at + k, typed[k]);
      assertSameAsFresh(doc, `typed ${typed.slice(0, k + 1)}`);
    }
    assert.deepEqual(codes(doc.diagnostics()), []);
    doc.update(at + typed.length - 1, at + typed.length, '');
    assertSameAsFresh(doc, '; deleted');
    assert.notDeepEqual(codes(doc.diagnostics()), []);
    doc.update(at + typed.length - 1, at + typed.length - 1, ';');
    assert.deepEqual(codes(doc.diagnostics()), []);
  });
  it('a digit deleted between a heading’s numeral and its mark behind &emsp;: the heading it makes starts the next report', () => {
    const report = renderReport({ agency: '示例县人民政府', year: 2024, values: consistentValues(seededRandom(5)), layout: 'tabs' });
    // the same title again starts a report only where the sections start again (一)
    const text = `${report}\n${report.replace('\n一、总体情况', '\n&emsp;一7.总体情况')}`;
    const doc = new IncrementalDocument(text);
    assert.equal(doc.snapshot().length, 1);
    const at = text.indexOf('一7.') + 1;
    doc.update(at, at + 1, '');
    assertSameAsFresh(doc, 'the digit deleted');
    assert.equal(doc.snapshot().length, 2);
  });
});
