// Where things are on the review desk, by role and name, as a person finds them.
import type { Page } from '@playwright/test';

/** The claim on screen: the region named “Claim N of M”. */
export const panel = (page: Page) => page.getByRole('region', { name: /^Claim \d+ of \d+$/ });

/** The desk's transient notice (“Undone: …”, “Cited source 1: …”). */
export const notice = (page: Page) => page.locator('p.notice[role="status"]');

/** The buttons of the claim's facts, in the order the claim shows them. */
export const chips = (page: Page) => panel(page).getByRole('list', { name: 'Facts of the claim' }).getByRole('button');

/** Fact `n` (1-based) of the claim on screen. */
export const chip = (page: Page, n: number) => chips(page).nth(n - 1);
