// The documents a desk shares. Every change is an immutable event document, so
// replication never has two revisions of one document to choose between; an
// article's text and segmentation travel as a document of their own. Ids are
// `<articleId>:<claimId or ->:<eventId>`: the article comes first so one
// article's documents sort together on the server.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Article, ArticleId, Status } from '../../shared/model';
import { ClaimEditEvent, RevisionEvent, SourceEvent } from './edit-events';
import { Common } from './event-base';
import { MetaEvent } from './meta-events';
import { AssignEvent, SecondReadEvent } from './role-events';

/** The part of a verdict a checker decides: who and when are the event's own. */
export const DeskVerdict = z.object({
  status: Status,
  note: z.string(),
  correction: z.string(),
  sourceIds: z.array(z.string()),
});
export type DeskVerdict = z.infer<typeof DeskVerdict>;


export const VerdictEvent = z.object({
  ...Common,
  type: z.literal('verdict'),
  claimId: z.string().min(1),
  verdict: DeskVerdict,
  /** The claim's verdict events this one was made on top of (the heads its author had seen). */
  basedOn: z.array(z.string()),
  /** Set when it settles a desk disagreement (more than one head was seen). */
  resolves: z.boolean().optional(),
});
export type VerdictEvent = z.infer<typeof VerdictEvent>;

export const LockEvent = z.object({
  ...Common,
  type: z.enum(['signoff', 'unlock']),
  why: z.string().optional(),
});
export type LockEvent = z.infer<typeof LockEvent>;

/** A change recorded for the record (who did what, when) that other replicas have nothing to replay of. */
export const EditEvent = z.object({
  ...Common,
  type: z.literal('edit'),
  op: z.string(),
  claimId: z.string().optional(),
});
export type EditEvent = z.infer<typeof EditEvent>;

export const DeskEvent = z.discriminatedUnion('type', [VerdictEvent, LockEvent, EditEvent, SourceEvent, ClaimEditEvent, RevisionEvent, MetaEvent, AssignEvent, SecondReadEvent]);
export type DeskEvent = z.infer<typeof DeskEvent>;

/** An article as shared: text and segmentation, no verdicts (those are events). */
export const ArticleDoc = z.object({
  _id: z.string(),
  _rev: z.string().optional(),
  type: z.literal('article'),
  articleId: ArticleId,
  by: z.string(),
  at: z.iso.datetime(),
  article: Article,
});
export type ArticleDoc = z.infer<typeof ArticleDoc>;

export const DeskDoc = z.union([DeskEvent, ArticleDoc]);
export type DeskDoc = z.infer<typeof DeskDoc>;

/** Time first, so a journal's ids sort roughly by when they were made; random after, so two replicas never collide. */
export function newEventId(at: Date): string {
  return `${at.getTime().toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`;
}

export function eventDocId(articleId: string, claimId: string | undefined, at: Date): string {
  return `${articleId}:${claimId ?? '-'}:${newEventId(at)}`;
}

/**
 * The one revision an immutable document ever has, computed from its content: every
 * replica gives the same document the same revision, so pushing it twice (after a
 * crash, to a server that lost it) is harmless.
 */
export function revisionOf(doc: DeskDoc): string {
  const { _rev: _ignored, ...content } = doc;
  return `1-${createHash('md5').update(canonicalJson(content)).digest('hex')}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameVerdict(a: DeskVerdict, b: DeskVerdict): boolean {
  return a.status === b.status && a.note === b.note && a.correction === b.correction && a.sourceIds.join('\n') === b.sourceIds.join('\n');
}
