// The origins of an imported document through any edits: every origin still given covers text exactly as it was
// imported (a blank cell with the same characters either side), so a hover never names a wrong place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { OriginSpan } from '../../server/src/import';
import { DocumentOrigins, WaitingImports } from '../../server/src/lsp/origins';

/** Two rows of cells, one of them blank: each line and each cell its own origin (the cell number tells them apart). */
const TEXT = '表三\n一、本年新收\t12\t\t3\n二、上年结转\t0\t4\t\n';
function originsOf(text: string): OriginSpan[] {
  const out: OriginSpan[] = [];
  let at = 0;
  text.split('\n').forEach((line, row) => {
    out.push({ span: { start: at, end: at + line.length }, origin: { table: 1, row, cell: 0 } });
    let cell = at;
    line.split('\t').forEach((field, i) => {
      out.push({ span: { start: cell, end: cell + field.length }, origin: { table: 1, row, cell: i + 1 } });
      cell += field.length + 1;
    });
    at += line.length + 1;
  });
  return out;
}
const ORIGINS = originsOf(TEXT);
const key = (o: OriginSpan): string => JSON.stringify(o.origin);
const original = new Map(ORIGINS.map((o) => [key(o), o.span]));

const anEdit = fc.record({ at: fc.nat(60), length: fc.nat(4), inserted: fc.constantFrom('', '5', '\t', '\n', '附件：\n', '0\t') });

describe('origins of an imported document', () => {
  it('after any edits, each origin left covers the text it covered, with the same characters either side of a blank', () => {
    fc.assert(
      fc.property(fc.array(anEdit, { maxLength: 6 }), (edits) => {
        let text = TEXT;
        const origins = new DocumentOrigins(ORIGINS);
        for (const e of edits) {
          const start = Math.min(e.at, text.length);
          const end = Math.min(start + e.length, text.length);
          text = text.slice(0, start) + e.inserted + text.slice(end);
          origins.edit(start, end, e.inserted.length);
        }
        for (const o of origins.spans) {
          const was = original.get(key(o))!;
          assert.equal(text.slice(o.span.start, o.span.end), TEXT.slice(was.start, was.end));
          if (was.start === was.end) assert.equal(text.slice(o.span.start - 1, o.span.end + 1), TEXT.slice(was.start - 1, was.end + 1));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a cell typed into is no longer its imported self: neither it nor its row is given a place', () => {
    const origins = new DocumentOrigins(ORIGINS);
    const blank = TEXT.indexOf('\t\t') + 1;
    origins.edit(blank, blank, 1);
    assert.equal(origins.at({ start: blank, end: blank + 1 }), null);
    // the cell before it and the line above are as imported
    assert.deepEqual(origins.at({ start: blank - 3, end: blank - 1 }), { table: 1, row: 1, cell: 2 });
    assert.deepEqual(origins.at({ start: 0, end: 2 }), { table: 1, row: 0, cell: 1 });
  });

  it('an import waits for the document that holds exactly its text, and is taken once', () => {
    const waiting = new WaitingImports();
    waiting.add(TEXT, ORIGINS);
    assert.equal(waiting.take(TEXT.length, () => `${TEXT.slice(1)}x`), null);
    assert.ok(waiting.take(TEXT.length, () => TEXT));
    assert.equal(waiting.take(TEXT.length, () => TEXT), null);
  });
});
