// One writer per data folder. The desktop app, the browser shell and the CLI's
// writing commands hold `.factdesk.lock` (the holder's pid, host, kind, start time
// and a random token) while they run; another process refuses to write, with a
// clear sentence. A lock whose process is gone (a crash, a power cut) is stale and
// taken over.
//
// Never two holders:
// - The lock appears with its content or not at all: the record is written to a
//   temp file of this process, then hard-linked to the lock's name (link() fails if
//   the name exists). Where the file system has no hard links, O_EXCL is used, and
//   a lock with no readable content is not stale until it is a few seconds old.
// - Nobody deletes a lock it has not read and found dead. Taking over a dead
//   holder's lock goes through a right to take over *that* lock (its inode and
//   bytes), itself made with link(): `.factdesk.lock.takeover-<that lock>-1`.
//   Only the process that made it may replace the lock, and only after reading
//   the lock again and finding the same dead one; it replaces it with rename(), so
//   the name is never free for a third process to slip in. A taker that died
//   mid-takeover leaves its right behind; the next one (`-2`, …) is then taken,
//   once that taker is seen dead.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../shared/errors';

export const LOCK_FILE = '.factdesk.lock';
/** A lock (or a right to take one over) with no readable holder is left alone until it is this old. */
export const UNREADABLE_LOCK_GRACE_MS = 5_000;
/** Holders that finish on their own in moments: another front door waits for them (see openBackend). */
export const SHORT_LIVED_HOLDERS: ReadonlySet<string> = new Set(['command line']);

const TAKEOVER = `${LOCK_FILE}.takeover-`;

/** The tokens of the locks this process holds now. */
const heldTokens = new Set<string>();

export interface LockHolder {
  pid: number;
  host: string;
  kind: string;
  since: string;
  /** Random, one per acquisition: what tells this holder's lock from any other. */
  token?: string;
}

export interface DataDirLock {
  release(): void;
}

/** Another process holds the folder (or is taking it over this very moment). */
export class LockHeldError extends UserError {
  constructor(
    message: string,
    readonly holder: LockHolder | null,
    /** Worth waiting a few seconds for: a command-line holder, or a lock being taken over or written right now. */
    readonly brief: boolean,
  ) {
    super(message, 'refused');
  }
}

/** The data folder cannot be written at all (a read-only disk or mount, or no permission). */
export class ReadOnlyFolderError extends UserError {
  constructor(readonly dataDir: string) {
    super(readOnlyFolderSentence(dataDir), 'refused');
  }
}

