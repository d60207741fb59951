// How Factdesk starts a headless Chromium (PDF printing here, the end-to-end
// tests in playwright.config.ts): no sandbox as root in CI, and no background
// traffic, which a machine without internet refuses many times a second.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
