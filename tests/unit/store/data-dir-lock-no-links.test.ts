// The data folder's lock on a file system without hard links (FAT, some network
// shares): link() fails with EPERM, and the lock is made with O_EXCL instead. It
// still has one holder, and a dead holder's lock is still taken over.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const linkSync = () => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  };
  return { ...fs, linkSync, default: { ...fs, linkSync } };
});

const { LOCK_FILE, LockHeldError, acquireDataDirLock } = await import('../../../src/backend/store/data-dir-lock');

let dir: string;
let sleeper: ChildProcess | undefined;
afterEach(() => {
  sleeper?.kill('SIGKILL');
  sleeper = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('the lock without hard links', () => {
  it('is taken with its content, refuses a second holder, and is released', () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-nolinks-'));
    expect(() => linkSync(join(dir, 'a'), join(dir, 'b'))).toThrow(/EPERM/); // the mock is in place
    const lock = acquireDataDirLock(dir, 'test');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(readdirSync(dir)).toEqual([]);

    sleeper = spawn('sleep', ['30']);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: sleeper.pid, host: hostname(), kind: 'desktop app', since: 'today' }));
    expect(() => acquireDataDirLock(dir, 'test')).toThrow(LockHeldError);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]); // no temp file left behind
  });

  it('takes over a dead holder’s lock', () => {
    dir = mkdtempSync(join(tmpdir(), 'factdesk-nolinks-'));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: spawnSync('true').pid, host: hostname(), kind: 'desktop app', since: 'today' }));
    const lock = acquireDataDirLock(dir, 'test');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
