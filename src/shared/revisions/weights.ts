// Every weight and threshold of re-anchoring, in one place. Scores are 0..1.
//
// A candidate (an old claim and a new sentence) scores
//   WEIGHTS.words·(word similarity) + WEIGHTS.context·(context similarity) + WEIGHTS.nearness·(nearness)
// where word similarity compares the two wordings word by word (with credit for a
// sentence split off or merged in: COVER_WEIGHT), context similarity compares the
// CONTEXT_CHARS before and after each (anchor.ts), and nearness is
// 1 / (1 + distance / WINDOW) from where the claim should be (it decays without
// reaching 0, so that between two far candidates the nearer still wins).

export const WEIGHTS = {
  /** The claim's own words: what a claim is. */
  words: 0.7,
  /** The 32 characters on either side: which of two lookalikes is the claim. */
  context: 0.15,
  /** How close to where the in-order neighbours say it should be. */
  nearness: 0.15,
} as const;

/** Below this word similarity there is no match at all, whatever the context. */
export const MIN_QUOTE_SIMILARITY = 0.4;
/** Below this score there is no match: the claim becomes an orphan. */
export const MIN_SCORE = 0.55;

/**
 * An approximate match scoring at least MIN_SCORE but below SURE_SCORE is
 * accepted but flagged "moved: please confirm" (a weak match). Measured on the
 * revision scenarios: typo, number and name fixes score 0.90–0.96, a sentence split
 * in place 0.68, two merged in place 0.70; what scores below is barely the claim.
 */
export const SURE_SCORE = 0.65;
/**
 * A match is ambiguous (flagged "moved: please confirm") when another candidate
 * scored within this margin of it and went to no one else: another new sentence
 * nobody received, or another old claim that found nothing. Lookalikes (twin
 * sentences differing in a number, a repeated "He declined to comment.") land here.
 */
export const AMBIGUITY_MARGIN = 0.05;
/**
 * A wording of fewer words than this proves little on its own ("He declined to
 * comment."): found out of order, in surroundings less alike than CONTEXT_SURE,
 * it is flagged "moved: please confirm" even when found word for word.
 */
export const DISTINCTIVE_WORDS = 6;
export const CONTEXT_SURE = 0.5;

/** A split or merge scores at most this much of its containment (the shorter side's words found in the longer). */
export const COVER_WEIGHT = 0.7;
/** …and only when the shorter side has at least this many words. */
export const COVER_MIN_WORDS = 5;
/** Far apart in length (one more than this many times the other): not the same sentence, nor one half of it. */
export const MAX_LENGTH_RATIO = 5;

/** How far (characters) from the expected position a pass looks for candidates. */
export const WINDOW = 2_000;
/** The head and tail of a wording (characters) by which a moved, edited sentence is still found; bitap's pattern limit. */
export const HEAD = 32;
/** How far from the expected position match_main searches… */
export const GAP_REACH = 4 * WINDOW;
/** …how many characters it may scan in all, so a revision that rewrote a long stretch stays fast… */
export const BITAP_BUDGET = 4_000_000;
/** …and how exact its fuzzy match must be (diff-match-patch's Match_Threshold: 0 exact, 1 anything). */
export const MATCH_THRESHOLD = 0.35;
