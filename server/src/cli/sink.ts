// The CLI's stdout, written while the output is being made: in chunks, each handed over before the next is
// made (a slow reader makes the CLI wait, not grow), and a failed write (a full disk, a reader gone: EPIPE)
// remembered, so that the run ends as an I/O error (exit 2) instead of a silent success.
const CHUNK = 64 * 1024;

/** A piece of output, or a promise of more (output still being made, as by the worker pool): waited on, not written. */
export type Piece = string | Promise<unknown>;

export class Sink {
  private pending: string[] = [];
  private size = 0;
  /** the first failed write, if any: what comes after it is dropped */
  failure: Error | null = null;

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (e: Error) => (this.failure ??= e));
  }

  /** stdout is a terminal (a workbook's bytes are not written there) */
  get isTerminal(): boolean {
    return (this.stream as { isTTY?: boolean }).isTTY === true;
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  /** The pieces written as they are made, each promise among them waited on; none after a failed write. */
  async writePieces(pieces: Iterable<Piece>): Promise<void> {
    for (const piece of pieces) {
      if (this.failure) break;
      if (typeof piece === 'string') await this.write(piece);
      else await piece;
    }
  }

  /** Bytes (a workbook), after the text before them. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    await this.handOver(bytes);
  }

  /** Hands over what is pending and waits until it is written or failed. */
  flush(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    return text ? this.handOver(text) : Promise.resolve();
  }

  private handOver(chunk: string | Uint8Array): Promise<void> {
    if (this.failure) return Promise.resolve();
    return new Promise((resolve) =>
      this.stream.write(chunk, (e) => {
        if (e) this.failure ??= e;
        resolve();
      }),
    );
  }
}
