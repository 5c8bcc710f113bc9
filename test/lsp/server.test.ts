// The language server spoken to over real JSON-RPC (dist/server.js --stdio): diagnostics, code actions,
// hover, outline, folding, inlay hints, formatting, settings, the workspace, and bad requests.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkText, parseDocument, REPORT_CSS } from '../../server/src/engine';
import { readExample, readSeed, SEEDS } from '../support/helpers';
import { applyLspEdits, fileUri, LspClient, wholePublication, type LspDiagnostic, type LspTextEdit, type Published } from '../support/lsp-client';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { changes: Record<string, LspTextEdit[]> };
}

const CLEAN = readExample('examples/clean-2024.txt');
const BROKEN = readExample('examples/arithmetic-errors-2024.txt');
const diagnoseLines = (text: string) => checkText(text).diagnostics.map((d) => ({ code: d.code, line: text.slice(0, d.span.start).split('\n').length - 1 }));
const codesOf = (p: Published): string[] => p.diagnostics.map((d) => String(d.code));
const at = (line: number, character: number) => ({ line, character });
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-lsp-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('language server over JSON-RPC', () => {
  let client: LspClient;
  let n = 0;
  const uri = (): string => `untitled:report-${++n}.xxgk`;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('publishes for every seed the same codes the engine finds, with the document version and narrow ranges', async () => {
    for (const id of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
      const text = readSeed(id);
      const u = uri();
      await client.open(u, text, 7);
      const published = await client.diagnostics(u);
      assert.equal(published.version, 7);
      assert.deepEqual(codesOf(published), checkText(text).diagnostics.map((d) => d.code), `seed ${id}`);
      const lines = text.split('\n').length;
      for (const d of published.diagnostics) {
        assert.equal(d.source, 'xxgk');
        assert.ok(d.range.end.line - d.range.start.line < 30 && d.range.end.line < lines, `narrow range in seed ${id}: ${JSON.stringify(d.range)}`);
      }
    }
  });

  it('re-checks on every change and clears on close', async () => {
    const u = uri();
    await client.open(u, CLEAN);
    assert.deepEqual(codesOf(await client.diagnostics(u)), []);
    const line = lineOf(CLEAN, '一、本年新收');
    const lineText = CLEAN.split('\n')[line];
    const total = lineText.lastIndexOf('144');
    await client.change(u, 2, [{ range: { start: at(line, total), end: at(line, total + 3) }, text: '145' }]);
    const broken = await client.diagnostics(u, (p) => p.version === 2);
    assert.ok(codesOf(broken).includes('row-total-mismatch'), codesOf(broken).join());
    const d = broken.diagnostics.find((x) => x.code === 'row-total-mismatch')!;
    assert.deepEqual(d.range, { start: at(line, total), end: at(line, total + 3) });
    await client.change(u, 3, [{ range: { start: at(line, total), end: at(line, total + 3) }, text: '144' }]);
    assert.deepEqual(codesOf(await client.diagnostics(u, (p) => p.version === 3)), []);
    await client.close(u);
    assert.deepEqual((await client.diagnostics(u, (p) => p.version === undefined)).diagnostics, []);
  });

  it('offers a quick fix for each fixable diagnostic, preferred only where the rules force it; applying one removes its diagnostic', async () => {
    const u = uri();
    await client.open(u, BROKEN);
    const published = await client.diagnostics(u);
    const engine = checkText(BROKEN).diagnostics;
    let target: LspDiagnostic | undefined;
    let fix: CodeAction | undefined;
    for (const d of published.diagnostics) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } });
      const own = engine.find((e) => e.code === d.code && e.message === d.message)!;
      const quick = actions.find((a) => a.kind === 'quickfix' && a.title === own.fix?.title);
      assert.equal(!!quick, !!own.fix, `${d.code}: a quick fix exactly when the engine has one`);
      assert.equal(quick?.isPreferred ?? false, own.fix?.preferred ?? false, `${d.code}: preferred exactly when safe`);
      if (quick?.isPreferred && !target) [target, fix] = [d, quick];
    }
    assert.ok(target && fix, 'the example has a fix the rules force');
    const fixed = applyLspEdits(BROKEN, fix.edit!.changes[u]);
    // only the total changed, on its own line
    assert.equal(fixed.split('\n').filter((l, i) => l !== BROKEN.split('\n')[i]).length, 1, JSON.stringify(fix));
    const onLine = (t: string) => diagnoseLines(t).filter((d) => d.code === target!.code && d.line === target!.range.start.line);
    assert.equal(onLine(fixed).length, onLine(BROKEN).length - 1);
  });

  it('offers "fix all of this kind" and source.fixAll.xxgk, which leave nothing fixable', async () => {
    const u = uri();
    await client.open(u, BROKEN);
    const published = await client.diagnostics(u);
    const rows = published.diagnostics.filter((d) => d.code === 'column-total-mismatch');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: rows[0].range, context: { diagnostics: rows } });
    const ofKind = actions.find((a) => a.title.includes('column-total-mismatch'))!;
    assert.ok(ofKind, actions.map((a) => a.title).join(' | '));
    const safe = checkText(BROKEN).diagnostics.filter((d) => d.code === 'column-total-mismatch' && d.fix?.preferred);
    assert.match(ofKind.title, new RegExp(`（${safe.length} 处）`), 'only the safe fixes of the kind');
    const kindFixed = applyLspEdits(BROKEN, ofKind.edit!.changes[u]);
    const left = checkText(kindFixed).diagnostics.filter((d) => d.code === 'column-total-mismatch');
    assert.equal(left.length, rows.length - safe.length);

    const source = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: at(0, 0), end: at(0, 0) },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(source.length, 1);
    assert.equal(source[0].kind, 'source.fixAll.xxgk');
    const allFixed = applyLspEdits(BROKEN, source[0].edit!.changes[u]);
    assert.deepEqual(checkText(allFixed).diagnostics.filter((d) => d.fix?.preferred).map((d) => d.code), []);
  });

  it('never applies a stale fix at the wrong place: after an edit above, the fix follows the text', async () => {
    const u = uri();
    await client.open(u, BROKEN, 1);
    const old = (await client.diagnostics(u, (p) => p.version === 1)).diagnostics.find((d) => d.code === 'row-total-mismatch')!;
    // two lines inserted at the top; the client has not yet received the new diagnostics
    await client.change(u, 2, [{ range: { start: at(0, 0), end: at(0, 0) }, text: '\n\n' }]);
    const moved: LspDiagnostic = { ...old, range: { start: at(old.range.start.line + 2, old.range.start.character), end: at(old.range.end.line + 2, old.range.end.character) } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: moved.range, context: { diagnostics: [moved] } });
    const text = '\n\n' + BROKEN;
    const fix = actions.find((a) => a.title === '改为 144')!;
    const fixed = applyLspEdits(text, fix.edit!.changes[u]);
    assert.equal(fixed.split('\n')[moved.range.start.line].slice(moved.range.start.character), '144');
    // the stale range itself (two lines higher) is untouched
    assert.equal(fixed.split('\n')[old.range.start.line], text.split('\n')[old.range.start.line]);
  });

  it('refuses a stale fix whose row changed: after 97→98 the old "改为 144" is not applied to the now right 145', async () => {
    const u = uri();
    await client.open(u, BROKEN, 1);
    const old = (await client.diagnostics(u, (p) => p.version === 1)).diagnostics.find((d) => d.code === 'row-total-mismatch' && d.message.includes('144'))!;
    const line = old.range.start.line;
    const col = BROKEN.split('\n')[line].indexOf('\t97\t') + 1;
    await client.change(u, 2, [{ range: { start: at(line, col), end: at(line, col + 2) }, text: '98' }]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: old.range, context: { diagnostics: [old] } });
    const writes = actions.flatMap((a) => a.edit?.changes[u] ?? []).filter((e) => e.range.start.line === line);
    assert.deepEqual(writes, [], `stale fix offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    const now = (await client.diagnostics(u, (p) => p.version === 2)).diagnostics;
    assert.ok(!now.some((d) => d.range.start.line === line && d.code === 'row-total-mismatch'), 'the row adds up now');
  });

  it('completes 年报 with the whole-report skeleton for last year, signed in this year', async () => {
    const u = uri();
    await client.open(u, '');
    const items = await client.request<{ label: string; insertText: string; insertTextFormat: number }[]>('textDocument/completion', { textDocument: { uri: u }, position: at(0, 0) });
    const skeleton = items.find((i) => i.label === '年报')!;
    assert.ok(skeleton, JSON.stringify(items.map((i) => i.label)));
    assert.equal(skeleton.insertTextFormat, 2, 'a snippet');
    const year = new Date().getFullYear();
    assert.match(skeleton.insertText, new RegExp(`^\\$\\{1:XX县人民政府\\}\\$\\{2:${year - 1}\\}年政府信息公开工作年度报告`));
    assert.match(skeleton.insertText, new RegExp(`\\n${year}年\\$\\{\\d+:1\\}月`));
    const other = 'untitled:notes.txt';
    await client.open(other, '会议纪要', 1, 'plaintext');
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: other }, position: at(0, 0) }), [], 'nothing offered in other text files');
  });

  it('hover on a number names its table, row and column and the rule that gives its value', async () => {
    const u = uri();
    await client.open(u, BROKEN);
    await client.diagnostics(u);
    const line = lineOf(BROKEN, '一、本年新收');
    const character = BROKEN.split('\n')[line].lastIndexOf('145');
    const hover = await client.request<{ contents: { value: string }; range: LspDiagnostic['range'] }>('textDocument/hover', { textDocument: { uri: u }, position: at(line, character + 1) });
    assert.match(hover.contents.value, /表三/);
    assert.match(hover.contents.value, /一、本年新收政府信息公开申请数量/);
    assert.match(hover.contents.value, /列“总计”/);
    assert.match(hover.contents.value, /按此规则本格应为 144/);
    assert.deepEqual(hover.range, { start: at(line, character), end: at(line, character + 3) });
    const nothing = await client.request('textDocument/hover', { textDocument: { uri: u }, position: at(0, 1) });
    assert.equal(nothing, null);
  });

  it('outline: report → six sections → the three tables; folding covers sections and tables', async () => {
    const u = uri();
    await client.open(u, CLEAN);
    type Sym = { name: string; kind: number; children?: Sym[]; range: LspDiagnostic['range'] };
    const symbols = await client.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.equal(symbols.length, 1);
    assert.match(symbols[0].name, /2024年政府信息公开工作年度报告/);
    assert.equal(symbols[0].children!.length, 6);
    const tables = symbols[0].children!.flatMap((s) => s.children ?? []).map((t) => t.name);
    assert.deepEqual(tables, ['表二', '表三', '表四']);
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri: u } });
    const section3 = symbols[0].children![2];
    assert.ok(folds.some((f) => f.startLine === section3.range.start.line && f.endLine === section3.range.end.line));
    assert.ok(folds.length >= 8, `${folds.length} folding ranges`);
  });

  it('inlay hints show the computed sum beside totals that disagree', async () => {
    const u = uri();
    await client.open(u, BROKEN);
    const hints = await client.request<{ label: string; position: { line: number } }[]>('textDocument/inlayHint', {
      textDocument: { uri: u },
      range: { start: at(0, 0), end: at(200, 0) },
    });
    const line = lineOf(BROKEN, '一、本年新收');
    assert.ok(hints.some((h) => h.position.line === line && h.label === '= 144'), JSON.stringify(hints));
    const cleanUri = uri();
    await client.open(cleanUri, CLEAN);
    assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: { uri: cleanUri }, range: { start: at(0, 0), end: at(200, 0) } }), []);
  });

  it('formatting puts one tab between cells, keeps every label and value, and is idempotent', async () => {
    const u = uri();
    const messy = CLEAN.replace(/\t/g, (_, i: number) => (i % 3 ? '  \t' : '\t\u3000')).replace(/(\t0)\n/g, '$1   \n');
    assert.notEqual(messy, CLEAN);
    await client.open(u, messy);
    const edits = await client.request<LspTextEdit[]>('textDocument/formatting', { textDocument: { uri: u }, options: { tabSize: 4, insertSpaces: false } });
    assert.ok(edits.length > 10);
    const formatted = applyLspEdits(messy, edits);
    const values = (t: string) => parseDocument(t).reports.map((r) => Object.values(r.tables).map((tb) => [...tb.rows].map(([k, row]) => [k, row.labelText, row.cells?.map((c) => c.raw)])));
    assert.deepEqual(values(formatted), values(messy));
    assert.deepEqual(checkText(formatted).diagnostics.map((d) => d.code), checkText(messy).diagnostics.map((d) => d.code));
    const again = uri();
    await client.open(again, formatted);
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri: again }, options: { tabSize: 4, insertSpaces: false } }), []);
  });

  it('xxgk/preview draws the report from the server\'s model, with the wrong total marked at its current line', async () => {
    const u = uri();
    await client.open(u, BROKEN, 1);
    const line = lineOf(BROKEN, '一、本年新收');
    const first = await client.request<{ version: number; html: string; css: string; reports: number }>('xxgk/preview', { uri: u });
    assert.equal(first.reports, 1);
    assert.equal(first.css, REPORT_CSS, 'the style comes with the html: the extension holds none');
    assert.match(first.html, new RegExp(`<td class="cell value error" data-line="${line}" data-cell="0:三:R1:6" tabindex="0" title="row-total-mismatch[^"]*">145</td>`));
    await client.change(u, 2, [{ range: { start: at(0, 0), end: at(0, 0) }, text: '\n\n' }]);
    const moved = await client.request<{ version: number; html: string }>('xxgk/preview', { uri: u });
    assert.equal(moved.version, 2);
    assert.match(moved.html, new RegExp(`data-line="${line + 2}" data-cell="0:三:R1:6" tabindex="0" title="row-total-mismatch[^"]*">145</td>`));
    assert.equal(await client.request('xxgk/preview', { uri: 'untitled:none' }), null);
  });

  it('xxgk/preview of a CRLF document: each paragraph names its own line, before and after an edit above it', async () => {
    const u = uri();
    const crlf = readSeed('004').replace(/\r?\n/g, '\r\n');
    await client.open(u, crlf, 1);
    const paragraphLines = (html: string): [number, string][] => [...html.matchAll(/<p data-line="(\d+)">([^<]*)<\/p>/g)].map((m) => [Number(m[1]), m[2]]);
    const lines = crlf.split('\r\n');
    const first = paragraphLines((await client.request<{ html: string }>('xxgk/preview', { uri: u })).html);
    assert.ok(first.length > 10);
    for (const [line, shown] of first) assert.equal(lines[line].trim(), shown);
    await client.change(u, 2, [{ range: { start: at(0, 0), end: at(0, 0) }, text: '\r\n' }]);
    const moved = paragraphLines((await client.request<{ html: string }>('xxgk/preview', { uri: u })).html);
    assert.deepEqual(moved, first.map(([line, shown]) => [line + 1, shown]));
  });

  it('checks a plain-text file only when it holds a report title; other text files get nothing', async () => {
    const report = uri();
    await client.open(report, BROKEN, 1, 'plaintext');
    assert.ok(codesOf(await client.diagnostics(report)).includes('row-total-mismatch'));
    const notes = uri();
    await client.open(notes, '会议纪要\n一、总体情况\n二、主动公开政府信息情况\n讨论了三件事。\n', 1, 'plaintext');
    assert.deepEqual((await client.diagnostics(notes)).diagnostics, []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: notes } }), []);
    const markdown = uri();
    await client.open(markdown, '# 说明\n\n| 总计 | 1 |\n', 1, 'markdown');
    assert.deepEqual((await client.diagnostics(markdown)).diagnostics, []);
  });

  it('tells the client when an open text file becomes or stops being a report (xxgk/documentKind), and only then', async () => {
    const told = (u: string): boolean[] => client.documentKinds.filter((k) => k.uri === u).map((k) => k.isReport);
    // a request answered after the notifications the server sent before it
    const settled = () => client.request('xxgk/stats', {});
    const text = 'untitled:report-as-text.txt';
    await client.open(text, BROKEN, 1, 'plaintext');
    const notes = 'untitled:notes-kind.txt';
    await client.open(notes, '会议纪要\n一、总体情况\n二、主动公开政府信息情况\n讨论了三件事。\n', 1, 'plaintext');
    const report = uri();
    await client.open(report, BROKEN);
    await settled();
    assert.deepEqual(told(text), [true]);
    assert.deepEqual(told(notes), [], 'not a report: nothing to say');
    assert.deepEqual(told(report), [], 'the report language needs no telling');

    const title = BROKEN.slice(0, BROKEN.indexOf('\n'));
    await client.change(text, 2, [{ range: { start: at(0, 0), end: at(0, title.length) }, text: '' }]);
    await client.change(text, 3, [{ range: { start: at(0, 0), end: at(0, 0) }, text: '会议' }]);
    await settled();
    assert.deepEqual(told(text), [true, false], 'the title deleted: no longer a report, said once');
    await client.change(text, 4, [{ range: { start: at(0, 0), end: at(0, 2) }, text: title }]);
    await settled();
    assert.deepEqual(told(text), [true, false, true]);
    assert.ok(codesOf(await client.diagnostics(text, (p) => p.version === 4)).includes('row-total-mismatch'));

    // opened again (as when its language is switched back and forth): a new document, told afresh
    await client.close(text);
    await client.open(text, BROKEN, 5, 'plaintext');
    await settled();
    assert.deepEqual(told(text), [true, false, true, true]);
  });

  it('survives requests for unknown documents, positions out of range and changes to closed documents', async () => {
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'untitled:nope' }, position: at(5, 5) }), null);
    const u = uri();
    await client.open(u, CLEAN);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: u }, position: at(99999, 99999) }), null);
    await client.close(u);
    await client.change(u, 9, [{ range: { start: at(1, 0), end: at(1, 0) }, text: 'x' }]);
    const v = uri();
    await client.open(v, 'x'.repeat(1_000_000));
    assert.deepEqual((await client.diagnostics(v)).diagnostics, []);
    const w = uri();
    await client.open(w, '\u0000\uFFFD\uD800' + CLEAN.replace(/\n/g, '\r\n'));
    assert.deepEqual(codesOf(await client.diagnostics(w)), []);
    assert.equal(client.process.exitCode, null);
  });
});

