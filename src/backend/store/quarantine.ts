// quarantine/: where a file that could not be read is moved, never overwritten,
// and from where it can be put back. Nothing there is silent: every open lists
// each quarantined file as a problem until it is restored or deleted (or the
// article it held is back in the library, from a backup say).
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadProblem } from '../../shared/contract';
import { isArticleId } from '../ids';
import { errnoCode } from './faults';

export const QUARANTINE = 'quarantine';

/** `<original name>.<ISO time, : and . as ->.<pid>.<random>.corrupt` */
const QUARANTINED = /^(.+)\.(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)\.\d+\.[0-9a-f]+\.corrupt$/;

export interface QuarantinedFile {
  /** Its name in quarantine/. */
  file: string;
  /** The name it had (`<id>.json`, `library.json`), when its name says so. */
  original?: string;
  /** When it was moved there, when its name says so. */
  movedAt?: string;
  /** The article its original name is the file of. */
  articleId?: string;
}

/** Moves a bad file into quarantine/ under a unique name; never overwrites anything. Returns `quarantine/<name>`. */
export async function quarantineFile(dataDir: string, folder: string, name: string): Promise<string> {
  await mkdir(join(dataDir, QUARANTINE), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  // The random part keeps two quarantines in the same millisecond (or after the clock
  // stepped back) from renaming over an earlier copy.
  const target = join(QUARANTINE, `${name}.${stamp}.${process.pid}.${randomBytes(4).toString('hex')}.corrupt`);
  await rename(join(dataDir, folder, name), join(dataDir, target));
  return target;
}

export function describeQuarantined(file: string): QuarantinedFile {
  const match = QUARANTINED.exec(file);
  if (!match) return { file };
  const original = match[1]!;
  const [date, time] = match[2]!.split('T') as [string, string];
  const movedAt = `${date}T${time.replace(/^(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, '$1:$2:$3.$4Z')}`;
  const id = original.endsWith('.json') ? original.slice(0, -'.json'.length) : '';
  return { file, original, movedAt, ...(isArticleId(id) ? { articleId: id } : {}) };
}

/** What quarantine/ holds (regular files only), oldest first; empty when there is no such folder. */
export async function listQuarantine(dataDir: string): Promise<QuarantinedFile[]> {
  let names: string[];
  try {
    names = await readdir(join(dataDir, QUARANTINE));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return [];
    throw error;
  }
  const files: QuarantinedFile[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue; // a temp file or the like
    const stats = await lstat(join(dataDir, QUARANTINE, name)).catch(() => null);
    if (stats?.isFile()) files.push(describeQuarantined(name));
  }
  return files.sort((a, b) => (a.movedAt ?? '').localeCompare(b.movedAt ?? '') || a.file.localeCompare(b.file));
}

/** The load problem an earlier quarantine leaves, told on every open. */
export function quarantineProblem(entry: QuarantinedFile, backupAt?: string): LoadProblem {
  const what = entry.original === 'library.json' ? 'The library file “library.json”' : entry.original ? `The article file “${entry.original}”` : `“${entry.file}”`;
  const when = entry.movedAt ? ` on ${entry.movedAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  const offer = backupAt ? ` A backup from ${backupAt} can be restored.` : '';
  return {
    file: `${QUARANTINE}/${entry.file}`,
    message:
      `${what} could not be read and was moved to ${QUARANTINE}/${entry.file}${when}; ` +
      `it stays out of the library until it is repaired and restored, or deleted.${offer}`,
    ...(backupAt && entry.articleId ? { articleId: entry.articleId, backupAt } : {}),
  };
}
