// The ground truth for the origins of an imported PDF: the text items pdf.js gives for each page, with their
// boxes, to hold an origin's box against.
import type { Span } from '../../server/src/engine';
import { loadPdfJs } from '../../server/src/import/pdf-load';
import type { Imported, OriginSpan } from '../../server/src/import/types';

export interface RawItem {
  text: string;
  box: [number, number, number, number];
}

/** The text items of each page as pdf.js gives them, with their boxes. */
export async function rawItems(bytes: Uint8Array): Promise<RawItem[][]> {
  const pdfjs = await loadPdfJs();
  const document = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages: RawItem[][] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(
      content.items.flatMap((item) => {
        if (!('str' in item) || !item.str.trim()) return [];
        const [, , , d, x, y] = item.transform;
        return [{ text: item.str.trim(), box: [x, y - 0.25 * d, x + item.width, y + d] as RawItem['box'] }];
      }),
    );
  }
  await document.destroy();
  return pages;
}

export const overlap = (a: readonly number[], b: readonly number[]): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** The origin whose span is exactly this one (a cell's comes after its line's). */
export const originOf = (result: Imported, span: Span): OriginSpan | undefined =>
  result.origins.filter((o) => o.span.start === span.start && o.span.end === span.end).pop();
