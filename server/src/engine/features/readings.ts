// What a report's tables read as, row by row and cell by cell: to check that a rewrite of the text (aligning the
// tables, one cell typed in the table view) is read back as intended, by the parser itself.
import type { Cell, Report } from '../model';
import type { TableId } from '../template/types';

/** `table:row` → the row's label and cells as read (a row whose cells are not known: how many values it has). */
export type Readings = ReadonlyMap<string, readonly string[]>;

export const rowKey = (table: TableId, row: string): string => `${table}:${row}`;

function cellReading(cell: Cell): string {
  // a blank's span (and so its raw text) may be the spaces of its field: only its marker counts
  if (cell.state === 'blank') return `blank ${cell.marker ?? ''}`;
  return cell.state === 'value' ? `value ${cell.value} ${cell.raw}` : `invalid ${cell.raw}`;
}

export function readings(report: Report): Readings {
  const out = new Map<string, readonly string[]>();
  for (const table of Object.values(report.tables)) {
    for (const row of table.rows.values()) {
      out.set(rowKey(table.id, row.template.key), [row.labelText, ...(row.cells ? row.cells.map(cellReading) : [`unknown ${row.valuesFound}`])]);
    }
    for (const group of [...table.collapsed, ...table.subtotalRows]) out.set(rowKey(table.id, group.key), [group.label, ...(group.cells ?? []).map(cellReading)]);
  }
  return out;
}

const same = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);

/** The rows read differently (or only on one side), in the order of `before` then `after`. */
export function differences(before: Readings, after: Readings): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => !same(before.get(k), after.get(k)));
}

/** Whether the row reads the same on both sides but for cell `col`. */
export function sameButCell(before: Readings, after: Readings, key: string, col: number): boolean {
  const a = before.get(key);
  const b = after.get(key);
  // entry 0 is the label
  return !!a && !!b && a.length === b.length && a.every((x, i) => i === col + 1 || x === b[i]);
}
