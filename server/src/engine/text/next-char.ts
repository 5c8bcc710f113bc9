// Where a character next occurs, for positions asked about in increasing order: each search starts where the
// last one found it, so walking a whole document costs one native search through it per character, not a
// loop over its characters or a search per line (which, for a character the rest of the document lacks,
// would run to its end every time).

export class NextChar {
  private found: number;
  private asked: number;

  constructor(
    private readonly text: string,
    private readonly char: string,
    from: number,
  ) {
    this.found = text.indexOf(char, from);
    this.asked = from;
  }

  /** The first position ≥ pos holding the character, or Infinity. */
  from(pos: number): number {
    // asking about an earlier place than before: search again (correct, and never needed when walking forward)
    if (pos < this.asked || (this.found >= 0 && this.found < pos)) this.found = this.text.indexOf(this.char, pos);
    this.asked = pos;
    return this.found < 0 ? Infinity : this.found;
  }
}
