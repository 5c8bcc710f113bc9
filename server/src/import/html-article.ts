// Finds the article among a site's layout. The report's own landmarks (its tables, its section headings, its
// title) lie in one part of the page: the smallest element holding all their parents is the article, and inside it
// whatever is navigation (a <nav>, a menu or breadcrumb box, a list of links) and holds no landmark is left out.
import { attr, type Element } from './html-flow';

export interface PageItem {
  /** the block element (or table) the item belongs to */
  readonly owner: Element;
  /** the report's own: one of its tables, headings or its title */
  readonly landmark: boolean;
  /** the share of the item's characters inside links */
  readonly linkShare: number;
}

const NAVIGATION_TAGS = new Set(['nav', 'aside', 'footer', 'menu']);
export const NAVIGATION_NAMES = /nav|menu|crumb|footer|sidebar|copyright|share|toolbar/i;
/** a box of links: at least this many, holding at least this share of its text */
const LINK_BOX = { links: 2, share: 0.7 };
/** a line that is all link (上一篇, 附件 lists, a table of contents) outside the report's landmarks */
const LINK_LINE_SHARE = 0.9;

interface TextStats {
  chars: number;
  linkChars: number;
  links: number;
}

export function articleItems<T extends PageItem>(items: readonly T[]): T[] {
  const landmarks = items.filter((i) => i.landmark);
  if (landmarks.length === 0) return items.filter((i) => i.linkShare < LINK_LINE_SHARE);
  // from the landmarks' parents: a lone table is read with the prose around it
  const root = commonAncestor(landmarks.map((i) => parentElement(i.owner) ?? i.owner));
  const holdsLandmark = new Set<Element>();
  for (const l of landmarks) for (let e: Element | null = l.owner; e; e = parentElement(e)) holdsLandmark.add(e);
  const stats = new Map<Element, TextStats>();
  const navigation = new Map<Element, boolean>();
  const isNavigation = (el: Element): boolean => {
    let known = navigation.get(el);
    if (known === undefined) navigation.set(el, (known = !holdsLandmark.has(el) && looksLikeNavigation(el, stats)));
    return known;
  };
  return items.filter((item) => {
    if (!item.landmark && item.linkShare >= LINK_LINE_SHARE) return false;
    for (let e: Element | null = item.owner; e; e = parentElement(e)) {
      if (e === root) return true;
      if (isNavigation(e)) return false;
    }
    return false;
  });
}

const parentElement = (el: Element): Element | null => {
  const p = el.parentNode;
  return p && 'tagName' in p ? (p as Element) : null;
};

function commonAncestor(elements: readonly Element[]): Element {
  const chain = (el: Element): Element[] => {
    const out: Element[] = [];
    for (let e: Element | null = el; e; e = parentElement(e)) out.push(e);
    return out;
  };
  let common = chain(elements[0]);
  for (const el of elements.slice(1)) {
    const ancestors = new Set(chain(el));
    common = common.slice(common.findIndex((e) => ancestors.has(e)));
  }
  return common[0];
}

function looksLikeNavigation(el: Element, stats: Map<Element, TextStats>): boolean {
  if (NAVIGATION_TAGS.has(el.tagName)) return true;
  const names = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
  if (NAVIGATION_NAMES.test(names)) return true;
  const s = statsOf(el, stats);
  return s.links >= LINK_BOX.links && s.linkChars >= LINK_BOX.share * s.chars;
}

function statsOf(el: Element, memo: Map<Element, TextStats>): TextStats {
  const known = memo.get(el);
  if (known) return known;
  const s: TextStats = { chars: 0, linkChars: 0, links: el.tagName === 'a' ? 1 : 0 };
  for (const child of el.childNodes) {
    if (child.nodeName === '#text') s.chars += (child as { value: string }).value.trim().length;
    else if ('tagName' in child) {
      const c = statsOf(child as Element, memo);
      s.chars += c.chars;
      s.linkChars += c.linkChars;
      s.links += c.links;
    }
  }
  if (el.tagName === 'a') s.linkChars = s.chars;
  memo.set(el, s);
  return s;
}
