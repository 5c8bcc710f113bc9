// The check fixtures (test/fixtures/checks/<code>/, described in its README.md): each fixture's diagnostics are
// exactly the ones its markers name, where they name them; a .fixed sidecar pins what the code's fix writes, and the
// fixed text is checked again against the sidecar's own markers. A code without fixtures fails here.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, checkText, CODE_SPECS, CODES, fixAll, LineIndex, parseDocument, type Code, type Diagnostic, type Report } from '../../server/src/engine';
import { type Marker, readMarkers, writeMarkers } from '../support/markers';

const ROOT = join(process.cwd(), 'test/fixtures/checks');
const LAST_YEAR = 'last-year.txt';
const KINDS = { 'trigger-': 'trigger', 'near-miss-': 'near-miss' } as const;
type Kind = (typeof KINDS)[keyof typeof KINDS];

interface Fixture {
  readonly code: string;
  readonly name: string;
  readonly kind: Kind;
  readonly path: string;
  /** the .fixed sidecar's path, when there is one */
  readonly fixed?: string;
}

const kindOf = (name: string): Kind | undefined => Object.entries(KINDS).find(([prefix]) => name.startsWith(prefix))?.[1];
const read = (path: string): string => readFileSync(path, 'utf8');
const BASE = read(join(ROOT, 'base.txt'));

const folders = readdirSync(ROOT).filter((name) => statSync(join(ROOT, name)).isDirectory());

/** The folder's fixtures; a file named otherwise is reported by the test of what the folders hold. */
function fixturesOf(code: string): Fixture[] {
  const dir = join(ROOT, code);
  return readdirSync(dir).flatMap((name) => {
    const kind = name.endsWith('.txt') ? kindOf(name) : undefined;
    if (!kind) return [];
    const fixed = join(dir, name.replace(/\.txt$/, '.fixed'));
    return [{ code, name, kind, path: join(dir, name), ...(existsSync(fixed) && { fixed }) }];
  });
}

/** Last year's report of the folder's fixtures (for the checks against last year), or none. */
function lastYearOf(code: string): readonly Report[] {
  const path = join(ROOT, code, LAST_YEAR);
  if (!existsSync(path)) return [];
  const { text, markers } = readMarkers(read(path));
  assert.deepEqual(markers, [], `${code}/${LAST_YEAR} is last year's report as given, with no markers`);
  return parseDocument(text).reports;
}

const at = (text: string, offset: number): string => {
  const p = new LineIndex(text).positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
};

/** The line of `offset` with a marker written where it points, to show what is (or should be) reported there. */
function markedLine(text: string, offset: number, code: string): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return writeMarkers(text.slice(start, end === -1 ? text.length : end), [{ code, at: offset - start }]);
}

/** Asserts the diagnostics are exactly the markers: same codes at the same places, with the words they require. */
function assertMarked(text: string, markers: readonly Marker[], diagnostics: readonly Diagnostic[], where: string): void {
  const unknown = markers.filter((m) => !CODES.includes(m.code as Code)).map((m) => m.code);
  assert.deepEqual(unknown, [], `${where}: markers of codes that do not exist`);
  const key = (code: string, offset: number): string => `${code}@${offset}`;
  const left = diagnostics.map((d) => key(d.code, d.span.start));
  const problems: string[] = [];
  for (const m of markers) {
    const found = left.indexOf(key(m.code, m.at));
    if (found === -1) {
      problems.push(`missing   ${at(text, m.at)} ${m.code}\n    ${markedLine(text, m.at, m.code)}`);
      continue;
    }
    left.splice(found, 1);
    const messages = diagnostics.filter((d) => d.code === m.code && d.span.start === m.at).map((d) => d.message);
    if (m.words !== undefined && !messages.some((message) => message.includes(m.words!)))
      problems.push(`${at(text, m.at)} ${m.code}: no message contains “${m.words}”: ${messages.join(' | ')}`);
  }
  for (const d of diagnostics) {
    const unexpected = left.indexOf(key(d.code, d.span.start));
    if (unexpected === -1) continue;
    left.splice(unexpected, 1);
    problems.push(`unmarked  ${at(text, d.span.start)} ${d.code}: ${d.message}\n    ${markedLine(text, d.span.start, d.code)}`);
  }
  assert.ok(problems.length === 0, `${where}:\n  ${problems.join('\n  ')}`);
}

/**
 * Every fix is of the kind its code declares: a code with no fix has none, and only a code whose fixes are safe marks
 * one preferred (fix-all reads only those codes' fixes).
 */
function assertFixesAsDeclared(diagnostics: readonly Diagnostic[], where: string): void {
  for (const d of diagnostics) {
    const kind = CODE_SPECS.get(d.code)!.fix;
    if (kind === 'none') assert.equal(d.fix, undefined, `${where}: ${d.code} declares no fix but has one`);
    if (kind !== 'safe') assert.notEqual(d.fix?.preferred, true, `${where}: ${d.code} declares a fix the user picks but marks one preferred`);
  }
}

/** What the fixture's fix writes: fix-all for a code whose fixes are safe, else the quick fix of its first diagnostic of the code that has one. */
function fixedText(fixture: Fixture, text: string, diagnostics: readonly Diagnostic[]): string {
  const kind = CODE_SPECS.get(fixture.code as Code)!.fix;
  assert.notEqual(kind, 'none', `${fixture.code} declares no fix, so ${fixture.name} has nothing to pin in a .fixed`);
  if (kind === 'safe') return fixAll(text).text;
  const first = diagnostics.find((d) => d.code === fixture.code && d.fix);
  assert.ok(first, `${fixture.name}: a .fixed of a pick fix needs a ${fixture.code} with a fix`);
  return applyEdits(text, first.fix!.edits).text;
}

