// `restore`: what can be brought back into the library, and bringing it back.
// Without an argument it lists the files in quarantine/ (with whether each one
// reads now), the deleted articles in trash/, and the newest good backup of each
// article that is not in the library. With a file of quarantine/ or an article id
// (or a unique start of one) it puts that back, validated first; an article whose
// id is in the library is refused, never overwritten.
import { basename } from 'node:path';
import type { Api, Recoverable } from '../shared/contract';
import { UserError } from '../shared/errors';
import type { Output } from './commands';
import { terminalText } from './terminal-text';

export async function restoreListCommand(api: Api, json: boolean, io: Output): Promise<void> {
  const found = await api['library:recoverable']({});
  if (json) return io.out(JSON.stringify(found));
  const quarantined = found.quarantined;
  const deleted = found.deleted.filter((d) => !d.back);
  if (quarantined.length === 0 && deleted.length === 0 && found.backups.length === 0) {
    return io.out('Nothing to restore: quarantine/ and trash/ are empty, and every article with a backup is in the library.');
  }
  if (quarantined.length > 0) {
    io.out('In quarantine/ (restore FILE, or restore ID for an article):');
    for (const q of quarantined) {
      const what = q.title !== undefined ? `“${terminalText(q.title)}” (${q.articleId})` : q.original ? terminalText(q.original) : 'a file';
      const when = q.movedAt ? `, moved there ${shortTime(q.movedAt)}` : '';
      const state = q.back
        ? 'its article is in the library again; delete this copy when you no longer need it'
        : q.readable
          ? 'reads now: restore puts it back'
          : `still unreadable (${terminalText(q.reason ?? 'unknown')}): repair it, or delete it`;
      io.out(`  ${terminalText(q.file)}\n      ${what}${when}; ${state}`);
    }
  }
  if (deleted.length > 0) {
    io.out('Deleted (restore ID):');
    for (const d of deleted) io.out(`  ${d.id}  ${d.title !== undefined ? `“${terminalText(d.title)}”` : '(unreadable)'}  deleted ${d.deletedAt ? shortTime(d.deletedAt) : ''}`.trimEnd());
  }
  if (found.backups.length > 0) {
    io.out('Backups of articles not in the library (restore ID):');
    for (const b of found.backups) io.out(`  ${b.id}  “${terminalText(b.title)}”  saved ${shortTime(b.savedAt)}`);
  }
}

export async function restoreCommand(api: Api, target: string, io: Output): Promise<void> {
  const found = await api['library:recoverable']({});
  const name = basename(target);
  const file = found.quarantined.find((q) => q.file === name);
  if (file) return restoreFile(api, file.file, io);

  const id = articleIdFor(found, target);
  const copies = found.quarantined.filter((q) => q.articleId === id && !q.back).reverse(); // newest first
  const readable = copies.find((q) => q.readable);
  if (readable) return restoreFile(api, readable.file, io);
  if (found.deleted.some((d) => d.id === id && !d.back)) {
    const { article } = await api['articles:restore']({ id });
    return io.out(`Restored “${terminalText(article.title)}” (${article.id}) from the trash.`);
  }
  const backup = found.backups.find((b) => b.id === id);
  if (backup) {
    const { article } = await api['articles:restoreBackup']({ id });
    return io.out(`Restored “${terminalText(article.title)}” (${article.id}) from its backup of ${shortTime(backup.savedAt)}.`);
  }
  const unreadable = copies[0];
  if (unreadable) {
    throw new UserError(`quarantine/${unreadable.file} still cannot be read (${unreadable.reason ?? 'unknown'}), and there is no deleted copy or backup of “${id}” to restore instead.`, 'invalid');
  }
  throw new UserError(`The article “${id}” is already in the library; nothing was restored.`, 'conflict');
}

async function restoreFile(api: Api, file: string, io: Output): Promise<void> {
  const { restored, article } = await api['library:restoreFile']({ file });
  if (restored === 'library' || !article) return io.out(`Restored library.json (the preferences) from quarantine/${terminalText(file)}.`);
  io.out(`Restored “${terminalText(article.title)}” (${article.id}) from quarantine/${terminalText(file)}.`);
}

/** The article `ref` names among what can be restored: an id, or a unique start of one. */
function articleIdFor(found: Recoverable, ref: string): string {
  const ids = new Set<string>();
  for (const q of found.quarantined) if (q.articleId && !q.back) ids.add(q.articleId);
  for (const d of found.deleted) if (!d.back) ids.add(d.id);
  for (const b of found.backups) ids.add(b.id);
  for (const q of found.quarantined) if (q.articleId) ids.add(q.articleId);
  for (const d of found.deleted) ids.add(d.id);
  if (ids.has(ref)) return ref;
  const matches = [...ids].filter((id) => id.startsWith(ref));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new UserError(`“${terminalText(ref)}” matches ${matches.length} articles that can be restored; give more of the id.`, 'invalid');
  throw new UserError(`There is nothing called “${terminalText(ref)}” to restore (run restore alone to see what can be restored).`, 'not-found');
}

/** “2026-01-02 03:04 UTC” */
function shortTime(iso: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso) ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : iso;
}
