// A verdict being made on the claim on screen: the note and correction as typed, a
// status waiting for what its rule needs (a note, a source), the saves in flight and
// their outcome, the field to put the cursor in, and the tool open below the verdict.
// The reducer and the plans are pure; useVerdictDraft runs the saves (the effects).
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { STALE_ARTICLE, type VerdictPatch } from '../../../../shared/contract';
import type { Claim, Status, Verdict } from '../../../../shared/model';
import { checkVerdictRules } from '../../../../shared/verdicts';
import { errorMessage } from '../../api/client';

export type TextField = 'note' | 'correction';
export type Tool = 'add-source' | 'split' | 'find-source';

export interface DraftState {
  note: string;
  correction: string;
  /** What the backend holds for each field, as far as this window knows: leaving a field saves only what differs. */
  savedNote: string;
  savedCorrection: string;
  /** A status chosen but waiting for what its rule needs; the claim keeps its status until then. */
  pending: Status | null;
  guidance: string | null;
  /** The field being typed in, and the article's version when typing began. */
  editing: { field: TextField; since: number } | null;
  /** Saves in flight. */
  saving: number;
  error: string | null;
  /** Where the cursor should go after this render (counted, so asking twice moves it twice). */
  focus: { target: TextField | Tool; seq: number } | null;
  /** What is open below the verdict: the add-source form, the split picker, the source finder. */
  tool: Tool | null;
}

export type DraftAction =
  | { type: 'sync'; verdict: Verdict }
  | { type: 'type'; field: TextField; text: string }
  | { type: 'enter'; field: TextField; version: number }
  | { type: 'leave' }
  | { type: 'pend'; status: Status; guidance: string; focus?: TextField; tool?: Tool }
  | { type: 'cancel' }
  | { type: 'focus'; target: TextField | Tool }
  | { type: 'tool'; tool: Tool | null }
  | { type: 'saving' }
  | { type: 'saved'; patch: VerdictPatch | null }
  | { type: 'failed'; error: string };

export function initialDraft(verdict: Verdict): DraftState {
  return {
    note: verdict.note,
    correction: verdict.correction,
    savedNote: verdict.note,
    savedCorrection: verdict.correction,
    pending: null,
    guidance: null,
    editing: null,
    saving: 0,
    error: null,
    focus: null,
    tool: null,
  };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'sync': {
      // A save, an undo, or another window changed the verdict: show it, except in the field being typed in.
      const { note, correction } = action.verdict;
      return {
        ...state,
        savedNote: note,
        savedCorrection: correction,
        note: state.editing?.field === 'note' ? state.note : note,
        correction: state.editing?.field === 'correction' ? state.correction : correction,
      };
    }
    case 'type':
      return action.field === 'note' ? { ...state, note: action.text } : { ...state, correction: action.text };
    case 'enter':
      return { ...state, editing: { field: action.field, since: action.version } };
    case 'leave':
      return { ...state, editing: null };
    case 'pend':
      return {
        ...state,
        pending: action.status,
        guidance: action.guidance,
        focus: action.focus || action.tool ? nextFocus(state, (action.focus ?? action.tool)!) : state.focus,
        tool: action.tool ?? state.tool,
      };
    case 'cancel':
      // The status stays as it was; an add-source form opened for a sourced verdict goes too.
      return { ...state, pending: null, guidance: null, tool: state.pending === 'sourced' && state.tool === 'add-source' ? null : state.tool };
    case 'focus':
      return { ...state, focus: nextFocus(state, action.target) };
    case 'tool':
      return { ...state, tool: action.tool, focus: action.tool ? nextFocus(state, action.tool) : state.focus };
    case 'saving':
      return { ...state, saving: state.saving + 1 };
    case 'saved': {
      const patch = action.patch;
      const settled = patch?.status !== undefined;
      return {
        ...state,
        saving: Math.max(0, state.saving - 1),
        error: null,
        savedNote: patch?.note ?? state.savedNote,
        savedCorrection: patch?.correction ?? state.savedCorrection,
        // Only a save that carried the status settles the one waiting.
        pending: settled ? null : state.pending,
        guidance: settled ? null : state.guidance,
      };
    }
    case 'failed':
      return { ...state, saving: Math.max(0, state.saving - 1), error: action.error };
  }
}

