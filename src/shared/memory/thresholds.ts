// The claim memory's named numbers, in one place. The two similarity thresholds
// were chosen on the labelled pairs in tests/fixtures/memory/pairs.json (so the
// figures the bench reports on that set are optimistic); the unit tests hold
// the precision floor for "same claim" and the short-claim rule.

/** Claims with fewer words are never matched (Meedan Check ignores claims under 8 words). */
export const MIN_WORDS = 8;

/** Shown prominently: the same claim, perhaps with another figure or name (called out). */
export const SAME_CLAIM = 0.7;

/** Shown quietly: possibly the same claim. */
export const POSSIBLY_SAME = 0.45;

/** Candidates taken from the BM25 index before the wording decides. */
export const CANDIDATES = 60;

/** Matches listed at most. */
export const MAX_MATCHES = 8;
