// Saving a verdict (fsync included) with libraries of 10, 1,000 and 10,000
// articles, and opening those libraries. The cost of a save must not grow with
// the library: a save rewrites one article file, never the whole library (nor
// the summary index, which the next open brings up to date).
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
  const target = article('a000000');
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
if (!flat || !quickOpen) process.exitCode = 1;
