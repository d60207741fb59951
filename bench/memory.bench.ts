// The claim memory on a library of 10,000 articles of 60 claims (600,000 claims),
// each figure beside a plain scan of every article file:
//   - a full build from the article files (with its progress, and the longest the
//     event loop waited meanwhile: what a window would feel), and a start from the
//     index file;
//   - the index on disk against the size of the claims' text;
//   - library-wide search: p50/p95 over a mix of search-box queries;
//   - "seen before" after moving to a claim: p50/p95;
//   - keeping the index current after a save, and the save's own latency with the
//     memory on and off;
//   - precision and recall of "seen before" on the labelled pairs.
// `npx tsx bench/memory.bench.ts [articles]` (default 10,000), or `npm run bench -- memory`.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../src/backend/backend';
import { MEMORY_FILE } from '../src/backend/memory/memory-file';
import { SCHEMA_VERSION } from '../src/backend/store/documents';
import { Store, summarize } from '../src/backend/store/store';
import { identityOf, writeSummaryIndex, type IndexEntry } from '../src/backend/store/summary-index';
import { compareClaims, prepareClaim } from '../src/shared/memory/claim-match';
import { allTerms } from '../src/shared/memory/tokens';
import type { Article, Claim } from '../src/shared/model';
import { scorePairs, type LabelledPair } from '../tests/unit/memory/pair-metrics';
import { CHECKERS, Random, syntheticArticles } from './memory-library';

const ARTICLES = Number(process.argv[2] ?? 10_000);
const CLAIMS = 60;
const QUERIES = 300;
const SEEN = 300;
const SAVES = 200;

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : n < 100 ? 1 : 0)} ms`;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const q = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const sortNum = (xs: number[]) => xs.slice().sort((a, b) => a - b);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function line(label: string, value: string, goal = '', scan = '') {
  console.log(`${label.padEnd(34)} ${value.padEnd(26)} ${goal.padEnd(22)} ${scan}`);
}

console.log(`Claim memory: ${ARTICLES.toLocaleString('en-US')} articles × ${CLAIMS} claims; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${'2 cores'})`);

// ---- the library ---------------------------------------------------------------------

const dir = await mkdtemp(join(tmpdir(), 'factdesk-bench-memory-'));
await mkdir(join(dir, 'articles'));
let claimTextBytes = 0;
let indexedTextBytes = 0;
let articleBytes = 0;
const sample: Article[] = [];
const entries = new Map<string, IndexEntry>();
{
  const started = performance.now();
  let batch: Promise<void>[] = [];
  for (const article of syntheticArticles({ articles: ARTICLES, claimsPerArticle: CLAIMS })) {
    for (const c of article.claims) {
      claimTextBytes += Buffer.byteLength(c.text);
      indexedTextBytes += Buffer.byteLength(c.text) + Buffer.byteLength(c.verdict.note) + Buffer.byteLength(c.verdict.correction);
      for (const id of c.verdict.sourceIds) {
        const s = article.sources.find((x) => x.id === id)!;
        indexedTextBytes += Buffer.byteLength(s.title) + Buffer.byteLength(s.url);
      }
    }
    if (sample.length < 400 && Number.parseInt(article.id.slice(3), 36) % Math.max(1, Math.floor(ARTICLES / 400)) === 0) sample.push(article);
    const text = JSON.stringify({ schemaVersion: SCHEMA_VERSION, article });
    articleBytes += Buffer.byteLength(text);
    const path = join(dir, 'articles', `${article.id}.json`);
    const summary = summarize(article);
    batch.push(writeFile(path, text).then(async () => void entries.set(`${article.id}.json`, { ...identityOf(await stat(path)), summary })));
    if (batch.length >= 64) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  // The library list's own index, as a first open would leave it: the bench times the memory, not the store.
  await writeSummaryIndex(dir, entries);
  console.log(`Synthetic library written in ${((performance.now() - started) / 1000).toFixed(1)} s: article files ${mb(articleBytes)}, claims' text ${mb(claimTextBytes)}, all indexed text (claims, notes, corrections, cited sources) ${mb(indexedTextBytes)}`);
}

// ---- plain scans of every article file --------------------------------------------------

async function scanFiles(visit: (article: Article) => void): Promise<number> {
  const started = performance.now();
  const ids = [...entries.keys()];
  for (let i = 0; i < ids.length; i += 32) {
    const texts = await Promise.all(ids.slice(i, i + 32).map((name) => readFile(join(dir, 'articles', name), 'utf8')));
    for (const text of texts) visit((JSON.parse(text) as { article: Article }).article);
  }
  return performance.now() - started;
}

/** Reads every article and keeps the claims holding every word, as a search without the index must. */
function scanSearch(words: string[]): Promise<number> {
  const found: Claim[] = [];
  return scanFiles((article) => {
    for (const c of article.claims) {
      const terms = new Set(allTerms(`${c.text} ${c.verdict.note} ${c.verdict.correction}`));
      if (words.every((w) => terms.has(w))) found.push(c);
    }
  });
}

