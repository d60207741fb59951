// One article's events pulled from the desk, taken in: the edits among them are
// replayed on the article (replay-edits.ts) in the order they were made, each on
// the verdicts as they stood just before it, and its details settle to each field's
// latest change (meta-events.ts); then they join the journal. A replay
// writes the article before the journal knows the event, so a crash in between means
// pulling it again, and the replay recognises its own work by ids.
import type { Store } from '../store/store';
import type { DeskEvent, VerdictEvent } from './desk-events';
import type { ClaimEditEvent } from './edit-events';
import { applyFolds } from './apply-remote';
import { foldClaims } from './fold';
import type { Journal } from './journal';
import type { DeskNotice } from './notices';
import { settleMeta } from './meta-events';
import { replayEdit } from './replay-edits';
import { quoteShort } from '../../shared/verdicts';

const REPLAYED = new Set(['source', 'claim-edit', 'revision']);

export async function receiveEvents(store: Store, journal: Journal, articleId: string, list: DeskEvent[]): Promise<{ added: DeskEvent[]; notices: DeskNotice[] }> {
  const existing = await journal.events(articleId);
  // In the order they were made, whatever order the server's feed gave (stable: one change's events keep theirs).
  const fresh = list
    .filter((event, i) => list.findIndex((e) => e._id === event._id) === i && !existing.some((e) => e._id === event._id))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const notices: DeskNotice[] = [];
  if (store.has(articleId)) {
    let foldedUpTo = -1;
    for (const [i, event] of fresh.entries()) {
      if (!REPLAYED.has(event.type)) continue;
      const folds = foldClaims([...existing, ...fresh.slice(0, i)]);
      // The verdicts that arrived before this edit are on the claims when it applies, as they were for its author.
      if (fresh.slice(foldedUpTo + 1, i).some((e) => e.type === 'verdict')) await applyFolds(store, articleId, folds, new Set());
      foldedUpTo = i;
      const { result } = await store.updateWith(articleId, (article) => {
        const replayed = replayEdit(article, event as Parameters<typeof replayEdit>[1], folds);
        return { article: replayed.article, result: replayed.notices };
      });
      notices.push(...result.map((n) => ({ ...n, articleId, eventId: event._id, by: event.by, at: event.at })));
    }
    notices.push(...(await verdictsOnGoneClaims(store, articleId, existing, fresh)));
    if (fresh.some((e) => e.type === 'meta')) {
      const arrived = new Set(fresh.map((e) => e._id));
      const { result } = await store.updateWith(articleId, (article) => {
        const settled = settleMeta(article, [...existing, ...fresh], arrived);
        return { article: settled.article, result: settled.notices };
      });
      notices.push(...result.map((n) => ({ ...n, articleId })));
    }
  }
  return { added: await journal.append(articleId, fresh, 'desk'), notices };
}

/**
 * A verdict that arrives for a claim an earlier edit here split or merged away, made
 * without having seen that edit: it is on the desk's record, but no claim here shows
 * it, so it is said. (One arriving with the edit is said by the edit's replay.)
 */
async function verdictsOnGoneClaims(store: Store, articleId: string, existing: readonly DeskEvent[], fresh: readonly DeskEvent[]): Promise<DeskNotice[]> {
  const article = await store.get(articleId);
  const here = new Set([...article.claims, ...article.setAside, ...article.orphans].map((c) => c.id));
  const removers = existing.filter((e): e is ClaimEditEvent => e.type === 'claim-edit' && (e.edit.op === 'split' || e.edit.op === 'merge'));
  const verdicts = new Map([...existing, ...fresh].filter((e): e is VerdictEvent => e.type === 'verdict').map((e) => [e._id, e]));
  const notices: DeskNotice[] = [];
  for (const event of fresh) {
    if (event.type !== 'verdict' || here.has(event.claimId)) continue;
    const remover = removers.find((e) => e.claimId === event.claimId || (e.edit.op === 'merge' && e.edit.nextClaimId === event.claimId));
    if (!remover || seenBy(remover.basedOn, event._id, verdicts)) continue;
    notices.push({
      articleId, eventId: event._id, by: event.by, at: event.at, claimId: remover.edit.op === 'split' ? remover.edit.ids[0] : remover.edit.op === 'merge' ? remover.edit.id : undefined,
      text: `${event.by}’s verdict (${event.verdict.status}) on “${quoteShort(remover.text)}” arrived after ${remover.by} ${remover.edit.op === 'split' ? 'split' : 'merged'} that claim; it is on the desk’s record, and the new claim is to be checked again.`,
    });
  }
  return notices;
}

/** Whether `id` is among `heads` or anything they were made on top of. */
function seenBy(heads: readonly string[], id: string, verdicts: ReadonlyMap<string, VerdictEvent>): boolean {
  const stack = [...heads];
  const visited = new Set<string>();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === id) return true;
    if (visited.has(next)) continue;
    visited.add(next);
    stack.push(...(verdicts.get(next)?.basedOn ?? []));
  }
  return false;
}
