// A whole review of a 60-claim article without the mouse, at 1280×720: all four
// statuses with notes and corrections; sources added, corrected, removed and cited
// (by number and by type-ahead); a split chosen at a word and a merge, each undone and
// redone; search and a status filter; the reader; the export. Stray keys never land in
// a note: afterwards every saved note holds exactly what was typed into it. Along the
// way, the layout (the whole verdict panel in view) and screenshots of the desk with a
// long note, the split word picker and the source editor; axe on each new screen, in
// light and dark.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { Store } from '../../src/backend/store/store';
import { extractClaims, normalizeText } from '../../src/shared/extract';
import type { Article } from '../../src/shared/model';
import { LONG_ARTICLE } from './support/long-article';
import { newDataDir, startShell, type Shell } from './support/shell';
import { pasteArticleAs } from './support/paste-article';
import { notice, panel } from './support/desk-page';

const CLAIMS = extractClaims(normalizeText(LONG_ARTICLE));
const TOTAL = CLAIMS.length;

test.use({ viewport: { width: 1280, height: 720 } });

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const status = (page: Page, name: string) => panel(page).getByRole('button', { name, exact: true });
const note = (page: Page) => panel(page).getByLabel(/^Note/);

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function expectNoSeriousA11yViolations(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'aria-allowed-role');
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), name).toEqual([]);
}