function nextFocus(state: DraftState, target: TextField | Tool): DraftState['focus'] {
  return { target, seq: (state.focus?.seq ?? 0) + 1 };
}

/** What choosing a status does, given the draft and the claim's verdict. */
/** The verdict keys that act the same on a claim and on a fact: the four statuses (V D S U) and N. */
export function verdictKeys(choose: (status: Status) => void, dispatch: (action: DraftAction) => void) {
  return {
    verified: () => choose('verified'),
    disputed: () => choose('disputed'),
    sourced: () => choose('sourced'),
    unchecked: () => choose('unchecked'),
    note: () => dispatch({ type: 'focus', target: 'note' }),
  };
}

export type ChoosePlan =
  | { kind: 'cancel' }
  | { kind: 'pend'; status: Status; guidance: string; focus?: TextField; tool?: Tool }
  | { kind: 'save'; status: Status }
  | { kind: 'none' };

/**
 * U (or Unchecked) while a status waits cancels the wait and keeps the status as it
 * was; a status whose rule wants more waits for it (the note for disputed; for sourced,
 * a source to cite, or the add-source form when the article has none); any other is saved.
 */
export function planChoose(draft: DraftState, verdict: Verdict, status: Status, articleSources: number, what: 'claim' | 'fact' = 'claim'): ChoosePlan {
  if (status === 'unchecked' && draft.pending) return { kind: 'cancel' };
  const rules = checkVerdictRules({ status, note: draft.note, sourceIds: verdict.sourceIds }, what);
  if (rules.errors.length > 0) {
    const guidance = rules.errors[0]!;
    if (status === 'disputed') return { kind: 'pend', status, guidance, focus: 'note' };
    if (status === 'sourced' && articleSources === 0) return { kind: 'pend', status, guidance, tool: 'add-source' };
    return { kind: 'pend', status, guidance: `${guidance} Cite one (1–9, or L to find it) or add one (A).` };
  }
  const same = status === verdict.status && draft.note === verdict.note && draft.correction === verdict.correction;
  return same && !draft.pending ? { kind: 'none' } : same ? { kind: 'cancel' } : { kind: 'save', status };
}

/** What leaving a text field saves: its words always; the waiting status once its rule is met. */
export type LeavePlan = { patch: VerdictPatch | null; cancel: boolean };

export function planLeave(draft: DraftState, verdict: Verdict, how: 'esc' | 'blur'): LeavePlan {
  const text: VerdictPatch = {};
  if (draft.note !== draft.savedNote) text.note = draft.note;
  if (draft.correction !== draft.savedCorrection) text.correction = draft.correction;
  const hasText = Object.keys(text).length > 0;
  if (draft.pending) {
    const ready = checkVerdictRules({ status: draft.pending, note: draft.note, sourceIds: verdict.sourceIds }).errors.length === 0;
    if (ready) return { patch: { status: draft.pending, note: draft.note, correction: draft.correction }, cancel: false };
    // Esc gives up on the status (it stays as it was); leaving with Tab or the mouse keeps it waiting, without pulling the cursor back.
    return { patch: hasText ? text : null, cancel: how === 'esc' };
  }
  return { patch: hasText ? text : null, cancel: false };
}

/** The sources a claim cites after citing (or no longer citing) one. */
export function toggled(sourceIds: readonly string[], sourceId: string, cite?: boolean): string[] {
  const on = cite ?? !sourceIds.includes(sourceId);
  return on ? (sourceIds.includes(sourceId) ? [...sourceIds] : [...sourceIds, sourceId]) : sourceIds.filter((id) => id !== sourceId);
}

