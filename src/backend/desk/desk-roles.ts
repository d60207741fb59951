// Assignment and second read on a desk, and what the report says of the desk: the
// editor assigns an article or a range of its claims to a checker; another checker
// records a second read of a ruled claim. Both are events, appended like any other.
import { UserError } from '../../shared/errors';
import type { ReportDesk } from '../../shared/report/report-desk';
import type { Desk } from './desk';
import { eventDocId } from './desk-events';
import { foldLock } from './fold';
import { assigneeOf, foldRoles, parseClaimRange, type AssignEvent, type SecondReadEvent } from './role-events';

async function refuseLocked(desk: Desk, articleId: string): Promise<void> {
  if (!desk.store.has(articleId)) throw new UserError(`There is no article “${articleId}” in this library.`, 'not-found');
  const lock = foldLock(await desk.journal.events(articleId));
  if (lock.locked && lock.last) throw new UserError(`That article was signed off by ${lock.last.by}: it is locked until an editor unlocks it.`, 'refused');
}

/** The editor gives the article, or claims `range` (“3-9”, as numbered on screen), to checker `to`. */
export function assign(desk: Desk, articleId: string, to: string, range?: string): Promise<AssignEvent> {
  return desk.exclusive(async () => {
    if (!desk.isEditor) throw new UserError(`Only an editor can assign articles; ${desk.user} is not one on this desk.`, 'refused');
    await refuseLocked(desk, articleId);
    const name = to.trim();
    if (!name) throw new UserError('Say who the article is assigned to (--to NAME).', 'invalid');
    const { claims } = await desk.store.get(articleId);
    let claimIds: string[] | undefined;
    if (range !== undefined) {
      try {
        const [from, upTo] = parseClaimRange(range, claims.length);
        claimIds = claims.slice(from - 1, upTo).map((c) => c.id);
      } catch (error) {
        throw new UserError((error as Error).message, 'invalid');
      }
    }
    await desk.share(articleId);
    const at = desk.clock();
    const event: AssignEvent = { _id: eventDocId(articleId, undefined, at), type: 'assign', articleId, by: desk.user, at: at.toISOString(), to: name, ...(claimIds ? { claimIds, range: range!.trim() } : {}) };
    await desk.journal.append(articleId, [event], 'here');
    return event;
  });
}

/** This account's second read of a claim someone else ruled on. */
export function secondRead(desk: Desk, articleId: string, claimId: string): Promise<SecondReadEvent> {
  return desk.exclusive(async () => {
    await refuseLocked(desk, articleId);
    const claim = (await desk.store.get(articleId)).claims.find((c) => c.id === claimId);
    if (!claim) throw new UserError('That claim is no longer in the article: it was split, merged or set aside.', 'not-found');
    if (claim.verdict.status === 'unchecked') throw new UserError('Nobody has ruled on that claim yet: a second read comes after a verdict.', 'refused');
    if (claim.verdict.checker === desk.user) throw new UserError(`A second read is another checker’s: ${desk.user} gave this verdict.`, 'refused');
    await desk.share(articleId);
    const at = desk.clock();
    const event: SecondReadEvent = { _id: eventDocId(articleId, claimId, at), type: 'second-read', articleId, claimId, by: desk.user, at: at.toISOString() };
    await desk.journal.append(articleId, [event], 'here');
    return event;
  });
}

/** Each claim's assignee and second reader, and the sign-off: what the claim panel and the report show. */
export async function deskRoles(desk: Desk, articleId: string): Promise<ReportDesk> {
  const events = await desk.journal.events(articleId);
  const roles = foldRoles(events);
  const lock = foldLock(events);
  const { claims } = await desk.store.get(articleId);
  return {
    assignedTo: roles.article?.to ?? null,
    claims: Object.fromEntries(claims.map((c) => [c.id, { assignee: assigneeOf(roles, c.id) ?? null, secondReader: roles.claims.get(c.id)?.secondRead?.by ?? null }])),
    signedOff: lock.locked && lock.last ? { by: lock.last.by, at: lock.last.at } : null,
  };
}
