// The open article and every change made to it from the review desk: saves go
// straight to the backend, and verdict changes can be undone and redone (an undo
// is a new change, recorded in the history like any other: history is never
// rewritten).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, SourceInput, VerdictPatch } from '../../../../shared/contract';
import type { Article, ArticleMeta, Claim, Source, Verdict } from '../../../../shared/model';
import { api, errorMessage } from '../../api/client';
import type { PickedFile } from '../../files/read-file';

type VerdictChange = OpInput<'claims:markMany'>['changes'][number];

interface UndoEntry {
  label: string;
  before: VerdictChange[];
  after: VerdictChange[];
}

function verdictPatch(verdict: Verdict): VerdictPatch {
  return { status: verdict.status, note: verdict.note, correction: verdict.correction, sourceIds: verdict.sourceIds };
}

export interface ArticleState {
  article: Article | null;
  loadError: string | null;
  /** Saves a verdict change to one claim; throws with the sentence to show on failure. */
  mark(claimId: string, patch: VerdictPatch): Promise<{ warnings: string[] }>;
  markMany(claimIds: string[], patch: VerdictPatch): Promise<void>;
  addSource(input: SourceInput): Promise<Source>;
  split(claimId: string, at: number): Promise<void>;
  merge(claimId: string, nextClaimId: string): Promise<void>;
  /** Applies a new draft, pasted or from a file; returns a one-line summary of what happened to the claims. */
  revise(draft: { text: string } | { file: PickedFile }): Promise<string>;
  /** Confirms that a changed claim's verdict still holds. */
  confirm(claimId: string): Promise<void>;
  /** Shows metadata saved elsewhere (the details dialog). */
  setMeta(meta: ArticleMeta): void;
  undo(): Promise<string | null>;
  redo(): Promise<string | null>;
  canUndo: boolean;
  canRedo: boolean;
}

export function useArticle(id: string): ArticleState {
  const [article, setArticle] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [stacks, setStacks] = useState<{ undo: UndoEntry[]; redo: UndoEntry[] }>({ undo: [], redo: [] });
  const articleRef = useRef<Article | null>(null);
  articleRef.current = article;

  useEffect(() => {
    api['articles:get']({ id }).then(
      (result) => setArticle(result.article),
      (e) => setLoadError(errorMessage(e)),
    );
  }, [id]);

  const replaceClaims = useCallback((claims: Claim[]) => {
    const byId = new Map(claims.map((c) => [c.id, c]));
    setArticle((a) => (a ? { ...a, claims: a.claims.map((c) => byId.get(c.id) ?? c) } : a));
  }, []);

  /**
   * Applies changes and records how to revert them. An undo applies an entry's
   * `before` and files the reverse on the redo stack; a redo applies `after`.
   */
  const apply = useCallback(
    async (changes: VerdictChange[], label: string, record: 'new' | 'undo' | 'redo') => {
      const current = articleRef.current!;
      const byId = new Map(current.claims.map((c) => [c.id, c]));
      // The way back: each claim's verdict, and the “changed since checked” flag this change may clear.
      const before = changes.map(({ claimId }) => {
        const { verdict, changed } = byId.get(claimId)!;
        return { claimId, patch: verdictPatch(verdict), ...(changed ? { restoreChange: changed } : {}) };
      });
      const result = await api['claims:markMany']({ articleId: current.id, changes });
      replaceClaims(result.claims);
      const changed = result.claims.some((c) => c.history.length !== byId.get(c.id)!.history.length);
      if (changed) {
        const entry: UndoEntry = { label, before, after: changes };
        setStacks((s) =>
          record === 'new'
            ? { undo: [...s.undo, entry].slice(-200), redo: [] }
            : record === 'undo'
              ? { undo: s.undo, redo: [...s.redo, { ...entry, before: entry.after, after: entry.before }] }
              : { undo: [...s.undo, entry], redo: s.redo },
        );
      }
      return result;
    },
    [replaceClaims],
  );

  const mark = useCallback(
    async (claimId: string, patch: VerdictPatch) => {
      const result = await apply([{ claimId, patch }], 'verdict', 'new');
      return { warnings: result.warnings };
    },
    [apply],
  );

  const markMany = useCallback(
    async (claimIds: string[], patch: VerdictPatch) => {
      await apply(claimIds.map((claimId) => ({ claimId, patch })), `${claimIds.length} claims`, 'new');
    },
    [apply],
  );

  const undo = useCallback(async () => {
    const entry = stacks.undo.at(-1);
    if (!entry) return null;
    setStacks((s) => ({ ...s, undo: s.undo.slice(0, -1) }));
    await apply(entry.before, entry.label, 'undo');
    return entry.label;
  }, [stacks.undo, apply]);

  const redo = useCallback(async () => {
    const entry = stacks.redo.at(-1);
    if (!entry) return null;
    setStacks((s) => ({ ...s, redo: s.redo.slice(0, -1) }));
    await apply(entry.after, entry.label, 'redo');
    return entry.label;
  }, [stacks.redo, apply]);

  const addSource = useCallback(async (input: Parameters<ArticleState['addSource']>[0]) => {
    const { source } = await api['sources:add']({ articleId: articleRef.current!.id, source: input });
    setArticle((a) => (a ? { ...a, sources: [...a.sources, source] } : a));
    return source;
  }, []);

  const split = useCallback(async (claimId: string, at: number) => {
    const result = await api['claims:split']({ articleId: articleRef.current!.id, claimId, at });
    setArticle(result.article);
    setStacks({ undo: [], redo: [] }); // the claims undo referred to may be gone
  }, []);

  const merge = useCallback(async (claimId: string, nextClaimId: string) => {
    const result = await api['claims:merge']({ articleId: articleRef.current!.id, claimId, nextClaimId });
    setArticle(result.article);
    setStacks({ undo: [], redo: [] });
  }, []);

  const revise = useCallback(async (draft: { text: string } | { file: PickedFile }) => {
    const { article: revised, report } = await api['articles:revise']({ id: articleRef.current!.id, ...draft });
    setArticle(revised);
    setStacks({ undo: [], redo: [] }); // undo entries point at the previous draft's claims
    const flagged = revised.claims.filter((c) => c.changed).length;
    const from = 'file' in draft ? ` from “${draft.file.fileName}”` : '';
    return `Revision ${revised.revisions.length}${from}: ${report.unchanged} claims unchanged, ${report.moved} moved, ${report.changed} changed (${flagged} flagged for review), ${report.orphaned} orphaned, ${report.added} new.`;
  }, []);

  const confirm = useCallback(
    async (claimId: string) => {
      const { claim } = await api['claims:confirm']({ articleId: articleRef.current!.id, claimId });
      replaceClaims([claim]);
    },
    [replaceClaims],
  );

  const setMeta = useCallback((meta: ArticleMeta) => setArticle((a) => (a ? { ...a, ...meta } : a)), []);

  return {
    article,
    loadError,
    setMeta,
    revise,
    confirm,
    mark,
    markMany,
    addSource,
    split,
    merge,
    undo,
    redo,
    canUndo: stacks.undo.length > 0,
    canRedo: stacks.redo.length > 0,
  };
}
