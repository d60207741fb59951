// The article documents a member shares: each kept once, so a first push sends each once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/backend';
import { Snapshots, snapshotOf } from '../../../src/backend/desk/article-snapshots';
import { Store } from '../../../src/backend/store/store';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'factdesk-snapshots-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('Snapshots', () => {
  it('lists an article kept before anything was listed once, not twice', async () => {
    const backend = createBackend(await Store.open(join(root, 'data')));
    const { article } = await backend.api['articles:create']({ text: 'The bridge opened in 1932. It cost $4 million.', meta: {} });
    const snapshots = new Snapshots(Snapshots.folder(join(root, 'data')));
    expect(await snapshots.keep(snapshotOf(article, 'ann', '2026-03-01T10:00:00.000Z'))).toBe(true);
    expect((await snapshots.all()).map((d) => d.articleId)).toEqual([article.id]);
    expect(await snapshots.keep(snapshotOf(article, 'bob', '2026-03-01T11:00:00.000Z'))).toBe(false);
    expect(await new Snapshots(Snapshots.folder(join(root, 'data'))).all()).toHaveLength(1);
    await backend.store.flush();
  });
});
