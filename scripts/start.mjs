// `npm start`: build and launch the desktop app. Where the Electron binary is
// missing and cannot be downloaded, say so in one sentence and point to the
// browser shell instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

function fetchElectron() {
  const installer = require.resolve('electron/install.js');
  process.stdout.write('Downloading the Electron binary (first launch only)…\n');
  spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 300_000 });
  return electronBinary();
}

if (!electronBinary() && !fetchElectron()) {
  process.stderr.write(
    'Factdesk’s desktop app needs the Electron binary, which is not installed and could not be downloaded here; run “npm run serve” to use Factdesk in your browser instead.\n',
  );
  process.exit(1);
}

const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [bin, 'preview', '--', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