function checkFixture(fixture: Fixture, lastYear: readonly Report[]): void {
  const { text, markers } = readMarkers(read(fixture.path));
  const marksOwnCode = markers.some((m) => m.code === fixture.code);
  assert.equal(marksOwnCode, fixture.kind === 'trigger', `${fixture.name}: a trigger marks ${fixture.code}, a near miss does not`);
  const { diagnostics } = checkText(text, {}, lastYear);
  assertMarked(text, markers, diagnostics, fixture.name);
  assertFixesAsDeclared(diagnostics, fixture.name);
  if (!fixture.fixed) return;
  assert.equal(fixture.kind, 'trigger', `${fixture.name}: only a trigger has a fix to pin`);
  const expected = readMarkers(read(fixture.fixed));
  const count = (ms: readonly Marker[]): number => ms.filter((m) => m.code === fixture.code).length;
  assert.ok(count(expected.markers) < count(markers), `${fixture.name}: its .fixed must mark fewer ${fixture.code} than the fixture does`);
  const fixed = fixedText(fixture, text, diagnostics);
  assert.equal(fixed, expected.text, `${fixture.name}: the fixed text differs from its .fixed`);
  assertMarked(fixed, expected.markers, checkText(fixed, {}, lastYear).diagnostics, `${fixture.name} once fixed`);
}

describe('fixture markers', () => {
  it('come out of the text, each at the offset of the text without markers where it stood', () => {
    const marked = readMarkers('行政处罚\t⟦blank-cell⟧\n总计\t⟦row-total-mismatch: 应为 1 ⟧0⟦label-typo⟧\n');
    assert.equal(marked.text, '行政处罚\t\n总计\t0\n');
    assert.deepEqual(marked.markers, [
      { code: 'blank-cell', at: 5 },
      { code: 'row-total-mismatch', at: 9, words: '应为 1' },
      { code: 'label-typo', at: 10 },
    ]);
    assert.equal(writeMarkers(marked.text, marked.markers), '行政处罚\t⟦blank-cell⟧\n总计\t⟦row-total-mismatch: 应为 1⟧0⟦label-typo⟧\n');
  });
  it('a ⟦ that opens no well-formed marker, or a lone ⟧, is an error rather than text', () => {
    assert.throws(() => readMarkers('规章\t⟦Blank Cell⟧0'), /malformed marker at offset 3/);
    assert.throws(() => readMarkers('规章\t⟦blank-cell\n0⟧'), /malformed marker/);
    assert.throws(() => readMarkers('规章\t0⟧'), /a ⟧ without its ⟦/);
  });
  it('a diagnostic left unmarked, a marker one column off and words the message lacks all fail', () => {
    const text = BASE.replace('规章\t0\t0\t4', '规章\t0\t\t4');
    const { diagnostics } = checkText(text);
    const cell = text.indexOf('规章\t0\t') + 5;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.span.start]), [['blank-cell', cell]]);
    assertMarked(text, [{ code: 'blank-cell', at: cell }], diagnostics, 'marked');
    assert.throws(() => assertMarked(text, [], diagnostics, 'unmarked'), /unmarked +\d+:6 blank-cell/);
    assert.throws(() => assertMarked(text, [{ code: 'blank-cell', at: cell - 1 }], diagnostics, 'one off'), /missing +\d+:5 blank-cell/);
    assert.throws(() => assertMarked(text, [{ code: 'blank-cell', at: cell, words: '应为 9' }], diagnostics, 'words'), /no message contains “应为 9”/);
    assert.throws(() => assertMarked(text, [{ code: 'blank-cel', at: cell }], diagnostics, 'typo'), /codes that do not exist/);
  });
});

describe('check fixtures', () => {
  it('every code has a folder with a triggering and a near-miss fixture, and every folder is a code', () => {
    // a code found in a published file's structure (a workbook's formulas) has no text to trigger it: its reader's tests cover it
    const lacking = CODES.filter((code) => !CODE_SPECS.get(code)!.foundIn).filter((code) => {
      const kinds = folders.includes(code) ? new Set(fixturesOf(code).map((f) => f.kind)) : new Set();
      return !kinds.has('trigger') || !kinds.has('near-miss');
    });
    assert.deepEqual(lacking, [], 'codes without a trigger-*.txt and a near-miss-*.txt in test/fixtures/checks/<code>/');
    assert.deepEqual(folders.filter((name) => !CODES.includes(name as Code)), [], 'folders named after no code');
  });

  it('holds nothing but fixtures, their .fixed sidecars and last year’s report', () => {
    const stray = folders.flatMap((code) =>
      readdirSync(join(ROOT, code))
        .filter((name) => {
          if (name === LAST_YEAR || (name.endsWith('.txt') && kindOf(name))) return false;
          return !(name.endsWith('.fixed') && existsSync(join(ROOT, code, name.replace(/\.fixed$/, '.txt'))));
        })
        .map((name) => `${code}/${name}`),
    );
    assert.deepEqual(stray, []);
  });

  it('base.txt, the report the fixtures are made from, is clean', () => {
    assertMarked(BASE, [], checkText(BASE).diagnostics, 'base.txt');
  });

  for (const code of folders) {
    describe(code, () => {
      const lastYear = lastYearOf(code);
      for (const fixture of fixturesOf(code)) it(fixture.name, () => checkFixture(fixture, lastYear));
    });
  }
});
