// What a successful operation adds to the desk's record. A verdict change becomes
// a verdict event based on the heads its author had seen (so the fold can tell a
// correction from a disagreement); sources, structural edits, facts and revisions
// become the events other members replay (edit-events.ts, replay-edits.ts), and a
// rename or a details edit the fields it changed (meta-events.ts).
import type { Article, Claim } from '../../shared/model';
import { hasVerdict } from '../../shared/verdicts';
import { eventDocId, sameVerdict, type DeskEvent, type DeskVerdict, type VerdictEvent } from './desk-events';
import { claimEdit, sourceChanges } from './edit-events';
import { foldClaims, type ClaimFold } from './fold';
import { metaChange } from './meta-events';

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

/**
 * The events an operation calls for, given the article's events before it and the
 * article before and after it: verdict events for every claim whose verdict it
 * changed (a mark, a merge keeping a status, a removed source), source events for the
 * sources it put or removed, and the structural edit itself for others to replay.
 */
export function eventsFor(op: string, input: Record<string, unknown>, output: Record<string, unknown>, change: { before: readonly DeskEvent[]; was: Article; now: Article }, by: string, at: Date): DeskEvent[] {
  const articleId = articleOf(input) ?? '';
  const { was, now } = change;
  const folds = foldClaims(change.before);
  const stamp = (claimId?: string) => ({ _id: eventDocId(articleId, claimId, at), articleId, by, at: at.toISOString() });
  const sources = sourceChanges(was, now).map((body) => ({ ...stamp(), ...body }) as DeskEvent);
  if (op === 'claims:mark' || op === 'claims:markMany') {
    // Compared with the desk's fold, not the file: settling a disagreement by choosing the side shown is an event too.
    const claims = (op === 'claims:mark' ? [output.claim] : (output.claims as unknown[])) as Claim[];
    return [...sources, ...claims.flatMap((claim) => verdictEvent(articleId, claim, folds.get(claim.id), by, at) ?? [])];
  }
  // Nothing written (a repeated save, a patch that changed nothing): nothing to record.
  if (!writesArticle(op) || (now.version ?? 0) === (was.version ?? 0)) return [];
  const events = sources;
  const edit = claimEdit(op, input, output, was, now);
  if (edit?.type === 'claim-edit') {
    // The verdicts its author saw on every claim it touches (both of a merge): any other is a verdict it crossed.
    const touched = [edit.claimId, ...(edit.edit.op === 'merge' ? [edit.edit.nextClaimId] : [])];
    events.push({ ...stamp(edit.claimId), ...edit, basedOn: touched.flatMap((id) => (folds.get(id)?.heads ?? []).map((h) => h._id)) });
  }
  else if (edit) events.push({ ...stamp(), ...edit });
  else if (op === 'articles:rename' || op === 'articles:updateMeta') {
    const meta = metaChange(was, now);
    if (meta) events.push({ ...stamp(), ...meta });
  } else if (!op.startsWith('sources:')) events.push({ ...stamp(typeof input.claimId === 'string' ? input.claimId : undefined), type: 'edit', op });
  // Only verdicts the change itself gave (a merge keeping a status, a removed source unchecking a claim) are events; the replay gives the rest.
  const old = new Map(was.claims.map((c) => [c.id, c]));
  for (const claim of now.claims) {
    const prior = old.get(claim.id);
    if (prior && sameVerdict(verdictOf(prior), verdictOf(claim))) continue;
    const event = verdictEvent(articleId, claim, folds.get(claim.id), by, at);
    if (event) events.push(event);
  }
  return events;
}

/** Verdict events for an article's verdicts given before it was shared, so the desk starts from what this checker knows. */
export function seedEvents(articleId: string, claims: readonly Claim[], by: string, at: Date): VerdictEvent[] {
  return claims.flatMap((claim) => verdictEvent(articleId, claim, undefined, claim.verdict.checker ?? by, at) ?? []);
}
