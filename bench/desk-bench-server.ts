// A desk server for the load and first-sync benches: scripts/desk-server.mjs on a
// free loopback port, with as many members as the bench needs (the tests' support
// server has four). Its process id is kept so the bench can say what CPU it used.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '../tests/unit/desk/support/desk-server';

const SCRIPT = resolve(import.meta.dirname, '../scripts/desk-server.mjs');

export interface BenchServer {
  url: string;
  pid: number;
  /** CPU seconds the server process has used so far (Linux; 0 elsewhere). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export function memberPassword(name: string): string {
  return `${name}-pass`;
}

/** utime + stime of a process from /proc, in seconds; 0 where there is no /proc. */
export function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // Fields 14 and 15 of stat (utime, stime) in clock ticks, counted after the ") ".
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Starts a server whose members are `checkers` (role checker) and `editors` (role editor), each with memberPassword(name). */
export async function startBenchServer(checkers: string[], editors: string[] = []): Promise<BenchServer> {
  const port = await freePort();
  const users = [...checkers.map((n) => `${n}:${memberPassword(n)}:checker`), ...editors.map((n) => `${n}:${memberPassword(n)}:editor`)];
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, '--port', String(port), '--db', 'desk', '--admin', 'root:root-pass', ...users.flatMap((u) => ['--user', u])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((done, fail) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      const ready = /^ready (\S+)/m.exec(chunk.toString());
      if (ready) done(ready[1]!);
    });
    child.once('exit', (code) => fail(new Error(`desk server exited (${code}): ${err}`)));
  });
  // A bench that throws past its own cleanup does not leave the server running behind it.
  process.once('exit', () => child.kill('SIGKILL'));
  return {
    url,
    pid: child.pid!,
    cpuSeconds: () => processCpuSeconds(child.pid!),
    stop: () =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
  };
}
