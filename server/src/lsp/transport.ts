// The server's end of the stdio transport. A publication of a large document sends up to xxgk.maxProblems
// diagnostics, nearly all of them the objects the last one sent (the publish cache keeps a report's converted
// diagnostics until its findings change): each one's JSON, in UTF-8, is kept on it, so a keystroke serialises only
// the diagnostics it changed, and the message is the kept pieces joined.
import { format } from 'node:util';
import {
  createConnection,
  type Connection,
  type Diagnostic,
  type DataCallback,
  type Disposable,
  Message,
  type NotificationMessage,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { utf8Text } from '../files/utf8';

const PUBLISH = 'textDocument/publishDiagnostics';
/**
 * Each diagnostic sent carries its JSON in UTF-8 (encoding a publication's 300 KB of Chinese again costs more than its
 * JSON), under a key that is not enumerable: JSON.stringify and a copy (`{ ...d }`, a moved diagnostic) leave it, and
 * it goes when the diagnostic goes (a table beside them would hold its peak size after a document closes).
 */
const ENCODED = Symbol('encoded');
const COMMA = Buffer.from(',');

function bytesOf(d: Diagnostic): Buffer {
  const kept = (d as { [ENCODED]?: Buffer })[ENCODED];
  if (kept) return kept;
  const bytes = Buffer.from(JSON.stringify(d));
  if (Object.isExtensible(d)) Object.defineProperty(d, ENCODED, { value: bytes });
  return bytes;
}

const isPublication = (msg: Message): msg is NotificationMessage & { params: PublishDiagnosticsParams } =>
  (msg as NotificationMessage).method === PUBLISH && Array.isArray((msg as { params?: PublishDiagnosticsParams }).params?.diagnostics);

/** The message in UTF-8, as JSON.stringify writes it; a publication's diagnostics from what was kept of each. */
export function messageBytes(msg: Message): Buffer {
  if (!isPublication(msg)) return Buffer.from(JSON.stringify(msg));
  const { params, ...envelope } = msg;
  const { diagnostics, ...rest } = params;
  // `{"jsonrpc":…,"method":…}` and `{"uri":…,"version":…,"diagnostics":[]}`, the list put in
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(envelope).slice(0, -1)},"params":${JSON.stringify({ ...rest, diagnostics: [] }).slice(0, -2)}`)];
  diagnostics.forEach((d, k) => {
    if (k) parts.push(COMMA);
    parts.push(bytesOf(d));
  });
  parts.push(Buffer.from(']}}'));
  return Buffer.concat(parts);
}

/** The client's messages as they come in, noting whether it asked the server to shut down. */
class ClientReader extends StreamMessageReader {
  shutdownAsked = false;

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      if (Message.isRequest(message) && message.method === 'shutdown') this.shutdownAsked = true;
      callback(message);
    });
  }
}

/**
 * The connection: with --stdio (as the extension starts the server), stdio with the publication encoder; else as
 * the library chooses (--node-ipc, --socket, --pipe). On stdio, as the library's own stdio does, stdout is the
 * protocol's only (whatever a module prints goes to stderr) and the server ends when its client's end closes:
 * with 0 once the client asked it to shut down, else with 1 (LSP's rule for the exit notification).
 */
export function serverConnection(argv: readonly string[] = process.argv): Connection {
  if (!argv.includes('--stdio')) return createConnection();
  const writer = new StreamMessageWriter(process.stdout, {
    contentTypeEncoder: { name: 'application/json', encode: (msg) => Promise.resolve(messageBytes(msg)) },
  });
  const toStderr = (...args: unknown[]): void => void process.stderr.write(`${format(...args)}\n`);
  console.log = console.info = console.debug = toStderr;
  // a message's body decoded by our UTF-8 loop: an open of a 4.5 M-character document is a 13 MB body (LSP's only charset)
  const reader = new ClientReader(process.stdin, {
    contentTypeDecoder: { name: 'application/json', decode: async (bytes) => JSON.parse(utf8Text(bytes)) },
  });
  process.stdin.on('close', () => process.exit(reader.shutdownAsked ? 0 : 1));
  return createConnection(reader, writer);
}
