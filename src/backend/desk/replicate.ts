// One sync with the desk: push what the server lacks, pull what it has that this
// folder lacks, apply it to the articles. Progress is recorded only once the other
// side has it (the server's answer, the journal's fsync), so a sync cut off at any
// point is simply resumed by the next one.
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store';
import { applyFolds, receiveArticle } from './apply-remote';
import type { Snapshots } from './article-snapshots';
import type { CouchClient, Refusal } from './couch-client';
import { ArticleDoc, DeskEvent, revisionOf, type DeskDoc } from './desk-events';
import type { DeskState } from './desk-state';
import { foldClaims, type ClaimFold } from './fold';
import type { Journal } from './journal';
import type { DeskNotice, Notices } from './notices';
import { receiveEvents } from './receive-events';

const BATCH = 200;

export interface SyncParts {
  store: Store;
  journal: Journal;
  snapshots: Snapshots;
  state: DeskState;
  client: CouchClient;
  /** Told of every article a pull changed (the claim memory re-indexes it). */
  changed?: (articleId: string) => void;
  /** Runs a task in the desk's write queue; applying a pulled batch must not interleave with a local change. */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>;
  /** Where what a replay could not do silently is kept. */
  notices?: Notices;
}

export interface SyncProgress {
  pushed: number;
  pulled: number;
}

/** Every document made or received here that the server has not acknowledged. */
export async function waitingDocs(parts: Pick<SyncParts, 'journal' | 'snapshots' | 'state'>): Promise<DeskDoc[]> {
  const pushed = await parts.state.pushed();
  const docs: DeskDoc[] = (await parts.snapshots.all()).filter((doc) => !pushed.has(doc._id));
  for (const articleId of await parts.journal.articleIds()) {
    for (const event of await parts.journal.events(articleId)) if (!pushed.has(event._id)) docs.push(event);
  }
  return docs;
}

/**
 * A server that no longer holds this folder's checkpoint has lost what it was sent
 * (restarted in memory, restored from a backup, recreated): everything is offered
 * again and everything pulled again, so no event is lost on either side.
 */
export async function checkServerRemembers({ client, state }: SyncParts): Promise<void> {
  const id = `factdesk-${state.config.replicaId}`;
  const checkpoint = await client.getLocal(id);
  if (state.config.sessionMark !== null && checkpoint?.sessionMark === state.config.sessionMark) return;
  if (state.config.sessionMark !== null) {
    await state.forgetPushed();
    await state.save({ pulledSeq: null });
  }
  const sessionMark = randomBytes(8).toString('hex');
  await client.putLocal(id, { sessionMark });
  await state.save({ sessionMark });
}

export async function push(parts: SyncParts, progress: (p: SyncProgress) => void): Promise<number> {
  const docs = await waitingDocs(parts);
  let sent = 0;
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH).map((doc) => ({ ...doc, _rev: revisionOf(doc) }));
    // Only what the server lacks crosses the wire (another replica may have sent the same after a reset).
    const missing = await parts.client.revsDiff(Object.fromEntries(batch.map((doc) => [doc._id, [doc._rev]])));
    const toSend = batch.filter((doc) => missing.has(doc._id));
    if (toSend.length > 0) await noteRefusals(parts, toSend, await parts.client.bulkDocs(toSend));
    await parts.state.markPushed(batch.map((doc) => doc._id));
    sent += toSend.length;
    progress({ pushed: sent, pulled: 0 });
  }
  return sent;
}

/**
 * The roles the desk gives this member now (an editor made or unmade since joining acts
 * as one, or not, from this sync on), and whether the server enforces the desk's rules,
 * asked until it does (the status says so while it does not).
 */
async function refreshFromServer({ client, state }: SyncParts): Promise<void> {
  const { roles } = await client.session();
  if (roles.join('\n') !== state.config.roles.join('\n')) await state.save({ roles });
  if (state.config.serverRules !== true) {
    const serverRules = await client.hasDesign('factdesk');
    if (serverRules !== state.config.serverRules) await state.save({ serverRules });
  }
}

