// A saved web page: metadata from the page's own tags (Open Graph, article:*,
// canonical link, JSON-LD read as JSON), the article body through Readability on
// an inert document (see html-dom.ts), and out comes text the extractor knows:
// headline line, byline line, then paragraphs separated by blank lines.
import { Readability } from '@mozilla/readability';
import type { ArticleMeta } from '../../shared/model';
import { ACTIVE_AND_CHROME, blocksToText, parseInertHtml } from './html-dom';
import { cleanAuthor, cleanDate, cleanLine, cleanUrl, compact } from './meta-values';
import { ImportRefusal, type ImportedText } from './types';

const NO_ARTICLE =
  'has no article text that Factdesk could find (it may be an index page, or a page that needs JavaScript to show its text)';

// Page furniture that Readability sometimes keeps when it sits inside the article's container.
const CHROME = 'nav, aside, [role="navigation"], [role="complementary"], [role="dialog"], [aria-modal="true"]';
const CHROME_NAME =
  /^(?:ad|ads|advert|advertisement|ad-slot|ad-container|adslot|sponsor|sponsored|promo|newsletter|share|sharing|share-tools|social|related|recirc|more-stories|cookie|cookies|consent|gdpr|cmp|paywall|subscribe|comments)(?:$|[-_])/i;

export function fromHtml(html: string): ImportedText {
  const doc = parseInertHtml(html);
  const fromTags = pageMeta(doc);

  for (const el of doc.querySelectorAll(`${ACTIVE_AND_CHROME}, ${CHROME}`)) el.remove();
  for (const el of [...doc.querySelectorAll('[class], [id]')]) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
    if (el.isConnected && names.some((name) => CHROME_NAME.test(name))) el.remove();
  }

  const parsed = new Readability<Element>(doc, { serializer: (node) => node as Element }).parse();
  if (!parsed?.content || !hasArticleBody(parsed.content)) throw new ImportRefusal(NO_ARTICLE);

  const meta = {
    ...compact({
      title: cleanLine(parsed.title, 1000),
      author: cleanAuthor(parsed.byline),
      publication: cleanLine(parsed.siteName, 200),
      publishedAt: cleanDate(parsed.publishedTime),
    }),
    ...fromTags,
  };
  return { text: assemble(meta, blocksToText(parsed.content)), meta };
}

/** Headline first, then a byline the extractor recognises, unless the body already opens with them. */
function assemble(meta: Partial<ArticleMeta>, body: string): string {
  const paragraphs = body.split('\n\n');
  const opening = paragraphs.slice(0, 4).map((p) => p.toLowerCase());
  const head: string[] = [];
  if (meta.title && opening[0] !== meta.title.toLowerCase()) head.push(meta.title);
  if (meta.author && !opening.some((p) => p.startsWith('by ') || p.includes(meta.author!.toLowerCase()))) {
    head.push(`By ${meta.author}`);
  }
  return [...head, ...paragraphs].join('\n\n');
}

/** Enough prose, and not mostly links (an index page, a link farm). */
function hasArticleBody(content: Element): boolean {
  const text = (content.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length < 80) return false;
  let linked = 0;
  for (const a of content.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return linked / text.length < 0.5;
}

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|ScholarlyArticle)$/;

/** The first Article-like object in the page's JSON-LD, parsed as data and never run. */
function jsonLdArticle(doc: Document): Json | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const obj = item as Json;
        const types = ([] as unknown[]).concat(obj['@type']);
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return obj;
        if (obj['@graph']) queue.push(obj['@graph']);
      }
    }
  }
  return null;
}

function nameOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(nameOf).filter(Boolean).join(' and ');
  if (value && typeof value === 'object') return nameOf((value as Json).name);
  return '';
}

function urlOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return urlOf((value as Json)['@id'] ?? (value as Json).url);
  return '';
}

function pageMeta(doc: Document): Partial<ArticleMeta> {
  const content = (selector: string) => doc.querySelector(selector)?.getAttribute('content') ?? '';
  const ld = jsonLdArticle(doc) ?? {};
  const firstOf = (...values: string[]) => values.find((v) => v !== '') ?? '';
  return compact({
    title: cleanLine(
      firstOf(cleanLine(ld.headline, 1000), content('meta[property="og:title"]'), content('meta[name="twitter:title"]'), headingOfTitle(doc)),
      1000,
    ),
    author: firstOf(
      cleanAuthor(content('meta[name="author"]')),
      cleanAuthor(nameOf(ld.author)),
      cleanAuthor(content('meta[property="article:author"]')),
    ),
    publication: cleanLine(firstOf(content('meta[property="og:site_name"]'), nameOf(ld.publisher)), 200),
    publishedAt: cleanDate(
      firstOf(
        content('meta[property="article:published_time"]'),
        typeof ld.datePublished === 'string' ? ld.datePublished : '',
        content('meta[name="date"]'),
        content('meta[name="pubdate"]'),
        doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? '',
      ),
    ),
    sourceUrl: firstOf(
      cleanUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')),
      cleanUrl(content('meta[property="og:url"]')),
      cleanUrl(urlOf(ld.url)),
      cleanUrl(urlOf(ld.mainEntityOfPage)),
    ),
  });
}

/** The page's <h1> when the <title> is that heading plus the site's name ("Headline – Site"). */
function headingOfTitle(doc: Document): string {
  const h1 = cleanLine(doc.querySelector('h1')?.textContent, 1000);
  const title = cleanLine(doc.title, 1000);
  return h1.length > 10 && title.startsWith(h1) ? h1 : '';
}
