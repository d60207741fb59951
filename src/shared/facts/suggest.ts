// The claim's verdict as its facts suggest it. A suggestion is only ever shown: the
// checker confirms it with one key (Y), and it goes through claims:mark like any
// verdict, with the claim rules and history. The rules, strictest first:
//   - any disputed fact: the claim is disputed, even while other facts are unchecked
//     (one wrong fact is enough for the sentence not to stand as written);
//   - otherwise, only once every fact is settled (none unchecked):
//       all verified → verified;
//       verified and sourced, or all sourced → sourced. A claim is only as confirmed
//       as its weakest fact: one fact resting on a source alone leaves the sentence
//       resting on it too.
//   - a claim without facts, or with an unchecked fact and no dispute: no suggestion.
import type { VerdictPatch } from '../contract';
import type { Claim, Status } from '../model';
import { factsOf, type ShownFact } from './fold';

export interface Suggestion {
  status: Exclude<Status, 'unchecked'>;
  /** Why, in words, for the banner: “fact “1,200” is disputed”. */
  reason: string;
  /** What confirming it saves on the claim. */
  patch: VerdictPatch;
}

export function suggestVerdict(claim: Claim): Suggestion | null {
  const facts = factsOf(claim);
  if (facts.length === 0) return null;
  const disputed = facts.filter((f) => f.verdict.status === 'disputed');
  let status: Suggestion['status'];
  let reason: string;
  if (disputed.length > 0) {
    status = 'disputed';
    reason = `${disputed.map((f) => `“${f.text}”`).join(', ')} ${disputed.length === 1 ? 'is' : 'are'} disputed`;
  } else if (facts.some((f) => f.verdict.status === 'unchecked')) {
    return null;
  } else if (facts.every((f) => f.verdict.status === 'verified')) {
    status = 'verified';
    reason = facts.length === 1 ? 'its fact is verified' : `all ${facts.length} facts are verified`;
  } else {
    status = 'sourced';
    const sourced = facts.filter((f) => f.verdict.status === 'sourced').length;
    reason = sourced === facts.length ? `all ${facts.length} facts are sourced` : `${sourced} of ${facts.length} facts rest on a source alone`;
  }
  const patch = patchFor(claim, status, status === 'disputed' ? disputed : facts);
  // Already the claim's verdict, and nothing to add: nothing to suggest.
  const v = claim.verdict;
  if (v.status === status && patch.note === v.note && sameSet(patch.sourceIds!, v.sourceIds)) return null;
  return { status, reason, patch };
}

/**
 * The claim keeps its own note when it has one; else it gets the notes of the facts
 * that decided it, each named. Its sources become its own plus every one those facts
 * cite, so the claim rules (a note when disputed, a source when sourced) hold.
 */
function patchFor(claim: Claim, status: Suggestion['status'], deciding: readonly ShownFact[]): VerdictPatch {
  const notes = deciding.filter((f) => f.verdict.note.trim()).map((f) => `“${f.text}”: ${f.verdict.note.trim()}`);
  const note = claim.verdict.note.trim() ? claim.verdict.note : notes.join('\n');
  const sourceIds = [...new Set([...claim.verdict.sourceIds, ...deciding.flatMap((f) => f.verdict.sourceIds)])];
  return { status, note, sourceIds };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
