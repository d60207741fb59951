// The library on a busy desk: 2,000 articles written straight into the data
// folder (the app itself would take minutes to create them), then found by
// search and progress, opened, renamed and deleted from a list that only ever
// renders a screenful of rows.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { extractClaims, normalizeText } from '../../src/shared/extract';
import { SCHEMA_VERSION } from '../../src/shared/migrations';
import { UNCHECKED, type Article, type Claim } from '../../src/shared/model';
import { REPO_ROOT, newDataDir, startShell, type Shell } from './support/shell';

const COUNT = 2_000;
const TEXT = normalizeText(
  'Harbor Town Votes to Raise Its Seawall\nBy Nadia Ferreira\nThe council voted 5-2 on Wednesday night. The $38 million plan calls for a concrete cap along 1.2 miles of shoreline. "We are doing it for whoever is still here in 2080," said Mayor Celia Brandt.',
);
const TOPICS = ['Budget hearing', 'School board race', 'Bridge repairs', 'Water rates', 'Zoning appeal', 'Transit levy', 'Library hours'];
const PLACES = ['Riverton', 'Oak Hollow', 'Millbrook', 'East Fenwick', 'Port Alder'];
const PUBLICATIONS = ['The Ledger', 'Daily Courier', 'Weekly Post'];
/** In the middle of the list, so far from the first screen. */
const NEEDLE = { index: 1_000, title: 'Harbor Town Votes to Raise Its Seawall', publication: 'The Coastline Ledger' };

type Progress = 'not started' | 'in progress' | 'done' | 'done, changed';
const PROGRESS: Progress[] = ['not started', 'in progress', 'done', 'done, changed'];

interface Seeded {
  title: string;
  publication: string;
  progress: Progress;
}

/** Article `i` of the seeded library; a higher `i` is newer, so the list starts at the last one. */
function seeded(i: number): Seeded {
  const progress = PROGRESS[i % PROGRESS.length]!;
  if (i === NEEDLE.index) return { title: NEEDLE.title, publication: NEEDLE.publication, progress };
  return { title: `${TOPICS[i % TOPICS.length]} in ${PLACES[i % PLACES.length]}, no. ${i}`, publication: PUBLICATIONS[i % PUBLICATIONS.length]!, progress };
}
const ALL = Array.from({ length: COUNT }, (_, i) => seeded(i));
const NEWEST = ALL[COUNT - 1]!;

function articleFile(i: number): Article {
  const { title, publication, progress } = ALL[i]!;
  const id = `lib${String(i).padStart(5, '0')}`;
  const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  const revisionId = `${id}r0`;
  const claims: Claim[] = extractClaims(TEXT).map((c, n) => {
    const checked = progress.startsWith('done') || (progress === 'in progress' && n === 0);
    const verdict = checked ? { ...UNCHECKED, status: 'verified' as const, checker: 'Ana Ruiz', updatedAt: at } : UNCHECKED;
    const changed = progress === 'done, changed' && n === 0 ? { previousText: 'The council voted 4-3.', revisionId, at } : undefined;
    return { ...c, id: `${id}c${n}`, verdict, history: [], ...(changed && { changed }) };
  });
  return {
    id, title, publication, sourceUrl: '', author: '', publishedAt: '', createdAt: at, updatedAt: at,
    text: TEXT, revisions: [{ id: revisionId, text: TEXT, createdAt: at }], claims, setAside: [], orphans: [], sources: [],
  };
}

function seedLibrary(dataDir: string) {
  mkdirSync(join(dataDir, 'articles'), { recursive: true });
  writeFileSync(join(dataDir, 'library.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION, preferences: { checker: 'Ana Ruiz', theme: 'system' } }));
  for (let i = 0; i < COUNT; i++) {
    const article = articleFile(i);
    writeFileSync(join(dataDir, 'articles', `${article.id}.json`), JSON.stringify({ schemaVersion: SCHEMA_VERSION, article }));
  }
}

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  // 2,000 files a test: not left behind in the temp folder.
  if (shell) rmSync(shell.dataDir, { recursive: true, force: true });
  shell = undefined;
});
// “2,000”: the counts are formatted for the reader's locale.
test.use({ locale: 'en-US' });

