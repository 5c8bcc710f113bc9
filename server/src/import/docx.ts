// Word documents (.docx, from Word or WPS) to the canonical text, read from the OOXML as a stream of events:
// paragraphs with their automatic numbering rendered, tables on their grid (gridSpan, vMerge, hMerge,
// gridBefore), content controls read through, tracked changes as accepted (insertions kept, deletions dropped),
// hidden text left out, and altChunk parts (HTML pasted in as a whole) read by the HTML reader in their place.
import { Styles } from './docx-styles';
import { decodeHtml } from './decode';
import { ImportError } from './failure';
import { writeHtml } from './html';
import { Numbering } from './numbering';
import { layoutRows, type PlacedCell } from './table-layout';
import type { Imported } from './types';
import { TextWriter } from './writer';
import { readRelationships, readXml, type Attributes, type Relationship, type XmlHandler } from './xml';
import { openPackage, type Parts } from './zip';

export function importDocx(bytes: Uint8Array): Imported {
  const parts = openPackage(bytes, 'docx');
  const main = [...readRelationships(parts, '').values()].find((r) => r.type === 'officeDocument')?.target ?? 'word/document.xml';
  const document = parts.get(main);
  if (!document) throw new ImportError('文件中没有 Word 正文（word/document.xml），无法读取');
  const relationships = readRelationships(parts, main);
  const partOfType = (type: string): Uint8Array | null => {
    const r = [...relationships.values()].find((rel) => rel.type === type);
    return r ? parts.get(r.target) : null;
  };
  const writer = new TextWriter();
  const body = new BodyReader(writer, new Numbering(partOfType('numbering')), new Styles(partOfType('styles')), (id) => writeAltChunk(parts, relationships.get(id), writer));
  readXml(document, main, body);
  return writer.result('docx');
}

/** An altChunk: a whole HTML page Word shows in the document's flow, its tables counted with the document's. */
function writeAltChunk(parts: Parts, relationship: Relationship | undefined, writer: TextWriter): void {
  const bytes = relationship && parts.get(relationship.target);
  if (!bytes) writer.note('文档中嵌入的内容（altChunk）缺失，已跳过');
  else if (/\.(html?|xhtml)$/i.test(relationship.target)) writeHtml(decodeHtml(bytes).text, writer);
  else if (/\.txt$/i.test(relationship.target)) writer.prose(decodeHtml(bytes).text);
  else writer.note(`文档中嵌入的 ${relationship.target.slice(relationship.target.lastIndexOf('.'))} 内容（altChunk）无法读取，已跳过`);
}

/** What the reader does at an element: one lookup per event (saxes' names are fresh strings, slow to compare). */
enum Element {
  Unseen, Run, Paragraph, ParagraphProperties, ParagraphStyle, NumberingId, NumberingLevel, RunElement,
  RunProperties, Hidden, Text, AltChunk, Table, Row, RowProperties, GridBefore, Cell, CellProperties, GridSpan,
  VerticalMerge, HorizontalMerge, Deleted, CellDeleted, Character, TextBox,
}

const ELEMENTS = new Map<string, Element>([
  // subtrees whose text a reader of the printed document does not see, or that only describe an earlier version
  ...[
    // (mc:Fallback repeats mc:Choice: a shape's text box again, as VML; w:drawing and w:pict are read for it)
    'w:moveFrom', 'w:delText', 'w:instrText', 'w:sdtPr', 'w:sdtEndPr', 'w:object', 'mc:Fallback',
    'w:pPrChange', 'w:rPrChange', 'w:tblPrChange', 'w:tcPrChange', 'w:trPrChange', 'w:sectPrChange', 'w:tblGridChange',
    'w:numberingChange', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference', 'w:fldData', 'w:sectPr',
  ].map((name): [string, Element] => [name, Element.Unseen]),
  ['w:del', Element.Deleted],
  ['w:p', Element.Paragraph],
  ['w:pPr', Element.ParagraphProperties],
  ['w:pStyle', Element.ParagraphStyle],
  ['w:numId', Element.NumberingId],
  ['w:ilvl', Element.NumberingLevel],
  ['w:r', Element.RunElement],
  ['w:rPr', Element.RunProperties],
  ['w:vanish', Element.Hidden],
  ['w:specVanish', Element.Hidden],
  ['w:t', Element.Text],
  ['w:altChunk', Element.AltChunk],
  ['w:tbl', Element.Table],
  ['w:tr', Element.Row],
  ['w:trPr', Element.RowProperties],
  ['w:gridBefore', Element.GridBefore],
  ['w:tc', Element.Cell],
  ['w:tcPr', Element.CellProperties],
  ['w:gridSpan', Element.GridSpan],
  ['w:vMerge', Element.VerticalMerge],
  ['w:hMerge', Element.HorizontalMerge],
  ['w:cellDel', Element.CellDeleted],
  ['w:txbxContent', Element.TextBox],
  ...['w:tab', 'w:ptab', 'w:br', 'w:cr', 'w:noBreakHyphen'].map((name): [string, Element] => [name, Element.Character]),
]);
/** What a run's empty elements stand for. */
const RUN_CHARACTERS: Readonly<Record<string, string>> = { 'w:tab': '\t', 'w:ptab': '\t', 'w:br': '\n', 'w:cr': '\n', 'w:noBreakHyphen': '-' };

