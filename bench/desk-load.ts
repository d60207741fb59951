// The desk load (issue 15): simulated checkers, each in its own process
// with its own data folder and backend (desk-load-checker.ts), share articles
// through a desk server on loopback and mark claims at a fixed total rate. It
// answers what was produced, whether every event reached every replica, how long
// each replica took to hold everything after the last event, and how long a sync
// round took meanwhile.
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBenchServer, memberPassword } from './desk-bench-server';
import type { CheckerCommand, CheckerMessage } from './desk-load-checker';
import { cpuSample, busySince, loadLine } from './desk-machine';

const CHECKER = resolve(import.meta.dirname, 'desk-load-checker.ts');
const ROOT = resolve(import.meta.dirname, '..');
/** After the last event, how long every replica gets to hold everything before the bench fails. */
const CONVERGE_DEADLINE_MS = 120_000;

export interface LoadOptions {
  checkers: number;
  articles: number;
  claims: number;
  eventsPerSecond: number;
  seconds: number;
}

type Held = Extract<CheckerMessage, { type: 'held' }>;
type Report = Extract<CheckerMessage, { type: 'report' }>;

interface Checker {
  name: string;
  child: ChildProcess;
  helds: Held[];
  marks: Array<Extract<CheckerMessage, { type: 'marked' }>>;
  waiting: Map<string, Array<(m: CheckerMessage) => void>>;
}

export interface LoadResult {
  setup: { spawnMs: number; createMs: number; shareMs: number; firstSyncMs: number[] };
  requested: number;
  produced: number;
  failedMarks: string[];
  rate: number;
  markMs: number[];
  lastEventAfterMs: number;
  everyEventEverywhere: boolean;
  sameVerdicts: boolean;
  missing: string[];
  convergeMs: number[];
  rounds: Array<NonNullable<Held['round']>>;
  roundsPerReplicaPerSecond: number;
  machine: { before: string; after: string; busy: string; serverCpuSeconds: number; checkerCpuSeconds: number };
}

function spawnChecker(name: string, fail: (error: Error) => void): Checker {
  const child = fork(CHECKER, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const checker: Checker = { name, child, helds: [], marks: [], waiting: new Map() };
  child.on('message', (message: CheckerMessage) => {
    if (message.type === 'failed') return fail(new Error(message.error));
    if (message.type === 'held') checker.helds.push(message);
    if (message.type === 'marked') checker.marks.push(message);
    checker.waiting.get(message.type)?.shift()?.(message);
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 || signal) fail(new Error(`checker ${name} exited (${code ?? signal})`));
  });
  return checker;
}