async function openSeededLibrary(page: Page) {
  const dataDir = newDataDir();
  seedLibrary(dataDir);
  shell = await startShell(dataDir);
  await page.goto(shell.url);
  await expect(page.getByText('2,000 articles', { exact: true })).toBeVisible();
}

const rows = (page: Page) => page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
/** A row's Open button; its name goes on with the publication, so “no. 1” must not take “no. 10”. */
const row = (page: Page, title: string) => page.getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`) });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search titles and publications' });
const progress = (page: Page) => page.getByRole('combobox', { name: 'Progress' });
const count = (page: Page) => page.locator('.library-count');

test('2,000 articles: the first rows show at once, the DOM holds a screenful, and a search finds one to open', async ({ page }) => {
  await openSeededLibrary(page);

  // Newest first; the list says how long it is though it renders a few rows.
  await expect(rows(page).first()).toContainText(NEWEST.title);
  await expect(rows(page).first()).toHaveAttribute('aria-posinset', '1');
  await expect(rows(page).first()).toHaveAttribute('aria-setsize', String(COUNT));
  const rendered = await rows(page).count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(60);
  await expect(row(page, NEEDLE.title)).toHaveCount(0);

  // `/` focuses the search; every word must match, in any case, title or publication.
  await page.keyboard.press('/');
  await expect(search(page)).toBeFocused();
  await page.keyboard.type('seawall COASTLINE');
  await expect(count(page)).toHaveText('1 of 2,000 articles');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('aria-setsize', '1');
  await expect(row(page, NEEDLE.title)).toBeVisible();

  // Enter opens the first match.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: NEEDLE.title })).toBeVisible();

  // Back (Esc): the same search, and the focus on the article just left.
  await page.keyboard.press('Escape');
  await expect(search(page)).toHaveValue('seawall COASTLINE');
  await expect(row(page, NEEDLE.title)).toBeFocused();

  // A search by words from both fields, then a click opens the row.
  await search(page).fill('harbor  town   ledger');
  await expect(count(page)).toHaveText('1 of 2,000 articles');
  await row(page, NEEDLE.title).click();
  await expect(page.getByRole('heading', { level: 1, name: NEEDLE.title })).toBeVisible();
});

test('the progress filter narrows the list, “N of M” counts it, and an empty result says so', async ({ page }) => {
  await openSeededLibrary(page);
  const expected = (keep: (a: Seeded) => boolean) => ALL.filter(keep).length.toLocaleString('en-US');

  await progress(page).selectOption({ label: 'Done (1,000)' });
  await expect(count(page)).toHaveText(`${expected((a) => a.progress.startsWith('done'))} of 2,000 articles`);
  await expect(rows(page).first()).toContainText(NEWEST.title); // the newest is done, changed
  for (const text of await rows(page).allInnerTexts()) expect(text).toContain('· 0 unchecked');

  await progress(page).selectOption('not-started');
  await expect(count(page)).toHaveText(`${expected((a) => a.progress === 'not started')} of 2,000 articles`);
  for (const text of await rows(page).allInnerTexts()) expect(text).toMatch(/(^|\s)0 of \d+ checked/);

  await progress(page).selectOption('in-progress');
  await expect(count(page)).toHaveText(`${expected((a) => a.progress === 'in progress')} of 2,000 articles`);
  for (const text of await rows(page).allInnerTexts()) expect(text).toMatch(/(^|\s)1 of \d+ checked/);

  await progress(page).selectOption('changed');
  await expect(count(page)).toHaveText(`${expected((a) => a.progress === 'done, changed')} of 2,000 articles`);
  for (const text of await rows(page).allInnerTexts()) expect(text).toContain('1 changed since checked');

  // Search and filter together.
  await search(page).fill('courier');
  await expect(count(page)).toHaveText(`${expected((a) => a.progress === 'done, changed' && a.publication === 'Daily Courier')} of 2,000 articles`);
  await progress(page).selectOption('all');
  await expect(count(page)).toHaveText(`${expected((a) => a.publication === 'Daily Courier')} of 2,000 articles`);
  await search(page).fill('courier riverton 17');
  await expect(count(page)).toHaveText(`${expected((a) => a.publication === 'Daily Courier' && /Riverton, no\. \d*17/.test(a.title))} of 2,000 articles`);

  // Nothing found: said plainly, with the way back.
  await search(page).fill('no such story');
  await expect(count(page)).toHaveText('0 of 2,000 articles');
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText('No articles match “no such story”.')).toBeVisible();
  await search(page).fill('seawall');
  await progress(page).selectOption('done');
  await expect(page.getByText('No articles that are done match “seawall”.')).toBeVisible();
  await page.getByRole('button', { name: 'Show all articles' }).click();
  await expect(count(page)).toHaveText('2,000 articles');
  await expect(search(page)).toHaveValue('');
  await expect(search(page)).toBeFocused();
  await expect(progress(page)).toHaveValue('all');
});

test('every row is reachable from the keyboard, far past the first screen, and rename and delete still work', async ({ page }) => {
  await openSeededLibrary(page);
  const kb = page.keyboard;
  const open = (title: string) => row(page, title);

  // ↓ from the search goes into the list; Tab walks a row's actions, then the next row.
  await search(page).focus();
  await kb.press('ArrowDown');
  await expect(open(NEWEST.title)).toBeFocused();
  await kb.press('Tab');
  await expect(page.getByRole('button', { name: `Rename “${NEWEST.title}”` })).toBeFocused();
  await kb.press('Tab');
  await expect(page.getByRole('button', { name: `Delete “${NEWEST.title}”` })).toBeFocused();
  await kb.press('Tab');
  await expect(open(ALL[COUNT - 2]!.title)).toBeFocused();

  // ↓ forty times: well below the first screen, the focused row rendered and in view.
  for (let i = 0; i < 40; i++) await kb.press('ArrowDown');
  const fortySecond = open(ALL[COUNT - 42]!.title);
  await expect(fortySecond).toBeFocused();
  await expect(fortySecond).toBeInViewport();
  await expect(page.locator('li:has(:focus)')).toHaveAttribute('aria-posinset', '42');
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: ALL[COUNT - 42]!.title })).toBeVisible();
  await kb.press('Escape');
  await expect(fortySecond).toBeFocused();

  // Tab also walks down past the rendered rows.
  for (let i = 0; i < 3 * 30; i++) await kb.press('Tab');
  await expect(open(ALL[COUNT - 72]!.title)).toBeFocused();
  await expect(open(ALL[COUNT - 72]!.title)).toBeInViewport();

  // ↑ from the first row goes back to the search.
  await search(page).focus();
  await kb.press('ArrowDown');
  await expect(open(NEWEST.title)).toBeFocused();
  await expect(open(NEWEST.title)).toBeInViewport();
  await kb.press('ArrowUp');
  await expect(search(page)).toBeFocused();

  // Rename a row found by search, from the keyboard.
  await search(page).fill('seawall');
  await page.getByRole('button', { name: `Rename “${NEEDLE.title}”` }).click();
  await expect(page.getByLabel('New title')).toBeFocused();
  await page.getByLabel('New title').fill('Harbor Town Seawall Vote');
  await kb.press('Enter');
  await expect(open('Harbor Town Seawall Vote')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rename “Harbor Town Seawall Vote”' })).toBeFocused();

  // Delete it, and undo.
  await page.getByRole('button', { name: 'Delete “Harbor Town Seawall Vote”' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Harbor Town Seawall Vote”.' })).toBeVisible();
  await expect(count(page)).toHaveText('0 of 1,999 articles');
  // The deleted row had focus; Undo takes it, so Enter brings the article back.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await kb.press('Enter');
  await expect(count(page)).toHaveText('1 of 2,000 articles');
  await expect(open('Harbor Town Seawall Vote')).toBeVisible();

  // ? lists the library's keys.
  await open('Harbor Town Seawall Vote').focus();
  await kb.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Search titles and publications');
  await expect(sheet).toContainText('New article');
  await expect(sheet).not.toContainText('Mark verified');
  await kb.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(open('Harbor Town Seawall Vote')).toBeFocused();
});

async function expectNoA11yViolations(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  expect(results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('the library with a search active has no accessibility violations, in light and dark', async ({ page }, testInfo) => {
  await openSeededLibrary(page);
  await search(page).fill('courier');
  await progress(page).selectOption('in-progress');
  await expect(count(page)).toHaveText(/ of 2,000 articles$/);
  await page.getByRole('button', { name: /^Rename/ }).nth(1).focus();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoA11yViolations(page, testInfo, `library-search-${scheme}`);
    const path = testInfo.outputPath(`library-search-${scheme}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`library-search-${scheme}`, { path, contentType: 'image/png' });
  }

  await search(page).fill('no such story');
  await expect(page.getByText('No articles that are in progress match “no such story”.')).toBeVisible();
  await expectNoA11yViolations(page, testInfo, 'library-empty-result');
});

