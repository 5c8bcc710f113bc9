// What a report's tables read as, cell by cell: to check that a rewrite of the text (aligning the tables, one
// cell typed in the table view) is read back as intended, by the parser itself.
import type { Cell, Report } from '../model';
import type { TableId } from '../template/types';

/** `table:row:col` (and `table:row:label`) → what is read there; a row whose cells are not known reads as one entry. */
export type Readings = ReadonlyMap<string, string>;

export const cellKey = (table: TableId, row: string, col: number | 'label'): string => `${table}:${row}:${col}`;

function cellReading(cell: Cell): string {
  // a blank's span (and so its raw text) may be the spaces of its field: only its marker counts
  if (cell.state === 'blank') return `blank ${cell.marker ?? ''}`;
  return cell.state === 'value' ? `value ${cell.value} ${cell.raw}` : `invalid ${cell.raw}`;
}

export function readings(report: Report): Readings {
  const out = new Map<string, string>();
  for (const table of Object.values(report.tables)) {
    const rows = [
      ...[...table.rows.values()].map((r) => ({ key: r.template.key, label: r.labelText, cells: r.cells, found: r.valuesFound })),
      ...table.collapsed.map((g) => ({ key: g.key, label: g.label, cells: g.cells, found: g.cells?.length ?? 0 })),
    ];
    for (const row of rows) {
      out.set(cellKey(table.id, row.key, 'label'), row.label);
      if (!row.cells) out.set(cellKey(table.id, row.key, 0), `unknown ${row.found}`);
      else row.cells.forEach((cell, col) => out.set(cellKey(table.id, row.key, col), cellReading(cell)));
    }
  }
  return out;
}

/** The keys read differently (or only on one side), in the order of `before` then `after`. */
export function differences(before: Readings, after: Readings): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k));
}
