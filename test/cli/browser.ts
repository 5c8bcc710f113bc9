// A page opened in a real browser: headless Chromium through playwright-core (as test/e2e drives it). playwright
// is loaded at run time, not bundled into the test. Tests that need it are skipped where Chromium is not installed.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Playwright = typeof import('playwright-core');
export type Page = import('playwright-core').Page;

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const NO_CHROMIUM = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;

/** Opens the page file in Chromium, runs `use` on it, closes the browser. */
export async function inChromium<T>(file: string, use: (page: Page) => Promise<T>): Promise<T> {
  const { chromium } = createRequire(join(process.cwd(), 'package.json'))('playwright-core') as Playwright;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pathToFileURL(file).href);
    const result = await use(page);
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
  }
}
