// The review desk in Chromium through the browser shell, on a 5,000-claim
// article: opening it until the first claim is on screen, and marking-and-
// advancing 100 claims (V then J), time per step. Medians of several runs.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../src/backend/export/chromium';
import { openBackend } from '../src/backend/open-backend';
import { startHttpServer } from '../src/server/http-server';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 3;
const STEPS = 100;

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
const backend = await openBackend(dataDir);
await backend.api['preferences:set']({ preferences: { checker: 'Bench' } });
const { article } = await backend.api['articles:create']({ text: await bigArticleText(), meta: { title: 'Bench' } });
const server = await startHttpServer({ backend, staticDir: join(ROOT, 'out/renderer') });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });

const opens: number[] = [];
const steps: number[] = [];
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
} finally {
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}

console.log(`Review desk in Chromium, article of ${article.claims.length} claims (${RUNS} runs)`);
console.log(`  open the article to the first claim visible: median ${median(opens).toFixed(0)} ms`);
console.log(`  mark verified and advance (V, J), per step:  median ${median(steps).toFixed(1)} ms, p90 ${[...steps].sort((a, b) => a - b)[Math.floor(steps.length * 0.9)]!.toFixed(1)} ms`);
