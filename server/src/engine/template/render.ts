// The blank official tables as text (tab-separated, every value 0): what a `missing-table` fix inserts
// and what the editor's snippets are built from.
import type { TableTemplate } from './types';

/**
 * The table's lines. `value` writes each value cell (numbered across the table from 0); by default a 0.
 * Snippets pass a tab stop pre-filled with 0.
 */
export function renderBlankTable(table: TableTemplate, value: (index: number) => string = () => '0'): string[] {
  let cell = 0;
  const zeros = (n: number): string => Array.from({ length: n }, () => value(cell++)).join('\t');
  if (table.blocks) {
    const byKey = new Map(table.rows.map((r) => [r.key, r]));
    return table.blocks.flatMap((block) => {
      const rows = block.rows.map((key) => byKey.get(key)!);
      return [
        block.label,
        ['信息内容', ...rows[0].columns.map((c) => c.label)].join('\t'),
        ...rows.map((r) => `${r.label}\t${zeros(r.columns.length)}`),
      ];
    });
  }
  if (table.unlabelled) return [...table.headerLines, zeros(table.rows[0].columns.length)];
  const groupOfFirstMember = new Map(table.groups.map((g) => [g.members[0], g.label]));
  return [
    ...table.headerLines,
    ...table.rows.map((r) => `${groupOfFirstMember.get(r.key) ?? ''}\t${r.label}\t${zeros(r.columns.length)}`),
  ];
}
