// The review desk's keys: one table that both the key maps (the desk's, the claim
// panel's, the pickers') and the ? sheet are built from, so a key cannot work without
// being listed, nor be listed without working.
import type { KeyHandler, KeyMap } from '../article/use-shortcuts';

/**
 * Who answers a key: the desk (selection, views, dialogs), the claim on screen, a picker
 * while it is open, the claim's "seen before" panel (features/memory) while it is shown,
 * or the app in any view, even while typing (features/memory/use-search-key.ts).
 */
export type KeyScope = 'desk' | 'claim' | 'split' | 'list' | 'seen' | 'app' | 'facts' | 'factPick' | 'disagreement';

export interface KeyBinding {
  scope: KeyScope;
  action: string;
  /** Key names as `shortcutName` gives them: `j`, `J` (Shift+J), `ArrowDown`, `Mod+z`. */
  keys: readonly string[];
  /** The keys as the sheet shows them. */
  label: string;
  /** What they do, in the sheet. */
  does: string;
  /** The sheet's heading for it. */
  group: string;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

export const REVIEW_KEYS = [
  { scope: 'desk', action: 'next', keys: ['j', 'ArrowDown'], label: 'J  or  ↓', does: 'Next claim', group: 'Moving' },
  { scope: 'desk', action: 'previous', keys: ['k', 'ArrowUp'], label: 'K  or  ↑', does: 'Previous claim', group: 'Moving' },
  { scope: 'desk', action: 'nextUnchecked', keys: ['J'], label: 'Shift + J', does: 'Next unchecked claim', group: 'Moving' },
  { scope: 'desk', action: 'goTo', keys: ['g'], label: 'G', does: 'Go to claim number…', group: 'Moving' },
  { scope: 'desk', action: 'search', keys: ['/'], label: '/', does: 'Search claims and notes (Esc leaves the search and keeps the filter)', group: 'Moving' },

  { scope: 'claim', action: 'verified', keys: ['v'], label: 'V', does: 'Mark verified', group: 'Verdict' },
  { scope: 'claim', action: 'disputed', keys: ['d'], label: 'D', does: 'Mark disputed (asks for a note)', group: 'Verdict' },
  { scope: 'claim', action: 'sourced', keys: ['s'], label: 'S', does: 'Mark sourced (asks for a source)', group: 'Verdict' },
  { scope: 'claim', action: 'unchecked', keys: ['u'], label: 'U', does: 'Mark unchecked; first cancels a verdict still waiting for its note or source', group: 'Verdict' },
  { scope: 'claim', action: 'note', keys: ['n'], label: 'N', does: 'Write the note', group: 'Verdict' },
  { scope: 'claim', action: 'correction', keys: ['c'], label: 'C', does: 'Write the suggested correction', group: 'Verdict' },
  { scope: 'claim', action: 'cancel', keys: ['Escape'], label: 'Esc', does: 'Cancel a verdict waiting for its note or source (the status stays as it was)', group: 'Verdict' },

  { scope: 'claim', action: 'cite', keys: DIGITS, label: '1 – 9', does: 'Cite or stop citing the article’s source with that number', group: 'Sources' },
  { scope: 'claim', action: 'findSource', keys: ['l'], label: 'L', does: 'Cite a source from the list: type to find it', group: 'Sources' },
  { scope: 'claim', action: 'addSource', keys: ['a'], label: 'A', does: 'Add a source and cite it', group: 'Sources' },
  { scope: 'desk', action: 'sources', keys: ['A'], label: 'Shift + A', does: 'The article’s sources: edit or remove one', group: 'Sources' },
  { scope: 'seen', action: 'reuseEarlier', keys: ['R'], label: 'Shift + R', does: 'Seen before: cite the earlier check’s sources and copy its note (never its verdict)', group: 'Sources' },

  { scope: 'claim', action: 'split', keys: ['b'], label: 'B', does: 'Split (break) the claim at a word', group: 'Claims' },
  { scope: 'claim', action: 'mergeNext', keys: ['m'], label: 'M', does: 'Merge with the next claim', group: 'Claims' },
  { scope: 'claim', action: 'mergePrevious', keys: ['M'], label: 'Shift + M', does: 'Merge with the previous claim', group: 'Claims' },
  { scope: 'desk', action: 'select', keys: ['x'], label: 'X', does: 'Select the claim for a bulk change', group: 'Claims' },
  { scope: 'desk', action: 'setAside', keys: ['o'], label: 'O', does: 'Set the claim aside: not a claim', group: 'Claims' },
  { scope: 'desk', action: 'promote', keys: ['p'], label: 'P', does: 'Make set-aside text a claim', group: 'Claims' },
  { scope: 'desk', action: 'undo', keys: ['Mod+z'], label: 'Ctrl/⌘ + Z', does: 'Undo the last change (verdicts, facts, splits, merges, set-asides, new claims)', group: 'Claims' },
  { scope: 'desk', action: 'redo', keys: ['Mod+Shift+z'], label: 'Shift + Ctrl/⌘ + Z', does: 'Redo', group: 'Claims' },

  // Facts inside the claim (features/facts): a fact in focus takes the claim's own verdict keys (V D S U, N, 1–9).
  { scope: 'facts', action: 'nextFact', keys: ['Tab', ']'], label: 'Tab  or  ]', does: 'Next fact of the claim (Tab: when no field or button has the cursor)', group: 'Facts inside a claim' },
  { scope: 'facts', action: 'previousFact', keys: ['Shift+Tab', '['], label: 'Shift + Tab  or  [', does: 'Previous fact', group: 'Facts inside a claim' },
  { scope: 'facts', action: 'sameKeys', keys: [], label: 'V  D  S  U  ·  N  ·  1 – 9', does: 'With a fact in focus: mark the fact, write its note, cite a source', group: 'Facts inside a claim' },
  { scope: 'facts', action: 'addFact', keys: ['f'], label: 'F', does: 'Add a fact: choose its words', group: 'Facts inside a claim' },
  { scope: 'facts', action: 'removeFact', keys: ['Delete'], label: 'Delete', does: 'Remove the fact in focus (its verdict stays in the history)', group: 'Facts inside a claim' },
  { scope: 'facts', action: 'acceptSuggestion', keys: ['y'], label: 'Y', does: 'Give the claim the verdict its facts suggest', group: 'Facts inside a claim' },
  { scope: 'facts', action: 'leaveFact', keys: ['Escape'], label: 'Esc', does: 'Leave the fact: the verdict keys mark the claim again', group: 'Facts inside a claim' },

  // Shown while the claim is a shared-desk disagreement (features/desk/DeskClaimNotice.tsx).
  { scope: 'disagreement', action: 'resolve', keys: ['D'], label: 'Shift + D', does: 'Desk disagreement: go to its choices (keep one side’s verdict, or give a new one)', group: 'Shared desk' },

  { scope: 'desk', action: 'read', keys: ['r'], label: 'R', does: 'Switch between review and reading the article', group: 'Views' },
  { scope: 'desk', action: 'export', keys: ['e'], label: 'E', does: 'Export the report', group: 'Views' },
  { scope: 'desk', action: 'help', keys: ['?'], label: '?', does: 'This sheet', group: 'Views' },
  { scope: 'app', action: 'searchLibrary', keys: ['Mod+k'], label: 'Ctrl/⌘ + K', does: 'Search the whole library: claims, notes, corrections and sources', group: 'Views' },
  { scope: 'desk', action: 'back', keys: ['Escape'], label: 'Esc', does: 'Leave a field (it keeps its text and saves it) · back to the library', group: 'Views' },

  { scope: 'split', action: 'next', keys: ['ArrowRight', 'ArrowDown'], label: '→  or  ↓', does: 'Next word', group: 'Splitting a claim (B)' },
  { scope: 'split', action: 'previous', keys: ['ArrowLeft', 'ArrowUp'], label: '←  or  ↑', does: 'Previous word', group: 'Splitting a claim (B)' },
  { scope: 'split', action: 'first', keys: ['Home'], label: 'Home  /  End', does: 'First or last word', group: 'Splitting a claim (B)' },
  { scope: 'split', action: 'last', keys: ['End'], label: '', does: '', group: 'Splitting a claim (B)' },
  { scope: 'split', action: 'jump', keys: LETTERS, label: 'a – z', does: 'Next word starting with that letter', group: 'Splitting a claim (B)' },
  { scope: 'split', action: 'choose', keys: ['Enter'], label: 'Enter', does: 'Split before the chosen word', group: 'Splitting a claim (B)' },
  { scope: 'split', action: 'cancel', keys: ['Escape'], label: 'Esc', does: 'Cancel', group: 'Splitting a claim (B)' },

  { scope: 'factPick', action: 'next', keys: ['ArrowRight', 'ArrowDown'], label: '→  /  ←', does: 'Next or previous word', group: 'Choosing a fact’s words (F)' },
  { scope: 'factPick', action: 'previous', keys: ['ArrowLeft', 'ArrowUp'], label: '', does: '', group: 'Choosing a fact’s words (F)' },
  { scope: 'factPick', action: 'extend', keys: ['Shift+ArrowRight', 'Shift+ArrowDown'], label: 'Shift + →  /  ←', does: 'Take in the next word, or give back the last', group: 'Choosing a fact’s words (F)' },
  { scope: 'factPick', action: 'shrink', keys: ['Shift+ArrowLeft', 'Shift+ArrowUp'], label: '', does: '', group: 'Choosing a fact’s words (F)' },
  { scope: 'factPick', action: 'jump', keys: LETTERS, label: 'a – z', does: 'Next word starting with that letter', group: 'Choosing a fact’s words (F)' },
  { scope: 'factPick', action: 'choose', keys: ['Enter'], label: 'Enter', does: 'Make the chosen words a fact', group: 'Choosing a fact’s words (F)' },
  { scope: 'factPick', action: 'cancel', keys: ['Escape'], label: 'Esc', does: 'Cancel', group: 'Choosing a fact’s words (F)' },

  { scope: 'list', action: 'next', keys: ['ArrowDown'], label: '↓  /  ↑', does: 'Next or previous source (type to narrow the list)', group: 'Finding a source (L), going to a claim (G)' },
  { scope: 'list', action: 'previous', keys: ['ArrowUp'], label: '', does: '', group: 'Finding a source (L), going to a claim (G)' },
  { scope: 'list', action: 'choose', keys: ['Enter'], label: 'Enter', does: 'Cite (or stop citing) the source; go to the claim', group: 'Finding a source (L), going to a claim (G)' },
  { scope: 'list', action: 'cancel', keys: ['Escape'], label: 'Esc', does: 'Close', group: 'Finding a source (L), going to a claim (G)' },
] as const satisfies readonly KeyBinding[];

type Binding = (typeof REVIEW_KEYS)[number];
export type ActionOf<S extends KeyScope> = Extract<Binding, { scope: S }>['action'];

/**
 * The key map for one scope: every action of the scope must have a handler (the
 * compiler says which one is missing), and each of its keys calls it.
 */
export function keyMap<S extends KeyScope>(scope: S, handlers: Record<ActionOf<S>, KeyHandler>): KeyMap {
  const map: KeyMap = {};
  for (const binding of REVIEW_KEYS as readonly KeyBinding[]) {
    if (binding.scope !== scope) continue;
    const handler = (handlers as Record<string, KeyHandler>)[binding.action]!;
    for (const key of binding.keys) map[key] = handler;
  }
  return map;
}

/** The action a key press means in a picker's scope (its own keys, handled in its onKeyDown). */
export function actionFor<S extends KeyScope>(scope: S, event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): ActionOf<S> | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const binding = (REVIEW_KEYS as readonly KeyBinding[]).find((b) => b.scope === scope && b.keys.includes(key));
  return (binding?.action as ActionOf<S> | undefined) ?? null;
}

/** The sheet's rows, grouped as it shows them; a binding without a label continues the row above. */
export function sheetGroups(): { group: string; rows: [string, string][] }[] {
  const groups: { group: string; rows: [string, string][] }[] = [];
  for (const binding of REVIEW_KEYS as readonly KeyBinding[]) {
    if (!binding.label) continue;
    let group = groups.find((g) => g.group === binding.group);
    if (!group) groups.push((group = { group: binding.group, rows: [] }));
    group.rows.push([binding.label, binding.does]);
  }
  return groups;
}

/** The keys of an action, as shown (for aria-keyshortcuts and the hints on buttons). */
export function keysOf(scope: KeyScope, action: string): string {
  return (REVIEW_KEYS as readonly KeyBinding[]).find((b) => b.scope === scope && b.action === action)?.label ?? '';
}
