// pdf.js, loaded on first use and run without a worker thread: the document is parsed on this thread by the
// worker's own code (no worker file to find, no network, no eval). The only files it reads are the CMaps, through
// the reader given.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { CMapReader } from './pdf-cmaps';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js and its worker module. Setting `globalThis.pdfjsWorker` is pdf.js's own way to run the worker's
 * message handler on the main thread (its "fake worker"), instead of importing a worker file by URL.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= withoutLoadWarnings(async () => {
    // the bundles take this require for their chunk beside them, dist/pdf.js (esbuild.mjs); tests bundle it in place
    const { pdfjs, worker } = require('./pdf-js') as typeof import('./pdf-js');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return pdfjs;
  });
  return loading;
}

/**
 * pdf.js tries, as it loads, to polyfill canvas types from an optional native package for rendering, which
 * this reader never does, and says so on stdout ("Warning: Cannot polyfill `DOMMatrix`…"): the CLI's stdout
 * is its JSON. Those lines are dropped while the modules load; anything else goes through.
 */
async function withoutLoadWarnings<T>(load: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
    log(...args);
  };
  try {
    return await load();
  } finally {
    console.log = log;
  }
}

export interface OpenedPdf {
  readonly document: PDFDocumentProxy;
  /** the CMaps pdf.js asked for and could not have */
  readonly missingCMaps: ReadonlySet<string>;
}

/** Opens a PDF from its bytes. Throws pdf.js's exceptions (PasswordException, InvalidPDFException). */
export async function openPdf(bytes: Uint8Array, readCMap: CMapReader | null): Promise<OpenedPdf> {
  const pdfjs = await loadPdfJs();
  const missingCMaps = new Set<string>();
  class CMapReaderFactory {
    async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
      try {
        if (!readCMap) throw new Error('no CMap directory');
        return { cMapData: await readCMap(name), isCompressed: true };
      } catch (error) {
        missingCMaps.add(name);
        throw error;
      }
    }
  }
  const task = pdfjs.getDocument({
    // pdf.js transfers the buffer it is given (the caller's would be left detached), and refuses a Node Buffer:
    // it gets a plain copy
    data: new Uint8Array(bytes),
    CMapReaderFactory,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
  });
  try {
    return { document: await task.promise, missingCMaps };
  } catch (error) {
    await task.destroy();
    throw error;
  }
}
