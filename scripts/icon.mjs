// Draws images/icon.png (128×128, the Marketplace icon) and images/file.png (32×32, the file icon) in headless
// Chromium. Run once after changing the design: `node scripts/icon.mjs`; the PNGs are committed.
import { chromium } from 'playwright-core';

const html = (size) => `<!doctype html><html><body style="margin:0;background:transparent">
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="22" fill="#b3261e"/>
  <rect x="22" y="58" width="84" height="50" rx="4" fill="#fff"/>
  <g stroke="#b3261e" stroke-width="3">
    <line x1="22" y1="75" x2="106" y2="75"/><line x1="22" y1="91" x2="106" y2="91"/>
    <line x1="50" y1="58" x2="50" y2="108"/><line x1="78" y1="58" x2="78" y2="108"/>
  </g>
  <text x="64" y="47" font-size="34" font-weight="700" fill="#fff" text-anchor="middle" font-family="Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif">年报</text>
</svg></body></html>`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [size, path] of [[128, 'images/icon.png'], [32, 'images/file.png']]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(html(size));
  await page.screenshot({ path, omitBackground: true });
}
await browser.close();
