// The parts of a workbook besides its sheets' cells: the sheet list, the shared strings, the number formats
// that make a number a date.
import { readXml } from './xml';

/** Element names without their prefix: SpreadsheetML is written with and without one (`x:c`, `c`). */
export const local = (name: string): string => name.slice(name.indexOf(':') + 1);

export interface SheetEntry {
  readonly name: string;
  readonly relationship: string;
  readonly hidden: boolean;
}

export interface Workbook {
  readonly sheets: readonly SheetEntry[];
  /** dates count from 1904 (workbooks from old Mac Excel) */
  readonly date1904: boolean;
}

export function readWorkbook(bytes: Uint8Array, part: string): Workbook {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  readXml(bytes, part, {
    open(name, a) {
      const element = local(name);
      if (element === 'sheet') {
        const id = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        sheets.push({ name: a.name ?? '', relationship: id, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      } else if (element === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    close() {},
    text() {},
  });
  return { sheets, date1904 };
}

/** The shared strings: each item's text, its rich-text runs joined, phonetic guides (rPh) left out. */
export function readSharedStrings(bytes: Uint8Array | null, part: string): string[] {
  const strings: string[] = [];
  if (!bytes) return strings;
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  readXml(bytes, part, {
    open(name) {
      const element = local(name);
      if (element === 'si') current = '';
      else if (element === 'rPh') inPhonetic = true;
      else if (element === 't') inText = !inPhonetic;
    },
    close(name) {
      const element = local(name);
      if (element === 'si') {
        strings.push(current ?? '');
        current = null;
      } else if (element === 'rPh') inPhonetic = false;
      else if (element === 't') inText = false;
    },
    text(t) {
      if (inText && current !== null) current += t;
    },
  });
  return strings;
}

/** Built-in number formats that show a date (ECMA-376 18.8.30, with the East Asian ones). */
const DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/** For each cell style (the `s` of a cell), whether its number format shows a date. */
export function readDateStyles(bytes: Uint8Array | null, part: string): boolean[] {
  const dates: boolean[] = [];
  if (!bytes) return dates;
  const custom = new Map<number, string>();
  let inCellFormats = false;
  readXml(bytes, part, {
    open(name, a) {
      const element = local(name);
      if (element === 'numFmt') custom.set(+a.numFmtId, a.formatCode ?? '');
      else if (element === 'cellXfs') inCellFormats = true;
      else if (element === 'xf' && inCellFormats) {
        const id = +(a.numFmtId ?? 0);
        dates.push(DATE_FORMATS.has(id) || isDateCode(custom.get(id)));
      }
    },
    close(name) {
      if (local(name) === 'cellXfs') inCellFormats = false;
    },
    text() {},
  });
  return dates;
}

/** A custom format code that shows a date: y, m, d outside quoted text, escapes and [colour] brackets. */
function isDateCode(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[yd]|m(?![^;]*[hs])/i.test(bare) && !/^[#0.,%\s;-]*$/.test(bare) && !/general/i.test(bare);
}
