// The publication kept across edits (each report's diagnostics converted once, moved when lines move, left as they
// are while typing adds no line break) equals a fresh conversion of the same text after every edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OpenDocument } from '../../server/src/lsp/open-document';
import { limited, PublishCache } from '../../server/src/lsp/publish';
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

describe('a limited publication', () => {
  it('kept across edits, is what limiting a fresh whole publication gives, whatever the limit', () => {
    const base = Array.from({ length: 12 }, (_, k) => readSeed((['000', '001', '002', '003', '004'] as const)[k % 5])).join('\n');
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), inserted: fc.constantFrom('7', '\n', '') }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 80 }), (edits, maxProblems) => {
        const doc = new OpenDocument(URI, 'xxgk-report', 1, base, {}, []);
        const cache = new PublishCache();
        const limit = { maxProblems, locale: 'zh' as const };
        cache.diagnostics(doc, limit);
        edits.forEach((e, k) => {
          const start = outsideCrlf(doc.text, e.at % doc.text.length);
          doc.applyChanges([{ range: doc.range({ start, end: start }), text: e.inserted }], k + 2);
          const whole = new PublishCache().diagnostics(doc);
          assert.deepEqual(cache.diagnostics(doc, limit), limited(whole, doc, limit), `after edit ${k + 1} at ${start}, at most ${maxProblems}`);
        });
      }),
      { numRuns: 60 },
    );
  });
});
