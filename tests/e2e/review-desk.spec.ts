// The review desk, as a checker uses it: a whole article reviewed from the
// keyboard alone, a bulk change and its undo, and the accessibility checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { extractClaims, normalizeText } from '../../src/shared/extract';
import { REPO_ROOT, newDataDir, startShell, type Shell } from './support/shell';
import { panel } from './support/desk-page';

const SAMPLE = readFileSync(join(REPO_ROOT, 'resources/sample-article.txt'), 'utf8');
const CLAIM_COUNT = extractClaims(normalizeText(SAMPLE)).length;

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});


async function expectNoSeriousA11yViolations(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function startWithArticle(page: Page): Promise<string> {
  const dataDir = newDataDir();
  shell = await startShell(dataDir);
  await page.goto(shell.url);
  await page.getByLabel('Checker’s name').fill('Ana Ruiz');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  return dataDir;
}

test('a checker reviews a whole article from the keyboard alone, and finds it all after a restart', async ({ page }, testInfo) => {
  const dataDir = await startWithArticle(page);
  const kb = page.keyboard;

  // New article from the keyboard: N, paste, Ctrl+Enter.
  await kb.press('n');
  await expect(page.getByLabel('Article text')).toBeFocused();
  await kb.insertText(SAMPLE);
  await kb.press('Control+Enter');
  await expect(panel(page)).toHaveAccessibleName(`Claim 1 of ${CLAIM_COUNT}`);

  // The ? sheet explains the keys.
  await kb.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Next unchecked claim');
  await kb.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Claim 1: verified (with the quiet warning: no source yet).
  await kb.press('v');
  await expect(panel(page).getByRole('button', { name: 'Verified', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page)).toContainText('Verified without a cited source');

  // Claim 2: disputed asks for the note; then a correction.
  await kb.press('j');
  await kb.press('d');
  await expect(panel(page).getByRole('status')).toContainText('needs a note');
  await expect(panel(page).getByLabel(/^Note/)).toBeFocused();
  await kb.type('The county budget puts it at $36 million.');
  await kb.press('Escape');
  await expect(panel(page).getByRole('button', { name: 'Disputed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page)).toContainText('Saved · last changed by Ana Ruiz');
  await kb.press('c');
  await expect(panel(page).getByLabel(/^Suggested correction/)).toBeFocused();
  await kb.type('The $36 million project');
  await kb.press('Escape');

  // Claim 3: sourced asks for a source; add it on the spot.
  await kb.press('j');
  await kb.press('s');
  await expect(panel(page).getByRole('status')).toContainText('at least one cited source');
  await expect(panel(page).getByLabel('Title')).toBeFocused();
  await kb.type('Interview with Nadia Ferreira');
  await kb.press('Tab');
  await kb.type('https://example.org/interview-notes');
  await kb.press('Enter');
  await expect(panel(page).getByRole('form', { name: 'Add a source' })).toHaveCount(0);
  await expect(panel(page).getByRole('button', { name: 'Sourced', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Claim 4: a second source, then verified; then unchecked and verified again (every status).
  await kb.press('j');
  await kb.press('a');
  await expect(panel(page).getByLabel('Title')).toBeFocused();
  await kb.type('Town council minutes');
  await kb.press('Enter');
  await expect(panel(page).getByRole('form', { name: 'Add a source' })).toHaveCount(0);
  await expect(panel(page).getByRole('checkbox', { name: /Town council minutes/ })).toBeChecked();
  await kb.press('v');
  await expect(panel(page).getByRole('button', { name: 'Verified', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await kb.press('u');
  await expect(panel(page).getByRole('button', { name: 'Unchecked', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await kb.press('v');
  await expect(panel(page).getByRole('button', { name: 'Verified', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page)).not.toContainText('Verified without a cited source');
  await screenshot(page, testInfo, 'review-mode');

  // The rest: Shift+J to the next unchecked claim, V, until the done summary.
  for (let i = 4; i < CLAIM_COUNT; i++) {
    await kb.press('Shift+J');
    await kb.press('v');
    await expect(panel(page).getByRole('button', { name: 'Verified', exact: true })).toHaveAttribute('aria-pressed', 'true');
  }
  const done = page.getByRole('dialog', { name: 'Every claim is checked' });
  await expect(done).toContainText(`All ${CLAIM_COUNT} claims have a verdict`);
  await expect(done).toContainText('1 disputed');
  await expect(done).toContainText('1 sourced');
  await screenshot(page, testInfo, 'done-summary');
  await kb.press('Escape');

  // The article typeset for reading, claims marked by status.
  await kb.press('r');
  await expect(page.getByRole('article', { name: 'Article text' })).toBeVisible();
  await screenshot(page, testInfo, 'article-view');
  await kb.press('r');

  // Restart the server on the same data folder: everything is still there.
  await shell!.stop();
  shell = await startShell(dataDir);
  await page.goto(shell.url);
  const row = page.getByRole('button', { name: /^Harbor Town Votes/ });
  await expect(row).toContainText(`${CLAIM_COUNT} of ${CLAIM_COUNT} checked · 1 disputed · 0 unchecked`);
  await screenshot(page, testInfo, 'library');
  await row.focus();
  await kb.press('Enter');
  await expect(panel(page)).toHaveAccessibleName(`Claim 1 of ${CLAIM_COUNT}`);
  await kb.press('j');
  await expect(panel(page).getByLabel(/^Note/)).toHaveValue('The county budget puts it at $36 million.');
  await expect(panel(page).getByLabel(/^Suggested correction/)).toHaveValue('The $36 million project');
  await kb.press('j');
  await expect(panel(page).getByRole('checkbox', { name: /Interview with Nadia Ferreira/ })).toBeChecked();
  await kb.press('j');
  await expect(panel(page).getByRole('checkbox', { name: /Town council minutes/ })).toBeChecked();
  await panel(page).getByText(/^History/).click();
  // One entry per change: source cited, verified, unchecked, verified again.
  await expect(panel(page).locator('.history li')).toHaveCount(4);
  await expect(panel(page).locator('.history li').nth(2)).toContainText('Ana Ruiz: status verified → unchecked');
});

test('bulk change sets several claims at once, and Ctrl+Z undoes it', async ({ page }, testInfo) => {
  await startWithArticle(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Article text').fill(SAMPLE);
  await page.getByRole('button', { name: 'Split into claims' }).click();
  await expect(panel(page)).toHaveAccessibleName(`Claim 1 of ${CLAIM_COUNT}`);

  // X selects the current claim; three claims selected.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('x');
    await page.keyboard.press('j');
  }
  const bulk = page.getByRole('region', { name: 'Change the selected claims' });
  await expect(bulk).toContainText('3 selected');
  await bulk.getByRole('button', { name: 'Mark verified' }).click();
  await expect(page.getByText(`3 verified`)).toBeVisible();
  await screenshot(page, testInfo, 'bulk-change');

  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone: 3 claims back to unchecked.')).toBeVisible();
  await expect(page.getByText(`${CLAIM_COUNT} unchecked`)).toBeVisible();
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByText('Redone: 3 claims marked verified.')).toBeVisible();
  await expect(page.getByText('3 verified')).toBeVisible();

  // Each claim's history records the bulk change, the undo and the redo.
  await page.getByRole('list', { name: 'Claims' }).getByRole('button', { name: /^1 Verified / }).click();
  await panel(page).getByText(/^History/).click();
  await expect(panel(page).locator('.history li')).toHaveCount(3);
});

test('the library, the article view and review mode have no serious accessibility violations', async ({ page }, testInfo) => {
  await startWithArticle(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Article text').fill(SAMPLE);
  await page.getByRole('button', { name: 'Split into claims' }).click();
  await expect(panel(page)).toBeVisible();
  await page.keyboard.press('v');
  await expectNoSeriousA11yViolations(page, testInfo, 'review-mode');

  await page.getByRole('button', { name: 'Read article' }).click();
  await expect(page.getByRole('article', { name: 'Article text' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, testInfo, 'article-view');

  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, testInfo, 'library');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, testInfo, 'library-dark');
  await screenshot(page, testInfo, 'library-dark');
});
