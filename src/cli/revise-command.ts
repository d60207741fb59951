// `revise ARTICLE FILE`: brings in a new revision of an article's text from any
// file the importer reads, and says in one line what happened to the claims.
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import type { Api } from '../shared/contract';
import { findArticle, type Output } from './commands';
import { readFileBytes } from './read-input';

export async function reviseCommand(openApi: () => Promise<Api>, ref: string, file: string, checker: string | undefined, io: Output): Promise<void> {
  // The handler reads the draft (once, through the importers) and refuses a bad
  // one with the article unchanged; here only what needs no parsing is checked.
  const bytes = await readFileBytes(file);
  const api = await openApi();
  const found = await findArticle(api, ref);
  const { preferences } = await api['preferences:get']({});
  const who = checker?.trim() || preferences.checker || userInfo().username;
  // The file itself goes to the handler, so the app and the CLI read a draft the same way.
  const { article, report } = await api['articles:revise']({
    id: found.id,
    file: { fileName: basename(file), data: Buffer.from(bytes).toString('base64') },
    checker: who,
  });
  const revisionId = article.revisions.at(-1)!.id;
  const flagged = article.claims.filter((c) => c.changed?.revisionId === revisionId).length;
  io.out(
    `Revision ${article.revisions.length} of “${article.title}”: ${report.unchanged} unchanged, ${report.moved} moved, ` +
      `${report.changed} changed (${flagged} flagged${report.unsure > 0 ? `, ${report.unsure} moved: please confirm` : ''}), ` +
      `${report.orphaned} orphaned, ${report.added} new.`,
  );
}
