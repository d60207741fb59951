// Ctrl+Z for a change to one fact of a claim, as pure functions: the entry a change
// files, whether the fact is still as that change left it, and the step in words. A
// fact is named by its claim and the place of its words, never by its id: the first
// verdict on an extracted fact stores it under a new id, and a removed fact is shown
// nowhere to look its id up.
import type { VerdictPatch } from '../../../../shared/contract';
import { factsOf, storedFacts } from '../../../../shared/facts/fold';
import type { Claim, Fact } from '../../../../shared/model';
import { quoteShort } from '../../../../shared/verdicts';
import { patchHolds, verdictPatch } from './undo';

/** Where a fact is in its claim's text: how the desk names a fact. */
export interface FactPlace {
  start: number;
  end: number;
}

/** A fact's verdict as an undo or redo sets it, and the “changed since checked” flag to put back. */
export interface FactMark {
  patch: VerdictPatch;
  restoreChange?: Fact['changed'];
}

/**
 * - `mark`: undone by marking the fact with the whole verdict it had, and its flag;
 * - `add`: undone by removing the fact;
 * - `remove`: undone by restoring it with its verdict (facts:add `restore`), not afresh.
 * Redone by the change itself.
 */
export type FactStep =
  | { kind: 'fact'; claimId: string; place: FactPlace; text: string; done: 'mark'; before: FactMark; after: FactMark }
  | { kind: 'fact'; claimId: string; place: FactPlace; text: string; done: 'add' | 'remove' };

/** The entry for a verdict `sent` on `fact` (as it was before). */
export function markStep(claimId: string, fact: Fact, sent: VerdictPatch): FactStep {
  const before: FactMark = { patch: verdictPatch(fact.verdict), ...(fact.changed ? { restoreChange: fact.changed } : {}) };
  return { kind: 'fact', claimId, place: placeOf(fact), text: fact.text, done: 'mark', before, after: { patch: sent } };
}

export function addOrRemoveStep(claimId: string, fact: Fact, done: 'add' | 'remove'): FactStep {
  return { kind: 'fact', claimId, place: placeOf(fact), text: fact.text, done };
}

/**
 * Whether the claim still shows what the step left (undo) or what it found (redo): else
 * another window changed the fact since, and taking the step back would overwrite that.
 */
export function factStepHolds(step: FactStep, direction: 'undo' | 'redo', claims: readonly Claim[]): boolean {
  const claim = claims.find((c) => c.id === step.claimId);
  if (!claim) return false;
  const at = (f: Fact) => f.start === step.place.start && f.end === step.place.end;
  const shown = factsOf(claim).find(at);
  if (step.done === 'mark') return shown !== undefined && patchHolds(direction === 'undo' ? step.after.patch : step.before.patch, shown.verdict);
  const shouldShow = (step.done === 'add') === (direction === 'undo');
  if (shouldShow) return shown !== undefined;
  // Undoing a removal needs the removed record (its verdict) still there; redoing an addition needs only free words.
  return shown === undefined && (step.done === 'add' || storedFacts(claim).some((f) => f.removed && at(f)));
}

const FIELD_WORDS = { note: 'note', correction: 'correction', sourceIds: 'sources' } as const;

/** “fact “$38 million” of claim 2 back to unchecked” (undone), “… marked disputed” (redone), “the note of fact …”. */
export function describeFactStep(step: FactStep, direction: 'undo' | 'redo', claims: readonly Claim[]): string {
  const fact = `fact “${quoteShort(step.text, 40)}” of claim ${claims.findIndex((c) => c.id === step.claimId) + 1}`;
  if (step.done !== 'mark') return `${fact} ${step.done === 'add' ? 'added' : 'removed'}`;
  const { before, after } = step;
  if (after.patch.status !== undefined && after.patch.status !== before.patch.status) {
    return direction === 'undo' ? `${fact} back to ${before.patch.status}` : `${fact} marked ${after.patch.status}`;
  }
  const fields = (Object.keys(FIELD_WORDS) as (keyof typeof FIELD_WORDS)[]).filter((f) => after.patch[f] !== undefined).map((f) => FIELD_WORDS[f]);
  return `the ${fields.length > 0 ? fields.join(' and ') : 'verdict'} of ${fact}`;
}

function placeOf(fact: Fact): FactPlace {
  return { start: fact.start, end: fact.end };
}
