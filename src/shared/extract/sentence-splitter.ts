// Rule-based sentence segmentation for news English: one linear scan over char codes per
// line. A newline always ends a sentence, so lines are segmented independently.
import {
  AMBIGUOUS, BEFORE_NUMBER, MONTHS, NEVER_FINAL, SPEECH_VERBS, STARTERS, TIME_CONTINUATIONS,
  TIME_MARKERS, TITLES,
} from './abbreviations';
import * as chars from './chars';

// Local bindings: some module transforms (esbuild to CommonJS, used by tsx) turn every call to
// an imported function into a getter call; binding once keeps the hot loop cheap everywhere.
const { isCloser, isCurrency, isDigit, isLetter, isLower, isOpener, isSpace, isTerminal, isUpper } = chars;

export interface TextRange {
  start: number;
  end: number;
}

const DOT = 0x2e;
const ELLIPSIS = 0x2026;

export function splitSentences(text: string): TextRange[] {
  const out: TextRange[] = [];
  let lineStart = 0;
  const n = text.length;
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    splitLine(text, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Segments text[from, to) (no newline inside) and appends trimmed ranges to `out`. */
export function splitLine(text: string, from: number, to: number, out: TextRange[]): void {
  let s = skipSpaces(text, from, to);
  s = skipListMarker(text, s, to);
  if (s >= to) return;
  const closeParen = matchParens(text, s, to);
  let inParenUntil = -1; // index of the ')' or ']' closing the bracket we are inside
  for (let i = s; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) {
      const close = closeParen?.get(i);
      if (close !== undefined && close > inParenUntil) inParenUntil = close;
      continue;
    }
    if (!isTerminal(c)) continue;
    const boundary = boundaryAfter(text, i, to, s);
    if (boundary < 0) continue;
    // Inside a complete parenthetical, sentences stay together: "(See below. It's long.)".
    if (boundary <= inParenUntil) continue;
    pushTrimmed(text, s, boundary, out);
    s = skipSpaces(text, boundary, to);
    i = s - 1;
  }
  pushTrimmed(text, s, to, out);
}

function pushTrimmed(text: string, start: number, end: number, out: TextRange[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}

function skipSpaces(text: string, i: number, to: number): number {
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Bullets ("•", "-", "*") and numbered markers ("1.", "2)", "(3)", "a)") are not part of the claim. */
function skipListMarker(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if ((c === 0x2022 || c === 0x2d || c === 0x2a || c === 0x25aa || c === 0x25e6 || c === 0x2023 ||
    c === 0xb7) && isSpace(text.charCodeAt(i + 1))) {
    return skipSpaces(text, i + 1, to);
  }
  let j = i;
  if (c === 0x28) j++;
  const digitsStart = j;
  while (j < to && isDigit(text.charCodeAt(j)) && j - digitsStart < 3) j++;
  if (j > digitsStart && j - digitsStart <= 2) {
    const m = text.charCodeAt(j);
    const ok = c === 0x28 ? m === 0x29 : m === DOT || m === 0x29;
    if (ok && isSpace(text.charCodeAt(j + 1))) return skipSpaces(text, j + 1, to);
  } else if (j === digitsStart && isLower(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 0x29 &&
    isSpace(text.charCodeAt(j + 2))) {
    return skipSpaces(text, j + 2, to);
  }
  return i;
}

/** Matching close positions for "(" and "[" on the line; null when the line has none. */
function matchParens(text: string, from: number, to: number): Map<number, number> | null {
  let map: Map<number, number> | null = null;
  const stack: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) stack.push(i);
    else if ((c === 0x29 || c === 0x5d) && stack.length > 0) {
      const open = stack.pop()!;
      // A closer of the other kind means the brackets are unbalanced: do not trust the pair.
      if ((text.charCodeAt(open) === 0x28) !== (c === 0x29)) continue;
      (map ??= new Map()).set(open, i);
    }
  }
  return map;
}

/**
 * If the terminal mark at `i` ends a sentence, returns the sentence's end offset (after
 * closing quotes/brackets); otherwise -1. `sentStart` bounds backward scans.
 */
function boundaryAfter(text: string, i: number, to: number, sentStart: number): number {
  const c = text.charCodeAt(i);
  let j = i + 1;
  // Runs of terminals: "?!", "...", "…", "....".
  let dots = c === DOT ? 1 : 0;
  let ellipsis = c === ELLIPSIS;
  let question = c === 0x3f || c === 0x21;
  while (j < to && isTerminal(text.charCodeAt(j))) {
    const d = text.charCodeAt(j);
    if (d === DOT) dots++;
    else if (d === ELLIPSIS) ellipsis = true;
    else question = true;
    j++;
  }
  if (dots >= 2) ellipsis = true;
  let quoteClosed = false;
  while (j < to && isCloser(text.charCodeAt(j))) {
    const d = text.charCodeAt(j);
    if (d !== 0x29 && d !== 0x5d) quoteClosed = true;
    j++;
  }
  if (j >= to) return -1; // line end is a boundary anyway
  const after = text.charCodeAt(j);
  if (!isSpace(after)) {
    // Missing space after a period: "founded.In 1967" (but not "U.S.", "example.com", "3.5").
    if (c === DOT && j === i + 1 && missingSpaceBoundary(text, i, to, sentStart)) return j;
    return -1;
  }
  const k = skipSpaces(text, j, to);
  if (k >= to) return -1;
  const next = text.charCodeAt(k);
  if (ellipsis) {
    // An ellipsis ends a sentence only before a capital: "... was abandoned" stays whole.
    return startsCapital(text, k, to) ? j : -1;
  }
  if (question) {
    // "?" or "!": a lowercase continuation ("she asked") or a speech tag ("Ms. Lee asked").
    if (!startsSentenceLike(text, k, to)) return -1;
    if (quoteClosed && isSpeechTag(text, k, to)) return -1;
    return j;
  }
  // A single period: look at the word before it.
  if (isLower(next) && !isCamelCaseName(text, k, to)) return -1;
  const word = text.slice(wordStart(text, i, sentStart), i);
  const verdict = abbreviationVerdict(word, text, k, to);
  if (verdict !== undefined) return verdict ? j : -1;
  return startsSentenceLike(text, k, to) ? j : -1;
}

/** Start of the token before position `i`: back over letters, digits, dots, apostrophes. */
function wordStart(text: string, i: number, floor: number): number {
  let w = i;
  while (w > floor) {
    const d = text.charCodeAt(w - 1);
    if (isSpace(d) || isOpener(d) && d !== 0x27 || d === 0x2014 || d === 0x2013 || d === 0x2f ||
      d === 0x2d) break;
    w--;
  }
  return w;
}

/**
 * Decides a period after `word` when the next word starts with a capital or digit:
 * true = sentence ends, false = it does not, undefined = not an abbreviation.
 */
function abbreviationVerdict(word: string, text: string, k: number, to: number): boolean | undefined {
  if (word.length === 0) return undefined;
  const next = text.charCodeAt(k);
  const nextIsDigit = isDigit(next);
  if (TITLES.has(word)) return false;
  if (NEVER_FINAL.has(word)) return false;
  if (TIME_MARKERS.has(word)) {
    if (nextIsDigit) return true;
    const w = nextWord(text, k, to);
    if (w !== null && TIME_CONTINUATIONS.has(w)) return false;
    return startsSentenceLike(text, k, to);
  }
  if (MONTHS.has(word)) {
    if (nextIsDigit) return false;
    return nextIsStarter(text, k, to);
  }
  if (BEFORE_NUMBER.has(word) && nextIsDigit) return false;
  if (AMBIGUOUS.has(word)) return nextIsDigit ? false : nextIsStarter(text, k, to);
  // Initials ("J.", "R.") and dotted acronyms ("U.S", "D.C", "Ph.D").
  if (isInitialOrAcronym(word)) return nextIsDigit ? false : nextIsStarter(text, k, to);
  return undefined;
}

/** "J", "U.S", "D.C", "Ph.D", "N.Y": letters in groups of at most two, joined by dots. */
function isInitialOrAcronym(word: string): boolean {
  const n = word.length;
  if (n === 1) return isUpper(word.charCodeAt(0));
  let run = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c === DOT) {
      if (run === 0) return false;
      run = 0;
      dots++;
    } else if (isLetter(c)) {
      if (++run > 2) return false;
    } else return false;
  }
  return dots > 0 && run > 0 && isUpper(word.charCodeAt(0));
}

