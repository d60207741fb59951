// The shared desk on loopback: how long the desk server takes to start, how long
// a desk of simulated checkers takes to converge (everyone has every event), and
// what a save costs with the desk's journal at 50 and at 5,000 claims. Medians of
// a few runs, side by side.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../src/backend/backend';
import { Desk } from '../src/backend/desk/desk';
import { withDesk } from '../src/backend/desk/with-desk';
import { Store } from '../src/backend/store/store';
import { USERS, startDeskServer, type DeskServer } from '../tests/unit/desk/support/desk-server';

const RUNS = 3;
const NAMES = Object.keys(USERS) as Array<keyof typeof USERS>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function text(claims: number): string {
  const lines = ['Harbor Town Votes to Raise Its Seawall', 'By Nadia Ferreira'];
  for (let i = 0; i < claims; i++) lines.push(`The council spent $${i + 1}.5 million on section ${i} of the seawall in ${1990 + (i % 30)}.`);
  return lines.join('\n');
}

async function machine(name: keyof typeof USERS, url: string) {
  const dir = await mkdtemp(join(tmpdir(), `factdesk-bench-desk-${name}-`));
  const store = await Store.open(dir);
  const desk = await Desk.join(dir, store, url, name, USERS[name]);
  const backend = withDesk(createBackend(store, undefined, { memoryPersists: false }), desk);
  await backend.api['preferences:set']({ preferences: { checker: name } });
  return { dir, store, desk, backend, sync: () => desk.sync(USERS[name]), close: () => rm(dir, { recursive: true, force: true }) };
}

/** `checkers` machines each mark `marks` claims offline, then sync until every journal holds every event. */
async function convergence(server: DeskServer, checkers: number, marks: number): Promise<{ ms: number; events: number }> {
  const machines = await Promise.all(NAMES.slice(0, checkers).map((name) => machine(name, server.url)));
  const [first] = machines;
  const { article } = await first!.backend.api['articles:create']({ text: text(300), meta: { title: 'Seawall' }, allowDuplicate: true });
  await first!.sync();
  for (const m of machines.slice(1)) await m.sync();
  for (const [n, m] of machines.entries()) {
    for (let i = 0; i < marks; i++) {
      const claim = article.claims[(i * 7 + n * 13) % article.claims.length]!;
      await m.backend.api['claims:mark']({ articleId: article.id, claimId: claim.id, patch: { status: 'verified', note: `${n}/${i}` } });
    }
  }
  const start = performance.now();
  await Promise.all(machines.map((m) => m.sync()));
  await Promise.all(machines.map((m) => m.sync()));
  const ms = performance.now() - start;
  const counts = await Promise.all(machines.map(async (m) => (await m.desk.journal.events(article.id)).length));
  if (new Set(counts).size !== 1) throw new Error(`Not converged: ${counts.join(', ')} events`);
  await Promise.all(machines.map((m) => m.close()));
  return { ms, events: counts[0]! };
}

/** Median time of a verdict save through the desk (article file + journal, both fsynced) at `claims` claims. */
async function saveCost(server: DeskServer, claims: number): Promise<{ save: number; journal: number }> {
  const m = await machine('ann', server.url);
  const { article } = await m.backend.api['articles:create']({ text: text(claims), meta: { title: 'Seawall' }, allowDuplicate: true });
  await m.desk.share(article.id);
  const saves: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    await m.backend.api['claims:mark']({ articleId: article.id, claimId: article.claims[i % article.claims.length]!.id, patch: { note: `n${i}` } });
    saves.push(performance.now() - start);
  }
  const journal: number[] = [];
  const event = (await m.desk.journal.events(article.id)).at(-1)!;
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    await m.desk.journal.append(article.id, [{ ...event, _id: `${event._id}x${i}` }], 'here');
    journal.push(performance.now() - start);
  }
  await m.close();
  return { save: median(saves), journal: median(journal) };
}

const starts: DeskServer[] = [];
for (let i = 0; i < RUNS; i++) starts.push(await startDeskServer());
const server = starts[0]!;
await Promise.all(starts.slice(1).map((s) => s.stop()));
console.log(`Desk server (express-pouchdb, in memory) start, median of ${RUNS}: ${median(starts.map((s) => s.startMs)).toFixed(0)} ms`);

console.log('\nConvergence: every checker marks 100 claims offline, then all sync twice (median of 3)');
console.log('checkers   events   converge (ms)');
for (const checkers of [2, 4]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await convergence(server, checkers, 100));
  console.log(`${String(checkers).padStart(8)}   ${String(runs[0]!.events).padStart(6)}   ${median(runs.map((r) => r.ms)).toFixed(0).padStart(13)}`);
}

console.log('\nSaving a verdict on a desk (article file and journal, fsync included), median of 60');
console.log('claims   save p50 (ms)   journal append p50 (ms)');
const costs = [];
for (const claims of [50, 5_000]) {
  const cost = await saveCost(server, claims);
  costs.push(cost);
  console.log(`${String(claims).padStart(6)}   ${cost.save.toFixed(2).padStart(13)}   ${cost.journal.toFixed(2).padStart(23)}`);
}
const flatJournal = costs[1]!.journal <= costs[0]!.journal * 2 + 1;
console.log(`Target (issue 15): save at 5,000 claims within 2× of 50: ${costs[1]!.save <= costs[0]!.save * 2 ? 'MET' : 'MISSED (the article file is still rewritten whole; only the journal append is flat)'}`);
console.log(`Journal append flat across sizes: ${flatJournal ? 'MET' : 'MISSED'}`);
await server.stop();
