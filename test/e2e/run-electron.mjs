// `npm run test:electron`: the same extension-host suite under @vscode/test-electron, which downloads a VS Code
// build. On a machine that cannot reach the VS Code download server it says so and exits 0 (skipped);
// `npm run test:e2e` runs the same suite offline in code-server.
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { ROOT } from './code-server.mjs';

let executable;
try {
  executable = await downloadAndUnzipVSCode({ version: process.env.XXGK_VSCODE_VERSION ?? 'stable', timeout: 30000 });
} catch (e) {
  console.log(`test:electron skipped: VS Code could not be downloaded (${e.message.split('\n')[0]}).`);
  console.log('This machine is offline; the same suite runs in a real VS Code through code-server: npm run test:e2e');
  process.exit(0);
}
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out/e2e/suite/index.js'),
    launchArgs: [join(ROOT, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { XXGK_E2E_WORKSPACE: join(ROOT, 'examples') },
  });
} catch (e) {
  console.error(`test:electron failed: ${e.message}`);
  process.exit(1);
}
