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
// the layouts measured in turn in each round, each one's best round kept: on a shared machine whose speed drifts
// over a run (by up to 2× within minutes), one layout timed after another would compare moments more than layouts.
// Each timed run follows an untimed one of the same layout, so that it pays for its own garbage and not for the
// layout's before it; no collection is forced between them (a heap shrunk by one makes the next run pay for growing
// it again, three times over). Each layout's ratio within a round (to the tab-separated layout timed at the round's
// start) is given too, its median over the rounds: where it differs from the ratio of the bests, the machine was not
// steady.
const LAYOUT_ROUNDS = 9;
const layoutTexts = Object.entries(SHAPES).map(([name, make]) => {
  const parts: string[] = [];
  for (let i = 0, bytes = 0; bytes < LAYOUT_BYTES; i++) {
    parts.push(make(i, consistentValues(seededRandom(i + 1))));
    bytes += Buffer.byteLength(parts[i]);
  }
  const text = parts.join('\n');
  checkText(text);
  return { name, text, mb: Buffer.byteLength(text) / 1024 / 1024 };
});
const best: Record<string, number> = Object.fromEntries(layoutTexts.map((l) => [l.name, Number.POSITIVE_INFINITY]));
const ratios: Record<string, number[]> = Object.fromEntries(layoutTexts.map((l) => [l.name, []]));
for (let round = 0; round < LAYOUT_ROUNDS; round++) {
  const thisRound: Record<string, number> = {};
  for (const { name, text, mb } of layoutTexts) {
    // run once untimed: the timed run then pays for its own garbage, not for the layout's before it
    checkText(text);
    const t0 = process.hrtime.bigint();
    checkText(text);
    thisRound[name] = Number(process.hrtime.bigint() - t0) / 1e6 / mb;
    best[name] = Math.min(best[name], thisRound[name]);
    ratios[name].push(thisRound[name] / thisRound.tabs);
  }
}
const medianOf = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(
  `per layout, parse+check ms per MB, best of ${LAYOUT_ROUNDS} rounds (× tabs's best; the median of each round's ratio): ${Object.entries(best)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)} (${(ms / best.tabs).toFixed(2)}; ${medianOf(ratios[name]).toFixed(2)})`)
    .join(', ')}; target ≤ 1.5×`,
);
