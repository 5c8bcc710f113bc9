// missing-table and missing-row: a table section without a recognisable table, a template row absent
// from a table, and the older single （六）其他处理 row reported once.
import type { Table } from '../model';
import { renderBlankTable } from '../template/render';
import { SECTIONS } from '../template/sections';
import type { RowTemplate } from '../template/types';
import { lineStartAt } from '../text/lines';
import { tableName } from './context';
import { defineCheck, type CheckContext } from './define';

function insertRowText(ctx: CheckContext, table: Table, row: RowTemplate): string {
  const zeros = row.columns.map(() => '0');
  return table.tabbed ? `${row.label}\t${zeros.join('\t')}${ctx.eol}` : [row.label, ...zeros].join(ctx.eol) + ctx.eol;
}

/** The offset just past the line break at `offset` (the break actually there, whatever the document's is). */
function pastLineBreak(text: string, offset: number): number {
  let at = offset;
  if (text[at] === '\r') at++;
  if (text[at] === '\n') at++;
  return at;
}

const NO_MEMBERS: ReadonlySet<string> = new Set();

function checkRows(ctx: CheckContext, table: Table): void {
  const collapsedMembers = table.collapsed.length ? new Set(table.collapsed.flatMap((g) => g.members)) : NO_MEMBERS;
  const name = tableName(ctx, table.id);
  const rows = table.template.rows;
  rows.forEach((row, index) => {
    if (table.grid.has(index) || collapsedMembers.has(row.key)) return;
    const next = rows.slice(index + 1).map((r) => table.rows.get(r.key)).find((r) => r !== undefined);
    const previous = rows.slice(0, index).reverse().map((r) => table.rows.get(r.key)).find((r) => r !== undefined);
    // not before the report, which may start mid-line (a crawled page run on into the one before)
    const at = next ? lineStartAt(ctx.text, next.labelSpan.start, ctx.report.span.start) : previous ? pastLineBreak(ctx.text, previous.valueZone.end) : table.span.end;
    const span = (next ?? previous)!.labelSpan;
    const params = { table: name, row: row.name };
    const insertAt = Math.min(at, ctx.text.length);
    const newText = !next && insertAt === ctx.text.length ? ctx.eol + insertRowText(ctx, table, row) : insertRowText(ctx, table, row);
    ctx.emit('missing-row', span, ctx.msg('missing-row', params), {
      title: ctx.msg('fix.insert-row', params),
      edits: [{ span: { start: insertAt, end: insertAt }, newText }],
      preferred: false,
    });
  });
  for (const group of table.collapsed) {
    const members = group.members.map((m) => rows.find((r) => r.key === m)!.label);
    ctx.emit(
      'missing-row',
      group.labelSpan,
      ctx.msg('collapsed-group', { table: name, row: group.label, count: members.length, members: members.join('；') }),
    );
  }
}

const checkStructure = (ctx: CheckContext): void => {
  const { report } = ctx;
  for (const section of report.sections) {
    const template = SECTIONS[section.number - 1];
    if (!template.table || report.sections.find((s) => s.number === section.number) !== section) continue;
    const table = report.tables[template.table];
    if (table) {
      checkRows(ctx, table);
      continue;
    }
    const params = { numeral: template.numeral, table: tableName(ctx, template.table) };
    const blank = renderBlankTable(report.template.tables[template.table]).join(ctx.eol);
    ctx.emit('missing-table', section.headingSpan, ctx.msg('missing-table', params), {
      title: ctx.msg('fix.insert-table', params),
      edits: [{ span: { start: section.headingSpan.end, end: section.headingSpan.end }, newText: ctx.eol + blank }],
      preferred: false,
    });
  }
};

export const structureCheck = defineCheck({
  about: { zh: '二、三、四部分的表格及其各行', en: 'the tables of 二, 三, 四 and their rows' },
  codes: {
    'missing-table': { severity: 'error', fix: 'pick', name: { zh: '缺少表格', en: 'Missing table' } },
    'missing-row': { severity: 'error', fix: 'pick', name: { zh: '表格缺行', en: 'Missing row' } },
  },
  messages: {
    'missing-table': {
      zh: (p) => `第${p.numeral}部分没有可识别的表格：${p.table}`,
      en: (p) => `Section ${p.numeral} has no recognisable table: ${p.table}`,
    },
    'fix.insert-table': {
      zh: (p) => `插入空白表格：${p.table}`,
      en: (p) => `Insert the blank table: ${p.table}`,
    },
    'missing-row': {
      zh: (p) => `${p.table}缺少“${p.row}”行`,
      en: (p) => `${p.table} has no row “${p.row}”`,
    },
    'collapsed-group': {
      zh: (p) =>
      `${p.table}“${p.row}”只填了一行；现行格式将其分为 ${p.count} 行（${p.members}），本行按这些行之和参与核算`,
      en: (p) =>
      `${p.table} gives “${p.row}” as one row; the current template divides it into ${p.count} rows (${p.members}); it is counted as their sum`,
    },
    'fix.insert-row': {
      zh: (p) => `插入“${p.row}”行（全部填 0）`,
      en: (p) => `Insert the row “${p.row}” (all 0)`,
    },
  },
  run: checkStructure,
});
