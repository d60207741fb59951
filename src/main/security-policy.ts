// The desktop window's security decisions as plain data and pure functions, so
// a unit test can assert every one of them without launching Electron.
// See Electron's security checklist; the wiring is in security.ts.
import { isWebAddress } from '../backend/web-address';

/** The app's own pages: the built renderer file, or the dev server in development. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
  } catch {
    return false;
  }
}

/** Only web links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  return isWebAddress(url) && new URL(url).username === '';
}

/** Factdesk needs no camera, microphone, location, notifications or anything else. */
export function allowPermission(_permission: string): boolean {
  return false;
}
