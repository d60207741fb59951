// Sources, structural edits, facts, revisions and the article's details made on one
// machine, replayed on the others through a real desk server on loopback: the same ids,
// the same text, the same citations, the same title; an edit that crossed a change it
// had not seen is said on both sides.
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../../src/shared/facts/fold';
import type { Article } from '../../../src/shared/model';
import { addArticle, joinAs } from './support/checker';
import { deskSuite } from './support/desk-suite';

const suite = deskSuite();

async function pair() {
  const [ann, bob] = await Promise.all([joinAs('ann', suite.server.url), joinAs('bob', suite.server.url)]);
  suite.machines.push(ann, bob);
  const { articleId, claimIds } = await addArticle(ann);
  await ann.sync();
  await bob.sync();
  return { ann, bob, articleId, claimIds };
}

/** What every replica must agree on: the words, the segmentation, the sources, each claim's verdict and facts. */
function shape(article: Article) {
  const claim = (c: Article['claims'][number]) => ({ id: c.id, text: c.text, status: c.verdict.status, sources: c.verdict.sourceIds, facts: (c.facts ?? []).map((f) => [f.id, f.verdict.status, f.removed ?? false]) });
  return { text: article.text, revisions: article.revisions.map((r) => r.id), claims: article.claims.map(claim), setAside: article.setAside.map((s) => [s.id, s.setAside]), sources: article.sources };
}

