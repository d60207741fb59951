// The open article as this window holds it, and the one road every change takes to the
// backend: queued one at a time (`run`), sent with the version it was made against
// (`send`), a refusal because another window saved first answered by reloading the
// article, and another window's save loaded as soon as it is announced. The changes
// themselves (verdicts, facts, passages, sources) are built on this in use-article.ts.
import { useCallback, useEffect, useRef, useState } from 'react';
import { STALE_ARTICLE } from '../../../../shared/contract';
import { UserError } from '../../../../shared/errors';
import type { Article, Claim } from '../../../../shared/model';
import { onArticleChanged } from '../../api/article-events';
import { api, errorMessage } from '../../api/client';
import { NO_STACKS, type Stacks } from './undo';

/** Why the article was loaded again: a save in another window (live), or a change of ours refused as out of date (stale). */
export type ReloadReason = 'live' | 'stale';

export function isStale(error: unknown): boolean {
  return error instanceof UserError && error.code === 'conflict';
}

export const versionOf = (a: Article | null): number => a?.version ?? 0;

export interface ArticleSession {
  article: Article | null;
  loadError: string | null;
  stacks: Stacks;
  /** The undo and redo stacks as the last change left them (state lags a render behind). */
  stacksRef: { readonly current: Stacks };
  setArticle(next: Article): void;
  setStacks(change: (s: Stacks) => Stacks): void;
  /** The article as the last change left it; only called once it is loaded. */
  current(): Article;
  /** The article's version as this window last saw it. */
  version(): number;
  /** Runs `task` after every change asked for before it, whatever became of them. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /**
   * Sends one change with the version it was made against (`basedOn`, else the latest).
   * A refusal because another window saved first reloads the article, then throws the
   * sentence that says so.
   */
  send<T>(call: (version: number) => Promise<T>, basedOn?: number): Promise<T>;
  /** Our own change took the article from version `from` to `next`. */
  advanced(from: number, next: Article): void;
  /** Our own change answered with some claims as saved, and the version it made. */
  replaceClaims(from: Article, claims: Claim[], version: number): void;
}

export function useArticleSession(id: string, onReload?: (before: Article, after: Article, why: ReloadReason) => void): ArticleSession {
  const [article, setArticleState] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [stacks, setStacksState] = useState<Stacks>(NO_STACKS);
  const articleRef = useRef<Article | null>(null);
  const stacksRef = useRef<Stacks>(NO_STACKS);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** Version → the version our own change made of it: a note typed since version 4 is not stale for our own saves since. */
  const ownNext = useRef(new Map<number, number>());
  const reloaded = useRef(onReload);
  reloaded.current = onReload;

  const setArticle = useCallback((next: Article) => {
    articleRef.current = next;
    setArticleState(next);
  }, []);
  const setStacks = useCallback((change: (s: Stacks) => Stacks) => {
    stacksRef.current = change(stacksRef.current);
    setStacksState(stacksRef.current);
  }, []);
  const current = useCallback(() => articleRef.current!, []);
  const version = useCallback(() => versionOf(articleRef.current), []);

  const run = useCallback(<T,>(task: () => Promise<T>): Promise<T> => {
    const result = queue.current.then(task, task);
    queue.current = result.catch(() => undefined);
    return result;
  }, []);

  const advanced = useCallback(
    (from: number, next: Article) => {
      if (versionOf(next) !== from) ownNext.current.set(from, versionOf(next));
      setArticle(next);
    },
    [setArticle],
  );

  const replaceClaims = useCallback(
    (from: Article, claims: Claim[], saved: number) => {
      const byId = new Map(claims.map((c) => [c.id, c]));
      const a = articleRef.current!;
      advanced(versionOf(from), { ...a, claims: a.claims.map((c) => byId.get(c.id) ?? c), version: saved });
    },
    [advanced],
  );

  const reload = useCallback(
    async (why: ReloadReason) => {
      const before = articleRef.current;
      const { article: fresh } = await api['articles:get']({ id });
      setArticle(fresh);
      if (before) reloaded.current?.(before, fresh, why);
    },
    [id, setArticle],
  );

  const send = useCallback(
    async <T,>(call: (version: number) => Promise<T>, basedOn?: number): Promise<T> => {
      let seen = basedOn ?? version();
      for (let next = ownNext.current.get(seen); next !== undefined; next = ownNext.current.get(seen)) seen = next;
      try {
        return await call(seen);
      } catch (error) {
        if (!isStale(error)) throw error;
        await reload('stale').catch(() => undefined);
        throw new UserError(STALE_ARTICLE, 'conflict');
      }
    },
    [reload, version],
  );

  useEffect(() => {
    api['articles:get']({ id }).then(
      (result) => setArticle(result.article),
      (e) => setLoadError(errorMessage(e)),
    );
  }, [id, setArticle]);

  // Another window saved this article: load it (after our own saves in flight, which may be that very change).
  useEffect(
    () =>
      onArticleChanged((change) => {
        const saved = change.version;
        if (change.articleId !== id) return;
        if (saved === null) {
          setLoadError('This article was deleted in another window.');
          return;
        }
        void run(async () => {
          // Our own saves, answered already, may be that version or later ones.
          if (!articleRef.current || versionOf(articleRef.current) >= saved) return;
          await reload('live');
        }).catch(() => undefined);
      }),
    [id, run, reload],
  );

  return { article, loadError, stacks, stacksRef, setArticle, setStacks, current, version, run, send, advanced, replaceClaims };
}
