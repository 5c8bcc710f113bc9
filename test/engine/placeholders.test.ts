// placeholder-text: template filler left in the text is reported where it stands; ordinary brackets, 〇 in dates and
// Latin words are not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine';
import { buildSkeleton } from '../../server/src/engine/template/snippets';
import { consistentValues, renderReport, seededRandom } from '../support/generate';

const base = renderReport({ agency: '示例县发展和改革局', year: 2024, values: consistentValues(seededRandom(11)), layout: 'tabs' });
const placeholders = (text: string) => checkText(text).diagnostics.filter((d) => d.code === 'placeholder-text').map((d) => text.slice(d.span.start, d.span.end));
const withProse = (prose: string): string => base.replace('五、存在的主要问题及改进情况\n', `五、存在的主要问题及改进情况\n${prose}\n`);

describe('placeholder-text', () => {
  it('reports （请填写）, 此处填写, XX, ××, ○○ and an instruction in 【】 where they stand', () => {
    assert.deepEqual(placeholders(withProse('（请填写）')), ['（请填写）']);
    assert.deepEqual(placeholders(withProse('请在此处填写存在的问题。')), ['请在此处填写']);
    assert.deepEqual(placeholders(withProse('XX县ＸＸ局、××科和○○办。')), ['XX', 'ＸＸ', '××', '○○']);
    assert.deepEqual(placeholders(withProse('【填写单位名称】负责。')), ['【填写单位名称】']);
    const d = checkText(withProse('（请填写）')).diagnostics.find((x) => x.code === 'placeholder-text')!;
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, '“（请填写）”是模板中的占位文字，请替换为实际内容');
  });
  it('near misses: 〇 in a written date, a 【】 heading, Latin words, a lone x', () => {
    assert.deepEqual(placeholders(withProse('二〇二五年一月，【政策解读】栏目上线，提供 XLSX 与 PDF 下载，第x项。')), []);
    assert.deepEqual(placeholders(base), []);
  });
  it('the skeleton inserted and left as it is: its agency and its three （请填写） are reported', () => {
    const text = buildSkeleton(2025).body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
    assert.deepEqual(placeholders(text), ['XX', '（请填写）', '（请填写）', '（请填写）', 'XX']);
  });
});
