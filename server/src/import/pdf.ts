// PDF → the canonical report text (SPEC §5), every line and cell traced to its page and box. pdf.js gives
// the text runs with their positions and the drawing operators; tables are rebuilt from ruling lines where
// there are any, else from the positions of the runs (pdf-layout.ts). Nothing is guessed: a file without a
// text layer, or whose fonts map to no characters, gets one message and no text.
//
// Loaded lazily: pdf.js is large, and only a PDF needs it: the bundles keep it in a chunk of its own, required
// on the first PDF (pdf-load.ts, pdf-js.ts). The CMaps are files: see pdf-cmaps.ts.
import { cMapsFromDirectory, defaultCMapDirectory } from './pdf-cmaps';
import { columnPages, columnPagesMessage } from './pdf-columns';
import { layoutPages } from './pdf-layout';
import { loadPdfJs, openPdf, type OpenedPdf } from './pdf-load';
import { readPage, type PageContent } from './pdf-page';
import { isGlyphSoup } from './pdf-readable';
import { holdsOversizedStream, MAX_STREAM_BYTES } from './pdf-streams';
import { writeText } from './pdf-text';
import type { ImportResult } from './types';

export interface PdfImportOptions {
  /**
   * The folder of pdf.js's packed CMaps (`UniGB-UCS2-H.bcmap`…). By default the `cmaps` folder beside the
   * bundle, else pdfjs-dist's own; null reads without CMaps (text in fonts that are not embedded is lost).
   */
  readonly cMapDirectory?: string | null;
}

export const NO_TEXT = '无可提取文字，可能是扫描件';
export const ENCRYPTED = 'PDF 已加密，需要密码才能打开：请提供未加密的文件';
const NOT_PDF = '不是可读的 PDF 文件';
const OVERSIZED = `PDF 中有数据流解压后超过 ${MAX_STREAM_BYTES / 1024 / 1024} MB，不是年度报告的篇幅，无法读取`;

const pageWithoutText = (n: number): string => `第 ${n} 页${NO_TEXT}`;
const missingCMap = (name: string): string => `缺少字符映射表 ${name}：未嵌入字体的部分文字可能丢失`;

export async function importPdf(bytes: Uint8Array, options: PdfImportOptions = {}): Promise<ImportResult> {
  const directory = options.cMapDirectory === undefined ? defaultCMapDirectory() : options.cMapDirectory;
  if (holdsOversizedStream(bytes)) return { format: 'pdf', error: OVERSIZED };
  let opened: OpenedPdf;
  try {
    opened = await openPdf(bytes, directory === null ? null : cMapsFromDirectory(directory));
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    return { format: 'pdf', error: name === 'PasswordException' ? ENCRYPTED : `${NOT_PDF}：${(error as Error)?.message ?? error}` };
  }
  const { document, missingCMaps } = opened;
  try {
    const { OPS } = await loadPdfJs();
    const pages: PageContent[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      pages.push(await readPage(page, OPS));
      page.cleanup();
    }
    const texts = pages.flatMap((p) => p.pieces.map((piece) => piece.text));
    if (texts.length === 0 || isGlyphSoup(texts)) {
      // no text because the maps for its fonts are not there is not a scan
      return { format: 'pdf', error: missingCMaps.size ? [...missingCMaps].map(missingCMap).join('；') : NO_TEXT };
    }
    const columns = columnPages(pages);
    if (columns.length > 0) return { format: 'pdf', error: columnPagesMessage(columns) };
    const { text, origins } = writeText(layoutPages(pages));
    const notes = [
      ...pages.filter((p) => p.pieces.length === 0).map((p) => pageWithoutText(p.number)),
      ...[...missingCMaps].map(missingCMap),
    ];
    return { format: 'pdf', text, origins, notes };
  } catch (error) {
    return { format: 'pdf', error: `${NOT_PDF}：${(error as Error)?.message ?? error}` };
  } finally {
    await document.destroy();
  }
}
