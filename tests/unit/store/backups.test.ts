// The last good versions of an article are kept, and a corrupt article file is
// quarantined with its newest good backup offered and restorable.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/backend';
import { BACKUPS_KEPT, BACKUP_INTERVAL_MS, BackupKeeper, listBackups } from '../../../src/backend/store/backups';
import { Store } from '../../../src/backend/store/store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-backups-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('backups', () => {
  it('keeps at most one backup per interval and only the newest few', async () => {
    let now = 1_000_000;
    const keeper = new BackupKeeper(dir, () => now);
    const file = join(dir, 'a.json');
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) {
      await writeFile(file, `{"v":${i}}`);
      await keeper.beforeReplace('aaaaaaaaaaaa', file);
      await keeper.beforeReplace('aaaaaaaaaaaa', file); // same moment: no second backup
      now += BACKUP_INTERVAL_MS;
    }
    const kept = await listBackups(dir, 'aaaaaaaaaaaa');
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]).toBe(`${1_000_000 + (BACKUPS_KEPT + 2) * BACKUP_INTERVAL_MS}.json`);
  });

  it('offers the newest good backup of a corrupt article, and restores it', async () => {
    const backend = createBackend(await Store.open(dir));
    await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
    const { article } = await backend.api['articles:create']({ text: 'The bridge opened in 1932. It cost $4 million.', meta: {} });
    await backend.api['claims:mark']({ articleId: article.id, claimId: article.claims[0]!.id, patch: { status: 'verified' } });
    expect(await listBackups(dir, article.id)).toHaveLength(1);

    await writeFile(join(dir, 'articles', `${article.id}.json`), '{"schemaVersion":1,"article":{"trunc');
    const reopened = createBackend(await Store.open(dir));
    const { articles, problems } = await reopened.api['library:list']({});
    expect(articles).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(new RegExp(`“${article.id}.json” could not be read .* A backup from .* can be restored\\.$`));
    expect(problems[0]!.articleId).toBe(article.id);
    expect(await readdir(join(dir, 'quarantine'))).toHaveLength(1);

    const { article: restored } = await reopened.api['articles:restoreBackup']({ id: article.id });
    expect(restored.total).toBe(article.claims.length);
    expect((await reopened.api['library:list']({})).problems).toEqual([]);
    const again = createBackend(await Store.open(dir));
    expect((await again.api['articles:get']({ id: article.id })).article.title).toBe(article.title);
  });
});
