// Facts inside a claim, end to end in the browser shell at 1280×720: three facts of one
// claim marked differently from the keyboard (verified; sourced on a cited source;
// disputed with a note), one removed and one added from chosen words; the claim verdict
// the facts suggest accepted with Y; the HTML report shows the facts under the claim;
// then a new draft changes a checked number and the fact is flagged, the others keep
// their verdicts. Screenshots of the claim with its facts; axe in light and dark.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { newDataDir, startShell, type Shell } from './support/shell';
import { pasteArticleAs } from './support/paste-article';
import { chip, chips, panel } from './support/desk-page';
import { FACT_ARTICLE as ARTICLE, FACT_ARTICLE_CLAIMS as TOTAL } from './support/fact-article';

test.use({ viewport: { width: 1280, height: 720 } });

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const card = (page: Page) => panel(page).getByRole('region', { name: /^Fact \d+ of \d+/ });
const summary = (page: Page) => panel(page).locator('.fact-summary');

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function axeBothThemes(page: Page, testInfo: TestInfo, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'aria-allowed-role');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `${name} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('three facts of one claim marked from the keyboard, the suggested verdict accepted, the report shows them, and a revision flags the changed number', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  shell = await startShell(newDataDir());
  const kb = page.keyboard;
  await page.goto(shell.url);
  await pasteArticleAs(page, 'Ana Ruiz', ARTICLE, TOTAL);

  // Claim 2 holds four facts; nothing is checked yet.
  await kb.press('j');
  await expect(panel(page)).toHaveAccessibleName(`Claim 2 of ${TOTAL}`);
  await expect(summary(page)).toHaveText('4 facts: 4 unchecked');
  await expect(chips(page)).toHaveText(['○ 5-2', '○ Wednesday', '○ $38 million', '○ Mayor Celia Brandt']);

  // A source for the article (A, on the claim), to cite on a fact.
  await kb.press('a');
  await expect(panel(page).getByLabel('Title')).toBeFocused();
  await kb.type('Council minutes');
  await kb.press('Enter');
  await expect(panel(page).getByRole('form', { name: 'Add a source' })).toHaveCount(0);
  await page.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // Tab: the first fact. V marks the fact, not the claim.
  await kb.press('Tab');
  await expect(chip(page, 1)).toBeFocused();
  await expect(card(page)).toHaveAccessibleName('Fact 1 of 4: 5-2');
  await kb.press('v');
  await expect(chip(page, 1)).toHaveAccessibleName('Fact 1: 5-2, verified');
  await expect(panel(page).getByRole('button', { name: 'Verified', exact: true })).toHaveAttribute('aria-pressed', 'false');

  // Tab again: the second fact, sourced on source 1 (1 cites it, S marks it).
  await kb.press('Tab');
  await expect(chip(page, 2)).toBeFocused();
  await kb.press('1');
  await expect(card(page).getByRole('checkbox', { name: /Council minutes/ })).toBeChecked();
  await kb.press('s');
  await expect(chip(page, 2)).toHaveAccessibleName('Fact 2: Wednesday, sourced');

  // ]: the third fact, disputed: D asks for its note; Esc leaves the note and saves it.
  await kb.press(']');
  await expect(chip(page, 3)).toBeFocused();
  await kb.press('d');
  const factNote = card(page).getByLabel(/^Fact note/);
  await expect(factNote).toBeFocused();
  await expect(card(page).getByRole('status')).toContainText('A disputed fact needs a note');
  await kb.type('The budget says $36 million.');
  await kb.press('Escape');
  await expect(chip(page, 3)).toHaveAccessibleName('Fact 3: $38 million, disputed');

  // The fourth is no fact to check here: Delete removes it (Tab and [ find it first).
  await kb.press(']');
  await kb.press('[');
  await kb.press(']');
  await expect(card(page)).toHaveAccessibleName('Fact 4 of 4: Mayor Celia Brandt');
  await kb.press('Delete');
  await expect(summary(page)).toHaveText('3 facts: 1 verified, 1 disputed, 1 sourced');

  // F: a fact from chosen words (a letter jumps to “spend”, again to “seawall,”).
  await kb.press('f');
  const picker = page.getByRole('dialog', { name: 'Add a fact' });
  await expect(picker.getByRole('listbox')).toBeFocused();
  await kb.press('s');
  await kb.press('s');
  await expect(picker.locator('.split-preview')).toHaveText('New fact seawall,');
  await axeBothThemes(page, testInfo, 'fact-picker');
  await kb.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(summary(page)).toHaveText('4 facts: 1 verified, 1 disputed, 1 sourced, 1 unchecked');
  await expect(chips(page)).toHaveText(['✓ 5-2', '§ Wednesday', '✕ $38 million', '○ seawall']);

  // The facts suggest the claim's verdict; nothing is applied until Y.
  const suggestion = panel(page).locator('.fact-suggestion');
  await expect(suggestion).toContainText('Its facts suggest: disputed (“$38 million” is disputed)');
  await expect(panel(page).getByRole('button', { name: 'Unchecked', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await kb.press('Escape');
  await expect(card(page)).toHaveCount(0);
  await kb.press('Tab');
  await kb.press('Tab');
  await expect(card(page)).toHaveAccessibleName('Fact 2 of 4: Wednesday');
  await screenshot(page, testInfo, 'claim-with-facts');
  await axeBothThemes(page, testInfo, 'claim-with-facts');
  await kb.press('Escape');
  await kb.press('y');
  await expect(panel(page).getByRole('button', { name: 'Disputed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page).getByLabel(/^Note/)).toHaveValue('“$38 million”: The budget says $36 million.');
  await expect(suggestion).toHaveCount(0);
  // One entry per change: the source cited, each fact's verdict, the removal, the addition, the claim's verdict.
  await expect(panel(page).locator('.history summary')).toHaveText('History (8)');
  await screenshot(page, testInfo, 'claim-verdict-accepted');

  // The HTML report (E, Export) lists the facts under the claim, disputed first.
  await kb.press('e');
  const exportDialog = page.getByRole('dialog', { name: 'Export report' });
  await expect(exportDialog.getByRole('radio', { name: /^HTML/ })).toBeChecked();
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export' }).click()]);
  const html = readFileSync((await download.path())!, 'utf8');
  const file = testInfo.outputPath(download.suggestedFilename());
  writeFileSync(file, html);
  const report = await context.newPage();
  await report.goto(pathToFileURL(file).href);
  const facts = report.getByRole('list', { name: 'Facts of claim 2' });
  await expect(facts.getByRole('listitem')).toHaveText([
    /Disputed\s+“?\$38 million”? The budget says \$36 million\./,
    /Verified\s+“?5-2/,
    /Sourced\s+“?Wednesday”?\s+\[1\]/,
    /Unchecked\s+“?seawall/,
  ]);
  expect(html).not.toContain('Mayor Celia Brandt</q>');
  await report.screenshot({ path: testInfo.outputPath('report-with-facts.png'), fullPage: true });
  await report.close();

  // A new draft changes the verified number: the fact moves onto it, flagged; the others keep their verdicts.
  await page.getByRole('button', { name: 'New revision…' }).click();
  await page.getByLabel('Edited article text').fill(ARTICLE.replace('voted 5-2', 'voted 6-1'));
  await page.getByRole('button', { name: 'Apply revision' }).click();
  const revision = page.getByRole('dialog', { name: 'New revision' });
  await expect(revision.getByRole('status')).toContainText('1 changed');
  await revision.getByRole('button', { name: 'Close' }).click();
  await expect(panel(page)).toHaveAccessibleName(`Claim 2 of ${TOTAL}`);
  await expect(chip(page, 1)).toHaveAccessibleName('Fact 1: 6-1, verified, changed since checked');
  await expect(chips(page)).toHaveText(['✓ 6-1 ⚑', '§ Wednesday', '✕ $38 million', '○ seawall']);
  await chip(page, 1).focus();
  await expect(card(page)).toContainText('changed since checked: it was “5-2”');
  await screenshot(page, testInfo, 'fact-changed-by-revision');
  await axeBothThemes(page, testInfo, 'fact-changed-by-revision');
});
