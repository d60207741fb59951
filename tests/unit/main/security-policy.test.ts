import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { APP_CSP } from '../../../src/shared/content-security-policy';
import { APP_ENTRY_URL, allowPermission, isAppUrl, isSafeExternalUrl } from '../../../src/main/security-policy';

describe('desktop window security', () => {
  it('recognises only the app’s own origin as the app, and the dev server only when given', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://factdesk/index.html#/article/abc')).toBe(true);
    expect(isAppUrl('app://factdesk/assets/index.js')).toBe(true);
    for (const url of [
      'file:///app/out/renderer/index.html',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://factdesk.evil/index.html',
      'app://factdesk:1/index.html',
      'app://user@factdesk/index.html',
      'https://factdesk/',
      'https://example.com/',
      'http://localhost:5173/',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html', 'http://localhost:5173/')).toBe(false);
    // A file: or data: address never passes as a dev server: their origins are all "null".
    expect(isAppUrl('file:///etc/passwd', 'file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('data:text/html,x', 'data:text/html,y')).toBe(false);
    expect(isAppUrl('app://factdesk/index.html', 'http://localhost:5173/')).toBe(true);
  });

  it('sends only http(s) links to the system browser', () => {
    expect(isSafeExternalUrl('https://www.example.org/report')).toBe(true);
    expect(isSafeExternalUrl('http://example.org')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://user:pw@example.org', 'nonsense']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(allowPermission(permission)).toBe(false);
    }
  });

  it('has a strict content security policy', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(APP_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('puts the same policy in the page itself (the app:// protocol also sends it as a header)', () => {
    const html = readFileSync(new URL('../../../src/renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(APP_CSP.replace("; frame-ancestors 'none'", ''));
  });
});

describe('saved reports', () => {
  it('opens only a finished HTML report in the system browser', async () => {
    const { shouldOpenSavedReport } = await import('../../../src/main/open-saved-report-policy');
    expect(shouldOpenSavedReport('completed', '/home/ana/Report.html')).toBe(true);
    expect(shouldOpenSavedReport('cancelled', '/home/ana/Report.html')).toBe(false);
    expect(shouldOpenSavedReport('completed', '/home/ana/Report.csv')).toBe(false);
    expect(shouldOpenSavedReport('completed', '/home/ana/Report.pdf')).toBe(false);
  });
});
