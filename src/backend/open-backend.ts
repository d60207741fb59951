// Opens the data folder and the backend on it, for the front doors. A front
// door that writes holds the folder's lock for as long as it runs; one that
// does not is opened read-only. Another front door holding the lock is waited
// for a few seconds when it is a command-line command (it finishes on its own),
// else refused in one sentence naming it. A read-only data folder opens for
// reading: every write is then refused in one sentence, and the library's
// problems say so.
import { mkdir } from 'node:fs/promises';
import { UserError } from '../shared/errors';
import { createBackend, type Backend } from './backend';
import type { Desk } from './desk/desk';
import { DeskHost } from './desk/desk-host';
import { environmentKeeper, type PasswordKeeper } from './desk/password-keeper';
import { withDeskHost } from './desk/with-desk';
import { LockHeldError, ReadOnlyFolderError, acquireDataDirLock, type DataDirLock } from './store/data-dir-lock';
import { describeCode, errnoCode } from './store/faults';
import { Store } from './store/store';

/** How long a front door waits for a command-line command holding the folder before it is refused. */
export const LOCK_WAIT_MS = 10_000;

export interface OpenOptions {
  /** Hold the folder's lock as this kind of front door (“desktop app”, “command line”). */
  lockAs?: string;
  /** How long to wait for a short-lived holder (LOCK_WAIT_MS). */
  waitMs?: number;
  /** Sync with the shared desk in the background (the app and the browser shell, not the CLI). */
  liveDesk?: boolean;
  /** Where the desk password is kept (the desktop app: safeStorage); else the environment. */
  passwords?: PasswordKeeper;
}

export interface OpenedBackend extends Backend {
  /** Waits for every accepted write, then lets go of the folder (a process that exits lets go anyway). */
  close(): Promise<void>;
  /** The shared desk this folder is on, when it joined one (at opening) and this front door may write. */
  desk?: Desk;
}

export async function openBackend(dataDir: string, options: OpenOptions = {}): Promise<OpenedBackend> {
  let lock: DataDirLock | undefined;
  let readOnlyBecause: string | undefined;
  if (options.lockAs) {
    await makeDataDir(dataDir);
    try {
      lock = await acquireWaiting(dataDir, options.lockAs, options.waitMs ?? LOCK_WAIT_MS);
    } catch (error) {
      if (!(error instanceof ReadOnlyFolderError)) throw error;
      readOnlyBecause = error.message;
    }
  }
  let store: Store;
  try {
    store = await Store.open(dataDir, { readOnly: !lock, ...(readOnlyBecause ? { readOnlyBecause } : {}) });
  } catch (error) {
    lock?.release();
    throw error;
  }
  // A folder on a shared desk records every change for it and refuses what the desk does not allow (src/backend/desk/).
  const host = lock ? await DeskHost.open(dataDir, store, { passwords: options.passwords ?? environmentKeeper(), live: options.liveDesk ?? false }) : undefined;
  // Without the lock the claim memory is built in memory only (the CLI's search).
  const plain = createBackend(store, undefined, { memoryPersists: Boolean(lock), ...(host ? { desk: host } : {}) });
  const backend = host ? withDeskHost(plain, host) : plain;
  host?.start();
  const desk = host?.desk;
  const close = async () => {
    await host?.stop();
    await store.flush();
    lock?.release();
  };
  return Object.assign(backend, { close, desk });
}

async function makeDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new UserError(`The data folder ${dataDir} is not a folder; choose another data folder.`, 'refused');
    throw new UserError(`The data folder ${dataDir} does not exist and cannot be made (${describeCode(code)}).`, 'refused');
  }
}

/** Takes the lock, waiting (up to `waitMs`) while a short-lived holder has it. */
async function acquireWaiting(dataDir: string, kind: string, waitMs: number): Promise<DataDirLock> {
  const deadline = performance.now() + waitMs;
  for (;;) {
    try {
      return acquireDataDirLock(dataDir, kind);
    } catch (error) {
      if (!(error instanceof LockHeldError) || !error.brief || performance.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
    }
  }
}
