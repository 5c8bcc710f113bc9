// The server under load: 10,000 edits at random places sent without waiting (typing, paste and undo
// storms), hover and code-action requests in between, close and reopen; then the final diagnostics must
// equal those of a fresh open of the final text, and the memory must come back near where it started.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../support/generate';
import { readSeed } from '../support/helpers';
import { LspClient, wholePublication, type LspTextEdit, type Published } from '../support/lsp-client';

interface Stats {
  heapUsed: number;
}

/** Offsets and LSP positions of the client's copy of the text. */
function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: offset - lastBreak - 1 };
}

const strip = (p: Published) => p.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message, severity: d.severity }));

describe('language server under load', () => {
  it('10,000 edits, requests and reopenings: no crash, final diagnostics = a fresh open, memory back near baseline', { timeout: 240000 }, async () => {
    const client = await LspClient.start({ debounceMs: 150, nodeArgs: ['--expose-gc'], latestOnly: true });
    try {
      const baseline = await client.request<Stats>('xxgk/stats', {});
      const random = seededRandom(5);
      const below = (n: number): number => (n <= 0 ? 0 : random(n - 1));
      const uri = 'untitled:load.xxgk';
      let text = readSeed('001') + '\n' + readSeed('003');
      let version = 1;
      await client.open(uri, text, version);
      const pending: Promise<unknown>[] = [];
      const undo: { start: number; end: number; inserted: string }[] = [];
      const pieces = ['0', '7', '\t', '\n', '总计', '（七）', '1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n'];
      for (let k = 0; k < 10000; k++) {
        let edit: { start: number; end: number; inserted: string };
        const kind = below(10);
        if (kind < 2 && undo.length) {
          // undo of an earlier edit; later edits may have moved the text under it, so it is clamped
          const u = undo.pop()!;
          const start = Math.min(u.start, text.length);
          edit = { start, end: Math.max(start, Math.min(u.end, text.length)), inserted: u.inserted };
        }
        else if (kind < 3) {
          const from = below(text.length);
          edit = { start: below(text.length + 1), end: 0, inserted: text.slice(from, from + 2000) }; // paste
          edit.end = edit.start;
        } else if (kind < 5) {
          const start = below(text.length + 1);
          edit = { start, end: Math.min(text.length, start + below(5)), inserted: '' };
        } else {
          const start = below(text.length + 1);
          edit = { start, end: start, inserted: pieces[below(pieces.length)] };
        }
        undo.push({ start: edit.start, end: edit.start + edit.inserted.length, inserted: text.slice(edit.start, edit.end) });
        if (undo.length > 50) undo.shift();
        const range = { start: positionOf(text, edit.start), end: positionOf(text, edit.end) };
        text = text.slice(0, edit.start) + edit.inserted + text.slice(edit.end);
        void client.change(uri, ++version, [{ range, text: edit.inserted }]);
        if (k % 97 === 0) {
          const position = positionOf(text, below(text.length + 1));
          pending.push(client.request('textDocument/hover', { textDocument: { uri }, position }));
          pending.push(client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }));
          pending.push(client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: position } }));
        }
        if (k % 2500 === 2499) {
          void client.close(uri);
          void client.open(uri, text, ++version);
        }
      }
      await Promise.all(pending);
      // a text this large is published first for its first reports, then whole: the whole publications are compared
      const final = await client.diagnostics(uri, (p) => p.version === version && wholePublication(p), 60000);
      const fresh = 'untitled:fresh.xxgk';
      await client.open(fresh, text, 1);
      assert.deepEqual(strip(final), strip(await client.diagnostics(fresh, wholePublication)));
      // the server's own copy of the text is the client's: formatting edits apply to it cleanly
      const edits = await client.request<LspTextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } });
      assert.ok(Array.isArray(edits));
      await client.close(uri);
      await client.close(fresh);
      // what the server still holds once it has caught up: the publications it wrote last may still wait in the
      // pipe's buffer for this process to read them (megabytes of JSON on a busy machine), so it is asked again
      // for a few seconds before a heap above the bound counts as held
      const bound = baseline.heapUsed + 8 * 1024 * 1024;
      let after = await client.request<Stats>('xxgk/stats', {});
      for (let k = 0; k < 10 && after.heapUsed >= bound; k++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        after = await client.request<Stats>('xxgk/stats', {});
      }
      assert.ok(after.heapUsed < bound, `heap ${(after.heapUsed / 1e6).toFixed(1)} MB after close, ${(baseline.heapUsed / 1e6).toFixed(1)} MB before`);
      assert.equal(client.process.exitCode, null);
      assert.equal(client.errorOutput, '');
    } finally {
      await client.stop();
    }
  });
});
