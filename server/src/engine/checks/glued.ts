// flattened-cells and ambiguous-cells: rows whose digits came glued together (`15130000154`). A split the rules
// allow alone is taken and said (info), with a single fix that rewrites the row with tabs (it changes the
// layout only, so it is never applied in bulk); where several splits satisfy every rule the row is left out
// of every rule and the candidates are listed; where none does, a rule is broken whatever the split (the
// arithmetic check says so).
import type { GluedRow, Span, Table } from '../model';
import { isSpace } from '../text/chars';
import { rowName, tableName } from './context';
import { defineCheck, type CheckContext } from './define';

/** glued text shown in a message beyond this is cut short */
const MAX_SHOWN = 40;

/** The cells as a message shows them: spaces between cells, a bar between table 四's groups. */
function cellsText(cells: readonly string[], row: GluedRow): string {
  let text = cells[0] ?? '';
  for (let k = 1; k < cells.length; k++) text += (row.groupEnds.includes(k - 1) ? ' | ' : ' ') + cells[k];
  return text;
}

/** Whether more text follows on the line after `offset`: the rewritten row then ends its line. */
function textFollows(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    if (!isSpace(c)) return true;
  }
  return false;
}

/** Where a glued row's digits are: from its first digit to its last. */
export function gluedRowSpan(ctx: CheckContext, row: GluedRow): Span {
  let start = row.span.start;
  while (start < row.span.end && isSpace(ctx.text.charCodeAt(start))) start++;
  return { start, end: row.span.end };
}

/** What a message says of a glued row: its table, its row and its (shortened) text. */
export function gluedRowParams(ctx: CheckContext, table: Table, row: GluedRow): { table: string; row: string; raw: string } {
  const { start, end } = gluedRowSpan(ctx, row);
  const written = ctx.text.slice(start, end);
  return {
    table: tableName(ctx, table.id),
    row: rowName(table, row.row) || table.template.title,
    raw: written.length > MAX_SHOWN ? `${written.slice(0, MAX_SHOWN)}…` : written,
  };
}

function checkRow(ctx: CheckContext, table: Table, row: GluedRow): void {
  if (row.cells) {
    // a scraped page has a split row in every line of its tables: the message and the fix are made when read
    const split = row.cells;
    ctx.emit(
      'flattened-cells',
      gluedRowSpan(ctx, row),
      () => ctx.msg('flattened-cells', { ...gluedRowParams(ctx, table, row), cells: cellsText(split, row), byColumns: row.byColumns ? 1 : 0 }),
      () => ({
        title: ctx.msg('fix.split-cells', { cells: cellsText(split, row) }),
        edits: [{ span: row.span, newText: `\t${split.join('\t')}${textFollows(ctx.text, row.span.end) ? ctx.eol : ''}` }],
        preferred: false,
      }),
    );
  } else if (!row.contradicts) {
    const candidates = row.candidates.map((c) => cellsText(c, row)).join('；');
    ctx.emit('ambiguous-cells', gluedRowSpan(ctx, row), ctx.msg('ambiguous-cells', { ...gluedRowParams(ctx, table, row), candidates }));
  }
}

function checkGluedCells(ctx: CheckContext): void {
  for (const table of Object.values(ctx.report.tables)) for (const row of table.glued) checkRow(ctx, table, row);
}

export const gluedCellsCheck = defineCheck({
  about: { zh: '连在一起的数字（15130000154）按表格规则拆分；多种拆分都成立时列出候选、本行不参与核算', en: 'digits glued together (15130000154), split by the table’s rules; where several splits hold, the candidates, and the row left out of every rule' },
  codes: {
    'flattened-cells': { severity: 'info', fix: 'pick', name: { zh: '单元格粘连（已拆分）', en: 'Glued cells (split)' } },
    'ambiguous-cells': { severity: 'warning', fix: 'none', name: { zh: '单元格粘连（无法确定）', en: 'Glued cells (ambiguous)' } },
  },
  messages: {
    'flattened-cells': {
      zh: (p) =>
      `${p.table}“${p.row}”行的数字连在一起（${p.raw}），已按表格规则拆分为：${p.cells}${p.byColumns ? '（本行有几种拆分，只有这一种符合各列的勾稽关系）' : ''}`,
      en: (p) =>
      `${p.table}, row “${p.row}”: the digits run together (${p.raw}); split by the table’s rules into ${p.cells}${p.byColumns ? ' (of the row’s possible splits, the only one the column rules allow)' : ''}`,
    },
    'fix.split-cells': {
      zh: (p) => `改写本行，每格之间用制表符分隔（${p.cells}）`,
      en: (p) => `Rewrite the row with a tab between cells (${p.cells})`,
    },
    'ambiguous-cells': {
      zh: (p) =>
      p.candidates
        ? `${p.table}“${p.row}”行的数字连在一起（${p.raw}），有多种拆分都符合规则：${p.candidates}；无法确定各格的值，本行不参与核算`
        : `${p.table}“${p.row}”行的数字连在一起（${p.raw}），可能的拆分太多，无法确定各格的值；本行不参与核算`,
      en: (p) =>
      p.candidates
        ? `${p.table}, row “${p.row}”: the digits run together (${p.raw}) and several splits satisfy every rule: ${p.candidates}; the row’s cells are unknown and it is left out of every rule`
        : `${p.table}, row “${p.row}”: the digits run together (${p.raw}) and can be split in too many ways; the row’s cells are unknown and it is left out of every rule`,
    },
  },
  run: checkGluedCells,
});
