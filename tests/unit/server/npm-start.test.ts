// `npm start` where the Electron binary is missing: it says so, starts the browser
// shell and opens the browser on the shell's address. The "browser" here is a script
// that records the address it was given (BROWSER names it, as dev servers allow);
// no real browser is started. Electron is made absent with its own override variable.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');

let dir: string;
let started: ChildProcessWithoutNullStreams | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-start-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Factdesk</title>');
});

afterEach(async () => {
  if (started && started.exitCode === null && started.signalCode === null) {
    // A test that failed half-way: end the script and the server it started (its own process group).
    const exited = new Promise((done) => started!.once('exit', done));
    process.kill(-started.pid!, 'SIGKILL');
    await exited;
  }
  started = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `npm start`'s script with no Electron binary; resolves once `until` matches its output. */
function startWithoutElectron(browser: string, until: RegExp): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron'), BROWSER: browser };
  delete env.FACTDESK_DATA_DIR;
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['scripts/start.mjs', '--data-dir', join(dir, 'data'), '--static', dir], { cwd: REPO_ROOT, env, detached: true });
  started = child;
  let out = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no match for ${until} in:\n${out}`)), 20_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (!until.test(out)) return;
      clearTimeout(timer);
      done(out);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited (${code}) early:\n${out}`));
    });
  });
}

/** What the fake browser recorded, once it has (it runs on its own after it is started). */
async function openedWith(file: string): Promise<string | undefined> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (existsSync(file) && readFileSync(file, 'utf8') !== '') return readFileSync(file, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((done) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => done(code));
    child.kill('SIGTERM');
  });
}

describe.skipIf(process.platform === 'win32')('npm start without the Electron binary', () => {
  it('says so, serves the app on a token address and opens the browser on it', async () => {
    const opener = join(dir, 'browser.sh');
    writeFileSync(opener, `#!/bin/sh\nprintf '%s' "$1" > '${join(dir, 'opened.txt')}'\n`);
    chmodSync(opener, 0o755);

    const out = await startWithoutElectron(opener, /Opened it in your browser\./);
    expect(out.split('\n')[0]).toMatch(/Electron binary is not installed .* opens in your browser instead\.$/);
    const url = /Factdesk is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)?.[1];
    expect(url).toBeDefined();
    // The browser was started, and gets to write what it was given in its own time.
    expect(await openedWith(join(dir, 'opened.txt'))).toBe(url);
    // The shell is really up: the token opens the page (a redirect that sets the
    // session cookie, then the page), and nothing opens without it.
    const opening = await fetch(url!, { redirect: 'manual' });
    expect(opening.status).toBe(303);
    const cookie = opening.headers.get('set-cookie')!.split(';')[0]!;
    const page = await fetch(new URL(opening.headers.get('location')!, url), { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Factdesk</title>');
    expect((await fetch(new URL('/', url!), { redirect: 'manual' })).status).toBe(403);

    expect(await stop(started!)).toBe(0);
  });

  it('prints the address to open when no browser may be opened (BROWSER=none)', async () => {
    const out = await startWithoutElectron('none', /open (\S+) yourself\./);
    const url = /Factdesk is running at (\S+)/.exec(out)?.[1];
    expect(out).toContain(`No browser could be opened from here: open ${url} yourself.`);
    expect(await stop(started!)).toBe(0);
  });
});
