// The desktop window's security decisions as plain data and pure functions, so
// a unit test can assert every one of them without launching Electron.
// See Electron's security checklist; the wiring is in security.ts.
import { isWebAddress } from '../backend/web-address';

/**
 * The app's own origin. The built renderer is served from this privileged
 * scheme (app-protocol-policy.ts), never from file://, so the page has an origin
 * of its own: the IPC check and the navigation guards trust exactly this origin,
 * where a file: check would trust any local file at the right path.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'factdesk';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Standard (relative URLs, an origin, storage), secure (a secure context, like
 * https) and fetch for the page's own files. Not corsEnabled (no other origin may
 * read it), not bypassCSP (the page's policy applies), no service workers.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** How this run was built and started. */
export interface BuildKind {
  /** Electron's app.isPackaged: an installed app. */
  packaged: boolean;
  /** electron-vite's development build (`electron-vite dev`); false in every production build. */
  development: boolean;
}

/**
 * The renderer's dev server, from ELECTRON_RENDERER_URL, which electron-vite's
 * dev command sets. Honoured only in an unpackaged development build, and only
 * for an http(s) address on this machine: in any other run the variable is
 * ignored (and said so), so an environment cannot point a production app at a
 * page of its choosing and have its IPC trusted.
 */
export function rendererDevServer(value: string | undefined, build: BuildKind): { url?: string; ignored?: string } {
  if (value === undefined || value === '') return {};
  if (build.packaged) return { ignored: 'ELECTRON_RENDERER_URL is ignored: this is a packaged app.' };
  if (!build.development) return { ignored: 'ELECTRON_RENDERER_URL is ignored: this is a production build.' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ignored: 'ELECTRON_RENDERER_URL is ignored: it is not an address.' };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !isLoopback(url.hostname) || url.username || url.password) {
    return { ignored: 'ELECTRON_RENDERER_URL is ignored: the dev server must be http(s) on this machine.' };
  }
  return { url: `${url.origin}/` };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * The app's own pages: the app origin, or the dev server (given only in a
 * development run, see rendererDevServer). Anything else, file: included, is not.
 */
export function isAppUrl(url: string, devServer?: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol === `${APP_SCHEME}:`) {
    // Node's URL gives a custom scheme the origin "null": compare its parts.
    return target.host === APP_HOST && target.username === '' && target.password === '';
  }
  // Only an http(s) dev server: every file: URL (and other opaque origins) has the origin "null".
  if (devServer === undefined || (target.protocol !== 'http:' && target.protocol !== 'https:')) return false;
  try {
    return target.origin === new URL(devServer).origin;
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

const LOGGED_TARGET_MAX = 200;

/**
 * One log line for a refused request: what was refused, its op or URL and why.
 * Never the payload. The target is shown on one line (controls escaped) and
 * shortened, since it comes from the page or the web.
 */
export function refusalLogLine(action: string, target: string, reason: string): string {
  // eslint-disable-next-line no-control-regex
  let shown = target.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (shown.length > LOGGED_TARGET_MAX) shown = `${shown.slice(0, LOGGED_TARGET_MAX - 1)}…`;
  return `Factdesk refused ${action} ${shown === '' ? '(no address)' : shown}: ${reason}`;
}
