// The imported text and its origins: one line per row, fields joined by tabs; each line, each cell of a
// table row and each printed line of a joined paragraph maps back to its page and box.
import type { OriginSpan } from './types';
import { roundBox, type Box } from './pdf-geometry';
import type { PageRow } from './pdf-layout';

// a tab or line break inside a cell's text would make a new cell or row
const flat = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

export function writeText(rows: readonly PageRow[]): { text: string; origins: OriginSpan[] } {
  let text = '';
  const origins: OriginSpan[] = [];
  for (const row of rows) {
    const start = text.length;
    const line = row.fields.map((f) => flat(f.text)).join('\t');
    origins.push({ span: { start, end: start + line.length }, origin: { page: row.page, box: roundBox(row.box) } });
    const place = (at: number, length: number, box: Box): void => {
      origins.push({ span: { start: start + at, end: start + at + length }, origin: { page: row.page, box: roundBox(box) } });
    };
    if (row.fields.length > 1) {
      let at = 0;
      for (const field of row.fields) {
        place(at, flat(field.text).length, field.box);
        at += flat(field.text).length + 1;
      }
    } else {
      // a paragraph's printed lines were joined with or without a space: each is found after the one before
      let at = 0;
      for (const part of row.parts ?? []) {
        at = line.indexOf(flat(part.text), at);
        place(at, flat(part.text).length, part.box);
        at += flat(part.text).length;
      }
    }
    text += `${line}\n`;
  }
  return { text, origins };
}
