// What the disk can do to the data folder, in sentences. A file that is a folder,
// a pipe or a device, a file we may not read, a full disk, a read-only mount, a
// folder of the data folder that is a file: each becomes one sentence naming the
// path and what to do, never a raw error or a stack trace.
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { UserError } from '../../shared/errors';
import { readOnlyFolderSentence } from './data-dir-lock';

/** A file of the data folder that is there but cannot be read as one (see readRegularFile). */
export class FileFaultError extends Error {
  constructor(
    /** Why, as the end of a sentence: “is a folder”, “could not be opened (permission denied)”. */
    readonly why: string,
    /** What to do about it, as the end of a sentence: “move it out of the data folder”. */
    readonly todo: string,
  ) {
    super(why);
  }
}

export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What a file-system node is, for a sentence: “a folder”, “a named pipe (FIFO)”. */
export function describeNode(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a link';
  return 'not a regular file';
}

/** The words for an error code met while reading or writing, for inside parentheses. */
export function describeCode(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EIO':
      return 'an input/output error: the disk may be failing';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a folder on its path is a file';
    case 'ELOOP':
      return 'too many links';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'ENOENT':
      return 'it is gone';
    default:
      return code ?? 'an unknown error';
  }
}

/**
 * The text of a regular file, or null when there is none at `path`. Anything
 * else there (a folder, a pipe, a device, a socket, a link to one) is never
 * opened for reading, so a FIFO cannot hang the open; it and any error on the way
 * (permission denied, an I/O error) throw FileFaultError.
 */
export async function readRegularFile(path: string): Promise<string | null> {
  let stats: Stats;
  try {
    stats = await lstat(path);
    // A link is followed only to a regular file.
    if (stats.isSymbolicLink()) stats = await stat(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw readFault(error);
  }
  if (!stats.isFile()) throw new FileFaultError(`is ${describeNode(stats)}, not a file Factdesk wrote`, 'move it out of the data folder');
  let handle;
  try {
    // O_NONBLOCK: should it have become a pipe since the look above, opening it still returns at once.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw readFault(error);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw new FileFaultError(`is ${describeNode(opened)}, not a file Factdesk wrote`, 'move it out of the data folder');
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof FileFaultError) throw error;
    throw readFault(error);
  } finally {
    await handle.close();
  }
}

function readFault(error: unknown): FileFaultError {
  const code = errnoCode(error);
  const todo = code === 'EACCES' || code === 'EPERM' ? 'check its permissions' : code === 'EIO' ? 'check the disk' : 'check the file';
  return new FileFaultError(`could not be opened (${describeCode(code)})`, todo);
}

/**
 * The first part of `path` below `dataDir` that exists but is not a folder (the
 * culprit of an ENOTDIR, or of an EEXIST from mkdir), or null.
 */
export async function firstNonFolder(dataDir: string, path: string): Promise<string | null> {
  const root = resolve(dataDir);
  const parts = relative(root, resolve(path)).split(sep);
  if (parts[0] === '..' || parts[0] === '') return null;
  let current = root;
  for (const part of parts) {
    current = resolve(current, part);
    try {
      if (!(await lstat(current)).isDirectory()) return current;
    } catch {
      return null;
    }
  }
  return null;
}

/** What the data folder's own folders are for, in the sentence about one that is a file. */
const FOLDER_ROLES: Record<string, string> = {
  articles: 'its articles',
  backups: 'the backups of articles',
  quarantine: 'files that could not be read',
  trash: 'deleted articles',
};

function roleOf(dataDir: string, path: string): string {
  const top = relative(resolve(dataDir), resolve(path)).split(sep)[0] ?? '';
  return FOLDER_ROLES[top] ?? 'its files';
}

/**
 * One sentence for a file-system error met while changing the data folder,
 * ending “nothing was changed” (every write is atomic: a temp file renamed into
 * place, so a failed one leaves the file as it was). UserErrors pass through.
 */
export async function writeFault(error: unknown, dataDir: string): Promise<unknown> {
  if (error instanceof UserError) return error;
  const code = errnoCode(error);
  if (!code) return error; // a bug, not the disk: reported as an internal error
  const path = (error as NodeJS.ErrnoException).path ?? dataDir;
  switch (code) {
    case 'EROFS':
      return new UserError(readOnlyFolderSentence(dataDir), 'refused');
    case 'ENOSPC':
      return new UserError(`The disk holding the data folder ${dataDir} is full; nothing was changed.`, 'refused');
    case 'EDQUOT':
      return new UserError(`Your disk quota for the data folder ${dataDir} is used up; nothing was changed.`, 'refused');
    case 'EACCES':
    case 'EPERM':
      return resolve(path) === resolve(dataDir) || resolve(dirname(path)) === resolve(dataDir)
        ? new UserError(readOnlyFolderSentence(dataDir), 'refused')
        : new UserError(`Factdesk may not write to ${path} (permission denied); check its permissions; nothing was changed.`, 'refused');
    case 'ENOTDIR':
    case 'EEXIST': {
      const culprit = await firstNonFolder(dataDir, path);
      if (culprit) {
        return new UserError(
          `${culprit} is a file where Factdesk keeps ${roleOf(dataDir, culprit)}; move it out of the data folder and try again (nothing was changed).`,
          'refused',
        );
      }
      break;
    }
    case 'EISDIR': {
      // A rename onto a folder: the folder is the destination.
      const folder = (error as { dest?: string }).dest ?? path;
      return new UserError(`${folder} is a folder where Factdesk keeps a file; move it out of the data folder and try again (nothing was changed).`, 'refused');
    }
    case 'EIO':
      return new UserError(`The disk holding the data folder ${dataDir} reported an input/output error; nothing was changed; check the disk.`, 'refused');
  }
  return new UserError(`Factdesk could not write to ${path} (${describeCode(code)}); nothing was changed.`, 'refused');
}

/** One sentence for a file-system error met while opening the data folder. */
export async function openFault(error: unknown, dataDir: string): Promise<unknown> {
  if (error instanceof UserError) return error;
  const code = errnoCode(error);
  if (!code) return error;
  const path = (error as NodeJS.ErrnoException).path ?? dataDir;
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    const culprit = await firstNonFolder(dataDir, path);
    if (culprit) return new UserError(`${culprit} is a file where Factdesk keeps ${roleOf(dataDir, culprit)}; move it out of the data folder and try again.`, 'refused');
    if (code === 'ENOTDIR') return new UserError(`The data folder ${dataDir} is not a folder; choose another data folder.`, 'refused');
  }
  return new UserError(`The data folder ${dataDir} could not be opened: ${path} could not be read (${describeCode(code)}).`, 'refused');
}
