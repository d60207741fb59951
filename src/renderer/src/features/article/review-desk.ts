// The review desk's state, in one reducer: what is selected, how the list is filtered
// and sorted, which claims are picked for a bulk change, the view, the open dialog and
// the notice. Pure: the desk computes the list (`items`) and passes it in where an
// action depends on it; saving and loading happen outside, and dispatch their outcome.
import { useReducer } from 'react';
import type { ClaimFilter, ClaimSort } from '../../../../shared/claim-filter';
import type { ListItem } from '../claims/list-items';

export type DeskDialog = 'help' | 'export' | 'done' | 'details' | 'revision' | 'orphans' | 'sources' | 'goto';

export interface DeskState {
  selectedId: string | null;
  filter: ClaimFilter;
  sort: ClaimSort;
  /** Claims picked for a bulk change (X). */
  checked: ReadonlySet<string>;
  showSetAside: boolean;
  mode: 'review' | 'read';
  dialog: DeskDialog | null;
  notice: string | null;
  /** Counts notices, so the same sentence twice still shows (and times out) anew. */
  noticeId: number;
  /** A fact to put the focus on (an undo of its change): its claim, and where its words start; a new object each time. */
  factFocus: { claimId: string; start: number } | null;
}

export type DeskAction =
  | { type: 'select'; id: string | null; notice?: string; /** Where a fact of the claim starts: the focus goes to that fact. */ fact?: number }
  /** Chosen in the reader or the list: back to review, with the set-aside rows shown when it is set-aside text. */
  | { type: 'open'; id: string; isSetAside: boolean }
  | { type: 'move'; delta: number; items: ListItem[] }
  | { type: 'filter'; filter: ClaimFilter }
  | { type: 'sort'; sort: ClaimSort }
  | { type: 'check'; id: string; on?: boolean }
  | { type: 'clearChecked' }
  /** Hiding the set-aside rows moves a selection on one of them to `fallback` (the claim after it). */
  | { type: 'showSetAside'; show: boolean; fallback?: string | null }
  | { type: 'mode'; mode: 'review' | 'read' | 'toggle' }
  | { type: 'dialog'; dialog: DeskDialog | null }
  | { type: 'notice'; text: string | null };

export const INITIAL_DESK: DeskState = {
  selectedId: null,
  filter: {},
  sort: 'article',
  checked: new Set(),
  showSetAside: false,
  mode: 'review',
  dialog: null,
  notice: null,
  noticeId: 0,
  factFocus: null,
};

export function deskReducer(state: DeskState, action: DeskAction): DeskState {
  switch (action.type) {
    case 'select': {
      const factFocus = action.id !== null && action.fact !== undefined ? { claimId: action.id, start: action.fact } : null;
      const next = { ...state, selectedId: action.id, factFocus };
      return action.notice ? withNotice(next, action.notice) : next;
    }
    case 'open':
      return { ...state, selectedId: action.id, mode: 'review', showSetAside: state.showSetAside || action.isSetAside };
    case 'move': {
      // J and K walk the list as it is shown: claims, and set-aside rows when they are shown.
      const { items, delta } = action;
      if (items.length === 0) return state;
      const position = items.findIndex((i) => i.id === state.selectedId);
      const next = position < 0 ? 0 : Math.min(Math.max(position + delta, 0), items.length - 1);
      return { ...state, selectedId: items[next]!.id };
    }
    case 'filter':
      return { ...state, filter: action.filter };
    case 'sort':
      return { ...state, sort: action.sort };
    case 'check': {
      const checked = new Set(state.checked);
      const on = action.on ?? !checked.has(action.id);
      if (on) checked.add(action.id);
      else checked.delete(action.id);
      return { ...state, checked };
    }
    case 'clearChecked':
      return state.checked.size === 0 ? state : { ...state, checked: new Set() };
    case 'showSetAside':
      return {
        ...state,
        showSetAside: action.show,
        selectedId: !action.show && action.fallback !== undefined ? action.fallback : state.selectedId,
      };
    case 'mode':
      return { ...state, mode: action.mode === 'toggle' ? (state.mode === 'review' ? 'read' : 'review') : action.mode };
    case 'dialog':
      return { ...state, dialog: action.dialog };
    case 'notice':
      return action.text === null ? { ...state, notice: null } : withNotice(state, action.text);
  }
}

function withNotice(state: DeskState, text: string): DeskState {
  return { ...state, notice: text, noticeId: state.noticeId + 1 };
}

/**
 * The passage to select when `id` left the list: the next claim the list shows after
 * it (the previous one at the end), else the claim that now starts at or after where
 * it was in the text (the same words, after a split or a merge), else the last claim.
 */
export function claimAfter(
  id: string,
  list: readonly ListItem[],
  claims: readonly { id: string; start: number; end: number }[],
  start: number,
): string | null {
  const position = list.findIndex((i) => i.id === id);
  if (position >= 0) {
    const after = list.slice(position + 1).find((i) => i.kind === 'claim');
    const before = list.slice(0, position).findLast((i) => i.kind === 'claim');
    return (after ?? before)?.id ?? null;
  }
  return claimAt(claims.filter((c) => c.id !== id), start);
}

/** The claim covering text offset `start`, else the first after it, else the last one. */
export function claimAt(claims: readonly { id: string; start: number; end: number }[], start: number): string | null {
  const covering = claims.find((c) => c.start <= start && start < c.end);
  return (covering ?? claims.find((c) => c.start >= start) ?? claims.at(-1))?.id ?? null;
}

export function useReviewDesk() {
  return useReducer(deskReducer, INITIAL_DESK);
}
