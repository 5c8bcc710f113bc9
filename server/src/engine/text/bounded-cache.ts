// The parser's memo tables (label texts, heading lines, runs of glued digits): the same few hundred strings
// repeat from report to report of a compilation, while an edit in progress makes many that never come back.
// Each table is bounded: once full it starts again, which costs a few misses and never unbounded memory.

/** every table made: they live as long as the engine (module-level, or one per template's rule set) */
const tables: BoundedCache<unknown, unknown>[] = [];

export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {
    tables.push(this);
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.limit && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Empties every memo table. Once no document is open, a full table (some 3 MB of label foldings after a long
 * edit) holds only what the closed documents' texts and edits made; the next parse fills it again at the cost of
 * a few misses.
 */
export function forgetMemos(): void {
  for (const table of tables) table.clear();
}
