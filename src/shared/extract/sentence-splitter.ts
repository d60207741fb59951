// Rule-based sentence segmentation for news English: one linear scan over char codes per
// line (and, for the rare line that may hold an inline list, one more for its markers).
// A newline always ends a sentence, so lines are segmented independently. The ranges
// of a line cover every non-space character of it exactly once: nothing is dropped, not
// even a list marker (a bullet gets a range of its own; the caller sets it aside).
import {
  AMBIGUOUS, BEFORE_NUMBER, BEFORE_QUANTITY, MONTHS, NEVER_FINAL, SPEECH_VERBS, STARTERS,
  TIME_CONTINUATIONS, TIME_MARKERS, TIME_PHRASE_OPENING, TITLES,
} from './abbreviations';
import * as chars from './chars';

// Local bindings: some module transforms (esbuild to CommonJS, used by tsx) turn every call to
// an imported function into a getter call; binding once keeps the hot loop cheap everywhere.
const {
  isBullet, isBulletGlyph, isCloser, isCurrency, isDigit, isLetter, isLower, isOpener, isSpace,
  isTerminal, isUpper,
} = chars;

export interface TextRange {
  start: number;
  end: number;
}

const DOT = 0x2e;
const ELLIPSIS = 0x2026;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

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
  const items = inlineItemStarts(text, from, to);
  if (items === null) {
    splitItem(text, from, to, out);
    return;
  }
  let a = from;
  for (const b of items) {
    splitItem(text, a, b, out);
    a = b;
  }
  splitItem(text, a, to, out);
}

/**
 * One list item, or the whole line when it is not a list: an optional bullet (a range of its
 * own), an optional numbered marker (kept in the item's first sentence: "10. United States"
 * is checked with its rank), then sentences.
 */
function splitItem(text: string, from: number, to: number, out: TextRange[]): void {
  let s = skipSpaces(text, from, to);
  if (s >= to) return;
  const bullet = bulletEnd(text, s, to);
  if (bullet > 0) {
    out.push({ start: s, end: bullet });
    s = skipSpaces(text, bullet, to);
    if (s >= to) return;
  }
  const marker = parseMarker(text, s, to);
  splitSentencesIn(text, s, marker === null ? s : marker.end, to, out);
}

/**
 * Sentences of text[s, to), scanning for boundaries from `scanFrom` (after a list marker,
 * whose period or parenthesis ends nothing).
 */
