// Revisions: re-anchoring claims on a new text, and the word diffs the UI shows.
// Only what is used outside this folder; the passes and their helpers stay inside.
export { anchorOf } from './anchor';
export { reanchorClaims } from './reanchor';
export type { MatchConfidence, Outcome } from './types';
export { changedFacts, wordDiff, type FactChange } from './word-diff';
