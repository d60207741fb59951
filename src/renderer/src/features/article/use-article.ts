// The open article and every change made to it from the review desk: saves go
// straight to the backend, and verdict changes, set-asides and promotions can be
// undone and redone (an undo is a new change, recorded in the history like any
// other: history is never rewritten).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, SourceInput, VerdictPatch } from '../../../../shared/contract';
import type { Article, ArticleMeta, Claim, SetAsideKind, Source, Verdict } from '../../../../shared/model';
import { api, errorMessage } from '../../api/client';
import type { PickedFile } from '../../files/read-file';
import { shortQuote } from '../claims/list-items';

type VerdictChange = OpInput<'claims:markMany'>['changes'][number];

/**
 * One step the checker can take back: verdict changes (undone by the verdicts they
 * replaced), or a passage moved between the claims and the set-aside text (undone by
 * the other op: `claims:setAside` and `claims:promote` undo each other, ids stable).
 */
export type UndoEntry =
  | { kind: 'verdicts'; label: string; before: VerdictChange[]; after: VerdictChange[] }
  | { kind: 'segment'; label: string; id: string; done: SegmentMove; setAsideAs: SetAsideKind };

/** Where a passage went: set aside as not a claim, or made a claim. */
export type SegmentMove = 'set-aside' | 'promote';

/** What an undo or redo did, for the notice and the selection. */
export interface UndoOutcome {
  /** “verdict change”, “3 claims change”, “claim 12 set aside”, ““Credit…” made a claim”. */
  description: string;
  /** For a set-aside or a promotion: the passage, and whether it is now set aside. */
  segment?: { id: string; setAside: boolean };
}

type Stacks = { undo: UndoEntry[]; redo: UndoEntry[] };

/** The stacks after an entry was done anew, undone or redone. */
export function pushEntry(stacks: Stacks, entry: UndoEntry, record: 'new' | 'undo' | 'redo'): Stacks {
  if (record === 'new') return { undo: [...stacks.undo, entry].slice(-200), redo: [] };
  if (record === 'undo') return { undo: stacks.undo, redo: [...stacks.redo, entry] };
  return { undo: [...stacks.undo, entry], redo: stacks.redo };
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
  /** Sets a claim aside as “not a claim”; returns what the notice should name (“claim 12”). */
  setAside(claimId: string): Promise<string>;
  /** Makes a set-aside segment a claim; returns the number it now has among the claims. */
  promote(segmentId: string): Promise<number>;
  undo(): Promise<UndoOutcome | null>;
  redo(): Promise<UndoOutcome | null>;
  canUndo: boolean;
  canRedo: boolean;
}

export function useArticle(id: string): ArticleState {
  const [article, setArticle] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [stacks, setStacks] = useState<Stacks>({ undo: [], redo: [] });
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
        const entry: UndoEntry = { kind: 'verdicts', label, before, after: changes };
        setStacks((s) => pushEntry(s, record === 'undo' ? { ...entry, before: entry.after, after: entry.before } : entry, record));
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

  /**
   * Moves a passage between the claims and the set-aside text, and files the step on a
   * stack. `setAsideAs` is what it is (or was) set aside as, so an undone promotion puts
   * a credit back as a credit, not as the checker's “not a claim”.
   */
  const moveSegment = useCallback(async (id: string, move: SegmentMove, label: string, record: 'new' | 'undo' | 'redo', setAsideAs: SetAsideKind) => {
    const articleId = articleRef.current!.id;
    const { article: next } =
      move === 'set-aside'
        ? await api['claims:setAside']({ articleId, claimId: id, kind: setAsideAs })
        : await api['claims:promote']({ articleId, segmentId: id });
    articleRef.current = next;
    setArticle(next);
    // The entry keeps what was first done; an undo applies the other op.
    const done: SegmentMove = record === 'undo' ? (move === 'set-aside' ? 'promote' : 'set-aside') : move;
    setStacks((s) => pushEntry(s, { kind: 'segment', label, id, done, setAsideAs }, record));
    return next;
  }, []);

  const setAside = useCallback(
    async (claimId: string) => {
      const number = articleRef.current!.claims.findIndex((c) => c.id === claimId) + 1;
      const name = `claim ${number}`;
      await moveSegment(claimId, 'set-aside', `${name} set aside`, 'new', 'not-a-claim');
      return name;
    },
    [moveSegment],
  );

  const promote = useCallback(
    async (segmentId: string) => {
      const segment = articleRef.current!.setAside.find((s) => s.id === segmentId);
      const next = await moveSegment(segmentId, 'promote', `${shortQuote(segment?.text ?? '')} made a claim`, 'new', segment?.setAside ?? 'not-a-claim');
      return next.claims.findIndex((c) => c.id === segmentId) + 1;
    },
    [moveSegment],
  );

  const takeBack = useCallback(
    async (entry: UndoEntry, record: 'undo' | 'redo'): Promise<UndoOutcome> => {
      if (entry.kind === 'verdicts') {
        await apply(record === 'undo' ? entry.before : entry.after, entry.label, record);
        return { description: `${entry.label} change` };
      }
      const move: SegmentMove = record === 'redo' ? entry.done : entry.done === 'set-aside' ? 'promote' : 'set-aside';
      await moveSegment(entry.id, move, entry.label, record, entry.setAsideAs);
      return { description: entry.label, segment: { id: entry.id, setAside: move === 'set-aside' } };
    },
    [apply, moveSegment],
  );

  const undo = useCallback(async () => {
    const entry = stacks.undo.at(-1);
    if (!entry) return null;
    setStacks((s) => ({ ...s, undo: s.undo.slice(0, -1) }));
    return takeBack(entry, 'undo');
  }, [stacks.undo, takeBack]);

  const redo = useCallback(async () => {
    const entry = stacks.redo.at(-1);
    if (!entry) return null;
    setStacks((s) => ({ ...s, redo: s.redo.slice(0, -1) }));
    return takeBack(entry, 'redo');
  }, [stacks.redo, takeBack]);

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
    const unsure = report.unsure > 0 ? `, ${report.unsure} moved: please confirm` : '';
    return `Revision ${revised.revisions.length}${from}: ${report.unchanged} claims unchanged, ${report.moved} moved, ${report.changed} changed (${flagged} flagged for review${unsure}), ${report.orphaned} orphaned, ${report.added} new.`;
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
    setAside,
    promote,
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