/** The alphabetic word at k (after opening marks), or null when it is an abbreviation/initial. */
function nextWord(text: string, k: number, to: number): string | null {
  let a = k;
  while (a < to && isOpener(text.charCodeAt(a))) a++;
  let b = a;
  while (b < to) {
    const d = text.charCodeAt(b);
    if (isLetter(d) || d === 0x27 || d === 0x2019) b++;
    else break;
  }
  if (b === a) return null;
  if (b < to && text.charCodeAt(b) === DOT && b + 1 < to && !isSpace(text.charCodeAt(b + 1))) return null;
  let w = text.slice(a, b);
  if (w.endsWith('’')) w = w.slice(0, -1);
  return w.replace('’', "'");
}

function nextIsStarter(text: string, k: number, to: number): boolean {
  const next = text.charCodeAt(k);
  // A new quotation after an abbreviation almost always opens a new sentence.
  if (next === 0x201c || next === 0x22) return true;
  const w = nextWord(text, k, to);
  if (w === null) return false;
  // "A."/"I." are initials, not the article or pronoun.
  const after = k + w.length < to ? text.charCodeAt(k + w.length) : 0x20;
  if (after === DOT) return false;
  return STARTERS.has(w);
}

/** Capital letter, digit, currency sign, or an opening mark followed by one of those. */
function startsSentenceLike(text: string, k: number, to: number): boolean {
  let a = k;
  while (a < to && isOpener(text.charCodeAt(a))) a++;
  if (a >= to) return false;
  const c = text.charCodeAt(a);
  return isUpper(c) || isDigit(c) || isCurrency(c) || c === ELLIPSIS || isCamelCaseName(text, a, to);
}

