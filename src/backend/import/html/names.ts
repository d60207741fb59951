// What an element's class, id, itemprop and role say it is. Names are split into
// parts ("story-share-bar" → story, share, bar; "articleBody" → article, body), so a
// test is on whole parts, never on substrings: "shadow" is not "ad", "leader" is not "lead".

const NEGATED = /^(?:no|not|non|hasnt|has-no|hasno|without|is-not|isnt|hide|hidden)[-_]/;
const partsCache = new WeakMap<Element, ReadonlySet<string>>();
const tokensCache = new WeakMap<Element, ReadonlySet<string>>();

/** The element's class, id and itemprop tokens, lowercased. */
export function nameTokens(el: Element): ReadonlySet<string> {
  let tokens = tokensCache.get(el);
  if (tokens) return tokens;
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
  // "hasnt-bio", "no-comments", "is-not-column": a name that says what the element is not.
  tokens = new Set(raw.toLowerCase().split(/\s+/).filter((t) => t && !NEGATED.test(t)));
  tokensCache.set(el, tokens);
  return tokens;
}

/** The lowercased parts of the element's class, id and itemprop, and the whole tokens too. */
export function nameParts(el: Element): ReadonlySet<string> {
  let parts = partsCache.get(el);
  if (parts) return parts;
  const set = new Set<string>(nameTokens(el));
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
  for (const token of raw.split(/\s+/)) {
    if (NEGATED.test(token.toLowerCase())) continue;
    const split = token.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_:.-]+/).filter(Boolean);
    split.forEach((p, i) => {
      set.add(p);
      // "most-read-container": the pair "most-read" says more than either word.
      if (i > 0) set.add(`${split[i - 1]}-${p}`);
    });
  }
  parts = set;
  partsCache.set(el, parts);
  return parts;
}

const hasToken = (el: Element, words: ReadonlySet<string>): boolean => {
  for (const t of nameTokens(el)) if (words.has(t)) return true;
  return false;
};

const has = (el: Element, words: ReadonlySet<string>): boolean => {
  for (const p of nameParts(el)) if (words.has(p)) return true;
  return false;
};

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/));

// Page furniture, by kind. Named is not enough: furniture.ts also looks at the content.
const AD = set('cta ad ads adv advert adverts advertisement advertisements advertising adslot adunit ad-slot ad-container dfp gpt sponsor sponsored sponsorship promo promos promoted outbrain taboola');
const SHARE = set('share shares sharing sharetools sharetool sharebar share-bar social socials social-links addthis sharethis');
const NEWSLETTER = set('newsletter newsletters signup sign-up subscribe subscription optin opt-in');
const RELATED = set('most-shared most-viewed most-emailed hatnote dablink related recirc recirculation recommended recommendations recommendation popular trending mostread most-read most-popular more-stories morestories read-more readmore read-next readnext up-next upnext also-read further-reading-links');
const COMMENTS = set('comment comments commentlist comment-list disqus respond replies discussion');
const NAVIGATION = set('nav navbar navigation menu breadcrumb breadcrumbs pagination pager skip skiplink skip-link toolbar');
const TAGS = set('catlinks mw-normal-catlinks tags tag-list taglist topics keywords categories category entry-cat cat-links cat-list post-categories tags-links tag-links entry-tags post-tags');
const CONSENT = set('cookie cookies consent gdpr cmp');
const PRINT = set('reprint reprints print-info print-edition');
const LABEL = set('kicker eyebrow rubric overline');
// Whole tokens only: "story-meta-footer" is the article's, "footer" the site's.
const SITE_TOKENS = set('footer site-footer page-footer global-footer footer-wrapper sidebar site-sidebar masthead site-header widget widgets');
const SITE_PARTS = set('sidebar');

// Named like a promotion of other pages; furniture only when mostly links.
const PROMO = set('featured featured-articles featured-stories featured-posts tombstone teaser teasers promo-list');

export type ChromeKind = 'promo' | 'ad' | 'share' | 'newsletter' | 'related' | 'comments' | 'navigation' | 'tags' | 'consent' | 'print' | 'label' | 'site';

/** The kind of page furniture the element's names say it is, if any. */
// Stems distinctive enough to find inside a longer token ("jp-relatedposts", "yarpp-related").
const RELATED_STEMS = /related|recirc|recommend|readnext|morestories|mostpopular|mostread/;
const SHARE_STEMS = /share(?:bar|tools?|buttons?|links?|icons?)|socialshare|sociallinks|sharing/;

