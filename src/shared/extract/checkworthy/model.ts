// The check-worthiness model: logistic regression over a claim's hashed words and what the
// extractor found in it (features.ts), trained on the ClaimBuster benchmark by
// scripts/train-checkworthy.ts; its weights are data (weights.ts, generated), read here.
//
// The training sentences are all spoken, body-text sentences, so the data cannot say how a
// headline or a byline should rank. That part is set by hand here, in the open:
//  - headlines, deks and subheadings are short by form, not because they hold less: their
//    length is not held against them (features.ts). Headlines and deks get a lift
//    (SECTION_OFFSET) and, when they make a statement (four words or more), are never
//    scored below the model's threshold: they are what most readers read, so they are
//    always worth a check and rank with the body claims they summarise, not below the
//    page's vaguest lines;
//  - bylines and datelines are about the article, not the world (their names and dates
//    are the author's and the publication's): their scores are held in 0.01..0.10, under
//    the claims worth checking; bios get a drop;
//  - set-aside text (furniture, credits, speaker labels…) is no claim: its score is its
//    model score shrunk below 0.01, under every claim's (claims are kept in 0.01..0.99),
//    so it can never rank above a claim, yet still orders among itself.
// Process-free, and allocation-free per claim: one pass over the text.
import type { Section, SetAsideKind } from '../../model';
import { DENSE_COUNT, DENSE_FEATURES, denseFeatures, looksTitleCase, sumWordWeights, type ClaimFacts } from './features';

/** Logit added per section (hand-set: the training data has body text only). */
export const SECTION_OFFSET: Readonly<Record<Section, number>> = {
  body: 0,
  caption: 0,
  headline: 2,
  dek: 1,
  subheading: 0.4,
  byline: 0,
  dateline: 0,
  bio: -1,
};
/** Never scored below the model's threshold when they make a statement: always worth a check. */
export const ALWAYS_WORTH_A_CHECK: ReadonlySet<Section> = new Set<Section>(['headline', 'dek']);
/** About the article, not the world: scored in 0.01..METADATA_CEILING. */
export const METADATA: ReadonlySet<Section> = new Set<Section>(['byline', 'dateline']);
export const METADATA_CEILING = 0.1;

export const MIN_CLAIM_SCORE = 0.01;
export const MAX_CLAIM_SCORE = 0.99;
/** Set-aside text scores at most this (below MIN_CLAIM_SCORE). */
export const MAX_SET_ASIDE_SCORE = 0.009;

/** The model as data (weights.ts, written by the training script). */
export interface WeightsData {
  format: 1;
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Hashed weights are int16 × quantum. */
  quantum: number;
  bias: number;
  /** Names of the dense features, in order (must equal features.ts's DENSE_FEATURES). */
  denseFeatures: readonly string[];
  dense: readonly number[];
  /** Mean of each dense feature over the training sentences (the explanation's baseline). */
  denseMeans: readonly number[];
  /** Best-F1 threshold on the cross-validated predictions. */
  threshold: number;
  /** How the weights were made and what they score (for people; not read by the model). */
  training: Record<string, unknown>;
  /** Base64 of the int16 hashed weights, little-endian, bucket order. */
  hashed: string;
}

export interface Model {
  bits: number;
  mask: number;
  bias: number;
  dense: Float64Array;
  denseMeans: Float64Array;
  hashed: Float32Array;
  /** The probability at and above which a claim is called check-worthy (best F1 in cross-validation). */
  threshold: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 → bytes, with no Buffer and no atob (the core has neither). */
export function decodeBase64(s: string): Uint8Array {
  const map = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) map[B64.charCodeAt(i)] = i;
  let n = s.length;
  while (n > 0 && s[n - 1] === '=') n--;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let acc = 0;
  let bitsIn = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? map[c]! : -1;
    if (v < 0) throw new Error('check-worthiness weights: not base64');
    acc = ((acc << 6) | v) & 0xffffff;
    bitsIn += 6;
    if (bitsIn >= 8) {
      bitsIn -= 8;
      out[o++] = (acc >> bitsIn) & 0xff;
    }
  }
  return out;
}

