// Saving a verdict (fsync included) with libraries of 10, 1,000 and 10,000
// articles, and opening those libraries. The cost of a save must not grow with
// the library: a save rewrites one article file, never the whole library (nor
// the summary index, which the next open brings up to date). Nor with the article
// (issue 15): a save at 5,000 claims appends its change to the article's log,
// as one at 50 does; the article file is rewritten when the log is compacted.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../src/backend/backend';
import { SCHEMA_VERSION } from '../src/backend/store/documents';
import { Store } from '../src/backend/store/store';
import { extractClaims, normalizeText } from '../src/shared/extract';
import { UNCHECKED, type Article } from '../src/shared/model';

const SIZES = [10, 1_000, 10_000];
const SAVES = 300;
const TEXT = normalizeText(
  'Harbor Town Votes to Raise Its Seawall\nBy Nadia Ferreira\nThe council voted 5-2 on Wednesday night. The $38 million plan calls for a concrete cap along 1.2 miles of shoreline. "We are doing it for whoever is still here in 2080," said Mayor Celia Brandt.',
);

function article(id: string): Article {
  const at = new Date().toISOString();
  return {
    id, title: `Article ${id}`, sourceUrl: '', author: '', publication: 'The Ledger', publishedAt: '', createdAt: at, updatedAt: at,
    text: TEXT, revisions: [{ id: `r${id}`, text: TEXT, createdAt: at }], sources: [], orphans: [], setAside: [],
    claims: extractClaims(TEXT).map((c, i) => ({ ...c, id: `${id}c${i}`, verdict: UNCHECKED, history: [] })),
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function run(size: number) {
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-bench-store-'));
  await mkdir(join(dir, 'articles'), { recursive: true });
  for (let i = 0; i < size; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, size - i) }, (_, j) => {
        const id = `a${String(i + j).padStart(7, '0')}`;
        return writeFile(join(dir, 'articles', `${id}.json`), JSON.stringify({ schemaVersion: SCHEMA_VERSION, article: article(id) }));
      }),
    );
  }
  // First open: every file is read and the summary index written. Later opens:
  // from the index, reading only files that changed (here the one saved below).
  const coldStart = performance.now();
  await Store.open(dir);
  const coldMs = performance.now() - coldStart;
  const warm: number[] = [];
  for (let n = 0; n < 5; n++) {
    const start = performance.now();
    await Store.open(dir);
    warm.push(performance.now() - start);
  }
  const store = await Store.open(dir);
  const backend = createBackend(store);
  const target = article('a0000000');
  const times: number[] = [];
  for (let n = 0; n < SAVES; n++) {
    const claim = target.claims[n % target.claims.length]!;
    const start = performance.now();
    await backend.api['claims:mark']({ articleId: target.id, claimId: claim.id, checker: 'Bench', patch: { note: `check ${n}`, status: 'verified' } });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const afterSavesStart = performance.now();
  await Store.open(dir);
  const afterSavesMs = performance.now() - afterSavesStart;
  await rm(dir, { recursive: true, force: true });
  warm.sort((a, b) => a - b);
  return { size, coldMs, warmMs: quantile(warm, 0.5), afterSavesMs, p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

function articleText(claims: number): string {
  const lines = ['Harbor Town Votes to Raise Its Seawall', 'By Nadia Ferreira'];
  for (let i = 0; i < claims; i++) lines.push(`The council spent $${i + 1}.5 million on section ${i} of the seawall in ${1990 + (i % 30)}.`);
  return lines.join('\n');
}

/** A verdict save (claims:mark, until acknowledged durable) at `claims` claims, and what compacting the log then costs. */
async function saveBySize(claims: number) {
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-bench-size-'));
  const store = await Store.open(dir);
  const backend = createBackend(store, undefined, { memoryPersists: false });
  await backend.api['preferences:set']({ preferences: { checker: 'Bench' } });
  const { article } = await backend.api['articles:create']({ text: articleText(claims), meta: { title: 'Seawall' }, allowDuplicate: true });
  const times: number[] = [];
  for (let n = 0; n < SAVES; n++) {
    const claim = article.claims[(n * 37) % article.claims.length]!;
    const start = performance.now();
    await backend.api['claims:mark']({ articleId: article.id, claimId: claim.id, patch: { note: `check ${n}`, status: n % 2 ? 'verified' : 'disputed' } });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  // The store alone: from the change to its acknowledgement as durable (no handler, no claim memory refresh after it).
  const acks: number[] = [];
  for (let n = 0; n < SAVES; n++) {
    const at = (n * 37) % article.claims.length;
    const start = performance.now();
    await store.update(article.id, (a) => ({ ...a, claims: a.claims.map((c, i) => (i === at ? { ...c, verdict: { ...c.verdict, note: `ack ${n}` } } : c)) }));
    acks.push(performance.now() - start);
  }
  acks.sort((a, b) => a - b);
  const compactStart = performance.now();
  await store.compactAll();
  const compactMs = performance.now() - compactStart;
  await rm(dir, { recursive: true, force: true });
  return {
    claims: article.claims.length,
    p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99),
    ackP50: quantile(acks, 0.5), ackP95: quantile(acks, 0.95),
    compactMs,
  };
}

const bySize = [];
for (const claims of [50, 5_000]) bySize.push(await saveBySize(claims));
console.log(`Saving a verdict by article size (${SAVES} saves, fsync included; compaction of the log afterwards, off the save)`);
console.log('save: claims:mark through the backend; ack: store.update alone, until durable (the claim memory refreshes the article after each mark, off the answer, on the same thread)');
console.log('claims   save p50 (ms)   save p95 (ms)   save p99 (ms)   ack p50 (ms)   ack p95 (ms)   compaction (ms)');
for (const r of bySize) {
  const cells = [r.p50, r.p95, r.p99].map((v) => v.toFixed(2).padStart(13));
  console.log(`${String(r.claims).padStart(6)}   ${cells.join('   ')}   ${r.ackP50.toFixed(2).padStart(12)}   ${r.ackP95.toFixed(2).padStart(12)}   ${r.compactMs.toFixed(1).padStart(15)}`);
}
const ratio = { p50: bySize[1]!.p50 / bySize[0]!.p50, p95: bySize[1]!.p95 / bySize[0]!.p95, ack: bySize[1]!.ackP50 / bySize[0]!.ackP50 };
const sizeFlat = ratio.p50 <= 2 && ratio.p95 <= 2;
console.log(`Target (issue 15): save at 5,000 claims within 2× of 50 (save p50 ${ratio.p50.toFixed(2)}×, p95 ${ratio.p95.toFixed(2)}×; ack p50 ${ratio.ack.toFixed(2)}×): ${sizeFlat ? 'MET' : 'MISSED'}`);

console.log('');

const rows = [];
for (const size of SIZES) rows.push(await run(size));
console.log(`Saving a verdict (${SAVES} saves, fsync included) and opening the library`);
console.log('Opening: first (reads every file, writes the index) / from the index (median of 5) / after the saves');
console.log('articles   open first (ms)   open indexed (ms)   open after saves (ms)   save p50 (ms)   save p99 (ms)');
for (const r of rows) {
  const cells = [r.coldMs.toFixed(0).padStart(15), r.warmMs.toFixed(0).padStart(17), r.afterSavesMs.toFixed(0).padStart(21)];
  console.log(`${String(r.size).padStart(8)}   ${cells.join('   ')}   ${r.p50.toFixed(2).padStart(13)}   ${r.p99.toFixed(2).padStart(13)}`);
}
const flat = rows.at(-1)!.p50 <= rows[0]!.p50 * 2 + 1;
console.log(`Target: save p50 flat across library sizes (10,000 within 2× + 1 ms of 10): ${flat ? 'MET' : 'MISSED'}`);
const quickOpen = rows.at(-1)!.warmMs < 1_000;
console.log(`Target: opening 10,000 articles from the index under 1 s: ${quickOpen ? 'MET' : 'MISSED'}`);
if (!flat || !quickOpen || !sizeFlat) process.exitCode = 1;
