// JSON.stringify(value, null, 2), made piece by piece, so that a document of millions of diagnostics is never
// one string (V8 gives up near 2^29 characters: "Invalid string length"). An iterable that is not an array
// (a generator, say) is written as an array, each element made when it is reached. Values with a toJSON method
// are not expected here. A Promise in a lazy array is no element: it is passed on as a piece, for the writer to
// wait on (the next file's entry is still being made; see Pending in format.ts).
import type { Piece } from './sink';

const isLazy = (v: unknown): v is Iterable<unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Symbol.iterator in v;

/** Whether a lazy array is in `v`: anything else is written as one string. */
function holdsLazy(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (isLazy(v)) return true;
  for (const key in v) if (Object.hasOwn(v, key) && holdsLazy((v as Record<string, unknown>)[key])) return true;
  return false;
}

/** What JSON.stringify leaves out of an object and writes as null in an array. */
const unwritable = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** `value` as JSON.stringify(value, null, 2) writes it, each line after its first indented by `indent`. */
function stringified(value: unknown, indent: string): string {
  const json = JSON.stringify(value, null, 2);
  // a newline in JSON is always between tokens (replaceAll with a string: no regular expression, some 40% faster here)
  return indent ? json.replaceAll('\n', `\n${indent}`) : json;
}

/** The pieces of `value` written at nesting `indent`; joined (the promises left out), exactly JSON.stringify(value, null, 2). */
export function* jsonPieces(value: unknown, indent = ''): Generator<Piece> {
  if (!holdsLazy(value)) {
    yield stringified(value, indent);
    return;
  }
  const inner = `${indent}  `;
  let first = true;
  if (isLazy(value) || Array.isArray(value)) {
    for (const item of value as Iterable<unknown>) {
      if (item instanceof Promise) {
        yield item;
        continue;
      }
      const opening = `${first ? '[' : ','}\n${inner}`;
      first = false;
      // an element with no lazy array in it (a diagnostic) is one piece, with no generator of its own
      if (holdsLazy(item)) {
        yield opening;
        yield* jsonPieces(item, inner);
      } else yield opening + (unwritable(item) ? 'null' : stringified(item, inner));
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  for (const [key, item] of Object.entries(value as object)) {
    if (unwritable(item)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonPieces(item, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}
