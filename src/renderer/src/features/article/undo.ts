// What Ctrl+Z can take back, and how each step is told: pure, so the desk's undo is
// tested without a backend. An undo is a new change, recorded in the history like any
// other (history is never rewritten).
import type { OpInput, RestoredClaim, VerdictPatch } from '../../../../shared/contract';
import type { Claim, SetAsideKind, Verdict } from '../../../../shared/model';
import type { FactStep } from './fact-undo';

export type VerdictChange = OpInput<'claims:markMany'>['changes'][number];

/** Where a passage went: set aside as not a claim, or made a claim. */
export type SegmentMove = 'set-aside' | 'promote';

/**
 * One step the checker can take back:
 * - verdict changes, undone by the verdicts they replaced;
 * - a passage moved between the claims and the set-aside text (`claims:setAside` and
 *   `claims:promote` undo each other, ids stable);
 * - a split, undone by merging the halves back into the claim it was, id and verdict;
 * - a merge, undone by splitting it where the second claim began, each part with its id and verdict;
 * - a change to one fact of a claim (fact-undo.ts).
 */
export type UndoEntry =
  | { kind: 'verdicts'; before: VerdictChange[]; after: VerdictChange[] }
  | { kind: 'segment'; label: string; id: string; done: SegmentMove; setAsideAs: SetAsideKind }
  | { kind: 'split'; original: RestoredClaim; at: number; halves: [string, string] }
  | { kind: 'merge'; parts: [RestoredClaim, RestoredClaim]; at: number; merged: string }
  | FactStep;

export type Stacks = { undo: UndoEntry[]; redo: UndoEntry[] };

export const NO_STACKS: Stacks = { undo: [], redo: [] };

/** The stacks after an entry was done anew, undone or redone. */
export function pushEntry(stacks: Stacks, entry: UndoEntry, record: 'new' | 'undo' | 'redo'): Stacks {
  if (record === 'new') return { undo: [...stacks.undo, entry].slice(-200), redo: [] };
  if (record === 'undo') return { undo: stacks.undo.slice(0, -1), redo: [...stacks.redo, entry] };
  return { undo: [...stacks.undo, entry], redo: stacks.redo.slice(0, -1) };
}

export function verdictPatch(verdict: Verdict): Required<VerdictPatch> {
  return { status: verdict.status, note: verdict.note, correction: verdict.correction, sourceIds: verdict.sourceIds };
}

/** A claim as an undo brings it back: its id, its verdict, its “changed since checked” flag and its facts. */
export function restoredOf(claim: Claim): RestoredClaim {
  return { id: claim.id, patch: verdictPatch(claim.verdict), ...(claim.changed ? { restoreChange: claim.changed } : {}), facts: claim.facts ?? [] };
}

/** Whether each claim still holds what `changes` set: else another window changed it since, and an undo would overwrite that. */
export function stillHolds(changes: readonly VerdictChange[], claims: readonly Claim[]): boolean {
  return changes.every(({ claimId, patch }) => {
    const claim = claims.find((c) => c.id === claimId);
    return claim !== undefined && patchHolds(patch, claim.verdict);
  });
}

/** Whether `v` holds every field the patch sets (a claim's verdict, or a fact's). */
export function patchHolds(patch: VerdictPatch, v: Verdict): boolean {
  return (
    (patch.status === undefined || patch.status === v.status) &&
    (patch.note === undefined || patch.note === v.note) &&
    (patch.correction === undefined || patch.correction === v.correction) &&
    (patch.sourceIds === undefined || sameSet(patch.sourceIds, v.sourceIds))
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

const FIELD_WORDS = { note: 'note', correction: 'correction', sourceIds: 'sources' } as const;

/**
 * A verdict step in words, naming the claim by its number now: “claim 12 back to
 * unchecked” (undone), “claim 12 marked verified” (redone), “the note of claim 12”,
 * “3 claims back to unchecked”.
 */
export function describeVerdicts(entry: Extract<UndoEntry, { kind: 'verdicts' }>, direction: 'undo' | 'redo', claims: readonly Claim[]): string {
  const applied = direction === 'undo' ? entry.before : entry.after;
  const numbers = applied.map(({ claimId }) => claims.findIndex((c) => c.id === claimId) + 1);
  const who = numbers.length === 1 ? `claim ${numbers[0]}` : `${numbers.length} claims`;
  const statusChanged = entry.after.some((a, i) => a.patch.status !== undefined && a.patch.status !== entry.before[i]!.patch.status);
  const statuses = new Set(applied.map((c) => c.patch.status));
  if (statusChanged && statuses.size === 1) {
    const status = [...statuses][0]!;
    return direction === 'undo' ? `${who} back to ${status}` : `${who} marked ${status}`;
  }
  if (numbers.length > 1) return `the changes to ${who}`;
  const fields = (Object.keys(FIELD_WORDS) as (keyof typeof FIELD_WORDS)[]).filter((f) => entry.after[0]!.patch[f] !== undefined).map((f) => FIELD_WORDS[f]);
  return `the ${fields.length > 0 ? listed(fields) : 'verdict'} of ${who}`;
}

function listed(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The claim an entry is about, to select after undoing or redoing it. */
export function claimOf(entry: UndoEntry, direction: 'undo' | 'redo'): string {
  switch (entry.kind) {
    case 'verdicts':
      return entry.after[0]!.claimId;
    case 'fact':
      return entry.claimId;
    case 'segment':
      return entry.id;
    case 'split':
      return direction === 'undo' ? entry.original.id : entry.halves[0];
    case 'merge':
      return direction === 'undo' ? entry.parts[0].id : entry.merged;
  }
}

/** Every id in the stacks that was `from` now reads `to` (a re-segmentation had to take a new id). */
export function renameIds(stacks: Stacks, from: string, to: string): Stacks {
  if (from === to) return stacks;
  const id = (x: string) => (x === from ? to : x);
  const restored = (r: RestoredClaim): RestoredClaim => ({ ...r, id: id(r.id) });
  const rename = (entry: UndoEntry): UndoEntry => {
    switch (entry.kind) {
      case 'verdicts':
        return {
          ...entry,
          before: entry.before.map((c) => ({ ...c, claimId: id(c.claimId) })),
          after: entry.after.map((c) => ({ ...c, claimId: id(c.claimId) })),
        };
      case 'segment':
        return { ...entry, id: id(entry.id) };
      case 'fact':
        return { ...entry, claimId: id(entry.claimId) };
      case 'split':
        return { ...entry, original: restored(entry.original), halves: [id(entry.halves[0]), id(entry.halves[1])] };
      case 'merge':
        return { ...entry, parts: [restored(entry.parts[0]), restored(entry.parts[1])], merged: id(entry.merged) };
    }
  };
  return { undo: stacks.undo.map(rename), redo: stacks.redo.map(rename) };
}
