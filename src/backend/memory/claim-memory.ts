// The claim memory's life in the backend: load the index file, check it against the
// library, read the article files it lacks (all of them when it is missing or
// damaged), keep it current after every save, and write it back. All of it off the
// save's path and in slices that yield to the event loop, so the window never waits:
// a search while the memory is still loading answers from what is read so far and
// says so (`status()`).
//
// Saves are learnt from outside the store: the backend calls `touched()` with the
// articles an operation named once it has answered; the memory then compares the
// article with what it indexed and re-indexes it (or drops it, when it is gone).
// Derived data only: nothing here is needed to read a verdict, and a memory that
// fails leaves every other operation as it was.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ClaimLibrary } from '../../shared/memory/claim-library';
import { decodeArticle, encodeArticle, memoryArticleOf, type MemoryArticle } from '../../shared/memory/memory-article';
import type { MemoryStatus } from '../../shared/memory/memory-contract';
import type { Article } from '../../shared/model';
import { articlePath } from '../store/article-files';
import { logPath } from '../store/article-log';
import { SCHEMA_VERSION } from '../store/documents';
import type { Store } from '../store/store';
import { appendLog, indexLines, logLines, logSize, removalLine, removedId, writeIndex } from './memory-file';

export interface ClaimMemoryOptions {
  /** Whether the memory may write its files (false for a reader without the folder's lock). */
  persist: boolean;
  /** Longest run of work between two yields to the event loop. */
  sliceMs?: number;
  /** Article files read at once while building. */
  readers?: number;
}

/** Past this the log is folded into a new index file. */
const LOG_LIMIT = 32 * 1024 * 1024;
const LOG_DELAY_MS = 250;

export class ClaimMemory {
  private library = new ClaimLibrary();
  private state: MemoryStatus['state'] = 'idle';
  private done = 0;
  private total = 0;
  private message: string | undefined;
  private loading: Promise<void> | null = null;
  private readonly pending = new Set<string>();
  private draining: Promise<void> | null = null;
  private readonly indexed = new Map<string, WeakRef<Article>>();
  private logQueue: string[] = [];
  private logTimer: NodeJS.Timeout | null = null;
  private writing: Promise<unknown> = Promise.resolve();
  private sliceStart = 0;
  private readonly sliceMs: number;

  constructor(
    private readonly store: Store,
    private readonly options: ClaimMemoryOptions,
  ) {
    this.sliceMs = options.sliceMs ?? 12;
  }

