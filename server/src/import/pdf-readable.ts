// Whether a text layer is text. A font without a usable ToUnicode map gives glyph numbers as characters:
// control codes, private-use code points, symbols and rare ideographs (CJK Extension A, compatibility
// squares, dingbats) instead of 政府信息公开. Reading that as a report would be a guess, so such a file is
// treated like a scan.

/**
 * Characters reports are written in: ASCII, common punctuation and symbols (①, ■, ㈠), CJK punctuation and
 * full-width forms, radicals (folded later) and the main block of ideographs.
 */
const PLAUSIBLE =
  /[\u0020-\u007e\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2100-\u22ff\u2460-\u24ff\u2500-\u25ff\u2e80-\u2fdf\u3000-\u303f\u3200-\u32ff\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef]/u;

/** Below this share of plausible characters a text layer is glyph numbers (reports: 100 %; a Chromium PDF stripped of its ToUnicode maps: 46 %). */
const MIN_PLAUSIBLE = 0.85;

export function isGlyphSoup(texts: readonly string[]): boolean {
  let all = 0;
  let plausible = 0;
  for (const text of texts) {
    for (const ch of text) {
      if (/\s/.test(ch)) continue;
      all++;
      if (PLAUSIBLE.test(ch)) plausible++;
    }
  }
  return all > 0 && plausible < all * MIN_PLAUSIBLE;
}
