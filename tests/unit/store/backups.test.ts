// The last good versions of an article are kept, and a corrupt article file is
// quarantined with its newest good backup offered and restorable.
import { mkdir, mkdtemp, readFile, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/backend';
import { newestGoodBackup } from '../../../src/backend/store/article-files';
import { BACKUPS_KEPT, BACKUP_INTERVAL_MS, BackupKeeper, backupDir, backupName, listBackups } from '../../../src/backend/store/backups';
import { Store } from '../../../src/backend/store/store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-backups-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('backups', () => {
  it('keeps at most one backup per interval and only the newest few', async () => {
    const clock = { wall: 1_000_000, monotonic: 0 };
    const keeper = new BackupKeeper(dir, { wall: () => clock.wall, monotonic: () => clock.monotonic });
    const file = join(dir, 'a.json');
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) {
      await writeFile(file, `{"v":${i}}`);
      await keeper.beforeReplace('aaaaaaaaaaaa', file);
      await keeper.beforeReplace('aaaaaaaaaaaa', file); // same moment: no second backup
      clock.wall += BACKUP_INTERVAL_MS;
      clock.monotonic += BACKUP_INTERVAL_MS;
    }
    const kept = await listBackups(dir, 'aaaaaaaaaaaa');
    expect(kept).toHaveLength(BACKUPS_KEPT);
    // Numbered, not named by the clock: the newest is the highest number.
    expect(kept[0]).toBe(backupName(BACKUPS_KEPT + 3));
    expect(kept[0]).toBe('0000008.json');
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

// Backups and the clock (issue 13, defect 8). Before: backups were named and pruned
// by the wall clock, so after the clock was set back the newest backups had the
// smallest names and were pruned first, and no backup was taken at all until the
// clock caught up with the last one.
describe('backups and the clock', () => {
  const ID = 'aaaaaaaaaaaa';
  const MINUTE = 60_000;

  /** A keeper on clocks the test sets; `save(v)` writes version v and lets the keeper back up the one before. */
  function keeperOn(clock: { wall: number; monotonic: number }) {
    const keeper = new BackupKeeper(dir, { wall: () => clock.wall, monotonic: () => clock.monotonic });
    const file = join(dir, 'a.json');
    return async (version: number) => {
      await keeper.beforeReplace(ID, file);
      // As the store saves: a new file renamed over the old one (a backup is a hard link to the old one).
      await writeFile(`${file}.tmp`, `{"v":${version}}`);
      await rename(`${file}.tmp`, file);
    };
  }
  const keptVersions = async () =>
    Promise.all((await listBackups(dir, ID)).map(async (name) => JSON.parse(await readFile(join(backupDir(dir, ID), name), 'utf8')).v as number));

  it('numbers the backups, so after the clock is set back the newest are kept and the oldest pruned', async () => {
    const clock = { wall: Date.UTC(2026, 5, 1, 12), monotonic: 0 };
    const save = keeperOn(clock);
    for (let v = 1; v <= 10; v++) {
      await save(v);
      clock.monotonic += BACKUP_INTERVAL_MS;
      // Halfway, the wall clock is set back a day (a wrong NTP answer, a dead CMOS battery).
      clock.wall += v === 5 ? -24 * 60 * MINUTE : BACKUP_INTERVAL_MS;
    }
    // Versions 1..9 were backed up (each before the next save); the newest five are kept, newest first.
    expect(await keptVersions()).toEqual([9, 8, 7, 6, 5]);
    expect(await listBackups(dir, ID)).toEqual(['0000009.json', '0000008.json', '0000007.json', '0000006.json', '0000005.json']);
  });

  it('keeps taking a backup every interval while the wall clock is behind, and no more often', async () => {
    const clock = { wall: Date.UTC(2026, 5, 1, 12), monotonic: 0 };
    const save = keeperOn(clock);
    await save(1);
    await save(2); // first backup: version 1
    clock.wall -= 60 * MINUTE; // set back an hour: the last backup is now “in the future”
    for (let v = 3; v <= 6; v++) {
      clock.monotonic += BACKUP_INTERVAL_MS;
      clock.wall += BACKUP_INTERVAL_MS;
      await save(v);
      await save(v + 100); // moments later: within the interval, no backup
    }
    // One backup per interval (of the version current then), none of the versions saved moments after one.
    expect(await keptVersions()).toEqual([105, 104, 103, 2, 1]);
  });

  it('a new run counts the interval from the newest backup’s own time; a backup dated in the future counts as old', async () => {
    const now = Date.UTC(2026, 5, 1, 12);
    await keeperOn({ wall: now, monotonic: 0 })(1);
    await keeperOn({ wall: now, monotonic: 0 })(2); // a backup of version 1
    const newest = join(backupDir(dir, ID), backupName(1));
    const setTime = (ms: number) => utimes(newest, new Date(ms), new Date(ms));

    await setTime(now - 2 * MINUTE); // taken two minutes ago by another run (a CLI command, say)
    await keeperOn({ wall: now, monotonic: 0 })(3);
    expect(await listBackups(dir, ID)).toEqual([backupName(1)]);

    await setTime(now + 60 * MINUTE); // dated an hour ahead: the clock was set back since
    await keeperOn({ wall: now, monotonic: 0 })(4);
    expect(await keptVersions()).toEqual([3, 1]);

    await setTime(now - 10 * MINUTE);
    await utimes(join(backupDir(dir, ID), backupName(2)), new Date(now - 10 * MINUTE), new Date(now - 10 * MINUTE));
    await keeperOn({ wall: now, monotonic: 0 })(5);
    expect(await keptVersions()).toEqual([4, 3, 1]);
  });

  it('reads the backups an older Factdesk named by time, ranked older than every numbered one, and prunes them first', async () => {
    const backend = createBackend(await Store.open(dir));
    await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
    const { article } = await backend.api['articles:create']({ text: 'The bridge opened in 1932. It cost $4 million.', meta: {} });
    await backend.store.flush();
    const bytes = await readFile(join(dir, 'articles', `${article.id}.json`), 'utf8');
    const legacy = [Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 2), Date.UTC(2025, 0, 3)];
    await mkdir(backupDir(dir, article.id), { recursive: true });
    for (const ms of legacy) await writeFile(join(backupDir(dir, article.id), `${ms}.json`), bytes);
    expect(await listBackups(dir, article.id)).toEqual(legacy.map((ms) => `${ms}.json`).reverse());
    // The newest good one is offered with the time its name carries.
    expect((await newestGoodBackup(dir, article.id))?.savedAt).toBe(new Date(legacy[2]!).toISOString());

    // New backups are numbered from 1, rank above the old ones, and the old ones are pruned first.
    const clock = { wall: Date.now(), monotonic: 0 };
    const keeper = new BackupKeeper(dir, { wall: () => clock.wall, monotonic: () => clock.monotonic });
    for (let i = 0; i < 3; i++) {
      await keeper.beforeReplace(article.id, join(dir, 'articles', `${article.id}.json`), true);
      clock.monotonic += BACKUP_INTERVAL_MS;
    }
    expect(await listBackups(dir, article.id)).toEqual([backupName(3), backupName(2), backupName(1), `${legacy[2]}.json`, `${legacy[1]}.json`]);
    // A numbered backup offers the time the version itself records.
    expect((await newestGoodBackup(dir, article.id))?.savedAt).toBe(article.updatedAt);
  });
});
