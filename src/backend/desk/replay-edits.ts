// Another member's edit applied here, through the same functions its handler used
// (article-edits.ts, claim-edits.ts, facts/edit.ts, the source handlers' uncite), with
// the ids it made. Pure over the article. An edit already applied (a batch pulled
// again after a crash) is recognised by those ids and skipped; an edit that cannot
// apply because this side changed the same claim, or that undoes a verdict its author
// had not seen, gives a notice: said on the claim and in the desk's notices, never lost.
import { mergeIn, promoteIn, setAsideIn, splitIn } from '../../shared/article-edits';
import { confirmClaim } from '../../shared/claim-edits';
import { UserError } from '../../shared/errors';
import { addFact, markFact, removeFact, restoreFact, withFacts } from '../../shared/facts/edit';
import { storedFacts } from '../../shared/facts/fold';
import { fittingFacts } from '../../shared/facts/split-merge';
import type { Article, Claim, HistoryEntry } from '../../shared/model';
import { quoteShort } from '../../shared/verdicts';
import { uncited } from '../handlers/sources';
import { textHash, type ClaimEditEvent, type RevisionEvent, type SourceEvent } from './edit-events';
import type { ClaimFold } from './fold';

export interface Notice {
  claimId?: string;
  text: string;
}

export interface Replayed {
  article: Article;
  notices: Notice[];
}

type Replayable = SourceEvent | ClaimEditEvent | RevisionEvent;

export function replayEdit(article: Article, event: Replayable, folds: ReadonlyMap<string, ClaimFold>): Replayed {
  try {
    if (event.type === 'source') return replaySource(article, event);
    if (event.type === 'revision') return replayRevision(article, event);
    return replayClaimEdit(article, event, folds);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const claimId = event.type === 'claim-edit' ? event.claimId : undefined;
    return noticed(article, [{ ...(claimId ? { claimId } : {}), text: `${event.by}’s ${what(event)} could not be applied here: ${error.message}` }]);
  }
}

function what(event: Replayable): string {
  if (event.type === 'source') return `change to the source “${quoteShort((event.source ?? event.previous)?.title ?? event.sourceId)}”`;
  if (event.type === 'revision') return 'revision of the article';
  return `${event.edit.op.replace(/^fact/, 'fact ').toLowerCase()} of “${quoteShort(event.text)}”`;
}

function replaySource(article: Article, event: SourceEvent): Replayed {
  const here = article.sources.find((s) => s.id === event.sourceId);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!event.source) {
    if (!here) return { article, notices: [] };
    const uncite = <C extends Claim>(claim: C): C => uncited(claim, here, event.by, event.at);
    const sources = article.sources.filter((s) => s.id !== event.sourceId);
    return { article: { ...article, sources, claims: article.claims.map(uncite), setAside: article.setAside.map(uncite), orphans: article.orphans.map(uncite), updatedAt: event.at }, notices: [] };
  }
  if (here && same(here, event.source)) return { article, notices: [] };
  if (!here && event.previous) return { article, notices: [{ text: `${event.by} edited the source “${quoteShort(event.source.title)}”, which was removed here; it stays removed.` }] };
  const sources = here ? article.sources.map((s) => (s.id === event.sourceId ? event.source! : s)) : [...article.sources, event.source];
  const notices = here && !same(here, event.previous) ? [{ text: `${event.by}’s edit of the source “${quoteShort(event.source.title)}” replaced an edit made here without having seen it (it was “${quoteShort(here.title)}”).` }] : [];
  return { article: { ...article, sources, updatedAt: event.at }, notices };
}

