// Revisions: re-anchoring claims on a new text, and the word diffs the UI shows.
export { anchorOf, contextSimilarity, CONTEXT_CHARS, type Anchor } from './anchor';
export {
  reanchorClaims,
  type ClaimOutcome,
  type MatchConfidence,
  type MatchMethod,
  type Outcome,
  type ReanchorOptions,
  type ReanchorReport,
  type ReanchorResult,
  type Anchorable,
} from './reanchor';
export { changedFacts, describeFacts, tokenize, wordDiff, type DiffOp, type DiffPart, type FactChange, type FactKind } from './word-diff';
