// The edits other members replay: a source put or removed, a claim split, merged,
// set aside, promoted or confirmed, a fact marked, added or removed, and a revision.
// Each carries what the handler needed plus the ids it made, so every replica ends
// with the same claim, fact and source ids (a verdict made on a half of a split
// elsewhere finds that half here). `basedOn` names the claim's verdict events its
// author had seen: a verdict made meanwhile is a notice, never a silent loss.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { VerdictPatch } from '../../shared/contract';
import { Claim, Fact, Revision, SetAsideKind, SetAsideSegment, Source, type Article } from '../../shared/model';
import { Common } from './event-base';

const Id = z.string().min(1).max(200);

export const SourceEvent = z.object({
  ...Common,
  type: z.literal('source'),
  sourceId: Id,
  /** The source as it now is; absent when it was removed. */
  source: Source.optional(),
  /** The source as its author last saw it (absent for a new one): a different one here means a concurrent edit. */
  previous: Source.optional(),
});
export type SourceEvent = z.infer<typeof SourceEvent>;

// An undo of a merge (a split) or of a split (a merge) restores facts the plain edit would
// not give (a fact the split point cut through): `facts` carries what each claim it made
// holds, so the others end with the same facts (those that fit the claim's words there).
const MadeFacts = z.array(Fact).max(2_000).optional();
export const ClaimEdit = z.discriminatedUnion('op', [
  z.object({ op: z.literal('split'), at: z.number().int().nonnegative(), ids: z.tuple([Id, Id]), facts: z.tuple([MadeFacts, MadeFacts]).optional() }),
  z.object({ op: z.literal('merge'), nextClaimId: Id, id: Id, facts: MadeFacts }),
  z.object({ op: z.literal('setAside'), kind: SetAsideKind }),
  z.object({ op: z.literal('promote') }),
  z.object({ op: z.literal('confirm') }),
  z.object({ op: z.literal('factMark'), factId: Id, storedId: Id, patch: VerdictPatch }),
  z.object({ op: z.literal('factAdd'), factId: Id, start: z.number().int(), end: z.number().int(), restore: z.boolean() }),
  z.object({ op: z.literal('factRemove'), factId: Id, storedId: Id }),
]);
export type ClaimEdit = z.infer<typeof ClaimEdit>;

export const ClaimEditEvent = z.object({
  ...Common,
  type: z.literal('claim-edit'),
  /** The claim edited (for promote, the set-aside segment). */
  claimId: Id,
  /** Its words when edited, so a notice can name a claim this replica no longer has. */
  text: z.string(),
  basedOn: z.array(z.string()),
  edit: ClaimEdit,
});
export type ClaimEditEvent = z.infer<typeof ClaimEditEvent>;

/** A new text with the re-anchoring its author's machine computed: every replica adopts the same segmentation. */
export const RevisionEvent = z.object({
  ...Common,
  type: z.literal('revision'),
  /** sha256 of the text that was revised: a replica holding another text (revised there too) does not adopt it blindly. */
  baseText: z.string(),
  revision: Revision,
  claims: z.array(Claim),
  setAside: z.array(SetAsideSegment),
  orphans: z.array(Claim),
});
export type RevisionEvent = z.infer<typeof RevisionEvent>;

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export type EditEventBody =
  | Omit<SourceEvent, '_id' | 'articleId' | 'by' | 'at'>
  | Omit<ClaimEditEvent, '_id' | 'articleId' | 'by' | 'at' | 'basedOn'>
  | Omit<RevisionEvent, '_id' | 'articleId' | 'by' | 'at'>;

/** Every passage id of an article: claims, set-aside text and orphans. */
function passageIds(article: Article): Set<string> {
  return new Set([...article.claims, ...article.setAside, ...article.orphans].map((c) => c.id));
}

/** The sources `after` added, changed or removed relative to `before`. */
export function sourceChanges(before: Article, after: Article): EditEventBody[] {
  const old = new Map(before.sources.map((s) => [s.id, s]));
  const now = new Set(after.sources.map((s) => s.id));
  const put = after.sources.filter((s) => JSON.stringify(s) !== JSON.stringify(old.get(s.id)));
  return [
    ...put.map((source) => ({ type: 'source' as const, sourceId: source.id, source, ...(old.has(source.id) ? { previous: old.get(source.id) } : {}) })),
    ...before.sources.filter((s) => !now.has(s.id)).map((s) => ({ type: 'source' as const, sourceId: s.id, previous: s })),
  ];
}

/** The id of the fact the last history entry of `claimId` names: what a fact edit stored it as. */
function lastFactId(article: Article, claimId: string): string | undefined {
  return article.claims.find((c) => c.id === claimId)?.history.at(-1)?.fact?.id;
}

/** What a structural operation calls for, from its input and the article before and after it. */
export function claimEdit(op: string, input: Record<string, unknown>, output: Record<string, unknown>, before: Article, after: Article): EditEventBody | undefined {
  const str = (key: string) => String(input[key]);
  const textOf = (id: string) => [...before.claims, ...before.setAside].find((c) => c.id === id)?.text ?? '';
  const made = () => after.claims.map((c) => c.id).filter((id) => !passageIds(before).has(id));
  const body = (claimId: string, edit: ClaimEdit) => ({ type: 'claim-edit' as const, claimId, text: textOf(claimId), edit });
  switch (op) {
    case 'claims:split': {
      const [a, b] = made();
      if (!a || !b) return undefined;
      const facts = input.restore ? ([factsOf(after, a), factsOf(after, b)] as [Fact[] | undefined, Fact[] | undefined]) : undefined;
      return body(str('claimId'), { op: 'split', at: Number(input.at), ids: [a, b], ...(facts ? { facts } : {}) });
    }
    case 'claims:merge': {
      const [id] = made();
      if (!id) return undefined;
      const facts = input.restore ? factsOf(after, id) : undefined;
      return body(str('claimId'), { op: 'merge', nextClaimId: str('nextClaimId'), id, ...(facts ? { facts } : {}) });
    }
    case 'claims:setAside':
      return body(str('claimId'), { op: 'setAside', kind: SetAsideKind.parse(input.kind ?? 'not-a-claim') });
    case 'claims:promote':
      return body(str('segmentId'), { op: 'promote' });
    case 'claims:confirm':
      return body(str('claimId'), { op: 'confirm' });
    case 'facts:mark': {
      const storedId = lastFactId(after, str('claimId'));
      return storedId ? body(str('claimId'), { op: 'factMark', factId: str('factId'), storedId, patch: VerdictPatch.parse(input.patch) }) : undefined;
    }
    case 'facts:add':
      return body(str('claimId'), { op: 'factAdd', factId: String(output.factId), start: Number(input.start), end: Number(input.end), restore: input.restore === true });
    case 'facts:remove': {
      const storedId = lastFactId(after, str('claimId'));
      return storedId ? body(str('claimId'), { op: 'factRemove', factId: str('factId'), storedId }) : undefined;
    }
    case 'articles:revise': {
      const revision = after.revisions.at(-1)!;
      return { type: 'revision', baseText: textHash(before.text), revision, claims: after.claims, setAside: after.setAside, orphans: after.orphans };
    }
    default:
      return undefined;
  }
}

/** The stored facts of claim `id` in `article`, as an edit made them. */
function factsOf(article: Article, id: string): Fact[] | undefined {
  return article.claims.find((c) => c.id === id)?.facts;
}
