// A report as the official template lays it out on paper: the prose of renderReport, and its three tables as
// grids of merged cells (table 三's label column spanning 22 rows, table 四's two-level header, ...). The HTML,
// Word and Excel writers of the import tests all draw from this one description, so the same report reaches
// every format; each value cell knows which template cell it is.
import { SECTIONS } from '../../server/src/engine/template/sections';
import { TEMPLATES } from '../../server/src/engine/template/tables';
import type { TableId } from '../../server/src/engine/template/types';
import { renderReport, type ReportSpec, type ReportValues } from './generate';

export interface CellKey {
  readonly table: TableId;
  readonly row: string;
  readonly col: number;
}

export interface GridCell {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
  /** the template cell a value cell holds */
  readonly key?: CellKey;
}

export interface GridTable {
  readonly id: TableId;
  readonly rowCount: number;
  readonly colCount: number;
  readonly cells: readonly GridCell[];
}

export type Block = { readonly kind: 'title' | 'heading' | 'paragraph'; readonly text: string } | { readonly kind: 'table'; readonly table: GridTable };

export const keyName = (k: CellKey): string => `${k.table}/${k.row}/${k.col}`;

const T = TEMPLATES['2021'].tables;

/** How a value is written; a cell the test leaves blank gets ''. */
export type ValueText = (key: CellKey, value: number) => string;
export const plainValue: ValueText = (_key, value) => String(value);

function table2(values: ReportValues, text: ValueText): GridTable {
  const cells: GridCell[] = [];
  let row = 0;
  const put = (col: number, colSpan: number, value: string, key?: CellKey): void => {
    cells.push({ row, col, rowSpan: 1, colSpan, text: value, ...(key && { key }) });
  };
  for (const block of T['二'].blocks!) {
    put(0, 4, block.label);
    row++;
    const rows = block.rows.map((k) => T['二'].rows.find((r) => r.key === k)!);
    const wide = rows[0].columns.length === 1;
    put(0, 1, '信息内容');
    rows[0].columns.forEach((c, i) => put(1 + i, wide ? 3 : 1, c.label));
    row++;
    for (const r of rows) {
      put(0, 1, r.label);
      values.table2[r.key].forEach((v, i) => put(1 + i, wide ? 3 : 1, text({ table: '二', row: r.key, col: i }, v), { table: '二', row: r.key, col: i }));
      row++;
    }
  }
  return { id: '二', rowCount: row, colCount: 4, cells };
}

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function table3(values: ReportValues, text: ValueText): GridTable {
  const cells: GridCell[] = [];
  const put = (row: number, col: number, rowSpan: number, colSpan: number, value: string, key?: CellKey): void => {
    cells.push({ row, col, rowSpan, colSpan, text: value, ...(key && { key }) });
  };
  put(0, 0, 3, 3, NOTE);
  put(0, 3, 1, 7, '申请人情况');
  put(1, 3, 2, 1, '自然人');
  put(1, 4, 1, 5, '法人或其他组织');
  put(1, 9, 2, 1, '总计');
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].forEach((l, i) => put(2, 4 + i, 1, 1, l));
  const rows = T['三'].rows;
  const groups = T['三'].groups.filter((g) => g.key !== 'G-results');
  const results = T['三'].groups.find((g) => g.key === 'G-results')!;
  rows.forEach((r, i) => {
    const row = 3 + i;
    if (r.key === 'R1' || r.key === 'R2' || r.key === 'R25') put(row, 0, 1, 3, r.label);
    else {
      if (r.key === 'R3') put(row, 0, 22, 1, results.label);
      const group = groups.find((g) => g.members.includes(r.key));
      if (!group) put(row, 1, 1, 2, r.label);
      else {
        if (group.members[0] === r.key) put(row, 1, group.members.length, 1, group.label);
        put(row, 2, 1, 1, r.label);
      }
    }
    values.table3[r.key].forEach((v, c) => put(row, 3 + c, 1, 1, text({ table: '三', row: r.key, col: c }, v), { table: '三', row: r.key, col: c }));
  });
  return { id: '三', rowCount: 3 + rows.length, colCount: 10, cells };
}

function table4(values: ReportValues, text: ValueText): GridTable {
  const cells: GridCell[] = [];
  const put = (row: number, col: number, rowSpan: number, colSpan: number, value: string, key?: CellKey): void => {
    cells.push({ row, col, rowSpan, colSpan, text: value, ...(key && { key }) });
  };
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  put(0, 0, 1, 5, '行政复议');
  put(0, 5, 1, 10, '行政诉讼');
  results.forEach((l, i) => put(1, i, 2, 1, l));
  put(1, 5, 1, 5, '未经复议直接起诉');
  put(1, 10, 1, 5, '复议后起诉');
  [...results, ...results].forEach((l, i) => put(2, 5 + i, 1, 1, l));
  values.table4.forEach((v, c) => put(3, c, 1, 1, text({ table: '四', row: 'G', col: c }, v), { table: '四', row: 'G', col: c }));
  return { id: '四', rowCount: 4, colCount: 15, cells };
}

/**
 * The report renderReport writes, as blocks: its prose lines (title, headings, paragraphs) and, in place of
 * each table's text, the official grid.
 */
export function officialReport(spec: Omit<ReportSpec, 'layout'>, text: ValueText = plainValue): Block[] {
  const lines = renderReport({ ...spec, layout: 'tabs' }).split('\n');
  const tables: Record<string, GridTable> = { '二': table2(spec.values, text), '三': table3(spec.values, text), '四': table4(spec.values, text) };
  const blocks: Block[] = [];
  let skipping = false;
  lines.forEach((line, i) => {
    if (!line) return;
    const heading = SECTIONS.some((s) => line === `${s.numeral}、${s.heading}`);
    if (heading) {
      skipping = false;
      blocks.push({ kind: 'heading', text: line });
      const id = line[0];
      if (id in tables) {
        blocks.push({ kind: 'table', table: tables[id] });
        skipping = true;
      }
      return;
    }
    if (skipping) return;
    blocks.push({ kind: i === 0 ? 'title' : 'paragraph', text: line });
  });
  return blocks;
}

/** A value cell's number as a reviewer counts cells along its row: every cell the row crosses, merged ones too. */
export function reviewerCell(table: GridTable, cell: GridCell): number {
  return table.cells.filter((c) => c.row <= cell.row && cell.row < c.row + c.rowSpan && c.col < cell.col).length + 1;
}
