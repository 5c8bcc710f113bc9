// Hover on a number: the rules in words, and never two contradictory "should be" figures without saying so.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../server/src/engine';
import { explainAt } from '../../server/src/engine/features/explain';
import { consistentValues, renderReport, seededRandom, TABLE3_KEYS } from '../support/generate';
import { readExample } from '../support/helpers';

const hoverAt = (text: string, offset: number): string => {
  const report = parseDocument(text).reports[0];
  return explainAt(report, offset, 'zh')!.lines.join('\n');
};

describe('hover on a total', () => {
  it('while item 三 is empty, the balance says it cannot be judged and gives no figure; the row rule gives its sum', () => {
    const values = consistentValues(seededRandom(7));
    for (const key of TABLE3_KEYS) values.table3[key] = [0, 0, 0, 0, 0, 0, 0];
    values.table3.R1 = [6, 1, 0, 0, 1, 0, 9];
    const text = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'tabs' });
    const total = parseDocument(text).reports[0].tables['三']!.rows.get('R1')!.cells![6];
    const hover = hoverAt(text, total.span.start);
    assert.match(hover, /按此规则本格应为 8/);
    assert.match(hover, /尚未填写，暂不能判断/);
    assert.doesNotMatch(hover, /应为 0/);
    assert.doesNotMatch(hover, /不一致/);
  });

  it('where two rules give different figures, says so and names the cells in question', () => {
    const text = readExample('examples/arithmetic-errors-2024.txt');
    const total = parseDocument(text).reports[0].tables['三']!.rows.get('R1')!.cells![6];
    const hover = hoverAt(text, total.span.start);
    assert.match(hover, /按此规则本格应为 144/);
    assert.match(hover, /本身也有疑问/);
    assert.match(hover, /各条规则给出的值不一致（144、147）/);
  });

  it('where every rule agrees, says what the cell should be', () => {
    const values = consistentValues(seededRandom(3));
    values.table3.R3[6] += 2;
    const text = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout: 'tabs' });
    const total = parseDocument(text).reports[0].tables['三']!.rows.get('R3')!.cells![6];
    assert.match(hoverAt(text, total.span.start), new RegExp(`各条规则一致：\\*\\*本格应为 ${values.table3.R3[6] - 2}`));
  });
});
