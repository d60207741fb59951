// Verdict rules and history, as pure functions: the handlers, the UI and the
// tests all decide with these, so a rule means the same thing everywhere.
import type { Claim, ClaimChange, FieldChange, HistoryEntry, Status, Verdict } from './model';
import type { VerdictPatch } from './contract';

export interface RuleCheck {
  /** Reasons the verdict cannot be saved, one sentence each. */
  errors: string[];
  /** Things a careful checker would want to know, that do not block saving. */
  warnings: string[];
}

/** `what`: the rules are the same for a claim and for a fact inside it (src/shared/facts/); only the words differ. */
export function checkVerdictRules(verdict: Pick<Verdict, 'status' | 'note' | 'sourceIds'>, what: 'claim' | 'fact' = 'claim'): RuleCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (verdict.status === 'disputed' && verdict.note.trim() === '') {
    errors.push(`A disputed ${what} needs a note saying what is wrong with it.`);
  }
  if (verdict.status === 'sourced' && verdict.sourceIds.length === 0) {
    errors.push(`A sourced ${what} needs at least one cited source.`);
  }
  if (verdict.status === 'verified' && verdict.sourceIds.length === 0) {
    warnings.push('Verified without a cited source: cite the independent evidence, not the article itself.');
  }
  return { errors, warnings };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The fields a patch really changes, in a fixed order. */
export function diffVerdict(before: Verdict, after: Verdict): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.status !== after.status) changes.push({ field: 'status', from: before.status, to: after.status });
  if (before.note !== after.note) changes.push({ field: 'note', from: before.note, to: after.note });
  if (before.correction !== after.correction) {
    changes.push({ field: 'correction', from: before.correction, to: after.correction });
  }
  if (!sameList(before.sourceIds, after.sourceIds)) {
    changes.push({ field: 'sourceIds', from: [...before.sourceIds], to: [...after.sourceIds] });
  }
  return changes;
}

/**
 * Applies a verdict patch to a claim: the new verdict, and one history entry
 * appended when anything changed. Returns the claim unchanged (same object) for
 * a patch that changes nothing, so a repeated save writes nothing. A checker who
 * changes the verdict of a claim flagged “changed since checked” has ruled on the
 * new wording, so the flag goes and the entry says which wording it replaces.
 */
export function applyVerdictPatch(claim: Claim, patch: VerdictPatch, checker: string, at: string, restoreChange?: ClaimChange): Claim {
  const next: Verdict = {
    ...claim.verdict,
    ...definedFields(patch),
    checker,
    updatedAt: at,
  };
  const changes = diffVerdict(claim.verdict, next);
  if (changes.length === 0) return claim;
  const { changed, ...rest } = claim;
  const entry: HistoryEntry = { at, by: checker, kind: 'verdict', changes };
  if (restoreChange) {
    // An undo of the change that cleared the flag: the wording still needs the look it never got.
    entry.detail = `undone; flagged again as changed since it was checked as “${quoteShort(restoreChange.previousText)}”`;
    return { ...rest, verdict: next, history: [...claim.history, entry], changed: restoreChange };
  }
  if (changed) entry.detail = `verdict given on the new wording; it was checked as “${quoteShort(changed.previousText)}”`;
  return { ...rest, verdict: next, history: [...claim.history, entry] };
}

/** Whether a checker has put anything on the claim: a status, a note, a correction or a source. */
export function hasVerdict(verdict: Verdict): boolean {
  return verdict.status !== 'unchecked' || verdict.note !== '' || verdict.correction !== '' || verdict.sourceIds.length > 0;
}

/** A claim's words for a history entry, cut short so the entry stays one line. */
export function quoteShort(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Something the caller sent (an id, a name), quoted in a one-line message: line breaks
 * and other controls become spaces, so the message stays one sentence on one line.
 */
export function quoteInline(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  return quoteShort(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' '), max);
}

export function definedFields(patch: VerdictPatch): Partial<Verdict> {
  const out: Partial<Verdict> = {};
  if (patch.status !== undefined) out.status = patch.status;
  if (patch.note !== undefined) out.note = patch.note;
  if (patch.correction !== undefined) out.correction = patch.correction;
  if (patch.sourceIds !== undefined) out.sourceIds = [...new Set(patch.sourceIds)];
  return out;
}

export function countByStatus(claims: readonly Pick<Claim, 'verdict'>[]): Record<Status, number> {
  const counts: Record<Status, number> = { unchecked: 0, verified: 0, disputed: 0, sourced: 0 };
  for (const claim of claims) counts[claim.verdict.status] += 1;
  return counts;
}
