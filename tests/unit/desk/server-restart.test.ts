// The desk server dies in the middle of a sync (SIGKILL, as a crash) and comes
// back empty (it keeps nothing on disk): every event made on either machine must
// still reach both, because progress is only recorded once the other side has it.
import { expect, it } from 'vitest';
import { DeskError } from '../../../src/backend/desk/couch-client';
import { addArticle, joinAs, type Checker } from './support/checker';
import { USERS } from './support/desk-server';
import { deskSuite } from './support/desk-suite';

const suite = deskSuite();

async function eventIds(checker: Checker, articleId: string): Promise<string[]> {
  return (await checker.desk.journal.events(articleId)).map((e) => e._id).sort();
}

it('loses no event when the server is killed mid-sync and restarted', async () => {
  const [ann, bob] = await Promise.all([joinAs('ann', suite.server.url), joinAs('bob', suite.server.url)]);
  suite.machines.push(ann, bob);
  const { articleId, claimIds } = await addArticle(ann);
  await ann.sync();
  await bob.sync();
  // Enough events for several batches of 200, so the kill lands between two of them.
  for (let round = 0; round < 90; round += 1) {
    await ann.backend.api['claims:markMany']({ articleId, changes: claimIds.map((claimId) => ({ claimId, patch: { note: `ann round ${round}` } })) });
  }
  await bob.backend.api['claims:mark']({ articleId, claimId: claimIds[0]!, patch: { status: 'verified' } });
  const made = (await ann.desk.waiting()) + (await bob.desk.waiting());
  expect(made).toBeGreaterThan(400);

  let killed = false;
  const cut = ann.desk.sync(USERS.ann, (progress) => {
    if (progress.pushed >= 200 && !killed) {
      killed = true;
      void suite.server.kill();
    }
  });
  await expect(cut).rejects.toBeInstanceOf(DeskError);
  expect(killed).toBe(true);
  // Still waiting here (nothing dropped), and the checker is told in one sentence.
  expect(await ann.desk.waiting()).toBeGreaterThan(0);
  expect(ann.desk.state.config.offlineSince).not.toBeNull();

  await suite.server.restart();
  await ann.sync();
  await bob.sync();
  await ann.sync();

  const annIds = await eventIds(ann, articleId);
  expect(annIds.length).toBe(made);
  expect(await eventIds(bob, articleId)).toEqual(annIds);
  expect(await ann.desk.waiting()).toBe(0);
  expect(await bob.desk.waiting()).toBe(0);
  const [annArticle, bobArticle] = await Promise.all([ann.store.get(articleId), bob.store.get(articleId)]);
  expect(bobArticle.claims.map((c) => [c.verdict.status, c.verdict.note])).toEqual(annArticle.claims.map((c) => [c.verdict.status, c.verdict.note]));
  expect(bobArticle.claims[1]!.verdict.note).toBe('ann round 89');
}, 30_000);

