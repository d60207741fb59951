// The open article and every change made to it from the review desk. Changes go to the
// backend one at a time, in the order they were made, each built from the article as
// the previous one left it (two quick toggles both count) and sent with the version it
// was made against: a change made against an out-of-date article is refused, the
// article reloaded, and nothing overwritten (article-session.ts: the queue, the version,
// other windows' saves loaded at once). Verdicts, facts (use-fact-changes.ts), splits,
// merges, set-asides and promotions can be undone and redone; an entry leaves its stack
// only once its save succeeded.
import { useCallback } from 'react';
import type { SourceInput, VerdictPatch } from '../../../../shared/contract';
import { UserError } from '../../../../shared/errors';
import type { Article, ArticleMeta, Claim, SetAsideKind } from '../../../../shared/model';
import { api } from '../../api/client';
import type { PickedFile } from '../../files/read-file';
import { shortQuote } from '../claims/list-items';
import { useArticleSession, versionOf, type ReloadReason } from './article-session';
import { describeFactStep, factStepHolds, type FactPlace } from './fact-undo';
import { useFactChanges } from './use-fact-changes';
import {
  NO_STACKS,
  claimOf,
  describeVerdicts,
  pushEntry,
  renameIds,
  restoredOf,
  stillHolds,
  verdictPatch,
  type SegmentMove,
  type UndoEntry,
  type VerdictChange,
} from './undo';

export type { SegmentMove, UndoEntry } from './undo';

/** What an undo or redo did, for the notice and the selection. */
export interface UndoOutcome {
  /** “claim 12 back to unchecked”, “claim 12 set aside”, ““Credit…” made a claim”, “claim 3 split in two”. */
  description: string;
  /** The claim (or passage) it changed, to select. */
  selectId: string;
  /** For a set-aside or a promotion: the passage, and whether it is now set aside. */
  segment?: { id: string; setAside: boolean };
  /** For a fact's change: where the fact is in the claim, when it is there after the step (to put the focus on it). */
  fact?: FactPlace;
}

export { isStale, type ReloadReason } from './article-session';

export interface SaveOptions {
  /**
   * The version the change was made against, when that is older than the latest (a
   * note typed since before): the backend refuses it if anyone else saved in between.
   */
  basedOn?: number;
}

export interface ArticleState {
  article: Article | null;
  loadError: string | null;
  /** The article's version as this window last saw it. */
  version(): number;
  /**
   * Saves a verdict change to one claim. `build` gets the claim as every earlier change
   * left it and returns the patch (null: nothing to save); throws with the sentence to
   * show on failure.
   */
  update(claimId: string, build: (claim: Claim) => VerdictPatch | null, options?: SaveOptions): Promise<{ patch: VerdictPatch; warnings: string[] } | null>;
  mark(claimId: string, patch: VerdictPatch, options?: SaveOptions): Promise<{ warnings: string[] }>;
  markMany(claimIds: string[], patch: VerdictPatch): Promise<void>;
  addSource(input: SourceInput): Promise<string>;
  updateSource(sourceId: string, input: SourceInput): Promise<void>;
  removeSource(sourceId: string): Promise<void>;
  /** Splits a claim before offset `at`; returns the first half's id. */
  split(claimId: string, at: number): Promise<string>;
  /** Merges a claim with the one right after it; returns the merged claim's id. */
  merge(claimId: string, nextClaimId: string): Promise<string>;
  /** Applies a new draft, pasted or from a file; returns a one-line summary of what happened to the claims. */
  revise(draft: { text: string } | { file: PickedFile }): Promise<string>;
  /** Confirms that a changed claim's verdict still holds. */
  confirm(claimId: string): Promise<void>;
  /** Shows metadata saved elsewhere (the details dialog), and catches up with the version it made. */
  setMeta(meta: ArticleMeta): void;
  /** Sets a claim aside as “not a claim”; returns what the notice should name (“claim 12”). */
  setAside(claimId: string): Promise<string>;
  /** Makes a set-aside segment a claim; returns the number it now has among the claims. */
  promote(segmentId: string): Promise<number>;
  /**
   * Cites an earlier check's sources on a claim and copies its note (claim memory's
   * “seen before”); never its verdict. Ctrl+Z takes the note and citations back.
   */
  reuseEarlier(claimId: string, from: { articleId: string; claimId: string }): Promise<ReuseOutcome>;
  /** Facts inside a claim (features/facts): each answers with the claim as saved, and the article catches up with it. */
  markFact(claimId: string, fact: FactPlace, patch: VerdictPatch, options?: SaveOptions): Promise<{ warnings: string[]; claim: Claim }>;
  addFact(claimId: string, start: number, end: number): Promise<string>;
  removeFact(claimId: string, fact: FactPlace): Promise<void>;
  undo(): Promise<UndoOutcome | null>;
  redo(): Promise<UndoOutcome | null>;
  canUndo: boolean;
  canRedo: boolean;
}

