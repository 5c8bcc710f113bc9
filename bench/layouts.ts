// `npm run bench` (layouts, issue 12): parse+check per MB of each shape published text comes in (line layouts,
// mid-line headings, a whole report on one line, markdown, a scraper's page, running page headers, glued cells),
// against the tab-separated one. Run alone with `node out/bench/layouts.js` after `node esbuild.mjs --bench`.
import { checkText } from '../server/src/engine';
import { consistentValues, LAYOUTS, renderReport, seededRandom, type ReportSpec } from '../test/support/generate';
import { gluedReport } from '../test/support/glued';

const LAYOUT_BYTES = 2 * 1024 * 1024;
const SHAPES: Record<string, (i: number, values: ReportSpec['values']) => string> = {
  ...Object.fromEntries(LAYOUTS.map((layout) => [layout, (i: number, values: ReportSpec['values']) => renderReport({ agency: `示例县第${i}局`, year: 2024, values, layout })])),
  'mid-line headings': (i, values) => renderReport({ agency: `示例县第${i}局`, year: 2024, values, layout: 'tabs', flow: 'mid-line' }),
  'one line': (i, values) => renderReport({ agency: `示例县第${i}局`, year: 2024, values, layout: 'spaces', flow: 'one-line' }),
  markdown: (i, values) => renderReport({ agency: `示例县第${i}局`, year: 2024, values, layout: 'tabs', markdown: true }),
  'scraper page': (i, values) => renderReport({ agency: `示例县第${i}局`, year: 2024, values, layout: 'spaces', flow: 'one-line', scraper: true }),
  'page breaks': (i, values) => renderReport({ agency: `示例县第${i}局`, year: 2024, values, layout: 'spaces', pageBreaks: true }),
  'glued cells': (i, values) => gluedReport(values, seededRandom(i + 7)).replaceAll('示例县发展和改革局', `示例县第${i}局`),
};
// Each layout is timed right after a run of the tab-separated one, round after round, and its ratio is to that
// run: on a shared machine whose speed drifts (by up to 2× within minutes), only runs a moment apart compare
// layouts more than moments. Each timed run follows an untimed one of the same layout, so that it pays for its
// own garbage and not for the layout's before it; no collection is forced between them (a heap shrunk by one
// makes the next run pay for growing it again, three times over). Printed per layout: its best round, that as a
// multiple of tabs's best, and the median of its ratios to the tabs run beside it.
const LAYOUT_ROUNDS = 9;
/** LAYOUT_BYTES of reports of one shape, the `first`-th report on */
function compilation(make: (i: number, values: ReportSpec['values']) => string, first: number): string {
  const parts: string[] = [];
  for (let i = first, bytes = 0; bytes < LAYOUT_BYTES; i++) {
    parts.push(make(i, consistentValues(seededRandom(i + 1))));
    bytes += Buffer.byteLength(parts[parts.length - 1]);
  }
  return parts.join('\n');
}
const layoutTexts = Object.entries(SHAPES).map(([name, make]) => {
  const text = compilation(make, 0);
  checkText(text);
  return { name, text };
});
const tabs = layoutTexts.find((l) => l.name === 'tabs')!;
const best: Record<string, number> = Object.fromEntries(layoutTexts.map((l) => [l.name, Number.POSITIVE_INFINITY]));
const ratios: Record<string, number[]> = Object.fromEntries(layoutTexts.map((l) => [l.name, []]));
/** parse+check ms per MB of one check of a text */
function checkedOnce(text: string): number {
  const t0 = process.hrtime.bigint();
  checkText(text);
  return Number(process.hrtime.bigint() - t0) / 1e6 / (Buffer.byteLength(text) / 1024 / 1024);
}
/** parse+check ms per MB of one layout, after an untimed run of it */
function timed(layout: (typeof layoutTexts)[number]): number {
  checkText(layout.text);
  const ms = checkedOnce(layout.text);
  best[layout.name] = Math.min(best[layout.name], ms);
  return ms;
}
for (let round = 0; round < LAYOUT_ROUNDS; round++) {
  for (const layout of layoutTexts) {
    if (layout === tabs) continue;
    const beside = timed(tabs);
    ratios[layout.name].push(timed(layout) / beside);
  }
}
ratios.tabs.push(1);
const medianOf = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(
  `per layout, parse+check ms per MB, best of ${LAYOUT_ROUNDS} rounds (× tabs's best; the median of its ratios to the tabs run beside it): ${Object.entries(best)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)} (${(ms / best.tabs).toFixed(2)}; ${medianOf(ratios[name]).toFixed(2)})`)
    .join(', ')}; target ≤ 1.5×`,
);

// The rounds above check the same text again and again, so a glued row's split is found once and then looked up
// (the split cache). A reviewer's folder holds reports whose rows were never seen: glued cells and tabs, each
// pair of texts new, checked once.
const FRESH_PAIRS = 4;
// every text made before any is timed, so that none is timed with the garbage of making the next
const freshPairs = Array.from({ length: FRESH_PAIRS }, (_, pair) => {
  const first = (pair + 1) * 100_000;
  return { tabs: compilation(SHAPES.tabs, first), glued: compilation(SHAPES['glued cells'], first) };
});
const freshRatios = freshPairs.map((pair) => {
  const beside = checkedOnce(pair.tabs);
  return checkedOnce(pair.glued) / beside;
});
console.log(`glued cells in reports not seen before (${FRESH_PAIRS} new pairs of texts, each checked once): the median of its ratios to tabs ${medianOf(freshRatios).toFixed(2)}×`);
