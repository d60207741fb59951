// `npm start`: Factdesk on any machine. Where the Electron binary is present (or
// can be downloaded on this first launch), build and launch the desktop app. Where
// it is not, say so in one sentence, start the browser shell (src/server/main.ts,
// the same app on 127.0.0.1 with a per-launch token) and open the default browser
// on its address; the address is printed either way.
//
// Arguments go to whichever shell starts (for example --data-dir DIR). The browser
// shell also takes --static DIR (an interface already built), which skips the build.
// BROWSER=none opens no browser (see open-browser.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronBinary, fetchElectron } from './electron-binary.mjs';
import { openBrowser } from './open-browser.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');

if (electronBinary() || fetchElectron()) {
  const child = spawn(process.execPath, [electronVite, 'preview', '--', ...args], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  process.stdout.write(
    'The Electron binary is not installed and could not be downloaded here, so Factdesk opens in your browser instead.\n',
  );
  await startBrowserShell();
}

async function startBrowserShell() {
  if (!args.some((arg) => arg === '--static' || arg.startsWith('--static='))) {
    const build = spawnSync(process.execPath, [electronVite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  // One process, no npm or npx in between, so a signal to this script reaches the server.
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let seen = '';
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (seen === null) return;
    seen += chunk;
    const url = /Factdesk is running at (\S+)\n/.exec(seen)?.[1];
    if (!url) return;
    seen = null;
    void openBrowser(url).then((ok) => {
      process.stdout.write(ok ? 'Opened it in your browser.\n' : `No browser could be opened from here: open ${url} yourself.\n`);
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
