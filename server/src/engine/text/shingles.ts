// Hashed shingles of prose, for finding the text one report shares with another.
//
// The prose is normalised first: whitespace (PDF text wraps mid-word), punctuation and symbols are dropped,
// full-width forms fold to half-width, letters are lower-cased, and each run of digits becomes one `#`, so that a
// passage copied with its year and figures updated still reads the same. Every run of SHINGLE characters inside a
// sentence is then hashed; a sentence shorter than that (a sub-heading, 本年度未收取信息处理费) has none, so
// the short formulas every report repeats do not count. Comparing two reports is one pass over the shingles of
// the first, each looked up in a hash set of the second's: linear in the prose, no two sentences are compared.
import type { Span } from '../model';

/** characters per shingle: about a clause of Chinese prose */
export const SHINGLE = 12;

const DIGIT_MARK = 0x23; // '#'
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A piece of source text: its characters and where the first one is in the document. */
export interface SourceText {
  readonly text: string;
  readonly offset: number;
}

/** The normalised prose of some source texts: the shingles of its sentences, in order, and where they came from. */
export class ShingledProse {
  constructor(
    /** how many normalised characters the sentences that have shingles hold, one sentence after another */
    readonly length: number,
    /** the hash of each shingle, and where it starts in the normalised characters */
    readonly hashes: Uint32Array,
    readonly starts: Int32Array,
    /** where the normalised characters of each source text start: a passage does not run from one into the next */
    readonly textStarts: Int32Array,
    /** the document offset of each normalised character */
    private readonly sources: Int32Array,
  ) {}

  /** The source span of normalised characters [from, to). */
  span(from: number, to: number): Span {
    return { start: this.sources[from], end: this.sources[to - 1] + 1 };
  }

  /** The hashes as a set: what another report's prose is looked up in. */
  set(): ShingleSet {
    return new ShingleSet(this.hashes);
  }
}

/** A set of shingle hashes: open addressing in a table at most half full (0 marks an empty slot). */
export class ShingleSet {
  private readonly slots: Uint32Array;
  private readonly mask: number;
  /** the slot a hash is looked for first: its top bits after a Fibonacci multiply (a polynomial hash's low bits are poorly mixed) */
  private readonly shift: number;
  readonly size: number;

  constructor(hashes: Uint32Array) {
    let bits = 4;
    while (1 << bits < 2 * hashes.length) bits++;
    this.slots = new Uint32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    let size = 0;
    for (const hash of hashes) {
      const key = hash || 1;
      let i = this.home(key);
      while (this.slots[i] !== 0 && this.slots[i] !== key) i = (i + 1) & this.mask;
      if (this.slots[i] === 0) {
        this.slots[i] = key;
        size++;
      }
    }
    this.size = size;
  }

  has(hash: number): boolean {
    const key = hash || 1;
    for (let i = this.home(key); this.slots[i] !== 0; i = (i + 1) & this.mask) if (this.slots[i] === key) return true;
    return false;
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }
}

/** The normalised character code for a source character: 0 for one that is dropped, DIGIT_MARK for a digit. */
function normalCode(code: number, text: string, i: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return code;
  if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return DIGIT_MARK;
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code >= 0x61 && code <= 0x7a) return code;
  if (code >= 0xff21 && code <= 0xff3a) return code - 0xfee0 + 0x20;
  if (code >= 0xff41 && code <= 0xff5a) return code - 0xfee0;
  // the rest of ASCII, general and CJK punctuation, full-width symbols: the common characters dropped
  if (code < 0x80 || (code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) return 0;
  const folded = text[i].normalize('NFKC').toLowerCase();
  if (folded.length !== 1) return 0;
  if (folded >= '0' && folded <= '9') return DIGIT_MARK;
  return WORD_CHAR.test(folded) ? folded.charCodeAt(0) : 0;
}

