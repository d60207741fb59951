// The shared desk on loopback: how long the desk server takes to start, how long
// a desk of simulated checkers takes to converge (everyone has every event), the
// issue's load (15 checkers, 20 articles of 300 claims, 100 events/s), a new
// member's first sync with a desk of 300 articles, and what a save costs with the
// desk's journal at 50 and at 5,000 claims. Medians where repeated; the machine's
// load is stated beside each part, since the figures move with it.
//
//   npx tsx bench/desk.bench.ts          # the load for 20 s: about 2 minutes in all on 2 cores
//   npx tsx bench/desk.bench.ts --full   # the issue's 60 s and 300-claim articles for the first sync: about 3 minutes
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../src/backend/backend';
import { Desk } from '../src/backend/desk/desk';
import { withDesk } from '../src/backend/desk/with-desk';
import { Store } from '../src/backend/store/store';
import { USERS, startDeskServer, type DeskServer } from '../tests/unit/desk/support/desk-server';
import { runFirstSync, type FirstSyncOptions } from './desk-first-sync';
import { runLoad, type LoadOptions } from './desk-load';
import { busySince, cpuSample, loadLine } from './desk-machine';

const RUNS = 3;
const FULL = process.argv.includes('--full');
// The issue's load is 60 s; 20 s by default keeps `npm run bench` short on a 2-core machine.
const LOAD: LoadOptions = { checkers: 15, articles: 20, claims: 300, eventsPerSecond: 100, seconds: FULL ? 60 : 20 };
// The issue names 300 articles, not their size: 50-claim articles by default, the load's 300-claim ones with --full.
const FIRST_SYNC: FirstSyncOptions = FULL ? { articles: 300, claims: 300, verdicts: 100, runs: RUNS } : { articles: 300, claims: 50, verdicts: 20, runs: RUNS };
const failures: string[] = [];
const NAMES = Object.keys(USERS) as Array<keyof typeof USERS>;

function median(values: number[]): number {
  return quantile(values, 0.5);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'never');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

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

console.log(`Machine at start: ${loadLine()}${FULL ? '' : ' (default run: the load for 20 s; --full for the issue\'s 60 s)'}`);
const starts: DeskServer[] = [];
for (let i = 0; i < RUNS; i++) starts.push(await startDeskServer());
const server = starts[0]!;
// A part that throws ends the bench: the server is not left running behind it.
process.once('exit', () => void server.kill());
await Promise.all(starts.slice(1).map((s) => s.stop()));
console.log(`Desk server (express-pouchdb, in memory) start, median of ${RUNS}: ${median(starts.map((s) => s.startMs)).toFixed(0)} ms`);

console.log('\nConvergence: every checker marks 100 claims offline, then all sync twice (median of 3)');
console.log('checkers   events   converge (ms)');
for (const checkers of [2, 4]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await convergence(server, checkers, 100));
  console.log(`${String(checkers).padStart(8)}   ${String(runs[0]!.events).padStart(6)}   ${median(runs.map((r) => r.ms)).toFixed(0).padStart(13)}`);
}

