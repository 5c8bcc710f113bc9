// The CLI's JSON writer: made in pieces, each array that is not an array (a generator) written as one, and joined
// exactly what JSON.stringify(value, null, 2) writes of the same value with its arrays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonPieces } from '../../server/src/cli/json';

/** The value with some of its arrays given as generators (`lazy` says which), as the CLI gives a file's diagnostics. */
function withLazyArrays(value: unknown, lazy: () => boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => withLazyArrays(v, lazy));
    return lazy() ? (function* () { yield* items; })() : items;
  }
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withLazyArrays(v, lazy)]));
  return value;
}

describe('jsonPieces', () => {
  it('joins to JSON.stringify(value, null, 2), whichever arrays are generators', () => {
    const value = fc.jsonValue({ maxDepth: 4 }).chain((v) => fc.tuple(fc.constant(v), fc.infiniteStream(fc.boolean())));
    fc.assert(
      fc.property(value, ([v, choices]) => {
        const it = choices[Symbol.iterator]();
        const pieces = [...jsonPieces(withLazyArrays(v, () => it.next().value as boolean))];
        assert.equal(pieces.join(''), JSON.stringify(v, null, 2));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves out what JSON.stringify leaves out, and writes a diagnostic of a generator as one piece', () => {
    const diagnostics = (function* () {
      yield { code: 'blank-cell', message: '表三“（一）予以公开”行为空\n"x"', range: { start: { line: 1, character: 0 } }, origin: undefined };
      yield undefined;
    })();
    const pieces = [...jsonPieces({ version: 1, skipped: undefined, files: [{ path: 'a.txt', diagnostics, f: () => 1 }] })];
    const expected = { version: 1, files: [{ path: 'a.txt', diagnostics: [{ code: 'blank-cell', message: '表三“（一）予以公开”行为空\n"x"', range: { start: { line: 1, character: 0 } } }, null] }] };
    assert.equal(pieces.join(''), JSON.stringify(expected, null, 2));
    assert.ok(pieces.some((p) => p.startsWith('[\n') && p.includes('"blank-cell"') && p.endsWith('}')), 'the first diagnostic is one piece');
  });
});
