// The last few good versions of each article file, in backups/<id>/. A backup
// is a hard link to the file about to be replaced (no copy, no extra write on
// the save path), taken at most every few minutes per article; a copy where
// the file system has no hard links.
//
// Backups are numbered, not named by the clock: `0000001.json`, `0000002.json`…,
// the next one past the highest there, and pruning keeps the highest numbers. A
// clock set back can then neither make the newest backups look oldest (and prune
// them first) nor stop backups for as long as it is behind. The interval is
// measured on this process's monotonic clock and, for the first save of an
// article in a process, against the newest backup's own time (its file's), and a
// backup dated in the future counts as old. Backups named by an older Factdesk
// (`<epoch ms>.json`) are read too, ranked older than every numbered one.
import { constants, copyFile, link, lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { articleIdPath } from '../ids';
import { fsyncDirectory } from './atomic-write';

export const BACKUPS_KEPT = 5;
export const BACKUP_INTERVAL_MS = 5 * 60 * 1000;

/** A numbered backup: up to 12 digits (`0000123.json`, padded to 7). */
const NUMBERED = /^(\d{1,12})\.json$/;
/** A backup named by an older Factdesk after the time it was taken: `<epoch ms>.json`, 13 digits or more. */
const TIMED = /^(\d{13,})\.json$/;

/** backups/<id>/; refused unless `id` is an article id (see articleIdPath), before any folder is made. */
export function backupDir(dataDir: string, id: string): string {
  return articleIdPath(dataDir, 'backups', id);
}

export function backupName(sequence: number): string {
  return `${String(sequence).padStart(7, '0')}.json`;
}

/** The number of a numbered backup's name, else null. */
export function backupSequence(name: string): number | null {
  const match = NUMBERED.exec(name);
  return match ? Number(match[1]) : null;
}

/** When an older Factdesk's backup was taken, from its name, else null. */
export function legacyBackupTime(name: string): number | null {
  const match = TIMED.exec(name);
  return match ? Number(match[1]) : null;
}

/** Newest first: numbered backups by number, then an older Factdesk's by the time in their names. */
export function orderBackups(names: readonly string[]): string[] {
  const numbered = names.filter((n) => backupSequence(n) !== null).sort((a, b) => backupSequence(b)! - backupSequence(a)!);
  const timed = names.filter((n) => legacyBackupTime(n) !== null).sort((a, b) => legacyBackupTime(b)! - legacyBackupTime(a)!);
  return [...numbered, ...timed];
}

/** The article's backups, newest first (see orderBackups); pre-migration copies are not among them. */
export async function listBackups(dataDir: string, id: string): Promise<string[]> {
  const names = await readdir(backupDir(dataDir, id)).catch(() => [] as string[]);
  return orderBackups(names);
}

/** The clocks a BackupKeeper reads: the wall clock, for the times files carry, and a monotonic one for intervals. */
export interface BackupClock {
  wall(): number;
  monotonic(): number;
}

export const SYSTEM_CLOCK: BackupClock = { wall: () => Date.now(), monotonic: () => performance.now() };

export class BackupKeeper {
  /** Per article: the monotonic time of this process's last backup of it. */
  private readonly lastBackup = new Map<string, number>();

  constructor(
    private readonly dataDir: string,
    private readonly clock: BackupClock = SYSTEM_CLOCK,
  ) {}

  /**
   * Keeps the current version of `file` if the last backup is old enough (or
   * `always`, before a change that throws the whole version away), then prunes.
   * `copy` when the file stays where it is (a change appended to the article's log
   * beside it): a hard link would share the bytes that a write in place could spoil.
   */
  async beforeReplace(id: string, file: string, always = false, copy = false): Promise<void> {
    const dir = backupDir(this.dataDir, id);
    const now = this.clock.monotonic();
    const last = this.lastBackup.get(id);
    if (!always && last !== undefined && now - last < BACKUP_INTERVAL_MS) return;
    const names = await readdir(dir).catch(() => [] as string[]);
    const ordered = orderBackups(names);
    if (!always && last === undefined && (await this.newestIsRecent(dir, ordered[0]))) {
      // A backup another run of Factdesk took moments ago: the interval counts from it.
      this.lastBackup.set(id, now);
      return;
    }
    let next = Math.max(0, ...names.map((n) => backupSequence(n) ?? 0)) + 1;
    await mkdir(dir, { recursive: true });
    for (;;) {
      const target = join(dir, backupName(next));
      try {
        if (copy) await copyBackup(file, target);
        else await link(file, target);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return; // a new article: nothing to keep yet
        if (code === 'EEXIST') {
          next++; // a backup made since the listing (or a stray file): the next number
          continue;
        }
        if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS' || copy) throw error;
        // No hard links here: a copy (never over anything).
        try {
          await copyFile(file, target, constants.COPYFILE_EXCL);
        } catch (copyError) {
          if ((copyError as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw copyError;
        }
        break;
      }
    }
    this.lastBackup.set(id, now);
    const old = orderBackups([...names, backupName(next)]).slice(BACKUPS_KEPT);
    await Promise.all(old.map((name) => rm(join(dir, name), { force: true })));
  }

  /**
   * Whether the newest backup was taken less than the interval ago, by its own
   * time: the time in an older Factdesk's name, else its file's modification
   * time. A time in the future (the clock was set back since) counts as old.
   */
  private async newestIsRecent(dir: string, newest: string | undefined): Promise<boolean> {
    if (!newest) return false;
    const taken = legacyBackupTime(newest) ?? (await lstat(join(dir, newest)).catch(() => null))?.mtimeMs;
    if (taken === undefined) return false;
    const age = this.clock.wall() - taken;
    return age >= 0 && age < BACKUP_INTERVAL_MS;
  }
}

/** A copy (a clone where the file system shares blocks), never over anything; a copy cut short is removed. */
async function copyBackup(file: string, target: string): Promise<void> {
  try {
    await copyFile(file, target, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(target, { force: true });
    throw error;
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
