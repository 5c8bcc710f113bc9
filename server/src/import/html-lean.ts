// A page cut down to what the reader looks at, before parse5 reads it: parse5's tokenizer goes one character at a
// time through a state machine, and most of a page is what shows nothing (inline scripts, styles, comments) or
// attributes nothing reads (Word writes a style of a hundred characters on every cell and span). The tags are
// found as the HTML tokenizer finds them (its tag, attribute and comment states), so the tree parse5 builds from
// the lean page is the tree of the whole page, less the attributes dropped and the elements that show nothing.
import { NAVIGATION_NAMES } from './html-article';
import { HIDDEN_STYLE, PLACEHOLDER_STYLE } from './html-flow';

/**
 * The attributes kept: those the reader reads whatever their value, and those the tree builder looks at (an
 * `<input type=hidden>` in a table, `<font color|face|size>` and `<annotation-xml encoding>` in SVG and MathML).
 * Others are read for some values only: a style where it hides its element or marks Word's placeholder cell, a
 * class or id where it names a navigation box. A tag keeps all its attributes where what it would lose holds one
 * of those values (or a character reference, which could spell one).
 */
const KEPT = ['hidden', 'colspan', 'rowspan', 'type', 'encoding', 'color', 'face', 'size'];
const MAY_BE_READ = new RegExp(`${HIDDEN_STYLE.source}|${PLACEHOLDER_STYLE.source}|${NAVIGATION_NAMES.source}|&`, 'i');
/**
 * Word ends each paragraph with an empty element of its own namespace (`<o:p></o:p>`): an empty inline element
 * shows nothing and holds no text, and it is a fifth of the tags of a page Word saved. Its start tag also makes
 * the tree builder reopen the formatting elements (b, a, font…) that a block closed while they were still active,
 * and a block that follows would then go inside them; so it goes only where they were just reopened: after text,
 * or after a start tag that reopens them (Word writes the mark after text or inside a <span>).
 */
const WORD_PARAGRAPH_MARK = '<o:p>';
const WORD_PARAGRAPH_MARK_END = '</o:p>';
const REOPENS_FORMATTING = new Set(['span', 'font', 'b', 'i', 'u', 'em', 'strong']);
/** text the tree builder inserts, and so reopens the formatting elements for (it drops NULs; whitespace alone, in a table, it does not) */
const SHOWN_CHARACTER = /[^\t\n\f\r \0]/g;
/** Elements dropped with their content: scripts and styles, and noscript (parse5 parses as a browser with scripting on). */
const DROPPED = new Set(['script', 'style', 'noscript']);
/**
 * Elements whose content is text to the tokenizer up to their end tag (RCDATA, RAWTEXT; plaintext's to the end),
 * copied as they are, unless they are dropped.
 */
