// One cell typed in the table view: the edit of the text that writes it, replacing exactly the cell's span (a
// blank's span is where its value goes), given only when the parser reads the edited text as that cell holding
// what was typed and every other cell as before. Anything else (text that would split the cell, be read as a
// label or shift the row) is refused, so an edit from the table view never rearranges a table.
import type { MessageKey } from '../messages/catalog';
import type { Span } from '../model';
import { parseDocument } from '../parse';
import type { CellRef, TableId } from '../template/types';
import { differences, readings, rowKey, sameButCell } from './readings';

export interface TableCell extends CellRef {
  readonly table: TableId;
}

export type CellEdit = { readonly span: Span; readonly newText: string } | { readonly refused: MessageKey };

/** The edit writing `typed` into a cell of the report that `text` holds (the report's own text, offsets into it). */
export function cellEdit(text: string, at: TableCell, typed: string): CellEdit {
  const before = parseDocument(text).reports[0];
  const cell = before?.tables[at.table]?.cell(at);
  if (!cell) return { refused: 'cell-edit.no-cell' };
  const newText = typed.trim();
  if (!newText) return { refused: 'cell-edit.empty' };
  const after = parseDocument(text.slice(0, cell.span.start) + newText + text.slice(cell.span.end)).reports[0];
  const written = after?.tables[at.table]?.cell(at);
  if (!written || written.raw !== newText) return { refused: 'cell-edit.unreadable' };
  const [was, is] = [readings(before), readings(after)];
  const key = rowKey(at.table, at.row);
  const readAsTyped = differences(was, is).every((k) => k === key) && sameButCell(was, is, key, at.col);
  return readAsTyped ? { span: cell.span, newText } : { refused: 'cell-edit.unreadable' };
}
