// A small OOXML writer for the import tests: Word documents and Excel workbooks zipped with fflate, written the
// way Word, WPS and Excel write them (run properties on every run, merged cells as vMerge continuations and
// mergeCells, shared strings, numbering in numbering.xml), so the readers meet real files, not mocks.
import { strToU8, zipSync } from 'fflate';
import { keyName, type Block, type CellKey, type GridCell, type GridTable } from './official';

export const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function zipParts(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data])));
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function relationships(rels: readonly { id: string; type: string; target: string }[]): string {
  return `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;
}

function contentTypes(overrides: Record<string, string>, defaults: Record<string, string> = {}): string {
  const d = { rels: 'application/vnd.openxmlformats-package.relationships+xml', xml: 'application/xml', ...defaults };
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${Object.entries(d)
    .map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`)
    .join('')}${Object.entries(overrides)
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
    .join('')}</Types>`;
}

// ---------------------------------------------------------------------------------------------- Word

export interface DocxOptions {
  /** how the section headings get their 一、: written in the text, numbering on the paragraph, or through 标题 1 */
  headings?: 'text' | 'numbered' | 'styled';
  /** table 三's member labels (1.属于国家秘密 …) numbered by Word, restarting in each group */
  numberedLabels?: boolean;
  /** every value written as a tracked change over an older value (which is deleted) */
  tracked?: boolean;
  /** the title and the value cells of table 四 inside content controls */
  contentControls?: boolean;
  /** the title in a floating text box: as Word writes it (DrawingML, VML fallback) or as a VML shape only */
  titleInTextBox?: 'alternate' | 'vml';
  /** paragraphs to add after the body, raw WordprocessingML (unit tests) */
  extraBody?: string;
  /** extra parts and relationships of document.xml (altChunk tests) */
  extraParts?: Record<string, string | Uint8Array>;
  extraRelationships?: readonly { id: string; type: string; target: string }[];
}

const RUN_PROPERTIES = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>';
export const run = (text: string): string => `<w:r>${RUN_PROPERTIES}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;
const VML_BOX = (paragraphs: string): string => `<w:pict><v:shape id="_x0000_s1026" type="#_x0000_t202" style="position:absolute;width:400pt;height:40pt"><v:textbox><w:txbxContent>${paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict>`;
/** A floating text box holding the paragraphs, the content of a run: Word's mc:AlternateContent, or WPS's VML shape. */
export const textBox = (paragraphs: string, kind: 'alternate' | 'vml'): string =>
  kind === 'vml'
    ? VML_BOX(paragraphs)
    : `<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5080000" cy="508000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>${paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>${VML_BOX(paragraphs)}</mc:Fallback></mc:AlternateContent>`;
export const paragraph = (content: string, properties = ''): string => `<w:p><w:pPr>${properties}<w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLine="640"/></w:pPr>${content}</w:p>`;

const HEADINGS = 1;
const LABELS = 2;

function numberingXml(groups: number): string {
  const level = (ilvl: number, format: string, text: string, suffix = 'nothing'): string =>
    `<w:lvl w:ilvl="${ilvl}" w:tplc="04090013"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:suff w:val="${suffix}"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl>`;
  const abstract = (id: number, levels: string, style = ''): string => `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${levels}${style}</w:abstractNum>`;
  const nums = [`<w:num w:numId="${HEADINGS}"><w:abstractNumId w:val="0"/></w:num>`];
  // each group of table 三 restarts the same list at 1, as Word's "restart numbering" writes it
  for (let g = 0; g < groups; g++) nums.push(`<w:num w:numId="${LABELS + g}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`);
  return `${XML}<w:numbering ${W}>${abstract(0, level(0, 'chineseCounting', '%1、') + level(1, 'chineseCounting', '（%2）') + level(2, 'decimal', '%3.'))}${abstract(1, level(0, 'decimal', '%1.'))}${nums.join('')}</w:numbering>`;
}

const STYLES = `${XML}<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="${HEADINGS}"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="10"><w:name w:val="toc 1"/><w:basedOn w:val="a"/></w:style><w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/></w:style></w:styles>`;

