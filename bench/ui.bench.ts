// The review desk in Chromium through the browser shell, on a 5,000-claim
// article: opening it until the first claim is on screen, and marking-and-
// advancing 100 claims (V then J), time per step. Then the library with 10,000
// articles: from the shell's start page to the first row on screen, and a
// search, from its last key to the filtered list. Medians of several runs.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../src/backend/export/chromium';
import { openBackend } from '../src/backend/open-backend';
import { foldForSearch, searchWords } from '../src/renderer/src/features/library/library-filter';
import { startHttpServer } from '../src/server/http-server';
import { extractClaims, normalizeText } from '../src/shared/extract';
import { SCHEMA_VERSION } from '../src/shared/migrations';
import { UNCHECKED, type Article } from '../src/shared/model';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 3;
const STEPS = 100;
const LIBRARY_SIZE = 10_000;

async function bigArticleText(): Promise<string> {
  const dir = join(ROOT, 'tests/fixtures/articles');
  const texts = await Promise.all((await readdir(dir)).filter((n) => n.endsWith('.txt')).map((n) => readFile(join(dir, n), 'utf8')));
  const body = texts.join('\n');
  let text = '';
  while (text.length < 460_000) text += `${body}\n`; // about 5,000 claims
  return text;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
  console.error('The interface is not built: run “npm run build” first.');
  process.exit(1);
}
const dataDir = await mkdtemp(join(tmpdir(), 'factdesk-bench-ui-'));
// Only a backend that holds the folder's lock may write to it.
const backend = await openBackend(dataDir, { lockAs: 'bench' });
await backend.api['preferences:set']({ preferences: { checker: 'Bench' } });
const { article } = await backend.api['articles:create']({ text: await bigArticleText(), meta: { title: 'Bench' } });
const server = await startHttpServer({ backend, staticDir: join(ROOT, 'out/renderer') });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });

const opens: number[] = [];
const steps: number[] = [];
let library: Awaited<ReturnType<typeof benchLibrary>> | undefined;
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Library' }).waitFor();
    const started = performance.now();
    await page.getByRole('button', { name: /^Bench/ }).click();
    await page.getByRole('region', { name: `Claim 1 of ${article.claims.length}` }).waitFor();
    opens.push(performance.now() - started);
    const panel = page.getByRole('region', { name: /^Claim \d+ of \d+$/ });
    for (let i = 0; i < STEPS; i++) {
      const t = performance.now();
      await page.keyboard.press('v');
      await panel.getByRole('button', { name: 'Verified', exact: true }).and(page.locator('[aria-pressed="true"]')).waitFor();
      await page.keyboard.press('j');
      await page.getByRole('region', { name: `Claim ${i + 2} of ${article.claims.length}` }).waitFor();
      steps.push(performance.now() - t);
    }
    await page.close();
  }
  library = await benchLibrary(browser);
} finally {
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}

console.log(`Review desk in Chromium, article of ${article.claims.length} claims (${RUNS} runs)`);
console.log(`  open the article to the first claim visible: median ${median(opens).toFixed(0)} ms`);
console.log(`  mark verified and advance (V, J), per step:  median ${median(steps).toFixed(1)} ms, p90 ${[...steps].sort((a, b) => a - b)[Math.floor(steps.length * 0.9)]!.toFixed(1)} ms`);
console.log(`Library in Chromium, ${LIBRARY_SIZE.toLocaleString('en-US')} articles (${RUNS} runs)`);
console.log(`  start page to the first row visible:         median ${median(library.opens).toFixed(0)} ms`);
for (const { query, shown, times } of library.searches) {
  console.log(`  search “${query}” (${shown.toLocaleString('en-US')} shown), last key to list: median ${median(times).toFixed(1)} ms`);
}

/**
 * A library of LIBRARY_SIZE articles written straight into a data folder, as
 * the store bench does, opened by the shell; each run loads the start page
 * afresh, then types each search (all but its last key at once) and clears it.
 */
async function benchLibrary(browser: Browser) {
  const TOPICS = ['Budget hearing', 'School board race', 'Bridge repairs', 'Water rates', 'Zoning appeal', 'Transit levy', 'Library hours'];
  const PLACES = ['Riverton', 'Oak Hollow', 'Millbrook', 'East Fenwick', 'Port Alder'];
  const PUBLICATIONS = ['The Ledger', 'Daily Courier', 'Weekly Post'];
  const TEXT = normalizeText('Harbor Town Votes to Raise Its Seawall\nBy Nadia Ferreira\nThe council voted 5-2 on Wednesday night. The $38 million plan calls for a concrete cap along 1.2 miles of shoreline.');
  const extracted = extractClaims(TEXT);
  const titles: string[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-bench-library-'));
  await mkdir(join(dir, 'articles'));
  await writeFile(join(dir, 'library.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION, preferences: { checker: 'Bench', theme: 'system' } }));
  for (let i = 0; i < LIBRARY_SIZE; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, LIBRARY_SIZE - i) }, (_, j) => {
        const n = i + j;
        const id = `a${String(n).padStart(7, '0')}`;
        const at = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
        const title = `${TOPICS[n % TOPICS.length]} in ${PLACES[n % PLACES.length]}, no. ${n}`;
        titles[n] = foldForSearch(`${title}\n${PUBLICATIONS[n % PUBLICATIONS.length]}`);
        const article: Article = {
          id, title, publication: PUBLICATIONS[n % PUBLICATIONS.length]!, sourceUrl: '', author: '', publishedAt: '', createdAt: at, updatedAt: at,
          text: TEXT, revisions: [{ id: `r${id}`, text: TEXT, createdAt: at }], sources: [], orphans: [], setAside: [],
          claims: extracted.map((c, k) => ({ ...c, id: `${id}c${k}`, verdict: UNCHECKED, history: [] })),
        };
        return writeFile(join(dir, 'articles', `${id}.json`), JSON.stringify({ schemaVersion: SCHEMA_VERSION, article }));
      }),
    );
  }
  const count = (query: string) => titles.filter((t) => searchWords(query).every((w) => t.includes(w))).length;
  // One article (by its place and number), and a seventh of the library.
  const needle = LIBRARY_SIZE / 2;
  const searches = [`${PLACES[needle % PLACES.length]} ${needle}`.toLowerCase(), 'budget'].map((query) => ({ query, shown: count(query), times: [] as number[] }));
  const total = LIBRARY_SIZE.toLocaleString('en-US');

  const backend = await openBackend(dir, { lockAs: 'bench' });
  const server = await startHttpServer({ backend, staticDir: join(ROOT, 'out/renderer') });
  const opens: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'en-US' });
      const started = performance.now();
      await page.goto(server.url);
      await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').first().waitFor();
      opens.push(performance.now() - started);
      const search = page.getByRole('searchbox', { name: 'Search titles and publications' });
      for (const s of searches) {
        await search.fill(s.query.slice(0, -1));
        await page.getByText(` of ${total} articles`).waitFor();
        const t = performance.now();
        await page.keyboard.press(s.query.at(-1)!);
        await page.getByText(`${s.shown.toLocaleString('en-US')} of ${total} articles`, { exact: true }).waitFor();
        await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').first().waitFor();
        s.times.push(performance.now() - t);
        await search.fill('');
        await page.getByText(`${total} articles`, { exact: true }).waitFor();
      }
      await page.close();
    }
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  return { opens, searches };
}
