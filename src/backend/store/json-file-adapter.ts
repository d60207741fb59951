// A lowdb adapter for one JSON file: reads return the raw text decoded by the
// caller (so validation and quarantine stay in the store), writes are atomic
// and durable. lowdb's stock JSONFile renames without fsync and shares one temp
// name between processes, hence this adapter.
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from './atomic-write';

export class JsonFileAdapter<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly decode: (raw: string) => T,
  ) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.decode(raw);
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(data, null, 1));
  }
}
