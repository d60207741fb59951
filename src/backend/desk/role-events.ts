// The desk's roles as events: an editor assigns an article, or some of its claims, to
// a checker; another checker records a second read of a claim. Both are immutable
// like every desk event, and the current state is a fold: the latest assignment
// covering a claim names its checker, the latest second read its second reader.
import { z } from 'zod';
import type { DeskEvent } from './desk-events';
import { Common } from './event-base';

export const AssignEvent = z.object({
  ...Common,
  type: z.literal('assign'),
  to: z.string().min(1).max(200),
  /** The claims assigned, by id (numbers shift when claims are split or merged); absent: the whole article. */
  claimIds: z.array(z.string()).optional(),
  /** How the editor named them (“claims 3-9”), for the record. */
  range: z.string().max(40).optional(),
});
export type AssignEvent = z.infer<typeof AssignEvent>;

export const SecondReadEvent = z.object({
  ...Common,
  type: z.literal('second-read'),
  claimId: z.string().min(1),
});
export type SecondReadEvent = z.infer<typeof SecondReadEvent>;

export interface ClaimRoles {
  assignee?: { by: string; to: string; at: string };
  secondRead?: { by: string; at: string };
}

export interface RolesFold {
  /** The whole article's assignee, when the latest assignment covered it all. */
  article?: { by: string; to: string; at: string };
  claims: Map<string, ClaimRoles>;
}

function byTimeThenId(a: DeskEvent, b: DeskEvent): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a._id < b._id ? -1 : 1;
}

/** Every claim's assignee and second reader, the same on every replica whatever order the events came in. */
export function foldRoles(events: readonly DeskEvent[]): RolesFold {
  const fold: RolesFold = { claims: new Map() };
  const roles = (claimId: string) => fold.claims.get(claimId) ?? fold.claims.set(claimId, {}).get(claimId)!;
  for (const event of [...events].sort(byTimeThenId)) {
    if (event.type === 'assign') {
      const who = { by: event.by, to: event.to, at: event.at };
      if (!event.claimIds) {
        // A later whole-article assignment replaces every earlier one, range or not.
        fold.article = who;
        for (const claim of fold.claims.values()) delete claim.assignee;
      } else for (const id of event.claimIds) roles(id).assignee = who;
    } else if (event.type === 'second-read') {
      roles(event.claimId).secondRead = { by: event.by, at: event.at };
    }
  }
  return fold;
}

/** Who a claim is assigned to: its own assignment, else the article's. */
export function assigneeOf(fold: RolesFold, claimId: string): string | undefined {
  return (fold.claims.get(claimId)?.assignee ?? fold.article)?.to;
}

/** “3-9” or “4”: claim numbers as the checker sees them (1-based), checked against the article's count. */
export function parseClaimRange(range: string, count: number): [number, number] {
  const match = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(range);
  if (!match) throw new Error(`“${range}” is not a claim range; give one like 3-9, or a single claim number.`);
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < 1 || to < from || to > count) throw new Error(`Claims ${range} are not in the article: it has claims 1 to ${count}.`);
  return [from, to];
}
