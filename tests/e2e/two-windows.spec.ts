// No silent overwrite between windows: two tabs on one article through the browser
// shell. B sees A's verdict without reloading (server-sent events); a change A makes
// while it holds an out-of-date copy is refused in one sentence, A reloads, and B's
// change stands; marking a claim B merged away gives a sentence, never an internal id.
// The event stream, like every request, needs the launch's token.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { STALE_ARTICLE } from '../../src/shared/contract';
import { extractClaims, normalizeText } from '../../src/shared/extract';
import { REPO_ROOT, newDataDir, startShell, type Shell } from './support/shell';
import { pasteArticleAs } from './support/paste-article';
import { notice, panel } from './support/desk-page';

const SAMPLE = readFileSync(join(REPO_ROOT, 'resources/sample-article.txt'), 'utf8');
const CLAIMS = extractClaims(normalizeText(SAMPLE));

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

const pressed = (page: Page, status: string) => panel(page).getByRole('button', { name: status, exact: true });

/** Goes to claim `n` from the keyboard: G, its number, Enter. */
async function goTo(page: Page, n: number, total = CLAIMS.length) {
  await expect(panel(page)).toHaveAccessibleName(/^Claim \d+ of \d+$/);
  await page.keyboard.press('g');
  await expect(page.getByRole('combobox', { name: /Claim number/ })).toBeFocused();
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await expect(panel(page)).toHaveAccessibleName(`Claim ${n} of ${total}`);
}

test('two tabs on one article: live updates, a stale change refused with one sentence, and nothing overwritten', async ({ page: a, context, request }) => {
  shell = await startShell(newDataDir());
  await a.goto(shell.url);
  await pasteArticleAs(a, 'Ana Ruiz', SAMPLE, CLAIMS.length);

  // The event stream is behind the token like everything else: without it, 403.
  const launch = new URL(a.url());
  const events = await request.get(new URL('events', launch).href);
  expect(events.status()).toBe(403);

  const b = await context.newPage();
  await b.goto(a.url());
  await expect(panel(b)).toHaveAccessibleName(`Claim 1 of ${CLAIMS.length}`);

  // A's verdict shows in B without a reload.
  await a.keyboard.press('v');
  await expect(pressed(a, 'Verified')).toHaveAttribute('aria-pressed', 'true');
  await expect(pressed(b, 'Verified')).toHaveAttribute('aria-pressed', 'true');
  await expect(b.getByRole('list', { name: 'Claims' }).getByRole('button', { name: /^1 Verified / })).toBeVisible();
  // And B's in A.
  await goTo(b, 6);
  await b.keyboard.press('d');
  await b.keyboard.type('Minutes say 4-3.');
  await b.keyboard.press('Escape');
  await expect(pressed(b, 'Disputed')).toHaveAttribute('aria-pressed', 'true');
  await goTo(a, 6);
  await expect(pressed(a, 'Disputed')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(a).getByLabel(/^Note/)).toHaveValue('Minutes say 4-3.');

  // A stops hearing about B's saves (its event stream cut, as a sleeping laptop's would be)…
  await a.route('**/events', (route) => route.abort());
  await a.reload();
  await expect(panel(a)).toHaveAccessibleName(/^Claim \d+ of/);
  await goTo(a, 7);
  // …B changes claim 7…
  await goTo(b, 7);
  await b.keyboard.press('d');
  await b.keyboard.type('The plan is $40 million, per the minutes.');
  await b.keyboard.press('Escape');
  await expect(pressed(b, 'Disputed')).toHaveAttribute('aria-pressed', 'true');
  await expect(pressed(a, 'Unchecked')).toHaveAttribute('aria-pressed', 'true'); // A does not know
  // …and A's note, typed on the copy it holds, is refused: nothing overwritten, A reloaded.
  await a.keyboard.press('n');
  await a.keyboard.type('confirmed with Pentagon spokesperson');
  await a.keyboard.press('Escape');
  await expect(notice(a)).toHaveText(STALE_ARTICLE);
  await expect(pressed(a, 'Disputed')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(a).getByLabel(/^Note/)).toHaveValue('The plan is $40 million, per the minutes.');
  await expect(panel(a).getByRole('alert')).toContainText('Your note was not saved: “confirmed with Pentagon spokesperson”.');
  await b.reload();
  await goTo(b, 7);
  await expect(panel(b).getByLabel(/^Note/)).toHaveValue('The plan is $40 million, per the minutes.');

  // B merges claims 11 and 12 while A, still deaf to B, has claim 12 on screen.
  const eleven = CLAIMS[10]!.text;
  const twelve = CLAIMS[11]!.text;
  await goTo(a, 12);
  await goTo(b, 11);
  await b.keyboard.press('m');
  await expect(notice(b)).toHaveText('Claims 11 and 12 merged into claim 11. Ctrl+Z undoes it.');
  await expect(panel(b).locator('.claim-focus')).toHaveText(`${eleven} ${twelve}`);
  // A marks the claim that is gone: one sentence, no id; A reloads onto the merged claim.
  await a.keyboard.press('v');
  await expect(notice(a)).toHaveText(STALE_ARTICLE);
  await expect(notice(a)).not.toHaveText(/[a-z0-9]{12}/);
  await expect(panel(a)).toHaveAccessibleName(`Claim 11 of ${CLAIMS.length - 1}`);
  await expect(panel(a).locator('.claim-focus')).toHaveText(`${eleven} ${twelve}`);
  await expect(pressed(a, 'Unchecked')).toHaveAttribute('aria-pressed', 'true');

  // Heard again, A follows B live once more: B's undo of the merge shows in A.
  await a.unroute('**/events');
  await a.reload();
  await goTo(a, 11, CLAIMS.length - 1);
  await b.keyboard.press('Control+z');
  await expect(notice(b)).toHaveText('Undone: claims 11 and 12 merged.');
  await expect(panel(a)).toHaveAccessibleName(`Claim 11 of ${CLAIMS.length}`);
  await expect(panel(a).locator('.claim-focus')).toHaveText(eleven);
});
