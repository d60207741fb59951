// The backend as a checker named Ana uses it, on a data folder of its own made before each
// test and removed after it, with a fixed clock (2026-03-01 10:00 UTC) so histories compare.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';

export interface CheckerBackend {
  /** The test's data folder. */
  readonly dir: string;
  readonly backend: Backend;
  /** A backend opened afresh on the same folder, as after a restart. */
  reopen(): Promise<Backend>;
}

export function checkerBackend(folderPrefix: string): CheckerBackend {
  let dir = '';
  let backend: Backend | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), folderPrefix));
    backend = createBackend(await Store.open(dir), () => new Date('2026-03-01T10:00:00Z'));
    await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    get backend() {
      if (!backend) throw new Error('the backend is made before each test');
      return backend;
    },
    reopen: async () => createBackend(await Store.open(dir)),
  };
}
