// The desktop app's keeper of the desk password: encrypted with Electron's
// safeStorage (the OS keychain: Keychain, DPAPI, libsecret/kwallet) into
// desk/password.enc (base64 of the ciphertext), never in clear. Where the system offers no real keychain
// (Linux without one: safeStorage's "basic_text" backend is a fixed key, as good as
// clear), nothing is written and the password lives in memory until the app quits.
// Takes safeStorage as an argument so it is tested with a fake (Electron cannot run in tests).
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PASSWORD_VARIABLE, type PasswordKeeper } from '../backend/desk/password-keeper';
import { writeFileAtomic } from '../backend/store/atomic-write';

/** The part of Electron's safeStorage this needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; "basic_text" means no keychain behind it. */
  getSelectedStorageBackend?(): string;
}

export function passwordFile(dataDir: string): string {
  return join(dataDir, 'desk', 'password.enc');
}

/** Whether safeStorage's encryption protects anything on this system. */
export function keychainUsable(safe: SafeStorageLike): boolean {
  if (!safe.isEncryptionAvailable()) return false;
  const backend = safe.getSelectedStorageBackend?.();
  return backend === undefined || (backend !== 'basic_text' && backend !== 'unknown');
}

export function safeStorageKeeper(safe: SafeStorageLike, dataDir: string, env: NodeJS.ProcessEnv = process.env): PasswordKeeper {
  const file = passwordFile(dataDir);
  let inMemory: string | undefined;
  return {
    get where() {
      return keychainUsable(safe) ? 'encrypted with the system keychain' : 'in memory until Factdesk quits: this system offers no keychain to keep it in';
    },
    async get() {
      if (inMemory) return inMemory;
      if (keychainUsable(safe) && existsSync(file)) {
        try {
          return safe.decryptString(Buffer.from(await readFile(file, 'utf8'), 'base64'));
        } catch {
          // Encrypted by another user or machine (a copied data folder): ask again rather than fail every sync.
          return env[PASSWORD_VARIABLE] || undefined;
        }
      }
      return env[PASSWORD_VARIABLE] || undefined;
    },
    async keep(password) {
      inMemory = password;
      if (!keychainUsable(safe)) {
        // A password file from a time the keychain worked would now be stale.
        await rm(file, { force: true });
        return;
      }
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic(file, safe.encryptString(password).toString('base64'));
    },
  };
}
