// Opens the data folder and the backend on it, for the front doors. A front
// door that writes holds the folder's lock for as long as it runs; one that
// does not is opened read-only.
import { mkdir } from 'node:fs/promises';
import { createBackend, type Backend } from './backend';
import { acquireDataDirLock } from './store/data-dir-lock';
import { Store } from './store/store';

export async function openBackend(dataDir: string, options: { lockAs?: string } = {}): Promise<Backend> {
  if (options.lockAs) {
    await mkdir(dataDir, { recursive: true });
    acquireDataDirLock(dataDir, options.lockAs);
  }
  return createBackend(await Store.open(dataDir, { readOnly: !options.lockAs }));
}
