// pdf.js and its worker module in one: the bundles' own chunk, dist/pdf.js (esbuild.mjs), which the server and the
// CLI require only when the first PDF is read. pdf.js is three times the rest of the server: loading it with the
// server would slow every start for the few who open a PDF.
export * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
export * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
