// ELECTRON_RENDERER_URL points the window at electron-vite's dev server. It is
// honoured only in an unpackaged development build; anywhere else the app loads
// app://factdesk/ and the IPC check trusts nothing but that origin.
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, rendererDevServer } from '../../../src/main/security-policy';

const DEV = { packaged: false, development: true };

describe('the dev server address', () => {
  it('is honoured in development, as the dev server’s origin', () => {
    expect(rendererDevServer('http://localhost:5173', DEV)).toEqual({ url: 'http://localhost:5173/' });
    expect(rendererDevServer('http://127.0.0.1:5173/some/path', DEV)).toEqual({ url: 'http://127.0.0.1:5173/' });
    expect(rendererDevServer('https://[::1]:5173', DEV)).toEqual({ url: 'https://[::1]:5173/' });
  });

  it('is ignored, and said so, in a production build or a packaged app', () => {
    for (const build of [
      { packaged: false, development: false },
      { packaged: true, development: false },
      { packaged: true, development: true },
    ]) {
      const decision = rendererDevServer('http://localhost:5173', build);
      expect(decision.url, JSON.stringify(build)).toBeUndefined();
      expect(decision.ignored).toMatch(/^ELECTRON_RENDERER_URL is ignored: .*\.$/);
    }
  });

  it('is ignored in development too when it is not an http(s) server on this machine', () => {
    for (const value of ['https://evil.example/', 'http://192.168.1.5:5173', 'file:///tmp/page.html', 'javascript:alert(1)', 'app://factdesk/', 'http://user:pw@localhost:5173', 'nonsense']) {
      expect(rendererDevServer(value, DEV).url, value).toBeUndefined();
    }
  });

  it('is nothing when the variable is unset', () => {
    expect(rendererDevServer(undefined, DEV)).toEqual({});
    expect(rendererDevServer('', { packaged: true, development: false })).toEqual({});
  });

  it('leaves the IPC check trusting only app://factdesk in production, whatever the variable says', () => {
    const production = rendererDevServer('https://evil.example/', { packaged: true, development: false });
    expect(isAppUrl('https://evil.example/', production.url)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', rendererDevServer('http://localhost:5173', { packaged: false, development: false }).url)).toBe(false);
    expect(isAppUrl(APP_ENTRY_URL, production.url)).toBe(true);
    const dev = rendererDevServer('http://localhost:5173', DEV);
    expect(isAppUrl('http://localhost:5173/#/article/x', dev.url)).toBe(true);
  });
});
