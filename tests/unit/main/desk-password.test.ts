// The desktop app's desk password keeper, with a fake safeStorage (Electron cannot run here).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passwordFile, safeStorageKeeper, type SafeStorageLike } from '../../../src/main/desk-password';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder() {
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-keeper-'));
  dirs.push(dir);
  return dir;
}

/** A reversible stand-in for the OS keychain's encryption: the bytes on disk are not the password. */
function fakeSafe(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decryptString: (data) => {
      const text = data.toString();
      if (!text.startsWith('enc:')) throw new Error('not ours');
      return [...text.slice(4)].reverse().join('');
    },
  };
}

describe('the desktop app’s desk password keeper', () => {
  it('keeps the password encrypted in the data folder, never in clear, and reads it back after a restart', async () => {
    const dir = await folder();
    await safeStorageKeeper(fakeSafe(), dir, {}).keep('s3cret-pass');
    const onDisk = await readFile(passwordFile(dir), 'utf8');
    expect(onDisk).not.toContain('s3cret-pass');
    expect(Buffer.from(onDisk, 'base64').toString()).not.toContain('s3cret-pass');
    expect(await safeStorageKeeper(fakeSafe(), dir, {}).get()).toBe('s3cret-pass');
  });

  it('writes nothing where the system has no real keychain (basic_text), keeping the password in memory', async () => {
    const dir = await folder();
    const keeper = safeStorageKeeper(fakeSafe('basic_text'), dir, {});
    await keeper.keep('s3cret-pass');
    expect(existsSync(passwordFile(dir))).toBe(false);
    expect(await keeper.get()).toBe('s3cret-pass');
    expect(keeper.where).toMatch(/in memory/);
    expect(await safeStorageKeeper(fakeSafe('basic_text'), dir, {}).get()).toBeUndefined();
  });

  it('falls back to FACTDESK_DESK_PASSWORD when the stored one cannot be decrypted (a copied data folder)', async () => {
    const dir = await folder();
    await safeStorageKeeper(fakeSafe(), dir, {}).keep('s3cret-pass');
    const other: SafeStorageLike = { ...fakeSafe(), decryptString: () => { throw new Error('wrong key'); } };
    expect(await safeStorageKeeper(other, dir, { FACTDESK_DESK_PASSWORD: 'from-env' }).get()).toBe('from-env');
    expect(await safeStorageKeeper(other, dir, {}).get()).toBeUndefined();
  });
});
