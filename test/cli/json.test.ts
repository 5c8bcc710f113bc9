// The CLI's JSON writer: made in pieces, each array that is not an array (a generator) written as one, and joined
// exactly what JSON.stringify(value, null, 2) writes of the same value with its arrays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonPieces } from '../../server/src/cli/json';

/**
 * The value with some of its arrays given as generators (`lazy` says which), as the CLI gives a file's diagnostics;
 * a generator yields a promise before each element `waits` says (an entry the worker pool has not made yet).
 */
function withLazyArrays(value: unknown, lazy: () => boolean, waits: Promise<unknown>[] = [], wait: () => boolean = () => false): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => withLazyArrays(v, lazy, waits, wait));
    if (!lazy()) return items;
    const before = items.map(() => (wait() ? Promise.resolve() : null));
    for (const p of before) if (p) waits.push(p);
    return (function* () {
      for (const [i, item] of items.entries()) {
        if (before[i]) yield before[i];
        yield item;
      }
    })();
  }
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withLazyArrays(v, lazy, waits, wait)]));
  return value;
}

describe('jsonPieces', () => {
  it('joins to JSON.stringify(value, null, 2), whichever arrays are generators; a promise among their elements is passed on as a piece', () => {
    const value = fc.jsonValue({ maxDepth: 4 }).chain((v) => fc.tuple(fc.constant(v), fc.infiniteStream(fc.boolean()), fc.infiniteStream(fc.boolean())));
    fc.assert(
      fc.property(value, ([v, choices, waitChoices]) => {
        const it = choices[Symbol.iterator]();
        const waitIt = waitChoices[Symbol.iterator]();
        const waits: Promise<unknown>[] = [];
        const pieces = [...jsonPieces(withLazyArrays(v, () => it.next().value as boolean, waits, () => waitIt.next().value as boolean))];
        assert.equal(pieces.filter((p) => typeof p === 'string').join(''), JSON.stringify(v, null, 2));
        const passed = pieces.filter((p) => p instanceof Promise);
        assert.equal(passed.length, waits.length);
        assert.ok(waits.every((w) => passed.includes(w)), 'each promise passed on once');
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
    assert.ok(pieces.some((p) => typeof p === 'string' && p.startsWith('[\n') && p.includes('"blank-cell"') && p.endsWith('}')), 'the first diagnostic is one piece');
  });
});
