// The app:// protocol's pure parts: which file a request names (only files under
// the renderer's folder, never a folder, never outside it), and the headers.
import { describe, expect, it } from 'vitest';
import { appFileFor, appFileHeaders, mimeTypeFor } from '../../../src/main/app-protocol-policy';
import { APP_CSP } from '../../../src/shared/content-security-policy';
import { APP_SCHEME_PRIVILEGES } from '../../../src/main/security-policy';

const ROOT = '/app/out/renderer';

describe('app:// paths', () => {
  it('names the files under the renderer folder', () => {
    expect(appFileFor('app://factdesk/index.html', ROOT)).toBe('/app/out/renderer/index.html');
    expect(appFileFor('app://factdesk/index.html?x=1#/article/abc', ROOT)).toBe('/app/out/renderer/index.html');
    expect(appFileFor('app://factdesk/assets/index-C2nByS40.js', ROOT)).toBe('/app/out/renderer/assets/index-C2nByS40.js');
    expect(appFileFor('app://factdesk/assets/a%20b.css', ROOT)).toBe('/app/out/renderer/assets/a b.css');
    expect(appFileFor('app://factdesk/assets/x.js', `${ROOT}/`)).toBe('/app/out/renderer/assets/x.js');
  });

  it('keeps dot segments the URL parser resolves inside the folder', () => {
    // The parser has already removed them: what is left is a path under the root (a 404 if absent).
    for (const url of ['app://factdesk/../../etc/passwd', 'app://factdesk/%2e%2e/%2e%2e/etc/passwd', 'app://factdesk/assets/../../main/index.js']) {
      const file = appFileFor(url, ROOT);
      expect(file === undefined || file.startsWith(`${ROOT}/`), url).toBe(true);
    }
  });

  it('refuses what escapes the folder once decoded, folders, odd paths and other hosts', () => {
    for (const url of [
      'app://factdesk/..%2f..%2fetc%2fpasswd',
      'app://factdesk/..%2fmain%2findex.js',
      'app://factdesk/..%2fpreload%2findex.cjs',
      'app://factdesk/assets%2f..%2f..%2f..%2fpackage.json',
      'app://factdesk/..%2frenderer-evil%2fx.js',
      'app://factdesk/..%5c..%5cmain%5cindex.js',
      'app://factdesk/index.html%00.js',
      'app://factdesk/C:/Windows/win.ini',
      'app://factdesk/index.html:stream',
      'app://factdesk/%E0%A4%A',
      'app://factdesk/',
      'app://factdesk',
      'app://factdesk/assets/',
      'app://factdesk/%2e%2e%2f',
      'app://evil/index.html',
      'app://factdesk:8080/index.html',
      'app://user@factdesk/index.html',
      'http://factdesk/index.html',
      'file:///app/out/renderer/index.html',
      'not a url',
    ]) {
      expect(appFileFor(url, ROOT), url).toBeUndefined();
    }
  });
});

describe('app:// responses', () => {
  it('serves each built file as its type, and anything unknown as bytes', () => {
    expect(mimeTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/r/assets/index-x.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/r/assets/index-x.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/r/assets/font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/r/assets/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/r/assets/file.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('/r/assets/noextension')).toBe('application/octet-stream');
  });

  it('sends no-sniff and the app’s CSP with every file', () => {
    expect(appFileHeaders('/r/index.html')).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': APP_CSP,
    });
  });

  it('registers the scheme standard and secure, and no more than the page needs', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});
