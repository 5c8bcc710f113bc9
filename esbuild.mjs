// Bundles the CLI, the language server and the extension into dist/, and the tests and the benchmark into out/.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const logLevel = args.has('--quiet') ? 'warning' : 'info';
// --production (the .vsix): minified, without source maps
const production = args.has('--production');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel };

function filesUnder(dir, suffix) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

if (args.has('--tests')) {
  // the end-to-end suite runs inside VS Code (--e2e), not under node:test
  const unit = filesUnder('test', '.test.ts').filter((f) => !f.startsWith(join('test', 'e2e')));
  await esbuild.build({ ...common, entryPoints: unit, outdir: 'out/test', outbase: 'test' });
} else if (args.has('--e2e')) {
  // runs inside the extension host: vscode comes from the host, mocha from node_modules
  await esbuild.build({ ...common, entryPoints: filesUnder('test/e2e/suite', '.ts'), outdir: 'out/e2e/suite', external: ['vscode', 'mocha'] });
} else if (args.has('--fuzz')) {
  await esbuild.build({ ...common, entryPoints: ['test/fuzz/run.ts'], outdir: 'out/fuzz' });
} else if (args.has('--bench')) {
  await esbuild.build({ ...common, entryPoints: ['bench/bench.ts', 'bench/server.ts', 'bench/pdf.ts', 'bench/import.ts'], outdir: 'out/bench' });
} else {
  await esbuild.build({ ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } });
  await esbuild.build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' });
  await esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] });
  // the snippets are data built from the official template
  await esbuild.build({ ...common, entryPoints: { snippets: 'scripts/snippets.ts', codes: 'scripts/codes.ts' }, outdir: 'out/scripts', logLevel: 'warning' });
  execFileSync(process.execPath, ['out/scripts/snippets.js']);
  // the codes' severity settings, config schema and README table, from what the checks declare
  execFileSync(process.execPath, ['out/scripts/codes.js']);
}
