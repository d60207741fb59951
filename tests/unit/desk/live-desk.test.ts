// The desk through the contract, as the app and the browser shell run it: joined with
// desk:join, syncing in the background, disagreements settled with desk:resolve.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentKeeper } from '../../../src/backend/desk/password-keeper';
import { openBackend, type OpenedBackend } from '../../../src/backend/open-backend';
import { ARTICLE_TEXT } from './support/checker';
import { USERS, startDeskServer, type DeskServer } from './support/desk-server';

let server: DeskServer;
const opened: Array<{ backend: OpenedBackend; dir: string }> = [];

beforeAll(async () => {
  server = await startDeskServer();
});
afterAll(async () => {
  for (const { backend, dir } of opened) {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  }
  await server?.stop();
});

async function member(name: keyof typeof USERS) {
  const dir = await mkdtemp(join(tmpdir(), `factdesk-live-${name}-`));
  const backend = await openBackend(dir, { lockAs: 'browser shell', liveDesk: true, passwords: environmentKeeper({}) });
  opened.push({ backend, dir });
  await backend.api['preferences:set']({ preferences: { checker: name } });
  expect(await backend.api['desk:status']({})).toMatchObject({ joined: false, sentence: 'Not on a shared desk.' });
  const joined = await backend.api['desk:join']({ url: server.url, user: name, password: USERS[name] });
  expect(joined).toMatchObject({ joined: true, user: name });
  return backend;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 2_000): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || performance.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the desk in the app', () => {
  it('refuses a wrong password at join in one sentence and keeps nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'factdesk-live-wrong-'));
    const backend = await openBackend(dir, { lockAs: 'browser shell', liveDesk: true, passwords: environmentKeeper({}) });
    opened.push({ backend, dir });
    await expect(backend.api['desk:join']({ url: server.url, user: 'ann', password: 'nope' })).rejects.toThrow(/did not accept ann: name or password is incorrect/);
    expect((await backend.api['desk:status']({})).joined).toBe(false);
    expect(await readdir(dir)).not.toContain('desk');
  });

  it('syncs in the background: a mark on one machine shows on the other within 2 s, without a sync call', async () => {
    const [ann, bob] = [await member('ann'), await member('bob')];
    const { article } = await ann.api['articles:create']({ text: ARTICLE_TEXT, meta: { title: 'Harbor Town' }, allowDuplicate: false });
    const articleId = article.id;
    const claimId = article.claims[2]!.id;
    await until(async () => bob.store.has(articleId), Boolean, 5_000);
    const started = performance.now();
    await ann.api['claims:mark']({ articleId, claimId, patch: { status: 'disputed', note: 'The vote was 4-3.' } });
    const seen = await until(() => bob.store.get(articleId).catch(() => undefined), (a) => a?.claims.find((c) => c.id === claimId)?.verdict.status === 'disputed');
    expect(seen?.claims.find((c) => c.id === claimId)?.verdict).toMatchObject({ status: 'disputed', checker: 'ann' });
    expect(performance.now() - started).toBeLessThan(2_000);
    const status = await until(() => ann.api['desk:status']({}), (s) => s.state === 'synced');
    expect(status.sentence).toMatch(/^Synced with http:\/\/127\.0\.0\.1:\d+\/desk at \d{4}-\d\d-\d\d \d\d:\d\d\.$/);
    // The password was typed into the join, not stored: the data folder holds no trace of it.
    const config = await readFile(join(opened.at(-2)!.dir, 'desk', 'desk.json'), 'utf8');
    expect(config).not.toContain(USERS.ann);
  });

  it('says how many changes wait and since when it is offline, then catches up', async () => {
    const ann = await member('ann');
    const { article } = await ann.api['articles:create']({ text: `${ARTICLE_TEXT}\nOffline edition.`, meta: { title: 'Offline' }, allowDuplicate: false });
    expect(await ann.api['desk:sync']({})).toMatchObject({ state: 'synced', waiting: 0 });
    await server.kill();
    try {
      await ann.api['claims:mark']({ articleId: article.id, claimId: article.claims[1]!.id, patch: { status: 'verified' } });
      const offline = await until(() => ann.api['desk:sync']({}), (s) => s.state === 'offline');
      expect(offline.sentence).toMatch(/^Offline since \d{4}-\d\d-\d\d \d\d:\d\d; 1 change waiting\.$/);
    } finally {
      await server.restart();
    }
    const back = await until(() => ann.api['desk:sync']({}), (s) => s.state === 'synced', 5_000);
    expect(back.waiting).toBe(0);
  });

  it('shows a disagreement made offline on both sides; the editor settles it with desk:resolve, then signs off', async () => {
    const [ann, bob, eve] = [await member('ann'), await member('bob'), await member('eve')];
    const { article } = await ann.api['articles:create']({ text: `${ARTICLE_TEXT}\nResolve edition.`, meta: { title: 'Resolve' }, allowDuplicate: false });
    const articleId = article.id;
    const claimId = article.claims[3]!.id;
    for (const side of [ann, bob, eve]) await until(async () => (await side.api['desk:sync']({}), side.store.has(articleId)), Boolean, 5_000);
    await server.kill();
    try {
      await ann.api['claims:mark']({ articleId, claimId, patch: { status: 'verified' } });
      await bob.api['claims:mark']({ articleId, claimId, patch: { status: 'disputed', note: 'The plan is $42 million.' } });
    } finally {
      await server.restart();
    }
    for (const side of [ann, bob]) await side.api['desk:sync']({});
    const seen = await until(() => ann.api['desk:article']({ articleId }), (a) => a.disagreements.length > 0, 5_000);
    expect(seen.disagreements[0]!.sides.map((s) => [s.by, s.status]).sort()).toEqual([['ann', 'verified'], ['bob', 'disputed']]);
    const atEve = await until(async () => (await eve.api['desk:sync']({}), eve.api['desk:article']({ articleId })), (a) => a.disagreements.length > 0, 5_000);
    expect(atEve.editor).toBe(true);
    const bobSide = atEve.disagreements[0]!.sides.find((s) => s.by === 'bob')!;
    expect((await eve.api['desk:resolve']({ articleId, claimId, choose: bobSide.eventId })).disagreements).toEqual([]);
    await eve.api['desk:signoff']({ articleId });
    const locked = await until(() => ann.api['desk:article']({ articleId }), (a) => a.locked && a.disagreements.length === 0, 5_000);
    expect(locked.lock).toMatchObject({ type: 'signoff', by: 'eve' });
    expect((await ann.store.get(articleId)).claims.find((c) => c.id === claimId)!.verdict).toMatchObject({ status: 'disputed', note: 'The plan is $42 million.' });
    await expect(ann.api['claims:mark']({ articleId, claimId, patch: { status: 'verified' } })).rejects.toThrow(/was signed off by eve on .*it is locked/);
    await expect(ann.api['desk:signoff']({ articleId })).rejects.toThrow(/Only an editor/);
  });
});
