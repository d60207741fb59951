// Facts through a split and a merge, and the backend half of undoing fact changes, through
// the real store on disk: a checked fact goes with the part that holds its words (verdict,
// note and sources, offsets into its new claim); a fact the split cuts through goes with
// neither and the split's entry names it; a merge keeps both claims' facts; undoing either
// puts every fact back as it was. An undo re-marks a fact with its flag, and restores a
// removed fact with its verdict rather than afresh.
import { describe, expect, it } from 'vitest';
import { checkerBackend } from '../support/checker-backend';
import { factsOf } from '../../../src/shared/facts/fold';
import type { Article, Claim, Status } from '../../../src/shared/model';
import { restoredOf } from '../../../src/renderer/src/features/article/undo';

const TEXT = 'The bridge opened in 1932. It cost $4 million.\n\nOfficials said 1,200 cars crossed it on Monday, Mayor Celia Brandt said.';

const ana = checkerBackend('factdesk-facts-split-');

const get = async (id: string) => (await ana.backend.api['articles:get']({ id })).article;
const reopen = async (id: string) => (await (await ana.reopen()).api['articles:get']({ id })).article;
const factOf = (c: Claim, words: string) => factsOf(c).find((f) => f.text === words);
/** Each fact shown as [words, status, note], checking that its offsets point at its words. */
const shown = (c: Claim) =>
  factsOf(c).map((f) => {
    expect(c.text.slice(f.start, f.end)).toBe(f.text);
    return [f.text, f.verdict.status, f.verdict.note];
  });

async function markFacts(a: Article, claimIndex: number, marks: [string, Status, string?][]) {
  for (const [words, status, note] of marks) {
    const claim = (await get(a.id)).claims[claimIndex]!;
    await ana.backend.api['facts:mark']({ articleId: a.id, claimId: claim.id, factId: factOf(claim, words)!.id, patch: { status, ...(note ? { note } : {}) } });
  }
  return (await get(a.id)).claims[claimIndex]!;
}

describe('a split', () => {
  it('gives each checked fact to the part holding its words, verdict and note kept; undoing it puts them back', async () => {
    const { article: a } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const { source } = await ana.backend.api['sources:add']({ articleId: a.id, source: { title: 'Traffic count' } });
    let claim = await markFacts(a, 2, [
      ['1,200', 'disputed', 'The count says 1,100.'],
      ['Monday', 'verified'],
    ]);
    claim = (await ana.backend.api['facts:mark']({ articleId: a.id, claimId: claim.id, factId: factOf(claim, 'Mayor Celia Brandt')!.id, patch: { status: 'sourced', sourceIds: [source.id] } })).claim;
    const before = claim;

    const at = claim.start + claim.text.indexOf('Mayor');
    const split = (await ana.backend.api['claims:split']({ articleId: a.id, claimId: claim.id, at })).article;
    const [first, second] = [split.claims[2]!, split.claims[3]!];
    expect(shown(first)).toEqual([
      ['1,200', 'disputed', 'The count says 1,100.'],
      ['Monday', 'verified', ''],
    ]);
    expect(shown(second)).toEqual([['Mayor Celia Brandt', 'sourced', '']]);
    expect(factOf(second, 'Mayor Celia Brandt')!.verdict.sourceIds).toEqual([source.id]);
    expect(await reopen(a.id)).toEqual(split);

    // Undo: the merge restores the claim, its facts where they were.
    const { article: undone } = await ana.backend.api['claims:merge']({ articleId: a.id, claimId: first.id, nextClaimId: second.id, restore: restoredOf(before) });
    expect(undone.claims[2]!.id).toBe(before.id);
    expect(undone.claims[2]!.facts).toEqual(before.facts);
  });

  it('keeps a fact it cuts through on neither part, names it in the history, and its undo brings it back', async () => {
    const { article: a } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const marked = await markFacts(a, 2, [
      ['Mayor Celia Brandt', 'verified'],
      ['Monday', 'verified'],
    ]);
    const { claim } = await ana.backend.api['facts:remove']({ articleId: a.id, claimId: marked.id, factId: factOf(marked, '1,200')!.id });
    const at = claim.start + claim.text.indexOf('Celia');
    const split = (await ana.backend.api['claims:split']({ articleId: a.id, claimId: claim.id, at })).article;
    const [first, second] = [split.claims[2]!, split.claims[3]!];
    // Neither part holds all of “Mayor Celia Brandt”: its verdict is on no fact, only in the history.
    // The removed number stays removed on its part (the part's own extraction finds it again).
    expect(first.spans.map((s) => s.text)).toContain('1,200');
    expect(shown(first).filter(([words]) => words !== 'Mayor')).toEqual([['Monday', 'verified', '']]);
    expect(factsOf(second).every((f) => f.verdict.status === 'unchecked')).toBe(true);
    expect(second.history.at(-1)!.detail).toMatch(/; fact “Mayor Celia Brandt” \(verified\) was cut by the split$/);

    const { article: undone } = await ana.backend.api['claims:merge']({ articleId: a.id, claimId: first.id, nextClaimId: second.id, restore: restoredOf(claim) });
    expect(shown(undone.claims[2]!)).toEqual(shown(claim));
    expect(factOf(undone.claims[2]!, 'Mayor Celia Brandt')!.verdict.status).toBe('verified');
  });
});

