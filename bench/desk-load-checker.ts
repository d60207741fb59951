// One simulated checker of the desk load (bench/desk.bench.ts), in a process of its
// own as on a checker's own machine: its own data folder, the real backend with the
// app's background sync (DeskHost: a sync 150 ms after a mark, at once when the
// server's longpoll feed says another member changed something, every 5 s anyway).
// The bench drives it over IPC; it answers every command and reports each sync
// round and what its journals hold after each round and each mark.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createBackend, type Backend } from '../src/backend/backend';
import { Desk } from '../src/backend/desk/desk';
import { DeskHost } from '../src/backend/desk/desk-host';
import { environmentKeeper } from '../src/backend/desk/password-keeper';
import { withDeskHost } from '../src/backend/desk/with-desk';
import { Store } from '../src/backend/store/store';
import { articleText } from './desk-load-text';

export type CheckerCommand =
  | { type: 'join'; url: string; name: string; password: string }
  | { type: 'create'; articles: number; claims: number }
  | { type: 'sync' }
  | { type: 'start'; articleIds: string[]; index: number; of: number }
  | { type: 'mark' }
  | { type: 'held' }
  | { type: 'report'; articleIds: string[] }
  | { type: 'stop' };

export type CheckerMessage =
  | { type: 'joined' }
  | { type: 'created'; articleIds: string[]; claims: number[] }
  | { type: 'synced'; ms: number; pulled: number }
  | { type: 'started'; assigned: number }
  | { type: 'marked'; at: number; ms: number; error?: string }
  /** What the journals hold at `at`: after a sync round (with its timing), after a mark, or when asked. */
  | { type: 'held'; at: number; events: number; here: number; round?: { ms: number; pushed: number; pulled: number; error?: string } }
  | { type: 'report'; here: string[]; all: string[]; verdicts: string; cpuSeconds: number; articles: number }
  | { type: 'failed'; error: string };

// 'sourced' needs a cited source: the load rules claims verified or disputed.
const STATUSES = ['verified', 'disputed'] as const;

/** Wall-clock milliseconds with sub-millisecond precision, comparable across the bench's processes. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

let dir: string | undefined;
let store: Store;
let desk: Desk;
let host: DeskHost;
let backend: Backend;
let name = '';
let password = '';
let assignment: Array<{ articleId: string; claimId: string }> = [];
let marks = 0;
/** CPU used from the start of the load, not the process's setup. */
let cpuAtStart = process.cpuUsage();

function send(message: CheckerMessage): void {
  process.send!(message);
}

async function counts(): Promise<{ events: number; here: number }> {
  let events = 0;
  let here = 0;
  for (const id of await desk.journal.articleIds()) {
    const entries = await desk.journal.entries(id);
    events += entries.length;
    here += entries.filter((e) => e.from === 'here').length;
  }
  return { events, here };
}

async function held(round?: { ms: number; pushed: number; pulled: number; error?: string }): Promise<void> {
  send({ type: 'held', at: wallNow(), ...(await counts()), ...(round ? { round } : {}) });
}

async function joinDesk(command: Extract<CheckerCommand, { type: 'join' }>): Promise<void> {
  ({ name, password } = command);
  dir = await mkdtemp(join(tmpdir(), `factdesk-bench-load-${name}-`));
  store = await Store.open(dir);
  await Desk.join(dir, store, command.url, name, password);
  host = await DeskHost.open(dir, store, { passwords: environmentKeeper({ FACTDESK_DESK_PASSWORD: password }), live: true });
  desk = host.desk!;
  // Every sync, the background loop's or one asked for, is timed and reported as a round.
  const sync = desk.sync.bind(desk);
  desk.sync = async (pw, progress) => {
    const started = performance.now();
    try {
      const result = await sync(pw, progress);
      await held({ ms: performance.now() - started, ...result });
      return result;
    } catch (error) {
      await held({ ms: performance.now() - started, pushed: 0, pulled: 0, error: (error as Error).message });
      throw error;
    }
  };
  backend = withDeskHost(createBackend(store, undefined, { memoryPersists: false }), host);
  await backend.api['preferences:set']({ preferences: { checker: name } });
  send({ type: 'joined' });
}

