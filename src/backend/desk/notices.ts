// What a replay could not do silently: `desk/notices.jsonl`, one notice a line
// (an edit that could not apply, a verdict an edit had not seen), appended with
// fsync and listed by `desk notices` and beside the article in the app.
import { existsSync } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notice } from './replay-edits';

export interface DeskNotice extends Notice {
  articleId: string;
  /** The event that gave it: a batch pulled twice does not say it twice. */
  eventId: string;
  by: string;
  at: string;
}

export class Notices {
  private cached: DeskNotice[] | undefined;

  constructor(private readonly dir: string) {}

  static folder(dataDir: string): string {
    return join(dataDir, 'desk');
  }

  async list(articleId?: string): Promise<DeskNotice[]> {
    if (!this.cached) {
      const path = join(this.dir, 'notices.jsonl');
      const text = existsSync(path) ? await readFile(path, 'utf8') : '';
      this.cached = text.split('\n').flatMap((line) => {
        try {
          return line.trim() ? [JSON.parse(line) as DeskNotice] : [];
        } catch {
          return []; // a line cut short by a power cut
        }
      });
    }
    return articleId === undefined ? this.cached : this.cached.filter((n) => n.articleId === articleId);
  }

  async add(notices: DeskNotice[]): Promise<void> {
    const known = new Set((await this.list()).map((n) => `${n.eventId}\n${n.text}`));
    const fresh = notices.filter((n) => !known.has(`${n.eventId}\n${n.text}`));
    if (fresh.length === 0) return;
    await mkdir(this.dir, { recursive: true });
    const handle = await open(join(this.dir, 'notices.jsonl'), 'a', 0o600);
    try {
      await handle.appendFile(fresh.map((n) => `${JSON.stringify(n)}\n`).join(''), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.cached!.push(...fresh);
  }
}
