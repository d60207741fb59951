// Ctrl+Z for facts, as pure functions: the entry a fact change files (the whole verdict it
// replaced, with its flag), whether an undo would overwrite a change made in another window
// since, the words of the notice, and an entry following its claim through a new id.
import { describe, expect, it } from 'vitest';
import { describeSegment } from '../../../src/shared/extract';
import { addFact, markFact, removeFact } from '../../../src/shared/facts/edit';
import { factsOf } from '../../../src/shared/facts/fold';
import { UNCHECKED, type Claim } from '../../../src/shared/model';
import { addOrRemoveStep, describeFactStep, factStepHolds, markStep } from '../../../src/renderer/src/features/article/fact-undo';
import { claimOf, pushEntry, renameIds, restoredOf, NO_STACKS } from '../../../src/renderer/src/features/article/undo';

const TEXT = 'Harbor Town\n\nThe council voted 5-2 on Wednesday to spend $38 million, Mayor Celia Brandt said.';
const AT = '2026-03-01T10:00:00.000Z';
const ids = (() => {
  let n = 0;
  return () => `f${n++}`;
})();

function claims(): Claim[] {
  const start = TEXT.indexOf('The council');
  const headline: Claim = { ...describeSegment(TEXT, 0, 11, 'headline'), id: 'h', verdict: { ...UNCHECKED }, history: [] };
  return [headline, { ...describeSegment(TEXT, start, TEXT.length, 'body'), id: 'c', verdict: { ...UNCHECKED }, history: [] }];
}
const fact = (c: Claim, words: string) => factsOf(c).find((f) => f.text === words)!;
const withClaim = (c: Claim) => [claims()[0]!, c];

describe('a fact verdict undone', () => {
  const before = claims()[1]!;
  const sent = { status: 'disputed' as const, note: 'The budget says $36 million.' };
  const step = markStep('c', fact(before, '$38 million'), sent);
  const after = markFact(before, fact(before, '$38 million').id, sent, 'Ana', AT, ids).claim;

  it('goes back to the whole verdict the fact had, and says so naming the fact and the claim', () => {
    expect(step).toMatchObject({ kind: 'fact', claimId: 'c', text: '$38 million', done: 'mark', before: { patch: { status: 'unchecked', note: '', correction: '', sourceIds: [] } }, after: { patch: sent } });
    expect(describeFactStep(step, 'undo', withClaim(after))).toBe('fact “$38 million” of claim 2 back to unchecked');
    expect(describeFactStep(step, 'redo', withClaim(after))).toBe('fact “$38 million” of claim 2 marked disputed');
    const noteOnly = markStep('c', fact(after, '$38 million'), { note: 'The 2026 budget says $36 million.' });
    expect(describeFactStep(noteOnly, 'undo', withClaim(after))).toBe('the note of fact “$38 million” of claim 2');
    expect(claimOf(step, 'undo')).toBe('c');
  });

  it('is refused when another window changed the fact since, so nothing of theirs is overwritten', () => {
    expect(factStepHolds(step, 'undo', withClaim(after))).toBe(true);
    const elsewhere = markFact(after, fact(after, '$38 million').id, { status: 'verified', note: '' }, 'Ben', AT, ids).claim;
    expect(factStepHolds(step, 'undo', withClaim(elsewhere))).toBe(false);
    // A redo needs the fact as the undo left it.
    expect(factStepHolds(step, 'redo', withClaim(before))).toBe(true);
    expect(factStepHolds(step, 'redo', withClaim(after))).toBe(false);
  });

  it('keeps a “changed since checked” flag to put back', () => {
    const flagged = { ...fact(after, '$38 million'), changed: { previousText: '$36 million', revisionId: 'r2', at: AT } };
    expect(markStep('c', flagged, { status: 'verified' })).toMatchObject({ before: { restoreChange: flagged.changed } });
  });
});

describe('an added or removed fact undone', () => {
  it('an addition: undone while the fact is shown, redone while its words are free', () => {
    const before = claims()[1]!;
    const start = before.text.indexOf('spend');
    const after = addFact(before, start, start + 'spend'.length, 'Ana', AT, 'w1');
    const step = addOrRemoveStep('c', fact(after, 'spend'), 'add');
    expect(step.place).toEqual({ start, end: start + 5 });
    expect(describeFactStep(step, 'undo', withClaim(after))).toBe('fact “spend” of claim 2 added');
    expect(factStepHolds(step, 'undo', withClaim(after))).toBe(true);
    expect(factStepHolds(step, 'undo', withClaim(before))).toBe(false);
    expect(factStepHolds(step, 'redo', withClaim(before))).toBe(true);
  });

  it('a removal: undone only while its record (and verdict) is there to bring back', () => {
    const marked = markFact(claims()[1]!, fact(claims()[1]!, 'Wednesday').id, { status: 'verified' }, 'Ana', AT, ids).claim;
    const wednesday = fact(marked, 'Wednesday');
    const removed = removeFact(marked, wednesday.id, 'Ana', AT, ids);
    const step = addOrRemoveStep('c', wednesday, 'remove');
    expect(factStepHolds(step, 'undo', withClaim(removed))).toBe(true);
    // Another window chose words over it: the removed record is gone, and so is the way back.
    const replaced = addFact(removed, wednesday.start - 3, wednesday.end, 'Ben', AT, 'w2');
    expect(factStepHolds(step, 'undo', withClaim(replaced))).toBe(false);
    expect(factStepHolds(step, 'redo', withClaim(marked))).toBe(true);
  });
});

describe('fact entries on the stacks', () => {
  it('are the last change Ctrl+Z finds, and follow their claim when a split or merge undo gave it a new id', () => {
    const c = claims()[1]!;
    const split = { kind: 'split' as const, original: restoredOf(c), at: 40, halves: ['c1', 'c2'] as [string, string] };
    const step = markStep('c1', fact(c, '5-2'), { status: 'verified' });
    const stacks = pushEntry(pushEntry(NO_STACKS, split, 'new'), step, 'new');
    expect(stacks.undo.at(-1)).toBe(step);
    expect(renameIds(stacks, 'c1', 'c9').undo.at(-1)).toMatchObject({ kind: 'fact', claimId: 'c9' });
    // A split's way back holds the claim's facts, so undoing it puts them back as they were.
    const marked = markFact(c, fact(c, '5-2').id, { status: 'verified' }, 'Ana', AT, ids).claim;
    expect(restoredOf(marked).facts).toEqual([expect.objectContaining({ text: '5-2', verdict: expect.objectContaining({ status: 'verified' }) })]);
  });
});
