// The JSON database. One file for the library (preferences) and one per article,
// so saving a verdict rewrites one article, never the whole library. Every file
// is validated on load; a bad one is moved aside and reported by name, a newer
// one is refused and left untouched. All writes go through one queue.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { LoadProblem } from '../../shared/contract';
import type { Article, ArticleSummary, Preferences } from '../../shared/model';
import { UserError } from '../../shared/errors';
import { countByStatus } from '../../shared/verdicts';
import { writeFileAtomic } from './atomic-write';
import { JsonFileAdapter } from './json-file-adapter';
import {
  ArticleDocument,
  DEFAULT_PREFERENCES,
  LibraryDocument,
  SCHEMA_VERSION,
  UnreadableFileError,
  decoderFor,
} from './documents';
import { BackupKeeper, backupDir, listBackups } from './backups';
import { isProcessAlive } from './data-dir-lock';
import { WriteQueue } from './write-queue';

const ARTICLE_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/;
const CACHE_SIZE = 8;

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

  private constructor(
    readonly dataDir: string,
    private readonly library: Low<LibraryDocument>,
    private readonly summaries: Map<string, ArticleSummary>,
    readonly problems: LoadProblem[],
  ) {
    this.backups = new BackupKeeper(dataDir);
  }

  static async open(dataDir: string): Promise<Store> {
    await mkdir(join(dataDir, 'articles'), { recursive: true });
    const problems: LoadProblem[] = [];
    const library = await openLibrary(dataDir, problems);
    const summaries = new Map<string, ArticleSummary>();
    const entries = await readdir(join(dataDir, 'articles'));
    await removeOrphanedTempFiles(join(dataDir, 'articles'), entries);
    const names = entries.filter((n) => ARTICLE_FILE.test(n)).sort();
    for (const name of names) {
      const article = await readArticleFile(dataDir, name, problems);
      if (article) summaries.set(article.id, summarize(article));
    }
    return new Store(dataDir, library, summaries, problems);
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
    const article = await readArticleFile(this.dataDir, `${id}.json`, this.problems);
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
    return this.queue.run(async () => {
      if (this.summaries.has(article.id)) throw new UserError(`An article with id “${article.id}” already exists.`, 'conflict');
      await this.writeArticle(article);
      return article;
    });
  }

  /**
   * Reads the article, applies `change`, and saves the result, all inside the
   * write queue. When `change` returns the same object nothing is written.
   */
  async update(id: string, change: (article: Article) => Article): Promise<Article> {
    return this.queue.run(async () => {
      const current = await this.get(id);
      const next = change(current);
      if (next === current) return current;
      await this.writeArticle(next);
      return next;
    });
  }

  /** Moves the article's file to the trash folder (kept, so a delete can be undone). */
  async delete(id: string): Promise<void> {
    return this.queue.run(async () => {
      if (!this.summaries.has(id)) throw new UserError(`There is no article with id “${id}”.`, 'not-found');
      await mkdir(join(this.dataDir, 'trash'), { recursive: true });
      await rename(articlePath(this.dataDir, id), join(this.dataDir, 'trash', `${id}.${Date.now()}.json`));
      this.summaries.delete(id);
      this.cache.delete(id);
    });
  }

  /** Brings back the most recently deleted copy of an article (undo of delete). */
  async restore(id: string): Promise<ArticleSummary> {
    return this.queue.run(async () => {
      if (this.summaries.has(id)) throw new UserError(`The article “${id}” is already in the library.`, 'conflict');
      const trash = join(this.dataDir, 'trash');
      const copies = (await readdir(trash).catch(() => [] as string[]))
        .filter((name) => name.startsWith(`${id}.`) && name.endsWith('.json'))
        .sort((a, b) => trashStamp(b) - trashStamp(a));
      if (copies.length === 0) throw new UserError(`There is no deleted article “${id}” to restore.`, 'not-found');
      await rename(join(trash, copies[0]!), articlePath(this.dataDir, id));
      const article = await readArticleFile(this.dataDir, `${id}.json`, this.problems);
      if (!article) throw new UserError(this.problems.at(-1)?.message ?? `The article “${id}” could not be restored.`);
      const summary = summarize(article);
      this.summaries.set(id, summary);
      return summary;
    });
  }

  /** Puts back the newest good backup of an article whose file was quarantined. */
  async restoreBackup(id: string): Promise<ArticleSummary> {
    return this.queue.run(async () => {
      if (this.summaries.has(id)) throw new UserError(`The article “${id}” is already in the library.`, 'conflict');
      const backup = await newestGoodBackup(this.dataDir, id);
      if (!backup) throw new UserError(`There is no readable backup of the article “${id}”.`, 'not-found');
      await writeFileAtomic(articlePath(this.dataDir, id), await readFile(backup.path, 'utf8'));
      const summary = summarize(backup.article);
      this.summaries.set(id, summary);
      const index = this.problems.findIndex((p) => p.articleId === id);
      if (index >= 0) this.problems.splice(index, 1);
      return summary;
    });
  }

  preferences(): Preferences {
    return this.library.data.preferences;
  }

  async setPreferences(patch: Partial<Preferences>): Promise<Preferences> {
    return this.queue.run(async () => {
      this.library.data = { ...this.library.data, preferences: { ...this.library.data.preferences, ...patch } };
      await this.library.write();
      return this.library.data.preferences;
    });
  }

  /** Resolves once every write accepted so far is on disk. */
  flush(): Promise<void> {
    return this.queue.idle();
  }

  private async writeArticle(article: Article): Promise<void> {
    await this.backups.beforeReplace(article.id, articlePath(this.dataDir, article.id));
    const db = new Low<ArticleDocument>(articleAdapter(this.dataDir, `${article.id}.json`), {
      schemaVersion: SCHEMA_VERSION,
      article,
    });
    await db.write();
    this.summaries.set(article.id, summarize(article));
    this.remember(article);
  }

  private remember(article: Article): void {
    this.cache.delete(article.id);
    this.cache.set(article.id, article);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }
}

