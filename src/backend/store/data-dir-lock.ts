// One writer per data folder. The desktop app, the browser shell and the CLI's
// writing commands hold `.factdesk.lock` (the holder's pid, host and kind) while
// they run; another process refuses to write, with a clear sentence. A lock whose
// process is gone (a crash, a power cut) is stale and taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../shared/errors';

export const LOCK_FILE = '.factdesk.lock';

export interface LockHolder {
  pid: number;
  host: string;
  kind: string;
  since: string;
}

export interface DataDirLock {
  release(): void;
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

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

export function acquireDataDirLock(dataDir: string, kind: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      const holder: LockHolder = { pid: process.pid, host: hostname(), kind, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && holder.pid === process.pid && holder.host === hostname()) return { release: () => undefined };
      if (!isStale(holder)) {
        throw new UserError(
          `The data folder ${dataDir} is in use by another Factdesk (${holder!.kind}, process ${holder!.pid} on ${holder!.host}, since ${holder!.since}); close it first.`,
          'refused',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new UserError(`Could not lock the data folder ${dataDir}; try again.`, 'refused');
}
