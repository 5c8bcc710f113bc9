// The arrows of the layout, read from the sources' import specifiers: the engine stands on its own and is entered
// through its index only; the client knows the server only by the protocol, which is types and names; the CLI and
// the language server share only the engine and the node-side rooms (files/, config, import/), never each other.
// A new file that goes around a door fails here, naming the file and the import.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/helpers';

/** The sources whose imports are held to the arrows (tests may open any room they test). */
const SOURCE_ROOTS = ['server/src', 'client/src', 'scripts', 'bench'];
const ENGINE = 'server/src/engine';
const ENGINE_DOOR = new Set([ENGINE, `${ENGINE}/index`]);
const PROTOCOL = 'server/src/protocol';

interface Source {
  /** repository-relative, with forward slashes */
  readonly path: string;
  readonly text: string;
}

interface Import {
  readonly specifier: string;
  /** repository-relative path without extension for a relative specifier; null for a package or node: module */
  readonly target: string | null;
  /** `import type` / `export type`: erased at build, no arrow at run time */
  readonly typeOnly: boolean;
}

const STATIC = /^[ \t]*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(source: Source): Import[] {
  const resolve = (specifier: string): string | null =>
    specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(source.path), specifier)).replace(/\.(ts|js|mjs)$/, '') : null;
  const found: Import[] = [];
  for (const m of source.text.matchAll(STATIC)) found.push({ specifier: m[3], target: resolve(m[3]), typeOnly: !!m[2] });
  for (const m of source.text.matchAll(DYNAMIC)) found.push({ specifier: m[1], target: resolve(m[1]), typeOnly: false });
  return found;
}

const under = (path: string, room: string): boolean => path === room || path.startsWith(`${room}/`);
const inCli = (path: string): boolean => under(path, 'server/src/cli');
const inLsp = (path: string): boolean => under(path, 'server/src/lsp') || path === 'server/src/server';

/** Every import that breaks an arrow, as "file: specifier (why)". */
function violations(sources: readonly Source[]): string[] {
  const out: string[] = [];
  for (const source of sources) {
    const from = source.path.replace(/\.ts$/, '');
    const broken = (i: Import, why: string): void => void out.push(`${source.path}: '${i.specifier}' (${why})`);
    for (const i of importsOf(source)) {
      if (under(from, ENGINE)) {
        if (i.target === null) broken(i, 'the engine imports no package and no node: module');
        else if (!under(i.target, ENGINE)) broken(i, 'the engine imports nothing outside itself');
        continue;
      }
      if (i.target !== null && under(i.target, ENGINE) && !ENGINE_DOOR.has(i.target)) broken(i, 'the engine is entered through its index');
      if (under(from, 'client/src') && i.target !== null && !under(i.target, 'client/src') && i.target !== PROTOCOL) {
        broken(i, 'the client imports only the protocol of the server');
      }
      if (from === PROTOCOL && !i.typeOnly) broken(i, 'the protocol imports types only');
      if (inCli(from) && inLsp(i.target ?? '')) broken(i, 'the CLI does not import the language server');
      if (inLsp(from) && inCli(i.target ?? '')) broken(i, 'the language server does not import the CLI');
    }
  }
  return out;
}

function sourcesUnder(dir: string): Source[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourcesUnder(path);
    return path.endsWith('.ts') ? [{ path, text: readFileSync(join(ROOT, path), 'utf8') }] : [];
  });
}

describe('import arrows', () => {
  it('no source imports against the arrows (engine alone and behind its index, client → protocol only, CLI ⟂ LSP)', () => {
    const sources = SOURCE_ROOTS.flatMap(sourcesUnder);
    // the scan sees the imports it is about: the server's and the client's own
    const targets = new Set(sources.flatMap((s) => importsOf(s).map((i) => i.target)));
    for (const expected of [ENGINE, PROTOCOL, `${ENGINE}/parse`, 'server/src/files/find', 'client/src/preview']) assert.ok(targets.has(expected), expected);
    assert.deepEqual(violations(sources), []);
  });

  it('names each kind of broken arrow, in single-line, multi-line, re-exported and dynamic imports', () => {
    const planted: Source[] = [
      { path: 'server/src/lsp/a.ts', text: "import {\n  IncrementalDocument,\n  type ReportEntry,\n} from '../engine/incremental';\nimport { checkText } from '../engine';\n" },
      { path: 'server/src/import/b.ts', text: "export { foldText } from '../engine/text/fold';\n" },
      { path: 'server/src/engine/c.ts', text: "import { readFileSync } from 'node:fs';\nimport { REQUESTS } from '../protocol';\nimport { x } from './parse';\n" },
      { path: 'client/src/d.ts', text: "import * as vscode from 'vscode';\nimport { TITLE } from '../../server/src/engine/parse/blocks';\nimport { REQUESTS } from '../../server/src/protocol';\nimport { looks } from './recognise';\n" },
      { path: 'client/src/e.ts', text: "const files = require('../../server/src/files/find');\n" },
      { path: 'server/src/protocol.ts', text: "import type { Range } from 'vscode-languageserver';\nimport { message } from './engine';\n" },
      { path: 'server/src/cli/f.ts', text: "import { uriKey } from '../lsp/workspace';\n" },
      { path: 'server/src/server.ts', text: "import { toText } from './cli/format';\nimport { decode } from './files/decode';\n" },
    ];
    assert.deepEqual(violations(planted), [
      "server/src/lsp/a.ts: '../engine/incremental' (the engine is entered through its index)",
      "server/src/import/b.ts: '../engine/text/fold' (the engine is entered through its index)",
      "server/src/engine/c.ts: 'node:fs' (the engine imports no package and no node: module)",
      "server/src/engine/c.ts: '../protocol' (the engine imports nothing outside itself)",
      "client/src/d.ts: '../../server/src/engine/parse/blocks' (the engine is entered through its index)",
      "client/src/d.ts: '../../server/src/engine/parse/blocks' (the client imports only the protocol of the server)",
      "client/src/e.ts: '../../server/src/files/find' (the client imports only the protocol of the server)",
      "server/src/protocol.ts: './engine' (the protocol imports types only)",
      "server/src/cli/f.ts: '../lsp/workspace' (the CLI does not import the language server)",
      "server/src/server.ts: './cli/format' (the language server does not import the CLI)",
    ]);
  });
});
