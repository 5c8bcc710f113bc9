// A page's tree no deeper than a browser builds it. Chromium's parser attaches no node deeper than 512 elements:
// what a page nests further stands beside the element at that depth, in the order of the page, so its text is
// still shown. parse5 has no such bound, and the walks of the tree (the reader's flow, whether an element holds
// a table, the article's link statistics) go one call deeper per level: 5,000 nested <div> overflowed the stack.
import type { DefaultTreeAdapterTypes as P } from 'parse5';

/** Chromium's kMaximumHTMLParserDOMTreeDepth. */
export const MAX_TREE_DEPTH = 512;

type Parent = P.Document | P.Element;

const hasChildren = (node: P.ChildNode): node is P.Element => 'childNodes' in node && node.childNodes.length > 0;

/** Flattens, in place, what lies deeper than `max` below the document (its html element is at depth 1). */
export function capTreeDepth(document: P.Document, max = MAX_TREE_DEPTH): void {
  const pending: [Parent, number][] = [[document, 0]];
  while (pending.length) {
    const [node, depth] = pending.pop()!;
    // the children of a node at max - 1 are at max: they keep their place, and hold nothing
    if (depth === max - 1) flattenChildren(node);
    else for (const child of node.childNodes) if (hasChildren(child)) pending.push([child, depth + 1]);
  }
}

/** Every node below `parent` made a child of it, in document order, none of them holding any. */
function flattenChildren(parent: Parent): void {
  if (!parent.childNodes.some(hasChildren)) return;
  const flat: P.ChildNode[] = [];
  const pending = [...parent.childNodes].reverse();
  while (pending.length) {
    const node = pending.pop()!;
    node.parentNode = parent;
    flat.push(node);
    if (!hasChildren(node)) continue;
    for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i]);
    node.childNodes = [];
  }
  parent.childNodes = flat;
}
