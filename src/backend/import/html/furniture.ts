// Page furniture: what a page puts around and inside an article that is not its copy
// (share bars, "Advertisement", newsletter prompts, related links, reprint and
// print-edition lines). A name alone never makes an element furniture: its content
// must look like it too (mostly links, or short), so a documentation section whose id
// is "related-tools" or a wrapper called "paywall" keeps its prose.
import { BIO_SELECTOR, chromeName, isHidden, isSemanticChrome, nameParts, type ChromeKind } from './names';
import { linkDensity, type ElementStats, type PageStats } from './measure';

const wordCount = (s: string): number => (s.match(/\S+/g) ?? []).length;

// Whole lines that are furniture on any page. Each is anchored or bounded in length,
// so a sentence of the article that happens to mention a newsletter stays a claim.
const FURNITURE_LINES: readonly RegExp[] = [
  /^(?:advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|paid post|supported by|promoted)$/i,
  /^(?:story|article) continues (?:below|after)\b/i,
  /^(?:continue reading(?: the main story)?|skip advertisement|scroll to continue(?: with content)?|listen to this article|\d+\s*min(?:ute)?s? read)$/i,
  /^\[\s*(?:read|read more|related|see also|more|watch|listen|recommended|also read|read next)\s*[:|›»—–-][^\]]*\]$/i,
  /^(?:read more|related|see also|more from|more on this story|recommended|also read|read next|further reading|watch|listen|also on)\s*[:|›»—–-]/i,
  /^(?:read more|continue reading|see more|view more|load more|show more|more stories|more articles|more like this|related articles|related stories|related searches|related links|related content|related posts|related videos|recommended for you|you might also like|you may also like|most popular|most read|trending now|editors['’] picks)\b.{0,40}$/i,
  /^more (?:about|from|by|on)\s+[^.!?]{1,60}$/i,
  /^(?:sign up|subscribe|register)\b.{0,160}\b(?:newsletters?|inbox|e-?mails?|briefing|digest)\b/i,
  /^get (?:our|the|a) .{0,80}\b(?:newsletters?|briefing|digest)\b.{0,80}$/i,
  /\bsign up (?:for|to) (?:our|the|my)\b.{0,80}\bnewsletters?\b/i,
  /^(?:newsletter|newsletters|sign up|sign in|log in|subscribe|subscribe now|subscribe today|already a subscriber\??|create (?:a free )?account)$/i,
  /^a version of this (?:article|story|review|essay|interview) appears in print\b/i,
  /^(?:order reprints|today['’]s paper|subscribe)(?:\s*[|·•]\s*(?:order reprints|today['’]s paper|subscribe))+$/i,
  /^(?:(?:share|tweet|email|e-mail|print|save|pin|pin it|whatsapp|facebook|twitter|linkedin|reddit|flipboard|pinterest|pocket|copy link|copy url|link copied|gift|gift this article|comments?)(?:\s*\d[\d,.]*k?)?\b[\s|·•,]*){1,12}$/i,
  /^share (?:this|on|via|full article|the article|article|story|page)\b.{0,40}$/i,
  /^(?:follow|like) (?:us|me|\p{Lu}[\p{L}'’ .-]{0,40}) on (?:x|twitter|facebook|instagram|threads|bluesky|linkedin|tiktok|youtube|mastodon)\b.{0,40}$/iu,
  /^\d[\d,.]*\s*(?:k\s*)?(?:comments?|responses?|replies|shares?|likes?|claps?)$/i,
  /^(?:leave a (?:comment|reply)|post a comment|add a comment|show comments|view comments|join the (?:conversation|discussion)|comments?)$/i,
  /^(?:skip to|jump to) (?:main )?(?:content|navigation|comments)$/i,
  /^(?:we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies)\b/i,
  /^(?:previous|next) (?:post|article|story|page)\b.{0,80}$/i,
  /^(?:previous|next|older|newer)(?: (?:post|article|story|page|entry|chapter))?\s*[:|›»]\s*\S.{0,80}$/i,
  /^(?:photo|photos|image|video|gallery|slideshow|enlarge this image|expand|view gallery|play video|watch video|toggle caption|hide caption|(?:\d+ )?photos?)$/i,
  /^(?:click|tap) here\b.{0,80}$/i,
  // A gallery's or a player's controls.
  /^(?:\d+\s*(?:of|\/)\s*\d+|full ?screen|exit full ?screen|autoplay|close|skip ad|skip|view photos|view gallery|caption|captions|buy (?:photo|print|reprint)|wait \d+ seconds? to continue\.?|next|previous|prev|play|pause|replay|mute|unmute|enlarge|expand|collapse|hide caption|show caption|toggle caption|more options|resize text|print article|[×✕✖])$/i,
  /^(?:view|see|visit) (?:profile|full profile|author page|all posts|more posts)\b.{0,30}$/i,
  /^follow @\w+/i,
  /^(?:tags?|topics?|filed (?:under|to|in)|categories|posted in)\s*:/i,
  /^(?:profile|follow|unfollow|following|subscribe|\s)+$/i,
  /^(?:get more news|get the (?:app|latest)\b|download (?:the|our) app\b|found this helpful\b|was this (?:article|page) helpful\??|read article\b|view article\b|full story\b).{0,40}$/i,
  /^(?:learn more|find out more|discover more)\s*[:|›»—–-]/i,
  /^(?:reuse this content|most viewed|explore more on these topics|topics)$/i,
  /^(?:we['’]re interested in your feedback on this page\.?(?:\s+tell us what you think\.?)?|tell us what you think\.?)$/i,
  /^(?:back to top|top of page|print this page|email this story|report an error|send us a tip|contact us)$/i,
];

export function isFurnitureLine(line: string): boolean {
  // "← Previous: …", "Next post →": arrows around a link are not words.
  const text = line.trim().replace(/^[←→«»‹›<>↑↓▶◀►◄·•|\s]+/u, '').replace(/[←→«»‹›<>↑↓▶◀►◄·•|\s]+$/u, '');
  if (text === '' || wordCount(text) > 40) return false;
  return FURNITURE_LINES.some((re) => re.test(text));
}

// A photo credit as a line of its own, or the tail of a caption ("… Photograph: Jo Park/AP").
const CREDIT_LINE = /^\(?(?:all\s+)?(?:(?:photo|image|picture|video|illustration|graphic|map)\s+credits?|credits?|photo(?:graph)?s?|images?|pictures?|illustrations?|photo illustration|graphics?|video)\s*(?::|\.\.\.|…|\s+by\s|\/)/i;
const CREDIT_START = /^\(?(?:courtesy(?:\s+of)?\s|©|\(c\)\s|copyright\s|(?:AP|AFP|Reuters|Getty Images|EPA|Shutterstock)\s*(?:photo|images)?\s*\/)/i;
const CREDIT_TAIL =
  /\s(\(?(?:(?:photo|image|picture|video|illustration|graphic)\s+credits?|credits?|photo(?:graph)?s?|images?|illustrations?|photo illustration|graphics?)\s*(?::|\.\.\.|…|\s+by\s)[^]{1,160}|\(?courtesy(?:\s+of)?\s[^]{1,120}|\((?:AP|AFP|Reuters|Getty Images|EPA)\b[^)]{0,80}\))$/i;
// "(Lucy Akins)" at the end of a caption: the photographer.
const PERSON = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u;
const CREDIT_MARK = /(?<=\s)\(?(?:(?:photo|image|picture|video|illustration|graphic)\s+credits?|credits?|photo(?:graph)?s?|images?|illustrations?|photo illustration|graphics?|courtesy|AP|AFP|Reuters|Getty Images|EPA)\b/gi;
// "Chang W. Lee/The New York Times", "Jo Park for The Guardian", "AP", "Getty Images".
const AGENCY_CREDIT =
  /^(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4}\s*\/\s*\p{Lu}\S*(?:\s+\S+){0,7}|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,4}\s+for\s+\p{Lu}\S*(?:\s+\S+){0,5}|(?:AP|AFP|Reuters|Getty Images|EPA|Shutterstock|Alamy|Associated Press)(?:\s*[/,].{0,60})?)$/u;

export function isCreditLine(line: string): boolean {
  const text = line.trim();
  const words = wordCount(text);
  // "Photos by A (Agency), B, C and D": a list of credits can run long; a sentence cannot pass for one.
  if (CREDIT_LINE.test(text)) return words <= 16 || (words <= 40 && (text.match(/,/g) ?? []).length >= 2);
  return words <= 20 && (CREDIT_START.test(text) || /^(?:Credit)+\p{Lu}/u.test(text));
}

/** Text in a caption's credit element (a <small>, a <span>) that reads like a credit. */
export function readsLikeCredit(text: string): boolean {
  const t = text.trim();
  const bare = /^\(.*\)$/.test(t) ? t.slice(1, -1).trim() : t;
  return wordCount(t) <= 16 && (isCreditLine(t) || AGENCY_CREDIT.test(bare));
}

/** A caption with its credit at the end, as two lines: [caption, credit]; or null. */
export function splitCreditTail(caption: string): [string, string] | null {
  // The last credit marker that leaves a caption before it ("Main image: … Photograph: …").
  let at = -1;
  for (const m of caption.matchAll(CREDIT_MARK)) if (m.index >= 12 && caption.length - m.index <= 170) at = m.index;
  // "… on Thursday. (Ellen M. Banner / The Seattle Times)"
  const paren = /\s(\([^()]{3,120}\))$/.exec(caption);
  const inside = paren?.[1]!.slice(1, -1).trim() ?? '';
  if (paren && paren.index >= 12 && (AGENCY_CREDIT.test(inside) || PERSON.test(inside))) {
    return [caption.slice(0, paren.index).trim(), paren[1]!];
  }
  if (at < 0) return null;
  const tail = caption.slice(at).trim();
  if (!CREDIT_TAIL.test(` ${tail}`)) return null;
  const head = caption.slice(0, at).trim();
  return head ? [head, tail] : null;
}

/** Several comments, each in an element of its own: a comment thread, not a section about comments. */
export function isCommentThread(el: Element): boolean {
  let items = 0;
  for (const child of el.querySelectorAll('li, article, div')) {
    const parts = nameParts(child);
    if (parts.has('comment') || parts.has('comment-body') || parts.has('reply')) items++;
    if (items >= 2) return true;
  }
  return false;
}

/** Most of its items are links with a line of text at most: a list of other stories. */
function isTeaserList(el: Element, stats: PageStats): boolean {
  const items = [...el.querySelectorAll('li, article')];
  if (items.length < 2) return false;
  let teasers = 0;
  for (const item of items) {
    const s = stats.get(item);
    if (s && item.querySelector('a') && (linkDensity(s) >= 0.3 || s.words <= 25)) teasers++;
  }
  return teasers >= 0.7 * items.length;
}

/**
 * Whether the element is page furniture: named or built as furniture (or hidden), and
 * its content agrees. Never an element that holds the article (`articleProse` is the
 * page's prose; an element with half of it is the article's ancestor).
 */
export function isFurnitureElement(el: Element, stats: PageStats, articleProse: number): boolean {
  const s = stats.get(el);
  if (!s || s.chars === 0) return false;
  if (s.prose >= 0.5 * articleProse && articleProse > 0) return false;
  if (['HTML', 'BODY', 'MAIN', 'ARTICLE'].includes(el.tagName)) return false;
  if (isHidden(el)) return s.words < 80 || linkDensity(s) >= 0.5;
  const density = linkDensity(s);
  if (isSemanticChrome(el)) {
    switch (el.tagName) {
      case 'NAV':
      case 'DIALOG':
        return true;
      case 'FOOTER':
        // An article's footer often holds its author's bio: only its parts are furniture then.
        return density >= 0.4 || (s.words <= 60 && !el.querySelector(BIO_SELECTOR));
      case 'FORM':
        return s.words <= 100 || density >= 0.5;
      default:
        return density >= 0.3 || s.words <= 40 || isTeaserList(el, stats);
    }
  }
  const kind: ChromeKind | null = chromeName(el);
  if (kind === null) return false;
  return verified(kind, el, s, stats);
}

function verified(kind: ChromeKind, el: Element, s: ElementStats, stats: PageStats): boolean {
  const density = linkDensity(s);
  // A real paragraph (a sentence outside links) inside says it is not only furniture.
  const noProse = s.prose < 60;
  switch (kind) {
    case 'comments':
      return density >= 0.5 || s.words <= 30 || isCommentThread(el);
    case 'related':
      return density >= 0.3 || s.words <= 8 || isTeaserList(el, stats) || (s.words <= 60 && el.querySelector('a') !== null && noProse);
    case 'newsletter':
    case 'consent':
      return density >= 0.4 || s.words <= 80;
    case 'site':
      return density >= 0.4 || s.words <= 100;
    case 'promo':
      return density >= 0.5;
    case 'print':
      return density >= 0.5 || s.words <= 60;
    default:
      // Share bars, ad slots, tag lists, menus: links and labels, hardly a phrase.
      return density >= 0.5 || s.words <= 12 || (noProse && s.words <= 25);
  }
}
