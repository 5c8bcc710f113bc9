// `npm run test:e2e`: the mocha suite in test/e2e/suite runs inside the extension host of a real VS Code
// (code-server), loaded from this folder as a development extension; a headless Chromium opens the workbench
// and reports the result. Exit code = number of failures (0 = all passed); 124 on timeout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import util from 'node:util';
import { ARTIFACTS, environment, isolatedHome, launchChromium, requireTools, ROOT, startCodeServer, watchdog } from './code-server.mjs';

// the workbench's own chatter on an offline machine (gallery lookups, sockets): kept out of the test output
const WORKBENCH_NOISE = /open-vsx\.org|Creating a socket|connection token|\[Service Worker\]|ChatSessionStore|Updating additional builtin|workbench\.js:\d+/;

requireTools();
const started = Date.now();
const work = isolatedHome('xxgk-e2e-a-');
const env = environment(work, { XXGK_E2E_WORKSPACE: join(work, 'ws') });
const server = await startCodeServer(work, env);
let browser;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  await server.stop();
};
watchdog(Number(process.env.XXGK_E2E_TIMEOUT ?? 300), cleanup);

browser = await launchChromium();
const page = await (await browser.newContext()).newPage();
const exitCode = new Promise((resolve) => {
  void page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(args ?? []));
    if (!WORKBENCH_NOISE.test(text)) console.log(text);
  });
  void page.exposeFunction('codeAutomationExit', (code, logs) => {
    mkdirSync(join(ARTIFACTS, 'ext-host-logs'), { recursive: true });
    for (const log of logs ?? []) writeFileSync(join(ARTIFACTS, 'ext-host-logs', log.relativePath.replace(/[\\/]/g, '_')), log.contents);
    resolve(code);
  });
});
const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(ROOT)],
  ['extensionTestsPath', remote(join(ROOT, 'out/e2e/suite/index.js'))],
  ['skipWelcome', 'true'],
]);
await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(join(work, 'ws'))}&payload=${encodeURIComponent(payload)}`);
const code = await exitCode;
await cleanup();
console.log(`extension-host suite: exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
