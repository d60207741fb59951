// Where things are on the review desk, by role and name, as a person finds them.
import type { Page } from '@playwright/test';

/** The claim on screen: the region named “Claim N of M”. */
export const panel = (page: Page) => page.getByRole('region', { name: /^Claim \d+ of \d+$/ });

/** The desk's transient notice (“Undone: …”, “Cited source 1: …”). */
export const notice = (page: Page) => page.locator('p.notice[role="status"]');
