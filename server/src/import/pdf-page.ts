// One page as the layout reader needs it: the text runs (radicals folded, whitespace-only runs dropped: gaps
// are measured from positions) and the ruling lines.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { foldRadicals } from './pdf-fold';
import type { Piece, Segment } from './pdf-geometry';
import { segmentsOf, type PathOps } from './pdf-rules';

export interface PageContent {
  /** 1-based */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly pieces: readonly Piece[];
  readonly segments: readonly Segment[];
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

export async function readPage(page: PDFPageProxy, OPS: PathOps): Promise<PageContent> {
  const content = await page.getTextContent();
  const pieces: Piece[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const { str, transform, width, fontName } = item as TextItem;
    const text = foldRadicals(str.trim());
    if (!text) continue;
    const [, , c, d, x, baseline] = transform;
    const size = Math.hypot(c, d) || 1;
    const style = content.styles[fontName] as { ascent?: number; descent?: number } | undefined;
    // pdf.js gives the font's ascent and descent as fractions of its size when the font says them
    const ascent = style?.ascent && style.ascent > 0 ? style.ascent : 0.8;
    const descent = style?.descent && style.descent < 0 ? style.descent : -0.2;
    // trimmed spaces move the start: measure the run by its printed characters
    const lead = str.length - str.trimStart().length;
    const perChar = str.length ? width / str.length : 0;
    const x0 = x + lead * perChar;
    pieces.push({ text, x0, x1: x0 + Math.max(perChar * str.trim().length, 0.01), baseline, y0: baseline + descent * size, y1: baseline + ascent * size, size });
  }
  const ops = await page.getOperatorList();
  placeFallbackGlyphs(pieces);
  const [vx0, vy0, vx1, vy1] = page.view;
  return {
    number: page.pageNumber,
    width: vx1 - vx0,
    height: vy1 - vy0,
    pieces,
    segments: segmentsOf(ops.fnArray, ops.argsArray, OPS),
  };
}

/**
 * A glyph the run's font lacks (the curly quotes of 危及“三安全一稳定” in a CJK font that has none) is drawn from
 * another font, and pdf.js gives it as a run of its own while the run it interrupts keeps a space in its place:
 * read in order of their starts, `危及 三安全一稳定` then `“`, the quote landed after the word it opens. A short run
 * that starts inside another on its line, where that run has a space, takes the space's place.
 */
function placeFallbackGlyphs(pieces: Piece[]): void {
  for (let k = pieces.length - 1; k >= 0; k--) {
    const p = pieces[k];
    if ([...p.text].length > 2) continue;
    const host = pieces.find((q) => q !== p && Math.abs(q.baseline - p.baseline) <= Math.min(q.size, p.size) / 3 && q.x0 < p.x0 - 0.5 && p.x0 < q.x1 - 0.5);
    if (!host) continue;
    const chars = [...host.text];
    const at = Math.round((p.x0 - host.x0) / ((host.x1 - host.x0) / chars.length));
    if (chars[at] !== ' ') continue;
    chars[at] = p.text;
    pieces[pieces.indexOf(host)] = { ...host, text: chars.join('') };
    pieces.splice(k, 1);
  }
}

