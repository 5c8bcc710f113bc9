// Paragraph styles (styles.xml) as far as the text depends on them: the numbering a style carries (headings
// numbered through 标题 1 rather than on the paragraph), and which styles are a table of contents.
import { readXml } from './xml';

export interface NumberingRef {
  readonly numId: string;
  readonly ilvl: number | null;
}

interface Style {
  name: string;
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
}

export class Styles {
  readonly #styles = new Map<string, Style>();
  #defaultParagraph: string | null = null;

  constructor(bytes: Uint8Array | null) {
    if (!bytes) return;
    let style: Style | null = null;
    let inParagraphProperties = false;
    readXml(bytes, 'word/styles.xml', {
      open: (name, a) => {
        if (name === 'w:style') {
          if (a['w:type'] !== 'paragraph') return;
          style = { name: '', basedOn: null, numId: null, ilvl: null };
          this.#styles.set(a['w:styleId'], style);
          if (a['w:default'] === '1' || a['w:default'] === 'true') this.#defaultParagraph = a['w:styleId'];
        } else if (!style) return;
        else if (name === 'w:name') style.name = a['w:val'] ?? '';
        else if (name === 'w:basedOn') style.basedOn = a['w:val'] ?? null;
        else if (name === 'w:pPr') inParagraphProperties = true;
        else if (inParagraphProperties && name === 'w:numId') style.numId = a['w:val'] ?? null;
        else if (inParagraphProperties && name === 'w:ilvl') style.ilvl = +a['w:val'];
      },
      close: (name) => {
        if (name === 'w:style') style = null;
        else if (name === 'w:pPr') inParagraphProperties = false;
      },
      text: () => {},
    });
  }

  /** The numbering a paragraph of this style (or of the default style) gets from its style and those it is based on. */
  numberingOf(styleId: string | null): NumberingRef | null {
    let ilvl: number | null = null;
    const seen = new Set<string>();
    for (let id = styleId ?? this.#defaultParagraph; id && !seen.has(id); id = this.#styles.get(id)?.basedOn ?? null) {
      seen.add(id);
      const s = this.#styles.get(id);
      if (!s) break;
      ilvl ??= s.ilvl;
      if (s.numId !== null) return { numId: s.numId, ilvl };
    }
    return null;
  }

  /** Word's table-of-contents styles (`toc 1`…): their lines repeat the headings. */
  isContents(styleId: string | null): boolean {
    return styleId !== null && /^toc \d$/i.test(this.#styles.get(styleId)?.name ?? '');
  }
}
