// Where the data folder is: --data-dir, then FACTDESK_DATA_DIR, then the OS
// user-data folder (the same one Electron's app.getPath('userData') would pick
// for an app named Factdesk), so the desktop app, the browser shell and the CLI
// all find the same library.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Factdesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Factdesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Factdesk');
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.FACTDESK_DATA_DIR) return resolve(env.FACTDESK_DATA_DIR);
  return defaultDataDir(env);
}

/** Reads `--data-dir DIR` or `--data-dir=DIR` from an argument list. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir') return argv[i + 1];
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return undefined;
}
