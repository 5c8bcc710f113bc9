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

// pdf.js is a chunk of its own, dist/pdf.js, which the server and the CLI require from beside them when the first PDF
// is read (pdf-load.ts): their start does not pay for it. Tests and benchmarks bundle it in place.
const pdfChunk = {
  name: 'pdf-chunk',
  setup(build) {
    build.onResolve({ filter: /^\.\/pdf-js$/ }, () => ({ path: './pdf.js', external: true }));
  },
};

// iconv-lite's tables of the Japanese and Korean code pages, which nothing here decodes (files/decode.ts and
// import/decode.ts read GB18030, Big5 and UTF-16): left out of the bundles, which keeps the .vsix within 2 MB. Asked
// for by mistake, such a code page fails loudly instead of decoding wrong.
const withoutUnusedCodePages = {
  name: 'without-unused-code-pages',
  setup(build) {
    build.onResolve({ filter: /^\.\/tables\/(shiftjis|eucjp|cp949)\.json$/ }, (args) =>
      args.importer.includes('iconv-lite') ? { path: args.path, namespace: 'unused-code-page' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'unused-code-page' }, (args) => ({ contents: `throw new Error('code page not bundled: ${args.path}');`, loader: 'js' }));
  },
};

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
  await esbuild.build({ ...common, entryPoints: ['bench/bench.ts', 'bench/layouts.ts', 'bench/server.ts', 'bench/pdf.ts', 'bench/import.ts'], outdir: 'out/bench' });
} else {
  await esbuild.build({ ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, plugins: [pdfChunk, withoutUnusedCodePages] });
  await esbuild.build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist', plugins: [pdfChunk, withoutUnusedCodePages] });
  await esbuild.build({ ...common, entryPoints: { pdf: 'server/src/import/pdf-js.ts' }, outdir: 'dist' });
  await esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] });
  // the snippets are data built from the official template; the GB CMaps are copied beside the bundles
  await esbuild.build({ ...common, entryPoints: { snippets: 'scripts/snippets.ts', codes: 'scripts/codes.ts', cmaps: 'scripts/cmaps.ts' }, outdir: 'out/scripts', logLevel: 'warning', external: ['pdfjs-dist'] });
  execFileSync(process.execPath, ['out/scripts/snippets.js']);
  execFileSync(process.execPath, ['out/scripts/cmaps.js']);
  // the codes' severity settings, config schema and README table, from what the checks declare
  execFileSync(process.execPath, ['out/scripts/codes.js']);
}
