// Where the article is: the element that holds (nearly) all of the page's prose, not
// counting prose inside page furniture (a comment thread, a related-stories box, a
// footer). Class names never remove an element that holds the article: an element with
// half of the page's prose is never furniture (furniture.ts), so <html class="ads-enabled">,
// <body class="paywall"> or <div id="related-content"> around the text are read.
import { isFurnitureElement } from './furniture';
import type { PageStats } from './measure';
import { childElements } from '../html-dom';

export interface Region {
  /** The article's container. */
  root: Element;
  /** What to read of it: the root itself, or a run of its children (the article and the paragraphs beside it). */
  parts: Element[];
  /** Prose weight outside furniture, page-wide. */
  prose: number;
  /** Prose weight outside furniture, per element. */
  effective: Map<Element, number>;
}

// Descend into a child while the rest of the current element holds at most this share of its prose.
const STRAY_SHARE = 0.1;
const PARAGRAPHS = new Set(['P', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'DL', 'TABLE', 'H2', 'H3', 'H4']);

export function findRegion(body: Element, stats: PageStats): Region {
  const raw = stats.get(body)?.prose ?? 0;
  const effective = new Map<Element, number>();
  const visit = (el: Element): number => {
    let sum = stats.get(el)?.ownProse ?? 0;
    for (const child of childElements(el)) {
      if (isFurnitureElement(child, stats, raw)) continue;
      sum += visit(child);
    }
    effective.set(el, sum);
    return sum;
  };
  const total = visit(body);
  let root = body;
  let parts: Element[] = [body];
  for (;;) {
    const here = effective.get(root) ?? 0;
    if (here === 0) break;
    let best: Element | null = null;
    for (const child of childElements(root)) if ((effective.get(child) ?? 0) >= (1 - STRAY_SHARE) * here) best = child;
    if (!best) break;
    // Paragraphs beside the best child are the same text (a disclaimer, a last paragraph set apart).
    let beside = 0;
    const kids = childElements(root);
    let first = kids.indexOf(best);
    let last = first;
    kids.forEach((child, i) => {
      const weight = effective.get(child) ?? 0;
      if (child === best || !PARAGRAPHS.has(child.tagName) || weight === 0) return;
      beside += weight;
      first = Math.min(first, i);
      last = Math.max(last, i);
    });
    if (beside >= 0.03 * here) {
      parts = kids.slice(first, last + 1);
      break;
    }
    root = best;
    parts = [best];
  }
  return { root, parts, prose: total, effective };
}

/** The nearest element holding both. */
export function commonAncestor(a: Element, b: Element): Element {
  const seen = new Set<Element>();
  for (let x: Element | null = a; x; x = x.parentElement) seen.add(x);
  for (let y: Element | null = b; y; y = y.parentElement) if (seen.has(y)) return y;
  return a.ownerDocument.documentElement;
}