export function chromeName(el: Element): ChromeKind | null {
  if (has(el, AD)) return 'ad';
  for (const t of nameTokens(el)) {
    if (SHARE_STEMS.test(t)) return 'share';
    if (RELATED_STEMS.test(t)) return 'related';
  }
  if (has(el, SHARE)) return 'share';
  if (has(el, NEWSLETTER)) return 'newsletter';
  if (has(el, RELATED)) return 'related';
  if (has(el, COMMENTS)) return 'comments';
  if (has(el, NAVIGATION)) return 'navigation';
  if (has(el, TAGS)) return 'tags';
  if (has(el, CONSENT)) return 'consent';
  if (has(el, PRINT)) return 'print';
  if (has(el, LABEL)) return 'label';
  if (hasToken(el, SITE_TOKENS) || has(el, SITE_PARTS)) return 'site';
  if (has(el, PROMO)) return 'promo';
  return null;
}

const SEMANTIC_CHROME = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'DIALOG']);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'dialog', 'alertdialog', 'search', 'menu', 'menubar', 'toolbar']);

/** nav, aside, footer, form, dialog, or an ARIA role that says the same. */
export function isSemanticChrome(el: Element): boolean {
  return SEMANTIC_CHROME.has(el.tagName) || CHROME_ROLES.has((el.getAttribute('role') ?? '').toLowerCase()) || el.getAttribute('aria-modal') === 'true';
}

const VISUALLY_HIDDEN = set('visually-hidden visuallyhidden sr-only sr-only-focusable screen-reader-text screen-reader-only screenreader-only a11y-only offscreen assistive-text element-invisible');

/** Text for screen readers only: kept (it is in the page), with a space either side. */
export function isVisuallyHidden(el: Element): boolean {
  return has(el, VISUALLY_HIDDEN);
}

/** Not rendered at all: the hidden attribute, aria-hidden, display:none or visibility:hidden. */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

const CAPTION = set('caption captions figcaption wp-caption-text caption-text image-caption photo-caption media-caption imagecaption photocaption');
const CREDIT = set('credit credits copyright copyrightholder copyright-holder photographer photo-credit image-credit imagecredit photocredit media-credit');
const BYLINE = set('byline bylines by-line author authors author-name authorname byline-name contributor-name article-author post-author entry-author');
const BIO = set('bio author-bio authorbio about-author aboutauthor about-the-author author-info authorinfo author-box authorbox author-card authorcard author-description author-details contributor-bio contributor-info byline-bio infocard-bio');
const CONTRIBUTOR = set('contributor contributors');
const DEK = set('subtitle sub-title standfirst dek deck summary description subheadline sub-headline strapline article-summary article-dek alternative-headline alternativeheadline excerpt lede-text');
const DATE = set('date dateline timestamp published pubdate publish-date published-date updated modified datepublished datemodified post-date entry-date article-date');
const TOC = set('toc table-of-contents tableofcontents toc-list');
const REFERENCES = set('references reflist refs footnotes citations bibliography endnotes mw-references-wrap');

export const isCaptionNamed = (el: Element): boolean => has(el, CAPTION);
const GALLERY = set('gallery galleries slideshow slide-show carousel legends photo-gallery image-gallery');
/** A gallery of photos: its titles and texts are captions. */
export const isGalleryNamed = (el: Element): boolean => has(el, GALLERY);
export const isCreditNamed = (el: Element): boolean => has(el, CREDIT);
export const isBylineNamed = (el: Element): boolean =>
  has(el, BYLINE) || (el.getAttribute('rel') ?? '').split(/\s+/).includes('author');
export const isBioNamed = (el: Element): boolean => has(el, BIO);
/** "contributor": a bio box when it says something, a byline when it only names. */
export const isContributorNamed = (el: Element): boolean => has(el, CONTRIBUTOR);
export const isDekNamed = (el: Element): boolean => has(el, DEK);
export const isDateNamed = (el: Element): boolean => el.tagName === 'TIME' || has(el, DATE);
export const isTocNamed = (el: Element): boolean => has(el, TOC);
export const isReferencesNamed = (el: Element): boolean => has(el, REFERENCES);

/** Wikipedia's "[edit]" links beside headings: the wiki's controls, not the article's words. */
export const isEditControl = (el: Element): boolean => nameParts(el).has('mw-editsection') || nameParts(el).has('editsection');

/** A selector for the common bio-box names, for a quick look inside an element. */
export const BIO_SELECTOR = '[class*="bio"], [class*="about-author"], [class*="author-info"], [class*="author-box"], [class*="author-card"], [id*="bio"], [id*="about-author"]';
