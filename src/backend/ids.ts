// Ids are the app's, never a file's: made here, and turned into paths only here.
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { UserError } from '../shared/errors';
import { ARTICLE_ID_PATTERN, ArticleId } from '../shared/model';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A short random id, safe as a file name: 12 chars of base36 (~62 bits); an article id (ARTICLE_ID_PATTERN). */
export function newId(length = 12): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

export function isArticleId(value: unknown): value is string {
  return typeof value === 'string' && ARTICLE_ID_PATTERN.test(value);
}

/**
 * The one place an article id becomes a path: `<dataDir>/<folder>/<id><suffix>`.
 * The contract and the schema already refuse any other id; this checks again
 * (defence in depth), and checks that the resolved path is a direct child of the
 * folder, so no id and no suffix can reach outside it.
 */
export function articleIdPath(dataDir: string, folder: string, id: string, suffix = ''): string {
  if (!isArticleId(id)) {
    const issue = ArticleId.safeParse(id).error?.issues[0];
    throw new UserError(`${issue?.message ?? 'That is not a Factdesk article id'}.`, 'invalid');
  }
  const dir = resolve(dataDir, folder);
  const path = resolve(dir, `${id}${suffix}`);
  if (dirname(path) !== dir) throw new UserError(`The article “${id}” cannot be stored outside ${dir}.`, 'invalid');
  return path;
}
