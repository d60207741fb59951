// The foundation's promise, end to end in a real Chromium through the browser
// shell: paste an article, mark three claims with notes, restart the server on
// the same data folder, and find all three verdicts again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT, newDataDir, startShell, type Shell } from './support/shell';

const SAMPLE = readFileSync(join(REPO_ROOT, 'resources/sample-article.txt'), 'utf8');

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

function panel(page: Page) {
  return page.getByRole('region', { name: /^Claim \d+ of \d+$/ });
}

async function pickClaim(page: Page, number: number) {
  await page.getByRole('list', { name: 'Claims' }).getByRole('button', { name: new RegExp(`^${number} (Unchecked|Verified|Disputed|Sourced) `) }).click();
  await expect(panel(page)).toHaveAccessibleName(new RegExp(`^Claim ${number} of`));
}

test('paste an article, mark three claims, restart, and find the verdicts', async ({ page }, testInfo) => {
  const dataDir = newDataDir();
  shell = await startShell(dataDir);
  await page.goto(shell.url);

  // First launch asks who is checking.
  await page.getByLabel('Checker’s name').fill('Ana Ruiz');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: /Checker: Ana Ruiz/ })).toBeVisible();

  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Article text').fill(SAMPLE);
  await page.getByRole('button', { name: 'Split into claims' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Seawall');
  await testInfo.attach('article-view', { body: await page.screenshot(), contentType: 'image/png' });

  // Claim 2: verified, with a note.
  await pickClaim(page, 2);
  await panel(page).getByLabel('Note').fill('Matches the council minutes.');
  await panel(page).getByRole('button', { name: 'Verified', exact: true }).click();
  await expect(panel(page).getByText(/Saved · last changed by Ana Ruiz/)).toBeVisible();

  // Claim 4: disputed asks for a note first, then saves with it and a correction.
  await pickClaim(page, 4);
  await panel(page).getByRole('button', { name: 'Disputed', exact: true }).click();
  await expect(panel(page).getByRole('status')).toHaveText(/needs a note/);
  await panel(page).getByLabel('Note').fill('The vote was 4-3, not 5-2.');
  await panel(page).getByLabel('Suggested correction').fill('The town council voted 4-3');
  await panel(page).getByLabel('Suggested correction').blur();
  await expect(panel(page).getByRole('button', { name: 'Disputed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page).getByText(/Saved · last changed by/)).toBeVisible();

  // Claim 5: sourced needs a source, added on the spot.
  await pickClaim(page, 5);
  await panel(page).getByLabel('Note').fill('Figure from the engineering contract.');
  await panel(page).getByRole('button', { name: 'Sourced', exact: true }).click();
  await expect(panel(page).getByRole('status')).toHaveText(/needs at least one cited source/);
  await panel(page).getByLabel('Title').fill('Aldous & Marsh contract, exhibit B');
  await panel(page).getByLabel('URL').fill('https://example.org/contract.pdf');
  await panel(page).getByRole('button', { name: 'Add and cite' }).click();
  await expect(panel(page).getByRole('checkbox', { name: /Aldous & Marsh contract/ })).toBeChecked();
  await expect(panel(page).getByText(/Saved · last changed by/)).toBeVisible();

  // Restart the server on the same data folder.
  await shell.stop();
  shell = await startShell(dataDir);
  await page.goto(shell.url);
  const row = page.getByRole('button', { name: /^Harbor Town Votes/ });
  await expect(row).toContainText('3 of');
  await expect(row).toContainText('1 disputed');
  await row.click();

  await pickClaim(page, 2);
  await expect(panel(page).getByRole('button', { name: 'Verified', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page).getByLabel('Note')).toHaveValue('Matches the council minutes.');
  await pickClaim(page, 4);
  await expect(panel(page).getByRole('button', { name: 'Disputed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page).getByLabel('Note')).toHaveValue('The vote was 4-3, not 5-2.');
  await expect(panel(page).getByLabel('Suggested correction')).toHaveValue('The town council voted 4-3');
  await pickClaim(page, 5);
  await expect(panel(page).getByRole('button', { name: 'Sourced', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page).getByRole('checkbox', { name: /Aldous & Marsh contract/ })).toBeChecked();
  await panel(page).getByText(/History/).click();
  await expect(panel(page).getByText(/Ana Ruiz: status unchecked → sourced/)).toBeVisible();
  await testInfo.attach('after-restart', { body: await page.screenshot(), contentType: 'image/png' });
});

test('a page without the launch token is refused', async ({ page }) => {
  shell = await startShell(newDataDir());
  const bare = shell.url.replace(/\?token=.*/, '');
  const response = await page.goto(bare);
  expect(response?.status()).toBe(403);
});