/** 。！？；and their half-width forms */
const endsSentence = (code: number): boolean =>
  code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff1b || code === 0x21 || code === 0x3f || code === 0x3b;

// a polynomial rolling hash modulo 2^32
const BASE = 0x01000193;
let power = 1;
for (let i = 1; i < SHINGLE; i++) power = Math.imul(power, BASE);
/** BASE^(SHINGLE-1): the weight of the character that leaves the window */
const LEAVING = power;

/**
 * The shingles of the sentences of `texts` (a sentence ends at 。！？； and at the end of each text); sentences
 * `skip` answers true for (given their text as written) are left out.
 */
export function shingleProse(texts: readonly SourceText[], skip: (sentence: string) => boolean): ShingledProse {
  // no text gives more normalised characters or shingles than it has characters
  let capacity = 0;
  for (const t of texts) capacity += t.text.length;
  const chars = new Int32Array(capacity);
  const sources = new Int32Array(capacity);
  const hashes = new Uint32Array(capacity);
  const starts = new Int32Array(capacity);
  const textStarts = new Int32Array(texts.length);
  let length = 0;
  let count = 0;
  for (let t = 0; t < texts.length; t++) {
    const { text, offset } = texts[t];
    textStarts[t] = length;
    // the sentence being read: where it starts in the normalised characters, in the shingles and in its text
    let sentence = length;
    let firstShingle = count;
    let written = 0;
    let h = 0;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 0x3002;
      if (endsSentence(code)) {
        // a sentence with shingles is kept unless it is to be skipped; one too short to have any never is
        if (count > firstShingle && skip(text.slice(written, i))) count = firstShingle;
        if (count === firstShingle) length = sentence;
        sentence = length;
        firstShingle = count;
        written = i + 1;
        h = 0;
        continue;
      }
      const normal = normalCode(code, text, i);
      if (normal === 0 || (normal === DIGIT_MARK && length > sentence && chars[length - 1] === DIGIT_MARK)) continue;
      // the rolling hash of the last SHINGLE characters of the sentence
      if (length - sentence >= SHINGLE) h = (h - Math.imul(chars[length - SHINGLE], LEAVING)) | 0;
      h = (Math.imul(h, BASE) + normal) | 0;
      chars[length] = normal;
      sources[length++] = offset + i;
      if (length - sentence >= SHINGLE) {
        hashes[count] = h;
        starts[count++] = length - SHINGLE;
      }
    }
  }
  return new ShingledProse(length, hashes.subarray(0, count), starts.subarray(0, count), textStarts, sources.subarray(0, length));
}

/** What of one prose another holds: the share of its normalised characters, and the passages, in order. */
export interface SharedText {
  /** 0 … 1 */
  readonly share: number;
  /** the runs of normalised characters covered by shared shingles, as [from, to) */
  readonly passages: readonly (readonly [number, number])[];
}

/** The characters of `prose` that lie in a shingle `other` also has. */
export function sharedWith(prose: ShingledProse, other: ShingleSet): SharedText {
  const passages: [number, number][] = [];
  let covered = 0;
  /** where the source text of the last passage ends */
  let textEnd = 0;
  let nextText = 0;
  for (let k = 0; k < prose.hashes.length; k++) {
    if (!other.has(prose.hashes[k])) continue;
    const from = prose.starts[k];
    const to = from + SHINGLE;
    const last = passages[passages.length - 1];
    // shingles come in order, so a shingle overlapping (or touching) the last passage of its text extends it
    if (last && from <= last[1] && from < textEnd) {
      covered += Math.max(0, to - last[1]);
      last[1] = Math.max(last[1], to);
    } else {
      passages.push([from, to]);
      covered += SHINGLE;
      while (nextText < prose.textStarts.length && prose.textStarts[nextText] <= from) nextText++;
      textEnd = nextText < prose.textStarts.length ? prose.textStarts[nextText] : prose.length;
    }
  }
  return { share: prose.length === 0 ? 0 : covered / prose.length, passages };
}