function docxTable(t: GridTable, options: DocxOptions, labelGroup: (cell: GridCell) => number | null): string {
  const byStart = new Map(t.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const rows: string[] = [];
  for (let r = 0; r < t.rowCount; r++) {
    const cells: string[] = [];
    for (let col = 0; col < t.colCount; ) {
      const own = byStart.get(`${r}:${col}`);
      const above = own ? null : t.cells.find((c) => c.col === col && c.row < r && r < c.row + c.rowSpan);
      const cell = own ?? above;
      if (!cell) {
        col++;
        continue;
      }
      const span = cell.colSpan > 1 ? `<w:gridSpan w:val="${cell.colSpan}"/>` : '';
      const merge = above ? '<w:vMerge/>' : cell.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : '';
      const properties = `<w:tcPr><w:tcW w:w="${700 * cell.colSpan}" w:type="dxa"/>${span}${merge}<w:vAlign w:val="center"/></w:tcPr>`;
      cells.push(`<w:tc>${properties}${above ? '<w:p/>' : cellParagraph(cell, t, options, labelGroup(cell))}</w:tc>`);
      col += cell.colSpan;
    }
    rows.push(`<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>${cells.join('')}</w:tr>`);
  }
  const grid = `<w:tblGrid>${Array.from({ length: t.colCount }, () => '<w:gridCol w:w="700"/>').join('')}</w:tblGrid>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr>${grid}${rows.join('')}</w:tbl>`;
}

function cellParagraph(cell: GridCell, t: GridTable, options: DocxOptions, group: number | null): string {
  const center = '<w:jc w:val="center"/>';
  if (cell.key && options.tracked && cell.text) {
    const old = `<w:del w:id="${cell.row * 100 + cell.col}" w:author="审核人" w:date="2025-01-10T00:00:00Z"><w:r>${RUN_PROPERTIES}<w:delText>9${cell.text}</w:delText></w:r></w:del>`;
    const now = `<w:ins w:id="${cell.row * 100 + cell.col + 50}" w:author="审核人" w:date="2025-01-10T00:00:00Z">${run(cell.text)}</w:ins>`;
    return `<w:p><w:pPr>${center}</w:pPr>${old}${now}</w:p>`;
  }
  if (cell.key && options.contentControls && t.id === '四') {
    return `<w:sdt><w:sdtPr><w:alias w:val="数值"/><w:id w:val="${cell.col + 1}"/><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent><w:p><w:pPr>${center}</w:pPr>${run(cell.text)}</w:p></w:sdtContent></w:sdt>`;
  }
  if (group !== null && /^\d\./.test(cell.text)) {
    return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${LABELS + group}"/></w:numPr></w:pPr>${run(cell.text.replace(/^\d\./, ''))}</w:p>`;
  }
  // a long label over two paragraphs of its cell, as the template prints （二）部分公开
  return cell.text
    .replace('（区分', '\n（区分')
    .split('\n')
    .map((part) => `<w:p><w:pPr>${center}</w:pPr>${part ? run(part) : ''}</w:p>`)
    .join('');
}

export function docxFile(blocks: readonly Block[], options: DocxOptions = {}): Uint8Array {
  const table3 = blocks.find((b) => b.kind === 'table' && b.table.id === '三');
  const groupStarts = table3 && table3.kind === 'table' ? table3.table.cells.filter((c) => c.col === 1 && c.rowSpan > 1).sort((a, b) => a.row - b.row) : [];
  const labelGroup = (cell: GridCell): number | null => {
    if (!options.numberedLabels || cell.col !== 2) return null;
    const g = groupStarts.findIndex((s) => s.row <= cell.row && cell.row < s.row + s.rowSpan);
    return g < 0 ? null : g;
  };
  const body = blocks.map((b) => {
    switch (b.kind) {
      case 'table':
        return docxTable(b.table, options, b.table.id === '三' ? labelGroup : () => null);
      case 'title':
        if (options.titleInTextBox) return `<w:p><w:r>${textBox(paragraph(run(b.text), '<w:jc w:val="center"/>'), options.titleInTextBox)}</w:r></w:p>`;
        return options.contentControls
          ? `<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:tag w:val="title"/></w:sdtPr><w:sdtContent>${paragraph(run(b.text), '<w:jc w:val="center"/>')}</w:sdtContent></w:sdt>`
          : paragraph(run(b.text), '<w:jc w:val="center"/>');
      case 'heading': {
        const numbered = options.headings === 'numbered' || options.headings === 'styled';
        const text = numbered ? b.text.replace(/^[一二三四五六]、/, '') : b.text;
        const properties = options.headings === 'numbered' ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${HEADINGS}"/></w:numPr>` : options.headings === 'styled' ? '<w:pStyle w:val="1"/>' : '';
        return paragraph(run(text), properties);
      }
      case 'paragraph':
        return paragraph(run(b.text));
    }
  });
  const document = `${XML}<w:document ${W} mc:Ignorable="w14"><w:body>${body.join('')}${options.extraBody ?? ''}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/></w:sectPr></w:body></w:document>`;
  const main = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  return zipParts({
    '[Content_Types].xml': contentTypes(
      { 'word/document.xml': `${main}.document.main+xml`, 'word/numbering.xml': `${main}.numbering+xml`, 'word/styles.xml': `${main}.styles+xml` },
      { htm: 'application/xhtml+xml' },
    ),
    '_rels/.rels': relationships([{ id: 'rId1', type: 'officeDocument', target: 'word/document.xml' }]),
    'word/_rels/document.xml.rels': relationships([
      { id: 'rId1', type: 'styles', target: 'styles.xml' },
      { id: 'rId2', type: 'numbering', target: 'numbering.xml' },
      ...(options.extraRelationships ?? []),
    ]),
    'word/document.xml': document,
    'word/styles.xml': STYLES,
    'word/numbering.xml': numberingXml(groupStarts.length),
    ...options.extraParts,
  });
}

// --------------------------------------------------------------------------------------------- Excel

export interface SheetCell {
  readonly ref: string;
  readonly value?: string | number;
  /** without '=' */
  readonly formula?: string;
  /** a formula's value as Excel saved it; absent: the file was written by a tool that does not compute */
  readonly cached?: number;
  /** a string written inline rather than in the shared strings */
  readonly inline?: boolean;
  /** the cell's XML as written, for what the fields above do not say (types, styles, shared formulas) */
  readonly xml?: string;
}

export interface Sheet {
  readonly name: string;
  readonly cells: readonly SheetCell[];
  readonly merges?: readonly string[];
  readonly hidden?: boolean;
}

export const columnName = (col: number): string => (col < 26 ? '' : columnName(Math.floor(col / 26) - 1)) + String.fromCharCode(65 + (col % 26));
export const cellRef = (row: number, col: number): string => `${columnName(col)}${row + 1}`;
const rowOf = (ref: string): number => +ref.replace(/^[A-Z]+/, '');

export function xlsxFile(sheets: readonly Sheet[]): Uint8Array {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (s: string): number => {
    if (!stringIndex.has(s)) stringIndex.set(s, strings.push(s) - 1);
    return stringIndex.get(s)!;
  };
  const cellXml = (c: SheetCell): string => {
    if (c.xml) return c.xml;
    if (c.formula !== undefined) return `<c r="${c.ref}" s="1"><f>${xmlEscape(c.formula)}</f>${c.cached === undefined ? '' : `<v>${c.cached}</v>`}</c>`;
    if (typeof c.value === 'number') return `<c r="${c.ref}" s="1"><v>${c.value}</v></c>`;
    if (c.value === undefined || c.value === '') return `<c r="${c.ref}" s="1"/>`;
    if (c.inline) return `<c r="${c.ref}" t="inlineStr"><is><t>${xmlEscape(c.value)}</t></is></c>`;
    return `<c r="${c.ref}" s="2" t="s"><v>${shared(c.value)}</v></c>`;
  };
  const sheetXml = (s: Sheet): string => {
    const rows = new Map<number, SheetCell[]>();
    for (const c of s.cells) rows.set(rowOf(c.ref), [...(rows.get(rowOf(c.ref)) ?? []), c]);
    const data = [...rows.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([r, cells]) => `<row r="${r}" spans="1:15">${cells.map(cellXml).join('')}</row>`)
      .join('');
    const merges = s.merges?.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    return `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25"/><sheetData>${data}</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  };
  const worksheets = Object.fromEntries(sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]));
  const main = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return zipParts({
    '[Content_Types].xml': contentTypes({
      'xl/workbook.xml': `${main}.sheet.main+xml`,
      'xl/sharedStrings.xml': `${main}.sharedStrings+xml`,
      'xl/styles.xml': `${main}.styles+xml`,
      ...Object.fromEntries(sheets.map((_, i) => [`xl/worksheets/sheet${i + 1}.xml`, `${main}.worksheet+xml`])),
    }),
    '_rels/.rels': relationships([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }]),
    'xl/_rels/workbook.xml.rels': relationships([
      ...sheets.map((_, i) => ({ id: `rId${i + 1}`, type: 'worksheet', target: `worksheets/sheet${i + 1}.xml` })),
      { id: `rId${sheets.length + 1}`, type: 'sharedStrings', target: 'sharedStrings.xml' },
      { id: `rId${sheets.length + 2}`, type: 'styles', target: 'styles.xml' },
    ]),
    'xl/workbook.xml': `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets
      .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets><calcPr calcId="191029"/></workbook>`,
    ...worksheets,
    // written last: the sheets above fill the table of strings
    'xl/sharedStrings.xml': `${XML}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`)
      .join('')}</sst>`,
    'xl/styles.xml': `${XML}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="5"><xf/><xf numFmtId="0" applyBorder="1"/><xf numFmtId="49"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  });
}

export interface XlsxReportOptions {
  /** the whole report on one sheet, or only its tables, each on a sheet of its own under its section's heading */
  layout: 'one-sheet' | 'sheet-per-table';
  /** totals written as SUM formulas, with Excel's cached value or without any */
  formulas: 'cached' | 'uncached' | 'none';
  /** the total (keyName) whose SUM stops one addend short, its cached value the short sum, as auto-sum leaves it */
  shortRange?: string;
  /** a blank value cell left out of the sheet, as Excel saves an empty cell without a style (else written empty) */
  absentBlanks?: boolean;
}

/** Where each value cell of the report went: its sheet and A1 reference. */
export type Placement = Map<string, { sheet: string; cell: string }>;

/**
 * The report as a workbook: prose one line per row in column A, each table at column A on its grid with its
 * merged ranges. A total whose parts are all written and add up to it is a formula over them; any other
 * total (one a test broke on purpose) is a typed-over value, as in a real workbook.
 */
export function xlsxReport(blocks: readonly Block[], options: XlsxReportOptions): { bytes: Uint8Array; placement: Placement } {
  const placement: Placement = new Map();
  const sheets: { name: string; cells: SheetCell[]; merges: string[]; row: number }[] = [];
  const sheet = (name: string) => {
    const s = { name, cells: [] as SheetCell[], merges: [] as string[], row: 0 };
    sheets.push(s);
    return s;
  };
  const perTable = options.layout === 'sheet-per-table';
  const first = perTable ? null : sheet('年报');
  let heading = '';
  for (const b of blocks) {
    if (b.kind !== 'table') {
      if (b.kind === 'heading') heading = b.text;
      if (first) first.cells.push({ ref: cellRef(first.row++, 0), value: b.text, inline: b.kind === 'title' });
      continue;
    }
    const target = first ?? sheet(`表${b.table.id}`);
    if (perTable) {
      target.cells.push({ ref: cellRef(target.row, 0), value: heading });
      target.merges.push(`${cellRef(target.row, 0)}:${cellRef(target.row++, b.table.colCount - 1)}`);
    }
    const top = target.row;
    const at = new Map<string, string>();
    for (const c of b.table.cells) {
      if (c.key) at.set(keyName(c.key), cellRef(top + c.row, c.col));
    }
    for (const c of b.table.cells) {
      const ref = cellRef(top + c.row, c.col);
      if (c.rowSpan > 1 || c.colSpan > 1) target.merges.push(`${ref}:${cellRef(top + c.row + c.rowSpan - 1, c.col + c.colSpan - 1)}`);
      if (!c.key) {
        target.cells.push({ ref, value: c.text });
        continue;
      }
      placement.set(keyName(c.key), { sheet: target.name, cell: ref });
      const cell = valueCell(ref, c, b.table, at, options);
      if (cell) target.cells.push(cell);
    }
    target.row = top + b.table.rowCount + 1;
  }
  return { bytes: xlsxFile(sheets), placement };
}

const digitsOf = (s: string): number | null => (s === '' ? null : +s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));

/** The parts a total adds, by the template: a row's six columns, （七）总计's outcome rows, a 行政复议/诉讼 group. */
function partsOf(key: CellKey): CellKey[] | null {
  if (key.table === '三' && key.col === 6) return [0, 1, 2, 3, 4, 5].map((col) => ({ ...key, col }));
  if (key.table === '三' && key.row === 'R24') return Array.from({ length: 21 }, (_, i) => ({ ...key, row: `R${i + 3}` }));
  if (key.table === '四' && key.col % 5 === 4) return [4, 3, 2, 1].map((d) => ({ ...key, col: key.col - d }));
  return null;
}

function valueCell(ref: string, c: GridCell, t: GridTable, at: Map<string, string>, options: XlsxReportOptions): SheetCell | null {
  const value = digitsOf(c.text);
  const parts = options.formulas === 'none' ? null : partsOf(c.key!);
  if (value === null) return options.absentBlanks ? null : { ref };
  if (parts) {
    const cells = parts.map((k) => t.cells.find((x) => x.key && keyName(x.key) === keyName(k))!);
    const values = cells.map((x) => digitsOf(x.text));
    const adds = values.every((v) => v !== null) && values.reduce((a, b) => a! + b!, 0) === value;
    // a full-width table stays text, as typed; only numbers are summed
    if (adds && !/[０-９]/.test(c.text)) {
      const short = options.shortRange === keyName(c.key!) ? 1 : 0;
      const refs = parts.map((k) => at.get(keyName(k))!);
      const formula = `SUM(${refs[0]}:${refs[refs.length - 1 - short]})`;
      const cached = value - (short ? values[values.length - 1]! : 0);
      return options.formulas === 'cached' ? { ref, formula, cached } : { ref, formula };
    }
  }
  return /[０-９]/.test(c.text) ? { ref, value: c.text } : { ref, value };
}
