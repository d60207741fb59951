// A saved page's metadata from its own tags: Open Graph and article:* meta tags, the
// canonical link, JSON-LD (read as JSON, never run; a //<![CDATA[ … //]]> wrapper is
// taken off first), and for the author also rel=author links, itemprop=author and the
// byline element. Every author is validated as a name (meta-values.ts): a date, a URL
// or "Updated …" is not a byline.
import type { ArticleMeta } from '../../../shared/model';
import { cleanAuthor, cleanDate, cleanLine, cleanUrl, compact } from '../meta-values';

type Json = Record<string, unknown>;
const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|ScholarlyArticle|TechArticle|WebPage|MedicalWebPage|Review)$/;

/** The JSON inside a script, without a CDATA or comment wrapper around it. */
export function unwrapScriptJson(text: string): string {
  return text
    .trim()
    .replace(/^(?:\/\/|\/\*)?\s*<!\[CDATA\[\s*(?:\*\/)?/, '')
    .replace(/(?:\/\/|\/\*)?\s*\]\]>\s*(?:\*\/)?$/, '')
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .trim();
}

interface LinkedData {
  article: Json | null;
  /** Every object with an @id, to resolve {"@id": …} references (a Yoast @graph). */
  byId: Map<string, Json>;
}

function linkedData(doc: Document): LinkedData {
  const byId = new Map<string, Json>();
  const found: Json[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(unwrapScriptJson(script.textContent ?? ''));
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const obj = item as Json;
        if (typeof obj['@id'] === 'string') byId.set(obj['@id'], obj);
        const types = ([] as unknown[]).concat(obj['@type']);
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) found.push(obj);
        if (obj['@graph']) queue.push(obj['@graph']);
        if (obj.mainEntity) queue.push(obj.mainEntity);
      }
    }
  }
  // A WebPage wraps the article on many sites: prefer a real article type.
  const article = found.find((o) => !([] as unknown[]).concat(o['@type']).every((t) => t === 'WebPage' || t === 'MedicalWebPage')) ?? found[0] ?? null;
  return { article, byId };
}

function nameOf(value: unknown, byId: Map<string, Json>, depth = 0): string {
  if (depth > 4) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return joinNames(value.map((v) => nameOf(v, byId, depth + 1)));
  if (value && typeof value === 'object') {
    const obj = value as Json;
    if (obj.name !== undefined) return nameOf(obj.name, byId, depth + 1);
    if (typeof obj['@id'] === 'string' && byId.has(obj['@id'])) return nameOf(byId.get(obj['@id'])!, byId, depth + 1);
  }
  return '';
}

function urlOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return urlOf((value as Json)['@id'] ?? (value as Json).url);
  return '';
}

