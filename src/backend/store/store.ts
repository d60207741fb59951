// The JSON database. One file for the library (preferences) and one per article,
// so saving a verdict touches one article, never the whole library: it appends the
// change to the article's log, which is compacted into its file later (article-log.ts). Every file
// is validated on load; a bad one is moved aside and reported by name, a newer
// one is refused and left untouched, an older one is migrated. All writes go
// through one queue. lowdb holds library.json (a `Low`: read, data, write); article
// files go through the same atomic adapter without one (see writeArticleFile).
import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { STALE_ARTICLE, type LoadProblem } from '../../shared/contract';
import { describeZodError } from '../../shared/describe-zod-error';
import { Article, type ArticleSummary, type Preferences } from '../../shared/model';
import { UserError } from '../../shared/errors';
import { countByStatus } from '../../shared/verdicts';
import {
  ARTICLE_FILE,
  articlePath,
  newestGoodBackup,
  openLibrary,
  readArticleFile,
  removeOrphanedTempFiles,
  writeArticleFile,
  type ReadOptions,
} from './article-files';
import { articleIdPath } from '../ids';
import { BackupKeeper } from './backups';
import type { LibraryDocument } from './documents';
import { errnoCode, openFault, writeFault } from './faults';
import { listQuarantine } from './quarantine';
import {
  listRecoverable,
  putBackFromTrash,
  quarantineProblems,
  readableTrashCopy,
  restoreFromQuarantine,
  type Recoverable,
  type Restored,
} from './recovery';
import { identityOf, readSummaryIndex, sameFile, writeSummaryIndex, type IndexEntry } from './summary-index';
import { WriteQueue } from './write-queue';
import { appendRecord, checkedChange, headerOf, logPath, removeLog } from './article-log';

const CACHE_SIZE = 8;
/** A log is compacted into its snapshot once it is this big, or as big as the snapshot (so opening replays at most about that much). */
const LOG_MIN_BYTES = 64 * 1024;
/** …and once no save has come for this long. */
const COMPACT_IDLE_MS = 2_000;

/** An article's log as this store last wrote or read it. */
interface LogState {
  /** Bytes of whole records: where the next one goes. */
  size: number;
  /** The snapshot's size, once known: the log is compacted when it outgrows it. */
  snapshotBytes?: number;
}
/** Files stat'ed at once while opening: enough to keep the disk busy, few enough not to flood the thread pool. */
const STAT_BATCH = 128;

/** An article as `updateWith` saved it (or left it), and what its change answered. */
export interface Updated<R> {
  article: Article;
  result: R;
}

export interface UpdateOptions {
  /** The version the change was made against (Article.version); another one refuses it. */
  expectedVersion?: number;
}

export interface StoreOptions {
  /**
   * A reader without the folder's lock (the CLI's list and export) must not
   * write: it migrates in memory only and leaves the summary index alone.
   */
  readOnly?: boolean;
  /**
   * Why it is read-only, when that is not the missing lock: the sentence a
   * write is refused with (a read-only data folder), also listed among the
   * problems so that every front door shows it.
   */
  readOnlyBecause?: string;
}

export function summarize(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    publication: article.publication,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    total: article.claims.length,
    counts: countByStatus(article.claims),
    changed: article.claims.filter((c) => c.changed).length,
  };
}

export class Store {
  private readonly queue = new WriteQueue();
  private readonly backups: BackupKeeper;
  /** Recently used articles; the store is the only writer, so these stay true. */
  private readonly cache = new Map<string, Article>();
  /**
   * The files this store moved to quarantine/ since it opened, or had to but could
   * not (each also among the problems), so that the command that did can say so.
   */
  readonly movedAside: LoadProblem[] = [];
  /** Per article, its log (article-log.ts); an article without an entry has not been read yet. */
  private readonly logs: Map<string, LogState>;
  private idleTimer: NodeJS.Timeout | undefined;

  private constructor(
    readonly dataDir: string,
    private readonly library: Low<LibraryDocument>,
    private readonly summaries: Map<string, ArticleSummary>,
    readonly problems: LoadProblem[],
    private readonly read: ReadOptions,
    logs: Map<string, LogState>,
    private readonly readOnlyBecause?: string,
  ) {
    this.backups = new BackupKeeper(dataDir);
    this.logs = logs;
  }

