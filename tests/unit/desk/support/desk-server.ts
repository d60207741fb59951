// A real desk server for a test: scripts/desk-server.mjs spawned on a free loopback
// port, with a checker pair and an editor. `kill` stops it hard (SIGKILL, as a crash
// would), `restart` brings it back on the same port, empty: it is memory only.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const SCRIPT = resolve(import.meta.dirname, '../../../../scripts/desk-server.mjs');

export const USERS = { ann: 'ann-pass', bob: 'bob-pass', cat: 'cat-pass', eve: 'eve-pass' } as const;

export interface DeskServer {
  url: string;
  startMs: number;
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A loopback port nothing listens on now (the benches' desk server uses it too). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

function launch(port: number, rules: boolean): Promise<{ child: ChildProcess; url: string; startMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [
    SCRIPT, '--port', String(port), '--db', 'desk', '--admin', 'root:root-pass',
    '--user', `ann:${USERS.ann}:checker`, '--user', `bob:${USERS.bob}:checker`, '--user', `cat:${USERS.cat}:checker`, '--user', `eve:${USERS.eve}:editor`,
    ...(rules ? [] : ['--without-rules']),
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      const ready = /^ready (\S+)/m.exec(chunk.toString());
      if (ready) done({ child, url: ready[1]!, startMs: performance.now() - started });
    });
    child.once('exit', (code) => fail(new Error(`desk server exited (${code}): ${err}`)));
  });
}

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill(signal);
  });
}

/** A desk server with the desk's rules installed (`rules: false`: without, as a careless install leaves it). */
export async function startDeskServer({ rules = true }: { rules?: boolean } = {}): Promise<DeskServer> {
  const port = await freePort();
  let current = await launch(port, rules);
  return {
    url: current.url,
    startMs: current.startMs,
    kill: () => stopped(current.child, 'SIGKILL'),
    restart: async () => {
      current = await launch(port, rules);
    },
    stop: () => stopped(current.child, 'SIGTERM'),
  };
}
