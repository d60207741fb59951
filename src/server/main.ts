// `npm run serve`: the browser shell. Prints the URL with this launch's token.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openBackend } from '../backend/open-backend';
import { resolveDataDir } from '../backend/store/data-dir';
import { UserError } from '../shared/errors';
import { startHttpServer } from './http-server';

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      static: { type: 'string' },
    },
  });
  const staticDir = values.static ?? DEFAULT_STATIC_DIR;
  if (!existsSync(staticDir)) {
    throw new UserError(`The interface is not built yet (${staticDir} is missing): run “npm run build” first.`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port “${values.port}” is not a port number.`);
  const dataDir = resolveDataDir(values['data-dir']);
  // The desk password comes from FACTDESK_DESK_PASSWORD (or “Join a desk…”, kept in memory only).
  const backend = await openBackend(dataDir, { lockAs: 'browser shell', liveDesk: true });
  const running = await startHttpServer({ backend, staticDir, port });
  process.stdout.write(`Factdesk is running at ${running.url}\nData folder: ${dataDir}\nOpen the address above in a browser; press Ctrl+C to stop.\n`);
  for (const problem of backend.store.problems) process.stderr.write(`${problem.message}\n`);

  const stop = async () => {
    await running.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof UserError ? error.message : `Factdesk could not start: ${String(error)}`}\n`);
  process.exit(1);
});