/** "A", "A and B", "A, B and C": each name once. */
export function joinNames(names: readonly string[]): string {
  const unique: string[] = [];
  for (const n of names.map((x) => x.trim()).filter(Boolean)) {
    if (!unique.some((u) => u.toLowerCase() === n.toLowerCase())) unique.push(n);
  }
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

const textOf = (el: Element | null | undefined): string => cleanLine(el?.textContent ?? '', 300);

/** Authors named by the page's markup: itemprop=author (its name), then rel=author links. */
function markupAuthor(doc: Document): string {
  const names: string[] = [];
  for (const el of doc.querySelectorAll('[itemprop~="author"], [itemprop~="creator"]')) {
    const nameEl = el.matches('[itemprop~="name"]') ? el : el.querySelector('[itemprop~="name"]');
    const value = nameEl?.getAttribute('content') ?? (nameEl ? textOf(nameEl) : el.getAttribute('content') ?? textOf(el));
    const name = cleanAuthor(value);
    if (name) names.push(name);
  }
  if (names.length === 0) {
    for (const a of doc.querySelectorAll('a[rel~="author"], link[rel~="author"][title]')) {
      const name = cleanAuthor(a.tagName === 'LINK' ? a.getAttribute('title') : textOf(a));
      if (name) names.push(name);
    }
  }
  return joinNames(names.slice(0, 6));
}

export interface PageMeta {
  meta: Partial<ArticleMeta>;
  /** The site's names a title may end with: its name, its publisher, its host ("ledger" of ledger.example). */
  siteNames: string[];
  /** Candidate headlines from the tags, best first (og:title, JSON-LD headline, twitter:title, <title>). */
  titles: string[];
  siteName: string;
  /** The article's text as the page's own data gives it (JSON-LD articleBody), or ''. */
  articleBody: string;
}

export function pageMeta(doc: Document): PageMeta {
  const content = (selector: string) => doc.querySelector(selector)?.getAttribute('content') ?? '';
  const { article: ld, byId } = linkedData(doc);
  const obj = ld ?? {};
  const firstOf = (...values: string[]) => values.find((v) => v !== '') ?? '';
  const siteName = cleanLine(firstOf(content('meta[property="og:site_name"]'), nameOf(obj.publisher, byId), content('meta[name="application-name"]')), 200);
  const notSite = (name: string) => (name && siteName && name.toLowerCase() === siteName.toLowerCase() ? '' : name);
  const author = firstOf(
    notSite(cleanAuthor(nameOf(obj.author, byId))),
    notSite(cleanAuthor(content('meta[name="author"]'))),
    notSite(markupAuthor(doc)),
    notSite(cleanAuthor(content('meta[property="article:author"]'))),
    notSite(cleanAuthor(content('meta[name="byl"]'))),
  );
  const titles = [
    cleanLine(content('meta[property="og:title"]'), 1000),
    cleanLine(obj.headline, 1000),
    cleanLine(content('meta[name="twitter:title"]'), 1000),
    cleanLine(doc.title, 1000),
  ].filter(Boolean);
  const meta = compact({
    author,
    publication: siteName,
    publishedAt: cleanDate(
      firstOf(
        content('meta[property="article:published_time"]'),
        typeof obj.datePublished === 'string' ? obj.datePublished : '',
        content('meta[name="date"]'),
        content('meta[name="pubdate"]'),
        content('meta[itemprop="datePublished"]'),
        doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? '',
      ),
    ),
    sourceUrl: firstOf(
      cleanUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')),
      cleanUrl(content('meta[property="og:url"]')),
      cleanUrl(urlOf(obj.url)),
      cleanUrl(urlOf(obj.mainEntityOfPage)),
    ),
  });
  const siteNames = [siteName, nameOf(obj.publisher, byId), hostWord(meta.sourceUrl ?? '')].filter(Boolean);
  const articleBody = typeof obj.articleBody === 'string' ? obj.articleBody.trim() : '';
  return { meta, titles, siteName, siteNames, articleBody };
}

/** "www.theledger.example" → "theledger": the word a site's host gives its name. */
function hostWord(url: string): string {
  try {
    const parts = new URL(url).hostname.replace(/^(?:www|m|amp)\./, '').split('.');
    return parts.length >= 2 ? parts[parts.length - 2]! : parts[0] ?? '';
  } catch {
    return '';
  }
}

const SEPARATOR = /\s+(?:[|·•»~]|::|[-–—])\s+/;

/**
 * A title without the site's or the author's name after a separator: "Headline | Site",
 * "Headline - Site", "Headline | Author Name". A pipe, bullet or guillemet part that is
 * short is always the site's; a dash part only when it names the site, the author or
 * a domain, since headlines have dashes of their own.
 */
export function cleanHeadline(title: string, names: readonly string[]): string {
  let line = cleanLine(title, 1000);
  const known = names.map(simplify).filter((k) => k.length >= 3);
  for (let guard = 0; guard < 4; guard++) {
    const parts = line.split(SEPARATOR);
    if (parts.length < 2) break;
    const seps = line.match(new RegExp(SEPARATOR.source, 'g')) ?? [];
    const lastSep = (seps[seps.length - 1] ?? '').trim();
    const tail = parts[parts.length - 1]!;
    const head = line.slice(0, line.length - tail.length - (seps[seps.length - 1] ?? '').length).trim();
    if (head.split(/\s+/).length < 2) break;
    const simple = simplify(tail);
    const namesKnown = simple.length >= 3 && known.some((k) => k === simple || k.includes(simple) || simple.includes(k));
    const domain = /\.[a-z]{2,}$/i.test(tail) && !/\s/.test(tail);
    const pipe = /^(?:[|·•»~]|::)$/.test(lastSep) && tail.split(/\s+/).length <= 6;
    if (!(namesKnown || domain || pipe)) break;
    line = head;
  }
  return line;
}

/** Lowercased letters and digits only, for comparing titles and names. */
export function simplify(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The parts of a title between its separators: "Headline | Section | Site" → three. */
export function titleSegments(title: string): string[] {
  return title.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
}
