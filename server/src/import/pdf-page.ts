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
  const [vx0, vy0, vx1, vy1] = page.view;
  return {
    number: page.pageNumber,
    width: vx1 - vx0,
    height: vy1 - vy0,
    pieces,
    segments: segmentsOf(ops.fnArray, ops.argsArray, OPS),
  };
}