function splitSentencesIn(text: string, s: number, scanFrom: number, to: number, out: TextRange[]): void {
  // Bracket pairs, found at the first bracket (most lines have none); closers before it
  // cannot match anything.
  let closeParen: Map<number, number> | null | undefined;
  let inParenUntil = -1; // index of the ')' or ']' closing the bracket we are inside
  let body = skipSpaces(text, scanFrom, to); // where the sentence's words start (after a marker)
  for (let i = scanFrom; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_PAREN || c === 0x5b) {
      if (closeParen === undefined) closeParen = matchParens(text, i, to);
      const close = closeParen?.get(i);
      if (close !== undefined && close > inParenUntil) inParenUntil = close;
      continue;
    }
    if (!isTerminal(c)) continue;
    // The whole run of terminals is decided at once and then skipped, so a long run ("....",
    // ". . . .") is read once, not once per mark.
    let last: number;
    let boundary: number;
    const spaced = c === DOT ? spacedDots(text, i, to) : 1;
    if (spaced >= 3) {
      last = i + 2 * (spaced - 1);
      boundary = spacedEllipsisBoundary(text, i, spaced, last, to, i > s && !isSpace(text.charCodeAt(i - 1)));
    } else {
      last = terminalRunEnd(text, i, to) - 1;
      boundary = boundaryAfter(text, i, last + 1, to, body);
    }
    // Inside a complete parenthetical, sentences stay together: "(See below. It's long.)".
    if (boundary < 0 || boundary <= inParenUntil) {
      i = last;
      continue;
    }
    // A citation closed by the period belongs to the sentence before it: '…" (Smith 55).'
    const k = skipSpaces(text, boundary, to);
    if (k < to && text.charCodeAt(k) === OPEN_PAREN) {
      if (closeParen === undefined) closeParen = matchParens(text, k, to);
      if (isCitation(text, k, to, closeParen)) {
        i = last;
        continue;
      }
    }
    pushTrimmed(text, s, boundary, out);
    s = skipSpaces(text, boundary, to);
    body = s;
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

function terminalRunEnd(text: string, i: number, to: number): number {
  let j = i + 1;
  while (j < to && isTerminal(text.charCodeAt(j))) j++;
  return j;
}

// ---- List items -------------------------------------------------------------------------

/**
 * End of a bullet at `s` (s + 1), or -1. "•", "⁃" are bullets even glued to the item
 * ("⁃9. The first item"); "-", "*", "·", "–" only before a space. A bullet followed by
 * another one is an ornament, not a list: "* * *" stays whole.
 */
function bulletEnd(text: string, s: number, to: number): number {
  const c = text.charCodeAt(s);
  if (!isBullet(c) || s + 1 >= to) return -1;
  const next = text.charCodeAt(s + 1);
  if (isSpace(next)) {
    const k = skipSpaces(text, s + 1, to);
    return k < to && !isBullet(text.charCodeAt(k)) ? s + 1 : -1;
  }
  return isBulletGlyph(c) && !isBullet(next) ? s + 1 : -1;
}

// Marker styles: kind * 4 + punctuation. Markers of one inline list share a style.
const KIND_DIGIT = 0;
const KIND_LOWER = 1;
const KIND_UPPER = 2;
const PUNCT_DOT = 0; // "1."
const PUNCT_PAREN = 1; // "1)"
const PUNCT_DOT_PAREN = 2; // "1.)"
const PUNCT_ENCLOSED = 3; // "(1)"

interface Marker {
  /** Offset after the marker's punctuation (a space follows). */
  end: number;
  /** 1 for "1" and "a", 2 for "2" and "b"… */
  value: number;
  style: number;
}

/**
 * A numbered or lettered list marker at `p` followed by a space: "1.", "10.", "2)", "1.)",
 * "(3)", "a.", "b)", "(c)". At most three digits or one letter; null otherwise.
 */
function parseMarker(text: string, p: number, to: number): Marker | null {
  let q = p;
  const enclosed = text.charCodeAt(q) === OPEN_PAREN;
  if (enclosed) q++;
  const c = text.charCodeAt(q);
  let value = 0;
  let kind: number;
  if (isDigit(c)) {
    const digits = q;
    while (q < to && isDigit(text.charCodeAt(q))) {
      if (q - digits === 3) return null;
      value = value * 10 + text.charCodeAt(q) - 48;
      q++;
    }
    kind = KIND_DIGIT;
  } else if (c >= 0x61 && c <= 0x7a) {
    value = c - 0x60;
    kind = KIND_LOWER;
    q++;
  } else if (c >= 0x41 && c <= 0x5a) {
    value = c - 0x40;
    kind = KIND_UPPER;
    q++;
  } else return null;
  if (q >= to) return null;
  const d = text.charCodeAt(q);
  let punct: number;
  if (enclosed) {
    if (d !== CLOSE_PAREN) return null;
    punct = PUNCT_ENCLOSED;
    q++;
  } else if (d === CLOSE_PAREN) {
    punct = PUNCT_PAREN;
    q++;
  } else if (d === DOT) {
    q++;
    if (q < to && text.charCodeAt(q) === CLOSE_PAREN) {
      punct = PUNCT_DOT_PAREN;
      q++;
    } else punct = PUNCT_DOT;
  } else return null;
  if (q >= to || !isSpace(text.charCodeAt(q))) return null;
  return { end: q, value, style: kind * 4 + punct };
}

/**
 * A marker numbered 1 ("1.", "01)", "(1)", "a.", "A)"…) after a space: where an inline list
 * may start. It may match more than parseMarker accepts, never less.
 */
const RUN_START = /[ \t](?:\(?(?:0{0,2}1|a)(?:\.\)?|\))|\(?A\.?\))[ \t]/;

