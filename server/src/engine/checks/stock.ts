// stock-mismatch (across files): table 二's 现行有效件数 against last year's 现行有效件数 plus this year's
// 本年制发件数 minus 本年废止件数, for each row that has the three columns (规章, 行政规范性文件: only the 2021
// template has them, so a year on the 2019 trial template is never compared). Info, not an error: a document
// also lapses by other means (it expires, a superior body repeals it, a clean-up recounts the stock), so a
// difference is a question for the reviewer, not a mistake.
import type { Report, Table } from '../model';
import { formatNumber, rowName } from './context';
import { defineCheck, type CheckContext } from './define';

const ISSUED = '本年制发件数';
const REPEALED = '本年废止件数';
const IN_FORCE = '现行有效件数';

/** The rows of table 二 that count documents in force, with the positions of the three columns. */
function stockRows(table: Table): { row: string; issued: number; repealed: number; inForce: number }[] {
  return table.template.rows.flatMap((row) => {
    const labels = row.columns.map((c) => c.label);
    const [issued, repealed, inForce] = [ISSUED, REPEALED, IN_FORCE].map((label) => labels.indexOf(label));
    return issued < 0 || repealed < 0 || inForce < 0 ? [] : [{ row: row.key, issued, repealed, inForce }];
  });
}

function checkStock(ctx: CheckContext, lastYear: Report): void {
  const current = ctx.report.tables['二'];
  const previous = lastYear.tables['二'];
  if (!current || !previous) return;
  const lastInForce = new Map(stockRows(previous).map((r) => [r.row, r.inForce]));
  for (const { row, issued, repealed, inForce } of stockRows(current)) {
    const lastCol = lastInForce.get(row);
    if (lastCol === undefined) continue;
    const before = previous.known({ row, col: lastCol });
    const added = current.known({ row, col: issued });
    const removed = current.known({ row, col: repealed });
    const actual = current.known({ row, col: inForce });
    if (before === null || added === null || removed === null || actual === null) continue;
    const expected = before + added - removed;
    if (actual === expected) continue;
    ctx.emit(
      'stock-mismatch',
      current.cell({ row, col: inForce })!.span,
      ctx.msg('stock-mismatch', {
        row: rowName(current, row),
        actual: formatNumber(actual),
        before: formatNumber(before),
        added: formatNumber(added),
        removed: formatNumber(removed),
        expected: formatNumber(expected),
        lastYear: lastYear.year ?? '',
      }),
    );
  }
}

export const stockCheck = defineCheck({
  about: {
    zh: '表二“现行有效件数”与上年报告的现行有效件数加本年制发、减本年废止（工作区或同一文件夹中有上年报告时）',
    en: 'table 二’s 现行有效件数 against last year’s, plus 本年制发件数, minus 本年废止件数 (when last year’s report is in the workspace or folder)',
  },
  codes: {
    'stock-mismatch': { severity: 'info', fix: 'none', name: { zh: '现行有效件数与上年不符', en: 'Stock mismatch' } },
  },
  messages: {
    'stock-mismatch': {
      zh: (p) =>
        `表二“${p.row}”现行有效件数为 ${p.actual}，而上年报告（${p.lastYear} 年）现行有效 ${p.before} 件，加本年制发 ${p.added} 件、减本年废止 ${p.removed} 件，应为 ${p.expected} 件（如有文件因失效等其他原因不再有效，可不理会）`,
      en: (p) =>
        `Table 二 “${p.row}”: 现行有效件数 is ${p.actual}, but last year’s report (${p.lastYear}) had ${p.before} in force; plus ${p.added} issued and minus ${p.removed} repealed this year, that makes ${p.expected} (documents that lapsed by other means explain a difference)`,
    },
  },
  againstLastYear: checkStock,
});
