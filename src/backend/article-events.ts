// Which article a change touched, for every other window showing it: the browser
// shell sends it as a server-sent event, the desktop app over IPC. The transports
// wrap the backend's `invoke` with this; the handlers know nothing of it.
import { apiOver } from '../shared/api-client';
import { isOpName, type ArticleChange, type OpName } from '../shared/contract';
import type { Backend } from './backend';

export type { ArticleChange };

/**
 * Whether each operation can change an article (and so is told to other windows). Every
 * operation is listed, so a new one needs a decision here (the type says so): a read
 * told as a change would make each window reload on its own polls, and reload again.
 * (A desk sync's changes are told from the desk host below, as they are applied.)
 */
export const CHANGES_AN_ARTICLE: Readonly<Record<OpName, boolean>> = {
  'library:list': false,
  'library:recoverable': false,
  'library:restoreFile': true,
  'articles:create': true,
  'articles:inspect': false,
  'articles:import': true,
  'articles:updateMeta': true,
  'articles:get': false,
  'articles:rename': true,
  'articles:delete': true,
  'articles:restore': true,
  'articles:restoreBackup': true,
  'articles:revise': true,
  'claims:mark': true,
  'claims:markMany': true,
  'claims:split': true,
  'claims:merge': true,
  'claims:setAside': true,
  'claims:promote': true,
  'claims:confirm': true,
  'facts:mark': true,
  'facts:add': true,
  'facts:remove': true,
  'sources:add': true,
  'sources:update': true,
  'sources:remove': true,
  'reports:export': false,
  'preferences:get': false,
  'preferences:set': false,
  'memory:status': false,
  'search:query': false,
  'claims:seenBefore': false,
  'claims:reuseEarlier': true,
  'desk:status': false,
  'desk:join': false,
  'desk:sync': false,
  'desk:article': false,
  'desk:resolve': true,
  'desk:assign': true,
  'desk:secondRead': true,
  'desk:signoff': true,
  'desk:unlock': true,
};

/**
 * The backend with an `invoke` that tells `listener` about every article a successful
 * operation wrote, with the version it has now. A listener that throws never turns a
 * saved change into a failure.
 */
export function observeArticleChanges(backend: Backend, listener: (change: ArticleChange) => void): Backend {
  const invoke: Backend['invoke'] = async (op, input) => {
    const result = await backend.invoke(op, input);
    if (!result.ok || !isOpName(op) || !CHANGES_AN_ARTICLE[op]) return result;
    const articleId = changedArticle(input, result.value);
    if (articleId) {
      const version = backend.store.has(articleId) ? ((await backend.store.get(articleId).catch(() => undefined))?.version ?? null) : null;
      try {
        listener({ articleId, version });
      } catch {
        // A window that went away is no reason to fail a save.
      }
    }
    return result;
  };
  // An article changed by a desk sync (another checker's verdict) is told like a local change.
  backend.deskHost?.onArticleChanged((articleId) => {
    void backend.store.get(articleId).then(
      (article) => listener({ articleId, version: article.version ?? null }),
      () => undefined,
    );
  });
  return { ...backend, invoke, api: apiOver(invoke) };
}

function changedArticle(input: unknown, output: unknown): string | undefined {
  const given = record(input);
  const id = given?.articleId ?? given?.id ?? record(record(output)?.article)?.id;
  return typeof id === 'string' ? id : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}
