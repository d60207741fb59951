// What can be brought back into the library, and bringing it back: files moved to
// quarantine/ (once repaired, or from an older Factdesk), deleted articles in
// trash/, and the newest good backup of an article that is missing. A copy is
// validated before it goes back, and it never goes over anything: an article
// whose id is in the library (or whose file is there) is refused, not overwritten.
import { constants, copyFile, link, lstat, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { LoadProblem } from '../../shared/contract';
import { UserError } from '../../shared/errors';
import type { Article } from '../../shared/model';
import { isArticleId } from '../ids';
import { articlePath, newestGoodBackup } from './article-files';
import { ArticleDocument, LibraryDocument, UnreadableFileError, decoderFor, type Decoded } from './documents';
import { FileFaultError, errnoCode, readRegularFile } from './faults';
import { QUARANTINE, describeQuarantined, listQuarantine, quarantineProblem, type QuarantinedFile } from './quarantine';
import { fsyncDirectory } from './atomic-write';

export interface QuarantinedEntry extends QuarantinedFile {
  /** Whether it reads and validates now (so `restore` would take it). */
  readable: boolean;
  /** Why not, when it does not. */
  reason?: string;
  /** The article it holds (when readable). */
  title?: string;
  /** Its article (or the library file) is in the library again, from a backup or a later save. */
  back: boolean;
}

export interface DeletedEntry {
  file: string;
  id: string;
  title?: string;
  deletedAt?: string;
  back: boolean;
}

export interface BackupEntry {
  id: string;
  title: string;
  savedAt: string;
}

export interface Recoverable {
  quarantined: QuarantinedEntry[];
  deleted: DeletedEntry[];
  backups: BackupEntry[];
}

/** What a quarantined file put back was: an article (now in articles/) or the library file. */
export type Restored = { kind: 'article'; id: string } | { kind: 'library' };

type Decoding = { ok: true; document: ArticleDocument | LibraryDocument } | { ok: false; reason: string; newer: boolean };

async function decodeFile(path: string, asLibrary: boolean): Promise<Decoding> {
  let raw: string | null;
  try {
    raw = await readRegularFile(path);
  } catch (error) {
    if (error instanceof FileFaultError) return { ok: false, reason: `it ${error.why}`, newer: false };
    throw error;
  }
  if (raw === null) return { ok: false, reason: 'it is gone', newer: false };
  try {
    return { ok: true, document: asLibrary ? decoderFor(LibraryDocument)(raw) : decoderFor(ArticleDocument)(raw) };
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const decoded = error.decoded as Exclude<Decoded<unknown>, { kind: 'ok' }>;
    return decoded.kind === 'newer'
      ? { ok: false, reason: `it was written by a newer Factdesk (schema ${decoded.version})`, newer: true }
      : { ok: false, reason: decoded.reason, newer: false };
  }
}

/** Whether the library file is there and reads. */
async function libraryIsBack(dataDir: string): Promise<boolean> {
  const decoded = await decodeFile(join(dataDir, 'library.json'), true).catch(() => null);
  return decoded?.ok === true;
}

/**
 * The problems earlier quarantines leave, for an open: one per file still in
 * quarantine/ whose article (or library file) is not back, with the newest good
 * backup offered for an article not offered one already.
 */
export async function quarantineProblems(
  dataDir: string,
  entries: readonly QuarantinedFile[],
  inLibrary: (id: string) => boolean,
  offered: Set<string>,
): Promise<LoadProblem[]> {
  const problems: LoadProblem[] = [];
  let library: boolean | undefined;
  // Newest first, so the backup is offered next to the most recent copy.
  for (const entry of [...entries].reverse()) {
    if (entry.articleId && inLibrary(entry.articleId)) continue;
    if (entry.original === 'library.json' && (library ??= await libraryIsBack(dataDir))) continue;
    let backupAt: string | undefined;
    if (entry.articleId && !offered.has(entry.articleId)) {
      backupAt = (await newestGoodBackup(dataDir, entry.articleId))?.savedAt;
      offered.add(entry.articleId);
    }
    problems.push(quarantineProblem(entry, backupAt));
  }
  return problems.reverse();
}

/** Everything that can be brought back, for `restore` without an argument. */
export async function listRecoverable(dataDir: string, inLibrary: (id: string) => boolean): Promise<Recoverable> {
  const quarantined: QuarantinedEntry[] = [];
  let library: boolean | undefined;
  for (const entry of await listQuarantine(dataDir)) {
    const decoded = await decodeFile(join(dataDir, QUARANTINE, entry.file), entry.original === 'library.json');
    const article = decoded.ok && 'article' in decoded.document ? decoded.document.article : undefined;
    const id = article?.id ?? entry.articleId;
    const back = entry.original === 'library.json' ? (library ??= await libraryIsBack(dataDir)) : id !== undefined && inLibrary(id);
    quarantined.push({
      ...entry,
      ...(article ? { articleId: article.id, title: article.title } : {}),
      readable: decoded.ok,
      ...(decoded.ok ? {} : { reason: decoded.reason }),
      back,
    });
  }

  const deleted: DeletedEntry[] = [];
  for (const file of (await readdir(join(dataDir, 'trash')).catch(() => [] as string[])).sort()) {
    const match = /^([a-z0-9]+)\.(\d+)\.json$/.exec(file);
    if (!match || !isArticleId(match[1])) continue;
    const decoded = await decodeFile(join(dataDir, 'trash', file), false);
    const title = decoded.ok && 'article' in decoded.document ? decoded.document.article.title : undefined;
    deleted.push({ file, id: match[1], ...(title !== undefined ? { title } : {}), deletedAt: new Date(Number(match[2])).toISOString(), back: inLibrary(match[1]) });
  }

  const backups: BackupEntry[] = [];
  for (const id of (await readdir(join(dataDir, 'backups')).catch(() => [] as string[])).sort()) {
    if (!isArticleId(id) || inLibrary(id)) continue;
    const backup = await newestGoodBackup(dataDir, id);
    if (backup) backups.push({ id, title: backup.article.title, savedAt: backup.savedAt });
  }
  return { quarantined, deleted, backups };
}

/** The path of a file of quarantine/ named by the user: its name only, never a path elsewhere. */
function quarantinedPath(dataDir: string, file: string): string {
  const dir = resolve(dataDir, QUARANTINE);
  const path = resolve(dir, file);
  if (file.includes('/') || file.includes('\\') || dirname(path) !== dir) {
    throw new UserError(`“${file}” is not the name of a file in ${QUARANTINE}/ (see: restore).`, 'invalid');
  }
  return path;
}

/** Puts `from` at `to` unless something is there: a hard link (then `from` is removed), else an exclusive copy. */
async function putBack(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    try {
      await copyFile(from, to, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if (errnoCode(copyError) === 'EEXIST') return false;
      throw copyError;
    }
  }
  await fsyncDirectory(dirname(to));
  await rm(from, { force: true });
  return true;
}

/**
 * Puts a file of quarantine/ back where it came from, once it reads and validates:
 * an article into articles/ (refused when its id is taken), the library file when
 * there is no readable one. Refused in one sentence otherwise; it then stays in
 * quarantine/.
 */
export async function restoreFromQuarantine(dataDir: string, file: string, inLibrary: (id: string) => boolean): Promise<Restored> {
  const path = quarantinedPath(dataDir, file);
  const stats = await lstat(path).catch(() => null);
  if (!stats) throw new UserError(`There is no file “${file}” in ${QUARANTINE}/ (see: restore).`, 'not-found');
  const entry = describeQuarantined(file);
  const asLibrary = entry.original === 'library.json';
  const decoded = await decodeFile(path, asLibrary);
  if (!decoded.ok) {
    const todo = decoded.newer ? 'open it with that Factdesk' : 'repair it and try again, or delete it';
    throw new UserError(`${QUARANTINE}/${file} still cannot be read (${decoded.reason}); it was left in ${QUARANTINE}/: ${todo}.`, 'invalid');
  }
  if (asLibrary) {
    if (await libraryIsBack(dataDir)) {
      throw new UserError(`The data folder already has a readable library.json; ${QUARANTINE}/${file} was left in ${QUARANTINE}/, not restored over it.`, 'conflict');
    }
    // An unreadable library.json in the way is moved aside first, never overwritten.
    const target = join(dataDir, 'library.json');
    if (await lstat(target).catch(() => null)) {
      throw new UserError(`library.json is there but cannot be read; move it out of the data folder first, then restore ${QUARANTINE}/${file}.`, 'conflict');
    }
    if (!(await putBack(path, target))) throw new UserError(`library.json appeared meanwhile; ${QUARANTINE}/${file} was left in ${QUARANTINE}/.`, 'conflict');
    return { kind: 'library' };
  }
  const article = (decoded.document as ArticleDocument).article as Article;
  if (inLibrary(article.id)) {
    throw new UserError(
      `The article “${article.id}” (“${article.title.replace(/\s+/g, ' ').slice(0, 80)}”) is already in the library; ${QUARANTINE}/${file} was left in ${QUARANTINE}/, not restored over it.`,
      'conflict',
    );
  }
  const target = articlePath(dataDir, article.id);
  if (!(await putBack(path, target))) {
    throw new UserError(`articles/${article.id}.json is already there; ${QUARANTINE}/${file} was left in ${QUARANTINE}/, not restored over it.`, 'conflict');
  }
  return { kind: 'article', id: article.id };
}

/**
 * The newest deleted copy of an article in trash/, validated: its name, or a
 * refusal in one sentence when there is none or it does not read.
 */
export async function readableTrashCopy(dataDir: string, id: string): Promise<string> {
  const copies = (await readdir(join(dataDir, 'trash')).catch(() => [] as string[]))
    .filter((name) => name.startsWith(`${id}.`) && name.endsWith('.json'))
    .sort((a, b) => trashStamp(b) - trashStamp(a));
  if (copies.length === 0) throw new UserError(`There is no deleted article “${id}” to restore.`, 'not-found');
  const decoded = await decodeFile(join(dataDir, 'trash', copies[0]!), false);
  if (!decoded.ok) {
    throw new UserError(`The deleted copy of “${id}” (trash/${copies[0]}) cannot be read (${decoded.reason}); it was left in trash/.`, 'invalid');
  }
  if ((decoded.document as ArticleDocument).article.id !== id) {
    throw new UserError(`trash/${copies[0]} holds another article than “${id}”; it was left in trash/.`, 'invalid');
  }
  return copies[0]!;
}

/** Moves a validated trash copy back into articles/, never over a file there. */
export async function putBackFromTrash(dataDir: string, id: string, file: string): Promise<void> {
  if (!(await putBack(join(dataDir, 'trash', file), articlePath(dataDir, id)))) {
    throw new UserError(`articles/${id}.json is already there; the deleted copy was left in trash/.`, 'conflict');
  }
}

function trashStamp(name: string): number {
  return Number(name.split('.').at(-2)) || 0;
}