function replayClaimEdit(article: Article, event: ClaimEditEvent, folds: ReadonlyMap<string, ClaimFold>): Replayed {
  const { edit, by, at } = event;
  const index = article.claims.findIndex((c) => c.id === event.claimId);
  const known = new Set([...article.claims, ...article.setAside].map((c) => c.id));
  if (edit.op === 'split' && edit.ids.every((id) => known.has(id))) return { article, notices: [] };
  if (edit.op === 'merge' && known.has(edit.id)) return { article, notices: [] };
  if (edit.op === 'setAside' && article.setAside.some((s) => s.id === event.claimId)) return { article, notices: [] };
  if (edit.op === 'promote') {
    const segment = article.setAside.findIndex((s) => s.id === event.claimId);
    if (segment >= 0) return { article: promoteIn(article, segment, by, at), notices: [] };
    if (index >= 0) return { article, notices: [] };
  }
  if (index < 0) throw new UserError('that claim is no longer here (it was split, merged or set aside on this side).');
  const claim = article.claims[index]!;
  const notices = unseenVerdicts(event, folds);
  switch (edit.op) {
    case 'split': {
      const made = edit.facts;
      return noticed(splitIn(article, index, edit.at, edit.ids, by, at, made ? (half, i) => withFacts(half, fittingFacts(half, made[i] ?? [])) : undefined), notices.map((n) => ({ ...n, claimId: edit.ids[0] })));
    }
    case 'merge': {
      if (article.claims[index + 1]?.id !== edit.nextClaimId) throw new UserError('the claim after it is no longer the one merged there.');
      const made = edit.facts;
      return noticed(mergeIn(article, index, edit.id, by, at, made ? (merged) => withFacts(merged, fittingFacts(merged, made)) : undefined), notices.map((n) => ({ ...n, claimId: edit.id })));
    }
    case 'setAside':
      return noticed(setAsideIn(article, index, by, at, edit.kind), []);
    case 'confirm':
      return { article: withClaim(article, index, confirmClaim(claim, by, at)), notices: [] };
    case 'factMark': {
      const sources = new Set(article.sources.map((s) => s.id));
      const patch = { ...edit.patch, ...(edit.patch.sourceIds ? { sourceIds: edit.patch.sourceIds.filter((id) => sources.has(id)) } : {}) };
      const stored = storedFacts(claim).find((f) => f.id === edit.storedId);
      const factId = stored && edit.factId !== edit.storedId ? edit.storedId : edit.factId;
      return { article: withClaim(article, index, markFact(claim, factId, patch, by, at, () => edit.storedId).claim), notices: [] };
    }
    case 'factAdd':
      if (storedFacts(claim).some((f) => f.id === edit.factId)) return { article, notices: [] };
      return { article: withClaim(article, index, edit.restore ? restoreFact(claim, edit.start, edit.end, by, at).claim : addFact(claim, edit.start, edit.end, by, at, edit.factId)), notices: [] };
    case 'factRemove':
      if (storedFacts(claim).some((f) => f.id === edit.storedId && f.removed)) return { article, notices: [] };
      return { article: withClaim(article, index, removeFact(claim, edit.factId, by, at, () => edit.storedId)), notices: [] };
  }
  return { article, notices: [] };
}

/** Verdicts on the claim its author had not seen: a split or merge resets them, so each is said. */
function unseenVerdicts(event: ClaimEditEvent, folds: ReadonlyMap<string, ClaimFold>): Notice[] {
  if (event.edit.op !== 'split' && event.edit.op !== 'merge') return [];
  const ids = event.edit.op === 'merge' ? [event.claimId, event.edit.nextClaimId] : [event.claimId];
  const seen = new Set(event.basedOn);
  return ids.flatMap((id) => (folds.get(id)?.heads ?? []).filter((head) => !seen.has(head._id) && head.verdict.status !== 'unchecked')).map((head) => ({
    text: `${event.by} ${event.edit.op === 'split' ? 'split' : 'merged'} “${quoteShort(event.text)}” without having seen ${head.by}’s verdict (${head.verdict.status}); it is kept in the history, and the new claim is to be checked again.`,
  }));
}

/** Adopts the revision when this side holds the text it was made from; otherwise a revision made here too is said, not overwritten. */
function replayRevision(article: Article, event: RevisionEvent): Replayed {
  if (article.revisions.some((r) => r.id === event.revision.id)) return { article, notices: [] };
  if (textHash(article.text) !== event.baseText) throw new UserError('this side’s text is not the one it revised (the article was revised here too); compare the two drafts and revise again.');
  const local = new Map([...article.claims, ...article.setAside, ...article.orphans].map((c) => [c.id, c]));
  // The segmentation is the author's; entries only this side has (its own marks' record) are kept.
  const merged = <C extends Claim>(claim: C): C => ({ ...claim, history: mergeHistory(local.get(claim.id)?.history ?? [], claim.history) });
  return {
    article: { ...article, text: event.revision.text, revisions: [...article.revisions, event.revision], claims: event.claims.map(merged), setAside: event.setAside.map(merged), orphans: event.orphans.map(merged), updatedAt: event.at },
    notices: [],
  };
}

function mergeHistory(here: HistoryEntry[], there: HistoryEntry[]): HistoryEntry[] {
  const keys = new Set(there.map((e) => JSON.stringify(e)));
  return [...there, ...here.filter((e) => !keys.has(JSON.stringify(e)))].sort((a, b) => a.at.localeCompare(b.at));
}

function withClaim(article: Article, index: number, claim: Claim): Article {
  if (claim === article.claims[index]) return article;
  const claims = article.claims.slice();
  claims[index] = claim;
  return { ...article, claims };
}

/** Each notice about a claim still here is also an entry in its history, where the checker reads it. */
function noticed(article: Article, notices: Notice[]): Replayed {
  if (notices.length === 0) return { article, notices };
  const at = new Date().toISOString();
  const claims = article.claims.map((claim) => {
    const mine = notices.filter((n) => n.claimId === claim.id);
    if (mine.length === 0) return claim;
    return { ...claim, history: [...claim.history, ...mine.map((n): HistoryEntry => ({ at, by: 'desk', kind: 'verdict', changes: [], detail: `desk notice: ${n.text}` }))] };
  });
  return { article: { ...article, claims }, notices };
}