interface Paragraph {
  text: string;
  style: string | null;
  numId: string | null;
  ilvl: number | null;
}

interface Cell {
  /** its paragraphs on lines of their own (the writer joins them as any cell's lines), a nested table's by spaces */
  text: string;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
  hMerge: 'restart' | 'continue' | null;
  deleted: boolean;
}

interface Row {
  cells: Cell[];
  gridBefore: number;
  deleted: boolean;
}

/** Where the reader stood in the paragraph that anchors a text box, taken up again after the box's own paragraphs. */
interface Anchor {
  readonly paragraph: Paragraph | null;
  readonly inParagraphProperties: boolean;
  readonly inRun: boolean;
  readonly inRunProperties: boolean;
  readonly inText: boolean;
}

const on = (a: Attributes): boolean => !['0', 'false', 'off'].includes(a['w:val'] ?? 'true');
const merge = (a: Attributes): 'restart' | 'continue' => (a['w:val'] === 'restart' ? 'restart' : 'continue');

class BodyReader implements XmlHandler {
  #depth = 0;
  /** depth of the unseen element being skipped, or -1 */
  #skipping = -1;
  #paragraph: Paragraph | null = null;
  #inParagraphProperties = false;
  #inRun = false;
  #inRunProperties = false;
  #hiddenRun = false;
  #inText = false;
  /** 1 inside a table of the body; deeper tables are read into the cell that holds them */
  #tableDepth = 0;
  #rows: Row[] = [];
  #row: Row | null = null;
  #cell: Cell | null = null;
  #inRowProperties = false;
  #inCellProperties = false;
  /** the paragraphs whose runs hold the text boxes being read, innermost last */
  readonly #anchors: Anchor[] = [];

  constructor(
    private readonly writer: TextWriter,
    private readonly numbering: Numbering,
    private readonly styles: Styles,
    private readonly altChunk: (id: string) => void,
  ) {}

