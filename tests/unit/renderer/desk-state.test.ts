// @vitest-environment jsdom
// The review desk's state as pure functions: the desk reducer, the verdict draft's
// reducer and plans, the undo entries and their words, and the one key table that the
// key maps and the ? sheet are both built from.
import { describe, expect, it } from 'vitest';
import { UNCHECKED, type Claim, type Verdict } from '../../../src/shared/model';
import { claimAfter, claimAt, deskReducer, INITIAL_DESK } from '../../../src/renderer/src/features/article/review-desk';
import { describeVerdicts, pushEntry, renameIds, stillHolds, type Stacks, type UndoEntry } from '../../../src/renderer/src/features/article/undo';
import { REVIEW_KEYS, actionFor, keyMap, sheetGroups } from '../../../src/renderer/src/features/help/review-keys';
import { draftReducer, initialDraft, planChoose, planLeave, toggled } from '../../../src/renderer/src/features/review/verdict-draft';
import type { ListItem } from '../../../src/renderer/src/features/claims/list-items';

const verdict = (v: Partial<Verdict> = {}): Verdict => ({ ...UNCHECKED, ...v });
const claimWith = (id: string, start: number, end: number, v: Partial<Verdict> = {}): Claim => ({
  id,
  text: 'x'.repeat(end - start),
  start,
  end,
  section: 'body',
  labels: [],
  spans: [],
  score: 0.5,
  verdict: verdict(v),
  history: [],
});
const items = (claims: Claim[]): ListItem[] => claims.map((claim, i) => ({ kind: 'claim', id: claim.id, claim, number: i + 1 }));

describe('the desk reducer', () => {
  const claims = [claimWith('a', 0, 10), claimWith('b', 11, 20), claimWith('c', 21, 30)];

  it('walks the list as shown with J and K, and stops at its ends', () => {
    let state = deskReducer(INITIAL_DESK, { type: 'select', id: 'a' });
    state = deskReducer(state, { type: 'move', delta: 1, items: items(claims) });
    expect(state.selectedId).toBe('b');
    state = deskReducer(state, { type: 'move', delta: 5, items: items(claims) });
    expect(state.selectedId).toBe('c');
    state = deskReducer(state, { type: 'move', delta: -9, items: items(claims) });
    expect(state.selectedId).toBe('a');
  });

  it('keeps the filter when the selection, the view or a dialog changes', () => {
    let state = deskReducer(INITIAL_DESK, { type: 'filter', filter: { query: 'seawall' } });
    state = deskReducer(state, { type: 'select', id: 'b' });
    state = deskReducer(state, { type: 'mode', mode: 'toggle' });
    state = deskReducer(state, { type: 'dialog', dialog: 'help' });
    expect(state).toMatchObject({ filter: { query: 'seawall' }, selectedId: 'b', mode: 'read', dialog: 'help' });
  });

  it('opening a passage from the reader goes back to review, showing set-aside rows for set-aside text', () => {
    const state = deskReducer({ ...INITIAL_DESK, mode: 'read' }, { type: 'open', id: 's1', isSetAside: true });
    expect(state).toMatchObject({ mode: 'review', selectedId: 's1', showSetAside: true });
  });

  it('toggles claims for a bulk change, and counts each notice so the same sentence shows again', () => {
    let state = deskReducer(INITIAL_DESK, { type: 'check', id: 'a' });
    state = deskReducer(state, { type: 'check', id: 'b' });
    state = deskReducer(state, { type: 'check', id: 'a' });
    expect([...state.checked]).toEqual(['b']);
    const once = deskReducer(state, { type: 'notice', text: 'Nothing to undo.' });
    const twice = deskReducer(once, { type: 'notice', text: 'Nothing to undo.' });
    expect(twice.noticeId).toBe(once.noticeId + 1);
  });

  it('lands a selection that disappeared on the claim now holding its words', () => {
    // Claim b was merged into a new claim m covering 0–20: the selection goes there, not to claim 1.
    const merged = [claimWith('m', 0, 20), claimWith('c', 21, 30)];
    expect(claimAt(merged, 11)).toBe('m');
    expect(claimAt(merged, 25)).toBe('c');
    expect(claimAt(merged, 99)).toBe('c');
    expect(claimAfter('b', items(claims), claims, 11)).toBe('c');
    expect(claimAfter('c', items(claims), claims, 21)).toBe('b');
    expect(claimAfter('gone', items(claims), claims, 12)).toBe('b');
  });
});