function scanSeenBefore(text: string): Promise<number> {
  const draft = prepareClaim(text);
  return scanFiles((article) => {
    for (const c of article.claims) compareClaims(prepareClaim(c.text), draft);
  });
}

// ---- full build ------------------------------------------------------------------------

let backend: Backend = createBackend(await Store.open(dir));
const delay = monitorEventLoopDelay({ resolution: 5 });
const progress: string[] = [];
let buildMs = 0;
{
  delay.enable();
  const started = performance.now();
  let last = -1;
  for (;;) {
    const { memory } = await backend.api['memory:status']({});
    if (memory.state === 'ready' || memory.state === 'failed') break;
    const tenth = memory.total ? Math.floor((10 * memory.done) / memory.total) : 0;
    if (tenth !== last) {
      progress.push(`${memory.state} ${memory.done}/${memory.total} at ${((performance.now() - started) / 1000).toFixed(1)} s`);
      last = tenth;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  buildMs = performance.now() - started;
  delay.disable();
}
const buildWait = { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 };
const writeStarted = performance.now();
await backend.memory.idle();
const writeMs = performance.now() - writeStarted;
const indexBytes = (await stat(join(dir, MEMORY_FILE))).size;
const heap = process.memoryUsage().heapUsed;
const readAllMs = await scanFiles(() => undefined);

// ---- a start from the index file ---------------------------------------------------------

// The app starting again: a new backend reads the index file (the built one is let go).
let loadMs = 0;
{
  await backend.store.flush();
  backend = createBackend(await Store.open(dir));
  const started = performance.now();
  await backend.memory.ready();
  loadMs = performance.now() - started;
}

// ---- search ---------------------------------------------------------------------------

const r = new Random(7);
const vocabulary = sample.flatMap((a) => a.claims.flatMap((c) => [c.text, c.verdict.note])).filter(Boolean);
function searchBoxQuery(): { query: string; statuses?: ('verified' | 'disputed')[]; checker?: string } {
  const words = r.pick(vocabulary).split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w.length > 2);
  const start = r.int(Math.max(1, words.length - 2));
  const kind = r.int(10);
  if (kind < 4) return { query: words.slice(start, start + 2).join(' ') }; // two words
  if (kind < 6) return { query: words.slice(start, start + 3).join(' ') }; // three words
  if (kind < 7) return { query: words[start]!.slice(0, 4) }; // typing: a prefix
  if (kind < 8) return { query: `"${words.slice(start, start + 2).join(' ')}"` }; // a phrase
  if (kind < 9) return { query: words[start]!, statuses: ['disputed'] };
  return { query: words.slice(start, start + 2).join(' '), checker: r.pick(CHECKERS) };
}
const queries = Array.from({ length: QUERIES }, searchBoxQuery);
const searchTimes: number[] = [];
const slowest: { ms: number; query: string }[] = [];
let hitsTotal = 0;
for (const query of queries) {
  const started = performance.now();
  const answer = await backend.api['search:query'](query);
  const took = performance.now() - started;
  searchTimes.push(took);
  slowest.push({ ms: took, query: `${JSON.stringify(query)} → ${answer.total} claims` });
  hitsTotal += answer.total;
}
slowest.sort((a, b) => b.ms - a.ms);
const searchSorted = sortNum(searchTimes);
const scanQuery = queries.find((x) => x.query.split(' ').length === 2 && !x.query.startsWith('"'))!;
const scanSearchMs = await scanSearch(scanQuery.query.split(' ').flatMap((w) => allTerms(w)));

// ---- seen before -----------------------------------------------------------------------

const seenTimes: number[] = [];
let withMatches = 0;
let withSame = 0;
let withDifference = 0;
for (let i = 0; i < SEEN; i++) {
  // The review desk: an article is open, the checker moves from claim to claim.
  const article = sample[Math.floor(i / 10) % sample.length]!;
  const claim = article.claims[(i * 7) % article.claims.length]!;
  if (i % 10 === 0) await backend.api['articles:get']({ id: article.id }); // the desk opens the article first
  const started = performance.now();
  const answer = await backend.api['claims:seenBefore']({ articleId: article.id, claimId: claim.id });
  seenTimes.push(performance.now() - started);
  if (answer.matches.length > 0) withMatches++;
  if (answer.matches[0]?.level === 'same') withSame++;
  if (answer.matches.some((m) => m.differences.length > 0)) withDifference++;
}
const seenSorted = sortNum(seenTimes);
const scanSeenMs = await scanSeenBefore(sample[0]!.claims[5]!.text);

// ---- saves -----------------------------------------------------------------------------

async function timeSaves(target: Backend, articles: Article[], label: string): Promise<{ save: number[]; update: number[] }> {
  const save: number[] = [];
  const update: number[] = [];
  for (let n = 0; n < SAVES; n++) {
    const article = articles[n % articles.length]!;
    const claim = article.claims[n % article.claims.length]!;
    const started = performance.now();
    await target.api['claims:mark']({ articleId: article.id, claimId: claim.id, checker: 'Bench', patch: { note: `${label} check ${n}: confirmed with the registry.` } });
    const saved = performance.now();
    save.push(saved - started);
    await target.memory.ready(); // the re-index the save set off, after its answer
    update.push(performance.now() - saved);
  }
  return { save, update };
}
const withMemory = await timeSaves(backend, sample.slice(0, 20), 'memory');
const plainBackend = createBackend(await Store.open(dir)); // its memory never started
const withoutMemory = await timeSaves(plainBackend, sample.slice(20, 40), 'plain');
const updateSorted = sortNum(withMemory.update);
const saveOn = sortNum(withMemory.save);
const saveOff = sortNum(withoutMemory.save);
await backend.memory.idle();

// ---- quality ---------------------------------------------------------------------------

const { pairs } = JSON.parse(await readFile(join(import.meta.dirname, '../tests/fixtures/memory/pairs.json'), 'utf8')) as { pairs: LabelledPair[] };
const quality = scorePairs(pairs);

// ---- report ----------------------------------------------------------------------------

console.log(`\n${'figure'.padEnd(34)} ${'claim memory'.padEnd(26)} ${'goal'.padEnd(22)} plain scan of every article file`);
line('full build (from article files)', `${(buildMs / 1000).toFixed(1)} s`, `≤ 15 s: ${verdict(buildMs <= 15_000)}`, `reading them alone: ${(readAllMs / 1000).toFixed(1)} s`);
line('  event loop blocked, p99 / max', `${ms(buildWait.p99)} / ${ms(buildWait.max)}`, 'never blocks the UI', 'a scan runs on the main thread');
line('  index file written after', `${(writeMs / 1000).toFixed(1)} s (in the background)`);
line('start from the index file', `${(loadMs / 1000).toFixed(1)} s`, '', `${(readAllMs / 1000).toFixed(1)} s`);
const ratio = indexBytes / claimTextBytes;
line('index on disk', `${mb(indexBytes)} = ${ratio.toFixed(2)}× claims' text`, `≤ 1.5×: ${verdict(ratio <= 1.5)}`, `no index; files ${mb(articleBytes)}`);
line('', `= ${(indexBytes / indexedTextBytes).toFixed(2)}× all indexed text`);
line('query, p50 / p95', `${ms(q(searchSorted, 0.5))} / ${ms(q(searchSorted, 0.95))}`, `p95 ≤ 50 ms: ${verdict(q(searchSorted, 0.95) <= 50)}`, `${ms(scanSearchMs)} (“${scanQuery.query}”)`);
line('seen before, p50 / p95', `${ms(q(seenSorted, 0.5))} / ${ms(q(seenSorted, 0.95))}`, `p95 ≤ 30 ms: ${verdict(q(seenSorted, 0.95) <= 30)}`, ms(scanSeenMs));
line('index update after a save, p50/p95', `${ms(q(updateSorted, 0.5))} / ${ms(q(updateSorted, 0.95))}`, `≤ 5 ms: ${verdict(q(updateSorted, 0.95) <= 5)}`, 'none (nothing to update)');
line('save, memory on: p50 / p95', `${ms(q(saveOn, 0.5))} / ${ms(q(saveOn, 0.95))}`, 'must not grow', `memory off: ${ms(q(saveOff, 0.5))} / ${ms(q(saveOff, 0.95))}`);
console.log(`\nProgress while building: ${progress.join('; ')}`);
console.log(`Slowest queries: ${slowest.slice(0, 3).map((x) => `${ms(x.ms)} ${x.query}`).join('; ')}`);
console.log(`Heap after the build: ${mb(heap)}. Queries matched ${hitsTotal.toLocaleString('en-US')} claims in all (${QUERIES} queries).`);
console.log(`Seen before on ${SEEN} claims: ${withMatches} had matches, ${withSame} a "same claim", ${withDifference} a difference called out.`);
const pr = (x: { precision: number; recall: number; predicted: number }) => `precision ${x.precision.toFixed(3)}, recall ${x.recall.toFixed(3)} (${x.predicted} predicted)`;
console.log(`\nLabelled pairs (${pairs.length}, tests/fixtures/memory/pairs.json):`);
console.log(`  "same claim":          ${pr(quality.same)}   goal: precision ≥ 0.95 — ${verdict(quality.same.precision >= 0.95)}`);
console.log(`  "possibly" or "same":  ${pr(quality.possibly)}`);
for (const [kind, row] of Object.entries(quality.byKind)) console.log(`  ${kind.padEnd(16)} same ${row.same}, possibly ${row.possibly}, none ${row.none}`);
console.log(`  changed figure or name called out in ${quality.calledOut.shown} of ${quality.calledOut.of} matched pairs that have one`);
console.log(`\nLoad average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

await plainBackend.store.flush();
await backend.memory.idle();
await backend.store.flush();
await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