const RAW = [...DROPPED, 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'];

export function leanHtml(html: string): string {
  const out: string[] = [];
  let copied = 0; // html before this index is in out
  let tokenEnd = 0; // where the last token ended: what follows, up to the next, is text
  let reopened = false; // whether every active formatting element is open (see WORD_PARAGRAPH_MARK)
  const tokens = TOKEN;
  tokens.lastIndex = 0;
  for (let m = tokens.exec(html); m; tokenEnd = tokens.lastIndex, m = tokens.exec(html)) {
    const lt = m.index;
    if (lt > tokenEnd) {
      SHOWN_CHARACTER.lastIndex = tokenEnd;
      reopened ||= SHOWN_CHARACTER.test(html) && SHOWN_CHARACTER.lastIndex <= lt;
    }
    if (m[0] === '<!--') {
      const end = endOfComment(html, lt + 4);
      if (canCut(html, lt)) {
        out.push(html.slice(copied, lt));
        copied = end;
      }
      tokens.lastIndex = end;
      continue; // a comment leaves the tree builder's elements as they are
    }
    if (m[0] === WORD_PARAGRAPH_MARK && reopened && html.startsWith(WORD_PARAGRAPH_MARK_END, tokens.lastIndex) && canCut(html, lt)) {
      out.push(html.slice(copied, lt));
      copied = tokens.lastIndex += WORD_PARAGRAPH_MARK_END.length;
      continue;
    }
    reopened = m[1] !== undefined && REOPENS_FORMATTING.has(m[1].toLowerCase());
    const special = m[7]?.toLowerCase();
    if (special === undefined) {
      const lean = m[1] === undefined ? null : leanTag(m);
      if (lean !== null) {
        out.push(html.slice(copied, lt), lean);
        copied = lt + m[0].length;
      }
      continue; // a start or end tag, a doctype, Word's <![if …]> markers and other bogus comments
    }
    const rest = special === 'plaintext' ? html.length : endOfRawText(html, tokens.lastIndex, special);
    if (DROPPED.has(special) && rest >= 0 && canCut(html, lt)) {
      out.push(html.slice(copied, lt));
      copied = rest;
    }
    if (rest < 0) break;
    tokens.lastIndex = rest;
  }
  if (copied === 0) return html;
  out.push(html.slice(copied));
  return out.join('');
}

// The tokenizer's grammar of a tag, as patterns. Each name and unquoted value is read to its end (a lookahead
// forbids the backtracking that would split one into two), and a name without a value is not followed by '=',
// so a tag the file ends in (an unclosed quote) does not match at all.
const SPACE = '[\\t\\n\\f\\r ]';
const BETWEEN = '[\\t\\n\\f\\r /]*';
const NAME_END = '(?=[\\t\\n\\f\\r />])';
const VALUE = `${SPACE}*=${SPACE}*(?:"[^"]*"|'[^']*'|[^\\t\\n\\f\\r >"'][^\\t\\n\\f\\r >]*(?=[\\t\\n\\f\\r >])|(?=>))`;
const ATTRIBUTE = `[^\\t\\n\\f\\r />][^\\t\\n\\f\\r />=]*(?:${VALUE}|(?!${SPACE}*=)${NAME_END})`;
const ATTRIBUTES = `(?:${BETWEEN}${ATTRIBUTE})*`;
const KEPT_NAME = `(?:${KEPT.join('|')})(?=${SPACE}*=|${NAME_END})`;
const CUT = `(?:${BETWEEN}(?!${KEPT_NAME})${ATTRIBUTE})*`;
const KEEP = `${BETWEEN}${KEPT_NAME}(?:${VALUE}|(?!${SPACE}*=)${NAME_END})`;
const TAG_NAME = `[A-Za-z][^\\t\\n\\f\\r />]*${NAME_END}`;
const RAW_NAME = `(?:${RAW.join('|')})${NAME_END}`;
/**
 * What starts at a '<' the tokenizer reads in its data state: a comment; a start tag with at most two attributes
 * kept (its name; attributes cut, kept, cut, kept, cut); any other start tag; a start tag of an element with raw
 * text (its name in the seventh group); an end tag; a doctype or bogus comment.
 */
const TOKEN = new RegExp(
  `<(?:!--|(?!${RAW_NAME})(${TAG_NAME})(${CUT})(?:(${KEEP})(${CUT})(?:(${KEEP})(${CUT}))?)?${BETWEEN}>|(?!${RAW_NAME})${TAG_NAME}${ATTRIBUTES}${BETWEEN}>|(${RAW_NAME})${ATTRIBUTES}${BETWEEN}>|\\/${TAG_NAME}${ATTRIBUTES}${BETWEEN}>|[!?/][^>]*(?:>|$))`,
  'gi',
);

/**
 * A start tag with only its kept attributes, or null when it keeps them all. A kept attribute and the tag's end
 * get a space before them where they had none, so that no two names run together and a '/' does not join an
 * unquoted value. A tag is kept whole where what it would lose might be read (see KEPT).
 */
function leanTag(m: RegExpExecArray): string | null {
  const cut = (m[2] ?? '') + (m[4] ?? '') + (m[6] ?? '');
  if (!cut || MAY_BE_READ.test(cut)) return null;
  const end = 1 + m[1].length + cut.length + (m[3]?.length ?? 0) + (m[5]?.length ?? 0);
  const kept = spaced(m[3]) + spaced(m[5]);
  const tagEnd = m[0].slice(end);
  return `<${m[1]}${kept}${kept && tagEnd[0] === '/' ? ' ' : ''}${tagEnd}`;
}

const spaced = (attribute: string | undefined): string => (attribute === undefined ? '' : /^[\t\n\f\r ]/.test(attribute) ? attribute : ` ${attribute}`);

/**
 * Whether the text may lose what starts at `at`: not where the text before would join the text after into
 * something else (a '<' into a tag, '&am' + 'p;' into a character reference).
 */
function canCut(html: string, at: number): boolean {
  let p = at - 1;
  while (p >= 0 && at - p <= MAX_REFERENCE && /[#0-9A-Za-z]/.test(html[p])) p--;
  return p < 0 || (html[p] !== '<' && html[p] !== '&');
}
const MAX_REFERENCE = 40;

/** Where the raw text of `name` ends (after its end tag), or -1 when it runs to the end of the file. */
function endOfRawText(html: string, from: number, name: string): number {
  const closing = new RegExp(`</${name}${NAME_END}${ATTRIBUTES}[\\t\\n\\f\\r /]*>`, 'gi');
  closing.lastIndex = from;
  const found = closing.exec(html);
  return found ? found.index + found[0].length : -1;
}

/** After a comment opened before `from`: `-->`, `--!>`, or the abrupt `<!-->` and `<!--->`. */
function endOfComment(html: string, from: number): number {
  if (html.startsWith('>', from)) return from + 1;
  if (html.startsWith('->', from)) return from + 2;
  const close = /--!?>/g;
  close.lastIndex = from;
  const found = close.exec(html);
  return found ? found.index + found[0].length : html.length;
}