describe('a merge', () => {
  it('keeps the facts of both claims, the second’s moved into the merged text; undoing it gives each part its own back', async () => {
    const { article: a } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const one = await markFacts(a, 0, [['1932', 'verified']]);
    const two = await markFacts(a, 1, [['$4 million', 'disputed', 'The budget says $5 million.']]);
    const merged = (await ana.backend.api['claims:merge']({ articleId: a.id, claimId: one.id, nextClaimId: two.id })).article.claims[0]!;
    expect(shown(merged)).toEqual([
      ['1932', 'verified', ''],
      ['$4 million', 'disputed', 'The budget says $5 million.'],
    ]);
    expect((await reopen(a.id)).claims[0]).toEqual(merged);

    const { article: undone } = await ana.backend.api['claims:split']({ articleId: a.id, claimId: merged.id, at: two.start, restore: [restoredOf(one), restoredOf(two)] });
    expect(undone.claims.slice(0, 2).map((c) => [c.id, c.facts])).toEqual([
      [one.id, one.facts],
      [two.id, two.facts],
    ]);
    // A split with no facts to restore (a redo) carries them the same way.
    const again = (await ana.backend.api['claims:merge']({ articleId: a.id, claimId: one.id, nextClaimId: two.id })).article.claims[0]!;
    const { article: redone } = await ana.backend.api['claims:split']({ articleId: a.id, claimId: again.id, at: two.start, restore: [{ id: one.id }, { id: two.id }] });
    expect(shown(redone.claims[1]!)).toEqual([['$4 million', 'disputed', 'The budget says $5 million.']]);
  });
});

describe('undoing fact changes', () => {
  it('facts:add with restore brings a removed fact back with its verdict, and refuses where none was removed', async () => {
    const { article: a } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const claim = await markFacts(a, 2, [['Monday', 'disputed', 'It was Sunday.']]);
    const monday = factOf(claim, 'Monday')!;
    const { claim: removed } = await ana.backend.api['facts:remove']({ articleId: a.id, claimId: claim.id, factId: monday.id });
    expect(factOf(removed, 'Monday')).toBeUndefined();

    const back = await ana.backend.api['facts:add']({ articleId: a.id, claimId: claim.id, start: monday.start, end: monday.end, restore: true });
    expect(back.factId).toBe(monday.id);
    expect(factOf(back.claim, 'Monday')!.verdict).toMatchObject({ status: 'disputed', note: 'It was Sunday.' });
    expect(back.claim.history.at(-1)).toMatchObject({ kind: 'fact', detail: 'fact “Monday” restored (disputed)' });
    const fresh = factOf(back.claim, '1,200')!;
    await expect(ana.backend.api['facts:add']({ articleId: a.id, claimId: claim.id, start: fresh.start, end: fresh.end, restore: true })).rejects.toThrow('That fact is no longer in the claim');
  });

  it('facts:mark with restoreChange puts back the “changed since checked” flag the ruling cleared', async () => {
    const { article: a } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    await markFacts(a, 2, [['1,200', 'verified']]);
    const { article: revised } = await ana.backend.api['articles:revise']({ id: a.id, text: TEXT.replace('1,200', '1,400') });
    const flagged = factOf(revised.claims[2]!, '1,400')!;
    expect(flagged.changed).toBeDefined();
    const { claim: ruled } = await ana.backend.api['facts:mark']({ articleId: a.id, claimId: revised.claims[2]!.id, factId: flagged.id, patch: { status: 'disputed', note: 'Still 1,200.' } });
    expect(factOf(ruled, '1,400')!.changed).toBeUndefined();
    const { claim: undone } = await ana.backend.api['facts:mark']({
      articleId: a.id,
      claimId: ruled.id,
      factId: flagged.id,
      patch: { status: 'verified', note: '', correction: '', sourceIds: [] },
      restoreChange: flagged.changed,
    });
    expect(factOf(undone, '1,400')).toMatchObject({ verdict: { status: 'verified', note: '' }, changed: flagged.changed });
  });
});