/** Bytes → base64 (the training script writes the weights with it). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]! + B64[v & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i]! << 16;
    out += `${B64[v >> 18]!}${B64[(v >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${B64[v >> 18]!}${B64[(v >> 12) & 63]!}${B64[(v >> 6) & 63]!}=`;
  }
  return out;
}

/** The model from its data; throws when the data does not fit this code. */
export function modelFromData(w: WeightsData): Model {
  if (w.format !== 1 || w.denseFeatures.join() !== DENSE_FEATURES.join() || w.dense.length !== DENSE_COUNT) {
    throw new Error('check-worthiness weights do not match the features: run `npm run train:checkworthy`');
  }
  const bytes = decodeBase64(w.hashed);
  const size = 1 << w.bits;
  if (bytes.length !== size * 2) throw new Error('check-worthiness weights: wrong size');
  const hashed = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const v = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
    hashed[i] = (v >= 0x8000 ? v - 0x10000 : v) * w.quantum;
  }
  return {
    bits: w.bits,
    mask: size - 1,
    bias: w.bias,
    dense: Float64Array.from(w.dense),
    denseMeans: Float64Array.from(w.denseMeans),
    hashed,
    threshold: w.threshold,
  };
}

const DENSE = new Float64Array(DENSE_COUNT);

/** The model's logit for a claim, section offset included. */
export function claimLogit(facts: ClaimFacts, m: Model): number {
  const { sum, counts } = sumWordWeights(facts.text, m.hashed);
  const { features, tokens } = counts;
  let z = m.bias + (features > 0 ? sum / Math.sqrt(features) : 0);
  denseFeatures(facts, tokens, DENSE);
  unknownNames(facts, DENSE, m);
  for (let j = 0; j < DENSE_COUNT; j++) z += m.dense[j]! * DENSE[j]!;
  return z + SECTION_OFFSET[facts.section];
}

const NAME = DENSE_FEATURES.indexOf('name');
const NAMES = DENSE_FEATURES.indexOf('names');

/**
 * In a Title Case headline capitals say nothing, so the extractor looks for no names there:
 * their absence is unknown, not "no names", and counts as the average sentence's.
 */
export function unknownNames(facts: ClaimFacts, dense: Float64Array, m: Model): void {
  if (facts.section !== 'headline' || dense[NAME] !== 0 || !looksTitleCase(facts.text)) return;
  dense[NAME] = m.denseMeans[NAME]!;
  dense[NAMES] = m.denseMeans[NAMES]!;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** The model's probability after the section rules above (before rounding). */
export function sectionProbability(z: number, facts: ClaimFacts, m: Model): number {
  const p = sigmoid(z);
  const section = facts.section;
  if (ALWAYS_WORTH_A_CHECK.has(section) && makesAStatement(facts.text)) return Math.max(p, m.threshold);
  if (METADATA.has(section)) return MIN_CLAIM_SCORE + (METADATA_CEILING - MIN_CLAIM_SCORE) * p;
  return p;
}

/** The score as extraction stores it: 3 decimals, claims in 0.01..0.99, set-aside text under 0.01. */
export function storedScore(p: number, setAside?: SetAsideKind): number {
  if (setAside !== undefined) return Math.min(MAX_SET_ASIDE_SCORE, Math.round(p * 10) / 1000);
  return Math.min(MAX_CLAIM_SCORE, Math.max(MIN_CLAIM_SCORE, Math.round(p * 1000) / 1000));
}

export function checkWorthiness(facts: ClaimFacts, m: Model, setAside?: SetAsideKind): number {
  return storedScore(sectionProbability(claimLogit(facts, m), facts, m), setAside);
}

/** Four words or more: "Harbor Town Votes to Raise Its Seawall", not a bare title ("Mozilla"). */
function makesAStatement(text: string): boolean {
  let words = 1;
  for (let i = 0; i < text.length && words < 4; i++) if (text.charCodeAt(i) === 32) words++;
  return words >= 4;
}
