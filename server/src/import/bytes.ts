// Searching a file's bytes, for the readers that find their way by markers in them (a PDF's streams, a MIME message's parts).

/** Where `word` next starts in `bytes` from `from`, or -1. */
export function indexOfBytes(bytes: Uint8Array, word: ArrayLike<number>, from: number): number {
  const first = word[0];
  for (let at = bytes.indexOf(first, from); at >= 0 && at + word.length <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    let k = 1;
    while (k < word.length && bytes[at + k] === word[k]) k++;
    if (k === word.length) return at;
  }
  return -1;
}
