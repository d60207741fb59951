// What the check-worthiness model reads of a claim: its words, hashed into a fixed number
// of buckets (word unigrams and bigrams, and the character 5-grams inside each word), and a
// few dense features from what the extractor already found (spans, labels, length).
// Shared by scoring, explanation and the training script (scripts/train-checkworthy.ts),
// so the three can never read a claim differently. Process-free and allocation-free per
// claim: scoring walks the text once.
//
// Tokens: runs of letters (apostrophes inside a word kept: "don't", "it's"), lowercased.
// A run of digits (with "," or "." between digits) is one token "0", or "0000" when it
// looks like a year (1800–2099); "%" and a currency sign are tokens of their own.
// Everything else separates tokens. The claim's first token also forms a bigram with a
// start mark ("^ i", "^ we": how a sentence opens says a lot). Character 5-grams of each
// word between "^" and "$" marks ("^unem", "unemp", …, "ment$") let "unemployed" learn
// from "unemployment": a stemmer's work without a stemmer.
//
// Hashing: 32-bit FNV-1a over the token's UTF-16 code units (lowercased). A bigram's hash
// is FNV-1a continued from the first token's hash over a space and the four bytes of the
// second token's hash; a 5-gram's is FNV-1a from the hash of "#" over its five codes. The
// bucket is the hash folded (h ^ h >>> 16) and masked to `bits`.
import type { Label, Section, Span } from '../../model';

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const step = (h: number, c: number): number => Math.imul(h ^ c, FNV_PRIME) >>> 0;

/** FNV-1a of a string's UTF-16 code units, as the tokenizer hashes a token. */
export function fnv1a(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return h;
}

/** The hash of the bigram (a, b) from the hashes of its tokens. */
export function bigramHash(a: number, b: number): number {
  let h = step(a, 32);
  h = step(h, b & 0xff);
  h = step(h, (b >>> 8) & 0xff);
  h = step(h, (b >>> 16) & 0xff);
  return step(h, b >>> 24);
}

export const START_HASH = fnv1a('^');
const NUMBER_HASH = fnv1a('0');
const YEAR_HASH = fnv1a('0000');
const PERCENT_HASH = fnv1a('%');
const CURRENCY_HASH = fnv1a('$');

export const bucketOf = (h: number, mask: number): number => ((h ^ (h >>> 16)) & mask) >>> 0;

const GRAM_HASH = fnv1a('#');
/** Character n-gram length, and the longest word they are taken from (longer runs are not words). */
export const GRAM = 5;
const MAX_GRAM_WORD = 40;
/** The current word's lowercased code units, between the marks: CODES[0] = '^'. */
const CODES = new Int32Array(MAX_GRAM_WORD + 2);

const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;

function isLetter(c: number, text: string, i: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0 || (c >= 0x2000 && c <= 0x206f)) return false; // ASCII and Latin-1 signs; quotes, dashes
  return NON_ASCII_LETTER.test(text[i]!);
}
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

/**
 * Calls `token(hash, start, end, letters)` for each token of `text`, in order. `start`/`end`
 * are the token's offsets in `text` (for "0" tokens, the whole number; for "%"/"$", the
 * sign). For a word, `letters` is its length and its lowercased code units are in CODES
 * (from 1, with CODES[0] the start mark) when it is at most MAX_GRAM_WORD long; else 0.
 */
export function forEachToken(text: string, token: (hash: number, start: number, end: number, letters: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      const s = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isDigit(d)) i++;
        else if ((d === 44 || d === 46) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      let year = false;
      if (i - s === 4) {
        const v = (text.charCodeAt(s) - 48) * 10 + (text.charCodeAt(s + 1) - 48);
        year = v >= 18 && v <= 20;
      }
      token(year ? YEAR_HASH : NUMBER_HASH, s, i, 0);
    } else if (isLetter(c, text, i)) {
      const s = i;
      let h = FNV_OFFSET;
      let letters = 0;
      for (;;) {
        let d = text.charCodeAt(i);
        if (d >= 65 && d <= 90) d += 32;
        else if (d > 127) d = text[i]!.toLowerCase().charCodeAt(0);
        h = step(h, d);
        if (letters < MAX_GRAM_WORD) CODES[letters + 1] = d;
        letters++;
        i++;
        if (i >= n) break;
        const e = text.charCodeAt(i);
        if (isLetter(e, text, i)) continue;
        // An apostrophe between letters stays in the word, as "'".
        if (isApostrophe(e) && i + 1 < n && isLetter(text.charCodeAt(i + 1), text, i + 1)) {
          h = step(h, 39);
          if (letters < MAX_GRAM_WORD) CODES[letters + 1] = 39;
          letters++;
          i++;
          continue;
        }
        break;
      }
      token(h, s, i, letters <= MAX_GRAM_WORD ? letters : 0);
    } else {
      if (c === 37) token(PERCENT_HASH, i, i + 1, 0);
      else if (c === 36 || c === 0xa3 || c === 0x20ac || c === 0xa5) token(CURRENCY_HASH, i, i + 1, 0);
      i++;
    }
  }
}

/** The dense features, in the order of the model's dense weights. */
export const DENSE_FEATURES = [
  'number', // at least one number span
  'numbers', // two or more
  'date', // at least one date span
  'name', // at least one name span
  'names', // two or more
  'quoted', // a short quotation span
  'label:quote',
  'label:attribution',
  'label:prediction',
  'label:opinion',
  'words:1-4', // tokens, as the tokenizer counts them ("%" and "$" count)
  'words:5-8',
  'words:30+',
  'question',
] as const;
export type DenseFeature = (typeof DENSE_FEATURES)[number];
export const DENSE_COUNT = DENSE_FEATURES.length;