/** Sends `command` and waits for the answer of type `answer`, or for any checker's failure. */
function ask<T extends CheckerMessage['type']>(checker: Checker, command: CheckerCommand, answer: T, failed: Promise<never>): Promise<Extract<CheckerMessage, { type: T }>> {
  const answered = new Promise<Extract<CheckerMessage, { type: T }>>((done) => {
    const list = checker.waiting.get(answer) ?? [];
    list.push(done as (m: CheckerMessage) => void);
    checker.waiting.set(answer, list);
    checker.child.send(command);
  });
  return Promise.race([answered, failed]);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const names = Array.from({ length: options.checkers }, (_, i) => `checker${String(i + 1).padStart(2, '0')}`);
  const server = await startBenchServer(names);
  let failure: Error | undefined;
  let rejectFailed: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (rejectFailed = reject));
  failed.catch(() => undefined);
  // A checker that fails stops the bench: its error is what every wait below ends with.
  const fail = (error: Error) => {
    failure ??= error;
    rejectFailed(error);
  };
  const check = () => {
    if (failure) throw failure;
  };
  const askOf = <T extends CheckerMessage['type']>(checker: Checker, command: CheckerCommand, answer: T) => ask(checker, command, answer, failed);
  const checkers: Checker[] = [];
  try {
    let t = performance.now();
    checkers.push(...names.map((name) => spawnChecker(name, fail)));
    await Promise.all(checkers.map((c) => askOf(c, { type: 'join', url: server.url, name: c.name, password: memberPassword(c.name) }, 'joined')));
    const spawnMs = performance.now() - t;
    check();

    // One checker brings the articles to the desk; every other one takes them in with its first sync.
    const [first] = checkers;
    t = performance.now();
    const created = await askOf(first!, { type: 'create', articles: options.articles, claims: options.claims }, 'created');
    const createMs = performance.now() - t;
    const wrong = created.claims.filter((n) => n !== options.claims);
    if (wrong.length > 0) throw new Error(`The bench's articles should have ${options.claims} claims each; some have ${wrong.join(', ')}`);
    t = performance.now();
    await askOf(first!, { type: 'sync' }, 'synced');
    const shareMs = performance.now() - t;
    const firstSyncs = await Promise.all(checkers.slice(1).map((c) => askOf(c, { type: 'sync' }, 'synced')));
    check();
    await Promise.all(checkers.map((c, index) => askOf(c, { type: 'start', articleIds: created.articleIds, index, of: checkers.length }, 'started')));
    check();

    const before = loadLine();
    const cpu = cpuSample();
    const serverCpu = server.cpuSeconds();
    const total = Math.round(options.eventsPerSecond * options.seconds);
    const loadStart = performance.now();
    const loadStartWall = performance.timeOrigin + loadStart;
    let sent = 0;
    // Marks go out round-robin at the total rate; a checker that falls behind queues them, as a busy machine would.
    while (sent < total) {
      check();
      const due = Math.min(total, Math.floor(((performance.now() - loadStart) * options.eventsPerSecond) / 1000) + 1);
      for (; sent < due; sent++) checkers[sent % checkers.length]!.child.send({ type: 'mark' } satisfies CheckerCommand);
      await sleep(5);
    }
    const answered = () => checkers.reduce((n, c) => n + c.marks.length, 0);
    while (answered() < total) {
      check();
      await sleep(10);
    }
    const marks = checkers.flatMap((c) => c.marks);
    const failedMarks = marks.flatMap((m) => (m.error ? [m.error] : []));
    const produced = marks.length - failedMarks.length;
    const lastEventAt = Math.max(...marks.filter((m) => !m.error).map((m) => m.at));

    // Every replica must come to hold every event; the background sync alone brings them.
    const holds = (c: Checker) => (c.helds.at(-1)?.events ?? 0) >= produced;
    const deadline = performance.now() + CONVERGE_DEADLINE_MS;
    while (!checkers.every(holds) && performance.now() < deadline) {
      check();
      await sleep(20);
    }
    const convergedAt = performance.timeOrigin + performance.now();
    const busy = busySince(cpu);
    const serverCpuSeconds = server.cpuSeconds() - serverCpu;
    const after = loadLine();
    check();

    const articleIds = created.articleIds;
    const reports: Report[] = await Promise.all(checkers.map((c) => askOf(c, { type: 'report', articleIds }, 'report')));
    const expected = new Set(reports.flatMap((r) => r.here));
    const missing: string[] = [];
    if (expected.size !== produced) missing.push(`${produced} marks were saved but the checkers' journals recorded ${expected.size} events of their own`);
    for (const [i, report] of reports.entries()) {
      const holding = new Set(report.all);
      const lacks = [...expected].filter((id) => !holding.has(id));
      if (lacks.length > 0 || holding.size !== expected.size) missing.push(`${checkers[i]!.name} holds ${holding.size} of ${expected.size} events (lacks ${lacks.length}, e.g. ${lacks.slice(0, 2).join(', ')})`);
    }
    const convergeMs = checkers.map((c) => {
      const firstFull = c.helds.find((h) => h.events >= expected.size);
      return firstFull ? Math.max(0, firstFull.at - lastEventAt) : Infinity;
    });
    const rounds = checkers.flatMap((c) => c.helds.filter((h) => h.round && h.at >= loadStartWall && h.at <= convergedAt).map((h) => h.round!));
    return {
      setup: { spawnMs, createMs, shareMs, firstSyncMs: firstSyncs.map((s) => s.ms) },
      requested: total,
      produced,
      failedMarks,
      rate: produced / ((lastEventAt - loadStartWall) / 1000),
      markMs: marks.filter((m) => !m.error).map((m) => m.ms),
      lastEventAfterMs: lastEventAt - loadStartWall,
      everyEventEverywhere: missing.length === 0 && expected.size === produced,
      sameVerdicts: new Set(reports.map((r) => r.verdicts)).size === 1,
      missing,
      convergeMs,
      rounds,
      roundsPerReplicaPerSecond: rounds.length / checkers.length / ((convergedAt - loadStartWall) / 1000),
      machine: { before, after, busy, serverCpuSeconds, checkerCpuSeconds: reports.reduce((s, r) => s + r.cpuSeconds, 0) },
    };
  } finally {
    await Promise.all(
      checkers.map(
        (c) =>
          new Promise<void>((done) => {
            if (c.child.exitCode !== null || !c.child.connected) return done();
            c.child.removeAllListeners('exit');
            c.child.once('exit', () => done());
            c.child.send({ type: 'stop' } satisfies CheckerCommand);
            // A checker that does not stop on its own within 10 s is stopped by its id.
            setTimeout(() => c.child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
    await server.stop();
  }
}
