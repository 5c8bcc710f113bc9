// Format Document: every table row written on one line becomes `label<TAB>value<TAB>value…`, with the
// label and every value kept exactly as written (full-width digits included); blank cells stay empty fields.
import type { TextEdit } from '../diagnostic';
import type { Report } from '../model';

const SPACE = /^[ \t\u3000]*$/;

export function formatEdits(text: string, report: Report): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const table of Object.values(report.tables)) {
    for (const row of table.rows.values()) {
      const cells = row.cells;
      if (!cells || !cells.length || row.layout !== 'tabs' && row.layout !== 'inline') continue;
      const from = row.labelSpan.end > row.labelSpan.start ? row.labelSpan.end : cells[0].span.start;
      const last = cells[cells.length - 1].span.end;
      let lineEnd = last;
      while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t' || text[lineEnd] === '\u3000')) lineEnd++;
      if (lineEnd < text.length && !/[\r\n]/.test(text[lineEnd])) continue;
      // only whitespace between the cells: anything else (pipes, a rest of the label) is left alone
      let at = from;
      const gapsAreSpace = cells.every((c) => {
        const ok = c.span.start >= at && SPACE.test(text.slice(at, c.span.start));
        at = Math.max(at, c.span.end);
        return ok;
      });
      if (!gapsAreSpace) continue;
      const current = text.slice(from, lineEnd);
      const lead = row.labelSpan.end > row.labelSpan.start ? '\t' : '';
      const wanted = lead + cells.map((c) => text.slice(c.span.start, c.span.end)).join('\t');
      if (current !== wanted) edits.push({ span: { start: from, end: lineEnd }, newText: wanted });
    }
  }
  return edits;
}