function trashStamp(name: string): number {
  return Number(name.split('.').at(-2)) || 0;
}

function articlePath(dataDir: string, id: string): string {
  return join(dataDir, 'articles', `${id}.json`);
}

function articleAdapter(dataDir: string, name: string) {
  return new JsonFileAdapter(join(dataDir, 'articles', name), decoderFor(ArticleDocument));
}

async function openLibrary(dataDir: string, problems: LoadProblem[]): Promise<Low<LibraryDocument>> {
  const defaults: LibraryDocument = { schemaVersion: SCHEMA_VERSION, preferences: DEFAULT_PREFERENCES };
  const adapter = new JsonFileAdapter(join(dataDir, 'library.json'), decoderFor(LibraryDocument));
  const db = new Low<LibraryDocument>(adapter, defaults);
  try {
    await db.read();
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    if (error.decoded.kind === 'newer') {
      throw new UserError(
        `The data folder ${dataDir} was written by a newer Factdesk (library schema ${error.decoded.version}; this version reads ${SCHEMA_VERSION}); it was left untouched.`,
        'refused',
      );
    }
    const movedTo = await quarantine(dataDir, '', 'library.json');
    problems.push({
      file: 'library.json',
      message: `The library file “library.json” could not be read (${error.message}); it was moved to ${movedTo} and the preferences were reset.`,
    });
    db.data = defaults;
  }
  return db;
}

/** Reads and validates one article file; on failure records a problem and returns null. */
async function readArticleFile(dataDir: string, name: string, problems: LoadProblem[]): Promise<Article | null> {
  let document: ArticleDocument | null;
  try {
    document = await articleAdapter(dataDir, name).read();
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    if (error.decoded.kind === 'newer') {
      problems.push({
        file: name,
        message: `The article file “${name}” was written by a newer Factdesk (schema ${error.decoded.version}; this version reads ${SCHEMA_VERSION}); it was left untouched.`,
      });
      return null;
    }
    const movedTo = await quarantine(dataDir, 'articles', name);
    const id = name.slice(0, -'.json'.length);
    const backup = await newestGoodBackup(dataDir, id);
    const offer = backup ? ` A backup from ${backup.savedAt} can be restored.` : '';
    problems.push({
      file: name,
      message: `The article file “${name}” could not be read (${error.message}); it was moved to ${movedTo}.${offer}`,
      ...(backup ? { articleId: id, backupAt: backup.savedAt } : {}),
    });
    return null;
  }
  const article = document?.article ?? null;
  if (article && `${article.id}.json` !== name) {
    problems.push({ file: name, message: `The article file “${name}” holds article “${article.id}”; it was skipped.` });
    return null;
  }
  return article;
}

/**
 * Temp files left by a writer that died mid-save (`.<name>.<pid>.<random>.tmp`):
 * removed when that process is gone; a live writer's are left alone.
 */
async function removeOrphanedTempFiles(dir: string, names: string[]): Promise<void> {
  for (const name of names) {
    const match = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
    if (match && !isProcessAlive(Number(match[1]))) await rm(join(dir, name), { force: true });
  }
}

/** The newest backup of an article that still parses and validates. */
async function newestGoodBackup(dataDir: string, id: string) {
  for (const name of await listBackups(dataDir, id)) {
    const path = join(backupDir(dataDir, id), name);
    try {
      const document = decoderFor(ArticleDocument)(await readFile(path, 'utf8'));
      if (document.article.id !== id) continue;
      return { path, article: document.article, savedAt: new Date(Number(name.slice(0, -5))).toISOString() };
    } catch {
      // a bad backup is skipped; older ones may still be good
    }
  }
  return null;
}

/** Moves a bad file into quarantine/ under a unique name; never overwrites anything. */
async function quarantine(dataDir: string, folder: string, name: string): Promise<string> {
  await mkdir(join(dataDir, 'quarantine'), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  // The random part keeps two quarantines in the same millisecond (or after the clock
  // stepped back) from renaming over an earlier copy.
  const target = join('quarantine', `${name}.${stamp}.${process.pid}.${randomBytes(4).toString('hex')}.corrupt`);
  await rename(join(dataDir, folder, name), join(dataDir, target));
  return target;
}
