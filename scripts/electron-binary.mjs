// Where the Electron binary is, found the way the `electron` package finds it
// (node_modules/electron/path.txt, or ELECTRON_OVERRIDE_DIST_PATH), without
// requiring the package: its index.js downloads on require and throws when it cannot.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The binary's path when it is there, else undefined. */
export function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, name ?? 'electron') : name && join(dir, 'dist', name);
  return binary && existsSync(binary) ? binary : undefined;
}

/**
 * Downloads the binary (first launch only) and returns its path, or undefined when
 * it cannot be had. ELECTRON_SKIP_BINARY_DOWNLOAD=1 (Electron's own switch) skips
 * the attempt, as does a dist path the person chose themselves.
 */
export function fetchElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.ELECTRON_OVERRIDE_DIST_PATH) return undefined;
  const installer = require.resolve('electron/install.js');
  process.stdout.write('Downloading the Electron binary (first launch only)…\n');
  spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 300_000 });
  return electronBinary();
}
