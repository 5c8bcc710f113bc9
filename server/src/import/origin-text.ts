// A place in a published file, in words, the same wherever it is shown: "第 3 页" (PDF), "表 2 第 5 行第 7 格"
// (a web page, Word), "工作表 表三 H12" (Excel). The CLI writes it beside the line a diagnostic names, the editor
// in the hover of an imported document and in the problems of a published file the workspace check reads.
import type { Locale } from '../engine';
import type { Origin } from './types';

export function originText(locale: Locale, origin: Origin): string {
  if ('page' in origin) return locale === 'zh' ? `第 ${origin.page} 页` : `page ${origin.page}`;
  if ('sheet' in origin) return locale === 'zh' ? `工作表 ${origin.sheet} ${origin.cell}` : `sheet ${origin.sheet}, cell ${origin.cell}`;
  return locale === 'zh' ? `表 ${origin.table} 第 ${origin.row} 行第 ${origin.cell} 格` : `table ${origin.table}, row ${origin.row}, cell ${origin.cell}`;
}

/** The place in brackets, after a message: "…应为 144（第 3 页）". */
export const originSuffix = (locale: Locale, origin: Origin): string => (locale === 'zh' ? `（${originText(locale, origin)}）` : ` (${originText(locale, origin)})`);

/**
 * The place on a line of its own, where no file name is beside it (the hover of an imported document): a page
 * alone does not say it is a PDF's, a table or a sheet does say what it is.
 */
export function sourceLine(locale: Locale, origin: Origin): string {
  const place = `${'page' in origin ? 'PDF ' : ''}${originText(locale, origin)}`;
  return locale === 'zh' ? `来源：${place}` : `Source: ${place}`;
}
