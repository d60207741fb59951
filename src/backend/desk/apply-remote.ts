// Brings the local article files (the data folder's truth) in line with the desk's
// events: a claim takes its folded verdict, with the author and time of the event
// that set it, through the same verdict rules and history as a local mark; a claim
// that became a desk disagreement gets a history entry naming both sides.
import type { Article, Claim, HistoryEntry } from '../../shared/model';
import { UNCHECKED } from '../../shared/model';
import { applyVerdictPatch } from '../../shared/verdicts';
import type { Store } from '../store/store';
import { sameVerdict, type ArticleDoc, type VerdictEvent } from './desk-events';
import type { ClaimFold } from './fold';

/** A received article the library does not have yet: its text and segmentation, verdicts left to the events. */
export async function receiveArticle(store: Store, doc: ArticleDoc): Promise<boolean> {
  if (store.has(doc.articleId)) return false;
  const bare = (claim: Claim): Claim => ({ ...claim, verdict: UNCHECKED, history: [], facts: undefined, changed: undefined });
  const { version: _version, ...article } = doc.article;
  await store.create({ ...article, claims: article.claims.map(bare) });
  return true;
}

/** Applies the folds to one article; true when its file changed. */
export async function applyFolds(store: Store, articleId: string, folds: Map<string, ClaimFold>, newlyDisagreeing: ReadonlySet<string>): Promise<boolean> {
  if (!store.has(articleId)) return false;
  const { result } = await store.updateWith(articleId, (current) => {
    let changed = false;
    const claims = current.claims.map((claim) => {
      const fold = folds.get(claim.id);
      if (!fold?.current) return claim;
      let next = withVerdict(current, claim, fold.current);
      if (newlyDisagreeing.has(claim.id)) next = { ...next, history: [...next.history, disagreementEntry(fold.disagreement)] };
      if (next !== claim) changed = true;
      return next;
    });
    return { article: changed ? { ...current, claims, updatedAt: new Date().toISOString() } : current, result: changed };
  });
  return result;
}

function withVerdict(article: Article, claim: Claim, event: VerdictEvent): Claim {
  // Sources travel as events ahead of the verdicts citing them; one removed here since is not cited again.
  const known = new Set(article.sources.map((s) => s.id));
  const target = { ...event.verdict, sourceIds: event.verdict.sourceIds.filter((id) => known.has(id)) };
  if (sameVerdict(claim.verdict, target)) return claim;
  return applyVerdictPatch(claim, target, event.by, event.at);
}

function disagreementEntry(sides: VerdictEvent[]): HistoryEntry {
  const latest = sides.reduce((a, b) => (a.at > b.at ? a : b));
  const said = sides.map((e) => `${e.by} said ${e.verdict.status}${e.verdict.note ? ` (“${e.verdict.note.slice(0, 60)}”)` : ''} at ${e.at}`);
  return { at: latest.at, by: 'desk', kind: 'verdict', changes: [], detail: `desk disagreement: ${said.join('; ')}` };
}
