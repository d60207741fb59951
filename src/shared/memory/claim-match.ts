// Whether a claim checked before is the claim under review: the pure decision
// behind "seen before". The similarity respects wording: word shingles (single
// words, which forgive a reordered sentence, and pairs of neighbouring words,
// which reward the same phrasing) compared by Jaccard over the claims' wording
// terms (tokens.ts: stop words out, every figure one placeholder, so the same
// sentence with another figure reads the same). Short claims never match.
// Above SAME_CLAIM the wording is the same but for figures and names, which are
// called out; a claim that swaps an ordinary word for another ("without power" /
// "without water") says something else, so it is at most "possibly the same".
import { factDifferences, type FactDifference } from './fact-callouts';
import { MIN_WORDS, POSSIBLY_SAME, SAME_CLAIM } from './thresholds';
import { FIGURE, normalizeWord, rawWords, wordCount, wordingTerms } from './tokens';

/** The weight of single words against pairs of neighbouring words. */
export const WORD_WEIGHT = 0.7;

export type MatchLevel = 'same' | 'possibly';

/** A claim's wording, prepared once (the draft's claim is compared with every candidate). */
export interface PreparedClaim {
  text: string;
  words: number;
  terms: ReadonlySet<string>;
  pairs: ReadonlySet<string>;
  /** Terms written with a capital inside the sentence: names, whose change is called out. */
  names: ReadonlySet<string>;
}

export function prepareClaim(text: string): PreparedClaim {
  const list = wordingTerms(text);
  const pairs = new Set<string>();
  for (let i = 1; i < list.length; i++) pairs.add(`${list[i - 1]} ${list[i]}`);
  const names = new Set<string>();
  for (const word of rawWords(text).slice(1)) if (/^\p{Lu}/u.test(word)) names.add(normalizeWord(word.toLowerCase()));
  return { text, words: wordCount(text), terms: new Set(list), pairs, names };
}

/** |A ∩ B| / |A ∪ B|; two empty sets are alike. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** 0..1: how alike two claims are in wording, figures aside. */
export function similarity(a: PreparedClaim, b: PreparedClaim): number {
  return WORD_WEIGHT * jaccard(a.terms, b.terms) + (1 - WORD_WEIGHT) * jaccard(a.pairs, b.pairs);
}

export interface ClaimComparison {
  similarity: number;
  level: MatchLevel | null;
  differences: FactDifference[];
}

export function compareClaims(earlier: PreparedClaim, draft: PreparedClaim): ClaimComparison {
  if (earlier.words < MIN_WORDS || draft.words < MIN_WORDS) return { similarity: 0, level: null, differences: [] };
  const score = similarity(earlier, draft);
  const level: MatchLevel | null = score < POSSIBLY_SAME ? null : score >= SAME_CLAIM && !swapsAWord(earlier, draft) ? 'same' : 'possibly';
  return { similarity: score, level, differences: level ? factDifferences(earlier.text, draft.text) : [] };
}

/** Whether each claim has an ordinary word (no figure, no name) the other lacks. */
function swapsAWord(a: PreparedClaim, b: PreparedClaim): boolean {
  const own = (x: PreparedClaim, y: PreparedClaim) => [...x.terms].some((t) => t !== FIGURE && !y.terms.has(t) && !x.names.has(t));
  return own(a, b) && own(b, a);
}
