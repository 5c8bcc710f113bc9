// The PDF reader's speed (`node esbuild.mjs --bench && node out/bench/pdf.js`): reports printed by Chromium
// (outside the timing), imported once cold (pdf.js loaded on the way) and then warm; the figure that counts
// is the warm time per page (target ≤ 150 ms per page after the first). Medians over repeated runs.
import { importPdf } from '../server/src/import/pdf';
import { isFailure } from '../server/src/import/types';
import { consistentValues, seededRandom } from '../test/support/generate';
import { printPdf } from '../test/support/pdf-print';
import { reportPage } from '../test/support/pdf-report-page';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(bytes: Uint8Array): Promise<[number, number]> {
  const t0 = process.hrtime.bigint();
  const result = await importPdf(bytes);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (isFailure(result)) throw new Error(result.error);
  return [ms, Math.max(...result.origins.map((o) => ('page' in o.origin ? o.origin.page : 0)))];
}

async function main(): Promise<void> {
  const one = await printPdf(reportPage({ agency: '某某县财政局', year: 2024, values: consistentValues(seededRandom(5)) }));
  // a compilation: ten reports printed one after another
  const pages = Array.from({ length: 10 }, (_, i) => reportPage({ agency: `某某县第${i + 1}局`, year: 2024, values: consistentValues(seededRandom(100 + i)) }));
  const bodies = pages.map((html) => html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>')));
  const ten = await printPdf(pages[0].replace(/<body>[\s\S]*<\/body>/, `<body>${bodies.join('<div style="break-before: page"></div>')}</body>`));
  const [cold, coldPages] = await timed(one);
  console.log(`pdf: first import (loads pdf.js), ${coldPages} pages: ${cold.toFixed(0)} ms`);
  const warm: [number, number][] = [];
  for (const [name, bytes] of [
    ['one report', one],
    ['ten reports', ten],
  ] as const) {
    const runs: number[] = [];
    let count = 0;
    for (let i = 0; i < 7; i++) {
      const [ms, n] = await timed(bytes);
      runs.push(ms);
      count = n;
    }
    const ms = median(runs);
    warm.push([ms, count]);
    console.log(`pdf: ${name}, ${count} pages, ${(bytes.length / 1024).toFixed(0)} KB: ${ms.toFixed(0)} ms, ${(ms / count).toFixed(1)} ms per page`);
  }
  // a document's first page also parses its fonts: what each further page costs
  const [[t1, p1], [t10, p10]] = warm;
  console.log(`pdf: each page after the first: ${((t10 - t1) / (p10 - p1)).toFixed(1)} ms`);
}

void main();