/**
 * What the desk's rules refused is not offered again (it would be refused again). Another
 * member's change, sent again to a server that lost its data, is theirs to send: their
 * own Factdesk does, under their name. A change of one's own refused (the editor's role
 * taken away meanwhile) stays in this folder, and a notice beside the article says so.
 */
async function noteRefusals({ notices, state }: SyncParts, sent: DeskDoc[], refusals: Refusal[]): Promise<void> {
  const mine = refusals.flatMap((refusal) => {
    const doc = sent.find((d) => d._id === refusal.id);
    return doc && doc.by === state.config.user ? [{ doc, reason: refusal.reason }] : [];
  });
  await notices?.add(
    mine.map(({ doc, reason }) => ({
      articleId: doc.articleId,
      eventId: doc._id,
      by: doc.by,
      at: doc.at,
      ...('claimId' in doc && typeof doc.claimId === 'string' ? { claimId: doc.claimId } : {}),
      text: `The desk refused this change (${reason.replace(/[.\s]+$/u, '')}); it is kept in this folder only.`,
    })),
  );
}

export async function pull(parts: SyncParts, progress: (p: SyncProgress) => void): Promise<number> {
  let received = 0;
  for (;;) {
    const { results, lastSeq } = await parts.client.changes(parts.state.config.pulledSeq, BATCH);
    const docs = results.flatMap((row) => (row.deleted || row.id.startsWith('_design/') ? [] : [row.doc]));
    received += await (parts.exclusive ?? ((task) => task()))(() => applyBatch(parts, docs));
    // Saved after the batch is in the journals and the articles: a crash before it means pulling the batch again, harmlessly.
    await parts.state.save({ pulledSeq: lastSeq });
    progress({ pushed: 0, pulled: received });
    if (results.length < BATCH) return received;
  }
}

async function applyBatch({ store, journal, snapshots, state, changed, notices: noticeBook }: SyncParts, docs: unknown[]): Promise<number> {
  const touched = new Set<string>();
  const events = new Map<string, DeskEvent[]>();
  const acknowledged: string[] = [];
  let count = 0;
  for (const raw of docs) {
    const article = ArticleDoc.safeParse(raw);
    if (article.success) {
      await snapshots.keep(article.data);
      if (await receiveArticle(store, article.data)) count += 1;
      touched.add(article.data.articleId);
      acknowledged.push(article.data._id);
      continue;
    }
    // A document this version does not know (a newer Factdesk's event) is left on the server, not guessed at.
    const event = DeskEvent.safeParse(raw);
    if (!event.success) continue;
    const list = events.get(event.data.articleId) ?? [];
    list.push(event.data);
    events.set(event.data.articleId, list);
    acknowledged.push(event.data._id);
  }
  // Claims already in disagreement before this batch: only a new disagreement gets a history entry.
  const before = new Map<string, Set<string>>();
  const notices: DeskNotice[] = [];
  for (const [articleId, list] of events) {
    before.set(articleId, disagreeing(foldClaims(await journal.events(articleId))));
    const received = await receiveEvents(store, journal, articleId, list);
    notices.push(...received.notices);
    count += received.added.length;
    if (received.added.length > 0) touched.add(articleId);
  }
  for (const articleId of touched) {
    const folds = foldClaims(await journal.events(articleId));
    const earlier = before.get(articleId) ?? disagreeing(folds);
    await applyFolds(store, articleId, folds, new Set([...disagreeing(folds)].filter((id) => !earlier.has(id))));
    // Told even when the folds changed nothing: a replayed edit may have.
    changed?.(articleId);
  }
  await noticeBook?.add(notices);
  await state.markPushed(acknowledged);
  return count;
}

function disagreeing(folds: Map<string, ClaimFold>): Set<string> {
  return new Set([...folds].filter(([, fold]) => fold.disagreement.length > 0).map(([id]) => id));
}

/** Push then pull; the server's memory of this folder is checked first. */
export async function syncOnce(parts: SyncParts, progress: (p: SyncProgress) => void = () => {}): Promise<SyncProgress> {
  await refreshFromServer(parts);
  await checkServerRemembers(parts);
  const pushed = await push(parts, progress);
  const pulled = await pull(parts, progress);
  return { pushed, pulled };
}
