// Re-anchoring: carries an article's claims and set-aside segments (with their
// verdicts) over to a new revision of its text. Pure and process-free: the
// handler loads, calls this, saves.
//
// A short orchestrator over a list of passes, simple to complex, as web
// annotators anchor (Hypothesis's anchor(): range, position, quote). Each pass
// is its own module and fills what the ones before it left in one explicit
// Assignment (assignment.ts); the result is built from it (build-result.ts):
//   1. exact position: the same words at the same offsets;
//   2. exact quote: the same words elsewhere, repeated wordings by their context;
//   3. approximate: alike words near where the claim should be, scored (weights.ts).
// Matches land on the new text's extracted segments, so offsets are exactly the
// extractor's (an exact match of a span the checker split or merged keeps the
// checker's span). One new segment receives at most one old record: candidates
// are assigned best score first.
//   - Split (one sentence became two): the half that matches best keeps the
//     verdict and is flagged changed; the other half arrives as a new claim.
//   - Merge (two sentences became one): the better-matching old claim keeps its
//     verdict and the merged claim is flagged changed; the other becomes an
//     orphan with its verdict and notes, its history saying which new claim now
//     holds its words. Verdicts are never combined automatically.
//   - Lookalike (a weak match, or one that something else matched nearly as
//     well): a checked claim is flagged "moved: please confirm" (confidence.ts),
//     never silently accepted.
import { extractSegments } from '../extract';
import { createAssignment, type Assignment } from './assignment';
import { buildResult } from './build-result';
import { approximate } from './passes/approximate';
import { exactPosition } from './passes/exact-position';
import { exactQuote } from './passes/exact-quote';
import type { Anchorable, ReanchorOptions, ReanchorResult } from './types';

/** The passes, cheapest and surest first. */
const PASSES: readonly ((a: Assignment) => void)[] = [exactPosition, exactQuote, approximate];

export function reanchorClaims(
  oldText: string,
  oldClaims: readonly Anchorable[],
  newText: string,
  newRevisionId: string,
  at: string,
  by: string,
  options: ReanchorOptions,
): ReanchorResult {
  const assignment = createAssignment(oldText, oldClaims, newText, extractSegments(newText, options.structure ?? []));
  for (const pass of PASSES) pass(assignment);
  return buildResult(assignment, { newRevisionId, at, by, options });
}