describe('edits replayed on the other machines', () => {
  it('sends a source with the verdict that cites it, and its later edit and removal', async () => {
    const { ann, bob, articleId, claimIds } = await pair();
    const marked = await ann.backend.api['claims:mark']({ articleId, claimId: claimIds[3]!, patch: { status: 'sourced' }, newSource: { kind: 'document', title: 'Council budget, p. 4' } });
    const sourceId = marked.claim.verdict.sourceIds[0]!;
    await ann.sync();
    await bob.sync();
    const seen = await bob.store.get(articleId);
    expect(seen.sources.map((s) => s.title)).toEqual(['Council budget, p. 4']);
    expect(seen.claims.find((c) => c.id === claimIds[3])!.verdict).toMatchObject({ status: 'sourced', sourceIds: [sourceId], checker: 'ann' });

    await bob.backend.api['sources:update']({ articleId, sourceId, source: { kind: 'document', title: 'Council budget 2026, p. 4' } });
    await bob.sync();
    await ann.sync();
    expect((await ann.store.get(articleId)).sources[0]!.title).toBe('Council budget 2026, p. 4');

    await ann.backend.api['sources:remove']({ articleId, sourceId });
    await ann.sync();
    await bob.sync();
    const after = await bob.store.get(articleId);
    expect(after.sources).toEqual([]);
    // It rested on that source alone: unchecked again on both sides, with the removal in its history.
    expect(after.claims.find((c) => c.id === claimIds[3])!.verdict.status).toBe('unchecked');
    expect(shape(after)).toEqual(shape(await ann.store.get(articleId)));
  });

  it('replays split, merge, set-aside, promote and facts with the same ids, so verdicts on new claims travel back', async () => {
    const { ann, bob, articleId, claimIds } = await pair();
    const target = (await ann.store.get(articleId)).claims.find((c) => c.id === claimIds[3])!;
    const split = await ann.backend.api['claims:split']({ articleId, claimId: target.id, at: target.text.indexOf(' calls') + target.start });
    const halves = split.article.claims.filter((c) => !claimIds.includes(c.id)).map((c) => c.id);
    await ann.backend.api['claims:setAside']({ articleId, claimId: claimIds[1]! });
    const added = await ann.backend.api['facts:add']({ articleId, claimId: claimIds[2]!, start: 4, end: 11 });
    await ann.backend.api['facts:mark']({ articleId, claimId: claimIds[2]!, factId: added.factId, patch: { status: 'verified' } });
    await ann.sync();
    await bob.sync();
    expect(shape(await bob.store.get(articleId))).toEqual(shape(await ann.store.get(articleId)));

    // Bob works on what ann made: a verdict on a half, then the halves merged back and the byline promoted.
    await bob.backend.api['claims:mark']({ articleId, claimId: halves[1]!, patch: { status: 'disputed', note: 'It is 1.4 miles.' } });
    await bob.backend.api['claims:merge']({ articleId, claimId: halves[0]!, nextClaimId: halves[1]! });
    await bob.backend.api['claims:promote']({ articleId, segmentId: claimIds[1]! });
    await bob.sync();
    await ann.sync();
    const annSide = await ann.store.get(articleId);
    expect(shape(annSide)).toEqual(shape(await bob.store.get(articleId)));
    expect(annSide.claims.map((c) => c.id)).toContain(claimIds[1]);
    expect(annSide.claims.find((c) => c.text.includes('calls for'))!.history.some((h) => h.kind === 'merge' && h.by === 'bob')).toBe(true);
    expect(await ann.desk.notices.list(articleId)).toEqual([]);
    // A member who joins later builds the same article from the first snapshot and the replayed edits.
    const cat = await joinAs('cat', suite.server.url);
    suite.machines.push(cat);
    await cat.sync();
    expect(shape(await cat.store.get(articleId))).toEqual(shape(annSide));
  });

  it('gives a notice, not a loss, when an edit cannot apply because this side changed the same claim', async () => {
    const { ann, bob, articleId, claimIds } = await pair();
    const target = (await ann.store.get(articleId)).claims.find((c) => c.id === claimIds[3])!;
    await bob.backend.api['claims:setAside']({ articleId, claimId: target.id });
    await ann.backend.api['claims:split']({ articleId, claimId: target.id, at: target.text.indexOf(' calls') + target.start });
    await bob.sync();
    await ann.sync();
    await bob.sync();
    const [notice] = await bob.desk.notices.list(articleId);
    expect(notice).toMatchObject({ by: 'ann' });
    expect(notice!.text).toMatch(/ann’s split of “The \$38 million plan.*could not be applied here/);
  });

  it('carries a revision with its re-anchoring: the same claims, the verdicts kept, a changed claim flagged', async () => {
    const { ann, bob, articleId, claimIds } = await pair();
    await bob.backend.api['claims:mark']({ articleId, claimId: claimIds[2]!, patch: { status: 'verified', note: 'Minutes of the meeting.' } });
    await bob.sync();
    await ann.sync();
    const text = (await ann.store.get(articleId)).text.replace('5-2', '6-1');
    await ann.backend.api['articles:revise']({ id: articleId, text });
    await ann.sync();
    await bob.sync();
    const seen = await bob.store.get(articleId);
    expect(seen.text).toBe(text);
    expect(shape(seen)).toEqual(shape(await ann.store.get(articleId)));
    const revised = seen.claims.find((c) => c.text.includes('6-1'))!;
    expect(revised.verdict).toMatchObject({ status: 'verified', checker: 'bob' });
    expect(revised.changed?.previousText).toContain('5-2');
  });

  it('says on both sides when a split crossed a verdict its author had not seen, and loses neither', async () => {
    const { ann, bob, articleId, claimIds } = await pair();
    const target = (await ann.store.get(articleId)).claims.find((c) => c.id === claimIds[3])!;
    // Offline, both at once: bob rules on the claim, ann splits it.
    await bob.backend.api['claims:mark']({ articleId, claimId: target.id, patch: { status: 'verified' } });
    await ann.backend.api['claims:split']({ articleId, claimId: target.id, at: target.text.indexOf(' calls') + target.start });
    await ann.sync();
    await bob.sync();
    await ann.sync();
    for (const side of [ann, bob]) {
      const [notice, ...more] = await side.desk.notices.list(articleId);
      expect(more).toEqual([]);
      expect(notice!.text).toMatch(/bob’s verdict \(verified\)/);
      expect(notice!.text).toMatch(/split/);
    }
    // Bob's verdict stays on record in the history of the claim he sees now.
    const bobSide = await bob.store.get(articleId);
    expect(bobSide.claims.some((c) => c.history.some((h) => h.detail?.startsWith('desk notice: ')))).toBe(true);
    expect(shape(bobSide)).toEqual(shape(await ann.store.get(articleId)));
  });

  it('sends a rename and a details edit; two renames made offline settle on the later one, said on both sides', async () => {
    const { ann, bob, articleId } = await pair();
    await ann.backend.api['articles:rename']({ id: articleId, title: 'Harbor Town Raises Its Seawall' });
    await ann.backend.api['articles:updateMeta']({ id: articleId, meta: { author: 'Nadia Ferreira', publication: 'Harbor Gazette' } });
    await ann.sync();
    await bob.sync();
    const seen = await bob.store.get(articleId);
    expect([seen.title, seen.author, seen.publication]).toEqual(['Harbor Town Raises Its Seawall', 'Nadia Ferreira', 'Harbor Gazette']);
    expect((await bob.backend.api['library:list']({})).articles.find((a) => a.id === articleId)?.title).toBe('Harbor Town Raises Its Seawall');

    // Offline on both sides: two titles for one article, the later by bob; the author changed on one side only.
    await ann.backend.api['articles:rename']({ id: articleId, title: 'Seawall to Rise 1.2 Miles' });
    await new Promise((done) => setTimeout(done, 5));
    await bob.backend.api['articles:rename']({ id: articleId, title: 'Council Backs $38 Million Seawall' });
    await ann.backend.api['articles:updateMeta']({ id: articleId, meta: { author: 'Nadia Ferreira and Jo Park' } });
    await ann.sync();
    await bob.sync();
    await ann.sync();
    for (const machine of [ann, bob]) {
      const article = await machine.store.get(articleId);
      expect([article.title, article.author]).toEqual(['Council Backs $38 Million Seawall', 'Nadia Ferreira and Jo Park']);
      expect((await machine.desk.notices.list(articleId)).map((n) => n.text)).toEqual([
        'ann changed the title to “Seawall to Rise 1.2 Miles” and bob to “Council Backs $38 Million Seawall” without seeing each other’s change; “Council Backs $38 Million Seawall”, the later, is kept.',
      ]);
    }
  });

  it('an undone split travels with the facts it restores, even one the split point had cut through', async () => {
    const { ann, bob, articleId, claimIds } = await pair();
    const plan = (await ann.store.get(articleId)).claims.find((c) => c.id === claimIds[3])!;
    const facts = (await ann.backend.api['facts:mark']({ articleId, claimId: plan.id, factId: factsOf(plan).find((f) => f.text === '$38 million')!.id, patch: { status: 'verified', note: 'Budget, p. 4' } })).claim;
    // Split between "$38" and "million": the fact goes with neither half; undoing the split brings it back.
    const split = await ann.backend.api['claims:split']({ articleId, claimId: plan.id, at: plan.start + plan.text.indexOf('million') });
    const [h1, h2] = split.article.claims.filter((c) => !claimIds.includes(c.id)).map((c) => c.id);
    await ann.backend.api['claims:merge']({ articleId, claimId: h1!, nextClaimId: h2!, restore: { id: plan.id, facts: facts.facts ?? [] } });
    const restored = (await ann.store.get(articleId)).claims.find((c) => c.id === plan.id)!;
    expect(factsOf(restored).find((f) => f.text === '$38 million')?.verdict).toMatchObject({ status: 'verified', note: 'Budget, p. 4' });
    await ann.sync();
    await bob.sync();
    const there = (await bob.store.get(articleId)).claims.find((c) => c.id === plan.id)!;
    expect(factsOf(there).map((f) => [f.text, f.verdict.status, f.verdict.note])).toEqual(factsOf(restored).map((f) => [f.text, f.verdict.status, f.verdict.note]));
    expect(shape(await bob.store.get(articleId))).toEqual(shape(await ann.store.get(articleId)));
  });
});
