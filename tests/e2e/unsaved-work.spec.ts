// Words typed into a note or a correction are saved even when the checker never
// leaves the field: the window is reloaded or closed mid-sentence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT, newDataDir, startShell, type Shell } from './support/shell';
import { panel } from './support/desk-page';

const SAMPLE = readFileSync(join(REPO_ROOT, 'resources/sample-article.txt'), 'utf8');

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});


async function openSample(page: Page): Promise<void> {
  await page.goto(shell!.url);
  await page.getByLabel('Checker’s name').fill('Ana Ruiz');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Article text').fill(SAMPLE);
  await page.keyboard.press('Control+Enter');
  await expect(panel(page)).toHaveAccessibleName(/^Claim 1 of \d+$/);
}

test('a note and a correction typed but never left are saved when the page goes away', async ({ page, context }) => {
  shell = await startShell(newDataDir());
  await openSample(page);
  const articleUrl = page.url();

  await panel(page).getByLabel('Note').click();
  await page.keyboard.insertText('Minutes of the March 12 meeting say 4-3');
  await expect(panel(page).getByLabel('Note')).toBeFocused();
  await page.reload(); // no blur, no Esc: the page just goes away

  await expect(panel(page)).toHaveAccessibleName(/^Claim 1 of \d+$/);
  await expect(panel(page).getByLabel('Note')).toHaveValue('Minutes of the March 12 meeting say 4-3');

  // Closing the tab (the desktop app's window closing) mid-correction.
  await page.keyboard.press('d');
  await expect(panel(page).getByRole('button', { name: /Disputed/ })).toHaveAttribute('aria-pressed', 'true');
  await panel(page).getByLabel('Suggested correction').click();
  await page.keyboard.insertText('The council voted 4-3');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(articleUrl);
  await expect(panel(again).getByLabel('Suggested correction')).toHaveValue('The council voted 4-3');
  await expect(panel(again).getByLabel('Note')).toHaveValue('Minutes of the March 12 meeting say 4-3');
});
