// What the app:// protocol serves, decided without touching the disk: which
// file a request names (only files under the built renderer's folder), and the
// headers it is served with. The wiring is in security.ts.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_CSP } from '../shared/content-security-policy';
import { APP_HOST, APP_SCHEME } from './security-policy';

/**
 * The file under `root` that an app:// URL names, or undefined: another host, a
 * folder (no listings), a path that is not plain (NUL, a backslash, a colon:
 * Windows separators, drives and alternate streams) or that resolves outside
 * `root` after decoding (`..`, `%2e%2e`, `..%2f`).
 */
export function appFileFor(requestUrl: string, root: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (path === '' || path.endsWith('/') || /[\0\\:]/.test(path)) return undefined;
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  return isInside(base, file) ? file : undefined;
}

/** Strictly below `folder` (both resolved). */
function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The type a built file is served as; anything unknown is bytes, never sniffed into a script or a page. */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers for a served file: its type, no sniffing, and the app's CSP (the page also carries it as a meta tag). */
export function appFileHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(file),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': APP_CSP,
    'Cache-Control': 'no-cache',
  };
}
