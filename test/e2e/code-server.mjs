// Starting code-server (a real VS Code) in a throwaway home, and a headless Debian Chromium on it.
// Shared by the extension-host suite (run-ext-tests.mjs) and the packaged-extension smoke test (ui-smoke.mjs).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync, cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CODE_SERVER = join(ROOT, '.vscode-test/code-server/node_modules/.bin/code-server');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export function requireTools() {
  if (!existsSync(CODE_SERVER) || !existsSync('/usr/bin/chromium')) {
    console.error('code-server or Chromium is missing: run scripts/e2e-setup.sh first');
    process.exit(2);
  }
}

const freePort = () =>
  new Promise((ok) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });

/** A fresh user-data folder, extensions folder, home and workspace; the examples copied into the workspace. */
export function isolatedHome(prefix) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  for (const dir of ['home', 'tmp', 'data/User', 'exts', 'ws', 'xdg-config', 'xdg-data']) mkdirSync(join(work, dir), { recursive: true });
  writeFileSync(join(work, 'config.yaml'), 'auth: none\n');
  writeFileSync(
    join(work, 'data/User/settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false }),
  );
  cpSync(join(ROOT, 'examples'), join(work, 'ws'), { recursive: true });
  return work;
}

export function codeServerArgs(work) {
  return ['--config', join(work, 'config.yaml'), '--user-data-dir', join(work, 'data'), '--extensions-dir', join(work, 'exts')];
}

export function environment(work, extra = {}) {
  return {
    ...process.env,
    HOME: join(work, 'home'),
    TMPDIR: join(work, 'tmp'),
    XDG_CONFIG_HOME: join(work, 'xdg-config'),
    XDG_DATA_HOME: join(work, 'xdg-data'),
    ...extra,
  };
}

export async function startCodeServer(work, env) {
  const port = await freePort();
  const logPath = join(work, 'code-server.log');
  const child = spawn(
    CODE_SERVER,
    [
      ...codeServerArgs(work),
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      join(work, 'ws'),
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const deadline = Date.now() + 60000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`code-server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    log: () => log,
    logPath,
    async stop() {
      writeFileSync(logPath, log);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const exited = await Promise.race([new Promise((r) => child.once('exit', () => r(true))), new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
    },
  };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Exits with 124 if the run takes longer than `seconds`, killing what was started. */
export function watchdog(seconds, cleanup) {
  const timer = setTimeout(async () => {
    console.error(`timed out after ${seconds} s`);
    await cleanup().catch(() => {});
    process.exit(124);
  }, seconds * 1000);
  timer.unref();
  return timer;
}
