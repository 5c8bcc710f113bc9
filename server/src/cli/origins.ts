// A place in a published file, in words, beside the line of the imported text a diagnostic names: "第 3 页"
// (PDF), "表 2 第 5 行第 7 格" (a web page, Word), "工作表 表三 H12" (Excel).
import type { Locale, Span } from '../engine';
import { originAt, type Origin } from '../import';
import type { Source } from './files';

export function originText(locale: Locale, origin: Origin): string {
  if ('page' in origin) return locale === 'zh' ? `第 ${origin.page} 页` : `page ${origin.page}`;
  if ('sheet' in origin) return locale === 'zh' ? `工作表 ${origin.sheet} ${origin.cell}` : `sheet ${origin.sheet}, cell ${origin.cell}`;
  return locale === 'zh' ? `表 ${origin.table} 第 ${origin.row} 行第 ${origin.cell} 格` : `table ${origin.table}, row ${origin.row}, cell ${origin.cell}`;
}

/** Where in the original a span of the imported text came from, if the importer said. */
export const originOf = (source: Source | undefined, span: Span): Origin | null => (source ? originAt(source, span) : null);
