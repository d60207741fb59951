// Reading the files of the data folder: each one validated (and migrated when an
// older Factdesk wrote it); a bad one moved aside with its newest good backup
// offered; a newer one refused and left untouched.
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import type { LoadProblem } from '../../shared/contract';
import type { Article } from '../../shared/model';
import { UserError } from '../../shared/errors';
import { articleIdPath, isArticleId } from '../ids';
import { backupDir, keepBeforeMigration, legacyBackupTime, listBackups, preMigrationPath } from './backups';
import { isProcessAlive } from './data-dir-lock';
import { FileFaultError, describeCode, errnoCode, firstNonFolder, readRegularFile } from './faults';
import { quarantineFile } from './quarantine';
import {
  ArticleDocument,
  DEFAULT_PREFERENCES,
  LibraryDocument,
  SCHEMA_VERSION,
  UnreadableFileError,
  decoderFor,
} from './documents';
import { JsonFileAdapter } from './json-file-adapter';
import { Article as ArticleSchema } from '../../shared/model';
import { logPath, readLog, removeLog, replay, type LogRead } from './article-log';

/**
 * The files of articles/ that are read: an article's own (`<id>.json`) and any other
 * plain name, so that a stray or hand-renamed file is reported (and moved aside), not
 * silently ignored. Only an article id (see ARTICLE_ID_PATTERN) ever becomes a path.
 */
export const ARTICLE_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/;

/**
 * How a read may touch the folder: a reader without the folder's lock never
 * writes a migration back nor moves a bad file aside; it only reports.
 */
export interface ReadOptions {
  writable: boolean;
  /**
   * Told of every file this read moved to quarantine/ (or found it had to move but
   * could not), so the command that did it can say so.
   */
  onMoved?: (problem: LoadProblem) => void;
  /**
   * Told, per article read, how many bytes of its log (article-log.ts) are whole
   * records: the writer's next append goes there, cutting off a torn tail; -1 when
   * the log cannot be read (something else at its name): that article is saved whole.
   */
  onLog?: (id: string, size: number) => void;
}

/** articles/<id>.json; refused unless `id` is an article id (see articleIdPath). */
export function articlePath(dataDir: string, id: string): string {
  return articleIdPath(dataDir, 'articles', id, '.json');
}

/**
 * The path of a file of articles/ found by listing the folder (ARTICLE_FILE): an
 * article's own path when its name is an article id, else the name as it is, which
 * the listing guarantees has no separator (checked again all the same).
 */
function listedArticlePath(dataDir: string, name: string): string {
  const id = name.slice(0, -'.json'.length);
  if (isArticleId(id)) return articlePath(dataDir, id);
  const dir = resolve(dataDir, 'articles');
  const path = resolve(dir, name);
  if (!ARTICLE_FILE.test(name) || dirname(path) !== dir) throw new UserError(`“${name}” is not a file of the articles folder.`, 'invalid');
  return path;
}

/** `onMigrated` hears of a file from an older schema (the adapter returns it migrated). */
function articleAdapter(path: string, onMigrated?: (from: number) => void) {
  return new JsonFileAdapter(path, decoderFor(ArticleDocument, onMigrated));
}

/**
 * Saves an article to its file, atomically and durably, through the same adapter as
 * the library. Without a lowdb `Low`, on purpose: a `Low` is one document held in
 * memory and written whole, which is what library.json is (see openLibrary). Articles
 * are many documents that the store already holds (its cache and summary index, each
 * article validated on read and checked before a write); a `Low` per article would be
 * a second copy of it, built to make one call to this adapter.
 */
export async function writeArticleFile(dataDir: string, article: Article): Promise<void> {
  await articleAdapter(articlePath(dataDir, article.id)).write({ schemaVersion: SCHEMA_VERSION, article });
}

