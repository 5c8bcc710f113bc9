// The server's end of the stdio transport. A publication of a large document sends up to xxgk.maxProblems
// diagnostics, nearly all of them the objects the last one sent (the publish cache keeps a report's converted
// diagnostics until its findings change): each one's JSON, in UTF-8, is kept on it, so a keystroke serialises only
// the diagnostics it changed, and the message is the kept pieces joined. Diagnostics first sent side by side are
// encoded side by side, in one buffer with their commas, so those sent side by side again (a report's, nearly
// always) are copied as one piece, and each message goes out with its header in one write.
import { format } from 'node:util';
import {
  AbstractMessageWriter,
  createConnection,
  type Connection,
  type Diagnostic,
  type DataCallback,
  type Disposable,
  Message,
  type MessageWriter,
  type NotificationMessage,
  type PublishDiagnosticsParams,
  StreamMessageReader,
} from 'vscode-languageserver/node';
import { utf8Text } from '../files/utf8';

const PUBLISH = 'textDocument/publishDiagnostics';

/** A diagnostic's JSON in UTF-8: bytes [start, end) of a buffer it may share with the diagnostics first sent after it. */
interface Encoded {
  readonly slab: Buffer;
  readonly start: number;
  readonly end: number;
}

/**
 * Each diagnostic sent carries its JSON in UTF-8 (encoding a publication's 300 KB of Chinese again costs more than its
 * JSON), under a key that is not enumerable: JSON.stringify and a copy (`{ ...d }`, a moved diagnostic) leave it, and
 * it goes when the diagnostic goes (a table beside them would hold its peak size after a document closes).
 */
const ENCODED = Symbol('encoded');
/**
 * Diagnostics encoded in one buffer at most: a buffer lives while any of its diagnostics does, so this bounds what
 * a diagnostic still shown keeps of others gone (a report's are far fewer).
 */
const SHARED_AT_MOST = 32;
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}}');

const keptOf = (d: Diagnostic): Encoded | undefined => (d as { [ENCODED]?: Encoded })[ENCODED];

/**
 * The JSON of diagnostics[from…] up to the first that has its own, at most SHARED_AT_MOST of them, in one buffer;
 * a diagnostic that cannot keep it (frozen) has it in `passing`, for the one message it is in.
 */
function encodeRun(diagnostics: readonly Diagnostic[], from: number, passing: Map<Diagnostic, Encoded>): void {
  const json: string[] = [];
  // a diagnostic listed twice is encoded once
  const run = new Set<Diagnostic>();
  for (let k = from; k < diagnostics.length && run.size < SHARED_AT_MOST && !keptOf(diagnostics[k]) && !run.has(diagnostics[k]); k++) {
    run.add(diagnostics[k]);
    json.push(JSON.stringify(diagnostics[k]));
  }
  const slab = Buffer.from(json.join(','));
  let start = 0;
  json.forEach((text, k) => {
    const end = start + Buffer.byteLength(text);
    const d = diagnostics[from + k];
    const encoded: Encoded = { slab, start, end };
    if (Object.isExtensible(d)) Object.defineProperty(d, ENCODED, { value: encoded });
    else passing.set(d, encoded);
    start = end + 1;
  });
}

const isPublication = (msg: Message): msg is NotificationMessage & { params: PublishDiagnosticsParams } =>
  (msg as NotificationMessage).method === PUBLISH && Array.isArray((msg as { params?: PublishDiagnosticsParams }).params?.diagnostics);