/** Both themes: the screen as it is, then in dark, then back. */
async function axeBothThemes(page: Page, testInfo: TestInfo, name: string) {
  await expectNoSeriousA11yViolations(page, testInfo, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, testInfo, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Whether the whole of `locator` is inside the window (nothing to scroll to see it). */
async function expectInView(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  const { height, width } = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom`).toBeLessThanOrEqual(height);
  expect(box!.x + box!.width, `${what}: right`).toBeLessThanOrEqual(width);
}

/** G, the claim's number, Enter. */
async function goTo(page: Page, n: number, total = TOTAL) {
  await page.keyboard.press('g');
  await expect(page.getByRole('combobox', { name: /Claim number/ })).toBeFocused();
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await expect(panel(page)).toHaveAccessibleName(`Claim ${n} of ${total}`);
}

/** Presses Tab until `target` has the focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 30) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

const LONG_NOTE =
  'Checked against the mayor’s office transcript of the Wednesday meeting and the audio posted by the town clerk: ' +
  'the quote is word for word, but the mayor said it in answer to a question about the bond, not as part of her vote. ' +
  'The clerk’s minutes (page 4) confirm the timing. Asked on Friday, her spokesperson said the context does not change the meaning. ' +
  'Leaving it as disputed until the desk decides whether the framing “who cast the deciding vote” needs a correction.';

test('a whole review of a 60-claim article without the mouse; every saved note is exactly what was typed', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  expect(TOTAL).toBe(60);
  const dataDir = newDataDir();
  shell = await startShell(dataDir);
  const kb = page.keyboard;
  /** Notes and corrections as typed, by the claim's words. */
  const typed = new Map<string, { note?: string; correction?: string }>();
  const expectNote = (n: number, fields: { note?: string; correction?: string }) => typed.set(CLAIMS[n - 1]!.text, { ...typed.get(CLAIMS[n - 1]!.text), ...fields });

  await page.goto(shell.url);
  await expect(page.getByLabel('Checker’s name')).toBeFocused();
  await kb.type('Ana Ruiz');
  await kb.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await kb.press('n');
  await expect(page.getByLabel('Article text')).toBeFocused();
  await kb.insertText(LONG_ARTICLE);
  await kb.press('Control+Enter');
  await expect(panel(page)).toHaveAccessibleName(`Claim 1 of ${TOTAL}`);

  // The ? sheet lists every action, from the table the keys come from.
  await kb.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const words of ['Split (break) the claim at a word', 'Merge with the previous claim', 'Cite a source from the list: type to find it', 'Go to claim number…', 'edit or remove one']) {
    await expect(sheet).toContainText(words);
  }
  await axeBothThemes(page, testInfo, 'shortcut-sheet');
  await kb.press('Escape');
  await expect(sheet).toHaveCount(0);

  // Claim 1 verified.
  await kb.press('v');
  await expect(status(page, 'Verified')).toHaveAttribute('aria-pressed', 'true');

  // Claim 2 disputed: D puts the cursor in the note, Esc leaves it (saved); C, a correction.
  await kb.press('j');
  await kb.press('d');
  await expect(note(page)).toBeFocused();
  await kb.type('The county budget puts it at $36 million.');
  await kb.press('Escape');
  await expect(note(page)).not.toBeFocused();
  await expect(status(page, 'Disputed')).toHaveAttribute('aria-pressed', 'true');
  await kb.press('c');
  await expect(panel(page).getByLabel(/^Suggested correction/)).toBeFocused();
  await kb.type('The $36 million project');
  await kb.press('Escape');
  expectNote(2, { note: 'The county budget puts it at $36 million.', correction: 'The $36 million project' });

  // Claim 3: D, then Esc gives up the dispute; the next keys are shortcuts, never text in the note.
  await kb.press('j');
  await kb.press('d');
  await expect(note(page)).toBeFocused();
  await kb.press('Escape');
  await expect(note(page)).not.toBeFocused();
  await expect(status(page, 'Unchecked')).toHaveAttribute('aria-pressed', 'true');
  for (const k of ['u', 'j', 'k', 'd']) await kb.press(k);
  await expect(panel(page)).toHaveAccessibleName(`Claim 3 of ${TOTAL}`);
  // D again, then U: the waiting dispute is cancelled, the status stays.
  await kb.press('Escape');
  await kb.press('d');
  await kb.press('Escape');
  await kb.press('u');
  await expect(status(page, 'Unchecked')).toHaveAttribute('aria-pressed', 'true');
  await expect(note(page)).toHaveValue('');
  // Tab out of the note while a dispute waits: the cursor goes on, nothing pulls it back.
  await kb.press('d');
  await kb.press('Tab');
  await expect(note(page)).not.toBeFocused();
  await kb.press('Shift+Tab');
  await expect(note(page)).toBeFocused();
  await kb.press('Escape');
  await expect(note(page)).not.toBeFocused();
  await expect(status(page, 'Unchecked')).toHaveAttribute('aria-pressed', 'true');

  // Claim 4 sourced: S opens the add form (no sources yet), in view.
  await kb.press('j');
  await kb.press('s');
  const addForm = panel(page).getByRole('form', { name: 'Add a source' });
  await expect(addForm.getByLabel('Title')).toBeFocused();
  await expectInView(page, addForm, 'the add-source form');
  await kb.type('Interview with Nadia Ferreira');
  await kb.press('Tab');
  await kb.type('https://example.org/interview-notes');
  await kb.press('Enter');
  await expect(addForm).toHaveCount(0);
  await expect(status(page, 'Sourced')).toHaveAttribute('aria-pressed', 'true');

  // Claim 5: A adds a second source (its URL mistyped), V.
  await kb.press('j');
  await kb.press('a');
  await expect(addForm.getByLabel('Title')).toBeFocused();
  await kb.type('Town council minutes');
  await kb.press('Tab');
  await kb.type('https://example.org/minuets');
  await kb.press('Enter');
  await expect(panel(page).getByRole('checkbox', { name: /Town council minutes/ })).toBeChecked();
  await kb.press('v');
  await expect(status(page, 'Verified')).toHaveAttribute('aria-pressed', 'true');

  // Claim 6: cite source 1 by its number, source 2 by typing part of its title; sourced.
  await kb.press('j');
  await kb.press('1');
  await expect(panel(page).getByRole('checkbox', { name: /Interview with Nadia Ferreira/ })).toBeChecked();
  await kb.press('l');
  const finder = page.getByRole('dialog', { name: 'Cite a source' });
  await expect(finder.getByRole('combobox')).toBeFocused();
  await kb.type('minu');
  await expect(finder.getByRole('option')).toHaveCount(1);
  await axeBothThemes(page, testInfo, 'find-source');
  await kb.press('Enter');
  await expect(finder).toHaveCount(0);
  await expect(panel(page).getByRole('checkbox', { name: /Town council minutes/ })).toBeChecked();
  await kb.press('s');
  await expect(status(page, 'Sourced')).toHaveAttribute('aria-pressed', 'true');

  // The source editor (Shift+A): correct source 2's address, remove source 1 (it asks: claims cite it).
  await kb.press('Shift+A');
  const editor = page.getByRole('dialog', { name: /^Sources of this article/ });
  await expect(editor.getByRole('button', { name: 'Edit source 1: Interview with Nadia Ferreira' })).toBeFocused();
  await tabTo(page, editor.getByRole('button', { name: 'Edit source 2: Town council minutes' }));
  await kb.press('Enter');
  const edit = editor.getByRole('form', { name: 'Edit source 2' });
  await expect(edit.getByLabel('Title')).toBeFocused();
  await kb.press('Tab');
  await expect(edit.getByLabel('URL')).toBeFocused();
  await kb.press('Control+a');
  await kb.type('https://example.org/minutes');
  await screenshot(page, testInfo, 'source-editor');
  await axeBothThemes(page, testInfo, 'source-editor');
  await kb.press('Enter');
  await expect(edit).toHaveCount(0);
  await expect(editor).toContainText('https://example.org/minutes');
  await expect(editor.getByRole('button', { name: 'Edit source 2: Town council minutes' })).toBeFocused();
  await tabTo(page, editor.getByRole('button', { name: 'Remove source 1: Interview with Nadia Ferreira' }));
  await kb.press('Enter');
  const question = editor.getByRole('group', { name: /Remove “Interview with Nadia Ferreira”\?/ });
  await expect(question).toContainText('It is cited by claims 4 and 6');
  await expect(question).toContainText('Claim 4 rests on it alone and will be unchecked again.');
  await expect(question.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await screenshot(page, testInfo, 'source-editor-remove');
  await kb.press('Tab');
  await kb.press('Enter');
  await expect(editor).not.toContainText('Interview with Nadia Ferreira');
  await kb.press('Escape');
  await expect(editor).toHaveCount(0);
  // Claim 6 still sourced on the minutes; claim 4's history says what happened, and it is unchecked again.
  await expect(status(page, 'Sourced')).toHaveAttribute('aria-pressed', 'true');
  await goTo(page, 4);
  await expect(status(page, 'Unchecked')).toHaveAttribute('aria-pressed', 'true');
  await panel(page).locator('.history summary').focus();
  await kb.press('Enter');
  await expect(panel(page).locator('.history li').last()).toContainText('source “Interview with Nadia Ferreira” removed from the article; the claim rested on it alone, so it is unchecked again');
  await kb.press('1');
  await kb.press('s');
  await expect(status(page, 'Sourced')).toHaveAttribute('aria-pressed', 'true');

  // Split claim 6 at a word chosen from the keyboard; undo, redo, undo.
  await goTo(page, 6);
  await kb.press('b');
  const picker = page.getByRole('dialog', { name: 'Split the claim' });
  const words = picker.getByRole('listbox', { name: 'Split before the word' });
  await expect(words).toBeFocused();
  await kb.press('e'); // the next word starting with e: “ending”
  await expect(words.getByRole('option', { selected: true })).toHaveText('ending');
  await screenshot(page, testInfo, 'split-word-picker');
  await axeBothThemes(page, testInfo, 'split-word-picker');
  await kb.press('Enter');
  await expect(notice(page)).toHaveText('Claim 6 split in two: claims 6 and 7. Ctrl+Z undoes it.');
  await expect(panel(page)).toHaveAccessibleName(`Claim 6 of ${TOTAL + 1}`);
  await expect(panel(page).locator('.claim-focus')).toHaveText(/^PELHAM POINT, Maine — .* by four feet,$/);
  await kb.press('Control+z');
  await expect(notice(page)).toHaveText('Undone: claim 6 split in two.');
  await expect(panel(page)).toHaveAccessibleName(`Claim 6 of ${TOTAL}`);
  await expect(panel(page).locator('.claim-focus')).toHaveText(CLAIMS[5]!.text);
  await expect(status(page, 'Sourced')).toHaveAttribute('aria-pressed', 'true');
  await kb.press('Control+Shift+Z');
  await expect(notice(page)).toHaveText('Redone: claim 6 split in two.');
  await expect(panel(page)).toHaveAccessibleName(`Claim 6 of ${TOTAL + 1}`);
  await kb.press('Control+z');
  await expect(panel(page)).toHaveAccessibleName(`Claim 6 of ${TOTAL}`);

  // Merge claim 11 with the next (M), undo; then claim 12 with the previous (Shift+M), undo.
  await goTo(page, 11);
  await kb.press('m');
  await expect(notice(page)).toHaveText('Claims 11 and 12 merged into claim 11. Ctrl+Z undoes it.');
  await expect(panel(page)).toHaveAccessibleName(`Claim 11 of ${TOTAL - 1}`);
  await kb.press('Control+z');
  await expect(notice(page)).toHaveText('Undone: claims 11 and 12 merged.');
  await expect(panel(page)).toHaveAccessibleName(`Claim 11 of ${TOTAL}`);
  await kb.press('j');
  await kb.press('Shift+M');
  await expect(notice(page)).toHaveText('Claims 11 and 12 merged into claim 11. Ctrl+Z undoes it.');
  await kb.press('Control+z');
  await expect(panel(page)).toHaveAccessibleName(`Claim 11 of ${TOTAL}`);

  // A long note on claim 9: the claim, its paragraph, the verdict buttons and the whole note in view.
  await goTo(page, 9);
  await kb.press('d');
  await kb.type(LONG_NOTE);
  await kb.press('Escape');
  await expect(status(page, 'Disputed')).toHaveAttribute('aria-pressed', 'true');
  expectNote(9, { note: LONG_NOTE });
  await expect(panel(page)).toContainText('Saved · last changed by Ana Ruiz');
  await expectInView(page, panel(page).locator('.claim-context'), 'the claim in its paragraph');
  await expectInView(page, panel(page).getByRole('group', { name: 'Verdict' }), 'the verdict buttons');
  await expectInView(page, note(page), 'the note');
  const noteFits = await note(page).evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
  expect(noteFits, 'the whole note shows, with no scrolling inside it').toBe(true);
  await screenshot(page, testInfo, 'desk-long-note');
  await axeBothThemes(page, testInfo, 'desk-long-note');

  // Undo and redo go to the claim they change, and name it.
  await goTo(page, 1);
  await kb.press('Control+z');
  await expect(notice(page)).toHaveText('Undone: claim 9 back to unchecked.');
  await expect(panel(page)).toHaveAccessibleName(`Claim 9 of ${TOTAL}`);
  await kb.press('k');
  await kb.press('Control+Shift+Z');
  await expect(notice(page)).toHaveText('Redone: claim 9 marked disputed.');
  await expect(panel(page)).toHaveAccessibleName(`Claim 9 of ${TOTAL}`);
  await expect(note(page)).toHaveValue(LONG_NOTE);

  // Search: Esc leaves the box and keeps the filter; J walks the matches only.
  const searchBox = page.getByRole('searchbox', { name: 'Search claims and notes' });
  await kb.press('/');
  await expect(searchBox).toBeFocused();
  await kb.type('pier');
  await kb.press('Escape');
  await expect(searchBox).not.toBeFocused();
  await expect(searchBox).toHaveValue('pier');
  const matches = CLAIMS.filter((c) => c.text.toLowerCase().includes('pier')).length;
  await expect(page.locator('.filter-count')).toHaveText(`${matches} of ${TOTAL} claims shown`);
  await kb.press('j');
  await expect(panel(page).locator('.claim-focus')).toContainText('pier');
  await kb.press('j');
  await expect(panel(page).locator('.claim-focus')).toContainText('pier');
  // A status filter from the keyboard: / then Tab to it, ↓ picks “unchecked”.
  await kb.press('/');
  await kb.press('Control+a');
  await kb.press('Backspace');
  await kb.press('Tab');
  const statusFilter = page.getByRole('combobox', { name: 'Status' });
  await expect(statusFilter).toBeFocused();
  await kb.press('ArrowDown');
  await expect(statusFilter).toHaveValue('unchecked');
  await kb.press('Escape');
  await expect(page.locator('.filter-count')).toHaveText(/^\d+ of 60 claims shown$/);
  await kb.press('/');
  await kb.press('Tab');
  await kb.press('ArrowUp');
  await expect(statusFilter).toHaveValue('');
  await kb.press('Escape');
  await expect(page.locator('.filter-count')).toHaveText('60 claims');

  // The reader opens on the claim selected.
  await goTo(page, 52);
  await kb.press('r');
  const selectedInReader = page.getByRole('article', { name: 'Article text' }).locator('.reader-claim.selected');
  await expect(selectedInReader).toContainText(CLAIMS[51]!.text);
  await expect(async () => expectInView(page, selectedInReader, 'the selected claim in the reader')).toPass();
  await kb.press('r');

  // The rest: Shift+J to the next unchecked claim and V, until every claim has a verdict.
  const done = page.getByRole('dialog', { name: 'Every claim is checked' });
  for (let i = 0; i < TOTAL && !(await done.isVisible()); i++) {
    await kb.press('Shift+J');
    if (await done.isVisible()) break;
    await kb.press('v');
    await expect(status(page, 'Verified')).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(done).toContainText(`All ${TOTAL} claims have a verdict`);
  await kb.press('Escape');

  // The export, from the keyboard: E, the Factdesk JSON, Enter on Export.
  await kb.press('e');
  const exportDialog = page.getByRole('dialog', { name: 'Export report' });
  const json = exportDialog.getByRole('radio', { name: /^Factdesk JSON/ });
  for (let i = 0; i < 6 && !(await json.isChecked()); i++) await kb.press('ArrowDown');
  await expect(json).toBeChecked();
  await tabTo(page, exportDialog.getByRole('button', { name: 'Export' }));
  const [download] = await Promise.all([page.waitForEvent('download'), kb.press('Enter')]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { article: Article };

  // Every note and correction saved is exactly what was typed; no other claim has one. The
  // data folder is read as Factdesk reads it (the article file and its log of recent saves).
  const [file] = readdirSync(join(dataDir, 'articles')).filter((n) => n.endsWith('.json'));
  const saved = await (await Store.open(dataDir, { readOnly: true })).get(file!.replace(/\.json$/, ''));
  for (const article of [saved, exported.article]) {
    expect(article.claims).toHaveLength(TOTAL);
    for (const claim of article.claims) {
      const expected = typed.get(claim.text) ?? {};
      expect({ note: claim.verdict.note, correction: claim.verdict.correction }, claim.text).toEqual({ note: expected.note ?? '', correction: expected.correction ?? '' });
      expect(claim.verdict.status, claim.text).not.toBe('unchecked');
    }
    expect(article.sources.map((s) => [s.title, s.url])).toEqual([['Town council minutes', 'https://example.org/minutes']]);
  }
});

test('the import preview and the JSON conflict screen scroll from the keyboard and pass axe, light and dark', async ({ page }, testInfo) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await pasteArticleAs(page, 'Ana Ruiz', LONG_ARTICLE, TOTAL);
  // Export the article as JSON, change it here, then bring the export back: the conflict screen.
  await page.keyboard.press('e');
  const exportDialog = page.getByRole('dialog', { name: 'Export report' });
  const json = exportDialog.getByRole('radio', { name: /^Factdesk JSON/ });
  for (let i = 0; i < 6 && !(await json.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await tabTo(page, exportDialog.getByRole('button', { name: 'Export' }));
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const path = testInfo.outputPath('harbor.factdesk.json');
  await download.saveAs(path);
  await page.keyboard.press('v');
  await expect(status(page, 'Verified')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();

  await page.getByTestId('import-file-input').setInputFiles(path);
  const form = page.getByRole('form', { name: /^Import/ });
  const preview = form.getByLabel('Text preview');
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute('tabindex', '0');
  await axeBothThemes(page, testInfo, 'import-preview');
  await form.getByRole('button', { name: 'Import', exact: true }).press('Enter');
  await expect(form.getByRole('alert')).toBeVisible();
  await screenshot(page, testInfo, 'import-conflict');
  await axeBothThemes(page, testInfo, 'import-conflict');
});
