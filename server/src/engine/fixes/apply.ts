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

/**
 * Edits of a text that, applied at once, give what `first` and then `second` give: `second` being edits of the
 * text `first` produced (`middle`). Where an edit of `second` touches one of `first`, the two become one edit.
 * Fix-all composes its passes this way, so the editor receives one narrow edit per cell it changed.
 */
export function composeEdits(first: readonly TextEdit[], second: readonly TextEdit[], middle: string): TextEdit[] {
  const firsts = selectEdits(first).taken;
  const seconds = selectEdits(second).taken;
  // the first edits' replaced text, located in the middle text
  let shift = 0;
  const regions = firsts.map((e) => {
    const start = e.span.start + shift;
    shift += e.newText.length - (e.span.end - e.span.start);
    return { start, end: start + e.newText.length, delta: e.newText.length - (e.span.end - e.span.start) };
  });
  const items = [...regions.map((r) => ({ ...r, second: null })), ...seconds.map((e) => ({ start: e.span.start, end: e.span.end, delta: 0, second: e }))].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  const out: TextEdit[] = [];
  let before = 0; // the first edits' length change before the current cluster
  for (let i = 0; i < items.length; ) {
    let end = items[i].end;
    let j = i;
    while (j + 1 < items.length && items[j + 1].start <= end) end = Math.max(end, items[++j].end);
    const start = items[i].start;
    const cluster = items.slice(i, j + 1);
    const delta = cluster.reduce((sum, item) => sum + item.delta, 0);
    let newText = '';
    let at = start;
    for (const item of cluster) {
      if (!item.second) continue;
      newText += middle.slice(at, item.start) + item.second.newText;
      at = item.end;
    }
    newText += middle.slice(at, end);
    out.push({ span: { start: start - before, end: end - before - delta }, newText });
    before += delta;
    i = j + 1;
  }
  return out;
}
