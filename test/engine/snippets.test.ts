// The snippets: the committed file is what the template builds, and every snippet, expanded with its
// defaults into an empty report, reads as a complete table with no table error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine';
import { buildSkeleton, buildSnippets } from '../../server/src/engine/template/snippets';

const TABLE_CODES = ['missing-table', 'missing-row', 'blank-cell', 'invalid-number', 'row-total-mismatch', 'column-total-mismatch', 'balance-mismatch', 'label-typo'];

/** What VS Code inserts when the user accepts every default. */
function expand(body: readonly string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

const EMPTY_REPORT = (tables: Partial<Record<'二' | '三' | '四', string>>): string =>
  [
    '示例县人民政府2025年政府信息公开工作年度报告',
    '一、总体情况',
    '本年度工作情况。',
    '二、主动公开政府信息情况',
    tables['二'] ?? '',
    '三、收到和处理政府信息公开申请情况',
    tables['三'] ?? '',
    '四、政府信息公开行政复议、行政诉讼情况',
    tables['四'] ?? '',
    '五、存在的主要问题及改进情况',
    '无。',
    '六、其他需要报告的事项',
    '无。',
  ].join('\n');

describe('snippets', () => {
  const snippets = buildSnippets();
  it('snippets/xxgk-report.json is what the official template builds', () => {
    assert.deepEqual(JSON.parse(readFileSync('snippets/xxgk-report.json', 'utf8')), JSON.parse(JSON.stringify(snippets)));
  });
  for (const id of ['二', '三', '四'] as const) {
    it(`Table ${id}, inserted into an empty report, gives no table diagnostic`, () => {
      const snippet = snippets[`表${id}（空白）`];
      const text = EMPTY_REPORT({ [id]: expand(snippet.body) });
      const found = checkText(text).diagnostics.filter((d) => TABLE_CODES.includes(d.code));
      // only the two tables not inserted are missing
      assert.deepEqual(found.map((d) => d.code), ['missing-table', 'missing-table']);
      assert.ok(!found.some((d) => d.message.includes(`表${id}`)), found.map((d) => d.message).join('\n'));
      const tabStops = snippet.body.join('\n').match(/\$\{\d+:0\}/g)!.length;
      const table = checkText(text).parsed.reports[0].tables[id]!;
      const cells = [...table.rows.values()].reduce((n, r) => n + (r.cells?.length ?? 0), 0);
      assert.equal(tabStops, cells, 'every value is a tab stop');
    });
  }
  it('the whole-report skeleton for a year gives no table or date diagnostic, has every section and is signed in the next year', () => {
    for (const year of [2025, 2031]) {
      const text = expand(buildSkeleton(year).body);
      const result = checkText(text);
      const codes = result.diagnostics.map((d) => d.code);
      assert.deepEqual(codes.filter((c) => TABLE_CODES.includes(c) || c === 'missing-section' || c === 'date-mismatch'), []);
      assert.equal(result.parsed.reports[0].sections.length, 6);
      assert.equal(result.reports[0].year, year);
      assert.match(text, new RegExp(`\\n${year + 1}年1月20日\\n?$`));
    }
  });
  it('the static snippets hold the tables only: the skeleton depends on the date and comes from the server', () => {
    assert.deepEqual(Object.keys(buildSnippets()), ['表二（空白）', '表三（空白）', '表四（空白）']);
  });
});
