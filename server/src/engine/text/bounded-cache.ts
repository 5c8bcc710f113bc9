// The parser's memo tables (label texts, heading lines, runs of glued digits): the same few hundred strings
// repeat from report to report of a compilation, while an edit in progress makes many that never come back.
// Each table is bounded: once full it starts again, which costs a few misses and never unbounded memory.

export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

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
}
