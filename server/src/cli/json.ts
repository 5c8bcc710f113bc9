// JSON.stringify(value, null, 2), made piece by piece, so that a document of millions of diagnostics is never
// one string (V8 gives up near 2^29 characters: "Invalid string length"). An iterable that is not an array
// (a generator, say) is written as an array, each element made when it is reached. Values with a toJSON
// method are not expected here.
const isLazy = (v: unknown): v is Iterable<unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Symbol.iterator in v;

/** Whether a lazy array is in `v`: anything else is written with one JSON.stringify. */
const holdsLazy = (v: unknown): boolean => isLazy(v) || (typeof v === 'object' && v !== null && Object.values(v).some(holdsLazy));

/** What JSON.stringify leaves out of an object and writes as null in an array. */
const unwritable = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** The pieces of `value` written at nesting `indent`; joined, exactly JSON.stringify(value, null, 2). */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  if (!holdsLazy(value)) {
    const json = JSON.stringify(value, null, 2);
    // nested values are the same text with every line indented (a newline in JSON is always between tokens)
    yield indent ? json.replace(/\n/g, `\n${indent}`) : json;
    return;
  }
  const inner = `${indent}  `;
  let first = true;
  if (isLazy(value) || Array.isArray(value)) {
    for (const item of value as Iterable<unknown>) {
      yield `${first ? '[' : ','}\n${inner}`;
      first = false;
      yield* unwritable(item) ? ['null'] : jsonPieces(item, inner);
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