/**
 * Where the items of an inline list begin on the line (after its first item), or null when
 * the line holds none. Two kinds:
 * - a line opened by a bullet glyph that recurs after a space: "• 9. First • 10. Second";
 * - a run of at least two markers of one style counting up from 1 or a, the first at the
 *   start of a clause, each item opening a clause or reading like a sentence: "1) First
 *   2) Second", "a. First b. Second", "deadlines: (1) cities file…; (2) the state…".
 * Numbers in prose do not qualify: "He scored 2. The team…" does not count from 1, "Figure 1.
 * Results…" does not open a clause, "Gen. A. Smith" is upper case with a period (an initial),
 * and in "parts: (1) raise fares and (2) cut service" the second item neither follows a
 * clause end nor starts like a sentence.
 */
function inlineItemStarts(text: string, from: number, to: number): number[] | null {
  let s = skipSpaces(text, from, to);
  if (s >= to) return null;
  let lineBullet = -1;
  if (isBulletGlyph(text.charCodeAt(s)) && bulletEnd(text, s, to) > 0) {
    lineBullet = text.charCodeAt(s);
    s = skipSpaces(text, s + 1, to);
  }
  // Nearly every line holds no list: a native search for where a run could start spares
  // those lines a second scan in JS. (Searched in the line's slice, never past its end.)
  if (lineBullet < 0 && parseMarker(text, s, to)?.value !== 1 && !RUN_START.test(text.slice(s, to))) return null;
  let starts: number[] | null = null;
  let run: number[] | null = null;
  let runStyle = -1;
  // Markers end in "." or ")", which are rare: look there, and back to the marker's start.
  for (let p = s; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === lineBullet) {
      if (p > s && isSpace(text.charCodeAt(p - 1)) && bulletEnd(text, p, to) > 0) (starts ??= []).push(p);
      continue;
    }
    if (c !== DOT && c !== CLOSE_PAREN) continue;
    const q = markerStartBefore(text, p, s);
    if (q < 0) continue;
    const m = parseMarker(text, q, to);
    if (m === null || m.style === KIND_UPPER * 4 + PUNCT_DOT) continue;
    // An item begins a clause ("deadlines: (1) cities file…; (2) the state…") or reads
    // like a sentence ("1) The first item 2) The second item").
    const clause = q === s || opensClause(text, q, s);
    if (!clause && !startsSentenceLike(text, skipSpaces(text, m.end, to), to)) continue;
    if (run !== null && m.style === runStyle && m.value === run.length + 1 &&
      !(m.style === KIND_DIGIT * 4 + PUNCT_DOT && BEFORE_QUANTITY.has(wordBefore(text, q, s)))) {
      run.push(q);
    } else if (m.value === 1 && clause) {
      starts = commitRun(run, s, starts);
      run = [q];
      runStyle = m.style;
    }
  }
  starts = commitRun(run, s, starts);
  if (starts !== null && lineBullet >= 0) starts.sort((a, b) => a - b);
  return starts;
}

/**
 * Start of the marker ending with the "." or ")" at `p` ("1.", "12)", "a.", "(3)"), when it
 * begins the line or follows a space; -1 otherwise. ".)" is read from its ".".
 */
function markerStartBefore(text: string, p: number, floor: number): number {
  if (text.charCodeAt(p) === CLOSE_PAREN && p > floor && text.charCodeAt(p - 1) === DOT) return -1;
  let b = p;
  while (b > floor && p - b < 3 && isDigit(text.charCodeAt(b - 1))) b--;
  if (b === p) {
    const d = p > floor ? text.charCodeAt(p - 1) : 0;
    if (!(d >= 0x61 && d <= 0x7a || d >= 0x41 && d <= 0x5a)) return -1;
    b--;
  }
  if (b > floor && text.charCodeAt(b - 1) === OPEN_PAREN) b--;
  return b === floor || isSpace(text.charCodeAt(b - 1)) ? b : -1;
}

