// The first steps of most journeys, from the keyboard: give the checker's name,
// then N, paste the article and Ctrl+Enter, landing on claim 1 of the review desk.
import { expect, type Page } from '@playwright/test';

export async function pasteArticleAs(page: Page, checker: string, text: string, claimCount: number): Promise<void> {
  await page.getByLabel('Checker’s name').fill(checker);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByLabel('Article text')).toBeFocused();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: `Claim 1 of ${claimCount}` })).toBeVisible();
}
