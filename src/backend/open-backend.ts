// Opens the data folder and the backend on it, for the front doors that run in
// plain Node (the browser shell and the CLI).
import { createBackend, type Backend } from './backend';
import { Store } from './store/store';

export async function openBackend(dataDir: string): Promise<Backend> {
  return createBackend(await Store.open(dataDir));
}
