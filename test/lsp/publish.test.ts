// The publication kept across edits (each report's diagnostics converted once, moved when lines move, left as they
// are while typing adds no line break) equals a fresh conversion of the same text after every edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { message } from '../../server/src/engine';
import { OpenDocument } from '../../server/src/lsp/open-document';
import { PublishCache, type PublishLimit } from '../../server/src/lsp/publish';
import { seededRandom } from '../support/generate';
import { readSeed } from '../support/helpers';

const URI = 'untitled:report.xxgk';
const PIECES = ['7', '12', '', '\n', '\r\n', '\r', ' ', '\t', '总计', '二、主动公开政府信息情况'];

function fresh(text: string): ReturnType<PublishCache['diagnostics']> {
  return new PublishCache().diagnostics(new OpenDocument(URI, 'xxgk-report', 1, text, {}, []));
}

/** An offset an LSP position can stand at: not between the \r and \n of a CRLF (such an offset is the line's end). */
const outsideCrlf = (text: string, offset: number): number => (text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset);

describe('the publication kept across edits', () => {
  it('equals a fresh one after random edits: digits typed, line breaks added and removed, CRLFs split and joined', () => {
    const base = [readSeed('001'), readSeed('003').replace(/\n/g, '\r\n'), readSeed('002')].join('\n');
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), removed: fc.nat({ max: 3 }), inserted: fc.constantFrom(...PIECES) }), { minLength: 1, maxLength: 8 }),
        (edits) => {
          const doc = new OpenDocument(URI, 'xxgk-report', 1, base, {}, []);
          const cache = new PublishCache();
          cache.diagnostics(doc);
          let text = base;
          edits.forEach((e, k) => {
            const start = outsideCrlf(text, e.at % (text.length + 1));
            const end = Math.max(start, outsideCrlf(text, Math.min(text.length, start + e.removed)));
            doc.applyChanges([{ range: doc.range({ start, end }), text: e.inserted }], k + 2);
            text = text.slice(0, start) + e.inserted + text.slice(end);
            assert.equal(doc.text, text);
            assert.deepEqual(cache.diagnostics(doc), fresh(text), `after edit ${k + 1}: ${JSON.stringify(e.inserted)} at ${start}`);
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});

const byPosition = (a: LspDiagnostic, b: LspDiagnostic): number =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.range.end.line - b.range.end.line || a.range.end.character - b.range.end.character;

/**
 * The limit applied to the whole list, as the setting describes it: errors first, each severity whole while it fits,
 * then of the next the nearest to the last edit's line (a tie goes to the line above; on one line, the nearer in
 * order), with a note first saying how many are left out. The reference a publication kept across edits must equal.
 */
function limitedFromWhole(whole: LspDiagnostic[], doc: OpenDocument, limit: PublishLimit): LspDiagnostic[] {
  if (whole.length <= limit.maxProblems) return whole;
  const focus = doc.parsed.chunks.lineAt(doc.lastEdit);
  let room = Math.max(0, limit.maxProblems - 1);
  const kept: LspDiagnostic[] = [];
  for (const severity of [1, 2, 3, 4]) {
    const list = whole.filter((d) => d.severity === severity);
    if (room === 0 || list.length === 0) continue;
    if (list.length <= room) {
      kept.push(...list);
      room -= list.length;
      continue;
    }
    const firstBelow = list.some((d) => d.range.start.line >= focus) ? list.findIndex((d) => d.range.start.line >= focus) : list.length;
    const rank = (i: number): number[] => (i < firstBelow ? [focus - list[i].range.start.line, 0, firstBelow - i] : [list[i].range.start.line - focus, 1, i]);
    const order = list.map((_, i) => i).sort((a, b) => rank(a).map((x, k) => x - rank(b)[k]).find((x) => x !== 0) ?? 0);
    kept.push(...order.slice(0, room).sort((a, b) => a - b).map((i) => list[i]));
    room = 0;
  }
  kept.sort(byPosition);
  const note: LspDiagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'xxgk',
    message: message(limit.locale, 'problems.more', { hidden: whole.length - kept.length, shown: kept.length, total: whole.length }),
  };
  return [note, ...kept];
}

