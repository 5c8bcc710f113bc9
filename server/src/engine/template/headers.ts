// The official column headers of each table as paths from the top header row down to the column, so a
// renderer can draw the merged headers of the printed form (申请人情况 → 法人或其他组织 → 商业企业 …).
import type { TableTemplate } from './types';

const TABLE3_GROUPS: Record<string, readonly string[]> = {
  自然人: ['申请人情况', '自然人'],
  总计: ['申请人情况', '总计'],
};

/** One path per value column of the table's rows (table 二 has its own header per block). */
export function columnPaths(table: TableTemplate): string[][] {
  const columns = table.rows[0].columns.map((c) => c.label);
  if (table.id === '三') return columns.map((label) => [...(TABLE3_GROUPS[label] ?? ['申请人情况', '法人或其他组织', label])]);
  return columns.map((label) => label.split('·'));
}

export interface HeaderCell {
  readonly label: string;
  readonly colspan: number;
  readonly rowspan: number;
}

/** The header rows: adjacent columns sharing a path prefix are merged; a short path reaches down to the last row. */
export function headerRows(paths: readonly (readonly string[])[]): HeaderCell[][] {
  const depth = Math.max(...paths.map((p) => p.length));
  const rows: HeaderCell[][] = [];
  for (let level = 0; level < depth; level++) {
    const row: HeaderCell[] = [];
    for (let col = 0; col < paths.length; ) {
      const path = paths[col];
      if (path.length <= level) {
        col++;
        continue;
      }
      const prefix = path.slice(0, level + 1).join('·');
      let span = 1;
      while (col + span < paths.length && paths[col + span].length > level && paths[col + span].slice(0, level + 1).join('·') === prefix) span++;
      const leaf = path.length === level + 1;
      row.push({ label: path[level], colspan: span, rowspan: leaf ? depth - level : 1 });
      col += span;
    }
    rows.push(row);
  }
  return rows;
}