describe('language server settings and workspace', () => {
  it('severity "off", English messages and run onSave come from settings and apply on a change of configuration', async () => {
    // an English VS Code (no Chinese language pack) still gets Chinese messages for a Chinese report by default
    const client = await LspClient.start({ locale: 'en-us' });
    try {
      const u = 'untitled:settings.xxgk';
      await client.open(u, BROKEN);
      const first = await client.diagnostics(u);
      assert.ok(codesOf(first).includes('balance-mismatch'));
      assert.match(first.diagnostics[0].message, /^表/);
      client.settings = { severity: { 'balance-mismatch': 'off', 'row-total-mismatch': 'warning' }, locale: 'en' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { xxgk: client.settings } });
      const after = await client.diagnostics(u, (p) => !codesOf(p).includes('balance-mismatch'));
      assert.ok(!codesOf(after).includes('balance-mismatch'));
      assert.ok(after.diagnostics.filter((d) => d.code === 'row-total-mismatch').every((d) => d.severity === 2));
      assert.match(after.diagnostics[0].message, /^Table/);
      client.settings = { run: 'onSave' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await client.diagnostics(u, (p) => p.diagnostics.some((d) => d.code === 'balance-mismatch'));
      const before = client.published.length;
      await client.change(u, 2, [{ range: { start: at(0, 0), end: at(0, 0) }, text: '\n' }]);
      await client.request('textDocument/hover', { textDocument: { uri: u }, position: at(0, 0) });
      assert.equal(client.published.length, before, 'nothing published while typing with run: onSave');
      await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: u } });
      assert.equal((await client.diagnostics(u, (p) => p.version === 2)).version, 2);
    } finally {
      await client.stop();
    }
  });

  it('xxgk.config.json in the workspace folder wins over editor settings; a broken one is reported', async () => {
    const dir = tempDir({ 'xxgk.config.json': JSON.stringify({ severity: { 'row-total-mismatch': 'off' } }) });
    const client = await LspClient.start({ rootPath: dir, settings: { severity: { 'row-total-mismatch': 'error' } } });
    try {
      const u = fileUri(join(dir, 'a.xxgk'));
      await client.open(u, BROKEN);
      await client.diagnostics(u, (p) => !codesOf(p).includes('row-total-mismatch') && codesOf(p).includes('balance-mismatch'));
    } finally {
      await client.stop();
    }
    const broken = tempDir({ 'xxgk.config.json': '{"severity": {"no-such-code": "off"}}' });
    const second = await LspClient.start({ rootPath: broken });
    try {
      const u = fileUri(join(broken, 'a.xxgk'));
      await second.open(u, BROKEN);
      await second.diagnostics(u);
      assert.ok(second.messages.some((m) => m.includes('no-such-code')), second.messages.join('\n'));
    } finally {
      await second.stop();
    }
  });

  it('compares with last year\'s report in the workspace (carryover-mismatch) and checks the whole workspace on command', async () => {
    const lastYear = CLEAN.replace(/2024年/g, '2023年').replace('发布时间：2025-01-15', '发布时间：2024-01-15');
    const dir = tempDir({ 'last-2023.txt': lastYear, 'broken-2024.txt': BROKEN, 'notes.txt': '会议纪要\n今天下雨。' });
    const client = await LspClient.start({ rootPath: dir });
    try {
      const thisYear = CLEAN.replace('二、上年结转政府信息公开申请数量\t2\t', '二、上年结转政府信息公开申请数量\t3\t');
      const u = fileUri(join(dir, 'this-2024.xxgk'));
      await client.open(u, thisYear);
      const published = await client.diagnostics(u, (p) => codesOf(p).includes('carryover-mismatch'));
      assert.ok(codesOf(published).includes('carryover-mismatch'));
      const result = await client.request<{ files: number; reports: number; problems: number; message: string }>('workspace/executeCommand', {
        command: 'xxgk.server.checkWorkspace',
        arguments: [],
      });
      // the open report is not on disk: the three files are last year's, the broken one and the notes
      assert.equal(result.files, 3);
      assert.equal(result.reports, 2);
      assert.ok(result.problems >= 7, result.message);
      const broken = await client.diagnostics(fileUri(join(dir, 'broken-2024.txt')));
      assert.ok(codesOf(broken).includes('row-total-mismatch'));
      assert.equal(client.published.some((p) => p.uri.endsWith('notes.txt')), false);
    } finally {
      await client.stop();
    }
  });

  it('a last-year report saved to disk while this year\'s is open brings carryover-mismatch in', async () => {
    const dir = tempDir();
    const client = await LspClient.start({ rootPath: dir });
    try {
      const thisYear = CLEAN.replace('二、上年结转政府信息公开申请数量\t2\t', '二、上年结转政府信息公开申请数量\t3\t');
      const u = fileUri(join(dir, 'this-2024.xxgk'));
      await client.open(u, thisYear);
      assert.ok(!codesOf(await client.diagnostics(u)).includes('carryover-mismatch'));
      const lastYear = join(dir, 'last-2023.txt');
      writeFileSync(lastYear, CLEAN.replace(/2024年/g, '2023年').replace('发布时间：2025-01-15', '发布时间：2024-01-15'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(lastYear), type: 1 }] });
      await client.diagnostics(u, (p) => codesOf(p).includes('carryover-mismatch'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(lastYear), type: 3 }] });
      await client.diagnostics(u, (p) => !codesOf(p).includes('carryover-mismatch'));
    } finally {
      await client.stop();
    }
  });

  it('the fix-all command sends one workspace edit that leaves nothing fixable', async () => {
    const client = await LspClient.start();
    try {
      const u = 'untitled:fixall.xxgk';
      await client.open(u, BROKEN);
      await client.diagnostics(u);
      const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'xxgk.server.fixAll', arguments: [u] });
      assert.equal(result.applied, true);
      const edit = client.appliedEdits[0] as { changes: Record<string, LspTextEdit[]> };
      const fixed = applyLspEdits(BROKEN, edit.changes[u]);
      assert.deepEqual(checkText(fixed).diagnostics.filter((d) => d.fix?.preferred).map((d) => d.code), []);
    } finally {
      await client.stop();
    }
  });

  it('the fix-all command sends versioned, narrow edits (one per cell), which an editor refuses once the user typed', async () => {
    const client = await LspClient.start({ versionedEdits: true });
    try {
      const u = 'untitled:fixall-versioned.xxgk';
      await client.open(u, BROKEN, 4);
      await client.diagnostics(u);
      const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'xxgk.server.fixAll', arguments: [u] });
      assert.equal(result.applied, true);
      const edit = client.appliedEdits[0] as { documentChanges: { textDocument: { uri: string; version: number }; edits: LspTextEdit[] }[] };
      assert.deepEqual(edit.documentChanges[0].textDocument, { uri: u, version: 4 });
      const edits = edit.documentChanges[0].edits;
      assert.ok(edits.length >= 2, 'one edit per fixed cell');
      for (const e of edits) {
        assert.equal(e.range.start.line, e.range.end.line, 'each edit within one line');
        assert.match(e.newText, /^\d+$/, 'each edit is one number');
      }
      const fixed = applyLspEdits(BROKEN, edits);
      assert.deepEqual(checkText(fixed).diagnostics.filter((d) => d.fix?.preferred).map((d) => d.code), []);
      // the user types a note; the server's answer was made for version 4 and a real editor refuses it
      client.versions.set(u, 5);
      const late = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'xxgk.server.fixAll', arguments: [u] });
      assert.equal(late.applied, false);
      assert.equal(client.appliedEdits.length, 1);
    } finally {
      await client.stop();
    }
  });

  it('parses a burst of keystrokes once: not on receipt, but when a request or the publication needs it', async () => {
    const client = await LspClient.start({ debounceMs: 60000 });
    try {
      const u = 'untitled:coalesce.xxgk';
      await client.open(u, BROKEN);
      const line = lineOf(BROKEN, '一、本年新收');
      const stats = () => client.request<{ reparses: number }>('xxgk/stats', {});
      for (let v = 2; v <= 41; v++) await client.change(u, v, [{ range: { start: at(line - 1, 0), end: at(line - 1, 0) }, text: v % 2 ? '' : ' ' }]);
      assert.equal((await stats()).reparses, 0, 'nothing parsed while typing');
      const total = BROKEN.split('\n')[line].lastIndexOf('145');
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: u }, position: at(line, total + 1) });
      assert.match(hover!.contents.value, /总计/);
      // one parse for forty changes (the settings arriving meanwhile are the ones in force: nothing is read again)
      assert.equal((await stats()).reparses, 1, 'one parse for forty changes');
    } finally {
      await client.stop();
    }
  });

  it('publishes at most xxgk.maxProblems: errors first, then those nearest the last edit, and a note on how many more', async () => {
    const seed = readSeed('002');
    const text = Array.from({ length: 40 }, () => seed).join('\n');
    const all = checkText(text).diagnostics;
    const client = await LspClient.start({ settings: { maxProblems: 50 } });
    try {
      const u = 'untitled:many.xxgk';
      await client.open(u, text);
      // the settings arrive just after the open
      const first = await client.diagnostics(u, (p) => p.diagnostics.length <= 50 && wholePublication(p));
      assert.equal(first.diagnostics.length, 50);
      assert.match(first.diagnostics[0].message, new RegExp(`共 ${all.length} 个问题，此处列出 49 个.*另有 ${all.length - 49} 个未列出`));
      assert.ok(first.diagnostics.slice(1).every((d) => d.severity === 1), 'errors before warnings');
      // an edit in the last report brings its problems in
      const lines = text.split('\n').length;
      await client.change(u, 2, [{ range: { start: at(lines - 2, 0), end: at(lines - 2, 0) }, text: ' ' }]);
      const after = await client.diagnostics(u, (p) => p.version === 2);
      assert.ok(after.diagnostics.some((d) => d.range.start.line > lines - 200), 'problems near the edit are listed');
      assert.ok(!first.diagnostics.some((d) => d.range.start.line > lines - 200), 'and were not before');
    } finally {
      await client.stop();
    }
  });

  it('a large report shows the problems of its first reports at once, then of the whole document; a request meanwhile is answered from the whole', async () => {
    const seed = readSeed('000');
    const text = Array.from({ length: 100 }, () => seed).join('\n');
    const all = checkText(text).diagnostics;
    const client = await LspClient.start({ settings: { maxProblems: 100_000 } });
    try {
      const u = 'untitled:large.xxgk';
      await client.open(u, text);
      const first = await client.diagnostics(u, (p) => p.version === 1);
      assert.match(first.diagnostics[0].message, /^正在检查本文件的其余部分：此处先列出前 \d+ 份报告的问题/);
      const shown = first.diagnostics.length - 1;
      assert.ok(shown > 0 && shown < all.length, `${shown} of ${all.length} problems at first`);
      const lines = text.split('\n').length;
      assert.ok(first.diagnostics.slice(1).every((d) => d.range.start.line < lines / 2), 'the first reports’ problems only');
      const whole = await client.diagnostics(u, (p) => p.version === 1 && wholePublication(p));
      assert.equal(whole.diagnostics.length, all.length, 'then every problem of the document');
      // a hover on the last report, asked before the rest was parsed in the background, has it parsed first
      await client.close(u);
      await client.open(u, text, 2);
      const line = lines - 1 - [...seed.split('\n')].reverse().findIndex((l) => l.includes('本年新收'));
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: u }, position: at(line, text.split('\n')[line].length - 1) });
      assert.match(hover!.contents.value, /表三/);
    } finally {
      await client.stop();
    }
    // with few problems allowed (by the workspace's xxgk.config.json, in force from the start), the first
    // publication's notes count towards them
    const root = mkdtempSync(join(tmpdir(), 'xxgk-few-'));
    // (fewer than the first reports' problems: a few reports, one problem each)
    writeFileSync(join(root, 'xxgk.config.json'), JSON.stringify({ maxProblems: 4 }));
    const few = await LspClient.start({ rootPath: root });
    try {
      await few.open('untitled:few.xxgk', text);
      const first = await few.diagnostics('untitled:few.xxgk', (p) => p.version === 1);
      assert.match(first.diagnostics[0].message, /^正在检查/);
      assert.match(first.diagnostics[1].message, /^本文件共 \d+ 个问题，此处列出 2 个/);
      assert.equal(first.diagnostics.length, 4, 'the limit, notes included');
    } finally {
      await few.stop();
    }
  });

  it('sends large publications one after another intact (each one’s buffer written into again only once it was sent)', async () => {
    // every problem published, several hundred kilobytes a time, while edits keep coming: a line added at the top
    // and taken away again moves every problem, so no two publications in a row are alike
    const text = Array.from({ length: 40 }, () => readSeed('002')).join('\n');
    const client = await LspClient.start({ debounceMs: 0, settings: { maxProblems: 100_000 } });
    try {
      const u = 'untitled:sent.xxgk';
      await client.open(u, text);
      await client.diagnostics(u, (p) => wholePublication(p));
      const texts = new Map<number, string>([[1, text]]);
      for (let v = 2; v <= 13; v++) {
        const added = v % 2 === 0;
        await client.change(u, v, [added ? { range: { start: at(0, 0), end: at(0, 0) }, text: '\n' } : { range: { start: at(0, 0), end: at(1, 0) }, text: '' }]);
        texts.set(v, added ? `\n${text}` : text);
      }
      await client.diagnostics(u, (p) => p.version === 13 && wholePublication(p));
      const sent = client.published.filter((p) => p.uri === u && p.version! > 1 && wholePublication(p));
      assert.ok(sent.length >= 2, `${sent.length} whole publications of the edits`);
      assert.ok(Buffer.byteLength(JSON.stringify(sent[0])) > 128 * 1024, 'each publication is large');
      for (const p of sent) assert.deepEqual(p.diagnostics.map((d) => ({ code: d.code, line: d.range.start.line })), diagnoseLines(texts.get(p.version!)!), `version ${p.version}`);
    } finally {
      await client.stop();
    }
  });

  it('debounces: a burst of changes is published once, for the last version', async () => {
    const client = await LspClient.start({ debounceMs: 150 });
    try {
      const u = 'untitled:burst.xxgk';
      await client.open(u, CLEAN);
      await client.diagnostics(u);
      const before = client.published.length;
      for (let v = 2; v <= 21; v++) await client.change(u, v, [{ range: { start: at(0, 0), end: at(0, 0) }, text: 'x' }]);
      const last = await client.diagnostics(u, (p) => p.version === 21);
      assert.equal(last.version, 21);
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(client.published.length - before <= 2, `${client.published.length - before} publications for 20 changes`);
    } finally {
      await client.stop();
    }
  });
});