export async function openLibrary(dataDir: string, problems: LoadProblem[], options: ReadOptions): Promise<Low<LibraryDocument>> {
  const defaults: LibraryDocument = { schemaVersion: SCHEMA_VERSION, preferences: DEFAULT_PREFERENCES };
  const path = join(dataDir, 'library.json');
  let migratedFrom: number | undefined;
  const db = new Low<LibraryDocument>(new JsonFileAdapter(path, decoderFor(LibraryDocument, (from) => (migratedFrom = from))), defaults);
  try {
    await db.read();
  } catch (error) {
    if (error instanceof FileFaultError) {
      problems.push({ file: 'library.json', message: `The library file “library.json” ${error.why}; it was left in place and the preferences were reset: ${error.todo}.` });
      db.data = defaults;
      return db;
    }
    if (!(error instanceof UnreadableFileError)) throw error;
    if (error.decoded.kind === 'newer') {
      throw new UserError(
        `The data folder ${dataDir} was written by a newer Factdesk (library schema ${error.decoded.version}; this version reads ${SCHEMA_VERSION}); it was left untouched.`,
        'refused',
      );
    }
    const where = options.writable ? await moveAside(dataDir, '', 'library.json') : 'it was left in place';
    const problem = {
      file: 'library.json',
      message: `The library file “library.json” could not be read (${error.message}); ${where} and the preferences were reset.`,
    };
    problems.push(problem);
    options.onMoved?.(problem);
    db.data = defaults;
  }
  // The migration is written back when it can be; otherwise the file stays as it was, migrated in memory.
  if (migratedFrom !== undefined && options.writable && (await keepBeforeMigration(path, preMigrationPath(dataDir, null, migratedFrom)))) {
    await db.write().catch(() => undefined);
  }
  return db;
}

/** Reads and validates one article file; on failure records a problem and returns null. */
export async function readArticleFile(
  dataDir: string,
  name: string,
  problems: LoadProblem[],
  options: ReadOptions,
): Promise<Article | null> {
  const id = name.slice(0, -'.json'.length);
  let migratedFrom: number | undefined;
  const adapter = articleAdapter(listedArticlePath(dataDir, name), (from) => (migratedFrom = from));
  // The log before the file: a compaction in between then leaves a log the file already holds
  // (skipped), never a file without the log's changes (a reader without the lock races the writer).
  const log: LogRead | Error | null = isArticleId(id) ? await readLog(logPath(dataDir, id)).catch((error: unknown) => error as Error) : null;
  let document: ArticleDocument | null;
  try {
    document = await adapter.read();
  } catch (error) {
    if (error instanceof FileFaultError) {
      // Not damaged bytes but something else at that name, or a file we may not read: left where it is.
      problems.push({ file: name, message: `The article file “${name}” ${error.why}; it was left in place: ${error.todo}.` });
      return null;
    }
    if (!(error instanceof UnreadableFileError)) throw error;
    if (error.decoded.kind === 'newer') {
      problems.push({
        file: name,
        message: `The article file “${name}” was written by a newer Factdesk (schema ${error.decoded.version}; this version reads ${SCHEMA_VERSION}); it was left untouched.`,
      });
      return null;
    }
    // A reader without the lock only reports it: moving files is the lock holder's job.
    if (!options.writable) {
      problems.push({ file: name, message: `The article file “${name}” could not be read (${error.message}); it was left in place.` });
      return null;
    }
    const where = await moveAside(dataDir, 'articles', name);
    // Only an article id has backups: a stray file's name never becomes a backups/ path.
    const backup = isArticleId(id) ? await newestGoodBackup(dataDir, id) : null;
    const offer = backup ? ` A backup from ${backup.savedAt} can be restored.` : '';
    const problem = {
      file: name,
      message: `The article file “${name}” could not be read (${error.message}); ${where}.${offer}`,
      ...(backup ? { articleId: id, backupAt: backup.savedAt } : {}),
    };
    problems.push(problem);
    options.onMoved?.(problem);
    return null;
  }
  if (document === null) {
    // Listed a moment ago, gone now (deleted by hand, or by another program).
    problems.push({ file: name, message: `The article file “${name}” disappeared from the articles folder while Factdesk was reading it; it was skipped.` });
    return null;
  }
  const snapshot = document?.article ?? null;
  if (snapshot && snapshot.id !== id) {
    problems.push({ file: name, message: `The article file “${name}” holds article “${snapshot.id}”; it was skipped.` });
    return null;
  }
  const article = snapshot && log ? await withLog(dataDir, id, snapshot, log, problems, options) : snapshot;
  // The file as the older Factdesk wrote it is kept before it is replaced; without
  // that copy (or the folder's lock) the file stays as it is, migrated in memory.
  if (document && migratedFrom !== undefined && options.writable && (await keepBeforeMigration(adapter.path, preMigrationPath(dataDir, id, migratedFrom)))) {
    await adapter.write(document).catch(() => undefined); // a full disk, say: it stays as it was and is migrated again next time
  }
  return article;
}

/**
 * The snapshot with its log's acknowledged changes (article-log.ts says how). A log
 * that does not read to its end (a damaged line, a missing record, a result the
 * schema refuses) is reported by name: the article opens as of its last good change
 * and, when this reader may write, that is saved and the log moved to quarantine/,
 * so that no later save is appended behind a line no replay gets past.
 */
