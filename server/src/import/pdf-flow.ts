// Text outside ruled tables: each line of runs split into cells where a gap wider than a character opens, the
// value columns of a borderless table found from the x positions its numbers share across rows (a row missing
// a number gets an empty field there), label cells that wrap onto the next line joined, and prose lines that
// wrap at the right margin joined into their paragraph.
import { boxOf, joinLines, unionBox, type Box, type Piece } from './pdf-geometry';
import { lineText } from './pdf-grid';

export interface Field {
  readonly text: string;
  /** where the text is; for an empty field, where the value would be */
  readonly box: Box;
}

/** A line of the imported text: one field for prose, one per cell for a table row. */
export interface FlowRow {
  readonly fields: Field[];
  /** a prose line made of several printed lines: each printed line's part of the text */
  readonly parts?: Field[];
}

/** A gap this many times the font size separates two cells. */
const CELL_GAP = 0.9;

const NUMBER = /^[0-9０-９][0-9０-９,，.．]*$/;
const BLANK_MARK = /^[/／\-－—–无]$/;
const isValue = (text: string): boolean => NUMBER.test(text) || BLANK_MARK.test(text);
/** how a heading or a numbered row label starts: 一、 （一） 1. */
const NUMBERED = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]+[.、．])/;

interface Cell {
  readonly text: string;
  readonly box: Box;
}

interface Line {
  readonly cells: Cell[];
  readonly box: Box;
  readonly size: number;
}

function cellsOf(pieces: readonly Piece[]): Cell[] {
  const cells: Cell[] = [];
  let run: Piece[] = [];
  const flush = (): void => {
    if (run.length) cells.push({ text: lineText(run), box: boxOf(run) });
    run = [];
  };
  for (const p of pieces) {
    const last = run[run.length - 1];
    if (last && p.x0 - last.x1 > CELL_GAP * Math.max(p.size, last.size)) flush();
    run.push(p);
  }
  flush();
  return cells;
}

const overlaps = (a: Box, b: Box): boolean => a[0] <= b[2] && b[0] <= a[2];

/**
 * A run of table rows (lines with values, one after another): the value columns are the x ranges their values
 * share, or the cells of the header line just above the run when every value falls under exactly one of them
 * (table 四's single row of fifteen values). A row missing some of the columns gets empty fields there, when
 * the columns are known: another row of the run fills them all, or the header names them.
 */
function fillColumns(run: Line[], header: Line | undefined): void {
  const valueCells = (line: Line): Cell[] => line.cells.filter((c) => isValue(c.text));
  const labelEnd = Math.max(...run.flatMap((l) => l.cells.filter((c) => !isValue(c.text)).map((c) => c.box[2])), -Infinity);
  let columns: Box[] = [];
  for (const cell of run.flatMap(valueCells)) {
    const hit = columns.findIndex((c) => overlaps(c, cell.box));
    if (hit < 0) columns.push(cell.box);
    else columns[hit] = unionBox(columns[hit], cell.box);
  }
  let known = run.some((l) => valueCells(l).length === columns.length);
  const named = header?.cells.filter((h) => h.box[0] > labelEnd).map((h) => h.box) ?? [];
  const underOne = (cols: Box[]): boolean => run.flatMap(valueCells).every((v) => cols.filter((c) => overlaps(c, v.box)).length === 1);
  if (named.length >= columns.length && underOne(named)) {
    columns = named;
    known = true;
  }
  columns.sort((a, b) => a[0] - b[0]);
  if (!known || columns.length < 2 || !underOne(columns)) return;
  for (const line of run) {
    const values = valueCells(line);
    if (values.length === columns.length) continue;
    const labels = line.cells.filter((c) => !isValue(c.text));
    const filled = columns.map((col) => values.find((v) => overlaps(col, v.box)) ?? { text: '', box: [col[0], line.box[1], col[2], line.box[3]] as Box });
    line.cells.splice(0, line.cells.length, ...labels, ...filled);
  }
}

const isTableRow = (line: Line): boolean => line.cells.length >= 2 && line.cells.some((c) => isValue(c.text));

/**
 * A label-only line right under a table row, starting under one of its labels (the row's own, or the member's
 * after a group label such as （三）不予公开): the rest of that label.
 */
function joinWrappedLabels(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const above = out[out.length - 1];
    const rest = line.cells[0];
    const under = (c: Cell): boolean => !isValue(c.text) && rest.box[0] >= c.box[0] - line.size / 2 && rest.box[2] <= c.box[2] + line.size / 2;
    const k = above === undefined ? -1 : above.cells.findIndex(under);
    const continues =
      k >= 0 &&
      isTableRow(above) &&
      line.cells.length === 1 &&
      !isValue(rest.text) &&
      !NUMBERED.test(rest.text) &&
      above.box[1] - line.box[3] < line.size;
    if (continues) {
      const label = above.cells[k];
      above.cells[k] = { text: joinLines(label.text, rest.text), box: unionBox(label.box, rest.box) };
      out[out.length - 1] = { ...above, box: unionBox(above.box, line.box) };
    } else out.push(line);
  }
  return out;
}

/**
 * Prose lines that reach the right margin run on into the next line (not indented further: a first-line indent
 * is on the line above), unless it starts a heading.
 */
function joinParagraphs(lines: Line[]): FlowRow[] {
  const prose = lines.filter((l) => l.cells.length === 1);
  const right = Math.max(...prose.map((l) => l.box[2]));
  const rows: FlowRow[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const row = rows[rows.length - 1];
    const runsOn =
      previous !== undefined &&
      previous.cells.length === 1 &&
      line.cells.length === 1 &&
      previous.box[2] >= right - 2 * previous.size &&
      line.box[0] <= previous.box[0] + line.size / 2 &&
      Math.abs(previous.size - line.size) <= previous.size * 0.1 &&
      previous.box[1] - line.box[3] < previous.size &&
      !NUMBERED.test(line.cells[0].text);
    if (runsOn) {
      const parts = row.parts ?? [row.fields[0]];
      const text = joinLines(row.fields[0].text, line.cells[0].text);
      rows[rows.length - 1] = { fields: [{ text, box: unionBox(row.fields[0].box, line.box) }], parts: [...parts, line.cells[0]] };
    } else rows.push({ fields: line.cells.map((c) => ({ text: c.text, box: c.box })) });
    previous = line;
  }
  return rows;
}

/** The lines (runs grouped by baseline, top first) of one page's text outside tables, as rows. */
export function flowRows(printed: readonly Piece[][]): FlowRow[] {
  const lines = joinWrappedLabels(
    printed.map((pieces) => ({ cells: cellsOf(pieces), box: boxOf(pieces), size: Math.max(...pieces.map((p) => p.size)) })),
  );
  for (let i = 0; i < lines.length; ) {
    if (!lines[i].cells.some((c) => isValue(c.text)) || lines[i].cells.length < 2) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && isTableRow(lines[j + 1])) j++;
    const header = i > 0 && lines[i - 1].cells.length >= 2 ? lines[i - 1] : undefined;
    fillColumns(lines.slice(i, j + 1), header);
    i = j + 1;
  }
  return joinParagraphs(lines);
}