export function readOnlyFolderSentence(dataDir: string): string {
  return `The data folder ${dataDir} is read-only; nothing was changed.`;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a recorded holder still holds the folder (pure but for the liveness probe). */
export function isStale(holder: LockHolder | null, here = hostname(), alive = isProcessAlive): boolean {
  if (!holder || !Number.isInteger(holder.pid)) return true;
  // A lock from another machine (a shared folder) cannot be probed: respect it.
  if (holder.host !== here) return false;
  return holder.pid === process.pid ? false : !alive(holder.pid);
}

/** What is at a lock's name: its identity (inode and bytes) and the holder those bytes name, if they do. */
interface Found {
  ino: number;
  mtimeMs: number;
  raw: string;
  holder: LockHolder | null;
}

export function acquireDataDirLock(dataDir: string, kind: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, host: hostname(), kind, since: new Date().toISOString(), token: randomBytes(12).toString('hex') };
  // Named like every temp file of the folder, so a crash leaves nothing a later start does not clear (removeOrphanedTempFiles).
  const tmp = join(dataDir, `${LOCK_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, JSON.stringify(holder), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    rmSync(tmp, { force: true }); // made but not written (a full disk): not left behind
    throw lockFault(error, dataDir);
  }
  try {
    for (let round = 0; round < 50; round++) {
      if (placeExclusively(tmp, path, dataDir)) return held(dataDir, path, holder);
      const found = inspect(path, dataDir);
      if (!found) continue; // released between our two looks
      const ownPid = found.holder !== null && found.holder.pid === process.pid && found.holder.host === holder.host;
      if (ownPid && (found.holder!.token === undefined || heldTokens.has(found.holder!.token))) {
        // This process holds it already (a second backend in the same process); the first one releases it.
        return { release: () => undefined };
      }
      // Our pid but not our lock: an earlier process that had this pid (a container's, say) left it.
      if (!ownPid && !isDead(found)) throw heldBy(dataDir, found);
      if (takeOver(path, found, tmp, dataDir)) return held(dataDir, path, holder);
      // Another process is taking over the same dead lock: look again once it is done.
      pause(2 + Math.random() * 8);
    }
    throw new LockHeldError(`The data folder ${dataDir} is being locked by another Factdesk right now; try again in a moment.`, null, true);
  } finally {
    rmSync(tmp, { force: true }); // a takeover renamed it into place; otherwise it is only a temp file now
  }
}

/**
 * Puts `tmp`'s content at `target` unless something is there already: true when
 * it is ours now. link() is atomic with the content; without hard links, O_EXCL.
 */
function placeExclusively(tmp: string, target: string, dataDir: string): boolean {
  try {
    linkSync(tmp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw lockFault(error, dataDir);
  }
  // A file system without hard links (FAT, some network shares): the content follows at once, and
  // a reader that finds it still empty waits (UNREADABLE_LOCK_GRACE_MS) rather than call it stale.
  let fd: number;
  try {
    fd = openSync(target, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw lockFault(error, dataDir);
  }
  try {
    writeFileSync(fd, readSmall(tmp));
  } catch (error) {
    closeSync(fd);
    rmSync(target, { force: true }); // ours, made a moment ago: an empty lock is not left behind
    throw lockFault(error, dataDir);
  }
  closeSync(fd);
  return true;
}

function readSmall(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Reads what is at `path` without following a link or blocking on a pipe; null when nothing is there. */
function inspect(path: string, dataDir: string): Found | null {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw lockFault(error, dataDir);
  }
  if (!stats.isFile()) throw notALockFile(path, stats);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw lockFault(error, dataDir);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw notALockFile(path, opened);
    const buffer = Buffer.alloc(4096);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const raw = buffer.subarray(0, length).toString('utf8');
    return { ino: opened.ino, mtimeMs: opened.mtimeMs, raw, holder: parseHolder(raw) };
  } finally {
    closeSync(fd);
  }
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder> | null;
    if (!value || !Number.isInteger(value.pid) || typeof value.host !== 'string') return null;
    return {
      pid: value.pid!,
      host: value.host,
      kind: typeof value.kind === 'string' ? value.kind : 'another Factdesk',
      since: typeof value.since === 'string' ? value.since : 'an unknown time',
      ...(typeof value.token === 'string' ? { token: value.token } : {}),
    };
  } catch {
    return null;
  }
}

/** Dead: a holder on this machine whose process is gone, or no readable holder after the grace period. */
function isDead(found: Found): boolean {
  if (found.holder) return isStale(found.holder);
  // An older Factdesk creates the lock first and writes it after: an empty one may be seconds old
  // and alive. The clock may have been set back, so any distance from now counts as age.
  return Math.abs(Date.now() - found.mtimeMs) > UNREADABLE_LOCK_GRACE_MS;
}

/**
 * Replaces the dead lock `found` with ours (the record in `tmp`), if this process
 * wins the right to; false when another process is taking it over or it changed.
 */
function takeOver(path: string, found: Found, tmp: string, dataDir: string): boolean {
  const id = createHash('sha256').update(`${found.ino}\0${found.raw}`).digest('hex').slice(0, 20);
  const right = (k: number) => join(dataDir, `${TAKEOVER}${id}-${k}`);
  for (let k = 1; k <= 100; k++) {
    if (!placeExclusively(tmp, right(k), dataDir)) {
      const other = inspect(right(k), dataDir);
      if (!other) return false; // that takeover just finished: look at the lock again
      if (isDead(other)) continue; // its taker died mid-takeover: the next right is free to take
      return false; // a live process is taking it over
    }
    // We alone may now replace that lock, and while it is still there nobody else can.
    const now = inspect(path, dataDir);
    if (now && now.ino === found.ino && now.raw === found.raw) {
      try {
        renameSync(tmp, path);
      } catch (error) {
        rmSync(right(k), { force: true });
        throw lockFault(error, dataDir);
      }
      for (let j = 1; j <= k; j++) rmSync(right(j), { force: true });
      return true;
    }
    rmSync(right(k), { force: true }); // it changed meanwhile: that lock is no longer the dead one
    return false;
  }
  return false;
}

function held(dataDir: string, path: string, holder: LockHolder): DataDirLock {
  clearOldTakeovers(dataDir);
  heldTokens.add(holder.token!);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldTokens.delete(holder.token!);
    process.off('exit', release);
    try {
      // Only our own lock: while we live nobody may take it over, so what we read is what we remove.
      if (inspect(path, dataDir)?.holder?.token === holder.token) rmSync(path, { force: true });
    } catch {
      // leaving a lock behind is safe: it is stale once this process is gone
    }
  };
  process.once('exit', release);
  return { release };
}

/**
 * Rights to take over left by takers that died mid-takeover. Once we hold the
 * lock, each one is about a lock that is gone for good (a taker still holding one
 * finds the lock changed and gives up), so they can all go.
 */
function clearOldTakeovers(dataDir: string): void {
  try {
    for (const name of readdirSync(dataDir)) if (name.startsWith(TAKEOVER)) rmSync(join(dataDir, name), { force: true });
  } catch {
    // litter only
  }
}

function heldBy(dataDir: string, found: Found): LockHeldError {
  const holder = found.holder;
  if (!holder) {
    return new LockHeldError(`The data folder ${dataDir} is being locked by another Factdesk right now; try again in a moment.`, null, true);
  }
  const brief = SHORT_LIVED_HOLDERS.has(holder.kind);
  return new LockHeldError(
    `The data folder ${dataDir} is in use by another Factdesk (${holder.kind}, process ${holder.pid} on ${holder.host}, since ${holder.since}); ${brief ? 'try again when it has finished' : 'close it first'}.`,
    holder,
    brief,
  );
}

function notALockFile(path: string, stats: Stats): UserError {
  const what = stats.isDirectory() ? 'a folder' : stats.isSymbolicLink() ? 'a link' : 'not a regular file';
  return new UserError(`${path} is ${what}, where Factdesk keeps its lock file; remove it (Factdesk did not make it) and try again.`, 'refused');
}

/** One sentence for a file-system error met while locking the data folder. */
function lockFault(error: unknown, dataDir: string): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new ReadOnlyFolderError(dataDir);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UserError(`The disk holding the data folder ${dataDir} is full; nothing was changed.`, 'refused');
  if (code === 'ENOTDIR') return new UserError(`The data folder ${dataDir} is not a folder; choose another data folder.`, 'refused');
  if (code === 'ENOENT') return new UserError(`The data folder ${dataDir} does not exist.`, 'not-found');
  return new UserError(`The data folder ${dataDir} could not be locked (${code ?? String(error)}); nothing was changed.`, 'refused');
}

/** A short sleep for a synchronous retry: the takeover it waits for takes microseconds. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
