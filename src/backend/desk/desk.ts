// A data folder's membership of a desk: what it records, what it refuses, how it
// syncs. The folder stays the truth; the desk's journal and state live beside the
// articles in `desk/`. One Desk per open backend, its writes serialized.
import { randomBytes } from 'node:crypto';
import { UserError } from '../../shared/errors';
import type { Article } from '../../shared/model';
import type { Store } from '../store/store';
import { Snapshots, snapshotOf } from './article-snapshots';
import { CouchClient, DeskError } from './couch-client';
import { eventDocId, type LockEvent } from './desk-events';
import { DeskState } from './desk-state';
import { foldClaims, foldLock } from './fold';
import { Journal } from './journal';
import { Notices } from './notices';
import { articleOf, eventsFor, seedEvents, writesArticle } from './record-events';
import { syncOnce, waitingDocs, type SyncProgress } from './replicate';

export { PASSWORD_VARIABLE } from './password-keeper';

export class Desk {
  private queue: Promise<unknown> = Promise.resolve();
  private syncs: Promise<unknown> = Promise.resolve();
  private lastTick = 0;
  readonly journal: Journal;
  readonly snapshots: Snapshots;
  readonly notices: Notices;
  /** Told of every article a pull changed. */
  onChanged: (articleId: string) => void = () => {};

  private constructor(
    readonly store: Store,
    readonly state: DeskState,
    dataDir: string,
    private readonly now: () => Date,
  ) {
    this.journal = new Journal(Journal.folder(dataDir));
    this.snapshots = new Snapshots(Snapshots.folder(dataDir));
    this.notices = new Notices(Notices.folder(dataDir));
  }

  /** The folder's desk, or undefined when it has joined none. */
  static async open(dataDir: string, store: Store, now: () => Date = () => new Date()): Promise<Desk | undefined> {
    const state = await DeskState.load(dataDir);
    return state && new Desk(store, state, dataDir, now);
  }

  /** Checks the account against the server first: a refused password writes nothing. */
  static async join(dataDir: string, store: Store, url: string, user: string, password: string): Promise<Desk> {
    const client = new CouchClient(url, { user, password });
    const { roles } = await client.session();
    await client.info();
    const serverRules = await client.hasDesign('factdesk');
    const existing = await DeskState.load(dataDir);
    if (existing && (existing.config.url !== url || existing.config.user !== user)) {
      throw new UserError(`This data folder is already on the desk ${existing.config.url} as ${existing.config.user}; use another data folder for another desk.`, 'refused');
    }
    const state = existing ?? (await DeskState.create(dataDir, {
      schemaVersion: 1, url, user, roles, replicaId: randomBytes(8).toString('hex'), pulledSeq: null, sessionMark: null, lastSyncAt: null, offlineSince: null, lastError: null, serverRules,
    }));
    await state.save({ roles, serverRules });
    return new Desk(store, state, dataDir, () => new Date());
  }

  /**
   * The desk's clock (fixed in tests), strictly increasing: two events this member makes
   * in the same millisecond (assign the article, then a range of it) must fold in the
   * order they were made, and events are ordered by time, then by their random id.
   */
  clock(): Date {
    this.lastTick = Math.max(this.now().getTime(), this.lastTick + 1);
    return new Date(this.lastTick);
  }

  get user(): string {
    return this.state.config.user;
  }

  get isEditor(): boolean {
    return this.state.config.roles.some((role) => role === 'editor' || role === '_admin');
  }

  /** Runs `task` after every earlier one: an event's `basedOn` must be what its author saw, with no pull landing in between. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Refuses a change the desk does not allow; shares the article first so its earlier
   * verdicts are on record. Answers the article as it was, for afterWrite to compare.
   */
  async beforeWrite(op: string, input: Record<string, unknown>): Promise<Article | undefined> {
    const articleId = articleOf(input);
    if (!writesArticle(op) || articleId === undefined || !this.store.has(articleId)) return undefined;
    const events = await this.journal.events(articleId);
    const lock = foldLock(events);
    if (lock.locked && lock.last) {
      const title = (await this.store.get(articleId)).title;
      throw new UserError(`“${title}” was signed off by ${lock.last.by} on ${lock.last.at.slice(0, 10)}: it is locked, and changes are refused until an editor unlocks it.`, 'refused');
    }
    const claimIds = op === 'claims:mark' ? [input.claimId] : op === 'claims:markMany' ? (input.changes as Array<{ claimId: unknown }>).map((c) => c.claimId) : [];
    const folds = foldClaims(events);
    for (const claimId of claimIds) {
      const sides = folds.get(String(claimId))?.disagreement ?? [];
      if (sides.length > 0 && !this.isEditor && !sides.some((side) => side.by === this.user)) {
        throw new UserError(`That claim is a desk disagreement between ${sides.map((s) => s.by).join(' and ')}: only one of them or an editor can settle it.`, 'refused');
      }
    }
    await this.share(articleId);
    return this.store.get(articleId);
  }

