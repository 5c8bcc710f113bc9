// A quick fix computed for one version of the text and asked for after an edit (the client still shows the old
// diagnostics) is refused or still right: whatever it writes is what a fix of the current text writes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, checkText, parseDocument } from '../../server/src/engine';
import { codeActions } from '../../server/src/lsp/actions';
import { toLsp } from '../../server/src/lsp/convert';
import { OpenDocument } from '../../server/src/lsp/open-document';
import { consistentValues, LAYOUTS, OUTCOME_KEYS, renderReport, seededRandom } from '../support/generate';
import { applyLspEdits, type LspTextEdit } from '../support/lsp-client';

type Edit = { start: number; end: number; inserted: string };

describe('stale quick fixes (property)', () => {
  it('after a random edit, a fix asked for with the old diagnostic writes what a fix of the current text writes, or nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(...LAYOUTS),
        fc.constantFrom(...OUTCOME_KEYS),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('same row', 'same table', 'above', 'anywhere'),
        fc.integer({ min: 0, max: 10_000 }),
        (seed, layout, key, delta, where, pick) => {
          const values = consistentValues(seededRandom(seed));
          values.table3[key][6] += delta;
          const text = renderReport({ agency: '示例县发展和改革局', year: 2024, values, layout });
          const doc = new OpenDocument('untitled:stale.xxgk', 'xxgk-report', 1, text, {}, []);
          const old = doc.parsed.diagnostics().filter((d) => d.fix).map((d) => toLsp(doc, d));
          assert.ok(old.length > 0);
          const table = parseDocument(text).reports[0].tables['三']!;
          const cells = [...table.rows.values()].flatMap((r) => r.cells ?? []).filter((c) => c.state === 'value');
          const rowCells = table.rows.get(key)!.cells!.slice(0, 6);
          const cell = (where === 'same row' ? rowCells : cells)[pick % (where === 'same row' ? rowCells.length : cells.length)];
          const edit: Edit =
            where === 'above'
              ? { start: 0, end: 0, inserted: '\n' }
              : where === 'anywhere'
                ? { start: pick % text.length, end: pick % text.length, inserted: '1' }
                : { start: cell.span.start, end: cell.span.end, inserted: String((cell.value ?? 0) + 1) };
          const range = doc.range({ start: edit.start, end: edit.end });
          doc.applyChanges([{ range, text: edit.inserted }], 2);
          const now = applyEdits(text, [{ span: { start: edit.start, end: edit.end }, newText: edit.inserted }]).text;
          assert.equal(doc.text, now);
          const right = new Set(checkText(now).diagnostics.filter((d) => d.fix).map((d) => applyEdits(now, d.fix!.edits).text));
          for (const client of old) {
            const actions = codeActions(doc, { textDocument: { uri: doc.uri }, range: client.range, context: { diagnostics: [client], only: ['quickfix'] } }, {}, 'zh', false);
            for (const action of actions.filter((a) => a.diagnostics?.length)) {
              const edits = (action.edit!.changes![doc.uri] ?? []) as LspTextEdit[];
              assert.ok(right.has(applyLspEdits(now, edits)), `"${action.title}" for ${client.code} after an edit ${where}`);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
