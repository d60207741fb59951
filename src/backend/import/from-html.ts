// A saved web page → the article's text with its structure. A short orchestrator over
// small passes (html/*):
//   1. metadata from the page's own tags (metadata.ts), read before anything is removed;
//   2. active content and controls removed; the page measured (measure.ts);
//   3. the article region: where the prose is, outside furniture (region.ts), widened to
//      take in the headline's header when that adds little;
//   4. the region walked into blocks with their roles (structure.ts): captions, credits,
//      byline, dek, subheadings, bios, contents, references, furniture kept set aside,
//      and the readers' comments under the article, set aside as comments;
//   5. headline first, a "By …" line when the page shows no byline, then the blocks,
//      each prepared on its own, with a structure hint each (assemble.ts).
// A page that shows no article text but carries it in its own data (JSON-LD
// articleBody) is imported from that; one that shows much less than its data holds is
// imported as shown, with a notice (html/article-body.ts). Only a page with no article
// text at all is refused. Everything reads an inert document (html-dom.ts): nothing
// runs and nothing is fetched.
import { ACTIVE, parseInertHtml } from './html-dom';
import { FROM_DATA_NOTICE, articleBodyBlocks, hiddenTextNotice } from './html/article-body';
import { assemble } from './html/assemble';
import { findHeadline } from './html/headline';
import { measure } from './html/measure';
import { cleanHeadline, pageMeta, simplify } from './html/metadata';
import { isHidden, isSemanticChrome } from './html/names';
import { findRegion } from './html/region';
import { adjacentBios, articleScope, trailingComments } from './html/scope';
import { COMMENTS, StructureWriter, type Block } from './html/structure';
import { cleanAuthor } from './meta-values';
import { ImportRefusal, type ImportedText } from './types';

const NO_ARTICLE =
  'has no article text that Factdesk could find, only links, headings and navigation (it may be an index page, or a page that needs JavaScript to show its text)';
const NO_TEXT = 'has no article text that Factdesk could find: the page shows no text at all (it may need JavaScript to show its text)';

export function fromHtml(html: string): ImportedText {
  const doc = parseInertHtml(html);
  const { meta, titles, siteNames, articleBody } = pageMeta(doc);
  /** No article text on the page: its own data's, if it has an article, else the refusal. */
  const fromData = (refusal: string): ImportedText => {
    const title = cleanHeadline(titles[0] ?? '', [...siteNames, meta.author ?? '']);
    const blocks = articleBodyBlocks(articleBody, title);
    if (!blocks) throw new ImportRefusal(refusal);
    return { ...assemble(blocks), meta: { ...(title ? { title } : {}), ...meta }, notice: FROM_DATA_NOTICE };
  };
  for (const el of doc.querySelectorAll(ACTIVE)) el.remove();
  const body = doc.body ?? doc.documentElement;
  const stats = measure(body);
  if ((stats.get(body)?.chars ?? 0) === 0) return fromData(NO_TEXT);
  if ((stats.get(body)?.prose ?? 0) === 0 && freeText(body) === 0) return fromData(NO_ARTICLE);

  const region = findRegion(body, stats);
  const headline = findHeadline(doc, region.root, titles, [...siteNames, meta.author ?? '']);
  const writer = new StructureWriter({ stats, articleProse: region.prose, headline: headline.el, headlineText: simplify(headline.text), author: meta.author ?? '' });
  const { scope, span, header } = articleScope(region, headline.el);
  if (header) writer.write(header);
  writer.write(scope, span);
  for (const bio of adjacentBios(scope, stats)) writer.write(bio, null, { section: 'bio' });
  for (const thread of trailingComments(scope, stats)) writer.write(thread, null, COMMENTS);

  const blocks: Block[] = [];
  if (headline.text) blocks.push({ section: 'headline', text: headline.text });
  const shown = writer.blocks;
  // No author in the tags: the name the page's byline shows.
  if (!meta.author) {
    const byline = shown.find((b) => b.section === 'byline' && cleanAuthor(b.text.split('\n')[0]));
    // "Posted by Alon Zakai." → "Alon Zakai" (an initial keeps its period: "Jo Park Jr.").
    if (byline) meta.author = cleanAuthor(byline.text.split('\n')[0]).replace(/[\s•·|,]+$/u, '').replace(/(?<=\p{Ll}{2})\.$/u, '');
  }
  const author = meta.author ?? '';
  const hasByline = shown.some((b) => b.section === 'byline');
  const opening = shown.slice(0, 6).map((b) => b.text.toLowerCase());
  if (author && !hasByline && !opening.some((t) => t.startsWith('by ') || t.includes(author.toLowerCase()))) {
    blocks.push({ section: 'byline', text: `By ${author}` });
  }
  blocks.push(...shown);
  const { text, structure } = assemble(blocks);
  if (text === '') return fromData(NO_TEXT);
  const title = headline.text || cleanHeadline(titles[0] ?? '', [...siteNames, author]);
  const notice = hiddenTextNotice(articleBody, text);
  return { text, structure, meta: { ...(title ? { title } : {}), ...meta }, ...(notice ? { notice } : {}) };
}

/** Characters of text outside links, headings and the page's navigation: an index page has none. */
function freeText(root: Element): number {
  let n = 0;
  const visit = (el: Element) => {
    if (el.tagName === 'A' || /^H[1-6]$/.test(el.tagName) || el.tagName === 'HEADER' || isSemanticChrome(el) || isHidden(el)) return;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) n += (c.nodeValue ?? '').replace(/\s+/g, '').length;
      else if (c.nodeType === 1) visit(c as Element);
    }
  };
  visit(root);
  return n;
}