  async afterWrite(op: string, input: Record<string, unknown>, output: Record<string, unknown>, was: Article | undefined): Promise<void> {
    const articleId = articleOf(input);
    if (articleId === undefined || !was || !this.store.has(articleId)) return;
    const change = { before: await this.journal.events(articleId), was, now: await this.store.get(articleId) };
    // The desk's clock, strictly increasing: an undo made in the millisecond after its edit replays after it everywhere.
    await this.journal.append(articleId, eventsFor(op, input, output, change, this.user, this.clock()), 'here');
  }

  /** Puts the article's text and its verdicts so far on record, once. */
  async share(articleId: string): Promise<void> {
    if (this.snapshots.has(articleId)) return;
    const article = await this.store.get(articleId);
    const at = this.now();
    if ((await this.journal.events(articleId)).length === 0) await this.journal.append(articleId, seedEvents(articleId, article.claims, this.user, at), 'here');
    await this.snapshots.keep(snapshotOf(article, this.user, at.toISOString()));
  }

  /**
   * One sync after any running one (a change made during a sync needs a sync of its
   * own). Only applying what was pulled holds the write queue, not the network
   * round trips: a checker's marks are never kept waiting on a slow desk.
   */
  async sync(password: string, progress?: (p: SyncProgress) => void): Promise<SyncProgress> {
    const run = async () => {
      for (const summary of this.store.list()) await this.exclusive(() => this.share(summary.id));
      const client = new CouchClient(this.state.config.url, { user: this.user, password });
      const exclusive = <T>(task: () => Promise<T>) => this.exclusive(task);
      try {
        const result = await syncOnce({ store: this.store, journal: this.journal, snapshots: this.snapshots, state: this.state, client, changed: this.onChanged, exclusive, notices: this.notices }, progress);
        await this.state.save({ lastSyncAt: this.now().toISOString(), offlineSince: null, lastError: null });
        return result;
      } catch (error) {
        const offline = error instanceof DeskError && error.reason === 'offline';
        await this.state.save({ lastError: (error as Error).message, offlineSince: offline ? (this.state.config.offlineSince ?? this.now().toISOString()) : null });
        throw error;
      }
    };
    const next = this.syncs.then(run, run);
    this.syncs = next.catch(() => undefined);
    return next;
  }

  async waiting(): Promise<number> {
    return (await waitingDocs(this)).length;
  }

  /** Every claim of the article (or of the library) on which the desk disagrees, with each side's verdict, who and when. */
  async disagreements(articleId?: string) {
    const ids = articleId ? [articleId] : await this.journal.articleIds();
    const found = [];
    for (const id of ids) {
      for (const [claimId, fold] of foldClaims(await this.journal.events(id))) {
        if (fold.disagreement.length > 0) found.push({ articleId: id, claimId, sides: fold.disagreement.map(({ by, at, verdict }) => ({ by, at, verdict })) });
      }
    }
    return found;
  }

  async locked(articleId: string) {
    return foldLock(await this.journal.events(articleId));
  }

  /** The editor's sign-off (locks the article) or unlock (with why): both on record like any change. */
  async setLock(articleId: string, type: LockEvent['type'], why?: string): Promise<LockEvent> {
    return this.exclusive(async () => {
      if (!this.isEditor) throw new UserError(`Only an editor can ${type === 'signoff' ? 'sign off' : 'unlock'} an article; ${this.user} is not one on this desk.`, 'refused');
      if (!this.store.has(articleId)) throw new UserError(`There is no article “${articleId}” in this library.`, 'not-found');
      const lock = foldLock(await this.journal.events(articleId));
      if ((type === 'signoff') === lock.locked) throw new UserError(type === 'signoff' ? 'That article is already signed off.' : 'That article is not locked.', 'refused');
      if (type === 'unlock' && !why?.trim()) throw new UserError('Say why the article is unlocked (--why): the desk keeps it on record.', 'invalid');
      await this.share(articleId);
      const at = this.now();
      const event: LockEvent = { _id: eventDocId(articleId, undefined, at), type, articleId, by: this.user, at: at.toISOString(), ...(why ? { why: why.trim() } : {}) };
      await this.journal.append(articleId, [event], 'here');
      return event;
    });
  }
}
