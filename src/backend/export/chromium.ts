// Which Chromium Factdesk starts headless (PDF printing, the end-to-end tests,
// the UI bench) and how: no sandbox as root in CI, and no background traffic,
// which a machine without internet refuses many times a second.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium (or FACTDESK_CHROMIUM), else Playwright's own, else none. */
export function findChromium(): string | undefined {
  const system = process.env.FACTDESK_CHROMIUM ?? '/usr/bin/chromium';
  if (existsSync(system)) return system;
  try {
    // Required only when no system Chromium is found: playwright-core is slow to load.
    const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // playwright-core knows no browser for this platform
  }
  return undefined;
}