/** What reusing an earlier check did: the sources now cited, how many were new to the article, and whether the note was copied. */
export interface ReuseOutcome {
  cited: number;
  added: number;
  noteCopied: boolean;
  changed: boolean;
}

export type { FactPlace } from './fact-undo';

export function useArticle(id: string, options: { onReload?: (before: Article, after: Article, why: ReloadReason) => void } = {}): ArticleState {
  const session = useArticleSession(id, options.onReload);
  const { article, loadError, stacks, stacksRef, setArticle, setStacks, current, version, run, send, advanced, replaceClaims } = session;
  const { markFact, addFact, removeFact, replayFact } = useFactChanges(session);

  /** Applies verdict changes and files the way back (the verdicts and flags they replace). */
  const apply = useCallback(
    async (changes: VerdictChange[], record: 'new' | 'undo' | 'redo', entry?: Extract<UndoEntry, { kind: 'verdicts' }>, basedOn?: number) => {
      const from = current();
      const byId = new Map(from.claims.map((c) => [c.id, c]));
      const missing = changes.find((c) => !byId.has(c.claimId));
      if (missing) throw new UserError('That claim is no longer in the article: it was split, merged or set aside, perhaps in another window.', 'not-found');
      const before = changes.map(({ claimId }) => {
        const { verdict, changed } = byId.get(claimId)!;
        return { claimId, patch: verdictPatch(verdict), ...(changed ? { restoreChange: changed } : {}) };
      });
      const result = await send((version) => api['claims:markMany']({ articleId: from.id, changes, version }), basedOn);
      replaceClaims(from, result.claims, result.version);
      const changedAny = result.claims.some((c) => c.history.length !== byId.get(c.id)!.history.length);
      if (record === 'new' && changedAny) setStacks((s) => pushEntry(s, { kind: 'verdicts', before, after: changes }, 'new'));
      if (record !== 'new' && entry) setStacks((s) => pushEntry(s, entry, record));
      return result;
    },
    [current, send, setStacks, replaceClaims],
  );

  const update = useCallback(
    (claimId: string, build: (claim: Claim) => VerdictPatch | null, options: SaveOptions = {}) =>
      run(async () => {
        const claim = current().claims.find((c) => c.id === claimId);
        if (!claim) throw new UserError('That claim is no longer in the article: it was split, merged or set aside, perhaps in another window.', 'not-found');
        const patch = build(claim);
        if (!patch) return null;
        const result = await apply([{ claimId, patch }], 'new', undefined, options.basedOn);
        return { patch, warnings: result.warnings };
      }),
    [current, run, apply],
  );

  const mark = useCallback(
    async (claimId: string, patch: VerdictPatch, options?: SaveOptions) => ({ warnings: (await update(claimId, () => patch, options))?.warnings ?? [] }),
    [update],
  );

  const markMany = useCallback(
    (claimIds: string[], patch: VerdictPatch) =>
      run(async () => {
        await apply(claimIds.map((claimId) => ({ claimId, patch })), 'new');
      }),
    [run, apply],
  );

  /**
   * Moves a passage between the claims and the set-aside text. `setAsideAs` is what it
   * is (or was) set aside as, so an undone promotion puts a credit back as a credit.
   */
  const moveSegment = useCallback(
    async (segmentId: string, move: SegmentMove, setAsideAs: SetAsideKind) => {
      const from = current();
      const { article: next } = await send((version) =>
        move === 'set-aside'
          ? api['claims:setAside']({ articleId: from.id, claimId: segmentId, kind: setAsideAs, version })
          : api['claims:promote']({ articleId: from.id, segmentId, version }),
      );
      advanced(versionOf(from), next);
      return next;
    },
    [current, send, advanced],
  );

  const setAside = useCallback(
    (claimId: string) =>
      run(async () => {
        const name = `claim ${current().claims.findIndex((c) => c.id === claimId) + 1}`;
        await moveSegment(claimId, 'set-aside', 'not-a-claim');
        setStacks((s) => pushEntry(s, { kind: 'segment', label: `${name} set aside`, id: claimId, done: 'set-aside', setAsideAs: 'not-a-claim' }, 'new'));
        return name;
      }),
    [current, run, moveSegment, setStacks],
  );

  const promote = useCallback(
    (segmentId: string) =>
      run(async () => {
        const segment = current().setAside.find((s) => s.id === segmentId);
        const setAsideAs = segment?.setAside ?? 'not-a-claim';
        const next = await moveSegment(segmentId, 'promote', setAsideAs);
        setStacks((s) => pushEntry(s, { kind: 'segment', label: `${shortQuote(segment?.text ?? '')} made a claim`, id: segmentId, done: 'promote', setAsideAs }, 'new'));
        return next.claims.findIndex((c) => c.id === segmentId) + 1;
      }),
    [current, run, moveSegment, setStacks],
  );

  /** Splits, and says which ids the halves got (those asked for, unless taken). */
  const splitNow = useCallback(
    async (claimId: string, at: number, restore?: Parameters<(typeof api)['claims:split']>[0]['restore']) => {
      const from = current();
      const index = from.claims.findIndex((c) => c.id === claimId);
      const { article: next } = await send((version) => api['claims:split']({ articleId: from.id, claimId, at, version, ...(restore ? { restore } : {}) }));
      advanced(versionOf(from), next);
      return [next.claims[index]!.id, next.claims[index + 1]!.id] as [string, string];
    },
    [current, send, advanced],
  );

  const mergeNow = useCallback(
    async (claimId: string, nextClaimId: string, restore?: Parameters<(typeof api)['claims:merge']>[0]['restore']) => {
      const from = current();
      const index = from.claims.findIndex((c) => c.id === claimId);
      const { article: next } = await send((version) => api['claims:merge']({ articleId: from.id, claimId, nextClaimId, version, ...(restore ? { restore } : {}) }));
      advanced(versionOf(from), next);
      return next.claims[index]!.id;
    },
    [current, send, advanced],
  );

  const split = useCallback(
    (claimId: string, at: number) =>
      run(async () => {
        const original = current().claims.find((c) => c.id === claimId);
        const halves = await splitNow(claimId, at);
        if (original) setStacks((s) => pushEntry(s, { kind: 'split', original: restoredOf(original), at, halves }, 'new'));
        return halves[0];
      }),
    [current, run, splitNow, setStacks],
  );

  const merge = useCallback(
    (claimId: string, nextClaimId: string) =>
      run(async () => {
        const claims = current().claims;
        const [first, second] = [claims.find((c) => c.id === claimId), claims.find((c) => c.id === nextClaimId)];
        const merged = await mergeNow(claimId, nextClaimId);
        if (first && second) {
          setStacks((s) => pushEntry(s, { kind: 'merge', parts: [restoredOf(first), restoredOf(second)], at: second.start, merged }, 'new'));
        }
        return merged;
      }),
    [current, run, mergeNow, setStacks],
  );

  /** Undoes or redoes `entry`; it moves to the other stack only once the change is saved. */
  const takeBack = useCallback(
    async (entry: UndoEntry, direction: 'undo' | 'redo'): Promise<UndoOutcome> => {
      const claims = current().claims;
      const number = (claimId: string) => claims.findIndex((c) => c.id === claimId) + 1;
      switch (entry.kind) {
        case 'verdicts': {
          const expected = direction === 'undo' ? entry.after : entry.before;
          if (!stillHolds(expected, claims)) {
            // Another window changed these claims since: taking ours back would overwrite theirs.
            setStacks((s) => (direction === 'undo' ? { ...s, undo: s.undo.slice(0, -1) } : { ...s, redo: s.redo.slice(0, -1) }));
            throw new UserError(`Not ${direction === 'undo' ? 'undone' : 'redone'}: those claims were changed in another window since.`);
          }
          await apply(direction === 'undo' ? entry.before : entry.after, direction, entry);
          return { description: describeVerdicts(entry, direction, current().claims), selectId: claimOf(entry, direction) };
        }
        case 'fact': {
          if (!factStepHolds(entry, direction, claims)) {
            setStacks((s) => (direction === 'undo' ? { ...s, undo: s.undo.slice(0, -1) } : { ...s, redo: s.redo.slice(0, -1) }));
            throw new UserError(`Not ${direction === 'undo' ? 'undone' : 'redone'}: that fact was changed in another window since.`);
          }
          await replayFact(entry, direction);
          setStacks((s) => pushEntry(s, entry, direction));
          // An addition undone, or a removal redone, leaves no fact to show: the claim is.
          const there = entry.done === 'mark' || (entry.done === 'add') === (direction === 'redo');
          return { description: describeFactStep(entry, direction, current().claims), selectId: entry.claimId, ...(there ? { fact: entry.place } : {}) };
        }
        case 'segment': {
          const move: SegmentMove = direction === 'redo' ? entry.done : entry.done === 'set-aside' ? 'promote' : 'set-aside';
          await moveSegment(entry.id, move, entry.setAsideAs);
          setStacks((s) => pushEntry(s, entry, direction));
          return { description: entry.label, selectId: entry.id, segment: { id: entry.id, setAside: move === 'set-aside' } };
        }
        case 'split': {
          const [h1, h2] = entry.halves;
          let description: string;
          let done: UndoEntry = entry;
          if (direction === 'undo') {
            description = `claim ${number(h1)} split in two`;
            const merged = await mergeNow(h1, h2, entry.original);
            if (merged !== entry.original.id) setStacks((s) => renameIds(s, entry.original.id, merged));
            done = { ...entry, original: { ...entry.original, id: merged } };
          } else {
            description = `claim ${number(entry.original.id)} split in two`;
            const halves = await splitNow(entry.original.id, entry.at, [{ id: h1 }, { id: h2 }]);
            setStacks((s) => renameIds(renameIds(s, h1, halves[0]), h2, halves[1]));
            done = { ...entry, halves };
          }
          setStacks((s) => pushEntry(s, done, direction));
          return { description, selectId: claimOf(done, direction) };
        }
        case 'merge': {
          const [first, second] = entry.parts;
          let description: string;
          let done: UndoEntry = entry;
          if (direction === 'undo') {
            const n = number(entry.merged);
            description = `claims ${n} and ${n + 1} merged`;
            const halves = await splitNow(entry.merged, entry.at, entry.parts);
            setStacks((s) => renameIds(renameIds(s, first.id, halves[0]), second.id, halves[1]));
            done = { ...entry, parts: [{ ...first, id: halves[0] }, { ...second, id: halves[1] }] };
          } else {
            const n = number(first.id);
            description = `claims ${n} and ${n + 1} merged`;
            const merged = await mergeNow(first.id, second.id, { id: entry.merged });
            setStacks((s) => renameIds(s, entry.merged, merged));
            done = { ...entry, merged };
          }
          setStacks((s) => pushEntry(s, done, direction));
          return { description, selectId: claimOf(done, direction) };
        }
      }
    },
    [current, apply, moveSegment, mergeNow, splitNow, replayFact, setStacks],
  );

  const undo = useCallback(
    () =>
      run(async () => {
        const entry = stacksRef.current.undo.at(-1);
        return entry ? takeBack(entry, 'undo') : null;
      }),
    [stacksRef, run, takeBack],
  );

  const redo = useCallback(
    () =>
      run(async () => {
        const entry = stacksRef.current.redo.at(-1);
        return entry ? takeBack(entry, 'redo') : null;
      }),
    [stacksRef, run, takeBack],
  );

  const addSource = useCallback(
    (input: SourceInput) =>
      run(async () => {
        const from = current();
        const { source, version: v } = await send((version) => api['sources:add']({ articleId: from.id, source: input, version }));
        advanced(versionOf(from), { ...current(), sources: [...current().sources, source], version: v });
        return source.id;
      }),
    [current, run, send, advanced],
  );

  const updateSource = useCallback(
    (sourceId: string, input: SourceInput) =>
      run(async () => {
        const from = current();
        const { source, version: v } = await send((version) => api['sources:update']({ articleId: from.id, sourceId, source: input, version }));
        advanced(versionOf(from), { ...current(), sources: current().sources.map((s) => (s.id === sourceId ? source : s)), version: v });
      }),
    [current, run, send, advanced],
  );

  const removeSource = useCallback(
    (sourceId: string) =>
      run(async () => {
        const from = current();
        const { article: next } = await send((version) => api['sources:remove']({ articleId: from.id, sourceId, version }));
        advanced(versionOf(from), next);
      }),
    [current, run, send, advanced],
  );

  const revise = useCallback(
    (draft: { text: string } | { file: PickedFile }) =>
      run(async () => {
        const from = current();
        const { article: revised, report } = await api['articles:revise']({ id: from.id, ...draft });
        advanced(versionOf(from), revised);
        setStacks(() => NO_STACKS); // undo entries point at the previous draft's claims
        const flagged = revised.claims.filter((c) => c.changed).length;
        const fromFile = 'file' in draft ? ` from “${draft.file.fileName}”` : '';
        const unsure = report.unsure > 0 ? `, ${report.unsure} moved: please confirm` : '';
        return `Revision ${revised.revisions.length}${fromFile}: ${report.unchanged} claims unchanged, ${report.moved} moved, ${report.changed} changed (${flagged} flagged for review${unsure}), ${report.orphaned} orphaned, ${report.added} new.`;
      }),
    [current, run, advanced, setStacks],
  );

  /** A change made by an operation that answers without the version: catch up with the article it left. */
  const catchUp = useCallback(async (from: Article) => {
    const { article: next } = await api['articles:get']({ id: from.id });
    advanced(versionOf(from), next);
  }, [advanced]);

  const confirm = useCallback(
    (claimId: string) =>
      run(async () => {
        const from = current();
        await api['claims:confirm']({ articleId: from.id, claimId });
        await catchUp(from);
      }),
    [current, run, catchUp],
  );

  const reuseEarlier = useCallback(
    (claimId: string, earlier: { articleId: string; claimId: string }) =>
      run(async () => {
        const from = current();
        const before = from.claims.find((c) => c.id === claimId);
        const answer = await api['claims:reuseEarlier']({ articleId: from.id, claimId, fromArticleId: earlier.articleId, fromClaimId: earlier.claimId });
        // The operation answers without the version (it may add sources too): catch up with the article it left.
        await catchUp(from);
        if (answer.changed && before) {
          const back = verdictPatch(before.verdict);
          const after = verdictPatch(answer.claim.verdict);
          setStacks((s) => pushEntry(s, { kind: 'verdicts', before: [{ claimId, patch: { note: back.note, sourceIds: back.sourceIds } }], after: [{ claimId, patch: { note: after.note, sourceIds: after.sourceIds } }] }, 'new'));
        }
        return { cited: answer.cited.length, added: answer.added.length, noteCopied: answer.noteCopied, changed: answer.changed };
      }),
    [current, run, catchUp, setStacks],
  );

  const setMeta = useCallback(
    (meta: ArticleMeta) => {
      const from = current();
      setArticle({ ...from, ...meta });
      void run(() => catchUp(from)).catch(() => undefined);
    },
    [current, run, catchUp, setArticle],
  );

  return {
    article,
    loadError,
    version,
    update,
    mark,
    markMany,
    addSource,
    updateSource,
    removeSource,
    split,
    merge,
    revise,
    confirm,
    setMeta,
    setAside,
    promote,
    reuseEarlier,
    markFact,
    addFact,
    removeFact,
    undo,
    redo,
    canUndo: stacks.undo.length > 0,
    canRedo: stacks.redo.length > 0,
  };
}
