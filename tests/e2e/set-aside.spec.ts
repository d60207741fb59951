// Set-aside text in the review desk, from the keyboard alone: the header counts it,
// O sets a claim aside and Ctrl+Z / Shift+Ctrl+Z undo and redo it, "Show set aside"
// puts the set-aside passages in the list, P makes one a claim, the reader shows them
// in place, and the exported report says how many passages are set aside and lists
// the one the checker set aside. With the accessibility checks and screenshots.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { extractSegments, normalizeText } from '../../src/shared/extract';
import { newDataDir, startShell, type Shell } from './support/shell';

const COUNCIL = 'The town council voted 5-2 on Wednesday to raise the seawall by 1.2 meters, at a cost of $38 million.';
const CREDIT = 'Credit...Jonah Mills for The Ledger';
const ARTICLE = [
  'Harbor Town Votes to Raise the Seawall',
  'By Nadia Ferreira',
  COUNCIL,
  'Advertisement',
  'The mayor, Teresa Okafor, said the work would begin in May.',
  CREDIT,
  'Engineers estimate that the wall will protect 4,300 homes until 2060.',
  'Advertisement',
  'Sea level at the harbor has risen 20 centimeters since 1900, the county says.',
  'Share this article',
].join('\n\n');

const SEGMENTS = extractSegments(normalizeText(ARTICLE));
const CLAIMS = SEGMENTS.filter((s) => s.setAside === undefined).map((s) => s.text);
const SET_ASIDE = SEGMENTS.filter((s) => s.setAside !== undefined && s.setAside !== 'list-marker');

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const panel = (page: Page) => page.getByRole('region', { name: /^(Claim \d+ of \d+|Set aside as .+)$/ });
const notice = (page: Page) => page.locator('p.notice[role="status"]');
const header = (page: Page) => page.locator('.article-head .segment-count');

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

