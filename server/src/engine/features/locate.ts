// What sits at an offset of a parsed report: a table cell or a row label.
import type { Cell, Report, Row, Span, Table } from '../model';

export type Located =
  | { readonly kind: 'cell'; readonly table: Table; readonly row: string; readonly col: number; readonly cell: Cell }
  | { readonly kind: 'label'; readonly table: Table; readonly row: Row };

const holds = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

export function locate(report: Report, offset: number): Located | null {
  for (const table of Object.values(report.tables)) {
    if (!holds(table.span, offset)) continue;
    for (const [key, row] of table.rows) {
      const col = row.cells?.findIndex((c) => holds(c.span, offset)) ?? -1;
      if (col >= 0) return { kind: 'cell', table, row: key, col, cell: row.cells![col] };
      if (row.labelSpan.end > row.labelSpan.start && holds(row.labelSpan, offset)) return { kind: 'label', table, row };
    }
    for (const group of [...table.collapsed, ...table.subtotalRows]) {
      const col = group.cells?.findIndex((c) => holds(c.span, offset)) ?? -1;
      if (col >= 0) return { kind: 'cell', table, row: group.key, col, cell: group.cells![col] };
    }
  }
  return null;
}