async function create(command: Extract<CheckerCommand, { type: 'create' }>): Promise<void> {
  const articleIds: string[] = [];
  const claims: number[] = [];
  for (let a = 0; a < command.articles; a++) {
    const { article } = await backend.api['articles:create']({ text: articleText(command.claims, a), meta: { title: `Seawall, part ${a + 1}` }, allowDuplicate: true });
    articleIds.push(article.id);
    claims.push(article.claims.length);
  }
  send({ type: 'created', articleIds, claims });
}

/** Claims are dealt round-robin across the desk, as an editor assigns ranges: no two checkers rule on one claim. */
async function start(command: Extract<CheckerCommand, { type: 'start' }>): Promise<void> {
  const all: Array<{ articleId: string; claimId: string }> = [];
  for (const articleId of command.articleIds) {
    if (!store.has(articleId)) throw new Error(`${name} does not have article ${articleId} after its first sync`);
    for (const claim of (await store.get(articleId)).claims) all.push({ articleId, claimId: claim.id });
  }
  assignment = all.filter((_, i) => i % command.of === command.index);
  cpuAtStart = process.cpuUsage();
  host.start();
  send({ type: 'started', assigned: assignment.length });
}

async function mark(): Promise<void> {
  const n = marks++;
  const target = assignment[n % assignment.length]!;
  const started = performance.now();
  try {
    await backend.api['claims:mark']({ ...target, patch: { status: STATUSES[n % STATUSES.length]!, note: `${name}, mark ${n + 1}` } });
    send({ type: 'marked', at: wallNow(), ms: performance.now() - started });
    await held();
  } catch (error) {
    send({ type: 'marked', at: wallNow(), ms: performance.now() - started, error: (error as Error).message });
  }
}

async function report(articleIds: string[]): Promise<void> {
  const here: string[] = [];
  const all: string[] = [];
  for (const id of await desk.journal.articleIds()) {
    for (const entry of await desk.journal.entries(id)) {
      all.push(entry.event._id);
      if (entry.from === 'here') here.push(entry.event._id);
    }
  }
  // What the articles show, claim by claim: the same on every replica once it holds every event.
  const verdicts = createHash('sha256');
  for (const id of articleIds) {
    for (const claim of store.has(id) ? (await store.get(id)).claims : []) verdicts.update(`${id}/${claim.id}=${claim.verdict.status}|${claim.verdict.note}\n`);
  }
  const cpu = process.cpuUsage(cpuAtStart);
  send({ type: 'report', here, all, verdicts: verdicts.digest('hex'), cpuSeconds: (cpu.user + cpu.system) / 1e6, articles: store.list().length });
}

let stopping: Promise<void> | undefined;

/** Stops syncing and removes the data folder; asked by the bench, or when the bench is gone. */
function stop(): Promise<void> {
  stopping ??= (async () => {
    await host?.stop();
    await store?.flush();
    if (dir) await rm(dir, { recursive: true, force: true });
    if (process.connected) process.disconnect();
  })();
  return stopping;
}

process.on('disconnect', () => {
  void stop().finally(() => process.exit(0));
});

async function handle(command: CheckerCommand): Promise<void> {
  switch (command.type) {
    case 'join': return joinDesk(command);
    case 'create': return create(command);
    case 'sync': {
      const started = performance.now();
      const { pulled } = await desk.sync(password);
      return send({ type: 'synced', ms: performance.now() - started, pulled });
    }
    case 'start': return start(command);
    case 'mark': return mark();
    case 'held': return held();
    case 'report': return report(command.articleIds);
    case 'stop': return stop();
  }
}

process.on('message', (command: CheckerCommand) => {
  handle(command).catch((error: unknown) => send({ type: 'failed', error: `${name}: ${(error as Error).stack ?? String(error)}` }));
});
