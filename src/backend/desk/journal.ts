// The per-article event journal: `desk/journal/<articleId>.jsonl`, one event a
// line, appended and fsynced before the change counts as recorded. It is what
// replication ships and what the verdicts fold from; it is never rewritten.
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { articleIdPath } from '../ids';
import { DeskEvent } from './desk-events';

/** Where an event came from: made on this machine (still to push until the server has it) or received from the desk. */
export type Origin = 'here' | 'desk';

export interface JournalEntry {
  from: Origin;
  event: DeskEvent;
}

export class Journal {
  private readonly cache = new Map<string, JournalEntry[]>();
  private readonly ids = new Set<string>();

  constructor(private readonly dir: string) {}

  static folder(dataDir: string): string {
    return join(dataDir, 'desk', 'journal');
  }

  /** The articles that have a journal. */
  async articleIds(): Promise<string[]> {
    if (!existsSync(this.dir)) return [];
    return (await readdir(this.dir)).filter((name) => name.endsWith('.jsonl')).map((name) => name.slice(0, -'.jsonl'.length));
  }

  async entries(articleId: string): Promise<JournalEntry[]> {
    const cached = this.cache.get(articleId);
    if (cached) return cached;
    const path = articleIdPath(this.dir, '.', articleId, '.jsonl');
    const text = existsSync(path) ? await readFile(path, 'utf8') : '';
    const entries: JournalEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const entry = parseLine(line);
      // A line cut short by a power cut mid-append is the only bad line an fsynced journal can hold: skipped, the rest stands.
      if (entry && !this.ids.has(entry.event._id)) {
        entries.push(entry);
        this.ids.add(entry.event._id);
      }
    }
    this.cache.set(articleId, entries);
    return entries;
  }

  async events(articleId: string): Promise<DeskEvent[]> {
    return (await this.entries(articleId)).map((entry) => entry.event);
  }

  async has(event: DeskEvent): Promise<boolean> {
    await this.entries(event.articleId);
    return this.ids.has(event._id);
  }

  /** Appends the events not already in the journal (a pull may bring one twice); returns those added. */
  async append(articleId: string, events: DeskEvent[], from: Origin): Promise<DeskEvent[]> {
    const entries = await this.entries(articleId);
    const fresh = events.filter((event, i) => !this.ids.has(event._id) && events.findIndex((e) => e._id === event._id) === i);
    if (fresh.length === 0) return [];
    await mkdir(this.dir, { recursive: true });
    const handle = await open(articleIdPath(this.dir, '.', articleId, '.jsonl'), 'a', 0o600);
    try {
      await handle.appendFile(fresh.map((event) => `${JSON.stringify({ from, event })}\n`).join(''), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    for (const event of fresh) {
      entries.push({ from, event });
      this.ids.add(event._id);
    }
    return fresh;
  }
}

function parseLine(line: string): JournalEntry | undefined {
  try {
    const raw = JSON.parse(line) as { from?: unknown; event?: unknown };
    const event = DeskEvent.safeParse(raw.event);
    if (!event.success || (raw.from !== 'here' && raw.from !== 'desk')) return undefined;
    return { from: raw.from, event: event.data };
  } catch {
    return undefined;
  }
}
