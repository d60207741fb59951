// Background sync while the app runs: every few seconds, soon after a local change
// (a short debounce gathers a burst of marks into one sync), and as soon as the
// server says another member changed something (CouchDB's longpoll feed). Never two
// syncs at once; a failed one is simply tried again, and the loop never stops on it.
export interface SyncLoopParts {
  /** One sync; a failure is recorded by the desk (the status line says it) and swallowed here. */
  sync(): Promise<void>;
  /** True when the server has something new, false when it timed out; throws when unreachable. */
  watch(signal: AbortSignal): Promise<boolean>;
  intervalMs: number;
  debounceMs: number;
}

export class SyncLoop {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dueAt = Infinity;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly abort = new AbortController();
  private waiters: Array<() => void> = [];

  constructor(private readonly parts: SyncLoopParts) {}

  start(): void {
    this.schedule(0);
    void this.watchLoop();
  }

  /** A sync soon; resolves once a sync that started after this call has finished. */
  poke(delayMs = this.parts.debounceMs): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.running) this.again = true;
    else this.schedule(delayMs);
    return done;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await this.running;
    this.waiters.splice(0).forEach((resolve) => resolve());
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    const at = Date.now() + delayMs;
    if (this.timer !== undefined && this.dueAt <= at) return;
    clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dueAt = Infinity;
      this.running = this.run();
    }, delayMs);
    // The loop alone never keeps a process alive: the app's window or server does.
    this.timer.unref?.();
  }

  private async run(): Promise<void> {
    const waiting = this.waiters.splice(0);
    try {
      await this.parts.sync();
    } catch {
      // Recorded by the desk for the status line; the next round tries again.
    }
    this.running = undefined;
    waiting.forEach((resolve) => resolve());
    if (this.again) {
      this.again = false;
      this.schedule(0);
    } else {
      this.schedule(this.parts.intervalMs);
    }
  }

  private async watchLoop(): Promise<void> {
    while (!this.stopped) {
      try {
        // Waits for the sync it asks for, so the next watch starts from what that sync pulled.
        if (await this.parts.watch(this.abort.signal)) await this.poke(0);
      } catch {
        if (this.stopped) return;
        await new Promise((resolve) => setTimeout(resolve, this.parts.intervalMs));
      }
    }
  }
}
