// The HTML report (`xxgk check --format html`) opened in headless Chromium: the wrong total is marked with
// its message, its problem says the line it is on, nothing links out of the page, the summary sorts on a click;
// screenshots go to test-artifacts/. Also times the report for the bundled examples and for a folder of 1,000
// reports.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARTIFACTS, launchChromium, ROOT } from './code-server.mjs';

const CLI = join(ROOT, 'dist/cli.js');
const fail = (message) => {
  console.error(`html report test failed: ${message}`);
  process.exit(1);
};
function report(paths, out) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'html', ...paths], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) fail(`exit ${r.status}: ${r.stderr}`);
  writeFileSync(out, r.stdout);
  return Date.now() - started;
}

mkdirSync(ARTIFACTS, { recursive: true });
const page = join(ARTIFACTS, 'html-report.html');
const examplesMs = report(['examples/'], page);

const browser = await launchChromium();
try {
  const tab = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await tab.goto(pathToFileURL(page).href);
  const rows = tab.locator('table.summary tbody tr');
  if ((await rows.count()) !== 7) fail(`${await rows.count()} summary rows for 7 example reports`);
  const report = tab.locator('details.report', { hasText: 'arithmetic-errors-2024.txt' });
  const wrong = report.locator('td.cell.error', { hasText: '145' });
  await wrong.waitFor();
  if (!(await wrong.getAttribute('title'))?.includes('row-total-mismatch')) fail('the wrong total carries no message');
  const where = await report.locator('ul.problems span.where').first().textContent();
  if (where !== '第 32 行') fail(`the first problem says ${where}`);
  const outward = await tab.locator('a[href]:not([href^="#"])').count();
  if (outward) fail(`${outward} links leave the page`);
  await tab.locator('table.summary th', { hasText: '错误' }).click();
  await tab.locator('table.summary th', { hasText: '错误' }).click();
  const first = await rows.first().locator('td.n.bad').first().textContent();
  if (first !== '22') fail(`sorted by errors, the first row has ${first} errors (seed 002 has 22)`);
  await tab.screenshot({ path: join(ARTIFACTS, 'html-report-summary.png') });
  await wrong.scrollIntoViewIfNeeded();
  await tab.screenshot({ path: join(ARTIFACTS, 'html-report-table.png') });
} finally {
  await browser.close();
}

// a folder of 1,000 reports: the examples copied over and over
const folder = mkdtempSync(join(tmpdir(), 'xxgk-html-'));
const examples = ['clean-2024.txt', 'arithmetic-errors-2024.txt', 'seed-000-zhanhe-caozhen-2024.txt', 'seed-003-yanjin-tapu-2024.txt'].map((f) => readFileSync(join(ROOT, 'examples', f)));
for (let i = 0; i < 1000; i++) writeFileSync(join(folder, `r${String(i).padStart(4, '0')}.txt`), examples[i % examples.length]);
const thousandMs = report([folder], join(tmpdir(), 'xxgk-1000.html'));
console.log(`html report: passed; ${examplesMs} ms for the 7 bundled examples, ${thousandMs} ms for a folder of 1,000 reports (screenshots in test-artifacts/)`);
