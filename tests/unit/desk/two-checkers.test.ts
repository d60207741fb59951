// Two checkers and an editor on one article through a real desk server on loopback.
import { describe, expect, it } from 'vitest';
import { addArticle, joinAs, verdictOn } from './support/checker';
import { deskSuite } from './support/desk-suite';

const suite = deskSuite();

async function desk() {
  const [ann, bob, eve] = await Promise.all([joinAs('ann', suite.server.url), joinAs('bob', suite.server.url), joinAs('eve', suite.server.url)]);
  suite.machines.push(ann, bob, eve);
  const { articleId, claimIds } = await addArticle(ann);
  await ann.sync();
  await Promise.all([bob.sync(), eve.sync()]);
  return { ann, bob, eve, articleId, claimIds };
}

describe('a shared desk', () => {
  it('sends an article and a verdict from one checker to another within 2 s', async () => {
    const { ann, bob, articleId, claimIds } = await desk();
    expect((await bob.store.get(articleId)).text).toBe((await ann.store.get(articleId)).text);
    const claimId = claimIds[2]!;
    const started = performance.now();
    await ann.backend.api['claims:mark']({ articleId, claimId, patch: { status: 'disputed', note: 'The vote was 4-3.' } });
    await ann.sync();
    await bob.sync();
    const elapsed = performance.now() - started;
    const seen = await verdictOn(bob, articleId, claimId);
    expect(seen.verdict).toMatchObject({ status: 'disputed', note: 'The vote was 4-3.', checker: 'ann' });
    expect(seen.history.at(-1)).toMatchObject({ by: 'ann', kind: 'verdict' });
    expect(elapsed).toBeLessThan(2_000);
    expect(await ann.desk.waiting()).toBe(0);
  });

  it('shows a disagreement on both sides when two checkers ruled without seeing each other, until one resolves it', async () => {
    const { ann, bob, eve, articleId, claimIds } = await desk();
    const claimId = claimIds[3]!;
    // Both offline: neither has synced since the other marked.
    await ann.backend.api['claims:mark']({ articleId, claimId, patch: { status: 'verified' } });
    await bob.backend.api['claims:mark']({ articleId, claimId, patch: { status: 'disputed', note: 'The plan is $42 million.' } });
    await ann.sync();
    await bob.sync();
    await ann.sync();
    for (const side of [ann, bob]) {
      const [found, ...more] = await side.desk.disagreements(articleId);
      expect(more).toEqual([]);
      expect(found!.claimId).toBe(claimId);
      expect(found!.sides.map((s) => [s.by, s.verdict.status]).sort()).toEqual([['ann', 'verified'], ['bob', 'disputed']]);
      expect(found!.sides.every((s) => s.at)).toBe(true);
      const history = (await verdictOn(side, articleId, claimId)).history;
      expect(history.some((h) => h.detail?.startsWith('desk disagreement: '))).toBe(true);
    }
    // Both replicas show the same verdict meanwhile (deterministic, and flagged, never silently).
    expect((await verdictOn(ann, articleId, claimId)).verdict.status).toBe((await verdictOn(bob, articleId, claimId)).verdict.status);

    // The editor settles it with a recorded verdict; everyone converges on it.
    await eve.sync();
    await eve.backend.api['claims:mark']({ articleId, claimId, patch: { status: 'disputed', note: 'Budget documents say $42 million.' } });
    await eve.sync();
    await Promise.all([ann.sync(), bob.sync()]);
    for (const side of [ann, bob, eve]) {
      expect(await side.desk.disagreements(articleId)).toEqual([]);
      expect((await verdictOn(side, articleId, claimId)).verdict).toMatchObject({ status: 'disputed', checker: 'eve' });
    }
  });

  it('refuses a third checker settling someone else’s disagreement', async () => {
    const { ann, bob, articleId, claimIds } = await desk();
    const claimId = claimIds[1]!;
    await ann.backend.api['claims:mark']({ articleId, claimId, patch: { status: 'verified' } });
    await bob.backend.api['claims:mark']({ articleId, claimId, patch: { status: 'disputed', note: 'Wrong byline.' } });
    await ann.sync();
    await bob.sync();
    const cat = await joinAs('cat', suite.server.url);
    suite.machines.push(cat);
    await cat.sync();
    const refused = await cat.backend.invoke('claims:mark', { articleId, claimId, patch: { status: 'verified' } });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/desk disagreement between (ann and bob|bob and ann)/) } });
  });

  it('locks a signed-off article: a checker’s mark is refused in one sentence until an editor unlocks it', async () => {
    const { ann, eve, articleId, claimIds } = await desk();
    await expect(ann.desk.setLock(articleId, 'signoff')).rejects.toThrow(/Only an editor can sign off/);
    await eve.desk.setLock(articleId, 'signoff');
    await eve.sync();
    await ann.sync();
    const refused = await ann.backend.invoke('claims:mark', { articleId, claimId: claimIds[0]!, patch: { status: 'verified' } });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^“Harbor Town” was signed off by eve on \d{4}-\d\d-\d\d: it is locked/) } });
    expect((await verdictOn(ann, articleId, claimIds[0]!)).verdict.status).toBe('unchecked');
    // A new revision of the text is a change too.
    expect(await ann.backend.invoke('articles:revise', { id: articleId, text: 'Harbor Town Votes\nThe council voted 4-3.' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/it is locked/) } });

    await expect(eve.desk.setLock(articleId, 'unlock')).rejects.toThrow(/Say why/);
    const unlock = await eve.desk.setLock(articleId, 'unlock', 'Correction on page 2');
    expect(unlock).toMatchObject({ by: 'eve', why: 'Correction on page 2' });
    await eve.sync();
    await ann.sync();
    expect((await ann.backend.invoke('claims:mark', { articleId, claimId: claimIds[0]!, patch: { status: 'verified' } })).ok).toBe(true);
  });
});
