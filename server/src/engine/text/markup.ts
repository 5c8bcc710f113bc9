// HTML left in a text report (a crawled page's text pasted into a .txt): character references (&nbsp; &ldquo;
// &#12288;) and tags (<br> <span style="…"> </p>) read as the blank they show on the page. Each is replaced by
// as many spaces as it has characters, so that every offset (a diagnostic's range, a fix's, an editor position)
// is the same in the text read and in the text written, and a column's display width too (markup is ASCII).
// Markup never spans a line break, so a line is masked alike whatever text around it is masked with it: a
// window of an edited document is masked as the whole document would be.
import { droppedInFolding } from './fold';

/**
 * The named references a page's text holds between and inside its words: spaces, quotes, dashes, dots and the
 * like, all of which the reading drops or takes for a blank (a label's folding drops punctuation). A reference to
 * a letter (&eacute;) is left as written: replacing it by a blank would break the word it stands in.
 */
const NAMED =
  'nbsp|ensp|emsp|emsp13|emsp14|numsp|puncsp|thinsp|hairsp|zwsp|zwnj|zwj|lrm|rlm|shy|' +
  'ldquo|rdquo|lsquo|rsquo|bdquo|sbquo|laquo|raquo|lsaquo|rsaquo|quot|apos|' +
  'amp|lt|gt|middot|bull|hellip|mdash|ndash|minus|hyphen|times|divide|deg|plusmn|permil|yen|sect|para|copy|reg|trade';

/**
 * A reference (named, decimal or hex; the `;` required, as `R&D` and `A&B公司` are no references), or a tag: `<`,
 * an optional `/`, an ASCII letter name (Word's pages write `<o:p>`), then attributes with no `<`, `>` or line
 * break up to `>`. `<5` and `a < b` are no tags.
 */
const MARKUP = new RegExp(
  `&(?:(?:${NAMED})|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});|<\\/?[A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9]*)?(?:[ \\t\\f/][^<>\\r\\n]*)?>`,
  'g',
);

/** Whether a numeric reference stands for what the reading takes for a blank; one for a letter, digit or ideograph is text. */
function numericBlank(reference: string): boolean {
  const hex = reference[2] === 'x' || reference[2] === 'X';
  const code = Number.parseInt(reference.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
  return code <= 0x10ffff && droppedInFolding(String.fromCodePoint(code));
}

/**
 * `text` with its markup replaced by spaces, the same length; `text` itself (no copy) when it holds none, which
 * two searches for `&` and `<` tell for most documents.
 */
export function maskMarkup(text: string): string {
  if (text.indexOf('&') < 0 && text.indexOf('<') < 0) return text;
  let masked = false;
  const read = text.replace(MARKUP, (markup) => {
    if (markup[1] === '#' && !numericBlank(markup)) return markup;
    masked = true;
    return ' '.repeat(markup.length);
  });
  return masked ? read : text;
}

/** the fewest characters a character reference has (`&lt;`, `&#9;`), so the fewest blanks maskMarkup leaves of one */
export const SHORTEST_REFERENCE = 4;
const MASKED = ' '.repeat(SHORTEST_REFERENCE);

/**
 * Whether the text read has, from `from` on, blanks that may be a masked reference: as many spaces as the shortest
 * reference has characters. What the reference stood for (`&rdquo;`: ”) is not in the text read, only that one
 * may be there.
 */
export const mayBeMasked = (read: string, from: number): boolean => from >= 0 && read.startsWith(MASKED, from);