async function withLog(dataDir: string, id: string, snapshot: Article, log: LogRead | Error, problems: LoadProblem[], options: ReadOptions): Promise<Article> {
  const path = logPath(dataDir, id);
  if (log instanceof Error) {
    options.onLog?.(id, -1); // not to be appended to: the writer saves such an article whole
    const why = log instanceof FileFaultError ? log.why : `could not be read (${describeCode(errnoCode(log))})`;
    problems.push({ file: `${id}.log`, message: `The change log “${id}.log” ${why}; it was left in place and the article opened as of its last full save.` });
    return snapshot;
  }
  options.onLog?.(id, log.size);
  if (log.records.length === 0 && !log.damaged) return snapshot;
  const version = snapshot.version ?? 0;
  if (!log.damaged && log.records.every((r) => r.v <= version)) {
    // A compaction stopped before it removed the log: the snapshot holds every record.
    if (options.writable) await removeLog(path).then(() => options.onLog?.(id, 0), () => undefined);
    return snapshot;
  }
  const base = log.header?.base;
  if (!base || base.v !== version || base.at !== snapshot.updatedAt) {
    // The article file was replaced behind the log's back: it is not the version the log continues.
    return setLogAside(dataDir, id, snapshot, problems, options, 'continues another version of the article file, which was changed since by something else than this Factdesk; the article opened as the file is now');
  }
  const replayed = replay(snapshot, log.records);
  const checked = ArticleSchema.safeParse(replayed.article);
  const article = checked.success ? checked.data : snapshot;
  if (checked.success && !log.damaged && !replayed.gap) return article;
  const kept = checked.success ? `the article opened with the ${replayed.applied} changes before it` : 'the article opened as of its last full save';
  return setLogAside(dataDir, id, article, problems, options, `has a damaged record; ${kept}`);
}

/**
 * A log that cannot be applied whole: `article` (what could be) is saved as the
 * snapshot and the log moved to quarantine/ when this reader may write, and said so.
 */
async function setLogAside(dataDir: string, id: string, article: Article, problems: LoadProblem[], options: ReadOptions, why: string): Promise<Article> {
  let where = 'it was left in place';
  if (options.writable) {
    try {
      await writeArticleFile(dataDir, article);
      where = await moveAside(dataDir, 'articles', `${id}.log`);
      // Moved: the next save starts a new log. Not moved: it is appended at the end of its last good record.
      if (where.startsWith('it was moved')) options.onLog?.(id, 0);
    } catch {
      // the snapshot could not be written: the log stays, read the same way next time
    }
  }
  const problem = { file: `${id}.log`, message: `The change log “${id}.log” of article “${id}” ${why}; ${where}.` };
  problems.push(problem);
  options.onMoved?.(problem);
  return article;
}

/**
 * Temp files left by a writer that died mid-save (`.<name>.<pid>.<random>.tmp`):
 * removed when that process is gone; a live writer's are left alone.
 */
export async function removeOrphanedTempFiles(dir: string, names: string[]): Promise<void> {
  for (const name of names) {
    const match = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
    if (match && !isProcessAlive(Number(match[1]))) await rm(join(dir, name), { force: true });
  }
}

/** The newest backup of an article that still parses and validates (migrated if it is older). */
export async function newestGoodBackup(dataDir: string, id: string) {
  for (const name of await listBackups(dataDir, id)) {
    const path = join(backupDir(dataDir, id), name);
    try {
      const raw = await readRegularFile(path);
      if (raw === null) continue;
      const document = decoderFor(ArticleDocument)(raw);
      if (document.article.id !== id) continue;
      // When that version was saved, as the version itself records it (an older Factdesk's backup: the time in its name).
      const legacy = legacyBackupTime(name);
      return { article: document.article, savedAt: legacy !== null ? new Date(legacy).toISOString() : document.article.updatedAt };
    } catch {
      // a bad backup is skipped; older ones may still be good
    }
  }
  return null;
}

/**
 * Moves a bad file into quarantine/ (see quarantineFile) and says where, as the end of
 * a sentence; when it cannot be moved (quarantine/ is a file, the disk is read-only)
 * it stays where it is and the sentence says why, so one bad file never stops the open.
 */
async function moveAside(dataDir: string, folder: string, name: string): Promise<string> {
  try {
    return `it was moved to ${await quarantineFile(dataDir, folder, name)}`;
  } catch (error) {
    const code = errnoCode(error);
    const culprit = code === 'ENOTDIR' || code === 'EEXIST' ? await firstNonFolder(dataDir, join(dataDir, 'quarantine', name)) : null;
    const why = culprit ? `${culprit} is a file, not a folder: move it out of the data folder` : describeCode(code);
    return `it could not be moved to quarantine/ (${why}), so it was left in place`;
  }
}
