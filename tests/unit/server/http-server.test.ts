// The browser shell over real HTTP on loopback. Node's http.request is used (not
// fetch) so the tests can send any Host and Origin header, as an attacker's page or
// a DNS-rebinding site would.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';
import { cookieName, sessionCookie } from '../../../src/server/guard';
import { startHttpServer, type RunningServer } from '../../../src/server/http-server';

const INDEX_HTML = '<!doctype html><html><head><title>Factdesk</title></head><body>FACTDESK-INDEX</body></html>';
const SECRET = 'TOP-SECRET-OUTSIDE-STATIC';
const TEXT = 'The bridge opened in 1932. It cost $4 million. Traffic doubled by 1950.';

let root: string;
let staticDir: string;
let running: RunningServer[] = [];

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  server: RunningServer,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers ?? {},
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A POST to the API with the token in the header, as the served page does. */
function api(server: RunningServer, op: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(server, {
    method: 'POST',
    path: `/api/${op}`,
    headers: { 'Content-Type': 'application/json', 'X-Factdesk-Token': server.token, ...headers },
    body: JSON.stringify(input),
  });
}

function expectOneSentence(message: unknown): void {
  expect(typeof message).toBe('string');
  const text = message as string;
  expect(text.length).toBeGreaterThan(5);
  expect(text).not.toContain('\n');
  expect(text).not.toMatch(/\bat .*:\d+:\d+/);
  expect(text).toMatch(/[.!?]$/);
}

async function start(): Promise<RunningServer> {
  const dataDir = join(root, `data-${running.length}`);
  const backend = createBackend(await Store.open(dataDir));
  const server = await startHttpServer({ backend, staticDir, port: 0 });
  running.push(server);
  return server;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'factdesk-http-'));
  staticDir = join(root, 'static');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  // Things next to the static folder that must never be served.
  await writeFile(join(root, 'secret.txt'), SECRET);
  await mkdir(join(root, 'static-secret'));
  await writeFile(join(root, 'static-secret', 'x.txt'), SECRET);
});

afterEach(async () => {
  await Promise.all(running.map((s) => s.close()));
  running = [];
  await rm(root, { recursive: true, force: true });
});

