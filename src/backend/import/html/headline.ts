// The headline: the page's heading that its title tags name (og:title, JSON-LD, <title>),
// without a " | Site" or " | Author" suffix.
import { cleanLine } from '../meta-values';
import { cleanHeadline, simplify, titleSegments } from './metadata';
import { isHidden } from './names';

export interface Headline {
  el: Element | null;
  text: string;
}

const TITLE_NAMED = '[itemprop~="headline"], .entry-title, .post-title, .article-title, .headline, .story-title, .article-headline';

/**
 * The headline: the heading that matches the page's title tags (JSON-LD headline,
 * og:title, <title>), else the first <h1> in the article's text, else the nearest <h1>
 * before it in the same container (a page whose <title> is worded for search engines),
 * else the title tag itself without its " | Site" suffix.
 */
export function findHeadline(doc: Document, region: Element, titles: readonly string[], names: readonly string[]): Headline {
  const cleaned = titles.map((t) => cleanHeadline(t, names));
  const wanted = cleaned.map(simplify).filter((t) => t.length > 0);
  const rawTitles = titles.map(simplify);
  const candidates = [...doc.querySelectorAll(`h1, h2, h3, ${TITLE_NAMED}`)].filter(
    (el) => !isHidden(el) && !el.closest('nav, footer, [role="navigation"]') && cleanLine(el.textContent, 1000).length > 0,
  );
  const segments = titles.flatMap(titleSegments).map(simplify).filter((t) => t.length >= 4);
  // 2: the whole title; 1: one of its parts ("Mozilla - Wikipedia" and <h1>Mozilla</h1>); 0: no match.
  const match = (el: Element): number => {
    const h = simplify(el.textContent ?? '');
    if (h.length < 4) return 0;
    if (wanted.includes(h)) return 2;
    // A title cut short, or with the site's name run on.
    if (rawTitles.some((t) => (t.startsWith(h) && h.length >= 0.6 * t.length) || (h.startsWith(t) && t.length >= 20))) return 2;
    return segments.includes(h) ? 1 : 0;
  };
  const textOf = (el: Element) => cleanHeadline(cleanLine(el.textContent, 1000), names);
  const scored = candidates.map((el) => ({ el, score: match(el) })).filter((c) => c.score > 0);
  const top = Math.max(0, ...scored.map((c) => c.score));
  const matched = scored.filter((c) => c.score === top).map((c) => c.el);
  const byRank = (list: Element[]) =>
    list.find((el) => el.tagName === 'H1' && region.contains(el)) ??
    list.find((el) => el.tagName === 'H1') ??
    list.find((el) => region.contains(el)) ??
    list[0];
  const best = byRank(matched) ?? candidates.find((el) => el.tagName === 'H1' && region.contains(el)) ?? nearestH1Before(candidates, region);
  if (best) return { el: best, text: textOf(best) };
  return { el: null, text: cleaned[0] ?? '' };
}

// Node.DOCUMENT_POSITION_FOLLOWING (the reader thread has no Node global).
const FOLLOWING = 4;

/**
 * The last <h1> before the article's text inside the article's own container (<article>,
 * <main>), or sharing its parent or grandparent: the story's heading, not a site logo in
 * the page's header. Left unwritten, it would be skipped as what precedes the article.
 */
function nearestH1Before(candidates: readonly Element[], region: Element): Element | undefined {
  const container = region.closest('article, main, [role="main"]') ?? region.parentElement?.parentElement ?? null;
  if (!container) return undefined;
  const before = candidates.filter(
    (el) => el.tagName === 'H1' && container.contains(el) && !el.contains(region) && (el.compareDocumentPosition(region) & FOLLOWING) !== 0,
  );
  return before[before.length - 1];
}