/** What a verdict is given on: a claim, or a fact inside one (features/facts), which has the same rules. */
export type Judged = Pick<Claim, 'verdict'>;

export interface DraftDeps {
  /** Saves a patch built from the claim as the earlier saves left it (see useArticle's `update`). */
  save: (build: (claim: Judged) => VerdictPatch | null, options?: { basedOn?: number }) => Promise<{ patch: VerdictPatch } | null>;
  /** The article's version now. */
  version: () => number;
  /** How many sources the article has. */
  sourceCount: number;
  /** Whose rules the guidance words: the claim's (default) or a fact's. */
  what?: 'claim' | 'fact';
}

/** The draft for `claim` and the commands the panel's keys and controls call. */
export function useVerdictDraft(claim: Judged, deps: DraftDeps) {
  const [draft, dispatch] = useReducer(draftReducer, claim.verdict, initialDraft);
  const latest = useRef(draft);
  latest.current = draft;
  const depsRef = useRef(deps);
  depsRef.current = deps;
  const verdict = claim.verdict;

  useEffect(() => dispatch({ type: 'sync', verdict }), [verdict]);

  /** Runs one save; `typedNote` is the note it carries, named if the save is refused as out of date. */
  const save = useCallback(async (build: (claim: Judged) => VerdictPatch | null, options?: { basedOn?: number }, typedNote?: string) => {
    dispatch({ type: 'saving' });
    try {
      const result = await depsRef.current.save(build, options);
      dispatch({ type: 'saved', patch: result?.patch ?? null });
    } catch (e) {
      const message = errorMessage(e);
      // Refused as out of date: the field now shows what the other window saved; say what was not kept.
      const lost = typedNote && message === STALE_ARTICLE ? ` Your note was not saved: “${typedNote}”.` : '';
      dispatch({ type: 'failed', error: message + lost });
    }
  }, []);

  const choose = useCallback(
    (status: Status) => {
      const plan = planChoose(latest.current, verdict, status, depsRef.current.sourceCount, depsRef.current.what);
      if (plan.kind === 'cancel') dispatch({ type: 'cancel' });
      else if (plan.kind === 'pend') dispatch({ type: 'pend', status: plan.status, guidance: plan.guidance, focus: plan.focus, tool: plan.tool });
      else if (plan.kind === 'save') {
        const { note, correction } = latest.current;
        void save((claim) => ({ status: plan.status, note, correction, sourceIds: claim.verdict.sourceIds }));
      }
    },
    [verdict, save],
  );

  const enter = useCallback((field: TextField) => dispatch({ type: 'enter', field, version: depsRef.current.version() }), []);

  const leave = useCallback(
    (how: 'esc' | 'blur') => {
      const current = latest.current;
      const plan = planLeave(current, verdict, how);
      const since = current.editing?.since;
      dispatch({ type: 'leave' });
      if (plan.cancel) dispatch({ type: 'cancel' });
      // The words were typed against the article as it was when typing began: sent with that version.
      if (plan.patch) void save(() => plan.patch, since === undefined ? undefined : { basedOn: since }, plan.patch.note);
    },
    [verdict, save],
  );

  /** Cites (or stops citing) a source, from the claim's sources as the earlier saves left them. */
  const cite = useCallback(
    (sourceId: string, on?: boolean) => {
      const { pending, note, correction } = latest.current;
      void save((claim) => {
        const sourceIds = toggled(claim.verdict.sourceIds, sourceId, on);
        const ready = pending !== null && checkVerdictRules({ status: pending, note, sourceIds }).errors.length === 0;
        return ready ? { status: pending, note, correction, sourceIds } : { sourceIds };
      });
    },
    [save],
  );

  return { draft, dispatch, choose, enter, leave, cite, save };
}
