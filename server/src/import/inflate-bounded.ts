// DEFLATE data inflated a step at a time and no further than a bound: a crafted file (a zip part, a PDF stream)
// may inflate a thousandfold, and what its headers declare is not to be trusted.
import { Inflate, Unzlib } from 'fflate';

/** compressed bytes inflated at a time: deflate inflates each at most ~1,032-fold, so this bounds one step's output */
const INFLATE_STEP = 16 * 1024;

export interface Inflated {
  /** the bytes inflated, counted up to the step that passed `limit` */
  readonly size: number;
  /** the data inflated, when kept and within the limit */
  readonly bytes: Uint8Array | null;
  /** the stream ended where it should (no damage, not cut short) */
  readonly whole: boolean;
}

/** Inflates `data`, raw (a zip entry) or zlib-wrapped (a PDF's FlateDecode), stopping once more than `limit` bytes come out. */
export function inflateWithin(data: Uint8Array, limit: number, options: { zlib: boolean; keep: boolean }): Inflated {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const take = (chunk: Uint8Array, final: boolean): void => {
    size += chunk.length;
    if (options.keep && size <= limit) chunks.push(chunk);
    if (final) ended = true;
  };
  const inflater = options.zlib ? new Unzlib(take) : new Inflate(take);
  let damaged = false;
  try {
    for (let from = 0; from < data.length && size <= limit; from += INFLATE_STEP) {
      inflater.push(data.subarray(from, from + INFLATE_STEP), from + INFLATE_STEP >= data.length);
    }
  } catch {
    damaged = true;
  }
  const whole = !damaged && (ended || data.length === 0);
  if (!options.keep || size > limit) return { size, bytes: null, whole };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return { size, bytes, whole };
}