describe('the verdict draft', () => {
  const draft = (over: Partial<ReturnType<typeof initialDraft>> = {}) => ({ ...initialDraft(verdict()), ...over });

  it('D on a claim with no note waits for the note, with the cursor sent there once', () => {
    expect(planChoose(draft(), verdict(), 'disputed', 0)).toMatchObject({ kind: 'pend', status: 'disputed', focus: 'note' });
    expect(planChoose(draft({ note: 'It was 4-3.' }), verdict(), 'disputed', 0)).toEqual({ kind: 'save', status: 'disputed' });
  });

  it('S waits for a source: the add form when the article has none, a hint at 1–9 and L when it has some', () => {
    expect(planChoose(draft(), verdict(), 'sourced', 0)).toMatchObject({ kind: 'pend', tool: 'add-source' });
    const withSources = planChoose(draft(), verdict(), 'sourced', 2);
    expect(withSources).toMatchObject({ kind: 'pend' });
    expect(withSources.kind === 'pend' && withSources.tool).toBeFalsy();
  });

  it('U while a status waits cancels the wait (the status stays); U otherwise marks unchecked; the same status again saves nothing', () => {
    expect(planChoose(draft({ pending: 'disputed' }), verdict({ status: 'verified' }), 'unchecked', 0)).toEqual({ kind: 'cancel' });
    expect(planChoose(draft(), verdict({ status: 'verified' }), 'unchecked', 0)).toEqual({ kind: 'save', status: 'unchecked' });
    expect(planChoose(draft(), verdict(), 'unchecked', 0)).toEqual({ kind: 'none' });
    expect(planChoose(draft({ pending: 'disputed' }), verdict({ status: 'verified' }), 'verified', 0)).toEqual({ kind: 'cancel' });
  });

  it('leaving a field saves only the words that changed; Esc gives up on a status whose rule is not met, Tab keeps it waiting', () => {
    expect(planLeave(draft({ note: 'Typed.' }), verdict(), 'blur')).toEqual({ patch: { note: 'Typed.' }, cancel: false });
    expect(planLeave(draft(), verdict(), 'esc')).toEqual({ patch: null, cancel: false });
    expect(planLeave(draft({ pending: 'disputed' }), verdict(), 'esc')).toEqual({ patch: null, cancel: true });
    expect(planLeave(draft({ pending: 'disputed' }), verdict(), 'blur')).toEqual({ patch: null, cancel: false });
    expect(planLeave(draft({ pending: 'disputed', note: 'It was 4-3.' }), verdict(), 'esc')).toEqual({
      patch: { status: 'disputed', note: 'It was 4-3.', correction: '' },
      cancel: false,
    });
  });

  it('a verdict changed from outside shows, except in the field being typed in', () => {
    let state = draftReducer(draft(), { type: 'enter', field: 'note', version: 4 });
    state = draftReducer(state, { type: 'type', field: 'note', text: 'Mine' });
    state = draftReducer(state, { type: 'sync', verdict: verdict({ note: 'Theirs', correction: 'Also theirs' }) });
    expect(state).toMatchObject({ note: 'Mine', savedNote: 'Theirs', correction: 'Also theirs', editing: { field: 'note', since: 4 } });
  });

  it('only a save that carried the status settles the one waiting', () => {
    let state = draftReducer(draft(), { type: 'pend', status: 'sourced', guidance: 'Needs a source.' });
    state = draftReducer(draftReducer(state, { type: 'saving' }), { type: 'saved', patch: { note: 'x' } });
    expect(state.pending).toBe('sourced');
    state = draftReducer(draftReducer(state, { type: 'saving' }), { type: 'saved', patch: { status: 'sourced', sourceIds: ['s1'] } });
    expect(state).toMatchObject({ pending: null, guidance: null, saving: 0 });
  });

  it('toggles a source on the list it is given', () => {
    expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggled(['a'], 'a', true)).toEqual(['a']);
    expect(toggled([], 'a', false)).toEqual([]);
  });
});

