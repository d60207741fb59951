// Revisions: re-anchoring claims on a new text, and the word diffs the UI shows.
export { anchorOf, contextSimilarity, CONTEXT_CHARS, type Anchor } from './anchor';
export {
  reanchorClaims,
  quoteSimilarity,
  MIN_QUOTE_SIMILARITY,
  MIN_SCORE,
  type ClaimOutcome,
  type MatchMethod,
  type Outcome,
  type ReanchorOptions,
  type ReanchorReport,
  type ReanchorResult,
} from './reanchor';
export { changedFacts, describeFacts, tokenize, wordDiff, wordSimilarity, type DiffOp, type DiffPart, type FactChange, type FactKind } from './word-diff';
