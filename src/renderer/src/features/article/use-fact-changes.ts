// Changes to the facts inside a claim (features/facts), each sent through the article's
// session like any change and filed for Ctrl+Z as a fact step (fact-undo.ts); and the
// replay of such a step, which the desk's undo and redo call.
import { useCallback } from 'react';
import type { VerdictPatch } from '../../../../shared/contract';
import { UserError } from '../../../../shared/errors';
import { factsOf, storedFacts } from '../../../../shared/facts/fold';
import type { Claim } from '../../../../shared/model';
import { api } from '../../api/client';
import type { ArticleSession } from './article-session';
import { addOrRemoveStep, markStep, type FactPlace, type FactStep } from './fact-undo';
import { pushEntry } from './undo';
import type { SaveOptions } from './use-article';

export function useFactChanges({ run, send, current, replaceClaims, setStacks }: ArticleSession) {
  /**
   * Sends one change to a claim's facts and puts the claim it answers with in place; not
   * queued (callers run it in turn, an undo too). A fact is named by its place in the
   * claim, its id looked up when the change is sent: the first verdict on a fact gives it
   * a new id, and a change queued behind it must use that. `place` null: words, no fact.
   */
  const factNow = useCallback(
    async <T extends { claim: Claim; version: number }>(claimId: string, place: FactPlace | null, call: (articleId: string, version: number, factId: string) => Promise<T>, basedOn?: number) => {
      const from = current();
      const claim = from.claims.find((c) => c.id === claimId);
      const fact = claim && place ? factsOf(claim).find((f) => f.start === place.start && f.end === place.end) : undefined;
      if (!claim || (place && !fact)) throw new UserError('That fact is no longer in the claim: it was removed or the claim changed, perhaps in another window.', 'not-found');
      const result = await send((version) => call(from.id, version, fact?.id ?? ''), basedOn);
      replaceClaims(from, [result.claim], result.version);
      return { result, before: claim, fact };
    },
    [send, current, replaceClaims],
  );

  // Each fact change files its way back, as a claim's verdict does: Ctrl+Z must take back this change, not the one before it.
  const markFact = useCallback(
    (claimId: string, place: FactPlace, patch: VerdictPatch, options: SaveOptions = {}) =>
      run(async () => {
        const { result, before, fact } = await factNow(claimId, place, (articleId, version, factId) => api['facts:mark']({ articleId, claimId, factId, patch, version }), options.basedOn);
        // A save that changed nothing (the same status again) is nothing to undo.
        if (fact && result.claim.history.length !== before.history.length) setStacks((s) => pushEntry(s, markStep(claimId, fact, patch), 'new'));
        return result;
      }),
    [run, factNow, setStacks],
  );
  const addFact = useCallback(
    (claimId: string, start: number, end: number) =>
      run(async () => {
        const { result } = await factNow(claimId, null, (articleId, version) => api['facts:add']({ articleId, claimId, start, end, version }));
        const added = storedFacts(result.claim).find((f) => f.id === result.factId);
        if (added) setStacks((s) => pushEntry(s, addOrRemoveStep(claimId, added, 'add'), 'new'));
        return result.factId;
      }),
    [run, factNow, setStacks],
  );
  const removeFact = useCallback(
    (claimId: string, place: FactPlace) =>
      run(async () => {
        const { fact } = await factNow(claimId, place, (articleId, version, factId) => api['facts:remove']({ articleId, claimId, factId, version }));
        if (fact) setStacks((s) => pushEntry(s, addOrRemoveStep(claimId, fact, 'remove'), 'new'));
      }),
    [run, factNow, setStacks],
  );

  /** Takes a fact step back (or does it again) through the same operations a checker's change uses. */
  const replayFact = useCallback(
    async (step: FactStep, direction: 'undo' | 'redo') => {
      const { claimId, place } = step;
      const { start, end } = place;
      if (step.done === 'mark') {
        const { patch, restoreChange } = direction === 'undo' ? step.before : step.after;
        await factNow(claimId, place, (articleId, version, factId) => api['facts:mark']({ articleId, claimId, factId, patch, version, ...(restoreChange ? { restoreChange } : {}) }));
      } else if ((step.done === 'add') === (direction === 'undo')) {
        await factNow(claimId, place, (articleId, version, factId) => api['facts:remove']({ articleId, claimId, factId, version }));
      } else {
        // A removal undone brings the fact back with its verdict; an addition redone starts it afresh, as it was.
        const restore = step.done === 'remove';
        await factNow(claimId, null, (articleId, version) => api['facts:add']({ articleId, claimId, start, end, version, ...(restore ? { restore } : {}) }));
      }
    },
    [factNow],
  );

  return { markFact, addFact, removeFact, replayFact };
}
