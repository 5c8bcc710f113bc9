// `npm run test:ui`: the packaged .vsix, installed into a real VS Code (code-server) and driven through its UI
// in headless Chromium, as a user would: open a report, see the squiggle and the Problems entry, Ctrl+. to
// apply the quick fix, save, and find the fixed total on disk; Format Document a seed and find its columns
// starting at one x on screen. Screenshots go to test-artifacts/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, CODE_SERVER, codeServerArgs, environment, isolatedHome, launchChromium, requireTools, ROOT, startCodeServer, watchdog } from './code-server.mjs';

requireTools();
const started = Date.now();
const step = (what) => console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${what}`);
const work = isolatedHome('xxgk-e2e-b-');
const env = environment(work);
const file = join(work, 'ws', 'quick-fix.xxgk');
copyFileSync(join(ROOT, 'examples', 'arithmetic-errors-2024.txt'), file);
// a published seed as a report file, for the aligned table: tabs, leading tabs, labels of 3 to 34 ideographs
const seed = join(work, 'ws', 'seed-003.xxgk');
copyFileSync(join(ROOT, 'examples', 'seed-003-yanjin-tapu-2024.txt'), seed);
mkdirSync(ARTIFACTS, { recursive: true });

// one package for every platform, pdf.js and the CMaps in it, within 2 MB (issue 14)
const VSIX_LIMIT = 2_000_000;
const vsixBytes = statSync(join(ROOT, 'xxgk-report.vsix')).size;
if (vsixBytes > VSIX_LIMIT) throw new Error(`xxgk-report.vsix is ${vsixBytes} bytes, over ${VSIX_LIMIT}`);
execFileSync(CODE_SERVER, [...codeServerArgs(work), '--install-extension', join(ROOT, 'xxgk-report.vsix'), '--force'], { env, stdio: 'pipe' });
// what the server requires only on the first PDF: in the package too, not only in dist/
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
for (const shipped of ['dist/pdf.js', 'dist/cmaps/UniGB-UCS2-H.bcmap', 'dist/cmaps/GBK-EUC-H.bcmap']) {
  if (!existsSync(join(work, 'exts', `xxgk-report.xxgk-report-${version}`, shipped))) throw new Error(`the installed extension lacks ${shipped}`);
}
step(`installed xxgk-report.vsix (${vsixBytes} bytes)`);
const server = await startCodeServer(work, env);
let browser;
let page;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  await server.stop();
};
watchdog(Number(process.env.XXGK_E2E_TIMEOUT ?? 180), async () => {
  await page?.screenshot({ path: join(ARTIFACTS, 'ui-timeout.png') }).catch(() => {});
  await cleanup();
});

try {
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(join(work, 'ws'))}`);
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'quick-fix.xxgk' }).waitFor({ timeout: 60000 });
  step('workbench ready');

  /** The file at `path` once saved with other text than `before`: the same on two reads, since a read may catch a save half written. */
  const savedText = async (before, never, path = file) => {
    const by = Date.now() + 15000;
    let saved = readFileSync(path, 'utf8');
    for (let previous = null; saved === before || saved !== previous; saved = readFileSync(path, 'utf8')) {
      if (Date.now() > by) throw new Error(never);
      previous = saved;
      await new Promise((r) => setTimeout(r, 200));
    }
    return saved;
  };

  /** Fails unless `after` differs from `before` in spaces and tabs only, naming the first line that differs otherwise. */
  const onlyWhitespaceChanged = (before, after, what) => {
    const squeeze = (text) => text.split('\n').map((line) => line.replace(/[ \t]+/g, ''));
    const [was, is] = [squeeze(before), squeeze(after)];
    const line = was.findIndex((l, i) => l !== is[i]);
    if (line >= 0 || was.length !== is.length) throw new Error(`Format Document changed more than whitespace in ${what}: line ${line + 1} reads ${JSON.stringify(after.split('\n')[line])}`);
  };

  /** Runs Format Document on the focused editor. */
  const formatDocument = async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Format Document');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Format Document' }).first().waitFor();
    await page.keyboard.press('Enter');
  };

  /**
   * Where each of the last `cells` numbers of the rows holding these labels starts on screen (px), measured on the
   * rendered text of the editor's lines: one list per row, null for a row not shown.
   */
  const cellStarts = (editor, labels, cells) =>
    editor.evaluate(
      (root, [labels, cells]) => {
        // the editor draws spaces and tabs as no-break spaces
        const plain = (text) => text.replace(/\u00a0/g, ' ');
        const lines = [...root.querySelectorAll('.view-lines .view-line')];
        return labels.map((label) => {
          const line = lines.find((l) => plain(l.textContent).includes(label));
          if (!line) return null;
          const nodes = [];
          let text = '';
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            nodes.push({ node, from: text.length });
            text += node.data;
          }
          const after = plain(text).indexOf(label) + label.length;
          return [...text.slice(after).matchAll(/\d+/g)].slice(-cells).map((m) => {
            const at = after + m.index;
            const { node, from } = nodes.findLast((n) => n.from <= at);
            const range = document.createRange();
            range.setStart(node, at - from);
            range.setEnd(node, at - from + 1);
            return range.getBoundingClientRect().left;
          });
        });
      },
      [labels, cells],
    );
  /** The widest spread (px) of a column's starts over the rows. */
  const spread = (rows) => Math.max(...rows[0].map((_, col) => Math.max(...rows.map((r) => r[col])) - Math.min(...rows.map((r) => r[col]))));

  /** Opens a workspace file with Ctrl+P and waits for its text and a squiggle of the given kind. */
  const openFile = async (name, text, squiggle) => {
    await page.keyboard.press('Control+P');
    await page.keyboard.type(name);
    // the row of that file, clicked: Enter takes whichever row is first, which under load may still be another
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor();
    await row.click();
    const opened = page.locator('.editor-instance .monaco-editor').first();
    await opened.locator('.view-lines', { hasText: text }).waitFor();
    if (squiggle) await opened.locator(`.squiggly-${squiggle}`).first().waitFor({ timeout: 30000 });
    return opened;
  };
  const editor = await openFile('quick-fix.xxgk', '一、本年新收政府信息公开申请数量', 'error');
  step('report open, squiggles shown');

  await page.keyboard.press('Control+Shift+M');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'row-total-mismatch' }).first();
  await problem.waitFor();
  const rowTotalsBefore = await page.locator('.markers-panel .monaco-list-row', { hasText: 'row-total-mismatch' }).count();
  step(`Problems panel lists ${rowTotalsBefore} row-total-mismatch entries`);

  // the preview: the wrong total marked, its message on hover, a click moves the editor's cursor to its line
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.startsWith('一、本年新收')) + 1;
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('xxgk: Open Preview to the Side');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Preview to the Side' }).first().waitFor();
  await page.keyboard.press('Enter');
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const wrongTotal = preview.locator('td.cell.error', { hasText: '145' });
  await wrongTotal.waitFor({ timeout: 30000 });
  const tooltip = await wrongTotal.getAttribute('title');
  if (!tooltip?.includes('row-total-mismatch')) throw new Error(`the marked cell's message is "${tooltip}"`);
  await preview.locator('th', { hasText: '法人或其他组织' }).first().waitFor();
  await wrongTotal.scrollIntoViewIfNeeded();
  await page.keyboard.press('Control+J'); // the panel out of the way for the picture
  await page.locator('.markers-panel').waitFor({ state: 'hidden' });
  await page.screenshot({ path: join(ARTIFACTS, 'ui-preview.png') });
  step('preview shows the table with the wrong total marked (screenshot ui-preview.png)');
  // the preview follows the colour theme: switch to a dark one and read the page's background
  const background = () => preview.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
  const light = await background();
  await editor.click();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await page.keyboard.type('Dark Modern');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
  await page.keyboard.press('Enter');
  const luminance = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((sum, v) => sum + Number(v), 0) / 3;
  const deadline0 = Date.now() + 15000;
  while (luminance(await background()) > 100) {
    if (Date.now() > deadline0) throw new Error(`the preview stayed ${await background()} in a dark theme (was ${light})`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await page.screenshot({ path: join(ARTIFACTS, 'ui-preview-dark.png') });
  step(`the preview follows the theme: background ${light} → ${await background()} (screenshot ui-preview-dark.png)`);
  await page.keyboard.press('Control+Shift+M');
  await wrongTotal.click();
  await page.locator('.statusbar-item', { hasText: `Ln ${line},` }).first().waitFor({ timeout: 15000 });
  step(`a click on the cell moved the cursor to line ${line}`);

  // the cursor onto the wrong total: inside "145"
  await editor.click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line}:${lines[line - 1].lastIndexOf('145') + 2}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: '144' }).first();
  await fix.waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'ui-quick-fix.png') });
  step('quick fix offered (screenshot ui-quick-fix.png)');
  // the total's fix is the focused (first) entry of the menu
  const focused = await page.locator('.action-widget .monaco-list-row.focused').getAttribute('aria-label');
  if (!focused?.includes('144')) throw new Error(`the focused quick fix is "${focused}", not the total`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+S');
  const deadline = Date.now() + 15000;
  while (!readFileSync(file, 'utf8').includes('一、本年新收政府信息公开申请数量\t97\t16\t7\t14\t4\t6\t144')) {
    if (Date.now() > deadline) throw new Error('the fixed total never reached the file on disk');
    await new Promise((r) => setTimeout(r, 200));
  }
  step('fix applied and saved to disk');
  await preview.locator('td.cell.error', { hasText: '145' }).waitFor({ state: 'detached', timeout: 15000 });
  step('the preview followed the edit: the total is no longer marked');
  // the fixed total leaves the Problems panel: one row-total-mismatch fewer
  const rowTotals = page.locator('.markers-panel .monaco-list-row', { hasText: 'row-total-mismatch' });
  const fixedGone = Date.now() + 15000;
  while ((await rowTotals.count()) !== rowTotalsBefore - 1) {
    if (Date.now() > fixedGone) throw new Error(`Problems still lists ${await rowTotals.count()} row-total-mismatch entries`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await page.screenshot({ path: join(ARTIFACTS, 'ui-after-fix.png') });
  step('screenshot ui-after-fix.png');

  // a published seed, opened as the .txt it came as: checked in place, its typo squiggled
  await openFile('seed-003-yanjin-tapu-2024.txt', '本年度止件数', 'warning');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'label-typo' }).first().waitFor();
  step('seed 003 (.txt) checked in place: label-typo squiggled and listed');
  // Format Document lines the table's cells up by display width (the screenshot goes into README)
  const fixedText = readFileSync(file, 'utf8');
  const formatted = await openFile('quick-fix.xxgk', '一、本年新收政府信息公开申请数量');
  await formatted.click();
  await formatDocument();
  await page.keyboard.press('Control+S');
  const saved = await savedText(fixedText, 'Format Document changed nothing on disk');
  onlyWhitespaceChanged(fixedText, saved, 'quick-fix.xxgk');
  step('Format Document aligned the tables, only whitespace changed');

  // on screen too: the seed's table 三 formatted, the cells of each column start at one x on rows whose labels
  // differ in length, in ideographs, quotes and ASCII (a wide window, no side bar or panel, the preview closed)
  await page.setViewportSize({ width: 1800, height: 900 });
  await page.keyboard.press('Control+J');
  await page.keyboard.press('Control+B');
  await page.locator('.tab', { hasText: 'Preview quick-fix.xxgk' }).locator('.codicon-close').click();
  const rows = ['一、本年新收政府信息公开申请数量', '2. 其他法律行政法规禁止公开', '3. 危及“三安全一稳定”', '2. 重复申请', '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '(七) 总计'];
  const seedText = readFileSync(seed, 'utf8');
  const table = await openFile('seed-003.xxgk', '政府信息公开工作年度报告');
  await table.click();
  await formatDocument();
  await page.keyboard.press('Control+S');
  const seedSaved = await savedText(seedText, 'Format Document changed nothing of the seed on disk', seed);
  onlyWhitespaceChanged(seedText, seedSaved, 'seed-003.xxgk');
  // table 三 in the middle of the window
  await page.keyboard.press('Control+G');
  await page.keyboard.type('56');
  await page.keyboard.press('Enter');
  const aligned = await cellStarts(table, rows, 7);
  if (aligned.some((r) => r?.length !== 7)) throw new Error(`not every row shown with its 7 cells: ${JSON.stringify(aligned)}`);
  await page.screenshot({ path: join(ARTIFACTS, 'ui-aligned.png') });
  if (spread(aligned) > 1.5) throw new Error(`the formatted columns spread ${spread(aligned).toFixed(1)} px: ${JSON.stringify(aligned)}`);
  step(`on screen, the formatted columns start within ${spread(aligned).toFixed(1)} px over ${rows.length} rows of the seed's table 三 (screenshot ui-aligned.png)`);
  await openFile('quick-fix.xxgk', '一、本年新收政府信息公开申请数量');

  // the table view: a table's lens opens it in the preview, where a number cell is edited in place
  await page.keyboard.press('Control+Home');
  const lens = page.locator('.codelens-decoration a', { hasText: '表格视图' });
  await lens.first().waitFor({ timeout: 15000 });
  await lens.first().click();
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const cell = view.locator('td[data-cell$=":三:R3:0"]');
  await cell.waitFor({ timeout: 30000 });
  await cell.scrollIntoViewIfNeeded();
  const before = readFileSync(file, 'utf8');
  await cell.dblclick();
  await view.locator('td[data-cell$=":三:R3:0"] input').waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await page.screenshot({ path: join(ARTIFACTS, 'ui-table-view.png') });
  await formatted.click();
  await page.keyboard.press('Control+S');
  const r3 = (await savedText(before, 'the cell typed in the table view never reached the file')).split('\n').find((l) => l.startsWith('（一）予以公开'));
  if (!/^（一）予以公开\s+5\s/.test(r3)) throw new Error(`the edited row reads "${r3}"`);
  step('a cell typed in the table view wrote that cell of the text (screenshot ui-table-view.png)');

  await cleanup();
  console.log(`ui smoke test of the .vsix: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(0);
} catch (e) {
  console.error(`ui smoke test failed: ${e.stack ?? e}`);
  await page?.screenshot({ path: join(ARTIFACTS, 'ui-failure.png') }).catch(() => {});
  await cleanup();
  process.exit(1);
}
