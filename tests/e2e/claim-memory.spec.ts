// Claim memory, as a checker meets it: a claim verified in one article is suggested
// as the same claim in the next (its source shown, the changed number called out),
// one key cites that source and copies the note while the verdict stays unchecked,
// and library search (Ctrl/⌘+K) finds a note's words across articles and opens the
// claim it belongs to. Accessibility is checked on the search and the panel, light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { extractClaims, normalizeText } from '../../src/shared/extract';
import { newDataDir, startShell, type Shell } from './support/shell';
import { pasteArticleAs } from './support/paste-article';
import { panel } from './support/desk-page';

const FLOOD_TOLL = `Valley floods: the toll a year on

By Marta Conti

The spring flood killed 1,200 people across the Arno river valley, according to the regional emergency agency.

Rebuilding has cost the province $310 million so far, and 14 bridges remain closed to traffic.

Mayor Lucia Bassi said on Tuesday that the new levee would be finished by October 2026.
`;

// Another story a month later that repeats the toll, with another figure.
const INSURERS = `Insurers brace for a wetter decade

Premiums for homes near rivers rose 18 percent this year, the national insurers' association said on Monday.

The spring flood killed 1,400 people across the Arno river valley, according to the regional emergency agency.

Analysts at the association expect claims on flooded homes to double by 2030 as storms grow stronger.
`;

const claimsOf = (text: string) => extractClaims(normalizeText(text));
const numberOf = (text: string, words: string) => claimsOf(text).findIndex((c) => c.text.includes(words)) + 1;
const A_COUNT = claimsOf(FLOOD_TOLL).length;
const B_COUNT = claimsOf(INSURERS).length;
const A_TOLL = numberOf(FLOOD_TOLL, '1,200');
const B_TOLL = numberOf(INSURERS, '1,400');
const NOTE = 'Matches the agency’s final casualty table, page 4; confirmed by phone with its press office.';
const SOURCE = 'Regional emergency agency final flood report';

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const seenBefore = (page: Page) => panel(page).getByRole('region', { name: /^Seen before/ });
const statusButton = (page: Page, name: string) => panel(page).getByRole('button', { name, exact: true });

async function goTo(page: Page, n: number, total: number) {
  await page.keyboard.press('g');
  await expect(page.getByRole('combobox', { name: /Claim number/ })).toBeFocused();
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await expect(panel(page)).toHaveAccessibleName(`Claim ${n} of ${total}`);
}

