// The desk's rules held by the server (scripts/desk-rules.mjs), against a member who
// writes to the database without Factdesk (curl, a script) or whose Factdesk is out of
// date: no change in another's name, no editor's act by a checker, nothing rewritten or
// deleted. What is refused never reaches another member; Factdesk's own refused change
// is a notice beside the article, and the sync goes on with the rest. A server without
// the rules is said in every member's status.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { addArticle, joinAs, verdictOn } from './support/checker';
import { DeskHost } from '../../../src/backend/desk/desk-host';
import { environmentKeeper } from '../../../src/backend/desk/password-keeper';
import { USERS, startDeskServer } from './support/desk-server';
import { deskSuite } from './support/desk-suite';

const suite = deskSuite();
const RULES = resolve(import.meta.dirname, '../../../scripts/desk-rules.mjs');

/** Straight to the database as `user`, as curl would: no Factdesk in between. */
async function write(user: keyof typeof USERS, method: string, path: string, body?: unknown) {
  const response = await fetch(`${suite.server.url}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${user}:${USERS[user]}`).toString('base64')}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const at = '2026-11-30T09:00:00.000Z';

it('refuses a change in another’s name, a checker’s sign-off, a rewrite and a deletion, and none of it reaches the desk', async () => {
  const [ann, bob] = await Promise.all([joinAs('ann', suite.server.url), joinAs('bob', suite.server.url)]);
  suite.machines.push(ann, bob);
  const { articleId, claimIds } = await addArticle(ann);
  await ann.backend.api['claims:mark']({ articleId, claimId: claimIds[1]!, patch: { status: 'verified', note: 'Council minutes, p. 4' } });
  await ann.sync();
  const [annEvent] = (await ann.desk.journal.events(articleId)).filter((e) => e.type === 'verdict');

  const forged = {
    _id: `${articleId}:${claimIds[1]}:forged1`, _rev: '1-0f', type: 'verdict', articleId, claimId: claimIds[1], by: 'ann', at,
    verdict: { status: 'disputed', note: 'ann never wrote this', correction: '', sourceIds: [] }, basedOn: [annEvent!._id],
  };
  const signoff = { _id: `${articleId}:-:forged2`, _rev: '1-1f', type: 'signoff', articleId, by: 'bob', at };
  const refused = await write('bob', 'POST', '/_bulk_docs', { new_edits: false, docs: [forged, signoff] });
  expect(refused.body).toEqual([
    { id: forged._id, error: 'forbidden', reason: 'A change is made in one’s own name: bob cannot write as ann.' },
    { id: signoff._id, error: 'forbidden', reason: 'Only an editor can sign off, unlock or assign; bob is not one on this desk.' },
  ]);
  // Ann's verdict, once on the desk, can be neither rewritten nor deleted, even by ann.
  const rewrite = await write('ann', 'PUT', `/${encodeURIComponent(annEvent!._id)}`, { ...annEvent, verdict: { ...(annEvent as { verdict: object }).verdict, note: 'changed' } });
  expect(rewrite).toEqual({ status: 403, body: { error: 'forbidden', reason: 'A desk change is never rewritten once it is on the desk.' } });
  const current = (await write('ann', 'GET', `/${encodeURIComponent(annEvent!._id)}`)).body as { _rev: string };
  const deletion = await write('ann', 'DELETE', `/${encodeURIComponent(annEvent!._id)}?rev=${current._rev}`);
  expect(deletion).toEqual({ status: 403, body: { error: 'forbidden', reason: 'Nothing on the desk is deleted.' } });
  // Nor can a member change the rules.
  expect((await write('bob', 'PUT', '/_design/factdesk', { validate_doc_update: 'function () {}' })).status).toBe(401);

  await bob.sync();
  const claim = await verdictOn(bob, articleId, claimIds[1]!);
  expect([claim.verdict.status, claim.verdict.note]).toEqual(['verified', 'Council minutes, p. 4']);
  expect((await bob.desk.locked(articleId)).locked).toBe(false);
}, 30_000);

it('an editor’s act from a member no longer an editor is refused by the server: a notice says so, the sync goes on, and the role is brought up to date', async () => {
  const [cat, bob] = await Promise.all([joinAs('cat', suite.server.url), joinAs('bob', suite.server.url)]);
  suite.machines.push(cat, bob);
  const { articleId, claimIds } = await addArticle(cat);
  await cat.sync();
  // This folder still believes cat is an editor (the desk's admin took the role away since she joined).
  await cat.desk.state.save({ roles: ['editor'] });
  await cat.backend.api['claims:mark']({ articleId, claimId: claimIds[0]!, patch: { status: 'disputed', note: 'Press release says 4-3' } });
  await cat.desk.setLock(articleId, 'signoff');

  await cat.sync();
  expect(await cat.desk.waiting()).toBe(0); // not offered again and again
  const notices = await cat.desk.notices.list(articleId);
  expect(notices.map((n) => n.text)).toEqual([
    'The desk refused this change (Only an editor can sign off, unlock or assign; cat is not one on this desk); it is kept in this folder only.',
  ]);

  // The sync also brought back the roles the desk gives cat now: her Factdesk refuses the next one itself.
  expect(cat.desk.state.config.roles).toEqual(['checker']);
  await expect(cat.desk.setLock(articleId, 'unlock', 'typo')).rejects.toThrow('Only an editor can unlock an article; cat is not one on this desk.');

  await bob.sync();
  expect((await bob.desk.locked(articleId)).locked).toBe(false);
  expect((await verdictOn(bob, articleId, claimIds[0]!)).verdict.note).toBe('Press release says 4-3');
}, 30_000);

it('tells every member, in the status, when the desk’s server does not enforce the rules, until its admin installs them with the command', async () => {
  const guarded = await joinAs('bob', suite.server.url);
  suite.machines.push(guarded);
  await guarded.sync();
  expect(guarded.desk.state.config.serverRules).toBe(true);

  const careless = await startDeskServer({ rules: false });
  try {
    const ann = await joinAs('ann', careless.url);
    suite.machines.push(ann);
    expect(ann.desk.state.config.serverRules).toBe(false);
    await addArticle(ann);
    await ann.sync();
    const host = await DeskHost.open(ann.dir, ann.store, { passwords: environmentKeeper({ FACTDESK_DESK_PASSWORD: USERS.ann }), live: false });
    expect(await host.status()).toMatchObject({ joined: true, serverRules: false });
    // The admin installs them as the README says; the next sync finds them.
    const install = spawnSync(process.execPath, [RULES, careless.url, '--admin', 'root'], { env: { ...process.env, FACTDESK_ADMIN_PASSWORD: 'root-pass' }, encoding: 'utf8' });
    expect([install.status, install.stdout.trim()]).toEqual([0, `The desk's rules are installed on ${careless.url}.`]);
    await ann.sync();
    expect(ann.desk.state.config.serverRules).toBe(true);
    const reopened = await DeskHost.open(ann.dir, ann.store, { passwords: environmentKeeper({ FACTDESK_DESK_PASSWORD: USERS.ann }), live: false });
    expect(await reopened.status()).toMatchObject({ serverRules: true });
  } finally {
    await careless.stop();
  }
}, 30_000);
