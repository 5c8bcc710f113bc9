// Applying text edits, and fix-all: every fix merged, conflicting ones left for the next pass.
import type { TextEdit } from '../diagnostic';

/** The edits that can be applied together, in order; an edit overlapping one already taken is skipped. */
export function selectEdits(edits: readonly TextEdit[]): { taken: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const taken: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    const prev = taken[taken.length - 1];
    const overlaps = prev && (edit.span.start < lastEnd || (edit.span.start === prev.span.start && edit.span.start === edit.span.end));
    if (overlaps) skipped.push(edit);
    else {
      taken.push(edit);
      lastEnd = edit.span.end;
    }
  }
  return { taken, skipped };
}

/** Applies non-overlapping edits; an edit overlapping one already taken is skipped and returned. */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const { taken, skipped } = selectEdits(edits);
  let out = '';
  let at = 0;
  for (const edit of taken) {
    out += text.slice(at, edit.span.start) + edit.newText;
    at = edit.span.end;
  }
  return { text: out + text.slice(at), skipped };
}
