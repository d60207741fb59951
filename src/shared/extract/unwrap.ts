// Text as it arrives (pasted, a .txt file, a draft) → the article's text. Wire copy,
// e-mailed press releases and text copied out of PDFs are hard-wrapped: a line break
// every 60–80 columns, in the middle of sentences. A line break inside a sentence is
// not a paragraph end, so those paragraphs are unwrapped here, once, before anything
// counts offsets. A blank line, an indented line or a list line always starts anew.
import { normalizeText } from './normalize';

/** The one preparation of raw text: normalized, then hard-wrapped paragraphs unwrapped. */
export function prepareText(raw: string): string {
  // Unwrapping joins lines, so it can only run out of work: run it until nothing moves
  // (once or twice in practice), so that preparing a prepared text changes nothing.
  let text = normalizeText(raw);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = unwrapLines(text);
    if (next === text) break;
    text = next;
  }
  return text;
}

const MAX_PASSES = 6;

// Wrapped text is rarely wider than this; web copy has one long line per paragraph.
const MAX_WRAP_WIDTH = 110;
const MIN_WRAP_WIDTH = 30;
// A line counts as filled when the next word would have passed this share of the width
// (proportional fonts copied out of a PDF make wrapped lines uneven).
const FILLED = 0.9;

const LIST_LINE = /^(?:[•◦▪‣·⁃*–—-]\s|\(?(?:\d{1,3}|[a-zA-Z])[.)]\)?\s|\d{1,3}\.\d)/u;
// "SMITH:", "Jane Doe (00:12):", "Q:" — a transcript turn starts a new paragraph.
const SPEAKER_LINE = /^(?:\p{Lu}[\p{Lu}\p{M} .'’-]{0,40}|Q|A)(?:\s*\(\d{1,2}(?::\d{2}){1,2}\))?:\s/u;
const ENDS_SENTENCE = /[.!?…:;]["”’)\]]*$/u;
const URL_OR_EMAIL = /@|:\/\/|^www\.|\.(?:com|org|net|gov|edu|io)\b/i;

/** Compound prefixes whose hyphen is real even at a line end ("well-\nknown"). */
const COMPOUND_PREFIXES: ReadonlySet<string> = new Set([
  'self', 'well', 'non', 'co', 'ex', 'anti', 'pre', 'post', 'multi', 'cross', 'half', 'long', 'short', 'full', 'all',
  'high', 'low', 'mid', 'semi', 'vice', 'ill', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'ten', 'first', 'second', 'third', 'year', 'so', 'far', 'much', 'old', 'single', 'double', 'under', 'over', 'top',
]);
// Word endings that are not words on their own: "govern-\nment", "inves-\ntigation".
const BROKEN_TAIL = /^(?:\p{Ll}*(?:tion|tions|sion|sions|ment|ments|ness|ity|ities|ance|ances|ence|ences))$/u;

export function unwrapLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const width = wrapWidth(lines);
  let words: ReadonlySet<string> | null = null; // built on the first hyphen at a line end
  const out: string[] = [];
  let paragraphWords = 0; // of the paragraph being joined, counted up to 3
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = i > 0 ? lines[i - 1]! : '';
    if (out.length === 0 || prev === '' || line === '' || !isWrap(paragraphWords >= 3, prev, line, width)) {
      out.push(line);
      paragraphWords = wordsUpToThree(line);
      continue;
    }
    const last = out.length - 1;
    if (prev.endsWith('-')) {
      words ??= wordSet(text);
      out[last] = keepsHyphen(prev, line, words) ? `${out[last]}${line}` : `${out[last]!.slice(0, -1)}${line}`;
    } else out[last] = `${out[last]} ${line}`;
    paragraphWords = Math.min(3, paragraphWords + wordsUpToThree(line));
  }
  return out.join('\n');
}

/** How many words a line has, counting no further than three. */
function wordsUpToThree(line: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length && n < 3; i++) {
    const space = line.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * The width the text was wrapped at, or 0 when it is not hard-wrapped: most lines are
 * at most MAX_WRAP_WIDTH long, and many of the lines inside paragraphs come close to
 * the widest of them (only a paragraph's last line is short).
 */
export function wrapWidth(lines: readonly string[]): number {
  let nonEmpty = 0;
  let narrow = 0;
  let width = 0;
  for (const l of lines) {
    if (l === '') continue;
    nonEmpty++;
    if (l.length <= MAX_WRAP_WIDTH) {
      narrow++;
      if (l.length > width) width = l.length;
    }
  }
  if (width < MIN_WRAP_WIDTH || narrow < 4 || narrow < 0.6 * nonEmpty) return 0;
  // Lines followed by another line of the same paragraph: in wrapped prose, most are near
  // the width, and many breaks fall mid-sentence (the next line starts in lower case). A
  // list of names or places, one per line, has lines of like length but no such breaks.
  let inner = 0;
  let full = 0;
  let midSentence = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1]!;
    if (l === '' || next === '' || l.length > MAX_WRAP_WIDTH) continue;
    inner++;
    if (l.length >= 0.75 * width) full++;
    if (/^[\p{Ll}\d]/u.test(next)) midSentence++;
  }
  return inner >= 3 && full >= 0.5 * inner && midSentence >= 0.3 * inner ? width : 0;
}

/**
 * Whether the break between two physical lines is a wrap inside one paragraph.
 * `longParagraph`: the paragraph so far (ending with `prev`) has three words or more.
 */
function isWrap(longParagraph: boolean, prev: string, line: string, width: number): boolean {
  if (line.charCodeAt(0) === 32 || LIST_LINE.test(line) || SPEAKER_LINE.test(line)) return false;
  // "It was a cold\nnight", "govern-\nment": a lowercase line continues the sentence above
  // it, unless the paragraph is a lone word or two (a list of words, one per line).
  if (/^\p{Ll}/u.test(line) && (/\p{L}-$/u.test(prev) || (!ENDS_SENTENCE.test(prev) && longParagraph))) return true;
  // No paragraph ends on "the", "of" or "and": "…closed 40 schools on\nMonday."
  if (DANGLING_END.test(prev) && longParagraph) return true;
  const firstWord = /^\S+/.exec(line)![0];
  return width > 0 && prev.length <= width && prev.length + 1 + firstWord.length > FILLED * width;
}

const DANGLING_END = / (?:a|an|the|of|on|in|to|for|and|or|but|nor|with|by|at|from|into|onto|than|that|as|said|says|told|its|his|her|their|our|is|are|was|were|has|have|had)$/;

/** Every word of the text, lowercased, hyphenated words whole: the evidence for a hyphen at a line end. */
function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []);
}

/**
 * A hyphen at the end of `prev`, before `line`: a real one stays ("well-known",
 * "hq-media@example.org", "COVID-19"); one that broke a word at the line end goes
 * ("govern-" + "ment"). The text's own words decide first: a word found elsewhere
 * joined, and never hyphenated, was broken here.
 */
function keepsHyphen(prev: string, line: string, words: ReadonlySet<string>): boolean {
  const lead = /\S*$/.exec(prev.slice(0, -1))![0];
  const head = /\p{L}+$/u.exec(lead)?.[0];
  const tail = /^\S+/.exec(line)![0];
  const tailWord = /^\p{Ll}+/u.exec(tail)?.[0];
  if (!head || !tailWord || URL_OR_EMAIL.test(lead) || URL_OR_EMAIL.test(tail)) return true;
  const joined = `${head}${tailWord}`.toLowerCase();
  const hyphenated = `${head}-${tailWord}`.toLowerCase();
  if (words.has(joined) && !words.has(hyphenated)) return false;
  if (words.has(hyphenated) || COMPOUND_PREFIXES.has(head.toLowerCase())) return true;
  return !(/^\p{Ll}+$/u.test(head) && BROKEN_TAIL.test(tailWord));
}
