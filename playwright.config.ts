import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './src/backend/export/chromium';

// Debian's Chromium where it is installed (these machines cannot download
// Playwright's own browser); Playwright's own everywhere else.
const executablePath = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1366, height: 860 },
  },
  projects: [
    {
      name: 'browser-shell',
      testMatch: /.*\.spec\.ts$/,
      testIgnore: /electron\//,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath,
          args: CHROMIUM_FLAGS,
        },
      },
    },
    {
      name: 'electron',
      testMatch: /electron\/.*\.spec\.ts$/,
    },
  ],
});