describe('the browser shell', () => {
  it('listens on 127.0.0.1 only, with a long random token per launch', async () => {
    const a = await start();
    const b = await start();
    const address = a.server.address();
    expect(typeof address === 'object' && address !== null ? address.address : address).toBe('127.0.0.1');
    expect(a.url.startsWith(`http://127.0.0.1:${a.port}/`)).toBe(true);
    expect(a.token.length).toBeGreaterThanOrEqual(20);
    expect(a.token).not.toBe(b.token);
  });

  it('answers 403 to every request without the token, static files and API alike', async () => {
    const server = await start();
    const requests = [
      { path: '/' },
      { path: '/index.html' },
      { path: '/assets/app.js' },
      { path: '/no-such-file' },
      { path: '/api/library:list' },
      { method: 'POST', path: '/api/library:list', headers: { 'Content-Type': 'application/json' }, body: '{}' },
      {
        method: 'POST',
        path: '/api/articles:create',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: TEXT }),
      },
    ];
    for (const r of requests) {
      const reply = await send(server, r);
      expect(reply.status, `${r.method ?? 'GET'} ${r.path}`).toBe(403);
      expect(reply.body).not.toContain('FACTDESK-INDEX');
    }
    // A wrong token, or the token under another launch's cookie name, is no better.
    expect((await send(server, { headers: { 'X-Factdesk-Token': 'wrong' } })).status).toBe(403);
    expect((await send(server, { headers: { Cookie: `${cookieName(server.port + 1)}=${server.token}` } })).status).toBe(403);
    // Nothing was created by the refused POST.
    const list = JSON.parse((await api(server, 'library:list', {})).body);
    expect(list.value.articles).toEqual([]);
  });

  it('opens with the ?token= address: 303 to the launch’s path with an HttpOnly SameSite=Strict cookie for that path only, which then works', async () => {
    const server = await start();
    const first = await send(server, { path: `/?token=${encodeURIComponent(server.token)}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(server.path);
    expect(server.path).toMatch(/^\/s\/[\w-]+\/$/);
    const setCookie = first.headers['set-cookie'];
    expect(setCookie).toHaveLength(1);
    const cookie = setCookie![0]!;
    // The token bound to the port, never the token: another server on 127.0.0.1 that got it could not use it elsewhere.
    expect(cookie.startsWith(`${cookieName(server.port)}=${sessionCookie({ port: server.port, token: server.token })};`)).toBe(true);
    expect(cookie).not.toContain(server.token);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    // Cookies ignore ports: the path keeps the browser from sending it to other local servers.
    expect(cookie).toMatch(new RegExp(`;\\s*Path=${server.path}(;|$)`));
    expect(first.body).not.toContain('FACTDESK-INDEX');

    const cookieHeader = cookie.split(';')[0]!;
    const page = await send(server, { path: server.path, headers: { Cookie: cookieHeader } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('FACTDESK-INDEX');
    expect((await send(server, { path: `${server.path}assets/app.js`, headers: { Cookie: cookieHeader } })).status).toBe(200);
    expect((await send(server, { path: server.path.slice(0, -1), headers: { Cookie: cookieHeader } })).headers.location).toBe(server.path);
    const listed = await send(server, {
      method: 'POST',
      path: `${server.path}api/library:list`,
      headers: { Cookie: cookieHeader, 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${server.port}` },
      body: '{}',
    });
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.body).ok).toBe(true);
  });

  it('does not accept the query token for a POST', async () => {
    const server = await start();
    const reply = await send(server, {
      method: 'POST',
      path: `/api/library:list?token=${encodeURIComponent(server.token)}`,
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const server = await start();
    const evil = `evil.example:${server.port}`;
    expect((await send(server, { headers: { Host: evil, 'X-Factdesk-Token': server.token } })).status).toBe(403);
    expect((await send(server, { path: `/?token=${server.token}`, headers: { Host: evil } })).status).toBe(403);
    expect((await api(server, 'library:list', {}, { Host: evil })).status).toBe(403);
    expect(
      (await send(server, { headers: { Host: evil, Cookie: `${cookieName(server.port)}=${sessionCookie(server)}` } })).status,
    ).toBe(403);
  });

  it('refuses a cross-site Origin even with the token, and changes nothing', async () => {
    const server = await start();
    for (const origin of ['http://evil.example', `http://evil.example:${server.port}`, 'null']) {
      const reply = await api(server, 'articles:create', { text: TEXT }, { Origin: origin });
      expect(reply.status, origin).toBe(403);
    }
    const list = JSON.parse((await api(server, 'library:list', {})).body);
    expect(list.value.articles).toEqual([]);
  });

  it('serves the contract: library:list answers {ok:true,...}, and a full create → mark round trip works', async () => {
    const server = await start();
    const listed = await api(server, 'library:list', {});
    expect(listed.status).toBe(200);
    expect(listed.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(listed.body)).toEqual({ ok: true, value: { articles: [], problems: [] } });

    const created = JSON.parse((await api(server, 'articles:create', { text: TEXT, meta: { title: 'Bridge' } })).body);
    expect(created.ok).toBe(true);
    const article = created.value.article;
    const marked = await api(server, 'claims:mark', {
      articleId: article.id,
      claimId: article.claims[0].id,
      checker: 'Ana',
      patch: { status: 'disputed', note: 'Opened in 1933.' },
    });
    expect(marked.status).toBe(200);
    expect(JSON.parse(marked.body).value.claim.verdict.status).toBe('disputed');

    // A rule refusal travels as one sentence with a 4xx status.
    const refused = await api(server, 'claims:mark', {
      articleId: article.id,
      claimId: article.claims[1].id,
      checker: 'Ana',
      patch: { status: 'disputed' },
    });
    expect(refused.status).toBe(400);
    const envelope = JSON.parse(refused.body);
    expect(envelope.ok).toBe(false);
    expectOneSentence(envelope.error.message);

    const missing = await api(server, 'articles:get', { id: 'nosuchid' });
    expect(missing.status).toBe(404);
    expectOneSentence(JSON.parse(missing.body).error.message);
  });

  it('answers a bad body or bad input with 400 and one sentence, never a stack trace', async () => {
    const server = await start();
    const bodies = ['{not json', '', '{"text": ', JSON.stringify({ text: 42 }), JSON.stringify({ meta: {} })];
    for (const body of bodies) {
      const reply = await send(server, {
        method: 'POST',
        path: '/api/articles:create',
        headers: { 'Content-Type': 'application/json', 'X-Factdesk-Token': server.token },
        body,
      });
      expect(reply.status, body).toBe(400);
      const envelope = JSON.parse(reply.body);
      expect(envelope.ok).toBe(false);
      expectOneSentence(envelope.error.message);
    }
    const unknown = await api(server, 'articles:explode', {});
    expect(unknown.status).toBe(400);
    expectOneSentence(JSON.parse(unknown.body).error.message);
    expect(JSON.parse((await api(server, 'library:list', {})).body).value.articles).toEqual([]);
  });

  it('answers a malformed percent-encoding in the API path with a 4xx, not a server error', async () => {
    const server = await start();
    const reply = await api(server, '%E0%A4%A', {});
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expectOneSentence(JSON.parse(reply.body).error.message);
  });

  it('refuses API calls that are not JSON POSTs', async () => {
    const server = await start();
    expect((await send(server, { path: '/api/library:list', headers: { 'X-Factdesk-Token': server.token } })).status).toBe(405);
    const form = await send(server, {
      method: 'POST',
      path: '/api/library:list',
      headers: { 'Content-Type': 'text/plain', 'X-Factdesk-Token': server.token },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  it('never serves a file outside the static folder, whatever the path encoding', async () => {
    const server = await start();
    const paths = [
      '/../secret.txt',
      '/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..\\secret.txt',
      '/..%5csecret.txt',
      '/%5c..%5csecret.txt',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%252fsecret.txt',
      '//../secret.txt',
      '/../static-secret/x.txt',
      '/%2e%2e/static-secret/x.txt',
      '/../package.json',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/hostname',
    ];
    for (const path of paths) {
      const reply = await send(server, { path, headers: { 'X-Factdesk-Token': server.token } });
      expect(reply.body, path).not.toContain(SECRET);
      expect(reply.body, path).not.toContain('"name"');
      expect([200, 400, 403, 404], path).toContain(reply.status);
      if (reply.status === 200) expect(reply.body, path).toContain('FACTDESK-INDEX');
    }
    // The folder's own files are served.
    const js = await send(server, { path: '/assets/app.js', headers: { 'X-Factdesk-Token': server.token } });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('streams article changes as server-sent events, to the page holding the token only', async () => {
    const server = await start();
    // Without the token (or with the token itself as the cookie): 403, like every request.
    expect((await send(server, { path: `${server.path}events` })).status).toBe(403);
    expect((await send(server, { path: '/events', headers: { Cookie: `${cookieName(server.port)}=${server.token}` } })).status).toBe(403);

    const events: string[] = [];
    const opened = new Promise<{ close(): void; headers: IncomingHttpHeaders }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: server.port, path: `${server.path}events`, headers: { Cookie: `${cookieName(server.port)}=${sessionCookie(server)}` }, agent: false },
        (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => events.push(chunk));
          resolve({ close: () => req.destroy(), headers: res.headers });
        },
      );
      req.on('error', () => undefined);
      req.on('timeout', reject);
      req.end();
    });
    const stream = await opened;
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    const created = JSON.parse((await api(server, 'articles:create', { text: TEXT, meta: { title: 'Bridge' } })).body).value.article;
    await api(server, 'claims:mark', { articleId: created.id, claimId: created.claims[0].id, checker: 'Ana', patch: { status: 'verified' } });
    // Reading changes nothing and tells nobody.
    await api(server, 'articles:get', { id: created.id });
    await expect.poll(() => events.join('').match(/event: article/g)?.length ?? 0).toBe(2);
    const data = events
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)));
    expect(data).toEqual([
      { articleId: created.id, version: 0 },
      { articleId: created.id, version: 1 },
    ]);
    stream.close();
  });

  it('sends a Content-Security-Policy with every HTML page, and nosniff on responses', async () => {
    const server = await start();
    for (const path of ['/', '/index.html']) {
      const reply = await send(server, { path, headers: { 'X-Factdesk-Token': server.token } });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      const csp = reply.headers['content-security-policy'];
      expect(csp, path).toBeDefined();
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
