// A lowdb adapter for one JSON file: reads return the raw text decoded by the
// caller (so validation and quarantine stay in the store), writes are atomic
// and durable. lowdb's stock JSONFile renames without fsync and shares one temp
// name between processes, hence this adapter. A read opens only a regular file
// (never a pipe or a device) and throws FileFaultError for anything else.
// library.json is read and written through a lowdb `Low` over this adapter; article
// files use the adapter alone (article-files.ts says why).
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from './atomic-write';
import { readRegularFile } from './faults';

export class JsonFileAdapter<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly decode: (raw: string) => T,
  ) {}

  async read(): Promise<T | null> {
    const raw = await readRegularFile(this.path);
    return raw === null ? null : this.decode(raw);
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(data, null, 1));
  }
}
