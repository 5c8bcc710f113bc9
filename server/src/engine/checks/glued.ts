// flattened-cells and ambiguous-cells: rows whose digits came glued together (`15130000154`). A split the rules
// allow alone is taken and said (info), with a single fix that rewrites the row with tabs (it changes the
// layout only, so it is never applied in bulk); where several splits satisfy every rule the row is left out
// of every rule and the candidates are listed; where none does, a rule is broken whatever the split.
import type { GluedRow, Table } from '../model';
import { rowName, tableName, type Check, type CheckContext } from './context';

/** glued text shown in a message beyond this is cut short */
const MAX_SHOWN = 40;

/** The cells as a message shows them: spaces between cells, a bar between table 四's groups. */
function cellsText(cells: readonly string[], row: GluedRow): string {
  return cells.map((c, k) => (k > 0 ? (row.groupEnds.includes(k - 1) ? ' | ' : ' ') : '') + c).join('');
}

/** Whether more text follows on the line after `offset`: the rewritten row then ends its line. */
function textFollows(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return false;
    if (c.trim()) return true;
  }
  return false;
}

function checkRow(ctx: CheckContext, table: Table, row: GluedRow): void {
  let start = row.span.start;
  while (start < row.span.end && !ctx.text[start].trim()) start++;
  const span = { start, end: row.span.end };
  const written = ctx.text.slice(span.start, span.end);
  const params = {
    table: tableName(ctx, table.id),
    row: rowName(table, row.row) || table.template.title,
    raw: written.length > MAX_SHOWN ? `${written.slice(0, MAX_SHOWN)}…` : written,
  };
  if (row.cells) {
    const cells = cellsText(row.cells, row);
    ctx.emit('flattened-cells', span, ctx.msg('flattened-cells', { ...params, cells, byColumns: row.byColumns ? 1 : 0 }), {
      title: ctx.msg('fix.split-cells', { cells }),
      edits: [{ span: row.span, newText: `\t${row.cells.join('\t')}${textFollows(ctx.text, row.span.end) ? ctx.eol : ''}` }],
      preferred: false,
    });
  } else if (row.contradicts) {
    ctx.emit('row-total-mismatch', span, ctx.msg('glued-contradicts', params));
  } else {
    const candidates = row.candidates.map((c) => cellsText(c, row)).join('；');
    ctx.emit('ambiguous-cells', span, ctx.msg('ambiguous-cells', { ...params, candidates }));
  }
}

export const checkGluedCells: Check = (ctx) => {
  for (const table of Object.values(ctx.report.tables)) for (const row of table.glued) checkRow(ctx, table, row);
};