  open(name: string, a: Attributes): void {
    this.#depth++;
    if (this.#skipping >= 0) return;
    const element = ELEMENTS.get(name);
    if (element === undefined) return;
    switch (element) {
      case Element.Deleted:
        if (this.#inRowProperties && this.#row) this.#row.deleted = true;
        this.#skipping = this.#depth;
        break;
      case Element.Unseen:
        this.#skipping = this.#depth;
        break;
      case Element.Character:
        if (this.#inRun && this.#paragraph && !this.#hiddenRun) this.#paragraph.text += RUN_CHARACTERS[name];
        break;
      case Element.Paragraph:
        this.#paragraph = { text: '', style: null, numId: null, ilvl: null };
        break;
      case Element.ParagraphProperties:
        this.#inParagraphProperties = true;
        break;
      case Element.ParagraphStyle:
        if (this.#inParagraphProperties && this.#paragraph) this.#paragraph.style = a['w:val'] ?? null;
        break;
      case Element.NumberingId:
        if (this.#inParagraphProperties && this.#paragraph) this.#paragraph.numId = a['w:val'] ?? null;
        break;
      case Element.NumberingLevel:
        if (this.#inParagraphProperties && this.#paragraph) this.#paragraph.ilvl = +a['w:val'];
        break;
      case Element.RunElement:
        this.#inRun = true;
        this.#hiddenRun = false;
        break;
      case Element.RunProperties:
        this.#inRunProperties = this.#inRun;
        break;
      case Element.Hidden:
        if (this.#inRunProperties && on(a)) this.#hiddenRun = true;
        break;
      case Element.Text:
        this.#inText = this.#inRun;
        break;
      case Element.AltChunk:
        if (a['r:id']) this.altChunk(a['r:id']);
        break;
      case Element.Table:
        if (++this.#tableDepth === 1) this.#rows = [];
        break;
      case Element.Row:
        if (this.#tableDepth === 1) this.#rows.push((this.#row = { cells: [], gridBefore: 0, deleted: false }));
        break;
      case Element.RowProperties:
        this.#inRowProperties = this.#tableDepth === 1;
        break;
      case Element.GridBefore:
        if (this.#inRowProperties && this.#row) this.#row.gridBefore = Math.max(0, +a['w:val'] || 0);
        break;
      case Element.Cell:
        if (this.#tableDepth === 1 && this.#row) this.#row.cells.push((this.#cell = { text: '', gridSpan: 1, vMerge: null, hMerge: null, deleted: false }));
        break;
      case Element.CellProperties:
        this.#inCellProperties = this.#tableDepth === 1;
        break;
      case Element.GridSpan:
        if (this.#inCellProperties && this.#cell) this.#cell.gridSpan = Math.max(1, +a['w:val'] || 1);
        break;
      case Element.VerticalMerge:
        if (this.#inCellProperties && this.#cell) this.#cell.vMerge = merge(a);
        break;
      case Element.HorizontalMerge:
        if (this.#inCellProperties && this.#cell) this.#cell.hMerge = merge(a);
        break;
      case Element.CellDeleted:
        if (this.#inCellProperties && this.#cell) this.#cell.deleted = true;
        break;
      case Element.TextBox:
        // a box in a hidden run is hidden with it
        if (this.#hiddenRun) {
          this.#skipping = this.#depth;
          break;
        }
        // its paragraphs are the document's (a title or a red header is often set in one), met before the anchor's
        // own text, which is written when the anchor ends
        this.#anchors.push({ paragraph: this.#paragraph, inParagraphProperties: this.#inParagraphProperties, inRun: this.#inRun, inRunProperties: this.#inRunProperties, inText: this.#inText });
        this.#paragraph = null;
        this.#inParagraphProperties = this.#inRun = this.#inRunProperties = this.#inText = false;
        break;
    }
  }

  close(name: string): void {
    const depth = this.#depth--;
    if (this.#skipping >= 0) {
      if (depth === this.#skipping) this.#skipping = -1;
      return;
    }
    switch (ELEMENTS.get(name)) {
      case Element.Paragraph:
        this.#endParagraph();
        break;
      case Element.ParagraphProperties:
        this.#inParagraphProperties = false;
        break;
      case Element.RunElement:
        this.#inRun = false;
        break;
      case Element.RunProperties:
        this.#inRunProperties = false;
        break;
      case Element.Text:
        this.#inText = false;
        break;
      case Element.RowProperties:
        this.#inRowProperties = false;
        break;
      case Element.CellProperties:
        this.#inCellProperties = false;
        break;
      case Element.Cell:
        if (this.#tableDepth === 1) this.#cell = null;
        break;
      case Element.Row:
        if (this.#tableDepth === 1) this.#row = null;
        break;
      case Element.Table:
        if (this.#tableDepth-- === 1) this.writer.table(layoutRows(...placeCells(this.#rows)));
        break;
      case Element.TextBox: {
        const anchor = this.#anchors.pop()!;
        this.#paragraph = anchor.paragraph;
        this.#inParagraphProperties = anchor.inParagraphProperties;
        this.#inRun = anchor.inRun;
        this.#inRunProperties = anchor.inRunProperties;
        // a box is read only out of a run that is not hidden
        this.#hiddenRun = false;
        this.#inText = anchor.inText;
        break;
      }
    }
  }

  text(text: string): void {
    if (this.#inText && this.#skipping < 0 && this.#paragraph && !this.#hiddenRun) this.#paragraph.text += text;
  }

  #endParagraph(): void {
    const p = this.#paragraph;
    this.#paragraph = null;
    if (!p || this.styles.isContents(p.style)) return;
    const text = this.#label(p) + p.text;
    if (this.#cell) {
      if (text) this.#cell.text += this.#cell.text ? (this.#tableDepth > 1 ? ' ' : '\n') + text : text;
    } else if (this.#tableDepth === 0) this.writer.prose(text);
  }

  /** The paragraph's automatic number, from its own numbering or its style's; counted even when its text is empty. */
  #label(p: Paragraph): string {
    const fromStyle = p.numId === null ? this.styles.numberingOf(p.style) : null;
    const numId = p.numId ?? fromStyle?.numId ?? null;
    if (numId === null || numId === '0') return '';
    const ilvl = p.ilvl ?? fromStyle?.ilvl ?? this.numbering.levelOfStyle(numId, p.style);
    return this.numbering.next(numId, ilvl);
  }
}

/** Word's grid: a row starts after its gridBefore columns; a vMerge continuation lengthens the cell above it. */
function placeCells(rows: readonly Row[]): [number, PlacedCell<null>[]] {
  const placed: PlacedCell<null>[] = [];
  /** the last cell placed at each grid column, which a continuation below may lengthen */
  const startedAt = new Map<number, PlacedCell<null>>();
  let r = 0;
  for (const row of rows) {
    if (row.deleted) continue;
    let col = row.gridBefore;
    let previous: PlacedCell<null> | null = null;
    for (const cell of row.cells) {
      if (cell.deleted) continue;
      const above = startedAt.get(col);
      if (cell.hMerge === 'continue' && previous) previous.colSpan += cell.gridSpan;
      else if (cell.vMerge === 'continue' && above && above.row + above.rowSpan === r) above.rowSpan++;
      else {
        previous = { row: r, col, rowSpan: 1, colSpan: cell.gridSpan, text: cell.text, source: null };
        placed.push(previous);
        startedAt.set(col, previous);
      }
      col += cell.gridSpan;
    }
    r++;
  }
  return [r, placed];
}
