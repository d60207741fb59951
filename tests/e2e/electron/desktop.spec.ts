// The real desktop app. It needs the Electron binary, which some machines (CI
// without internet to Electron's download host) do not have: there the test is
// skipped and says why.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { REPO_ROOT, newDataDir } from '../support/shell';

function electronBinary(): string | undefined {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

test('the desktop app opens the library in a locked-down window', async () => {
  test.skip(!binary, 'Electron binary not installed on this machine (node_modules/electron/dist is missing); the browser-shell project covers the UI.');
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(REPO_ROOT, 'out/main/index.js'), '--data-dir', newDataDir()],
  });
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: 'Who is checking?' })).toBeVisible();
  // Sandboxed and isolated: no Node in the page, only the preload's named functions.
  const page = await window.evaluate(() => {
    const g = globalThis as { require?: unknown; process?: unknown; factdesk?: Record<string, unknown> };
    return {
      require: typeof g.require,
      process: typeof g.process,
      bridge: Object.values(g.factdesk ?? {}).every((f) => typeof f === 'function'),
    };
  });
  expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: true });
  await app.close();
});