/** Presses Tab until `target` has the focus, as a keyboard user would (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 25) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a checker sets a claim aside with O, undoes and redoes it, makes set-aside text a claim with P, and the report accounts for it', async ({ page }, testInfo) => {
  // The article has furniture, a photo credit and real claims.
  expect(SET_ASIDE.map((s) => s.setAside)).toEqual(expect.arrayContaining(['furniture', 'credit']));
  expect(CLAIMS).toContain(COUNCIL);
  const claims = CLAIMS.length;
  const setAside = SET_ASIDE.length;
  const council = CLAIMS.indexOf(COUNCIL) + 1;

  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  const kb = page.keyboard;
  await page.getByLabel('Checker’s name').fill('Ana Ruiz');
  await kb.press('Enter');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await kb.press('n');
  await expect(page.getByLabel('Article text')).toBeFocused();
  await kb.insertText(ARTICLE);
  await kb.press('Control+Enter');
  await expect(panel(page)).toHaveAccessibleName(`Claim 1 of ${claims}`);

  // The header counts what is set aside.
  await expect(header(page)).toHaveText(`${claims} claims · ${setAside} set aside`);

  // The ? sheet lists both keys.
  await kb.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Set the claim aside: not a claim');
  await expect(sheet).toContainText('Make set-aside text a claim');
  await kb.press('Escape');
  await expect(sheet).toHaveCount(0);

  // O on the council's vote: set aside; the selection moves on to the next claim.
  for (let i = 1; i < council; i++) await kb.press('j');
  await expect(panel(page)).toHaveAccessibleName(`Claim ${council} of ${claims}`);
  await expect(panel(page)).toContainText(COUNCIL);
  await expect(panel(page).getByRole('button', { name: 'Not a claim' })).toHaveAttribute('aria-keyshortcuts', 'O');
  await screenshot(page, testInfo, 'claim-before-set-aside');
  await kb.press('o');
  await expect(header(page)).toHaveText(`${claims - 1} claims · ${setAside + 1} set aside`);
  await expect(notice(page)).toHaveText(`Claim ${council} set aside as not a claim. Ctrl+Z undoes it.`);
  await expect(panel(page)).toHaveAccessibleName(`Claim ${council} of ${claims - 1}`);
  await expect(panel(page)).not.toContainText(COUNCIL);

  // Ctrl+Z: it is a claim again, and selected; Shift+Ctrl+Z: set aside again.
  await kb.press('Control+z');
  await expect(notice(page)).toHaveText(`Undone: claim ${council} set aside.`);
  await expect(header(page)).toHaveText(`${claims} claims · ${setAside} set aside`);
  await expect(panel(page)).toHaveAccessibleName(`Claim ${council} of ${claims}`);
  await expect(panel(page).locator('.claim-focus')).toHaveText(COUNCIL);
  await kb.press('Control+Shift+Z');
  await expect(notice(page)).toHaveText(`Redone: claim ${council} set aside.`);
  await expect(header(page)).toHaveText(`${claims - 1} claims · ${setAside + 1} set aside`);

  // Show set aside, from the keyboard: / to the filters, Tab to the toggle, Space; Esc leaves it.
  await kb.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search claims and notes' })).toBeFocused();
  const toggle = page.getByRole('checkbox', { name: `Show set aside (${setAside + 1})` });
  await tabTo(page, toggle);
  await kb.press('Space');
  await expect(toggle).toBeChecked();
  await kb.press('Escape');
  await expect(toggle).not.toBeFocused();
  const list = page.getByRole('list', { name: 'Claims' });
  await expect(list.getByRole('button', { name: /^Set aside as/ })).toHaveCount(setAside + 1);
  await expect(list.getByRole('button', { name: `Set aside as not a claim: ${COUNCIL}` })).toBeVisible();

  // J to the credit line, shown on the right for what it is; P makes it the next claim.
  for (let i = 0; i < 10 && !(await panel(page).getAttribute('aria-label'))?.startsWith('Set aside as a credit'); i++) await kb.press('j');
  await expect(panel(page)).toHaveAccessibleName('Set aside as a credit');
  await expect(panel(page).getByRole('button', { name: 'Make it a claim' })).toHaveAttribute('aria-keyshortcuts', 'P');
  await screenshot(page, testInfo, 'desk-set-aside-shown');
  await expectNoSeriousA11yViolations(page, testInfo, 'desk-set-aside-shown');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, testInfo, 'desk-set-aside-shown-dark');
  await expectNoSeriousA11yViolations(page, testInfo, 'desk-set-aside-shown-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  const creditNumber = CLAIMS.filter((t) => t !== COUNCIL && ARTICLE.indexOf(t) < ARTICLE.indexOf(CREDIT)).length + 1;
  await kb.press('p');
  await expect(panel(page)).toHaveAccessibleName(`Claim ${creditNumber} of ${claims}`);
  await expect(notice(page)).toHaveText(`“${CREDIT}” is now claim ${creditNumber}. Ctrl+Z undoes it.`);
  await expect(header(page)).toHaveText(`${claims} claims · ${setAside} set aside`);
  await expect(list.getByRole('button', { name: new RegExp(`^${creditNumber} Unchecked ${CREDIT.replace(/\./g, '\\.')}`) })).toBeVisible();

  // The reader shows the set-aside text in place, dimmed and named; Enter on it opens it.
  await kb.press('r');
  const reader = page.getByRole('article', { name: 'Article text' });
  await expect(reader).toBeVisible();
  await expect(reader.getByRole('button', { name: `Set aside as not a claim: ${COUNCIL}` })).toBeVisible();
  await expect(reader.getByRole('button', { name: 'Set aside as page furniture: Advertisement' })).toHaveCount(2);
  await screenshot(page, testInfo, 'reader-set-aside');
  await expectNoSeriousA11yViolations(page, testInfo, 'reader-set-aside');
  await reader.getByRole('button', { name: 'Set aside as page furniture: Advertisement' }).first().focus();
  await kb.press('Enter');
  await expect(panel(page)).toHaveAccessibleName('Set aside as page furniture');

  // The report, exported from the keyboard as Markdown: how many passages are set aside, and the one the checker set aside.
  await kb.press('e');
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await expect(dialog.getByRole('radio', { name: /^HTML report/ })).toBeFocused();
  const markdown = dialog.getByRole('radio', { name: /^Markdown/ });
  for (let i = 0; i < 5 && !(await markdown.isChecked()); i++) await kb.press('ArrowDown');
  await expect(markdown).toBeChecked();
  const exportButton = dialog.getByRole('button', { name: 'Export' });
  await tabTo(page, exportButton);
  const [download] = await Promise.all([page.waitForEvent('download'), kb.press('Enter')]);
  await expect(dialog).toBeHidden();
  const report = readFileSync((await download.path())!, 'utf8');
  await testInfo.attach('report.md', { body: report, contentType: 'text/markdown' });
  expect(report).toContain(`## Set aside (${setAside})`);
  expect(report).toMatch(new RegExp(`${setAside} passages are set aside as no claim: .*set aside by the checker 1\\.`));
  expect(report).toContain('Set aside by the checker as not a claim:');
  expect(report).toMatch(/^- The town council voted 5-2 on Wednesday .* \(Ana Ruiz, /m);
});
