// The blank official tables as text (tab-separated, every value 0): what a `missing-table` fix inserts
// and what the editor's snippets are built from.
import type { TableTemplate } from './types';

const zeros = (n: number): string => new Array<string>(n).fill('0').join('\t');

export function renderBlankTable(table: TableTemplate): string[] {
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
