// The article's text as a page's own data gives it (JSON-LD `articleBody`), read as text,
// never run. Two uses: a page that shows no article text itself (it builds it with
// JavaScript) is imported from that text instead of refused; and a page that shows
// much less than it says the article holds (a paywall, a "read more" loaded by script)
// is imported as shown, with a notice that says so.
import { blocksToText, parseInertHtml } from '../html-dom';
import type { Block } from './structure';

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

// Below this many words the data is a summary, not the article.
const MIN_BODY_WORDS = 30;
// Missing at least this share and this many words: the page hides part of the article.
const HIDDEN_SHARE = 0.1;
const HIDDEN_WORDS = 40;

/** Some sites put the article's HTML in articleBody: its text, a paragraph a line, never its tags. */
function plainText(articleBody: string): string {
  return /<\/?[a-z][^>]*>/i.test(articleBody) ? blocksToText(parseInertHtml(`<body>${articleBody}</body>`).body) : articleBody;
}

/** The headline and the data's paragraphs as blocks, when the data holds an article. */
export function articleBodyBlocks(articleBody: string, headline: string): Block[] | null {
  const text = plainText(articleBody);
  if (words(text).length < MIN_BODY_WORDS) return null;
  const paragraphs = text.split(/\n\s*\n|\r?\n/).map((p) => p.trim()).filter(Boolean);
  return [...(headline ? [{ section: 'headline' as const, text: headline }] : []), ...paragraphs.map((text) => ({ section: 'body' as const, text }))];
}

export const FROM_DATA_NOTICE =
  'The page shows no article text itself (it needs JavaScript to show it): Factdesk took the text from the page’s own data (its JSON-LD articleBody), without captions or subheadings.';

/** A notice when the page shows clearly less of the article than its data holds; undefined otherwise. */
export function hiddenTextNotice(articleBody: string, shown: string): string | undefined {
  const expected = words(plainText(articleBody));
  if (expected.length < MIN_BODY_WORDS) return undefined;
  const have = new Map<string, number>();
  for (const w of words(shown)) have.set(w, (have.get(w) ?? 0) + 1);
  let missing = 0;
  for (const w of expected) {
    const n = have.get(w) ?? 0;
    if (n > 0) have.set(w, n - 1);
    else missing++;
  }
  if (missing < HIDDEN_WORDS || missing < HIDDEN_SHARE * expected.length) return undefined;
  const shownShare = Math.round((100 * (expected.length - missing)) / expected.length);
  return (
    `The page shows ${shownShare}% of the article text its own data holds (${expected.length.toLocaleString('en-US')} words in its JSON-LD articleBody): ` +
    'the rest may be behind a paywall or shown by script. Factdesk imports what the page shows; paste the full text to check all of it.'
  );
}
