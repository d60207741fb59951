// How alike an old claim and a new segment are: the score the best-first steps
// sort by (weights.ts says what goes into it and why).
import type { Segment } from '../../extract';
import { anchorOf, contextSimilarity, type Anchor } from '../anchor';
import type { Candidate } from '../assignment';
import { COVER_MIN_WORDS, COVER_WEIGHT, MAX_LENGTH_RATIO, MIN_QUOTE_SIMILARITY, MIN_SCORE, WEIGHTS, WINDOW } from '../weights';
import { wordSimilarityOf, wordsOf } from '../word-diff';

export interface Words {
  list: string[];
  counts: Map<string, number>;
}

export function words(text: string): Words {
  const list = wordsOf(text);
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { list, counts };
}

/** Word similarity of the quotes, with credit for a sentence split off or merged in, and whether they are alike as wholes. */
function quoteSimilarityOf(a: Words, b: Words): { q: number; whole: boolean } {
  const { symmetric, cover, shorterWords } = wordSimilarityOf(a.list, b.list);
  const contained = shorterWords >= COVER_MIN_WORDS ? COVER_WEIGHT * cover : 0;
  return { q: Math.max(symmetric, contained), whole: symmetric >= contained };
}

/** An upper bound of quoteSimilarityOf from the words both share (in any order): cheap, no diff. */
function similarityBound(a: Words, b: Words): number {
  let shared = 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  for (const [w, n] of small.counts) shared += Math.min(n, large.counts.get(w) ?? 0);
  const longer = Math.max(a.list.length, b.list.length);
  const shorter = Math.min(a.list.length, b.list.length);
  if (longer === 0) return 1;
  return Math.max(shared / longer, shorter >= COVER_MIN_WORDS ? (COVER_WEIGHT * shared) / shorter : 0);
}

/** 0..1, decaying without reaching 0: between two far candidates the nearer still wins. */
export function nearness(start: number, expected: number): number {
  return 1 / (1 + Math.abs(start - expected) / WINDOW);
}

export function weighted(q: number, context: number, near: number): number {
  return WEIGHTS.words * q + WEIGHTS.context * context + WEIGHTS.nearness * near;
}

/** An old claim, ready to be compared with many new segments. */
export interface Probe {
  old: number;
  anchor: Anchor;
  words: Words;
}

export function probe(old: number, oldText: string, start: number, end: number, quote: string): Probe {
  const anchor = anchorOf(oldText, start, end);
  anchor.quote = quote;
  return { old, anchor, words: words(quote) };
}

/** The candidate's score; 0 when the wordings are too far apart to be the same claim or one half of it. */
export function score(p: Probe, i: number, seg: Segment, segWords: Words, newText: string, expected: number): Candidate {
  const none = (q: number): Candidate => ({ old: p.old, cand: i, score: 0, q, whole: false });
  const longer = Math.max(p.anchor.quote.length, seg.text.length);
  const shorter = Math.min(p.anchor.quote.length, seg.text.length);
  if (shorter * MAX_LENGTH_RATIO < longer) return none(0);
  if (similarityBound(p.words, segWords) < MIN_QUOTE_SIMILARITY) return none(0);
  const { q, whole } = p.anchor.quote === seg.text ? { q: 1, whole: true } : quoteSimilarityOf(p.words, segWords);
  if (q < MIN_QUOTE_SIMILARITY) return none(q);
  const context = contextSimilarity(p.anchor, anchorOf(newText, seg.start, seg.end));
  return { old: p.old, cand: i, score: weighted(q, context, nearness(seg.start, expected)), q, whole };
}

export function acceptable(c: Candidate): boolean {
  return c.q >= MIN_QUOTE_SIMILARITY && c.score >= MIN_SCORE;
}
