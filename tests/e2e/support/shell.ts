// Starts the real browser shell (`src/server/main.ts`) on a data folder, as
// `npm run serve` does, and reads the URL with its token from stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export interface Shell {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const made: string[] = [];
// Data folders outlive a test (a restart reopens one) but not the worker process.
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-e2e-'));
  made.push(dir);
  return dir;
}

/** `env`: added to the shell's environment (a desk member's FACTDESK_DESK_PASSWORD, say). */
export async function startShell(dataDir: string, options: { env?: Record<string, string> } = {}): Promise<Shell> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolvePromise, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the shell did not start in time: ${out}${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the shell exited with ${code}: ${err}`)));
  });
  return { url, dataDir, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null) return resolvePromise();
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}
