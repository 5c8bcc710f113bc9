// Reading a file nobody vouched for (a workspace may be untrusted, a report may be a link to anything): only a
// regular file is read, and never past a bound, counted while reading: a FIFO would block for ever, and a
// /proc file says its size is 0 and may never end.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** Why a file was not read; the caller says so and goes on. */
export class Unreadable extends Error {}

export const NOT_REGULAR = 'not a regular file (a pipe, socket or device is not read)';
const MB = 1024 * 1024;
export const megabytes = (bytes: number): string => `${Math.round((bytes / MB) * 10) / 10} MB`;
const tooLarge = (limit: number): Unreadable => new Unreadable(`larger than ${megabytes(limit)}: not read`);

// non-blocking, so that a FIFO put in place between the stat and the open cannot hold the open
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

/** The size to expect; throws Unreadable for anything but a regular file within the bound. */
function regularSize(stats: Stats, limit: number): number {
  if (!stats.isFile()) throw new Unreadable(NOT_REGULAR);
  if (stats.size > limit) throw tooLarge(limit);
  return stats.size;
}

/**
 * The bytes read so far, in a buffer that grows to a chunk past the limit: a byte past it proves the file too
 * big. Reads stay multiples of the chunk, which some /proc files (pagemap) require.
 */
class BoundedBuffer {
  private buffer: Buffer;
  length = 0;

  constructor(
    expected: number,
    private readonly limit: number,
  ) {
    // a size said is most likely right (a byte more shows the end in one read); a size of 0 may be a /proc file
    this.buffer = Buffer.allocUnsafe(expected > 0 ? Math.min(limit + CHUNK, expected + 1) : CHUNK);
  }

  /** Where the next read goes: the free part of the buffer, grown when full. */
  free(): { buffer: Buffer; offset: number; length: number } {
    if (this.length === this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(this.limit + CHUNK, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    return { buffer: this.buffer, offset: this.length, length: this.buffer.length - this.length };
  }

  /** Counts `n` more bytes read; false at the end of the file. */
  took(n: number): boolean {
    this.length += n;
    if (this.length > this.limit) throw tooLarge(this.limit);
    return n > 0;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/** The contents of a regular file of at most `limit` bytes; Unreadable otherwise (I/O errors as they come). */
export async function readRegularFile(path: string, limit: number): Promise<Buffer> {
  regularSize(await stat(path), limit); // a device is never opened: opening one may do something
  const handle = await open(path, FLAGS);
  try {
    const into = new BoundedBuffer(regularSize(await handle.stat(), limit), limit);
    for (;;) {
      const { buffer, offset, length } = into.free();
      if (!into.took((await handle.read(buffer, offset, length, null)).bytesRead)) return into.bytes();
    }
  } finally {
    await handle.close();
  }
}

/** readRegularFile for callers that have nothing to do meanwhile (the CLI) or cannot wait (xxgk.config.json). */
export function readRegularFileSync(path: string, limit: number): Buffer {
  regularSize(statSync(path), limit);
  const fd = openSync(path, FLAGS);
  try {
    const into = new BoundedBuffer(regularSize(fstatSync(fd), limit), limit);
    for (;;) {
      const { buffer, offset, length } = into.free();
      if (!into.took(readSync(fd, buffer, offset, length, null))) return into.bytes();
    }
  } finally {
    closeSync(fd);
  }
}