/** Adds a run's markers to the item starts when the run has at least two. */
function commitRun(run: readonly number[] | null, lineStart: number, starts: number[] | null): number[] | null {
  if (run === null || run.length < 2) return starts;
  for (const p of run) if (p > lineStart) (starts ??= []).push(p);
  return starts;
}

/** Whether `p` follows the end of a sentence, a colon or a semicolon: "Steps: 1. …", "June 30; (2) …". */
function opensClause(text: string, p: number, floor: number): boolean {
  let q = p;
  while (q > floor && isSpace(text.charCodeAt(q - 1))) q--;
  if (q <= floor) return true;
  let d = text.charCodeAt(q - 1);
  if (d === 0x3a || d === 0x3b) return true;
  while (q - 1 > floor && isCloser(d)) d = text.charCodeAt(--q - 1);
  return isTerminal(d);
}

/** The token before the space(s) before `p`. */
function wordBefore(text: string, p: number, floor: number): string {
  let e = p;
  while (e > floor && isSpace(text.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > floor && !isSpace(text.charCodeAt(b - 1))) b--;
  return text.slice(b, e);
}

// ---- Ellipses and citations ---------------------------------------------------------------

/**
 * Number of dots in a spaced ellipsis starting at `i` (". . ." or ". . . ."), each dot alone
 * and one space apart; 1 when `i` is not followed by " .".
 */
function spacedDots(text: string, i: number, to: number): number {
  let p = i;
  let n = 1;
  if (p + 1 < to && text.charCodeAt(p + 1) === DOT) return 1;
  while (p + 2 < to && text.charCodeAt(p + 1) === 0x20 && text.charCodeAt(p + 2) === DOT &&
    (p + 3 >= to || text.charCodeAt(p + 3) !== DOT)) {
    p += 2;
    n++;
  }
  return n;
}

/**
 * A spaced ellipsis of `dots` dots, from `i` to `last`. The style guides' convention: three
 * dots after a space mark words left out inside a sentence ("the thing is . . . I didn't"),
 * four are the omission plus the period ("with a period . . . . Next"); glued to the word,
 * the first of four is the sentence's own period and the rest opens the next sentence with
 * the omission ("compounds. . . . The practice"). Only before a capital, as for "...".
 */
function spacedEllipsisBoundary(text: string, i: number, dots: number, last: number, to: number, glued: boolean): number {
  let j = last + 1;
  let closed = false;
  while (j < to && isCloser(text.charCodeAt(j))) {
    closed = true;
    j++;
  }
  if (j >= to || !isSpace(text.charCodeAt(j))) return -1;
  const k = skipSpaces(text, j, to);
  if (k >= to || !startsCapital(text, k, to)) return -1;
  if (closed) return j; // '"We will . . ." The crowd' ends where the quotation does
  if (glued) return dots >= 4 ? i + 1 : j;
  return dots >= 4 ? j : -1;
}

const MAX_CITATION = 80;

/** '(Smith 55).' at `k`, right after a boundary: a short parenthetical closed by a period. */
function isCitation(text: string, k: number, to: number, closeParen: Map<number, number> | null): boolean {
  const close = closeParen?.get(k);
  return close !== undefined && close - k <= MAX_CITATION && close + 1 < to && text.charCodeAt(close + 1) === DOT;
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
 * If the run of terminal marks text[i, runEnd) ends a sentence, returns the sentence's end
 * offset (after closing quotes/brackets); otherwise -1. `sentStart` bounds backward scans.
 */
function boundaryAfter(text: string, i: number, runEnd: number, to: number, sentStart: number): number {
  const c = text.charCodeAt(i);
  let j = i + 1;
  // Runs of terminals text[i, runEnd): "?!", "...", "…", "....".
  let dots = c === DOT ? 1 : 0;
  let ellipsis = c === ELLIPSIS;
  let question = c === 0x3f || c === 0x21;
  for (; j < runEnd; j++) {
    const d = text.charCodeAt(j);
    if (d === DOT) dots++;
    else if (d === ELLIPSIS) ellipsis = true;
    else question = true;
  }
  if (dots >= 2) ellipsis = true;
  let quoteClosed = false;
  for (;;) {
    while (j < to && isCloser(text.charCodeAt(j))) {
      const d = text.charCodeAt(j);
      if (d !== 0x29 && d !== 0x5d) quoteClosed = true;
      j++;
    }
    // Reference markers glued after the sentence end ("in 1998.[12][13] The…") belong to it.
    const marker = referenceMarkerEnd(text, j, to);
    if (marker < 0) break;
    j = marker;
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
  const wordAt = wordStart(text, i, sentStart);
  const verdict = abbreviationVerdict(text.slice(wordAt, i), text, k, to, wordAt, sentStart);
  if (verdict !== undefined) return verdict ? j : -1;
  return startsSentenceLike(text, k, to) ? j : -1;
}

// "[12]", "[a]", "[note 3]", "[citation needed]": what wikis and reports put after a sentence.
const REFERENCE_MARKER = /^\[(?:\d{1,4}|[a-z]{1,2}|(?:note|nb|n) ?\d{1,3}|[a-z][a-z ]{2,24})\]/i;

/** The end of a reference marker starting at `j`, or -1. Looks at most 30 characters ahead. */
function referenceMarkerEnd(text: string, j: number, to: number): number {
  if (j >= to || text.charCodeAt(j) !== 0x5b) return -1;
  const m = REFERENCE_MARKER.exec(text.slice(j, Math.min(to, j + 30)));
  return m ? j + m[0].length : -1;
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
 * Decides a period after `word` (at `wordAt`) when the next word starts with a capital or
 * digit: true = sentence ends, false = it does not, undefined = not an abbreviation.
 */
function abbreviationVerdict(word: string, text: string, k: number, to: number, wordAt: number,
  sentStart: number): boolean | undefined {
  if (word.length === 0) return undefined;
  const next = text.charCodeAt(k);
  const nextIsDigit = isDigit(next);
  if (TITLES.has(word)) return false;
  if (NEVER_FINAL.has(word)) return false;
  if (TIME_MARKERS.has(word)) {
    if (isTimePhraseOpening(text, sentStart, wordAt)) return false;
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
  // "you and I. Did you…": a lone I after a lower-case word is the pronoun, not an initial
  // (as in "Albert I. Jones"), unless an initial follows ("Pei and I. M. Pei").
  if (word === 'I' && followsLowerCaseWord(text, wordAt, sentStart)) {
    return !(isUpper(next) && text.charCodeAt(k + 1) === DOT) && startsSentenceLike(text, k, to);
  }
  // Initials ("J.", "R.") and dotted acronyms ("U.S", "D.C", "Ph.D").
  if (isInitialOrAcronym(word)) return nextIsDigit ? false : nextIsStarter(text, k, to);
  return undefined;
}

const MAX_TIME_PHRASE = 24;

/** "At 5 " before "a.m.", from the sentence start: the sentence so far is only a time. */
function isTimePhraseOpening(text: string, sentStart: number, wordAt: number): boolean {
  return wordAt - sentStart <= MAX_TIME_PHRASE && TIME_PHRASE_OPENING.test(text.slice(sentStart, wordAt));
}

/** The word before the one at `w` (one space between) is in lower case: "and", not "Albert". */
function followsLowerCaseWord(text: string, w: number, floor: number): boolean {
  if (w - 2 < floor || !isSpace(text.charCodeAt(w - 1))) return false;
  let b = w - 1;
  while (b > floor && isLetter(text.charCodeAt(b - 1))) b--;
  return b < w - 1 && isLower(text.charCodeAt(b));
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

