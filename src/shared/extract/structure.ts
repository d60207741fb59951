// Page structure: decides, line by line, which part of a web-copied article each line is
// (headline, dek, byline, dateline, caption, body, bio) and which lines are boilerplate.
import type { Section } from '../model';

export interface Line {
  start: number;
  end: number;
}

/** A section, or null for boilerplate (no claims). */
export type LineRole = Section | null;

// Lines that web pages leave in copied text. Compared lowercased, without final punctuation.
const BOILERPLATE_EXACT: ReadonlySet<string> = new Set([
  'advertisement', 'advertisements', 'ad', 'ads', 'sponsored', 'sponsored content', 'paid content',
  'share full article', 'share this article', 'share article', 'share', 'share this', 'tweet',
  'email', 'print', 'save', 'save article', 'gift this article', 'give this article',
  'previous post next post', 'previous post', 'next post', 'previous article', 'next article',
  'read more', 'read more below', 'continue reading', 'continue reading the main story',
  'supported by', 'skip to content', 'skip to main content', 'skip to navigation',
  'skip advertisement', 'story continues below advertisement', 'article continues below',
  'advertisement - scroll to continue', 'scroll to continue with content',
  'listen to this article', 'related', 'related articles', 'related stories', 'comments',
  'leave a comment', 'show comments', 'image', 'photo', 'video', 'loading', 'subscribe',
  'subscribe now', 'sign up', 'sign in', 'log in', 'menu', 'search', 'home', 'trending',
  'most popular', 'back to top', 'follow us', 'newsletter', 'see more on', 'you might also like',
  'recommended', 'more from this author', 'all rights reserved', 'view comments', 'copy link',
  'link copied', 'open in app', 'top stories',
]);

const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  /^(?:read more|related|see also|more from|recommended|also read|read next|watch|listen|more on this story)\s*[:|»›—–-]/i,
  /^sign up for\b.*\bnewsletter/i,
  /^a version of this article appears in print\b/i,
  /^more about \p{Lu}/iu,
  /^(?:©|\(c\)|copyright\b)/i,
  /^\d+\s*(?:min|minute)s?\s+read$/i,
  /^(?:follow|contact) \p{Lu}[\p{L}'’ .-]* on (?:x|twitter|facebook|instagram|threads|bluesky|linkedin)\b/iu,
  /^(?:updated|posted)\s*$/i,
];

