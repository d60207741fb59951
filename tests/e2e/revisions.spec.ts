// A revised draft in the UI: verdicts follow their claims, a changed claim is
// flagged with a word diff and its changed number called out, a vanished claim
// is kept as an orphan with its note, and confirming clears the flag. A draft can
// also come as a file, chosen or dropped: a bad one gets its sentence in the dialog.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT, newDataDir, startShell, type Shell } from './support/shell';
import { panel } from './support/desk-page';

const SAMPLE = readFileSync(join(REPO_ROOT, 'resources/sample-article.txt'), 'utf8');
const REVISED = SAMPLE.replace('voted 5-2 on Wednesday', 'voted 4-3 on Wednesday').replace(
  /Ms\. Brandt had hoped to break ground this spring\. Now that will have to wait\.\n/,
  '',
);

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

/** Finds a claim the way a checker would in a long list: search for its words, open it, clear the search. */
async function openClaim(page: Page, words: string) {
  await page.getByLabel('Search claims and notes').fill(words);
  await page.getByRole('list', { name: 'Claims' }).getByRole('button', { name: new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await page.getByLabel('Search claims and notes').fill('');
  await page.keyboard.press('Escape'); // leave the search field, so keys act on the claim
}

test('a revision keeps verdicts, flags the changed claim and keeps the vanished one as an orphan', async ({ page }, testInfo) => {
  expect(REVISED).not.toBe(SAMPLE);
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await page.getByLabel('Checker’s name').fill('Ana Ruiz');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Article text').fill(SAMPLE);
  await page.getByRole('button', { name: 'Split into claims' }).click();
  await expect(panel(page)).toBeVisible();

  await openClaim(page, 'The town council voted 5-2');
  await page.keyboard.press('v');
  await expect(panel(page).getByRole('button', { name: 'Verified', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await openClaim(page, 'Ms. Brandt had hoped');
  await panel(page).getByLabel(/^Note/).fill('Groundbreaking moved to the fall, per the mayor’s office.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('d');
  await expect(panel(page).getByRole('button', { name: 'Disputed', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'New revision…' }).click();
  await page.getByLabel('Edited article text').fill(REVISED);
  await page.getByRole('button', { name: 'Apply revision' }).click();
  await expect(page.getByRole('dialog', { name: 'New revision' }).getByRole('status')).toContainText('1 changed (1 flagged for review), 2 orphaned, 0 new');
  await page.getByRole('dialog', { name: 'New revision' }).getByRole('button', { name: 'Close' }).click();

  // The changed claim: flagged, with the diff and the number called out, verdict kept.
  await expect(page.getByText('1 changed since checked')).toBeVisible();
  await openClaim(page, 'The town council voted 4-3');
  const banner = panel(page).getByRole('region', { name: 'Changed since checked' });
  await expect(banner.locator('del')).toContainText('5-2');
  await expect(banner.locator('ins')).toContainText('4-3');
  await expect(banner.getByRole('list', { name: 'Facts that changed' })).toContainText('number 5-2 → 4-3');
  await expect(panel(page).getByRole('button', { name: 'Verified', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: testInfo.outputPath('changed-claim.png') });
  await testInfo.attach('changed-claim', { path: testInfo.outputPath('changed-claim.png'), contentType: 'image/png' });

  // The vanished claim is an orphan with its verdict and note.
  await page.getByRole('button', { name: 'Orphans (2)' }).click();
  const orphans = page.getByRole('dialog', { name: /Claims no longer in the article/ });
  await expect(orphans).toContainText('Ms. Brandt had hoped to break ground this spring.');
  await expect(orphans).toContainText('Now that will have to wait.');
  await expect(orphans).toContainText('Disputed');
  await expect(orphans).toContainText('Groundbreaking moved to the fall');
  await page.keyboard.press('Escape');

  // A new verdict clears the flag; undoing it puts the flag back, redoing clears it again.
  await openClaim(page, 'The town council voted 4-3');
  await page.keyboard.press('d');
  await panel(page).getByLabel(/^Note/).fill('Minutes say 4-3; the wording is right now.');
  await page.keyboard.press('Escape');
  await expect(panel(page).getByRole('region', { name: 'Changed since checked' })).toHaveCount(0);
  await expect(page.getByText('1 changed since checked')).toHaveCount(0);
  await page.keyboard.press('Control+z'); // status and note were one change
  await expect(panel(page).getByRole('button', { name: 'Verified', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page).getByRole('region', { name: 'Changed since checked' })).toBeVisible();
  await expect(page.getByText('1 changed since checked')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(panel(page).getByRole('button', { name: 'Disputed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page).getByRole('region', { name: 'Changed since checked' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(panel(page).getByRole('region', { name: 'Changed since checked' })).toBeVisible();

  // The library shows the article has changed claims, until they are confirmed.
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(page.getByRole('button', { name: /^Harbor Town Votes/ })).toContainText('1 changed since checked');
  await page.getByRole('button', { name: /^Harbor Town Votes/ }).click();
  await openClaim(page, 'The town council voted 4-3');
  await panel(page).getByRole('button', { name: 'The verdict still holds: confirm' }).click();
  await expect(panel(page).getByRole('region', { name: 'Changed since checked' })).toHaveCount(0);
  await expect(page.getByText('1 changed since checked')).toHaveCount(0);
  await panel(page).getByText(/^History/).click();
  await expect(panel(page).locator('.history li').last()).toContainText('Ana Ruiz: confirm');
});

test('a revision from a file: a dropped bad file gets its sentence in the dialog, a chosen one is applied and its changed claim flagged', async ({ page }, testInfo) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await page.getByLabel('Checker’s name').fill('Ana Ruiz');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Article text').fill(SAMPLE);
  await page.getByRole('button', { name: 'Split into claims' }).click();
  await openClaim(page, 'The town council voted 5-2');
  await page.keyboard.press('v');
  await expect(panel(page).getByRole('button', { name: 'Verified', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'New revision…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New revision' });
  // A file dropped on the window while the dialog is open is applied; this one is refused.
  const drop = (type: 'dragenter' | 'drop') =>
    page.evaluate((type) => {
      const data = new DataTransfer();
      data.items.add(new File(['{\\rtf1 x}'], 'notes.rtf', { type: 'application/rtf' }));
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, type);
  await drop('dragenter');
  await expect(page.getByText('Drop the file to apply it as the new revision')).toBeVisible();
  await drop('drop');
  await expect(dialog.getByRole('alert')).toContainText('“notes.rtf” is a Rich Text file (.rtf)');
  await dialog.screenshot({ path: testInfo.outputPath('revise-file.png') });

  // The picker from the keyboard: Enter on “Choose file…”.
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose file…' }).press('Enter');
  await (await chooser).setFiles({ name: 'harbor-draft-2.txt', mimeType: 'text/plain', buffer: Buffer.from(REVISED) });
  await expect(dialog.getByRole('status')).toContainText('Revision 2 from “harbor-draft-2.txt”:');
  await expect(dialog.getByRole('status')).toContainText('1 changed (1 flagged for review), 2 orphaned, 0 new');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await dialog.screenshot({ path: testInfo.outputPath('revise-file-result.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await expect(page.getByText('1 changed since checked')).toBeVisible();
  await openClaim(page, 'The town council voted 4-3');
  const banner = panel(page).getByRole('region', { name: 'Changed since checked' });
  await expect(banner.getByRole('list', { name: 'Facts that changed' })).toContainText('number 5-2 → 4-3');
  await expect(panel(page).getByRole('button', { name: 'Verified', exact: true })).toHaveAttribute('aria-pressed', 'true');
});
