// security.ts with Electron stood in for: the app:// handler over a real folder,
// the IPC sender check and the navigation guards, and one log line for every
// refusal (with the op or URL and the reason, never the payload).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

type Handler = (request: { url: string; method: string }) => Promise<Response>;
const electron = vi.hoisted(() => ({
  handlers: new Map<string, unknown>(),
  privileged: [] as unknown[],
  opened: [] as string[],
  ipc: new Map<string, (event: unknown, input: unknown) => unknown>(),
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privileged.push(...schemes),
    handle: (scheme: string, handler: unknown) => electron.handlers.set(scheme, handler),
  },
  shell: { openExternal: async (url: string) => void electron.opened.push(url) },
  ipcMain: { handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => electron.ipc.set(channel, handler) },
}));

const { hardenContents, isTrustedSender, registerAppScheme, serveAppScheme } = await import('../../../src/main/security');
const { registerIpc } = await import('../../../src/main/ipc');

let root: string;
let rendererDir: string;
let warn: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'factdesk-app-scheme-'));
  rendererDir = join(root, 'out', 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await mkdir(join(root, 'out', 'main'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Factdesk</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'out', 'main', 'index.js'), 'secret main process code');
  registerAppScheme();
  serveAppScheme(rendererDir);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

afterEach(() => {
  warn?.mockRestore();
});

function logged(): string[] {
  return warn.mock.calls.map((call: unknown[]) => String(call[0]));
}

async function get(url: string, method = 'GET'): Promise<Response> {
  return (electron.handlers.get('app') as Handler)({ url, method });
}

describe('the app:// protocol', () => {
  it('is registered privileged before ready, as app', () => {
    expect(electron.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the page and its assets with their types and the CSP', async () => {
    const page = await get('app://factdesk/index.html#/article/x');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<title>Factdesk</title>');
    const script = await get('app://factdesk/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404 for a missing file, a folder, a file outside the folder and anything but GET', async () => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const [url, method] of [
      ['app://factdesk/missing.js', 'GET'],
      ['app://factdesk/assets', 'GET'],
      ['app://factdesk/assets/', 'GET'],
      ['app://factdesk/', 'GET'],
      ['app://factdesk/..%2fmain%2findex.js', 'GET'],
      ['app://factdesk/..%2f..%2fout%2fmain%2findex.js', 'GET'],
      ['app://factdesk/index.html', 'POST'],
    ] as const) {
      const reply = await get(url, method);
      expect(reply.status, `${method} ${url}`).toBe(404);
      expect(await reply.text()).not.toContain('secret');
    }
    expect(logged().some((l) => l.startsWith('Factdesk refused app file GET app://factdesk/..%2fmain%2findex.js: '))).toBe(true);
  });
});

describe('refusals in the main process', () => {
  function fakeContents() {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });
    return {
      on: (name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
      emit(name: string, ...args: unknown[]) {
        const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
        listeners.get(name)!(event, ...args);
        return event.defaultPrevented;
      },
      open: (url: string) => openHandler({ url }),
    };
  }

  it('allows navigation within the app, refuses the rest and logs each refusal on one line', () => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const contents = fakeContents();
    hardenContents(contents as never, undefined);
    expect(contents.emit('will-navigate', 'app://factdesk/index.html#/x')).toBe(false);
    expect(contents.emit('will-navigate', 'https://evil.example/phish?a=1')).toBe(true);
    expect(contents.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emit('will-redirect', 'http://localhost:5173/')).toBe(true);
    expect(contents.emit('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
    expect(contents.open('https://example.org/source')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(electron.opened).toEqual(['https://example.org/source']);
    expect(logged()).toEqual([
      'Factdesk refused navigation to https://evil.example/phish?a=1: not Factdesk’s page (links open in the system browser)',
      'Factdesk refused navigation to file:///etc/passwd: not Factdesk’s page (links open in the system browser)',
      'Factdesk refused redirect to http://localhost:5173/: not Factdesk’s page',
      'Factdesk refused webview for https://evil.example/: Factdesk uses no webviews',
      'Factdesk refused new window for https://example.org/source: opened in the system browser instead',
      'Factdesk refused new window for javascript:alert(1): not a web link',
    ]);
  });

  it('trusts the dev server only when it is given', () => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const contents = fakeContents();
    hardenContents(contents as never, 'http://localhost:5173/');
    expect(contents.emit('will-navigate', 'http://localhost:5173/#/x')).toBe(false);
    expect(contents.emit('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('refuses an IPC call from another frame, logging the op and the frame, never the payload', async () => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ipcEvent = (url: string) => ({ senderFrame: { url } }) as never;
    expect(isTrustedSender(ipcEvent('app://factdesk/index.html'), 'claims:mark', undefined)).toBe(true);
    expect(isTrustedSender(ipcEvent('file:///tmp/evil.html'), 'claims:mark', undefined)).toBe(false);
    expect(isTrustedSender(ipcEvent('http://localhost:5173/'), 'articles:get', undefined)).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as never, 'library:list', undefined)).toBe(false);
    expect(logged()).toEqual([
      'Factdesk refused IPC claims:mark from file:///tmp/evil.html: the request did not come from Factdesk’s page',
      'Factdesk refused IPC articles:get from http://localhost:5173/: the request did not come from Factdesk’s page',
      'Factdesk refused IPC library:list from (no address): the request did not come from Factdesk’s page',
    ]);
  });

  it('runs no handler for a refused IPC call', () => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const invoked: unknown[] = [];
    registerIpc({ invoke: (op: string, input: unknown) => invoked.push([op, input]) } as never, undefined);
    const mark = electron.ipc.get('claims:mark')!;
    const payload = { note: 'private note of the checker' };
    expect(mark({ senderFrame: { url: 'https://evil.example/' } }, payload)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(invoked).toEqual([]);
    expect(logged().join('\n')).not.toContain('private note');
    mark({ senderFrame: { url: 'app://factdesk/index.html' } }, payload);
    expect(invoked).toEqual([['claims:mark', payload]]);
  });

  it('keeps a hostile address to one short line', async () => {
    const { refusalLogLine } = await import('../../../src/main/security-policy');
    const line = refusalLogLine('navigation to', `https://evil.example/${'a'.repeat(500)}\n\u001b[2Jforged line`, 'why');
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\n\r\u001b]/);
    expect(line.length).toBeLessThan(260);
    expect(line).toMatch(/…: why$/);
    expect(refusalLogLine('navigation to', 'data:text/html,\nx\u2028', 'why')).toBe('Factdesk refused navigation to data:text/html,\\u000ax\\u2028: why');
  });
});
