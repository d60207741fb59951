// Similarity measures on top of diff-match-patch (character- and word-level). This
// instance is shared by the diffs and never reconfigured; fuzzy location has its own
// (passes/locate.ts).
import DiffMatchPatch from 'diff-match-patch';

const dmp = new DiffMatchPatch();
// Claims are short; a diff should never be cut short by the clock (results must be deterministic).
dmp.Diff_Timeout = 0;

export const DIFF_DELETE = -1;
export const DIFF_INSERT = 1;
export const DIFF_EQUAL = 0;
export type Diff = [number, string];

export function diff(a: string, b: string): Diff[] {
  return dmp.diff_main(a, b, false);
}

export function levenshtein(diffs: Diff[]): number {
  return dmp.diff_levenshtein(diffs);
}

/** 0..1 character-level similarity: 1 − edit distance / longer length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - levenshtein(diff(a, b)) / longer;
}
