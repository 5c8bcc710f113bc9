// Character tests that run on every character of a document, as code comparisons rather than regexes.

/**
 * What `\s` matches (the ideographic space and the BOM among it), and the invisible characters web pages put
 * between words and cells: the zero-width space and joiners, the word joiner and the soft hyphen. A reader sees
 * nothing there, so neither does the parser (`\t\u200b21` is the cell 21).
 */
export function isSpace(code: number): boolean {
  // ideographs and ASCII, the common cases, are answered first
  if (code > 0x3000) return code === 0xfeff;
  if (code < 0xa0) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x3000 || code === 0x1680 || (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x2060 || code === 0xad
  );
}

/**
 * The characters among isSpace's that take no room on screen: the zero-width space and joiners, the word joiner, the
 * soft hyphen, the zero-width no-break space. Between two digits a reader sees no gap (`2\u200b1` shows as 21), so
 * they part no number there, where a visible space would.
 */
export function isInvisible(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xad || code === 0xfeff;
}

/** The text without its invisible characters (isInvisible). */
export const withoutInvisible = (text: string): string => text.replace(/[\u200b-\u200d\u2060\u00ad\ufeff]/g, '');