  static async open(dataDir: string, options: StoreOptions = {}): Promise<Store> {
    const movedAside: LoadProblem[] = [];
    const logs = new Map<string, LogState>();
    const read: ReadOptions = {
      writable: !options.readOnly && !options.readOnlyBecause,
      onMoved: (problem) => movedAside.push(problem),
      onLog: (id, size) => logs.set(id, { size }),
    };
    let store: Store;
    try {
      // A reader may find the folder read-only or without articles/ yet: it only reads.
      await mkdir(join(dataDir, 'articles'), { recursive: true }).catch((error: unknown) => {
        if (read.writable || errnoCode(error) === 'ENOTDIR') throw error;
      });
      const problems: LoadProblem[] = [];
      if (options.readOnlyBecause) problems.push({ file: dataDir, message: options.readOnlyBecause.replace(/; nothing was changed\.$/, ': articles can be read and exported, but nothing can be saved.') });
      // Listed before this open moves anything there: what it moves gets its own problem.
      const quarantined = await listQuarantine(dataDir).catch(() => []);
      const library = await openLibrary(dataDir, problems, read);
      const entries = await readdir(join(dataDir, 'articles')).catch((error: unknown) => {
        if (!read.writable && errnoCode(error) === 'ENOENT') return [] as string[];
        throw error;
      });
      if (read.writable) {
        // Only clearing up: a folder that will not let us is no reason not to open.
        await removeOrphanedTempFiles(join(dataDir, 'articles'), entries).catch(() => undefined);
        await removeOrphanedTempFiles(dataDir, await readdir(dataDir)).catch(() => undefined); // the library file's and the index's
      }
      const names = entries.filter((n) => ARTICLE_FILE.test(n)).sort();
      const logged = new Set(entries.filter((n) => n.endsWith('.log')).map((n) => `${n.slice(0, -'.log'.length)}.json`));
      const summaries = await summarizeArticles(dataDir, names, problems, read, logged);
      const offered = new Set(problems.flatMap((p) => (p.articleId ? [p.articleId] : [])));
      problems.push(...(await quarantineProblems(dataDir, quarantined, (id) => summaries.has(id), offered)));
      store = new Store(dataDir, library, summaries, problems, read, logs, options.readOnlyBecause);
    } catch (error) {
      throw await openFault(error, dataDir);
    }
    store.movedAside.push(...movedAside);
    read.onMoved = (problem) => store.movedAside.push(problem);
    return store;
  }

