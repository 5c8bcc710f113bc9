// label-typo: a row or header label that differs from the official one.
import type { Check } from './context';

const NUMBERING = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])\s*/;

export const checkLabels: Check = (ctx) => {
  for (const table of Object.values(ctx.report.tables)) {
    for (const row of table.rowsWithTypos()) {
      if (!row.typoSpan) continue;
      const official = row.template.label.replace(NUMBERING, '');
      const written = ctx.text.slice(row.typoSpan.start, row.typoSpan.end);
      ctx.emit('label-typo', row.typoSpan, ctx.msg('label-typo', { written, official }), {
        title: ctx.msg('fix.replace-label', { official }),
        edits: [{ span: row.typoSpan, newText: official }],
        preferred: true,
      });
    }
    for (const typo of table.headerTypos) {
      ctx.emit('label-typo', typo.span, ctx.msg('label-typo', { written: typo.written, official: typo.official }), {
        title: ctx.msg('fix.replace-label', { official: typo.official }),
        edits: [{ span: typo.span, newText: typo.official }],
        preferred: true,
      });
    }
  }
};