describe('undo entries', () => {
  const claims = [claimWith('a', 0, 10, { status: 'unchecked' }), claimWith('b', 11, 20, { status: 'verified' })];
  const entry: UndoEntry = {
    kind: 'verdicts',
    before: [{ claimId: 'b', patch: { status: 'unchecked', note: '', correction: '', sourceIds: [] } }],
    after: [{ claimId: 'b', patch: { status: 'verified' } }],
  };

  it('say what they change and name the claim by its number', () => {
    expect(describeVerdicts(entry as Extract<UndoEntry, { kind: 'verdicts' }>, 'undo', claims)).toBe('claim 2 back to unchecked');
    expect(describeVerdicts(entry as Extract<UndoEntry, { kind: 'verdicts' }>, 'redo', claims)).toBe('claim 2 marked verified');
    const noteOnly: Extract<UndoEntry, { kind: 'verdicts' }> = {
      kind: 'verdicts',
      before: [{ claimId: 'a', patch: { status: 'unchecked', note: '', correction: '', sourceIds: [] } }],
      after: [{ claimId: 'a', patch: { note: 'Typed.' } }],
    };
    expect(describeVerdicts(noteOnly, 'undo', claims)).toBe('the note of claim 1');
  });

  it('move to the other stack only when done, and an undo refuses to overwrite what another window changed since', () => {
    const stacks: Stacks = { undo: [entry], redo: [] };
    expect(pushEntry(stacks, entry, 'undo')).toEqual({ undo: [], redo: [entry] });
    expect(stillHolds((entry as Extract<UndoEntry, { kind: 'verdicts' }>).after, claims)).toBe(true);
    const changedElsewhere = [claims[0]!, { ...claims[1]!, verdict: verdict({ status: 'disputed', note: 'No.' }) }];
    expect(stillHolds((entry as Extract<UndoEntry, { kind: 'verdicts' }>).after, changedElsewhere)).toBe(false);
  });

  it('follow a claim that had to take a new id', () => {
    const split: UndoEntry = { kind: 'split', original: { id: 'o' }, at: 5, halves: ['h1', 'h2'] };
    const renamed = renameIds({ undo: [entry, split], redo: [] }, 'h1', 'h9');
    expect(renamed.undo[1]).toMatchObject({ halves: ['h9', 'h2'] });
    expect(renamed.undo[0]).toEqual(entry);
  });
});

describe('the key table', () => {
  it('gives each key one meaning within a scope (Esc aside: the claim’s Esc passes it on when nothing waits)', () => {
    for (const scope of ['desk', 'claim', 'split', 'list'] as const) {
      const keys = REVIEW_KEYS.filter((b) => b.scope === scope).flatMap((b) => [...b.keys]);
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
    const desk: string[] = REVIEW_KEYS.filter((b) => b.scope === 'desk').flatMap((b) => [...b.keys]);
    const claim: string[] = REVIEW_KEYS.filter((b) => b.scope === 'claim').flatMap((b) => [...b.keys]);
    expect(desk.filter((k) => claim.includes(k))).toEqual(['Escape']);
  });

  it('drives the key maps: every key of the scope calls its action', () => {
    const calls: string[] = [];
    const map = keyMap('claim', {
      verified: () => void calls.push('verified'),
      disputed: () => void calls.push('disputed'),
      sourced: () => void calls.push('sourced'),
      unchecked: () => void calls.push('unchecked'),
      note: () => void calls.push('note'),
      correction: () => void calls.push('correction'),
      cancel: () => false,
      cite: (key) => void calls.push(`cite ${key}`),
      findSource: () => void calls.push('find'),
      addSource: () => void calls.push('add'),
      split: () => void calls.push('split'),
      mergeNext: () => void calls.push('merge next'),
      mergePrevious: () => void calls.push('merge previous'),
    });
    for (const key of ['v', '3', 'b', 'M', 'l']) map[key]!(key);
    expect(calls).toEqual(['verified', 'cite 3', 'split', 'merge previous', 'find']);
    expect(actionFor('split', { key: 'ArrowRight', ctrlKey: false, metaKey: false, altKey: false })).toBe('next');
    expect(actionFor('split', { key: 'Q', ctrlKey: false, metaKey: false, altKey: false })).toBe('jump');
    expect(actionFor('list', { key: 'Enter', ctrlKey: true, metaKey: false, altKey: false })).toBeNull();
  });

  it('drives the ? sheet: every action the issue asked for is listed, from the same rows', () => {
    const text = sheetGroups()
      .flatMap((g) => g.rows.map(([keys, does]) => `${keys}: ${does}`))
      .join('\n');
    for (const words of [
      'Split (break) the claim at a word',
      'Merge with the next claim',
      'Merge with the previous claim',
      'Cite or stop citing the article’s source with that number',
      'Cite a source from the list: type to find it',
      'Add a source and cite it',
      'edit or remove one',
      'Go to claim number',
      'Set the claim aside: not a claim',
      'Make set-aside text a claim',
      'Next unchecked claim',
    ]) {
      expect(text).toContain(words);
    }
    // Every binding with keys of its own is on the sheet, or continues the row above it.
    for (const binding of REVIEW_KEYS) if (binding.label) expect(text).toContain(`${binding.label}: ${binding.does}`);
  });
});
