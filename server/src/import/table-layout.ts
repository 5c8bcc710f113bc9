// A table's cells placed on its grid (HTML rowspan/colspan, Word gridSpan/vMerge, Excel merged ranges), read
// back as the rows of the canonical text. A merged cell's text stands once, in the row where it starts; the
// rows below it that it also covers leave it out at their start (the label column of （三）不予公开's members)
// and keep an empty field for it between cells of their own, so the cells after it stay in their columns.
// Cells are numbered as a reviewer counts them along a row: every cell the row crosses, merged ones included.

export interface PlacedCell<T> {
  /** 0-based row and grid column of the cell's top-left corner */
  readonly row: number;
  readonly col: number;
  rowSpan: number;
  colSpan: number;
  readonly text: string;
  /** Word's placeholder cells in exported HTML: they hold grid columns, not text, and nobody counts them */
  readonly void?: boolean;
  /** what the reader wants back with each field (its place in the source, for an xlsx cell) */
  readonly source: T;
}

export interface LaidField<T> {
  readonly text: string;
  /** 1-based, as a reviewer counts the cells this row crosses */
  readonly cell: number;
  readonly source: T;
}

/** Each row's fields, in grid order; `rowCount` rows, some possibly without any field. */
export function layoutRows<T>(rowCount: number, cells: readonly PlacedCell<T>[]): LaidField<T>[][] {
  const crossing: PlacedCell<T>[][] = Array.from({ length: rowCount }, () => []);
  for (const cell of cells) {
    const last = Math.min(rowCount, cell.row + Math.max(1, cell.rowSpan));
    for (let r = cell.row; r < last; r++) crossing[r].push(cell);
  }
  return crossing.map((row, r) => {
    row.sort((a, b) => a.col - b.col);
    const counted = row.filter((c) => !c.void);
    const own = (c: PlacedCell<T>): boolean => c.row === r;
    const first = counted.findIndex(own);
    let last = -1;
    counted.forEach((c, i) => own(c) && (last = i));
    const fields: LaidField<T>[] = [];
    for (let i = Math.max(first, 0); i <= last; i++) {
      const c = counted[i];
      fields.push({ text: own(c) ? c.text : '', cell: i + 1, source: c.source });
    }
    return fields;
  });
}

/** A run of consecutive rows with text (a merged cell joins the rows it spans), and the columns its text fills. */
export interface RowBlock {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The block of rows each row with text belongs to. */
export function rowBlocks<T>(cells: readonly PlacedCell<T>[]): (row: number) => RowBlock | undefined {
  const filled = new Set<number>();
  for (const c of cells) if (c.text) for (let r = c.row; r < c.row + c.rowSpan; r++) filled.add(r);
  const blockOf = new Map<number, { top: number; bottom: number; left: number; right: number }>();
  let block: { top: number; bottom: number; left: number; right: number } | undefined;
  for (const r of [...filled].sort((a, b) => a - b)) {
    if (!block || r !== block.bottom + 1) block = { top: r, bottom: r, left: Infinity, right: -1 };
    block.bottom = r;
    blockOf.set(r, block);
  }
  for (const c of cells) {
    if (!c.text) continue;
    const b = blockOf.get(c.row)!;
    b.left = Math.min(b.left, c.col);
    b.right = Math.max(b.right, c.col + c.colSpan - 1);
  }
  return (row) => blockOf.get(row);
}