/** Byte ranges of buffers, to be joined: kept as numbers, so a message makes no object per piece. */
class Ranges {
  readonly buffers: Buffer[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  length = 0;

  add(buffer: Buffer, start = 0, end = buffer.length): void {
    this.buffers.push(buffer);
    this.starts.push(start);
    this.ends.push(end);
    this.length += end - start;
  }

  /** The ranges joined, after `prefix`: in `into` when it is large enough. */
  joined(prefix?: Buffer, into?: Buffer): Buffer {
    const size = (prefix?.length ?? 0) + this.length;
    const out = into && into.length >= size ? into.subarray(0, size) : Buffer.allocUnsafe(size);
    let at = prefix ? prefix.copy(out) : 0;
    for (let k = 0; k < this.buffers.length; k++) at += this.buffers[k].copy(out, at, this.starts[k], this.ends[k]);
    return out;
  }
}

/** The message's JSON in UTF-8, as ranges to join: a publication's diagnostics from what was kept of each. */
function bodyRanges(msg: Message): Ranges {
  const ranges = new Ranges();
  if (!isPublication(msg)) {
    ranges.add(Buffer.from(JSON.stringify(msg)));
    return ranges;
  }
  const { params, ...envelope } = msg;
  const { diagnostics, ...rest } = params;
  // `{"jsonrpc":…,"method":…}` and `{"uri":…,"version":…,"diagnostics":[]}`, the list put in
  ranges.add(Buffer.from(`${JSON.stringify(envelope).slice(0, -1)},"params":${JSON.stringify({ ...rest, diagnostics: [] }).slice(0, -2)}`));
  // the run of diagnostics whose bytes follow one another in one buffer, commas included
  let run: Encoded | undefined;
  let runStart = 0;
  const passing = new Map<Diagnostic, Encoded>();
  for (let k = 0; k < diagnostics.length; k++) {
    const d = diagnostics[k];
    if (!keptOf(d) && !passing.has(d)) encodeRun(diagnostics, k, passing);
    const encoded = keptOf(d) ?? passing.get(d)!;
    if (run && encoded.slab === run.slab && encoded.start === run.end + 1) {
      run = encoded;
      continue;
    }
    if (run) {
      ranges.add(run.slab, runStart, run.end);
      ranges.add(COMMA);
    }
    run = encoded;
    runStart = encoded.start;
  }
  if (run) ranges.add(run.slab, runStart, run.end);
  ranges.add(CLOSE);
  return ranges;
}

/** The message in UTF-8, as JSON.stringify writes it. */
export const messageBytes = (msg: Message): Buffer => bodyRanges(msg).joined();

/** The message as sent: its header (the body's length) and its body, in one buffer (in `into` when it is large enough). */
export function framed(msg: Message, into?: Buffer): Buffer {
  const body = bodyRanges(msg);
  return body.joined(Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), into);
}

/**
 * A message's buffer is kept for the next between these sizes: a new buffer of a publication's size at every
 * keystroke is memory outside V8's heap that makes its collector run in the background (0.2–0.3 ms of CPU per
 * keystroke on the seeds compilation); a smaller message is a slice of node's shared pool, never kept.
 */
const KEPT_FROM = 64 * 1024;
const KEPT_UP_TO = 8 * 1024 * 1024;

/**
 * Messages to a stream, each in one write (the library's writer writes a header, waits, then the body: two system
 * calls for every message). Writes are queued by the stream in the order made, so no lock is needed. A large
 * message's buffer is written into again once its write is done: for stdout (a pipe, a file or a terminal) the
 * bytes have then left it. Not for a stream that keeps what is written to it (a PassThrough, say).
 */
class FramedWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;
  /** a buffer no write holds any longer, for the next large message */
  private spare: Buffer | undefined;

  constructor(private readonly out: NodeJS.WriteStream) {
    super();
    out.on('error', (error: Error) => this.fireError(error));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    return new Promise((resolve, reject) => {
      const failed = (error: unknown): void => {
        this.fireError(error, msg, ++this.errors);
        reject(error);
      };
      try {
        const spare = this.spare;
        this.spare = undefined;
        const bytes = framed(msg, spare);
        const whole = bytes.buffer === spare?.buffer ? spare : bytes;
        // a buffer of its own (not a slice of node's pool), of a size worth keeping
        const keep = whole.byteOffset === 0 && whole.buffer.byteLength === whole.length && whole.length >= KEPT_FROM && whole.length <= KEPT_UP_TO;
        this.out.write(bytes, (error) => {
          if (keep && !(this.spare && this.spare.length >= whole.length)) this.spare = whole;
          if (error) failed(error);
          else resolve();
        });
      } catch (error) {
        failed(error);
      }
    });
  }

  end(): void {
    this.out.end();
  }
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
  const writer = new FramedWriter(process.stdout);
  const toStderr = (...args: unknown[]): void => void process.stderr.write(`${format(...args)}\n`);
  console.log = console.info = console.debug = toStderr;
  // a message's body decoded by our UTF-8 loop: an open of a 4.5 M-character document is a 13 MB body (LSP's only charset)
  const reader = new ClientReader(process.stdin, {
    contentTypeDecoder: { name: 'application/json', decode: async (bytes) => JSON.parse(utf8Text(bytes)) },
  });
  process.stdin.on('close', () => process.exit(reader.shutdownAsked ? 0 : 1));
  return createConnection(reader, writer);
}