async function expectNoSeriousA11yViolations(page: Page, testInfo: TestInfo, name: string, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include ? builder.include(include) : builder).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('a claim checked in one article is suggested in the next, reused with one key, and found by library search', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  const kb = page.keyboard;

  // The first article: the toll verified against a source, with a note.
  await pasteArticleAs(page, 'Ana Ruiz', FLOOD_TOLL, A_COUNT);
  await goTo(page, A_TOLL, A_COUNT);
  await kb.press('a');
  await expect(panel(page).getByLabel('Title')).toBeFocused();
  await kb.type(SOURCE);
  await kb.press('Tab');
  await kb.type('https://example.org/agency/flood-report');
  await kb.press('Enter');
  await expect(panel(page).getByRole('checkbox', { name: new RegExp(SOURCE) })).toBeChecked();
  await kb.press('v');
  await kb.press('n');
  await kb.type(NOTE);
  await kb.press('Escape');
  await expect(statusButton(page, 'Verified')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page)).toContainText('Saved · last changed by Ana Ruiz');

  // The second article, a month later, repeats the toll with another number.
  await kb.press('Escape');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(page.getByText('1 article', { exact: true })).toBeVisible();
  await kb.press('n');
  await expect(page.getByLabel('Article text')).toBeFocused();
  await kb.insertText(INSURERS);
  await kb.press('Control+Enter');
  await expect(panel(page)).toHaveAccessibleName(`Claim 1 of ${B_COUNT}`);
  await goTo(page, B_TOLL, B_COUNT);

  // Seen before: the same claim, with its verdict, source, note and checker, and the changed number in words.
  const match = seenBefore(page).getByRole('article');
  await expect(match).toHaveCount(1);
  await expect(seenBefore(page).getByRole('heading')).toContainText('the same claim, verified in “Valley floods: the toll a year on”');
  await expect(match).toContainText('Verified');
  await expect(match).toContainText('Valley floods: the toll a year on');
  await expect(match).toContainText(SOURCE);
  await expect(match).toContainText(NOTE);
  await expect(match).toContainText('by Ana Ruiz');
  await expect(match.getByRole('list', { name: 'Differences from this draft' })).toHaveText('≠ checked as 1,200 people; this draft says 1,400');
  // The verdict buttons are still on screen at 1280×720.
  await expect(statusButton(page, 'Verified')).toBeInViewport();
  await screenshot(page, testInfo, 'seen-before');
  await match.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'seen-before-card');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousA11yViolations(page, testInfo, `seen-before-${scheme}`, '.claim-panel');
    if (scheme === 'dark') await screenshot(page, testInfo, 'seen-before-card-dark');
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Shift+R: the earlier source is cited here and the note copied; the verdict is the checker's to give.
  await kb.press('Shift+R');
  await expect(panel(page).getByRole('checkbox', { name: new RegExp(SOURCE) })).toBeChecked();
  await expect(panel(page).getByLabel(/^Note/)).toHaveValue(NOTE);
  await expect(statusButton(page, 'Unchecked')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('p.notice')).toContainText('its source cited and its note copied; the verdict is yours');
  await expect(page.getByRole('button', { name: 'Sources (1)' })).toBeVisible();
  await screenshot(page, testInfo, 'seen-before-reused');
  // Ctrl+Z takes the note and the citation back (the copied source stays in the article's list); Shift+Ctrl+Z redoes it.
  await kb.press('Control+z');
  await expect(panel(page).getByLabel(/^Note/)).toHaveValue('');
  await expect(panel(page).getByRole('checkbox', { name: new RegExp(SOURCE) })).not.toBeChecked();
  await kb.press('Control+Shift+z');
  await expect(panel(page).getByLabel(/^Note/)).toHaveValue(NOTE);
  await expect(panel(page).getByRole('checkbox', { name: new RegExp(SOURCE) })).toBeChecked();
  // Nothing of it is only on screen: a reload shows the same.
  await page.reload();
  await expect(panel(page)).toHaveAccessibleName(`Claim 1 of ${B_COUNT}`);
  await goTo(page, B_TOLL, B_COUNT);
  await expect(panel(page).getByRole('checkbox', { name: new RegExp(SOURCE) })).toBeChecked();
  await expect(panel(page).getByLabel(/^Note/)).toHaveValue(NOTE);
  await expect(statusButton(page, 'Unchecked')).toHaveAttribute('aria-pressed', 'true');

  // Library search, from the library: the note's words are found in both articles now.
  await kb.press('Escape');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  // `/` searches titles; no title has the word, so Ctrl+K carries it over to search inside the articles.
  await kb.press('/');
  await kb.type('casualty');
  await expect(page.getByText('No articles match “casualty”.')).toContainText('Ctrl/⌘+K searches inside the articles');
  await kb.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Search the library' });
  await expect(search.getByRole('combobox', { name: /Words in claims, notes/ })).toBeFocused();
  await expect(search.getByRole('combobox', { name: /Words in claims, notes/ })).toHaveValue('casualty');
  await kb.type(' table');
  const results = search.getByRole('listbox', { name: 'Claims found' });
  await expect(search).toContainText('2 claims in 2 articles');
  await expect(results.getByRole('group', { name: /Valley floods: the toll a year on/ }).getByRole('option')).toContainText('found in the note');
  await expect(results.getByRole('group', { name: /Insurers brace for a wetter decade/ }).getByRole('option')).toContainText('1,400');
  await expect(search.locator('mark').first()).toHaveText(/casualty|table/);
  await screenshot(page, testInfo, 'library-search');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousA11yViolations(page, testInfo, `library-search-${scheme}`);
    if (scheme === 'dark') await screenshot(page, testInfo, 'library-search-dark');
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Dates narrow by the article's date: nothing was published before 2000.
  await search.getByLabel('To', { exact: true }).fill('1999-12-31');
  await expect(search).toContainText('No claim, note, correction or source matches.');
  await search.getByLabel('To', { exact: true }).fill('');
  await expect(search).toContainText('2 claims in 2 articles');
  // The status filter leaves only the verified claim; ↓/↑ and Enter open it in the review desk.
  await search.getByLabel('Status', { exact: true }).selectOption('verified');
  await expect(search).toContainText('1 claim in 1 article');
  await search.getByRole('combobox', { name: /Words in claims, notes/ }).focus();
  await kb.press('ArrowDown');
  await kb.press('ArrowUp');
  await expect(results.getByRole('option', { selected: true })).toContainText('1,200');
  await kb.press('Enter');
  await expect(search).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Valley floods: the toll a year on' })).toBeVisible();
  await expect(panel(page)).toHaveAccessibleName(`Claim ${A_TOLL} of ${A_COUNT}`);
  await expect(panel(page).getByLabel(/^Note/)).toHaveValue(NOTE);

  // From the review desk too, and Esc closes the search where it was.
  await kb.press('Control+k');
  await expect(search).toBeVisible();
  await kb.press('Escape');
  await expect(search).toHaveCount(0);
  await expect(panel(page)).toHaveAccessibleName(`Claim ${A_TOLL} of ${A_COUNT}`);
});
