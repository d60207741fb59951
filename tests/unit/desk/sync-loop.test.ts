// The background sync's scheduling, with a fake sync and a fake server feed.
import { afterEach, describe, expect, it } from 'vitest';
import { SyncLoop } from '../../../src/backend/desk/sync-loop';

const loops: SyncLoop[] = [];
afterEach(async () => {
  await Promise.all(loops.splice(0).map((loop) => loop.stop()));
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function loop(options: { sync?: () => Promise<void>; watch?: (signal: AbortSignal) => Promise<boolean>; intervalMs?: number; debounceMs?: number }) {
  const calls = { syncs: 0, concurrent: 0, maxConcurrent: 0 };
  const made = new SyncLoop({
    intervalMs: options.intervalMs ?? 60_000,
    debounceMs: options.debounceMs ?? 20,
    sync: async () => {
      calls.syncs += 1;
      calls.concurrent += 1;
      calls.maxConcurrent = Math.max(calls.maxConcurrent, calls.concurrent);
      try {
        await (options.sync ?? (() => pause(5)))();
      } finally {
        calls.concurrent -= 1;
      }
    },
    watch: options.watch ?? ((signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('stopped'))))),
  });
  loops.push(made);
  return { made, calls };
}

describe('the background sync loop', () => {
  it('syncs at start, then gathers a burst of changes into one sync', async () => {
    const { made, calls } = loop({});
    made.start();
    await pause(30);
    expect(calls.syncs).toBe(1);
    const done = [made.poke(), made.poke(), made.poke()];
    await Promise.all(done);
    expect(calls.syncs).toBe(2);
  });

  it('never runs two syncs at once, and a change made during a sync gets a sync of its own', async () => {
    const { made, calls } = loop({ sync: async () => void (await pause(40)) });
    made.start();
    await pause(10);
    const during = made.poke();
    await during;
    expect(calls.maxConcurrent).toBe(1);
    expect(calls.syncs).toBe(2);
  });

  it('keeps going after a failed sync, on its interval', async () => {
    let failures = 0;
    const { made, calls } = loop({ intervalMs: 30, sync: async () => { failures += 1; throw new Error('offline'); } });
    made.start();
    await pause(120);
    expect(failures).toBeGreaterThanOrEqual(3);
    expect(calls.concurrent).toBe(0);
  });

  it('syncs as soon as the server says another member changed something', async () => {
    let tell: (changed: boolean) => void = () => {};
    const { made, calls } = loop({ watch: () => new Promise((resolve) => (tell = resolve)) });
    made.start();
    await pause(30);
    expect(calls.syncs).toBe(1);
    tell(true);
    await pause(30);
    expect(calls.syncs).toBe(2);
    tell(false);
    await pause(30);
    expect(calls.syncs).toBe(2);
  });

  it('stops: no sync after stop, and a pending poke resolves', async () => {
    const { made, calls } = loop({ debounceMs: 50 });
    made.start();
    await pause(20);
    const pending = made.poke();
    await made.stop();
    await pending;
    await pause(70);
    expect(calls.syncs).toBe(1);
  });
});
