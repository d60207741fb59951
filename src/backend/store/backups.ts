// The last few good versions of each article file, in backups/<id>/. A backup
// is a hard link to the file about to be replaced (no copy, no extra write on
// the save path), taken at most every few minutes per article; a copy where
// the file system has no hard links.
import { constants, copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { articleIdPath } from '../ids';
import { fsyncDirectory } from './atomic-write';

export const BACKUPS_KEPT = 5;
export const BACKUP_INTERVAL_MS = 5 * 60 * 1000;

/** backups/<id>/; refused unless `id` is an article id (see articleIdPath), before any folder is made. */
export function backupDir(dataDir: string, id: string): string {
  return articleIdPath(dataDir, 'backups', id);
}

/** Backup names sort by time: `<epoch ms>.json`. */
export async function listBackups(dataDir: string, id: string): Promise<string[]> {
  const names = await readdir(backupDir(dataDir, id)).catch(() => [] as string[]);
  return names.filter((n) => /^\d+\.json$/.test(n)).sort((a, b) => Number(b.slice(0, -5)) - Number(a.slice(0, -5)));
}

export class BackupKeeper {
  private readonly lastBackup = new Map<string, number>();

  constructor(
    private readonly dataDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Keeps the current version of `file` if the last backup is old enough (or
   * `always`, before a change that throws the whole version away), then prunes.
   */
  async beforeReplace(id: string, file: string, always = false): Promise<void> {
    const now = this.now();
    const last = this.lastBackup.get(id);
    if (!always && last !== undefined && now - last < BACKUP_INTERVAL_MS) return;
    const dir = backupDir(this.dataDir, id);
    await mkdir(dir, { recursive: true });
    const target = join(dir, `${now}.json`);
    try {
      await link(file, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // a new article: nothing to keep yet
      if (code === 'EEXIST') return;
      await copyFile(file, target).catch(() => undefined);
    }
    this.lastBackup.set(id, now);
    const old = (await listBackups(this.dataDir, id)).slice(BACKUPS_KEPT);
    await Promise.all(old.map((name) => rm(join(dir, name), { force: true })));
  }
}

/**
 * Where a file written by an older Factdesk is kept before a migration replaces
 * it: `backups/<id>/schema-<n>.json`, or `backups/library.schema-<n>.json`. These
 * names are never pruned (article ids have no dots, so they cannot collide).
 */
export function preMigrationPath(dataDir: string, id: string | null, fromVersion: number): string {
  return id === null
    ? join(dataDir, 'backups', `library.schema-${fromVersion}.json`)
    : join(backupDir(dataDir, id), `schema-${fromVersion}.json`);
}

/**
 * Keeps `file` at `target` (a hard link, durable) before a migration rewrites it.
 * True when the copy is there, including from an earlier start that stopped
 * before writing the migration; false when it could not be made.
 */
export async function keepBeforeMigration(file: string, target: string): Promise<boolean> {
  try {
    await mkdir(dirname(target), { recursive: true });
    try {
      await link(file, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return true;
      await copyFile(file, target, constants.COPYFILE_EXCL);
    }
    await fsyncDirectory(dirname(target));
    return true;
  } catch {
    return false;
  }
}