console.log(`\nLoad (issue 15): ${LOAD.checkers} checkers, each in its own process with its own data folder and backend, syncing as the app does`);
console.log(`(150 ms after a mark, at once on the server's longpoll feed, every 5 s); ${LOAD.articles} articles of ${LOAD.claims} claims shared through the desk;`);
console.log(`marks at ${LOAD.eventsPerSecond}/s in total for ${LOAD.seconds} s${FULL ? ' (the issue\'s figure)' : ' (the issue says 60 s: run with --full)'}, claims dealt round-robin so no two checkers rule on one claim.`);
const load = await runLoad(LOAD);
const { setup } = load;
console.log(`Setup: ${LOAD.checkers} checkers joined in ${ms(setup.spawnMs)}; articles created in ${ms(setup.createMs)}, shared in ${ms(setup.shareMs)}; the other ${setup.firstSyncMs.length} checkers' first syncs (at once) median ${ms(median(setup.firstSyncMs))}, max ${ms(Math.max(...setup.firstSyncMs))}`);
console.log(`Events produced: ${count(load.produced)} of ${count(load.requested)} marks sent (${load.rate.toFixed(1)}/s achieved; the last one saved ${(load.lastEventAfterMs / 1000).toFixed(1)} s in)${load.failedMarks.length ? `; ${load.failedMarks.length} refused: ${load.failedMarks[0]}` : ''}`);
console.log(`A mark's save under the load (the checker's wait, desk journal included): p50 ${load.markMs.length ? ms(median(load.markMs)) : '-'}, p99 ${load.markMs.length ? ms(quantile(load.markMs, 0.99)) : '-'}`);
console.log(`Every event on every replica: ${load.everyEventEverywhere ? `YES (${count(load.produced)} events on each of ${LOAD.checkers} replicas)` : 'NO'}; verdicts the same on every replica: ${load.sameVerdicts ? 'YES' : 'NO'}`);
for (const line of load.missing) console.log(`  NOT CONVERGED: ${line}`);
if (!load.everyEventEverywhere) failures.push(`Load: not every event reached every replica (${load.missing.join('; ')})`);
if (!load.sameVerdicts) failures.push('Load: the replicas show different verdicts although they hold the same events');
const late = load.convergeMs.filter((v) => !Number.isFinite(v)).length;
if (late > 0) failures.push(`Load: ${late} replicas did not hold every event within 120 s of the last one`);
console.log(`Time to converge after the last event (until a replica holds every event), over ${LOAD.checkers} replicas: p50 ${ms(median(load.convergeMs))}, max ${ms(Math.max(...load.convergeMs))}`);
const rounds = load.rounds.map((r) => r.ms);
const failedRounds = load.rounds.filter((r) => r.error);
console.log(`Sync round (push, pull, apply) during the load: p50 ${ms(median(rounds))}, p90 ${ms(quantile(rounds, 0.9))}, max ${ms(Math.max(...rounds))}; ${count(rounds.length)} rounds, ${load.roundsPerReplicaPerSecond.toFixed(1)} per replica per second, documents pulled per round p50 ${median(load.rounds.map((r) => r.pulled))}; failed rounds: ${failedRounds.length}${failedRounds[0] ? ` (${failedRounds[0].error})` : ''}`);
console.log(`Machine during the load: ${load.machine.busy || 'CPU use unknown (no /proc/stat)'}; the checkers used ${load.machine.checkerCpuSeconds.toFixed(0)} CPU s and the server ${load.machine.serverCpuSeconds.toFixed(0)} CPU s; ${load.machine.before} before, ${load.machine.after.replace('load average ', '')} after`);

console.log(`\nFirst sync of a new member: a desk of ${FIRST_SYNC.articles} articles of ${FIRST_SYNC.claims} claims, ${FIRST_SYNC.verdicts} with a verdict in each${FULL ? '' : ' (--full: 300 claims, 100 verdicts)'}; median of ${FIRST_SYNC.runs}, each into a new data folder`);
const firstCpu = cpuSample();
const firstLoad = loadLine();
const first = await runFirstSync(FIRST_SYNC);
const firstRun = (key: 'ms' | 'pulled' | 'bytes' | 'articleBytes' | 'backupBytes' | 'deskBytes' | 'files') => median(first.runs.map((r) => r[key]));
console.log(`The desk: ${count(first.docs)} documents on the server (articles and verdict events), made by one member in ${ms(first.seedMs)} and sent to the server in ${ms(first.shareMs)}`);
console.log(`Until the new folder holds every article and verdict (checked claim by claim): ${ms(firstRun('ms'))} (runs: ${first.runs.map((r) => r.ms.toFixed(0)).join(', ')} ms), ${count(firstRun('pulled'))} documents pulled`);
console.log(`Its size right after: ${mb(firstRun('bytes'))} in ${count(firstRun('files'))} files (articles/ ${mb(firstRun('articleBytes'))}, backups/ ${mb(firstRun('backupBytes'))}, desk/ (journals, shared article copies, acknowledgements) ${mb(firstRun('deskBytes'))})`);
console.log(`Machine: ${firstLoad} before, ${loadLine().replace('load average ', '')} after; ${busySince(firstCpu) || 'CPU use unknown'}`);

console.log('\nSaving a verdict on a desk (article file and journal, fsync included), median of 60');
console.log('claims   save p50 (ms)   journal append p50 (ms)');
const costs = [];
for (const claims of [50, 5_000]) {
  const cost = await saveCost(server, claims);
  costs.push(cost);
  console.log(`${String(claims).padStart(6)}   ${cost.save.toFixed(2).padStart(13)}   ${cost.journal.toFixed(2).padStart(23)}`);
}
const flatJournal = costs[1]!.journal <= costs[0]!.journal * 2 + 1;
// Whatever the store does when the bench runs: the ratio is stated, not explained.
const ratio = costs[1]!.save / costs[0]!.save;
console.log(`Target (issue 15): save at 5,000 claims within 2× of 50: ${ratio <= 2 ? 'MET' : 'MISSED'} (${ratio.toFixed(1)}×)`);
console.log(`Journal append flat across sizes: ${flatJournal ? 'MET' : 'MISSED'}`);
await server.stop();
console.log(`\nMachine at the end: ${loadLine()}`);
if (failures.length > 0) {
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  process.exitCode = 1;
}
