// Walks a parsed page the way a browser lays it out: text of inline elements runs on, a block element or a
// <br> ends a line, hidden elements show nothing, whitespace collapses (a line break between two Chinese
// characters disappears, as CSS says, so Word's wrapped source lines do not split words). Tables are handed
// to the caller, which decides whether they hold data or only layout.
import type { DefaultTreeAdapterTypes as P } from 'parse5';
import { WIDE } from './writer';

export type Element = P.Element;

/** What the page shows nothing of. */
const UNSHOWN = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'select',
  'button', 'input', 'textarea', 'img', 'audio', 'video', 'canvas', 'map', 'link', 'meta', 'xml',
]);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead',
  'tfoot', 'tr', 'td', 'th', 'ul', 'legend', 'option',
]);
export const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i;

/** Word's exported HTML keeps misaligned columns with empty placeholder cells. */
export const PLACEHOLDER_STYLE = /mso-cell-special\s*:\s*placeholder/i;

export const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

export function isShown(el: Element): boolean {
  if (UNSHOWN.has(el.tagName)) return false;
  // a loop, not find and some: every element of the page is asked (the tokenizer keeps one attribute of a name)
  for (const { name, value } of el.attrs) if (name === 'hidden' || (name === 'style' && HIDDEN_STYLE.test(value))) return false;
  return true;
}

export const childrenOf = (el: Element): P.ChildNode[] => (el.tagName === 'template' ? (el as P.Template).content.childNodes : el.childNodes);

const BREAK_BETWEEN_WIDE = new RegExp(`(?<=[${WIDE}])[ \\n]*\\n[ \\n]*(?=[${WIDE}])`, 'gu');

/** Collapses a line's whitespace as a browser shows it. */
const collapse = (s: string): string => (s.includes('\n') ? s.replace(BREAK_BETWEEN_WIDE, '') : s).replace(/[ \n]+/g, ' ');

/** what a text node's spacing needs before it is shown: a tab, a form feed, a CR, or a run of spaces */
const UNEVEN_SPACING = /[\t\f\r]| {2}/;

export interface FlowSink {
  /** a finished line, with the share of its characters inside links, and the block element it belongs to */
  line(text: string, linkShare: number, owner: Element): void;
  /** a <table>: the sink reads it (see walkTableAsBlocks for one that is only layout) */
  table(table: Element, flow: Flow): void;
}

export class Flow {
  #buffer = '';
  #linkChars = 0;
  #inLink = 0;
  #inPre = 0;
  readonly #blocks: Element[];

  constructor(
    readonly sink: FlowSink,
    owner: Element,
  ) {
    this.#blocks = [owner];
  }

  /** Ends the current line, if it has any text. */
  break(): void {
    if (!this.#buffer) return;
    const text = collapse(this.#buffer);
    if (text.trim()) this.sink.line(text, this.#linkChars / this.#buffer.length, this.#blocks[this.#blocks.length - 1]);
    this.#buffer = '';
    this.#linkChars = 0;
  }

  children(el: Element): void {
    for (const child of childrenOf(el)) this.node(child);
  }

  node(node: P.ChildNode): void {
    if (node.nodeName === '#text') {
      this.#text((node as P.TextNode).value);
      return;
    }
    if (node.nodeName === '#comment' || node.nodeName === '#documentType') return;
    const el = node as Element;
    if (!isShown(el)) return;
    const tag = el.tagName;
    if (tag === 'br') {
      this.break();
      return;
    }
    if (tag === 'table') {
      this.break();
      this.sink.table(el, this);
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) {
      this.break();
      this.#blocks.push(el);
    }
    if (tag === 'a') this.#inLink++;
    if (tag === 'pre') this.#inPre++;
    this.children(el);
    if (tag === 'pre') this.#inPre--;
    if (tag === 'a') this.#inLink--;
    if (block) {
      this.break();
      this.#blocks.pop();
    }
  }

  #text(value: string): void {
    if (this.#inPre) {
      const lines = value.split(/\r\n?|\n/);
      lines.forEach((line, i) => {
        if (i > 0) this.break();
        this.#append(line.replace(/ +/g, ' '));
      });
      return;
    }
    this.#append(UNEVEN_SPACING.test(value) ? value.replace(/[\t\f ]+/g, ' ').replace(/\r\n?/g, '\n') : value);
  }

  #append(s: string): void {
    this.#buffer += s;
    if (this.#inLink) this.#linkChars += s.length;
  }
}

/** The <tr> of a table in order (through thead, tbody, tfoot), with Word's phantom rows left out. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  let phantom = false;
  const visit = (parent: Element): void => {
    for (const child of parent.childNodes) {
      if (child.nodeName === '#comment') {
        // Word writes rows of width-only cells for browsers that cannot align columns, between these markers
        const data = (child as P.CommentNode).data.trim();
        if (/^\[if !supportMisalignedColumns\]/i.test(data)) phantom = true;
        else if (/^\[endif\]/i.test(data)) phantom = false;
        continue;
      }
      if (child.nodeName === 'tr' && !phantom && isShown(child as Element)) rows.push(child as Element);
      else if (child.nodeName === 'thead' || child.nodeName === 'tbody' || child.nodeName === 'tfoot') visit(child as Element);
    }
  };
  visit(table);
  return rows;
}

export const rowCells = (tr: Element): Element[] =>
  tr.childNodes.filter((c): c is Element => (c.nodeName === 'td' || c.nodeName === 'th') && isShown(c as Element));

/** A layout table: each cell's content is read as blocks of the page around it. */
export function walkTableAsBlocks(table: Element, flow: Flow): void {
  flow.children(table);
  flow.break();
}

/**
 * A cell's text: its paragraphs and lines one after another on lines of their own, for the writer to join as it
 * joins any cell's lines; a nested table's cells by spaces, never run together.
 */
export function cellTextOf(cell: Element): string {
  let text = '';
  let nested = 0;
  const table = (t: Element, flow: Flow): void => {
    nested++;
    walkTableAsBlocks(t, flow);
    nested--;
  };
  const flow = new Flow({ line: (line) => (text += text ? (nested ? ' ' : '\n') + line : line), table }, cell);
  flow.children(cell);
  flow.break();
  return text;
}

/** Whether a table stands anywhere inside `el` (known once per element: layout tables nest the whole page). */
export function containsTable(el: Element): boolean {
  let holds = holdsTable.get(el);
  if (holds === undefined) {
    holds = el.childNodes.some((c) => c.nodeName === 'table' || ('childNodes' in c && c.nodeName !== '#comment' && containsTable(c as Element)));
    holdsTable.set(el, holds);
  }
  return holds;
}
const holdsTable = new WeakMap<Element, boolean>();