const PASTE = readFileSync(join(REPO_ROOT, 'resources/sample-article.txt'), 'utf8');

test('the same text pasted or imported again is added only when the checker says so, and the library marks the copy', async ({ page }, testInfo) => {
  const dataDir = newDataDir();
  writeFileSync(join(dataDir, 'library.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION, preferences: { checker: 'Ana Ruiz', theme: 'system' } }));
  shell = await startShell(dataDir);
  await page.goto(shell.url);
  const kb = page.keyboard;
  const toLibrary = () => page.evaluate(() => (window.location.hash = '#/'));
  const paste = async () => {
    await toLibrary();
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    await kb.press('n');
    await page.getByLabel('Article text').fill(PASTE);
    await kb.press('Control+Enter');
  };

  await paste();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('Seawall');
  const title = (await heading.textContent())!.trim();
  const firstUrl = page.url();

  // The same copy again: nothing is added; the form names the article and offers the two ways on.
  await paste();
  const notice = page.getByRole('group', { name: /^This looks like/ });
  await expect(notice.getByRole('alert')).toHaveText(new RegExp(`^This looks like “${title}”, added on .+; open it instead, or add a copy\\.$`));
  const openIt = notice.getByRole('button', { name: `Open “${title}”` });
  const addCopy = notice.getByRole('button', { name: 'Add a copy' });
  await expect(openIt).toBeFocused();
  await kb.press('Tab');
  await expect(addCopy).toBeFocused();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoA11yViolations(page, testInfo, `duplicate-notice-${scheme}`);
    const path = testInfo.outputPath(`duplicate-notice-${scheme}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`duplicate-notice-${scheme}`, { path, contentType: 'image/png' });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Open it instead: the article already there, and still one article in the library.
  await kb.press('Shift+Tab');
  await kb.press('Enter');
  await expect(heading).toHaveText(title);
  expect(page.url()).toBe(firstUrl);
  await toLibrary();
  await expect(rows(page)).toHaveCount(1);

  // Or add a copy, from the keyboard: a second article, which the library marks.
  await paste();
  await expect(openIt).toBeFocused();
  await kb.press('Tab');
  await kb.press('Enter');
  await expect(heading).toHaveText(title);
  expect(page.url()).not.toBe(firstUrl);
  await toLibrary();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText(/Looks like a copy of the one added .+/);
  await expect(rows(page).nth(1)).not.toContainText('Looks like a copy');
  await expectNoA11yViolations(page, testInfo, 'library-with-copy');
  await page.screenshot({ path: testInfo.outputPath('library-with-copy.png') });
  await testInfo.attach('library-with-copy', { path: testInfo.outputPath('library-with-copy.png'), contentType: 'image/png' });

  // The same text as a file: said in the preview, before Import; refused at Import with the same sentence, nothing added.
  await page.getByTestId('import-file-input').setInputFiles({ name: 'seawall.txt', mimeType: 'text/plain', buffer: Buffer.from(PASTE) });
  const form = page.getByRole('form', { name: 'Import “seawall.txt”' });
  await expect(form.getByRole('alert').first()).toContainText(`This looks like “${title}”, added on`);
  await expect(form.getByRole('button', { name: 'Import a copy' })).toBeVisible();
  await expectNoA11yViolations(page, testInfo, 'import-duplicate-preview');
  await page.screenshot({ path: testInfo.outputPath('import-duplicate-preview.png') });
  await form.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(form.getByRole('alert').first()).toContainText(`This looks like “${title}”, added on`);
  await page.screenshot({ path: testInfo.outputPath('import-duplicate.png') });
  await testInfo.attach('import-duplicate', { path: testInfo.outputPath('import-duplicate.png'), contentType: 'image/png' });
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows(page)).toHaveCount(2);
});
