// The fact-check report end to end in a real Chromium through the browser
// shell: the HTML report exported over the shell's HTTP API renders with no
// console error, no script and no network request (a screenshot is kept), and
// the Export dialog downloads a CSV from the review desk, following the claims
// list's filter.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT, newDataDir, startShell, type Shell } from './support/shell';

const SAMPLE = readFileSync(join(REPO_ROOT, 'resources/sample-article.txt'), 'utf8');
const NASTY = 'Wrong: <script>alert(1)</script> <img src=x onerror=alert(2)> "quotes, commas"';

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

/** Calls the contract over the shell's HTTP API from the page (the session cookie carries the token). */
async function call<T = Record<string, unknown>>(page: Page, op: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ([op, input]) => {
      // Relative: the page lives under its launch's path, the only one its cookie is sent to.
      const response = await fetch(`api/${op}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      return response.json();
    },
    [op, input] as const,
  );
  if (!envelope.ok) throw new Error(`${op}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** The review desk for an article, under the page's own (session) path. */
function articleUrl(page: Page, id: string): string {
  return `${page.url().replace(/#.*$/, '')}#/article/${id}`;
}

interface SeededArticle {
  id: string;
  title: string;
  claims: { id: string }[];
}

/** A checked article: a disputed claim with a hostile note, a verified one and a sourced one. */
async function seed(page: Page, sourceUrl = 'https://news.example.com/2025/03/seawall'): Promise<SeededArticle> {
  await call(page, 'preferences:set', { preferences: { checker: 'Ana Ruiz' } });
  const { article } = await call<{ article: SeededArticle }>(page, 'articles:create', {
    text: SAMPLE,
    meta: { sourceUrl, publication: 'The Coastline Ledger', author: 'Nadia Ferreira', publishedAt: '2025-03-14' },
  });
  const { source } = await call<{ source: { id: string } }>(page, 'sources:add', {
    articleId: article.id,
    source: { kind: 'document', title: 'Council minutes, March 12', url: 'https://example.org/minutes.pdf', excerpt: 'Motion carried 4-3.' },
  });
  const mark = (i: number, patch: object) => call(page, 'claims:mark', { articleId: article.id, claimId: article.claims[i]!.id, patch });
  await mark(3, { status: 'disputed', note: NASTY, correction: 'The town council voted 4-3', sourceIds: [source.id] });
  await mark(4, { status: 'sourced', note: 'Figure from the engineering contract.', sourceIds: [source.id] });
  await mark(1, { status: 'verified', note: 'Matches the council minutes.', sourceIds: [source.id] });
  return article;
}

test('the HTML report renders in Chromium with no console error and no network request', async ({ page, context }, testInfo) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  const article = await seed(page);
  const exported = await call<{ fileName: string; content: string }>(page, 'reports:export', { articleId: article.id, format: 'html' });
  const file = testInfo.outputPath(exported.fileName);
  writeFileSync(file, exported.content);

  const report = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  report.on('request', (request) => requests.push(request.url()));
  report.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  report.on('pageerror', (error) => problems.push(error.message));
  report.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const url = pathToFileURL(file).href;
  await report.goto(url);
  await report.waitForLoadState('load');

  await expect(report.getByRole('heading', { level: 1 })).toContainText('Seawall');
  await expect(report.getByText('3 of', { exact: false }).first()).toBeVisible();
  await expect(report.locator('#disputed-4 .note')).toHaveText(NASTY);
  await expect(report.getByRole('img', { name: /Verdicts for \d+ claims: 1 disputed, 1 verified, 1 sourced/ })).toBeVisible();
  expect(await report.locator('script, img').count()).toBe(0);
  expect(requests).toEqual([url]);
  expect(problems).toEqual([]);

  // One main landmark holds it all, each claim is listed once, and axe finds nothing, in light and dark.
  await expect(report.getByRole('main')).toHaveCount(1);
  await expect(report.locator('body > :not(main)')).toHaveCount(0);
  await expect(report.locator('#claim-4')).toHaveText('4✕ Disputed See disputed claim 4 above');
  await expect(report.getByRole('heading', { name: /Still unchecked/ })).toHaveCount(0);
  await expect(report.locator('.progress')).toContainText(/\d+ still unchecked \(claims 1, 3, 6,/);
  for (const scheme of ['light', 'dark'] as const) {
    await report.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page: report }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    await testInfo.attach(`axe-report-${scheme}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
    expect(results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), scheme).toEqual([]);
  }
  await report.emulateMedia({ colorScheme: 'light' });

  const shot = await report.screenshot({ fullPage: true });
  await testInfo.attach('html-report', { body: shot, contentType: 'image/png' });
  mkdirSync(join(REPO_ROOT, 'test-results/e2e'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'test-results/e2e/report.png'), shot);
  await report.close();
});

test('Export from the review desk downloads a CSV, and a refusal shows in the dialog', async ({ page }, testInfo) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  const article = await seed(page, '');
  // A fresh load, so the app sees the checker's name set during seeding.
  await page.goto(articleUrl(page, article.id));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Seawall');

  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^HTML report/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Export report…' }).click();
  await dialog.getByRole('radio', { name: /^ClaimReview/ }).check();
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('ClaimReview needs the article’s published URL: add it to the article first.');

  await dialog.getByRole('radio', { name: /^CSV/ }).check();
  await dialog.getByRole('checkbox', { name: /Unchecked/ }).uncheck();
  await testInfo.attach('export-dialog', { body: await page.screenshot(), contentType: 'image/png' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  await expect(dialog).toBeHidden();
  expect(download.suggestedFilename()).toMatch(/seawall.*-claims\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('number,section,text,status,note,correction,sources,checker,last changed,labels,speaker,article title,article url,row,fact kind,assigned to,second read by');
  expect(lines).toHaveLength(4);
  expect(lines.map((l) => l.split(',')[0])).toEqual(['number', '2', '4', '5']);
  expect(csv).toContain('"Wrong: <script>alert(1)</script> <img src=x onerror=alert(2)> ""quotes, commas"""');
});

test('Export carries over the claims list’s filter, says so, and can export every claim instead', async ({ page }, testInfo) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  const article = await seed(page, '');
  // Body claims 7 and 8 verified, body claim 10 disputed; claim 2 (the dek) is verified by the seed.
  for (const i of [6, 7]) await call(page, 'claims:mark', { articleId: article.id, claimId: article.claims[i]!.id, patch: { status: 'verified' } });
  await call(page, 'claims:mark', { articleId: article.id, claimId: article.claims[9]!.id, patch: { status: 'disputed', note: 'She said 2070.' } });
  await page.goto(articleUrl(page, article.id));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Seawall');

  const filters = page.getByRole('search', { name: 'Filter claims' });
  await filters.getByRole('combobox', { name: 'Section' }).selectOption('body');
  await filters.getByRole('combobox', { name: 'Status' }).selectOption('verified');
  await expect(filters.getByText('2 of', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Export report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  const summary = dialog.locator('.filter-summary');
  await expect(summary).toHaveText(`Filter: Status: verified · Section: body (2 of ${article.claims.length} claims).Include every claim instead`);
  await expect(dialog.getByRole('checkbox', { name: /Verified/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /Disputed/ })).not.toBeChecked();
  await dialog.getByRole('radio', { name: /^CSV/ }).check();
  await page.screenshot({ path: testInfo.outputPath('export-filter.png') });
  await testInfo.attach('export-dialog-filtered', { path: testInfo.outputPath('export-filter.png'), contentType: 'image/png' });

  const rowsOf = async (click: () => Promise<void>) => {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trimEnd();
    return csv.split('\r\n').map((line) => line.split(',').slice(0, 2).join(' '));
  };
  expect(await rowsOf(() => dialog.getByRole('button', { name: 'Export' }).click())).toEqual(['number section', '7 body', '8 body']);
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Export report…' }).click();
  await dialog.getByRole('button', { name: 'Include every claim instead' }).click();
  await expect(summary).toHaveText(`Every claim: ${article.claims.length}.`);
  for (const box of await dialog.getByRole('checkbox').all()) await expect(box).toBeChecked();
  await dialog.getByRole('radio', { name: /^CSV/ }).check();
  const every = await rowsOf(() => dialog.getByRole('button', { name: 'Export' }).click());
  expect(every).toHaveLength(article.claims.length + 1);
  // The list keeps its own filter.
  await expect(filters.getByRole('combobox', { name: 'Section' })).toHaveValue('body');
});