/** What the model reads of a claim besides its words. */
export interface ClaimFacts {
  text: string;
  section: Section;
  labels: readonly Label[];
  spans: readonly Pick<Span, 'kind'>[];
}

function endsWithQuestion(text: string): boolean {
  let e = text.length;
  while (e > 0) {
    const c = text.charCodeAt(e - 1);
    if (c === 32 || c === 0x201d || c === 0x22 || c === 0x2019 || c === 0x27 || c === 41) e--;
    else return c === 63;
  }
  return false;
}

/**
 * Fills `out` (length DENSE_COUNT) with the dense features of a claim. `words`: its number
 * of tokens (forEachWordFeature counts them while hashing).
 */
export function denseFeatures(claim: ClaimFacts, words: number, out: Float64Array): Float64Array {
  let numbers = 0;
  let dates = 0;
  let names = 0;
  let quotes = 0;
  for (const s of claim.spans) {
    if (s.kind === 'number') numbers++;
    else if (s.kind === 'date') dates++;
    else if (s.kind === 'name') names++;
    else quotes++;
  }
  const labels = claim.labels;
  out[0] = numbers >= 1 ? 1 : 0;
  out[1] = numbers >= 2 ? 1 : 0;
  out[2] = dates >= 1 ? 1 : 0;
  out[3] = names >= 1 ? 1 : 0;
  out[4] = names >= 2 ? 1 : 0;
  out[5] = quotes >= 1 ? 1 : 0;
  out[6] = labels.includes('quote') ? 1 : 0;
  out[7] = labels.includes('attribution') ? 1 : 0;
  out[8] = labels.includes('prediction') ? 1 : 0;
  out[9] = labels.includes('opinion') ? 1 : 0;
  out[10] = words <= 4 ? 1 : 0;
  out[11] = words >= 5 && words <= 8 ? 1 : 0;
  out[12] = words >= 30 ? 1 : 0;
  out[13] = endsWithQuestion(claim.text) ? 1 : 0;
  // Headlines, deks and subheadings are short by form, not because they hold less.
  if (SHORT_BY_FORM.has(claim.section)) out[10] = out[11] = 0;
  return out;
}

/** Sections whose shortness is their form: the word-count features are not read. */
export const SHORT_BY_FORM: ReadonlySet<Section> = new Set<Section>(['headline', 'dek', 'subheading']);

/** What forEachWordFeature counted (one shared object: read it before the next call). */
export interface WordCounts {
  tokens: number;
  features: number;
}
const COUNTS: WordCounts = { tokens: 0, features: 0 };

export const UNIGRAM = 0;
export const BIGRAM = 1;
export const CHARGRAM = 2;
type FeatureCallback = (bucket: number, token: number, kind: typeof UNIGRAM | typeof BIGRAM | typeof CHARGRAM) => void;

let sink: FeatureCallback | null = null;
let sinkMask = 0;
/** When set (and no sink), each feature's weight is summed here instead: scoring's fast path. */
let table: Float32Array | null = null;
let sum = 0;
let prev = START_HASH;
let tokenIndex = 0;
let features = 0;

function onToken(h: number, _s: number, _e: number, letters: number): void {
  const t = tokenIndex++;
  const uni = bucketOf(h, sinkMask);
  const bi = bucketOf(bigramHash(prev, h), sinkMask);
  if (sink) {
    sink(uni, t, UNIGRAM);
    sink(bi, t, BIGRAM);
  } else sum += table![uni]! + table![bi]!;
  features += 2;
  prev = h;
  if (letters === 0) return;
  CODES[letters + 1] = 36; // "$"
  // FNV-1a of each GRAM (5) codes, unrolled: the hot loop of scoring.
  const last = letters + 2 - GRAM;
  for (let k = 0; k <= last; k++) {
    const g = bucketOf(step(step(step(step(step(GRAM_HASH, CODES[k]!), CODES[k + 1]!), CODES[k + 2]!), CODES[k + 3]!), CODES[k + 4]!), sinkMask);
    if (sink) sink(g, t, CHARGRAM);
    else sum += table![g]!;
  }
  if (last >= 0) features += last + 1;
}
CODES[0] = 94; // "^"

function walk(text: string, mask: number): WordCounts {
  sinkMask = mask;
  prev = START_HASH;
  tokenIndex = 0;
  features = 0;
  forEachToken(text, onToken);
  COUNTS.tokens = tokenIndex;
  COUNTS.features = features;
  return COUNTS;
}

/**
 * The hashed features of `text`: for each token, in order, calls `feature(bucket, token,
 * kind)` for its unigram, then the bigram ending at it (after the start mark for the first
 * token), then its character 5-grams. Returns the counts (a shared object).
 */
export function forEachWordFeature(text: string, mask: number, feature: FeatureCallback): WordCounts {
  sink = feature;
  try {
    return walk(text, mask);
  } finally {
    sink = null;
  }
}

/** The sum of `weights` over the hashed features of `text` (each feature once per occurrence), and the counts. */
export function sumWordWeights(text: string, weights: Float32Array): { sum: number; counts: WordCounts } {
  table = weights;
  sum = 0;
  const counts = walk(text, weights.length - 1);
  table = null;
  SUM.sum = sum;
  SUM.counts = counts;
  return SUM;
}
const SUM = { sum: 0, counts: COUNTS };

/** "Regional Transit Halts Driverless Shuttle": most longer words capitalised (as extraction's headline rule). */
export function looksTitleCase(text: string): boolean {
  let long = 0;
  let caps = 0;
  for (const w of text.split(' ')) {
    if (w.length < 4) continue;
    long++;
    const c = w.charCodeAt(0);
    if (c >= 65 && c <= 90) caps++;
  }
  return long >= 3 && caps / long >= 0.6;
}
