// The extension manifest agrees with the engine: every diagnostic code has a severity setting and a schema
// entry, every command and setting has a title in both languages, activation is explicit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CODES } from '../../server/src/engine';
import { IMPORT_EXTENSIONS } from '../../server/src/import';
import { generated } from '../../scripts/codes';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = json('package.json');
const nls = { en: json('package.nls.json'), zh: json('package.nls.zh-cn.json') };

describe('extension manifest', () => {
  it('offers a severity setting and a config-schema entry for every diagnostic code', () => {
    const setting = pkg.contributes.configuration.properties['xxgk.severity'];
    assert.deepEqual(Object.keys(setting.properties).sort(), [...CODES].sort());
    assert.deepEqual(Object.keys(json('schemas/xxgk.config.schema.json').properties.severity.properties).sort(), [...CODES].sort());
  });
  it('package.json, the config schema and README say of the codes what the checks declare (scripts/codes.ts)', () => {
    const files = { packageJson: readFileSync('package.json', 'utf8'), schema: readFileSync('schemas/xxgk.config.schema.json', 'utf8'), readme: readFileSync('README.md', 'utf8') };
    const wanted = generated(files);
    for (const key of Object.keys(files) as (keyof typeof files)[]) assert.equal(files[key], wanted[key], `${key} differs from what the checks declare: run npm run build`);
  });
  it('has every %key% in both the English and the Chinese strings', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 10);
    for (const key of keys) {
      assert.ok(nls.en[key], `package.nls.json lacks ${key}`);
      assert.ok(nls.zh[key], `package.nls.zh-cn.json lacks ${key}`);
    }
  });
  it('activates explicitly, on the report language and on text files that may be reports', () => {
    assert.ok(pkg.activationEvents.includes('onLanguage:xxgk-report'));
    assert.ok(pkg.activationEvents.includes('onLanguage:plaintext'));
    assert.equal(pkg.contributes.languages[0].id, 'xxgk-report');
    assert.deepEqual(pkg.contributes.languages[0].extensions, ['.xxgk']);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  });
  it('gives Chinese prose readable editor defaults: full-width punctuation not boxed, long paragraphs wrapped', () => {
    const { 'editor.fontFamily': _font, ...rest } = pkg.contributes.configurationDefaults['[xxgk-report]'];
    assert.deepEqual(rest, {
      'editor.unicodeHighlight.ambiguousCharacters': false,
      'editor.wordWrap': 'on',
    });
  });
  it('shows reports in a font whose ideographs are two digits wide first, falling back to VS Code\'s own fonts', () => {
    const fonts = pkg.contributes.configurationDefaults['[xxgk-report]']['editor.fontFamily'].split(/,\s*/).map((f: string) => f.replace(/'/g, ''));
    // the two-to-one fonts of client/src/font.ts, those whose curly quotes are narrow as VS Code counts them first
    assert.deepEqual(fonts.slice(0, 6), ['Sarasa Term SC', 'Sarasa Mono SC', 'WenQuanYi Zen Hei Mono', 'Noto Sans Mono CJK SC', 'NSimSun', '新宋体']);
    assert.equal(fonts.at(-1), 'monospace');
  });
  it('declares every command the client registers', () => {
    const client = readFileSync('client/src/extension.ts', 'utf8');
    const registered = [...client.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command).sort(), registered);
  });
  it('offers "import a report" in the Explorer on the published formats the server imports, and on no other file', () => {
    const [entry] = pkg.contributes.menus['explorer/context'];
    assert.equal(entry.command, 'xxgk.importReport');
    const pattern = /resourceExtname =~ \/(.+)\/i/.exec(entry.when)?.[1];
    assert.ok(pattern, entry.when);
    const offered = (extension: string): boolean => new RegExp(pattern, 'i').test(extension);
    for (const extension of IMPORT_EXTENSIONS) assert.ok(offered(extension) && offered(extension.toUpperCase()), extension);
    for (const extension of ['.txt', '.md', '.xxgk', '.doc', '.xls', '.html.txt', '.pdfx']) assert.ok(!offered(extension), extension);
  });
});
