// The HTML, Word and Excel readers on generated reports (node out/bench/import.js after node esbuild.mjs --bench):
// the time of one import, warm, per format and flavour, with the share of it the libraries take (decoding and
// parse5 of the lean page, and the cut to that page, for a page; unzipping and saxes for a package). Targets:
// HTML ≤ 5 ms, DOCX and XLSX ≤ 10 ms.
import { unzipSync } from 'fflate';
import { parse } from 'parse5';
import { SaxesParser } from 'saxes';
import { decodeHtml } from '../server/src/import/decode';
import { importDocx } from '../server/src/import/docx';
import { importHtml } from '../server/src/import/html';
import { leanHtml } from '../server/src/import/html-lean';
import { importXlsx } from '../server/src/import/xlsx';
import { HTML_FLAVOURS, htmlPage } from '../test/support/html-pages';
import { variantReport } from '../test/support/import-check';
import { docxFile, xlsxReport } from '../test/support/ooxml';

const REPORTS = 20;
const ROUNDS = 15;

/**
 * Milliseconds per file of `f`, warm: rounds over all the files, each timed as a whole; the median round and
 * the best one (the machine is shared, so the best round is the reader's own cost, the median what a busy
 * machine gives).
 */
function time(files: readonly Uint8Array[], f: (bytes: Uint8Array) => unknown): { median: number; best: number } {
  for (let i = 0; i < 30; i++) for (const file of files) f(file);
  const rounds: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    for (const file of files) f(file);
    rounds.push(Number(process.hrtime.bigint() - t0) / 1e6 / files.length);
  }
  rounds.sort((a, b) => a - b);
  return { median: rounds[Math.floor(rounds.length / 2)], best: rounds[0] };
}

const reports = Array.from({ length: REPORTS }, (_, i) => variantReport({ seed: 1000 + i, fullWidth: false, deltas: [], blanks: [] }).blocks);
const kb = (files: readonly Uint8Array[]): string => (files.reduce((n, f) => n + f.length, 0) / files.length / 1024).toFixed(0);
const ms = (t: { median: number; best: number }): string => `${t.median.toFixed(2).padStart(6)} ms (best ${t.best.toFixed(2)})`;
const line = (name: string, files: readonly Uint8Array[], t: { median: number; best: number }, target: number, library: string): void =>
  console.log(`${name.padEnd(26)} ${kb(files).padStart(4)} KB  ${ms(t)}  target ≤ ${target} ms; ${library}`);

for (const flavour of HTML_FLAVOURS) {
  const files = reports.map((r) => htmlPage(r, flavour));
  const texts = new Map(files.map((f) => [f, decodeHtml(f).text]));
  const lean = new Map(files.map((f) => [f, leanHtml(texts.get(f)!)]));
  const libraries = `decoding ${ms(time(files, decodeHtml))}, parse5 ${ms(time(files, (f) => parse(lean.get(f)!)))}`;
  line(`html ${flavour}`, files, time(files, importHtml), 5, `of which ${libraries}, lean page ${ms(time(files, (f) => leanHtml(texts.get(f)!)))}`);
}

/** What the package's libraries cost alone: unzipping, and saxes over every XML part with empty handlers. */
function libraries(bytes: Uint8Array): void {
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('.xml')) continue;
    const parser = new SaxesParser({ position: false });
    parser.on('opentag', () => {});
    parser.write(new TextDecoder().decode(data)).close();
  }
}

const DOCX = [
  ['docx', {}],
  ['docx numbered headings', { headings: 'numbered', numberedLabels: true }],
  ['docx tracked + controls', { headings: 'styled', tracked: true, contentControls: true }],
] as const;
for (const [name, options] of DOCX) {
  const files = reports.map((r) => docxFile(r, options));
  line(name, files, time(files, importDocx), 10, `of which unzip + saxes ${ms(time(files, libraries))}`);
}

for (const formulas of ['cached', 'uncached'] as const) {
  const files = reports.map((r) => xlsxReport(r, { layout: 'one-sheet', formulas }).bytes);
  line(`xlsx formulas ${formulas}`, files, time(files, importXlsx), 10, `of which unzip + saxes ${ms(time(files, libraries))}`);
}
