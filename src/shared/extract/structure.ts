// Page structure: decides, line by line, which part of a web-copied article each line is
// (headline, dek, byline, dateline, caption, subheading, body, bio) and which lines are
// set aside as no claim (furniture, credits, labels, references, contents, transcript
// speaker labels). Nothing is dropped: a set-aside line is still a segment of the text.
import type { Section, SetAsideKind } from '../model';

export interface Line {
  start: number;
  end: number;
}

/** The part of the article a line belongs to; `setAside` when the line holds no claim. */
export interface LineRole {
  section: Section;
  setAside?: SetAsideKind;
}

/**
 * What an importer knows about its text's structure (a web page's <figcaption>, its
 * byline element, its table of contents): lines inside [start, end) take this role
 * instead of the one the heuristics below would guess. Hints do not overlap; a line
 * takes the hint that holds all of it.
 */
export interface StructureHint extends LineRole {
  start: number;
  end: number;
}

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
// A wire story's sign-off: "(Reporting by Jo Park; Editing by Sam Lee)". Who wrote and edited it, not a claim.
const WIRE_CREDIT = /^\((?:(?:Additional )?reporting|writing|editing|compiled|produced|translated|graphics)\b[^()]{0,300}\)$/i;

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
// "CreditChang W. Lee/The Times": a credit element whose label is glued to the name.
const GLUED_CREDIT = /^(?:Credit)+\p{Lu}/u;
export const isCredit = (l: string): boolean => (CREDIT.test(l) || GLUED_CREDIT.test(l)) && wordCount(l) <= 16;
const SUBHEADING = /^\p{Lu}[^\d]*[\p{L}\p{M}]$/u;
const isHeaderish = (l: string): boolean => isByline(l) || isDateline(l) || isCredit(l);
// A line starting “By …” is attribution even when an edit broke the byline pattern;
// "First Place: University of Alabama" is a label and its value, not a heading.
const isSubheading = (l: string): boolean =>
  wordCount(l) <= 8 && SUBHEADING.test(l) && !isHeaderish(l) && !/^By\s/.test(l) && !l.includes(':');
const isProse = (l: string): boolean => /[.!?…]["”’)]*$/u.test(l) && wordCount(l) >= 6;

// Headings that label the page's apparatus rather than say anything: set aside.
const LABEL_HEADING = /^(?:contents|table of contents|in this article|on this page|jump to|references|notes|footnotes|citations|sources|works cited|bibliography|further reading|external links|see also|related|related articles|related stories|related links|more stories|more on this|read more|comments|share this|tags|topics|categories|navigation|navigation menu)$/i;
// Spaces and colons at the end of a heading; the lookbehind keeps a long run of spaces linear.
const TRAILING_COLON = /(?<![\s:])[\s:]+$/u;
const MAX_LABEL_CHARS = 40;
const CONTENTS_HEADING = /^(?:contents|table of contents|in this article|on this page|jump to)$/i;
// A heading whose list below is references or links, not article prose.
const REFERENCES_HEADING = /^(?:references|notes|footnotes|citations|sources|works cited|bibliography|further reading|external links|see also|related|related articles|related stories|related links|more stories|more on this)$/i;
// A table of contents line: "1 History", "2.3 Later years", "Early life", short and unpunctuated.
const CONTENTS_LINE = /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?\p{Lu}[^.!?]{0,80}$/u;
// A reference: "^ Smith, J. (2001)…", "1. Ibid., p. 4", a line with a year in brackets, a DOI, "Retrieved".
const REFERENCE_LINE = /^(?:\^|\[\d+\]|\d{1,3}[.)]\s|[•·-]\s)|\((?:\d{4}|n\.d\.)\w?\)|\bdoi\b|\bRetrieved\b|\bISBN\b|\bpp?\.\s?\d|https?:\/\/|\barchived\b/iu;

/** A headline may end with an abbreviation's period ("…Across N.Y.C.", "…Buys Acme Inc."). */
const ENDS_WITH_ABBREVIATION = /(?:\b(?:\p{Lu}\.){2,}|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Dr)\.)$/u;

/**
 * Assigns a role to each line. The header (headline, dek, bylines, datelines, captions) runs
 * until the first body paragraph; captions are recognised anywhere by their credit line;
 * bios are the last lines when they read like one. `hinted` roles (from the importer)
 * are kept as they are, except that boilerplate inside a hinted body is still furniture.
 */
