// Runs the real command line (src/cli/main.ts under tsx) as a person would, in
// a clean environment: no data folder or Node options inherited from the test
// runner unless `env` gives them. The sources, not the built out/cli/main.js:
// `npm test` runs these tests before it builds anything, and a stale build would
// test old code (tests/unit/cli/built-cli.test.ts builds and runs the bundle).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('FACTDESK_DATA_DIR' in env)) delete childEnv.FACTDESK_DATA_DIR;
  delete childEnv.NODE_OPTIONS;
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: childEnv,
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
