// What of the page is written as the article: from its headline through its body text
// (region.ts), inside the nearest element holding both; after the body, what trails it
// inside the article's own container; and author boxes just beside it.
import { isCommentThread } from './furniture';
import type { PageStats } from './measure';
import { BIO_SELECTOR, chromeName, isBioNamed } from './names';
import { commonAncestor, type Region } from './region';
import type { Span } from './structure';

// Text between the headline and the article's body beyond which they are not one article's header.
const MAX_HEADER_CHARS = 2500;

export interface Scope {
  /** What is written: from span.start (the headline, or the body) to span.end, then what trails it. */
  scope: Element;
  span: Span;
  /** The headline's own small header, written first, when the headline is far from the body. */
  header: Element | null;
}

/**
 * What of the page is the article: from its headline through its body text, inside the
 * nearest element holding both, and after the body what trails it inside the article's
 * own container (<article>, <main>): bios, captions, furniture.
 */
export function articleScope(region: Region, headline: Element | null): Scope {
  const first = region.parts[0]!;
  const last = region.parts[region.parts.length - 1]!;
  let scope = region.root;
  let start: Element = first;
  let header: Element | null = null;
  if (headline && !region.root.contains(headline)) {
    const lca = commonAncestor(region.root, headline);
    if (precedes(headline, first) && charsBetween(headline, first, MAX_HEADER_CHARS) <= MAX_HEADER_CHARS && lca.tagName !== 'HTML') {
      scope = lca;
      start = headline;
    } else header = headerOf(headline, region.root);
  } else if (headline && precedes(headline, first)) start = headline;
  // What trails the body is read inside the article's own container, not the rest of the page.
  const container = region.root.closest('article, main, [role="main"]');
  if (container && container.contains(scope) && container !== scope && container.tagName !== 'BODY') scope = container;
  return { scope, span: { start, end: last }, header };
}

function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0 && !a.contains(b);
}

/**
 * Author boxes just outside the article's container (a sidebar beside it, a box after
 * it): bio-named, short, following the article, and sharing a parent or grandparent with it.
 */
export function adjacentBios(scope: Element, stats: PageStats): Element[] {
  const out: Element[] = [];
  const near = nearAncestors(scope);
  for (const el of scope.ownerDocument.querySelectorAll(BIO_SELECTOR)) {
    if (scope.contains(el) || out.some((o) => o.contains(el)) || !isBioNamed(el) || !precedes(scope, el)) continue;
    const words = stats.get(el)?.words ?? 0;
    if (words < 6 || words > 200 || !near.some((n) => n.contains(el))) continue;
    out.push(el);
    if (out.length >= 3) break;
  }
  return out;
}

/**
 * The readers' comment thread under the article when the page keeps it outside the
 * article's container (a sibling in <main>, a section after it): comments to the
 * article, sharing a parent or grandparent with it. Written set aside, never as claims.
 */
export function trailingComments(scope: Element, stats: PageStats): Element[] {
  const near = nearAncestors(scope);
  const out: Element[] = [];
  for (const el of scope.ownerDocument.querySelectorAll('[id*="comment" i], [class*="comment" i], [id*="disqus" i], [id="respond"]')) {
    if (scope.contains(el) || el.contains(scope) || out.some((o) => o.contains(el)) || !precedes(scope, el)) continue;
    if ((stats.get(el)?.words ?? 0) === 0 || chromeName(el) !== 'comments' || !isCommentThread(el)) continue;
    if (!near.some((n) => n.contains(el))) continue;
    out.push(el);
  }
  return out;
}

/** The article's parent and grandparent: what is beside the article is inside one of them. */
function nearAncestors(scope: Element): Element[] {
  const near: Element[] = [];
  for (let up = scope.parentElement, i = 0; up && i < 2 && up.tagName !== 'HTML'; up = up.parentElement, i++) near.push(up);
  return near;
}

/** Non-space characters of text after `a` and before `b` (stops counting past `limit`). */
function charsBetween(a: Element, b: Element, limit: number): number {
  let n = 0;
  let counting = false;
  let done = false;
  const visit = (node: Node) => {
    if (done) return;
    if (node === b) {
      done = true;
      return;
    }
    if (node.nodeType === 3) {
      if (counting) n += (node.nodeValue ?? '').replace(/\s+/g, '').length;
      if (n > limit) done = true;
      return;
    }
    if (node === a) {
      counting = true;
      return;
    }
    for (let c = node.firstChild; c && !done; c = c.nextSibling) visit(c);
  };
  visit(commonAncestor(a, b));
  return n;
}

/** The headline's own header (its parent, or a little higher): kicker, dek, byline, date. */
function headerOf(headline: Element, region: Element): Element | null {
  let header: Element = headline;
  for (let up = headline.parentElement; up && !up.contains(region) && up.tagName !== 'BODY'; up = up.parentElement) {
    if ((up.textContent ?? '').replace(/\s+/g, '').length > 1500) break;
    header = up;
  }
  return header === headline ? null : header;
}

