// Where the text of an imported document came from, kept while the user edits it. An edit drops every origin
// whose text it touches and shifts those after it: an origin is only ever given for text that is still exactly as
// it was imported, so the hover may say less after an edit, never a wrong place.
import type { Span } from '../engine';
import { originAt, type Origin, type OriginSpan } from '../import';

export class DocumentOrigins {
  #spans: OriginSpan[];

  constructor(origins: readonly OriginSpan[]) {
    this.#spans = [...origins];
  }

  /**
   * The characters `start`…`end` were replaced by `inserted` characters. Text that only meets the edit at its edge
   * is still as imported; an empty span (a blank cell) at the edit is not kept: text typed there may fill it.
   */
  edit(start: number, end: number, inserted: number): void {
    const delta = inserted - (end - start);
    const kept: OriginSpan[] = [];
    for (const o of this.#spans) {
      const empty = o.span.start === o.span.end;
      if (o.span.end < start || (!empty && o.span.end === start)) kept.push(o);
      else if (o.span.start > end || (!empty && o.span.start === end)) kept.push({ span: { start: o.span.start + delta, end: o.span.end + delta }, origin: o.origin });
    }
    this.#spans = kept;
  }

  /** The place a span of the current text came from, if all of it is still as imported. */
  at(span: Span): Origin | null {
    return originAt({ origins: this.#spans }, span);
  }

  /** The origins in current offsets (for a document saved under another name). */
  get spans(): readonly OriginSpan[] {
    return this.#spans;
  }
}

/** How many imports wait for their document at most: one is the rule, a few cover imports made in a row. */
const MAX_WAITING = 4;

/**
 * Imports whose document is not open yet. The extension names the new document after the title it learns from
 * the import's reply, so the server cannot know its URI beforehand: the origins go to the first document that
 * opens (or becomes, as the extension writes the text in) exactly the imported text, and are taken once.
 */
export class WaitingImports {
  readonly #waiting: { text: string; origins: readonly OriginSpan[] }[] = [];

  add(text: string, origins: readonly OriginSpan[]): void {
    this.#waiting.unshift({ text, origins });
    this.#waiting.length = Math.min(this.#waiting.length, MAX_WAITING);
  }

  /** The origins of the text `text()` gives, if an import waits for it (its length is checked first: that is cheap). */
  take(length: number, text: () => string): DocumentOrigins | null {
    const i = this.#waiting.findIndex((w) => w.text.length === length && w.text === text());
    if (i < 0) return null;
    const [found] = this.#waiting.splice(i, 1);
    return new DocumentOrigins(found.origins);
  }
}