const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:de|da|van|von|del|der|bin|al)?\s*\p{Lu}[\p{L}\p{M}'’.-]*){0,4}`;
const BYLINE_BY = /^(?:By|Text by|Words by|Story by|Data analysis by|Graphics by|Research by|Interviews by|Edited by|Additional reporting by)\s+\p{Lu}/u;
const BYLINE_NAMES = new RegExp(String.raw`^${NAME}(?:,\s+${NAME})*,?\s+(?:and|&)\s+${NAME}$`, 'u');
const DATELINE_REPORTING = /^Reporting from\s+\p{Lu}/u;
// "WASHINGTON —" or "KYIV, Ukraine —" on a line of its own.
const DATELINE_ALONE = /^\p{Lu}[\p{Lu} .'-]+(?:,\s+\p{Lu}[\p{L} .]+)?\s*[—–-]{1,2}$/u;
const TIMESTAMP = /^(?:Published|Updated|Posted|Last updated|First published)\b/;
const MONTH = String.raw`(?:Jan(?:uary|\.)|Feb(?:ruary|\.)|March|April|May|June|July|Aug(?:ust|\.)|Sept(?:ember|\.)|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.))`;
const DATE_ALONE = new RegExp(String.raw`^(?:\p{Lu}\p{Ll}+day,\s+)?${MONTH}\s+\d{1,2},\s+\d{4}(?:[,·|]?\s+\d{1,2}:\d{2}\s*[ap]\.m\.(?:\s+\p{Lu}{2,4})?)?$`, 'u');
const CREDIT = /^(?:Credit|Credits|Photo|Photos|Photograph|Photographs|Photo illustration|Illustration|Image|Video)(?:\s*(?:\.\.\.|…|:)|\s+by\s)/i;
const INLINE_CREDIT = /[.!?”"]\s*Credit(?:\.\.\.|…|:)/;
// Author bios at the end: "Nadia Ferreira covers …", "Jo Park is a reporter …".
const BIO_START = /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:covers|writes|reports|is|has|joined|was|edits|teaches|lives|contributed)\b/u;
const BIO_WORDS = /\b(?:covers|reporter|correspondent|writer|editor|journalist|author|columnist|contributor|photographer|critic|producer|newsletter|contributed reporting|staff)\b/;
const CONTRIBUTED = /^(?:Reporting was contributed by|Additional reporting by|.{0,80}\bcontributed reporting\b)/;

function stripForMatch(line: string): string {
  return line.toLowerCase().replace(/[\s.:!…»›|·]+$/u, '').replace(/^[\s«‹|·]+/u, '');
}

export function isBoilerplate(line: string): boolean {
  if (line.length <= 80 && BOILERPLATE_EXACT.has(stripForMatch(line))) return true;
  for (const re of BOILERPLATE_PATTERNS) if (re.test(line)) return true;
  return false;
}

function wordCount(line: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const sp = line.charCodeAt(i) === 32;
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

const isByline = (l: string): boolean =>
  (BYLINE_BY.test(l) && wordCount(l) <= 16) || (wordCount(l) <= 12 && BYLINE_NAMES.test(l));
const isDateline = (l: string): boolean =>
  (DATELINE_REPORTING.test(l) && wordCount(l) <= 8) || DATELINE_ALONE.test(l) ||
  (TIMESTAMP.test(l) && wordCount(l) <= 14) || DATE_ALONE.test(l);
const isCredit = (l: string): boolean => CREDIT.test(l) && wordCount(l) <= 16;
const SUBHEADING = /^\p{Lu}[^\d]*[\p{L}\p{M}]$/u;
const isHeaderish = (l: string): boolean => isByline(l) || isDateline(l) || isCredit(l);
// A line starting “By …” is attribution even when an edit broke the byline pattern.
const isSubheading = (l: string): boolean => wordCount(l) <= 8 && SUBHEADING.test(l) && !isHeaderish(l) && !/^By\s/.test(l);

/**
 * Assigns a role to each line. The header (headline, dek, bylines, datelines, captions) runs
 * until the first body paragraph; captions are recognised anywhere by their credit line;
 * bios are the last lines when they read like one.
 */
export function classifyLines(text: string, lines: readonly Line[]): LineRole[] {
  const n = lines.length;
  const strs = lines.map((l) => text.slice(l.start, l.end));
  const roles: LineRole[] = new Array<LineRole>(n).fill('body');
  const content: number[] = [];
  for (let i = 0; i < n; i++) {
    if (isBoilerplate(strs[i]!)) roles[i] = null;
    else content.push(i);
  }

  // Credits, and the caption line right before each credit.
  for (let c = 0; c < content.length; c++) {
    const i = content[c]!;
    const s = strs[i]!;
    if (isCredit(s) || INLINE_CREDIT.test(s)) {
      roles[i] = 'caption';
      const prev = content[c - 1];
      // A standalone credit line names the photo of the caption right above it.
      if (isCredit(s) && prev !== undefined && c - 1 > 0) {
        const p = strs[prev]!;
        if (!isByline(p) && !isDateline(p) && !isCredit(p)) roles[prev] = 'caption';
      }
    }
  }

  // Header zone.
  let sawHeadline = false;
  let sawDek = false;
  let sawByline = false;
  for (let c = 0; c < content.length; c++) {
    const i = content[c]!;
    const s = strs[i]!;
    if (roles[i] === 'caption') continue;
    if (isByline(s)) { roles[i] = 'byline'; sawByline = true; continue; }
    if (isDateline(s)) { roles[i] = 'dateline'; continue; }
    if (!sawHeadline) {
      sawHeadline = true;
      if (!/[.:;,]$/.test(s) && wordCount(s) <= 30) { roles[i] = 'headline'; continue; }
      break; // no headline: the text starts with its body
    }
    if (!sawDek && !sawByline && wordCount(s) <= 70) {
      // A dek sits between the headline and the byline/date/photo block.
      let headerAhead = false;
      for (let d = c + 1; d < content.length && d <= c + 4; d++) {
        const t = strs[content[d]!]!;
        if (isHeaderish(t) || roles[content[d]!] === 'caption') { headerAhead = true; break; }
      }
      if (headerAhead) { roles[i] = 'dek'; sawDek = true; continue; }
    }
    break; // first body paragraph: the header is over
  }

  // Datelines on their own line may also open the body after the photo block.
  for (const i of content) {
    if (roles[i] === 'body' && (DATELINE_ALONE.test(strs[i]!) || DATELINE_REPORTING.test(strs[i]!) && wordCount(strs[i]!) <= 8)) {
      roles[i] = 'dateline';
    }
  }

  // Subheadings inside the body ("Who pays", "What comes next"): labels for the
  // reader, not claims. A short line with no closing punctuation and nothing to
  // check (no figure) between body paragraphs; a list item is not one.
  for (let c = 1; c < content.length - 1; c++) {
    const i = content[c]!;
    if (roles[i] === 'body' && roles[content[c - 1]!] === 'body' && roles[content[c + 1]!] === 'body' && isSubheading(strs[i]!)) {
      roles[i] = null;
    }
  }

  // Bio: among the last three content lines, a line that reads like one; what follows it too.
  for (let c = Math.max(0, content.length - 3); c < content.length; c++) {
    const i = content[c]!;
    const s = strs[i]!;
    if (roles[i] !== 'body') continue;
    if ((BIO_START.test(s) && BIO_WORDS.test(s) && wordCount(s) <= 80) || CONTRIBUTED.test(s)) {
      for (let d = c; d < content.length; d++) roles[content[d]!] = 'bio';
      break;
    }
  }
  return roles;
}