  list(): ArticleSummary[] {
    return [...this.summaries.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  has(id: string): boolean {
    return this.summaries.has(id);
  }

  async get(id: string): Promise<Article> {
    const cached = this.cache.get(id);
    if (cached) {
      this.remember(cached);
      return cached;
    }
    if (!this.summaries.has(id)) throw new UserError(`There is no article with id “${id}”.`, 'not-found');
    const known = this.problems.length;
    const article = await readArticleFile(this.dataDir, `${id}.json`, this.problems, this.read);
    if (!article) {
      this.summaries.delete(id);
      // Only a problem recorded by this read explains it (a vanished file records none).
      const problem = this.problems.length > known ? this.problems.at(-1) : undefined;
      throw new UserError(problem?.message ?? `The article “${id}” could not be read.`, 'not-found');
    }
    this.remember(article);
    return article;
  }

  async create(article: Article): Promise<Article> {
    return this.write(async () => {
      const checked = checkedForWriting({ ...article, version: article.version ?? 0 });
      if (this.summaries.has(checked.id)) throw new UserError(`An article with id “${checked.id}” already exists.`, 'conflict');
      await this.writeArticle(checked);
      return checked;
    });
  }

  /**
   * Reads the article, applies `change`, and saves the result, all inside the
   * write queue. When `change` returns the same object nothing is written; when
   * it returns an article the schema refuses, nothing is written either. A write counts
   * the version up; one made against another version than the article's is refused.
   */
  async update(id: string, change: (article: Article) => Article, options: UpdateOptions = {}): Promise<Article> {
    return (await this.updateWith(id, (article) => ({ article: change(article), result: undefined }), options)).article;
  }

  /**
   * `update` for a change that also works out an answer (the claim it changed, a
   * report): `change` returns both, and the answer comes back beside the saved
   * article, so no handler has to smuggle it out of the closure.
   */
  async updateWith<R>(id: string, change: (article: Article) => Updated<R>, options: UpdateOptions = {}): Promise<Updated<R>> {
    return this.write(async () => {
      const current = await this.get(id);
      // Compared inside the queue, so no other write can land between the check and this one.
      if (options.expectedVersion !== undefined && options.expectedVersion !== (current.version ?? 0)) {
        throw new UserError(STALE_ARTICLE, 'conflict');
      }
      const { article: next, result } = change(current);
      if (next === current) return { article: current, result };
      const version = (current.version ?? 0) + 1;
      const logged = next.id === id ? checkedChange(current, next, version) : null;
      if (logged && this.logs.get(id)?.size === -1) {
        await this.writeArticle(logged.article); // its log cannot be used (reported when read): saved whole
        return { article: logged.article, result };
      }
      if (logged) {
        await this.appendChange(current, logged.article, logged.record);
        return { article: logged.article, result };
      }
      const checked = checkedForWriting({ ...next, version });
      if (checked.id !== id) throw new Error(`store.update(${id}) returned article ${checked.id}`);
      await this.writeArticle(checked);
      return { article: checked, result };
    });
  }

  /**
   * Puts `article` in place of the library's version of it (an import chosen to
   * replace it). The version replaced is kept as a backup first, whatever the
   * backup interval, so no verdict saved on it is lost.
   */
  async replace(article: Article): Promise<Article> {
    return this.write(async () => {
      const checked = checkedForWriting(article);
      if (!this.summaries.has(checked.id)) throw new UserError(`There is no article with id “${checked.id}”.`, 'not-found');
      await this.writeArticle(checked, { backupAlways: true });
      return checked;
    });
  }

  /** Moves the article's file to the trash folder (kept, so a delete can be undone). */
  async delete(id: string): Promise<void> {
    return this.write(async () => {
      if (!this.summaries.has(id)) throw new UserError(`There is no article with id “${id}”.`, 'not-found');
      await mkdir(join(this.dataDir, 'trash'), { recursive: true });
      // The copy in trash/ holds every acknowledged change: the log goes into it first.
      await this.compact(id);
      await rename(articlePath(this.dataDir, id), articleIdPath(this.dataDir, 'trash', id, `.${Date.now()}.json`));
      this.summaries.delete(id);
      this.cache.delete(id);
      // Compacted, so the log holds only what the copy does; one that was not (another writer's) stays.
      if ((this.logs.get(id)?.size ?? 0) <= 0) await removeLog(logPath(this.dataDir, id)).catch(() => undefined);
      this.logs.delete(id);
    });
  }

  /** Brings back the most recently deleted copy of an article (undo of delete). */
  async restore(id: string): Promise<ArticleSummary> {
    return this.write(async () => {
      if (this.summaries.has(id)) throw new UserError(`The article “${id}” is already in the library.`, 'conflict');
      // Validated first, and never moved over a file there: a copy that does not read stays in trash/.
      const copy = await readableTrashCopy(this.dataDir, id);
      await putBackFromTrash(this.dataDir, id, copy);
      return this.putBackInLibrary(id);
    });
  }

  /** Puts back the newest good backup of an article whose file was quarantined. */
  async restoreBackup(id: string): Promise<ArticleSummary> {
    return this.write(async () => {
      if (this.summaries.has(id)) throw new UserError(`The article “${id}” is already in the library.`, 'conflict');
      const backup = await newestGoodBackup(this.dataDir, id);
      if (!backup) throw new UserError(`There is no readable backup of the article “${id}”.`, 'not-found');
      // Whatever is at its name (a file that could not be opened, a folder) is not overwritten.
      if (await stat(articlePath(this.dataDir, id)).catch(() => null)) {
        throw new UserError(`articles/${id}.json is there but could not be read; move it out of the data folder first, then restore the backup.`, 'conflict');
      }
      await writeArticleFile(this.dataDir, backup.article);
      // Read back, so a log left beside the quarantined file is replayed when it continues this version.
      return this.putBackInLibrary(id);
    });
  }

  /**
   * Puts a file of quarantine/ back once it reads and validates (an article whose
   * id is taken is refused, not overwritten); it is then no longer a problem.
   */
  async restoreQuarantined(file: string): Promise<{ restored: Restored; article?: ArticleSummary }> {
    return this.write(async () => {
      const restored = await restoreFromQuarantine(this.dataDir, file, (id) => this.summaries.has(id));
      this.forgetProblems((p) => p.file === `quarantine/${file}`);
      if (restored.kind === 'library') {
        await this.library.read();
        this.forgetProblems((p) => p.file === 'library.json' || p.file.startsWith('quarantine/library.json.'));
        return { restored };
      }
      return { restored, article: await this.putBackInLibrary(restored.id) };
    });
  }

  /** What quarantine/, trash/ and backups/ hold that could be brought back. */
  async recoverable(): Promise<Recoverable> {
    return listRecoverable(this.dataDir, (id) => this.summaries.has(id));
  }

  preferences(): Preferences {
    return this.library.data.preferences;
  }

  async setPreferences(patch: Partial<Preferences>): Promise<Preferences> {
    return this.write(async () => {
      this.library.data = { ...this.library.data, preferences: { ...this.library.data.preferences, ...patch } };
      await this.library.write();
      return this.library.data.preferences;
    });
  }

  /** Resolves once every write accepted so far is on disk. */
  flush(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Writes every article's log into its snapshot (article-log.ts), so that the files
   * of articles/ hold everything on their own; for a clean close, or before copying
   * the folder. Nothing needs it for safety: the logs are durable.
   */
  async compactAll(): Promise<void> {
    if (!this.read.writable) return;
    await this.queue.run(async () => {
      for (const [id, log] of this.logs) if (log.size > 0) await this.compact(id).catch(() => undefined);
    });
  }

  /**
   * A save of a change checked field by field (checkedChange): one record appended to
   * the article's log and fsynced, so its cost is the change's, not the article's.
   */
  private async appendChange(current: Article, article: Article, record: Parameters<typeof appendRecord>[1]): Promise<void> {
    const id = article.id;
    const log = this.logs.get(id) ?? { size: 0 };
    const path = logPath(this.dataDir, id);
    // When the interval is up, as before a whole save; a copy, since the snapshot stays in place (see BackupKeeper).
    await this.backups.beforeReplace(id, articlePath(this.dataDir, id), false, true);
    // A new log's header names the snapshot it continues: `current`, since with no log the snapshot holds it all.
    log.size = await appendRecord(path, record, log.size, headerOf(current));
    this.logs.set(id, log);
    this.summaries.set(id, summarize(article));
    this.remember(article);
    log.snapshotBytes ??= (await stat(articlePath(this.dataDir, id)).catch(() => null))?.size ?? 0;
    if (log.size > Math.max(LOG_MIN_BYTES, log.snapshotBytes)) {
      // Queued behind this save, never in front of its acknowledgement.
      void this.queue.run(() => this.compact(id)).catch(() => undefined);
    }
    this.scheduleIdleCompaction();
  }

  private scheduleIdleCompaction(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.compactAll().catch(() => undefined), COMPACT_IDLE_MS);
    this.idleTimer.unref();
  }

  /**
   * Rewrites the article's snapshot with its log's records (a backup of the snapshot it
   * replaces is kept as for any save), then removes the log. Killed in between, the
   * log's records are all at or below the new snapshot's version, so they are skipped.
   * Left alone when the log is not as this store last wrote it: another writer's.
   */
  private async compact(id: string): Promise<void> {
    const log = this.logs.get(id);
    if (!log || log.size === 0) return;
    const path = logPath(this.dataDir, id);
    if ((await stat(path).catch(() => null))?.size !== log.size) return;
    const article = await this.get(id);
    await this.backups.beforeReplace(id, articlePath(this.dataDir, id));
    await writeArticleFile(this.dataDir, article);
    await removeLog(path);
    this.logs.set(id, { size: 0 });
  }

  /** Writes an article already checked against the schema (checkedForWriting), whole. */
  private async writeArticle(article: Article, options: { backupAlways?: boolean } = {}): Promise<void> {
    // The version kept as a backup, and the one replaced, include what the log holds.
    if (options.backupAlways) await this.compact(article.id);
    await this.backups.beforeReplace(article.id, articlePath(this.dataDir, article.id), options.backupAlways);
    await writeArticleFile(this.dataDir, article);
    const log = this.logs.get(article.id);
    if (log && log.size > 0) {
      await removeLog(logPath(this.dataDir, article.id));
      this.logs.set(article.id, { size: 0 });
    }
    this.summaries.set(article.id, summarize(article));
    this.remember(article);
  }

  /** An article file just put back into articles/: read (migrated if older), listed, and no longer a problem. */
  private async putBackInLibrary(id: string): Promise<ArticleSummary> {
    const known = this.problems.length;
    const article = await readArticleFile(this.dataDir, `${id}.json`, this.problems, this.read);
    if (!article) throw new UserError(this.problems.length > known ? this.problems.at(-1)!.message : `The article “${id}” could not be restored.`);
    const summary = summarize(article);
    this.summaries.set(id, summary);
    this.forgetProblemsOf(id);
    return summary;
  }

  private forgetProblemsOf(id: string): void {
    this.forgetProblems((p) => p.articleId === id || p.file === `${id}.json` || p.file.startsWith(`quarantine/${id}.json.`));
  }

  private forgetProblems(which: (problem: LoadProblem) => boolean): void {
    for (let i = this.problems.length - 1; i >= 0; i--) if (which(this.problems[i]!)) this.problems.splice(i, 1);
  }

  /**
   * Runs a change through the write queue; a read-only store (no lock held, or a
   * read-only folder) refuses. A fault of the disk becomes one sentence (writes are
   * atomic, so a failed one changed nothing).
   */
  private write<T>(task: () => Promise<T>): Promise<T> {
    if (!this.read.writable) {
      return Promise.reject(
        new UserError(this.readOnlyBecause ?? `The data folder ${this.dataDir} was opened for reading only, so nothing can be saved to it.`, 'refused'),
      );
    }
    return this.queue.run(() =>
      task().catch(async (error: unknown) => {
        throw await writeFault(error, this.dataDir);
      }),
    );
  }

  private remember(article: Article): void {
    this.cache.delete(article.id);
    this.cache.set(article.id, article);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }
}

/**
 * The article as the schema reads it, checked before it is written, never after: a
 * change that would leave a file the next open refuses (a title over its limit, an
 * id that is no article id) is refused in one sentence and the file stays as it was.
 */
function checkedForWriting(article: Article): Article {
  const parsed = Article.safeParse(article);
  if (parsed.success) return parsed.data;
  const title = typeof article?.title === 'string' ? article.title.replace(/\s+/g, ' ').trim() : '';
  const shown = title ? `“${title.length > 80 ? `${title.slice(0, 80)}…` : title}”` : 'the article';
  throw new UserError(describeZodError(parsed.error, `The change was not saved, since it would leave ${shown} unreadable`), 'invalid');
}

/**
 * The library list: from the summary index for files that have not changed
 * since it was written, by reading the file for any other. The index is
 * rewritten when it no longer matches the folder (and the store may write).
 */
async function summarizeArticles(
  dataDir: string,
  names: string[],
  problems: LoadProblem[],
  read: ReadOptions,
  logged: Set<string>,
): Promise<Map<string, ArticleSummary>> {
  const index = await readSummaryIndex(dataDir);
  const fresh = new Map<string, IndexEntry>();
  const stale: string[] = [];
  for (let i = 0; i < names.length; i += STAT_BATCH) {
    const batch = names.slice(i, i + STAT_BATCH);
    const stats = await Promise.all(batch.map((name) => stat(join(dataDir, 'articles', name)).catch(() => null)));
    batch.forEach((name, j) => {
      const entry = index.get(name);
      // An entry is used only for the file it was made from, holding the article its name says.
      // An article with a log is read: its summary is the snapshot's plus the log's changes.
      if (stats[j] && !logged.has(name) && sameFile(entry, stats[j]) && `${entry!.summary.id}.json` === name) fresh.set(name, entry!);
      else stale.push(name);
    });
  }
  for (const name of stale) {
    const article = await readArticleFile(dataDir, name, problems, read);
    // Taken after the read: a migration may have just rewritten the file.
    const stats = article && (await stat(join(dataDir, 'articles', name)).catch(() => null));
    if (article && stats) fresh.set(name, { ...identityOf(stats), summary: summarize(article) });
  }
  if (read.writable && (stale.length > 0 || fresh.size !== index.size)) {
    await writeSummaryIndex(dataDir, fresh).catch(() => undefined); // only a cache: the next open tries again
  }
  const summaries = new Map<string, ArticleSummary>();
  for (const name of names) {
    const entry = fresh.get(name);
    if (entry) summaries.set(entry.summary.id, entry.summary);
  }
  return summaries;
}
