// The shared desk in the browser shell: a checker (ann) and the editor (eve), each with
// their own data folder and shell, joined through "Join a desk…" to a real
// CouchDB-compatible server on loopback (scripts/desk-server.mjs); and a desk whose
// server lacks the rules, which the sync line says.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { ARTICLE_TEXT } from '../unit/desk/support/checker';
import { USERS, startDeskServer, type DeskServer } from '../unit/desk/support/desk-server';
import { pasteArticleAs } from './support/paste-article';
import { newDataDir, startShell, type Shell } from './support/shell';
import { panel } from './support/desk-page';

const CLAIMS = 5;
let server: DeskServer | undefined;
const shells: Shell[] = [];
/** The members' browser windows: closed after the test, so their polls end with it. */
const contexts: BrowserContext[] = [];

test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await Promise.all(shells.splice(0).map((shell) => shell.stop()));
  await server?.stop();
});

const syncLine = (page: Page) => page.locator('.desk-sync');
const disagreement = (page: Page) => page.getByRole('region', { name: /Desk disagreement/ });

async function axeClean(page: Page, testInfo: TestInfo, name: string, include: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include(include).analyze();
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function goTo(page: Page, n: number) {
  await page.keyboard.press('g');
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await expect(panel(page)).toHaveAccessibleName(`Claim ${n} of ${CLAIMS}`);
}

async function join(page: Page, user: keyof typeof USERS, url: string, testInfo?: TestInfo) {
  await page.getByRole('button', { name: 'Join a desk…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join a desk' });
  await dialog.getByLabel('Server address').fill(url);
  await dialog.getByLabel('User').fill(user);
  await dialog.getByLabel('Password').fill(USERS[user]);
  if (testInfo) {
    await screenshot(page, testInfo, 'join-a-desk');
    await axeClean(page, testInfo, 'join-a-desk', '.join-desk');
  }
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(syncLine(page)).toHaveText(/Synced/, { timeout: 10_000 });
}

test('two members of a desk: a mark travels in 2 s, an offline disagreement is shown on both sides and settled, sign-off locks', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  server = await startDeskServer();
  const [annShell, eveShell] = await Promise.all([
    startShell(newDataDir(), { env: { FACTDESK_DESK_PASSWORD: USERS.ann } }),
    startShell(newDataDir(), { env: { FACTDESK_DESK_PASSWORD: USERS.eve } }),
  ]);
  shells.push(annShell, eveShell);
  for (let i = 0; i < 2; i++) contexts.push(await browser.newContext({ viewport: { width: 1280, height: 720 } }));
  const ann = await contexts[0]!.newPage();
  const eve = await contexts[1]!.newPage();
  await ann.goto(annShell.url);
  await eve.goto(eveShell.url);

  // Ann pastes the article and joins; Eve joins and receives it.
  await pasteArticleAs(ann, 'ann', ARTICLE_TEXT, CLAIMS);
  await join(ann, 'ann', server.url, testInfo);
  await eve.getByLabel('Checker’s name').fill('eve');
  await eve.keyboard.press('Enter');
  await join(eve, 'eve', server.url);
  await expect(async () => {
    await eve.reload();
    await expect(eve.getByRole('button', { name: /^Harbor Town Votes/ }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await eve.getByRole('button', { name: /^Harbor Town Votes/ }).first().click();
  await expect(panel(eve)).toHaveAccessibleName(`Claim 1 of ${CLAIMS}`);
  await screenshot(eve, testInfo, 'library-synced');

  // A mark on one machine shows on the other within 2 s.
  await goTo(ann, 3);
  await goTo(eve, 3);
  await ann.keyboard.press('v');
  const marked = Date.now();
  await expect(panel(eve).getByRole('button', { name: /Verified/ })).toHaveAttribute('aria-pressed', 'true', { timeout: 2_000 });
  testInfo.annotations.push({ type: 'mark-to-other-screen-ms', description: String(Date.now() - marked) });

  // Offline: both rule on claim 4 without seeing each other.
  await goTo(ann, 4);
  await goTo(eve, 4);
  await server.kill();
  await ann.keyboard.press('v');
  await eve.keyboard.press('d');
  await expect(eve.getByLabel(/^Note/)).toBeFocused();
  await eve.keyboard.type('The plan is $42 million.');
  await eve.keyboard.press('Escape');
  // And both retitle the article, eve last.
  for (const [page, title] of [[ann, 'Seawall to Rise 1.2 Miles'], [eve, 'Council Backs $38 Million Seawall']] as const) {
    await page.getByRole('button', { name: 'Details…' }).click();
    const details = page.getByRole('dialog', { name: 'Edit details' });
    await details.getByLabel('Title').fill(title);
    await details.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('#article-title')).toHaveText(title);
  }
  // At least the new verdict waits; one more when the kill cut off a push before the server's answer.
  await expect(syncLine(ann)).toHaveText(/^Offline since \d\d:\d\d · [12] changes? waiting$/, { timeout: 15_000 });
  await screenshot(ann, testInfo, 'offline');

  // The server is back: both sides show the disagreement, with who and what.
  await server.restart();
  for (const page of [ann, eve]) {
    await expect(disagreement(page)).toBeVisible({ timeout: 20_000 });
    await expect(disagreement(page)).toContainText('ann said verified');
    await expect(disagreement(page)).toContainText('eve said disputed');
    await expect(disagreement(page)).toContainText('The plan is $42 million.');
  }
  await expect(syncLine(ann)).toContainText('1 desk disagreement');
  // The two titles settle on the later one on both screens, and both say a title was not kept.
  for (const page of [ann, eve]) {
    await expect(page.locator('#article-title')).toHaveText('Council Backs $38 Million Seawall', { timeout: 10_000 });
    const notices = page.locator('.desk-article-notices');
    await expect(notices.locator('summary')).toHaveText('1 desk notice on this article');
    await notices.locator('summary').click();
    await expect(notices).toContainText('ann changed the title to “Seawall to Rise 1.2 Miles” and eve to “Council Backs $38 Million Seawall”');
  }
  await axeClean(eve, testInfo, 'article-notices', '.desk-article-notices');
  await eve.emulateMedia({ colorScheme: 'dark' });
  await axeClean(eve, testInfo, 'article-notices-dark', '.desk-article-notices');
  await eve.emulateMedia({ colorScheme: 'light' });
  await screenshot(eve, testInfo, 'disagreement');
  await axeClean(eve, testInfo, 'disagreement', '.desk-disagreement');

  // The editor settles it from the keyboard: Shift+D goes to the choices, Enter keeps ann's.
  await eve.keyboard.press('Shift+D');
  await expect(disagreement(eve).getByRole('button', { name: 'Keep ann’s verdict' })).toBeFocused();
  await eve.keyboard.press('Enter');
  await expect(disagreement(eve)).toHaveCount(0);
  await expect(disagreement(ann)).toHaveCount(0, { timeout: 10_000 });
  await expect(panel(eve).getByRole('button', { name: /Verified/ })).toHaveAttribute('aria-pressed', 'true');

  // A second read of ann's verdict by another member, from the keyboard; ann's screen names her.
  await goTo(eve, 3);
  await goTo(ann, 3);
  const secondRead = eve.getByRole('button', { name: 'Record my second read' });
  await secondRead.focus();
  await eve.keyboard.press('Enter');
  await expect(eve.locator('.desk-roles')).toContainText('second read by eve');
  await expect(ann.locator('.desk-roles')).toContainText('second read by eve', { timeout: 10_000 });
  await expect(ann.getByRole('button', { name: 'Record my second read' })).toHaveCount(0);
  await screenshot(ann, testInfo, 'second-read');
  await axeClean(ann, testInfo, 'second-read', '.desk-roles');

  // The editor assigns claims 2 to 4 to ann from the article's header; a range past the end is refused in the dialog.
  await eve.getByRole('button', { name: 'Assign…' }).click();
  const assign = eve.getByRole('dialog', { name: 'Assign' });
  await expect(assign.getByLabel('Checker')).toBeFocused();
  await eve.keyboard.type('ann');
  await assign.getByLabel(/^Claims/).fill('4-9');
  await eve.keyboard.press('Enter');
  await expect(assign.getByRole('alert')).toHaveText(`Claims 4-9 are not in the article: it has claims 1 to ${CLAIMS}.`);
  await assign.getByLabel(/^Claims/).fill('2-4');
  await screenshot(eve, testInfo, 'assign');
  await axeClean(eve, testInfo, 'assign', '.dialog');
  await eve.emulateMedia({ colorScheme: 'dark' });
  await axeClean(eve, testInfo, 'assign-dark', '.dialog');
  await eve.emulateMedia({ colorScheme: 'light' });
  await eve.keyboard.press('Enter');
  await expect(assign).toHaveCount(0);
  await expect(eve.locator('p.notice')).toHaveText('Claims 2-4 assigned to ann.');
  await expect(eve.locator('.desk-roles')).toContainText('Assigned to ann');
  await expect(ann.locator('.desk-roles')).toContainText('Assigned to ann', { timeout: 10_000 });
  await goTo(ann, 5);
  await expect(ann.locator('.desk-roles').getByText('Assigned to')).toHaveCount(0);
  await goTo(ann, 3);

  // Sign-off locks the article for the whole desk: ann's mark is refused with a sentence.
  await eve.getByRole('button', { name: 'Sign off' }).click();
  await expect(eve.getByRole('button', { name: 'Unlock…' })).toBeVisible();
  await expect(ann.getByRole('note')).toContainText('Signed off by eve', { timeout: 10_000 });
  await goTo(ann, 2);
  await ann.keyboard.press('v');
  await expect(panel(ann).getByRole('alert')).toContainText(/signed off by eve on \d{4}-\d\d-\d\d: it is locked/);
  await expect(panel(ann).getByRole('button', { name: /Verified/ })).toHaveAttribute('aria-pressed', 'false');
  await screenshot(ann, testInfo, 'locked');
  await axeClean(ann, testInfo, 'locked', '.desk-locked');
  await axeClean(ann, testInfo, 'sync-line', '.desk-bar');
});

test('a desk whose server does not enforce the rules says so in the sync line', async ({ page }, testInfo) => {
  server = await startDeskServer({ rules: false });
  const shell = await startShell(newDataDir(), { env: { FACTDESK_DESK_PASSWORD: USERS.ann } });
  shells.push(shell);
  await page.goto(shell.url);
  await pasteArticleAs(page, 'ann', ARTICLE_TEXT, CLAIMS);
  await join(page, 'ann', server.url);
  const warning = syncLine(page).locator('.desk-sync-unguarded');
  await expect(warning).toHaveText('· rules not enforced by the server');
  await expect(warning).toHaveAttribute('title', /ask its admin to install them with scripts\/desk-rules\.mjs/);
  await screenshot(page, testInfo, 'unguarded');
  await axeClean(page, testInfo, 'unguarded', '.desk-bar');
});
