// Facts and the rest of the desk, end to end in the browser shell: Ctrl/⌘+Z takes back a
// fact's verdict (not the claim change before it) and Shift+Ctrl/⌘+Z does it again; a
// removed fact comes back with its verdict; a split gives each checked fact to the part
// that holds its words, a merge keeps them all, and undoing both puts them back, down
// to the first fact verdict. Each undo names the fact and its claim in the notice.
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startShell, type Shell } from './support/shell';
import { pasteArticleAs } from './support/paste-article';
import { chip, chips, notice, panel } from './support/desk-page';
import { FACT_ARTICLE as ARTICLE, FACT_ARTICLE_CLAIMS as TOTAL } from './support/fact-article';

test.use({ viewport: { width: 1280, height: 720 } });

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const claimStatus = (page: Page, name: string) => panel(page).getByRole('button', { name, exact: true });

test('fact changes undo and redo like any change, and fact verdicts survive a split and a merge and their undo', async ({ page }) => {
  test.setTimeout(90_000);
  shell = await startShell(newDataDir());
  const kb = page.keyboard;
  await page.goto(shell.url);
  await pasteArticleAs(page, 'Ana Ruiz', ARTICLE, TOTAL);

  // A claim-level change first: Ctrl+Z after a fact change must not take this one back.
  await kb.press('j');
  await expect(panel(page)).toHaveAccessibleName(`Claim 2 of ${TOTAL}`);
  await kb.press('v');
  await expect(claimStatus(page, 'Verified')).toHaveAttribute('aria-pressed', 'true');

  // Tab to the first fact, V marks it; Ctrl+Z takes back the fact's verdict only, Shift+Ctrl+Z redoes it.
  await kb.press('Tab');
  await expect(chip(page, 1)).toBeFocused();
  await kb.press('v');
  await expect(chip(page, 1)).toHaveAccessibleName('Fact 1: 5-2, verified');
  await kb.press('Control+z');
  await expect(notice(page)).toHaveText('Undone: fact “5-2” of claim 2 back to unchecked.');
  await expect(chip(page, 1)).toHaveAccessibleName('Fact 1: 5-2, unchecked');
  await expect(chip(page, 1)).toBeFocused(); // the fact undone has the focus, so V marks it again
  await expect(claimStatus(page, 'Verified')).toHaveAttribute('aria-pressed', 'true');
  await kb.press('Control+Shift+Z');
  await expect(notice(page)).toHaveText('Redone: fact “5-2” of claim 2 marked verified.');
  await expect(chip(page, 1)).toHaveAccessibleName('Fact 1: 5-2, verified');

  // The fourth fact verified, then removed: Ctrl+Z brings it back with its verdict.
  await chip(page, 1).focus();
  await kb.press(']');
  await kb.press(']');
  await kb.press(']');
  await expect(chip(page, 4)).toBeFocused();
  await kb.press('v');
  await expect(chip(page, 4)).toHaveAccessibleName('Fact 4: Mayor Celia Brandt, verified');
  await kb.press('Delete');
  await expect(chips(page)).toHaveCount(3);
  await kb.press('Control+z');
  await expect(notice(page)).toHaveText('Undone: fact “Mayor Celia Brandt” of claim 2 removed.');
  await expect(chip(page, 4)).toHaveAccessibleName('Fact 4: Mayor Celia Brandt, verified');
  await expect(chip(page, 4)).toBeFocused();
  await expect(chips(page)).toHaveText(['✓ 5-2', '○ Wednesday', '○ $38 million', '✓ Mayor Celia Brandt']);

  // B: split before “Mayor” (M jumps to “million”, M again to “Mayor”); each checked fact goes with its words.
  await kb.press('b');
  const picker = page.getByRole('dialog', { name: 'Split the claim' });
  const words = picker.getByRole('listbox', { name: 'Split before the word' });
  await expect(words).toBeFocused();
  await kb.press('m');
  await expect(words.getByRole('option', { selected: true })).toHaveText('million');
  await kb.press('m');
  await expect(words.getByRole('option', { selected: true })).toHaveText('Mayor');
  await kb.press('Enter');
  await expect(notice(page)).toHaveText('Claim 2 split in two: claims 2 and 3. Ctrl+Z undoes it.');
  await expect(panel(page)).toHaveAccessibleName(`Claim 2 of ${TOTAL + 1}`);
  await expect(chip(page, 1)).toHaveAccessibleName('Fact 1: 5-2, verified');
  await expect(chips(page)).not.toContainText(['Mayor Celia Brandt']);
  await kb.press('j');
  await expect(panel(page)).toHaveAccessibleName(`Claim 3 of ${TOTAL + 1}`);
  await expect(chips(page)).toHaveText(['✓ Mayor Celia Brandt']);

  // Shift+M: merged back with the previous claim, every fact verdict still on its fact.
  await kb.press('Shift+M');
  await expect(notice(page)).toHaveText('Claims 2 and 3 merged into claim 2. Ctrl+Z undoes it.');
  await expect(panel(page)).toHaveAccessibleName(`Claim 2 of ${TOTAL}`);
  await expect(chips(page)).toHaveText(['✓ 5-2', '○ Wednesday', '○ $38 million', '✓ Mayor Celia Brandt']);

  // Undo the merge, then the split: the facts are where they were at each step.
  await kb.press('Control+z');
  await expect(notice(page)).toHaveText('Undone: claims 2 and 3 merged.');
  await expect(panel(page)).toHaveAccessibleName(`Claim 2 of ${TOTAL + 1}`);
  await expect(chip(page, 1)).toHaveAccessibleName('Fact 1: 5-2, verified');
  await kb.press('Control+z');
  await expect(notice(page)).toHaveText('Undone: claim 2 split in two.');
  await expect(panel(page)).toHaveAccessibleName(`Claim 2 of ${TOTAL}`);
  await expect(chips(page)).toHaveText(['✓ 5-2', '○ Wednesday', '○ $38 million', '✓ Mayor Celia Brandt']);

  // Further back: the fourth fact's verdict, then the first's; the claim's own verdict is untouched until then.
  await kb.press('Control+z');
  await expect(notice(page)).toHaveText('Undone: fact “Mayor Celia Brandt” of claim 2 back to unchecked.');
  await kb.press('Control+z');
  await expect(notice(page)).toHaveText('Undone: fact “5-2” of claim 2 back to unchecked.');
  await expect(claimStatus(page, 'Verified')).toHaveAttribute('aria-pressed', 'true');
  await kb.press('Control+z');
  await expect(notice(page)).toHaveText('Undone: claim 2 back to unchecked.');
  await expect(chips(page)).toHaveText(['○ 5-2', '○ Wednesday', '○ $38 million', '○ Mayor Celia Brandt']);
});
