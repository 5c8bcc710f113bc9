// Where a pattern next matches, for positions asked about in increasing order (as NextChar does for one
// character): each search starts where the last one was asked from and is kept until a later position passes
// it, so walking a whole document costs one pass of the pattern through it, not a search per line (which, where
// the rest of the document has no match, would run to its end every time).

export class NextMatch {
  private found = -1;
  private asked = Infinity;
  private readonly pattern: RegExp;

  /** `pattern` should hold no backtracking over long runs: it is run over the whole text */
  constructor(
    private readonly text: string,
    pattern: RegExp,
  ) {
    this.pattern = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  }

  /** Where the first match at or after pos starts, or Infinity. */
  from(pos: number): number {
    if (pos < this.asked || (this.found >= 0 && this.found < pos)) {
      this.pattern.lastIndex = pos;
      const m = this.pattern.exec(this.text);
      this.found = m ? m.index : -1;
    }
    this.asked = pos;
    return this.found < 0 ? Infinity : this.found;
  }
}
