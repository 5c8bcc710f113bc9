// The stdio encoder: a publication made from the JSON kept of each diagnostic is, byte for byte, what
// JSON.stringify writes, the first time and every time the same diagnostics are sent again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic, Message } from 'vscode-languageserver/node';
import { framed, messageBytes } from '../../server/src/lsp/transport';
import { LspClient } from '../support/lsp-client';

const position = fc.record({ line: fc.nat(5_000_000), character: fc.nat(2000) });
const diagnostic: fc.Arbitrary<Diagnostic> = fc.record(
  {
    range: fc.record({ start: position, end: position }),
    severity: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
    code: fc.constantFrom('row-total-mismatch', 'blank-cell', 'flattened-cells'),
    source: fc.constant('xxgk'),
    message: fc.oneof(fc.string(), fc.constantFrom('表三“本年新收政府信息公开申请数量”行的总计应为 97+16+7=120', 'a "quote" \\ and \u2028 \n')),
    relatedInformation: fc.array(fc.record({ location: fc.record({ uri: fc.constant('file:///a.xxgk'), range: fc.record({ start: position, end: position }) }), message: fc.string() }), { maxLength: 1 }),
  },
  { requiredKeys: ['range', 'message'] },
);
const publication = (diagnostics: Diagnostic[], version?: number): Message =>
  ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'untitled:汇编.xxgk', ...(version !== undefined && { version }), diagnostics } }) as Message;

describe('LSP stdio: publications from the kept JSON of each diagnostic', () => {
  it('is what JSON.stringify writes, sent once or again with some diagnostics new and some moved', () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 30 }), fc.array(diagnostic, { maxLength: 5 }), fc.option(fc.nat(), { nil: undefined }), (kept, added, version) => {
        const first = publication(kept, version);
        assert.deepEqual(messageBytes(first), Buffer.from(JSON.stringify(first)));
        // sent again: some new, some kept, some copies moved to another line (a copy does not take the kept JSON)
        const moved = kept.slice(0, 3).map((d) => ({ ...d, range: { start: { line: d.range.start.line + 1, character: 0 }, end: d.range.end } }));
        const again = publication([...added, ...kept.slice(1), ...moved], version === undefined ? undefined : version + 1);
        assert.deepEqual(messageBytes(again), Buffer.from(JSON.stringify(again)));
      }),
      { numRuns: 300 },
    );
  });

  it('is what JSON.stringify writes when the same diagnostics come again in any order, some twice, some frozen', () => {
    // more diagnostics than one buffer holds, sent in pieces first, then again as random selections of them
    const pool = fc.array(diagnostic, { minLength: 1, maxLength: 80 });
    const selection = fc.array(fc.tuple(fc.nat(), fc.nat(6)), { maxLength: 60 });
    fc.assert(
      fc.property(pool, fc.array(selection, { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 80 }), (diagnostics, sends, frozen) => {
        diagnostics.forEach((d, k) => frozen[k] && Object.freeze(d));
        for (const send of sends) {
          // runs from the pool: each (start, length) sends that many diagnostics side by side, as a report's are
          const sent = send.flatMap(([start, length]) => diagnostics.slice(start % diagnostics.length, (start % diagnostics.length) + length));
          const msg = publication(sent, sent.length);
          assert.deepEqual(messageBytes(msg), Buffer.from(JSON.stringify(msg)));
        }
        const whole = publication(diagnostics);
        assert.deepEqual(messageBytes(whole), Buffer.from(JSON.stringify(whole)));
      }),
      { numRuns: 300 },
    );
  });

  it('frames each message with the length of its body in bytes', () => {
    const msg = publication([{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } }, message: '表三“本年新收”行的总计应为 120' }], 2);
    const bytes = framed(msg);
    const split = bytes.indexOf('\r\n\r\n');
    const header = bytes.subarray(0, split).toString('ascii');
    const body = bytes.subarray(split + 4);
    assert.equal(header, `Content-Length: ${body.length}`);
    assert.deepEqual(JSON.parse(body.toString()), msg);
    assert.ok(body.length > body.toString().length, 'the length counts bytes, not characters');
  });

  it('writes other messages as they are', () => {
    const request = { jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a' }, position: { line: 1, character: 2 } } } as Message;
    const response = { jsonrpc: '2.0', id: 7, result: null } as Message;
    const empty = publication([]);
    for (const msg of [request, response, empty]) assert.equal(messageBytes(msg).toString(), JSON.stringify(msg));
  });
});

describe('LSP stdio: the server ends when its client’s end closes', () => {
  /** The server's exit code once its input is closed, after a shutdown request or without one. */
  async function exitCodeOnClose(shutdownFirst: boolean): Promise<number | null> {
    const client = await LspClient.start();
    try {
      if (shutdownFirst) await client.request('shutdown', null);
      const exited = new Promise((resolve) => client.process.once('exit', resolve));
      client.process.stdin!.end();
      await exited;
      return client.process.exitCode;
    } finally {
      await client.stop();
    }
  }

  it('with 0 once the client asked it to shut down (as after the exit notification)', async () => {
    assert.equal(await exitCodeOnClose(true), 0);
  });

  it('with 1 when the client went away without asking', async () => {
    assert.equal(await exitCodeOnClose(false), 1);
  });
});