/**
 * Names that start in lower case but are capitalised inside: "iPhone", "eBay",
 * "mRNA". One to three lower-case letters, then a capital.
 */
function isCamelCaseName(text: string, k: number, to: number): boolean {
  let a = k;
  while (a < to && a - k < 3 && isLower(text.charCodeAt(a))) a++;
  return a > k && a < to && isUpper(text.charCodeAt(a));
}

function startsCapital(text: string, k: number, to: number): boolean {
  let a = k;
  while (a < to && isOpener(text.charCodeAt(a))) a++;
  return a < to && isUpper(text.charCodeAt(a));
}

/** Indefinite subjects: '"Who decides?" Nobody replied.' is two sentences. */
const NOT_SPEAKERS: ReadonlySet<string> = new Set([
  'Nobody', 'No', 'None', 'Nothing', 'Everyone', 'Everybody', 'Someone', 'Somebody', 'Few',
  'Many', 'Some', 'All', 'Others', 'Most', 'The', 'This', 'That', 'It',
]);

/** After `?"`: 'Ms. Lee asked', 'Gen. Maria Okafor said', 'He asked' are speech tags. */
function isSpeechTag(text: string, k: number, to: number): boolean {
  let p = k;
  for (let tokens = 0; tokens < 6 && p < to; tokens++) {
    let e = p;
    while (e < to && !isSpace(text.charCodeAt(e))) e++;
    let tok = text.slice(p, e);
    const last = tok.charCodeAt(tok.length - 1);
    if (last === 0x2c /* , */ || last === DOT && SPEECH_VERBS.has(tok.slice(0, -1))) tok = tok.slice(0, -1);
    if (SPEECH_VERBS.has(tok)) return tokens > 0;
    if (!isUpper(tok.charCodeAt(0))) return false;
    if (tokens === 0 && NOT_SPEAKERS.has(tok)) return false;
    p = skipSpaces(text, e, to);
  }
  return false;
}

/** "founded.In 1967": a period glued to a capitalised word that is not a URL or file name. */
function missingSpaceBoundary(text: string, i: number, to: number, floor: number): boolean {
  const prev = text.charCodeAt(i - 1);
  if (!(isLower(prev) || isDigit(prev))) return false;
  const a = i + 1;
  if (!isUpper(text.charCodeAt(a))) return false;
  // Photo credits pasted onto captions: "…on Tuesday.Credit...Owen Lacroix".
  if (text.startsWith('Credit', a) && (text.charCodeAt(a + 6) === DOT || text.charCodeAt(a + 6) === ELLIPSIS ||
    text.charCodeAt(a + 6) === 0x3a)) return true;
  if (!isLower(text.charCodeAt(a + 1))) return false;
  // The token on the left must be a plain word (no dots, slashes, @, colons).
  let w = i - 1;
  while (w > floor && !isSpace(text.charCodeAt(w - 1))) {
    const d = text.charCodeAt(w - 1);
    if (d === DOT || d === 0x2f || d === 0x40 || d === 0x3a || d === 0x5f) return false;
    w--;
  }
  if (i - w < 2) return false;
  // So must the token on the right, up to its final punctuation.
  for (let e = a; e < to; e++) {
    const d = text.charCodeAt(e);
    if (isSpace(d)) break;
    if (d === 0x2f || d === 0x40 || d === 0x5f) return false;
    if (d === DOT && e + 1 < to && !isSpace(text.charCodeAt(e + 1))) return false;
  }
  return true;
}