export function classifyLines(text: string, lines: readonly Line[], hinted?: readonly (LineRole | undefined)[]): LineRole[] {
  const n = lines.length;
  const strs = lines.map((l) => text.slice(l.start, l.end));
  const roles: LineRole[] = strs.map(() => ({ section: 'body' }));
  const content: number[] = [];
  for (let i = 0; i < n; i++) {
    const hint = hinted?.[i];
    if (hint) roles[i] = { ...hint };
    if (isBoilerplate(strs[i]!) && (!hint || (hint.section === 'body' && !hint.setAside))) roles[i] = { section: 'body', setAside: 'furniture' };
    else if (!hint) content.push(i);
  }
  // When the importer said where the header is, it is not guessed.
  const header = !hinted?.some((h) => h !== undefined && h.section !== 'body');

  // Credits, and the caption line right before each credit.
  for (let c = 0; c < content.length; c++) {
    const i = content[c]!;
    const s = strs[i]!;
    if (isCredit(s)) {
      roles[i] = { section: 'caption', setAside: 'credit' };
      const prev = content[c - 1];
      // A standalone credit line names the photo of the caption right above it.
      if (prev !== undefined && c - 1 > 0) {
        const p = strs[prev]!;
        if (!isByline(p) && !isDateline(p) && !isCredit(p)) roles[prev] = { section: 'caption' };
      }
    } else if (INLINE_CREDIT.test(s)) roles[i] = { section: 'caption' };
  }

  if (header) classifyHeader(strs, content, roles);
  for (const i of content) if (roles[i]!.section === 'body' && !roles[i]!.setAside && WIRE_CREDIT.test(strs[i]!)) roles[i] = { section: 'body', setAside: 'credit' };

  // Datelines on their own line may also open the body after the photo block.
  for (const i of content) {
    if (roles[i]!.section === 'body' && !roles[i]!.setAside && (DATELINE_ALONE.test(strs[i]!) || DATELINE_REPORTING.test(strs[i]!) && wordCount(strs[i]!) <= 8)) {
      roles[i] = { section: 'dateline' };
    }
  }

  classifyApparatus(strs, content, roles);

  // Subheadings inside the body ("Who pays", "What comes next"): copy the reader sees,
  // checked like the rest. A short line with no closing punctuation and no figure
  // between prose paragraphs; a run of short lines is a list, not headings.
  const isBody = (i: number | undefined) => i !== undefined && roles[i]!.section === 'body' && !roles[i]!.setAside;
  for (let c = 1; c < content.length - 1; c++) {
    const i = content[c]!;
    const prev = content[c - 1]!;
    const next = content[c + 1]!;
    if (isBody(i) && isBody(prev) && isBody(next) && isSubheading(strs[i]!) && isProse(strs[prev]!) && isProse(strs[next]!)) {
      roles[i] = { section: 'subheading' };
    }
  }

  // Bio: among the last three content lines, a line that reads like one; what follows it too.
  for (let c = Math.max(0, content.length - 3); c < content.length; c++) {
    const i = content[c]!;
    const s = strs[i]!;
    if (!isBody(i)) continue;
    if ((BIO_START.test(s) && BIO_WORDS.test(s) && wordCount(s) <= 80) || CONTRIBUTED.test(s)) {
      for (let d = c; d < content.length; d++) if (!roles[content[d]!]!.setAside) roles[content[d]!] = { section: 'bio' };
      break;
    }
  }
  return roles;
}

/** Headline, dek, bylines and datelines at the top of a text that came without structure. */
function classifyHeader(strs: readonly string[], content: readonly number[], roles: LineRole[]): void {
  let sawHeadline = false;
  let sawDek = false;
  let sawByline = false;
  const headerAhead = (c: number, reach: number) => {
    for (let d = c + 1; d < content.length && d <= c + reach; d++) {
      const t = strs[content[d]!]!;
      if (isHeaderish(t) || roles[content[d]!]!.section === 'caption') return true;
    }
    return false;
  };
  for (let c = 0; c < content.length; c++) {
    const i = content[c]!;
    const s = strs[i]!;
    if (roles[i]!.section === 'caption' || roles[i]!.setAside) continue;
    if (isByline(s)) { roles[i] = { section: 'byline' }; sawByline = true; continue; }
    if (isDateline(s)) { roles[i] = { section: 'dateline' }; continue; }
    if (!sawHeadline) {
      sawHeadline = true;
      // A closing quote or bracket after the period still ends a sentence: `…said: "We are hiring."`.
      const bare = s.replace(/["”’»)\]]+$/u, '');
      const unpunctuated = !/[.:;,]$/.test(bare) || (bare.endsWith('.') && (ENDS_WITH_ABBREVIATION.test(bare) || headerAhead(c, 3)));
      if (unpunctuated && wordCount(s) <= 30) { roles[i] = { section: 'headline' }; continue; }
      break; // no headline: the text starts with its body
    }
    // A dek sits between the headline and the byline/date/photo block.
    if (!sawDek && !sawByline && wordCount(s) <= 70 && headerAhead(c, 4)) {
      roles[i] = { section: 'dek' };
      sawDek = true;
      continue;
    }
    break; // first body paragraph: the header is over
  }
}

/**
 * The page's apparatus below a label heading: a table of contents after "Contents", a
 * reference or link list after "References" / "See also" / "Further reading". The
 * heading is set aside as a label; the lines under it while they look like entries.
 */
function classifyApparatus(strs: readonly string[], content: readonly number[], roles: LineRole[]): void {
  for (let c = 0; c < content.length; c++) {
    const i = content[c]!;
    // Label headings are a few words: a longer line is never one (and is not scanned).
    if (roles[i]!.setAside || strs[i]!.length > MAX_LABEL_CHARS) continue;
    const s = strs[i]!.replace(TRAILING_COLON, '');
    if (!LABEL_HEADING.test(s)) continue;
    roles[i] = { section: roles[i]!.section === 'headline' ? 'body' : roles[i]!.section, setAside: 'subheading' };
    const contents = CONTENTS_HEADING.test(s);
    const references = REFERENCES_HEADING.test(s);
    if (!contents && !references) continue;
    let numbered: boolean | undefined; // a numbered contents list ends at its first unnumbered line
    for (let d = c + 1; d < content.length; d++) {
      const j = content[d]!;
      const t = strs[j]!;
      if (roles[j]!.setAside && roles[j]!.setAside !== 'furniture') break;
      const hasNumber = /^\d/.test(t);
      numbered ??= hasNumber;
      const entry = contents
        ? CONTENTS_LINE.test(t) && wordCount(t) <= 10 && hasNumber === numbered
        : REFERENCE_LINE.test(t) || (wordCount(t) <= 12 && !isProse(t));
      if (!entry || (t.length <= MAX_LABEL_CHARS && LABEL_HEADING.test(t.replace(TRAILING_COLON, '')))) break;
      roles[j] = { section: 'body', setAside: contents ? 'contents' : 'reference' };
    }
  }
}