/** Edits typed into `base` one after another, each followed by the publication kept across them, limited. */
function limitedAcrossEdits(base: string, inserted: string[], runs: { limits: [number, number]; edits: number; numRuns: number }): void {
  fc.assert(
    fc.property(
      fc.array(fc.record({ at: fc.nat(), inserted: fc.constantFrom(...inserted) }), { minLength: 1, maxLength: runs.edits }),
      fc.integer({ min: runs.limits[0], max: runs.limits[1] }),
      (edits, maxProblems) => {
        const doc = new OpenDocument(URI, 'xxgk-report', 1, base, {}, []);
        const cache = new PublishCache();
        const limit = { maxProblems, locale: 'zh' as const };
        cache.diagnostics(doc, limit);
        edits.forEach((e, k) => {
          const start = outsideCrlf(doc.text, e.at % doc.text.length);
          doc.applyChanges([{ range: doc.range({ start, end: start }), text: e.inserted }], k + 2);
          const whole = new PublishCache().diagnostics(doc);
          assert.deepEqual(cache.diagnostics(doc, limit), limitedFromWhole(whole, doc, limit), `after edit ${k + 1} at ${start}, at most ${maxProblems}`);
        });
      },
    ),
    { numRuns: runs.numRuns },
  );
}

describe('a limited publication', () => {
  it('kept across edits, is what limiting a fresh whole publication gives, whatever the limit', () => {
    const base = Array.from({ length: 12 }, (_, k) => readSeed((['000', '001', '002', '003', '004'] as const)[k % 5])).join('\n');
    limitedAcrossEdits(base, ['7', '\n', ''], { limits: [1, 80], edits: 4, numRuns: 300 });
  });

  it('of a document whose errors stand in a few of its reports, the same (the errors read from the reports that have them)', () => {
    // errors in 2 reports of 40 (seed 002's blank cells); the others' warnings and information fill the rest
    const base = Array.from({ length: 40 }, (_, k) => readSeed(k === 9 || k === 30 ? '002' : (['000', '003', '004'] as const)[k % 3])).join('\n');
    limitedAcrossEdits(base, ['7', '\n', '', '总计'], { limits: [30, 80], edits: 5, numRuns: 150 });
  });
});

describe('a limited publication, whatever the place of the last edit', () => {
  it('is what limiting the whole publication gives, for every focus and limit', () => {
    const base = Array.from({ length: 12 }, (_, k) => readSeed((['000', '001', '002', '003', '004'] as const)[k % 5])).join('\n');
    const doc = new OpenDocument(URI, 'xxgk-report', 1, base, {}, []);
    doc.parsed.reports; // parsed whole, as a request would
    const cache = new PublishCache();
    const whole = new PublishCache().diagnostics(doc);
    fc.assert(
      fc.property(fc.nat({ max: base.length }), fc.integer({ min: 1, max: whole.length + 2 }), (focus, maxProblems) => {
        doc.lastEdit = focus;
        const limit = { maxProblems, locale: 'zh' as const };
        assert.deepEqual(cache.diagnostics(doc, limit), limitedFromWhole(whole, doc, limit), `focus ${focus}, at most ${maxProblems}`);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a limited publication, counted as the reports change', () => {
  const seeds = (count: number): string => Array.from({ length: count }, (_, k) => readSeed((['000', '001', '002', '003', '004'] as const)[k % 5])).join('\n');
  const limit = { maxProblems: 40, locale: 'zh' as const };

  it('after more edits than the document keeps as changes, and after new settings, is the whole limited', () => {
    const doc = new OpenDocument(URI, 'xxgk-report', 1, seeds(12), {}, []);
    const cache = new PublishCache();
    cache.diagnostics(doc, limit);
    const random = seededRandom(5);
    const same = (step: string): void => assert.deepEqual(cache.diagnostics(doc, limit), limitedFromWhole(new PublishCache().diagnostics(doc), doc, limit), step);
    for (let k = 0; k < 70; k++) {
      const start = outsideCrlf(doc.text, random(doc.text.length - 1));
      doc.applyChanges([{ range: doc.range({ start, end: start }), text: ['7', '\n', '总计'][k % 3] }], k + 2);
      doc.parsed.reports; // parsed at once, as a request would: one change each
    }
    same('70 edits since the last publication');
    doc.parsed.reconfigure({ severity: { 'blank-cell': 'warning' } }, []);
    same('blank cells made warnings');
  });

  it('of a document still parsed in the background, as each part comes', () => {
    const doc = new OpenDocument(URI, 'xxgk-report', 1, seeds(60), {}, []);
    const cache = new PublishCache();
    assert.ok(!doc.parsed.complete, 'opened with its first part parsed');
    for (let part = 0; !doc.parsed.complete; part++) {
      const [checking, ...parsed] = new PublishCache().diagnostics(doc);
      const expected = [checking, ...limitedFromWhole(parsed, doc, { ...limit, maxProblems: limit.maxProblems - 1 })];
      assert.deepEqual(cache.diagnostics(doc, limit), expected, `part ${part}`);
      doc.parsed.parseMore(50_000);
    }
    assert.deepEqual(cache.diagnostics(doc, limit), limitedFromWhole(new PublishCache().diagnostics(doc), doc, limit), 'parsed whole');
  });
});