  /** Starts loading (once); resolves when the memory is ready or has failed. */
  start(): Promise<void> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.state = 'failed';
      this.message = `The claim memory could not be built: ${error instanceof Error ? error.message : String(error)}`;
    });
    return this.loading;
  }

  status(): MemoryStatus {
    const building = this.state === 'loading' || this.state === 'building';
    return {
      state: this.state,
      done: building ? this.done : 0,
      total: building ? this.total : 0,
      articles: this.library.articleCount,
      claims: this.library.claimCount,
      ...(this.message ? { message: this.message } : {}),
    };
  }

  /** The library as it stands (possibly still loading: see `status()`). */
  get claims(): ClaimLibrary {
    return this.library;
  }

  /** Waits for saves already reported to be in the memory (a few milliseconds), when it is loaded. */
  async settled(): Promise<void> {
    if (this.state === 'ready') await this.draining;
  }

  /**
   * Waits for the memory to be ready, for at most `ms`: a small library is loaded by
   * then and the first search finds everything; a large one answers from what is read.
   */
  async readyWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms).unref()));
    await Promise.race([this.ready(), late]);
    clearTimeout(timer);
    await this.settled();
  }

  /** Waits until the memory is loaded and every reported save is in it. */
  async ready(): Promise<void> {
    await this.start();
    while (this.draining) await this.draining;
  }

  /** Waits for everything in flight, files included (tests, and a CLI about to exit). */
  async idle(): Promise<void> {
    await this.ready();
    this.flushLog();
    await this.writing;
  }

  /** Articles an operation named: re-indexed after it answered, if they changed. */
  touched(ids: readonly string[]): void {
    if (!this.loading || ids.length === 0) return;
    for (const id of ids) this.pending.add(id);
    if (this.state === 'ready') this.draining ??= this.drain();
  }

  // ---- keeping up with saves ------------------------------------------------------

  private async drain(): Promise<void> {
    try {
      await nextTurn(); // after the operation's answer has gone out
      do {
        while (this.pending.size > 0) {
          const ids = [...this.pending];
          this.pending.clear();
          for (const id of ids) await this.refresh(id);
        }
        if (this.library.wantsRebuild()) await this.rebuild();
      } while (this.pending.size > 0);
    } finally {
      this.draining = null;
    }
  }

  private async refresh(id: string): Promise<void> {
    if (!this.store.has(id)) return this.forget(id);
    let article: Article;
    try {
      article = await this.store.get(id);
    } catch {
      return this.forget(id); // unreadable now: a lost article leaves the memory
    }
    if (this.indexed.get(id)?.deref() === article && this.library.stampOf(id) === article.updatedAt) return;
    const entry = memoryArticleOf(article);
    this.library.upsert(entry);
    this.indexed.set(id, new WeakRef(article));
    this.log(encodeArticle(entry));
  }

  private forget(id: string): void {
    this.indexed.delete(id);
    if (!this.library.has(id)) return;
    this.library.remove(id);
    this.log(removalLine(id));
  }

  /**
   * Half the index is replaced claims: a fresh one, built in slices, then swapped in.
   * Saves reported meanwhile wait in `pending` (only `drain` changes the library).
   */
  private async rebuild(): Promise<void> {
    const fresh = new ClaimLibrary();
    for (const article of [...this.library.articles()]) {
      fresh.upsert(article);
      await this.pause();
    }
    this.library = fresh;
  }

  private log(line: string): void {
    if (!this.options.persist) return;
    this.logQueue.push(line);
    this.logTimer ??= setTimeout(() => this.flushLog(), LOG_DELAY_MS).unref();
  }

  private flushLog(): void {
    if (this.logTimer) clearTimeout(this.logTimer);
    this.logTimer = null;
    if (this.logQueue.length === 0) return;
    const lines = this.logQueue;
    this.logQueue = [];
    const dataDir = this.store.dataDir;
    this.writing = this.writing
      .then(() => appendLog(dataDir, lines))
      .then(async () => {
        if ((await logSize(dataDir)) > LOG_LIMIT) await this.writeWhole();
      })
      .catch(() => undefined); // derived data: the next load reads the changed articles again
  }

  private writeWhole(): Promise<number> {
    return writeIndex(this.store.dataDir, this.library.articles(), () => this.pause());
  }

  // ---- loading ----------------------------------------------------------------------

  private async load(): Promise<void> {
    this.state = 'loading';
    const wanted = new Map(this.store.list().map((s) => [s.id, s.updatedAt]));
    this.total = wanted.size;
    this.done = 0;
    const lines = await indexLines(this.store.dataDir);
    let clean = lines !== null;
    if (lines) {
      for (const line of lines) {
        const article = decodeArticle(line, intern);
        if (article && wanted.get(article.id) === article.stamp) {
          this.library.upsert(article);
          this.done++;
        } else clean = false; // damaged, deleted, lost or changed since: the file is written anew

        await this.pause();
      }
    }
    const log = await logLines(this.store.dataDir);
    if (log) {
      clean = false; // folded into a new index file below
      for await (const line of log) {
        const removed = removedId(line);
        if (removed !== null) this.library.remove(removed);
        else {
          const article = decodeArticle(line, intern);
          if (article && wanted.get(article.id) === article.stamp) this.library.upsert(article);
        }
        await this.pause();
      }
    }
    // Deleted and lost articles leave; changed and new ones are read from their files.
    for (const id of this.library.ids()) {
      if (!wanted.has(id)) {
        this.library.remove(id);
        clean = false;
      }
    }
    const stale = [...wanted].filter(([id, stamp]) => this.library.stampOf(id) !== stamp).map(([id]) => id);
    if (stale.length > 0) {
      clean = false;
      this.state = 'building';
      this.total = stale.length;
      this.done = 0;
      await this.readArticles(stale);
    }
    this.state = 'ready';
    this.done = this.total = 0;
    if (this.options.persist && !clean) {
      this.writing = this.writing.then(() => this.writeWhole()).catch(() => undefined);
    }
    if (this.pending.size > 0) this.draining ??= this.drain();
  }

  private async readArticles(ids: string[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const article = await this.readArticle(id);
        if (article) this.library.upsert(article);
        else this.library.remove(id);
        this.done++;
        await this.pause();
      }
    };
    await Promise.all(Array.from({ length: this.options.readers ?? 4 }, worker));
  }

  /**
   * An article's memory entry from its file: parsed directly when it is of this
   * schema (the store has already validated it once), else through the store,
   * which migrates and validates. Null when it cannot be read.
   */
  private async readArticle(id: string): Promise<MemoryArticle | null> {
    try {
      // Changes still in the article's log (store/article-log.ts) are not in its file: the store replays them.
      if (!existsSync(logPath(this.store.dataDir, id))) {
        const document = JSON.parse(await readFile(articlePath(this.store.dataDir, id), 'utf8')) as { schemaVersion?: unknown; article?: Article };
        if (document.schemaVersion === SCHEMA_VERSION && document.article?.id === id) return memoryArticleOf(document.article);
      }
    } catch {
      // through the store below
    }
    try {
      return memoryArticleOf(await this.store.get(id));
    } catch {
      return null;
    }
  }

  /** Yields to the event loop once the current slice of work has run long enough. */
  private async pause(): Promise<void> {
    const now = performance.now();
    if (now - this.sliceStart < this.sliceMs) return;
    await nextTurn();
    this.sliceStart = performance.now();
  }
}

const interned = new Map<string, string>();
/** One copy of each checker name and day across 600,000 claims. */
function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size < 100_000) interned.set(s, s);
  return s;
}
