// What a successful operation adds to the desk's record. A verdict change becomes
// a verdict event based on the heads its author had seen (so the fold can tell a
// correction from a disagreement); other edits of an article are recorded with
// who, when and what, for the record, and not replayed elsewhere yet.
import type { Claim } from '../../shared/model';
import { hasVerdict } from '../../shared/verdicts';
import { eventDocId, sameVerdict, type DeskEvent, type DeskVerdict, type VerdictEvent } from './desk-events';
import { foldClaims, type ClaimFold } from './fold';

/** Operations that change an article's claims, facts, sources or text: recorded, and refused on a signed-off article. */
export function writesArticle(op: string): boolean {
  return /^(claims|facts|sources|revisions):/.test(op) || /^articles:(revise|updateMeta|rename)$/.test(op);
}

/** The article an operation writes: `articleId`, or `id` for the article-wide ones (revise, rename). */
export function articleOf(input: Record<string, unknown>): string | undefined {
  const id = input.articleId ?? input.id;
  return typeof id === 'string' ? id : undefined;
}

export function verdictOf(claim: Pick<Claim, 'verdict'>): DeskVerdict {
  const { status, note, correction, sourceIds } = claim.verdict;
  return { status, note, correction, sourceIds: [...sourceIds] };
}

/** A verdict event for `claim` when its verdict is not what the desk's events already say. */
export function verdictEvent(articleId: string, claim: Claim, fold: ClaimFold | undefined, by: string, at: Date): VerdictEvent | undefined {
  const verdict = verdictOf(claim);
  const disagreeing = (fold?.disagreement.length ?? 0) > 0;
  if (fold?.current && sameVerdict(fold.current.verdict, verdict) && !disagreeing) return undefined;
  if (!fold?.current && !hasVerdict(claim.verdict)) return undefined;
  return {
    _id: eventDocId(articleId, claim.id, at),
    type: 'verdict',
    articleId,
    claimId: claim.id,
    by,
    at: at.toISOString(),
    verdict,
    basedOn: (fold?.heads ?? []).map((head) => head._id),
    ...(disagreeing ? { resolves: true } : {}),
  };
}

/** The events an operation's answer calls for, given the article's events before it. */
export function eventsFor(op: string, input: Record<string, unknown>, output: Record<string, unknown>, before: readonly DeskEvent[], by: string, at: Date): DeskEvent[] {
  const articleId = articleOf(input) ?? '';
  if (op === 'claims:mark' || op === 'claims:markMany') {
    const claims = (op === 'claims:mark' ? [output.claim] : (output.claims as unknown[])) as Claim[];
    const folds = foldClaims(before);
    return claims.flatMap((claim) => verdictEvent(articleId, claim, folds.get(claim.id), by, at) ?? []);
  }
  if (!writesArticle(op)) return [];
  const claimId = typeof input.claimId === 'string' ? input.claimId : undefined;
  return [{ _id: eventDocId(articleId, claimId, at), type: 'edit', articleId, by, at: at.toISOString(), op, ...(claimId ? { claimId } : {}) }];
}

/** Verdict events for an article's verdicts given before it was shared, so the desk starts from what this checker knows. */
export function seedEvents(articleId: string, claims: readonly Claim[], by: string, at: Date): VerdictEvent[] {
  return claims.flatMap((claim) => verdictEvent(articleId, claim, undefined, claim.verdict.checker ?? by, at) ?? []);
}
