// The HTML report (`xxgk check --format html`) opened in headless Chromium: the wrong total is marked with
// its message, its problem links back to the file and line, the summary sorts on a click; a screenshot goes
// to test-artifacts/. Also times the report for the bundled examples and for a folder of 1,000 reports.
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
  const wrong = tab.locator('article', { hasText: 'arithmetic-errors-2024.txt' }).locator('td.cell.error', { hasText: '145' });
  await wrong.waitFor();
  if (!(await wrong.getAttribute('title'))?.includes('row-total-mismatch')) fail('the wrong total carries no message');
  const link = await tab.locator('article', { hasText: 'arithmetic-errors-2024.txt' }).locator('ul.problems a').first().getAttribute('href');
  if (!link?.endsWith('arithmetic-errors-2024.txt#L32')) fail(`the first problem links to ${link}`);
  await tab.locator('table.summary th', { hasText: '错误' }).click();
  await tab.locator('table.summary th', { hasText: '错误' }).click();
  const first = await rows.first().locator('td').nth(4).textContent();
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
