// A copy of a string that shares no memory with the text it came from. In V8 a slice of a string keeps its
// whole parent alive; a model or cache that keeps slices of a 10 MB document would keep the document too.

export function detached(text: string): string {
  // concatenation, then a slice, forces a new flat string of just these characters
  return (' ' + text).slice(1);
}
