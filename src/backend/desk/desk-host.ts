// The desk as a running front door holds it: the folder's Desk (or none yet), the
// password keeper, the background sync loop and the status line's state. The
// contract's desk handlers (handlers/desk.ts) and the desk's write wrapper
// (with-desk.ts) both go through it, so joining from the app takes effect at once.
import type { Envelope } from '../../shared/contract';
import type { DeskSyncStatus } from '../../shared/desk-contract';
import { UserError } from '../../shared/errors';
import type { Store } from '../store/store';
import { CouchClient } from './couch-client';
import { Desk } from './desk';
import { deskStatus } from './desk-status';
import type { PasswordKeeper } from './password-keeper';
import type { SyncProgress } from './replicate';
import { SyncLoop } from './sync-loop';

export interface DeskHostOptions {
  passwords: PasswordKeeper;
  /** Sync in the background (the app, the browser shell); the CLI syncs when told. */
  live: boolean;
  intervalMs?: number;
  debounceMs?: number;
}

/** How long one longpoll waits at the server before asking again. */
const WATCH_MS = 20_000;

export class DeskHost {
  private loop: SyncLoop | undefined;
  private readonly listeners = new Set<(articleId: string) => void>();
  private progress: SyncProgress | undefined;
  private noPassword = false;
  /** The wrapped backend's invoke, so a resolution is a mark like any other (desk refusals, journal). */
  invoke: (op: string, input: unknown) => Promise<Envelope<unknown>> = async () => {
    throw new Error('DeskHost.invoke used before the backend was wrapped');
  };

  private constructor(
    private readonly dataDir: string,
    private readonly store: Store,
    public desk: Desk | undefined,
    private readonly options: DeskHostOptions,
  ) {
    if (desk) this.adopt(desk);
  }

  static async open(dataDir: string, store: Store, options: DeskHostOptions): Promise<DeskHost> {
    return new DeskHost(dataDir, store, await Desk.open(dataDir, store), options);
  }

  /** Told of every article a sync changed here, so windows showing it catch up. */
  onArticleChanged(listener: (articleId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the background sync, when this front door has one. */
  start(): void {
    if (!this.desk || !this.options.live || this.loop) return;
    const desk = this.desk;
    this.loop = new SyncLoop({
      intervalMs: this.options.intervalMs ?? 5_000,
      debounceMs: this.options.debounceMs ?? 150,
      sync: () => this.syncOnce(desk),
      watch: async (signal) => {
        const password = await this.options.passwords.get();
        if (!password) throw new Error('no password');
        return new CouchClient(desk.state.config.url, { user: desk.user, password }).waitForChanges(desk.state.config.pulledSeq, WATCH_MS, signal);
      },
    });
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop?.stop();
    this.loop = undefined;
  }

  /** After a local change: send it soon. */
  changed(): void {
    void this.loop?.poke();
  }

  async join(url: string, user: string, password: string): Promise<DeskSyncStatus> {
    const desk = await Desk.join(this.dataDir, this.store, url, user, password);
    await this.options.passwords.keep(password);
    this.noPassword = false;
    if (!this.desk) {
      this.adopt(desk);
      this.start();
    }
    return this.status();
  }

  /** A sync now; its outcome is in the status it answers with (an error is the status line's sentence). */
  async syncNow(): Promise<DeskSyncStatus> {
    const desk = this.joined();
    if (this.loop) await this.loop.poke(0);
    else await this.syncOnce(desk).catch(() => undefined);
    return this.status();
  }

  async status(): Promise<DeskSyncStatus> {
    const desk = this.desk;
    if (!desk) return { joined: false, state: 'none', sentence: 'Not on a shared desk.', waiting: 0, roles: [], disagreements: 0 };
    const { url, user, roles, lastSyncAt, offlineSince, serverRules } = desk.state.config;
    const base = { joined: true, url, user, roles, lastSyncAt, offlineSince, serverRules, disagreements: (await desk.disagreements()).length };
    const waiting = await desk.waiting();
    if (this.progress && !lastSyncAt) {
      const { pushed, pulled } = this.progress;
      return { ...base, state: 'syncing', waiting, progress: this.progress, sentence: `First sync with ${url}: ${pushed} sent, ${pulled} received so far…` };
    }
    if (this.noPassword) {
      return { ...base, state: 'no-password', waiting, sentence: `No desk password at hand: use “Join a desk…” again, or set FACTDESK_DESK_PASSWORD; ${waiting} changes waiting.` };
    }
    const status = deskStatus(desk.state.config, waiting);
    return { ...base, state: status.state, waiting, sentence: status.sentence };
  }

  joined(): Desk {
    if (!this.desk) throw new UserError('This library is on no shared desk yet: use “Join a desk…” first.', 'refused');
    return this.desk;
  }

  private adopt(desk: Desk): void {
    this.desk = desk;
    const previous = desk.onChanged;
    desk.onChanged = (articleId) => {
      previous(articleId);
      for (const listener of this.listeners) listener(articleId);
    };
  }

  private async syncOnce(desk: Desk): Promise<void> {
    const password = await this.options.passwords.get();
    this.noPassword = !password;
    if (!password) return;
    this.progress = { pushed: 0, pulled: 0 };
    try {
      await desk.sync(password, (p) => {
        const now = this.progress ?? { pushed: 0, pulled: 0 };
        this.progress = { pushed: Math.max(now.pushed, p.pushed), pulled: Math.max(now.pulled, p.pulled) };
      });
    } finally {
      this.progress = undefined;
    }
  }
}
