// One writer per data folder: a live holder is respected with a clear sentence,
// a dead one (crash, kill -9) is taken over.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { openBackend } from '../../../src/backend/open-backend';
import { LOCK_FILE, LockHeldError, acquireDataDirLock, isStale } from '../../../src/backend/store/data-dir-lock';

let dir: string;
let sleeper: ChildProcess | undefined;

afterEach(() => {
  sleeper?.kill('SIGKILL');
  sleeper = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function holdBy(pid: number, host = hostname()) {
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host, kind: 'browser shell', since: '2026-01-01T00:00:00.000Z' }));
}

const cli = (...args: string[]) => runCli([...args, '--data-dir', dir]);

describe('data folder lock', () => {
  it('decides staleness from the holder’s pid and host', () => {
    const alive = (pid: number) => pid === 42;
    expect(isStale({ pid: 42, host: 'desk-1', kind: 'x', since: '' }, 'desk-1', alive)).toBe(false);
    expect(isStale({ pid: 43, host: 'desk-1', kind: 'x', since: '' }, 'desk-1', alive)).toBe(true);
    // Another machine's lock on a shared folder cannot be probed, so it is respected.
    expect(isStale({ pid: 43, host: 'desk-2', kind: 'x', since: '' }, 'desk-1', alive)).toBe(false);
    expect(isStale(null, 'desk-1', alive)).toBe(true);
  });

  it('makes a writing CLI command refuse while another process holds the folder, and changes nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-lock-'));
    writeFileSync(join(dir, 'article.txt'), 'The bridge opened in 1932. It cost $4 million.');
    sleeper = spawn('sleep', ['30']);
    holdBy(sleeper.pid!);
    const result = cli('import', join(dir, 'article.txt'));
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/is in use by another Factdesk \(browser shell, process \d+/);
    expect(existsSync(join(dir, 'articles'))).toBe(false);
    // Reading is still allowed.
    expect(cli('list').status).toBe(0);
  });

  it('takes over a lock left by a process that died', () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-lock-'));
    writeFileSync(join(dir, 'article.txt'), 'The bridge opened in 1932. It cost $4 million.');
    const dead = spawnSync('true').pid; // finished: its pid is free
    holdBy(dead);
    const result = cli('import', join(dir, 'article.txt'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // Released when the command ended.
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('is released by its holder and can be taken again', () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-lock-'));
    const lock = acquireDataDirLock(dir, 'test');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    acquireDataDirLock(dir, 'test').release();
  });

  it('calls a lock with no readable holder stale only once it is a few seconds old', () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-lock-'));
    // An older Factdesk creates the file, then writes it: empty for a moment, and alive.
    writeFileSync(join(dir, LOCK_FILE), '');
    expect(() => acquireDataDirLock(dir, 'test')).toThrow(/is being locked by another Factdesk right now; try again in a moment\.$/);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe('');
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(join(dir, LOCK_FILE), longAgo, longAgo);
    const lock = acquireDataDirLock(dir, 'test');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over through a right to take over that one lock: a live taker’s is respected, a dead taker’s is passed over', () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-lock-'));
    holdBy(spawnSync('true').pid!);
    const raw = readFileSync(join(dir, LOCK_FILE), 'utf8');
    const id = createHash('sha256').update(`${statSync(join(dir, LOCK_FILE)).ino}\0${raw}`).digest('hex').slice(0, 20);
    const right = (k: number) => join(dir, `${LOCK_FILE}.takeover-${id}-${k}`);
    sleeper = spawn('sleep', ['30']);
    // Another process, alive, is taking it over right now: not us.
    writeFileSync(right(1), JSON.stringify({ pid: sleeper.pid, host: hostname(), kind: 'command line', since: '' }));
    const error = (() => {
      try {
        acquireDataDirLock(dir, 'test');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LockHeldError);
    expect((error as LockHeldError).brief).toBe(true);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(raw);
    // That taker died mid-takeover: the next right is taken, and the lock with it.
    writeFileSync(right(1), JSON.stringify({ pid: spawnSync('true').pid, host: hostname(), kind: 'command line', since: '' }));
    const lock = acquireDataDirLock(dir, 'test');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    expect(readdirSync(dir).filter((n) => n.includes('takeover'))).toEqual([]);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('never releases a lock that is not its own', () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-lock-'));
    const lock = acquireDataDirLock(dir, 'test');
    sleeper = spawn('sleep', ['30']);
    holdBy(sleeper.pid!); // (as if it had been taken over)
    lock.release();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(sleeper.pid);
  });

  it('makes a front door wait for a command-line holder, and refuse at once when the app or the browser shell holds it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-lock-'));
    sleeper = spawn('sleep', ['30']);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: sleeper.pid, host: hostname(), kind: 'command line', since: '2026-01-01T00:00:00.000Z' }));
    const done = sleeper;
    setTimeout(() => done.kill('SIGKILL'), 300); // the command finishes (or dies) a moment later
    const started = Date.now();
    const backend = await openBackend(dir, { lockAs: 'desktop app' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).kind).toBe('desktop app');
    await backend.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

    sleeper = spawn('sleep', ['30']);
    holdBy(sleeper.pid!);
    const quick = Date.now();
    await expect(openBackend(dir, { lockAs: 'command line' })).rejects.toThrow(/in use by another Factdesk \(browser shell, process \d+ on .+\); close it first\.$/);
    expect(Date.now() - quick).toBeLessThan(1_000);
  });
});
