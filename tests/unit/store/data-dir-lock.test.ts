// One writer per data folder: a live holder is respected with a clear sentence,
// a dead one (crash, kill -9) is taken over.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { LOCK_FILE, acquireDataDirLock, isStale } from '../../../src/backend/store/data-dir-lock';

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
});
