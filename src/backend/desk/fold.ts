// The current state of a claim and of an article, folded from their events. Pure
// and deterministic: every replica holding the same events computes the same
// verdict, the same disagreements and the same lock, whatever order they came in.
import { sameVerdict, type DeskEvent, type LockEvent, type VerdictEvent } from './desk-events';

export interface ClaimFold {
  /** The verdict the claim shows: the latest head (by time, then id, so every replica picks the same one). */
  current: VerdictEvent | undefined;
  /** The events nobody has built on yet; more than one with different verdicts is a desk disagreement. */
  heads: VerdictEvent[];
  /** The heads whose verdicts differ, one per verdict, oldest first; empty when the desk agrees. */
  disagreement: VerdictEvent[];
}

function byTimeThenId(a: DeskEvent, b: DeskEvent): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

export function foldClaim(events: readonly VerdictEvent[]): ClaimFold {
  const seen = new Set<string>();
  for (const event of events) for (const id of event.basedOn) seen.add(id);
  const heads = events.filter((event) => !seen.has(event._id)).sort(byTimeThenId);
  const distinct: VerdictEvent[] = [];
  for (const head of heads) if (!distinct.some((d) => sameVerdict(d.verdict, head.verdict))) distinct.push(head);
  return { current: heads.at(-1), heads, disagreement: distinct.length > 1 ? distinct : [] };
}

/** Every claim's fold for one article's events. */
export function foldClaims(events: readonly DeskEvent[]): Map<string, ClaimFold> {
  const byClaim = new Map<string, VerdictEvent[]>();
  for (const event of events) {
    if (event.type !== 'verdict') continue;
    const list = byClaim.get(event.claimId) ?? [];
    list.push(event);
    byClaim.set(event.claimId, list);
  }
  return new Map([...byClaim].map(([claimId, list]) => [claimId, foldClaim(list)]));
}

export interface LockFold {
  locked: boolean;
  /** The sign-off or unlock that decided it. */
  last: LockEvent | undefined;
}

/** Sign-off and unlock are article-wide switches: the latest one decides. */
export function foldLock(events: readonly DeskEvent[]): LockFold {
  const locks = events.filter((event): event is LockEvent => event.type === 'signoff' || event.type === 'unlock').sort(byTimeThenId);
  const last = locks.at(-1);
  return { locked: last?.type === 'signoff', last };
}
