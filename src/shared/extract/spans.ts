// Checkable parts inside a claim: numbers (money, percentages, scores), dates and times,
// capitalised names, and short quoted words. Offsets are absolute (into the article text).
import type { Span, SpanKind } from '../model';
import * as abbreviations from './abbreviations';
import { LETTER, UPPER } from './letters';
import { scanWords, type WordScan } from './words';

const { STARTERS } = abbreviations; // bound once: see sentence-splitter.ts

const MONTH_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_ABBR = String.raw`Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.`;
const WEEKDAY = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day`;
const MONTHS = `(?:${MONTH_FULL}|${MONTH_ABBR})`;

// Dates and times, most specific first so alternation picks the longest reading.
// Dates and times starting with a capital or a digit, most specific first so alternation
// picks the longest reading. The leading lookahead rejects most positions in one test.
export const DATE_RE = new RegExp('(?=[A-Z0-9])(?:' + [
  String.raw`(?:${WEEKDAY},?\s+)?${MONTHS}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?!\d|,\d)`,
  String.raw`\d{1,2}\s+(?:${MONTH_FULL})(?:\s+\d{4})?`,
  String.raw`${MONTHS}\s+(?:of\s+)?\d{4}`,
  String.raw`(?:${WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?`,
  String.raw`\d{1,2}(?::\d{2})?\s?[ap]\.m\.`,
  String.raw`\d{1,2}:\d{2}`,
  String.raw`(?:${MONTH_FULL.replace('May|', '').replace('March|', '')})`,
  String.raw`(?:1[5-9]|20)\d0s`,
  String.raw`(?<![\d,.$£€-])(?:1[6-9]|20)\d{2}(?:-\d{2})?(?![\d%]|\s?percent|,\d)`,
].join('|') + ')', 'g');
// Relative dates: "yesterday", "last year", "late-April".
export const RELATIVE_DATE_RE = new RegExp(String.raw`\b(?:yesterday|today|tomorrow|tonight|(?:last|next|this|earlier this|later this)\s+(?:week|month|year|spring|summer|fall|autumn|winter|decade|weekend)|(?:early|mid|late)-(?:${MONTH_FULL}))\b`, 'g');
const RELATIVE_HINT = /day|morrow|night|last |next |this |early-|mid-|late-/;

const SCALE = String.raw`(?:\s(?:million|billion|trillion|thousand|hundred)\b)?`;
const PERCENT = String.raw`(?:\s?%|\s(?:percent|per cent|percentage points?)\b)?`;
// $4.2 billion, 40 percent, 3,100, 220-207, 5-2, 1.2 miles (the unit stays outside).
export const NUMBER_RE = new RegExp(String.raw`(?<![${LETTER}\d.,-])(?:[$£€¥]\s?)?\d(?:[\d,]*\d)?(?:\.\d+)?(?:-\d+(?:\.\d+)?)?(?:st|nd|rd|th)?${SCALE}${PERCENT}(?![${LETTER}\d])`, 'g');

const TITLE = String.raw`(?:Mr|Mrs|Ms|Mx|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Sen|Rep|Gov|Prof|Rev|Brig|Cpl|Pvt|St|Ft|Mt|Jr|Sr|Inc|Corp|Co|Ltd)\.`;
const TOKEN = String.raw`(?:${TITLE}|[${UPPER}]\.(?:[${UPPER}]\.)+|[${UPPER}]\.(?=\s[${UPPER}])|[${UPPER}][${LETTER}'’-]*[${LETTER}]|[${UPPER}]\b)`;
const CONNECT = String.raw`(?:(?:of|de|da|van|von|del|der|la|for|the|&)\s+){0,2}`;
export const NAME_RE = new RegExp(String.raw`${TOKEN}(?:,?\s+(?:Jr\.|Sr\.|III|II|IV)|\s+${CONNECT}${TOKEN})*`, 'g');

export const QUOTE_RE = new RegExp(String.raw`“([^“”\n]{1,160})”|"([^"\n]{1,160})"|‘([^‘’\n]{1,80})’(?![${LETTER}])`, 'g');
/** Longer quotations are whole claims (the "quote" label); their numbers and names get spans. */
const MAX_QUOTE_SPAN_WORDS = 8;

const PRIORITY: Record<SpanKind, number> = { quote: 4, date: 3, number: 2, name: 1 };

export interface SpanFindings {
  spans: Span[];
  numbers: number;
  dates: number;
  names: number;
  quotedWords: number;
  /** Longest quotation inside the claim, in words. */
  longestQuote: number;
}

interface Candidate { start: number; end: number; kind: SpanKind }
/** Reused between calls: extraction is single-threaded and this saves garbage per claim. */
const CANDIDATES: Candidate[] = [];

/**
 * Finds the spans of `claim`, which starts at offset `base` in the article. In Title Case
 * headlines every word is capitalised, so capitalisation says nothing: `titleCase` skips names.
 */
export function findSpans(claim: string, base: number, titleCase = false, words: WordScan = scanWords(claim)): SpanFindings {
  const cands = CANDIDATES;
  cands.length = 0;
  let numbers = 0;
  let dates = 0;
  let names = 0;
  let quotedWords = 0;
  let longestQuote = 0;

  const hasDigit = /\d/.test(claim);
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(claim); m; m = DATE_RE.exec(claim)) {
    cands.push({ start: m.index, end: m.index + m[0].length, kind: 'date' });
    dates++;
  }
  if (RELATIVE_HINT.test(claim)) {
    RELATIVE_DATE_RE.lastIndex = 0;
    for (let m = RELATIVE_DATE_RE.exec(claim); m; m = RELATIVE_DATE_RE.exec(claim)) {
      cands.push({ start: m.index, end: m.index + m[0].length, kind: 'date' });
      dates++;
    }
  }
  if (hasDigit) {
    NUMBER_RE.lastIndex = 0;
    for (let m = NUMBER_RE.exec(claim); m; m = NUMBER_RE.exec(claim)) {
      cands.push({ start: m.index, end: m.index + m[0].length, kind: 'number' });
    }
  }
  const nw = words.numberWords;
  for (let k = 0; k < nw.length; k += 2) cands.push({ start: nw[k]!, end: nw[k + 1]!, kind: 'number' });
  NAME_RE.lastIndex = 0;
  for (let m = titleCase ? null : NAME_RE.exec(claim); m; m = NAME_RE.exec(claim)) {
    let s = m.index;
    const e = s + m[0].length;
    const text = m[0];
    // Drop leading sentence starters ("The", "But", "In") and lone sentence-initial words.
    let cut = 0;
    for (;;) {
      const sp = text.indexOf(' ', cut);
      if (sp < 0) break;
      if (!STARTERS.has(text.slice(cut, sp))) break;
      cut = sp + 1;
    }
    s += cut;
    const rest = claim.slice(s, e);
    const single = rest.indexOf(' ') < 0;
    if (single && (STARTERS.has(rest) || rest === 'I')) continue;
    if (single && cut === 0 && atSentenceStart(claim, s) && !rest.includes('.')) continue;
    if (e > s) {
      cands.push({ start: s, end: e, kind: 'name' });
      names++;
    }
  }
  QUOTE_RE.lastIndex = 0;
  for (let m = QUOTE_RE.exec(claim); m; m = QUOTE_RE.exec(claim)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    const words = inner.trim().split(/\s+/).length;
    if (words > longestQuote) longestQuote = words;
    if (words > MAX_QUOTE_SPAN_WORDS) continue;
    // The quoted words only: no surrounding spaces or the comma/period set inside the marks.
    const s = m.index + 1;
    let e = s + inner.length;
    let b = s;
    while (b < e && /[\s]/.test(claim[b]!)) b++;
    while (e > b && /[\s,.;:]/.test(claim[e - 1]!)) e--;
    if (e <= b) continue;
    cands.push({ start: b, end: e, kind: 'quote' });
    quotedWords++;
  }

  // Non-overlapping selection: higher priority first, then earlier and longer.
  cands.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || a.start - b.start || b.end - a.end);
  const taken: Candidate[] = [];
  for (const c of cands) {
    if (c.end <= c.start) continue;
    let clash = false;
    for (const t of taken) if (c.start < t.end && t.start < c.end) { clash = true; break; }
    if (!clash) taken.push(c);
  }
  taken.sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  for (const t of taken) {
    if (t.kind === 'number') numbers++;
    spans.push({ start: base + t.start, end: base + t.end, kind: t.kind, text: claim.slice(t.start, t.end) });
  }
  return { spans, numbers, dates, names, quotedWords, longestQuote };
}

/** True at the claim's start or right after an opening quote/bracket at its start. */
function atSentenceStart(claim: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = claim.charCodeAt(k);
    if (c === 0x201c || c === 0x22 || c === 0x2018 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x20) continue;
    return c === 0x3a; // after "Photo: " or "Credit: "
  }
  return true;
}
