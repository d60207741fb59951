// The browser shell: the built renderer and the contract's handlers over HTTP,
// on 127.0.0.1 only, behind a per-launch token (see guard.ts). The page lives under
// this launch's session path, where its cookie is sent; GET <path>events streams the
// articles other windows change (server-sent events), behind the same guard.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { observeArticleChanges, type ArticleChange } from '../backend/article-events';
import type { Backend } from '../backend/backend';
import { APP_CSP } from '../shared/content-security-policy';
import { checkRequest, cookieName, sessionCookie, sessionPath } from './guard';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** A comment line on every open event stream, so proxies and sleeping laptops notice a dead one. */
const EVENT_PING_MS = 25_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};


export interface RunningServer {
  url: string;
  port: number;
  token: string;
  /** Where the page is served, and the only path the session cookie goes to. */
  path: string;
  server: Server;
  close(): Promise<void>;
}

export async function startHttpServer(options: {
  backend: Backend;
  staticDir: string;
  port?: number;
  token?: string;
}): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  let base = '/';
  const streams = new Set<(change: ArticleChange) => void>();
  const backend = observeArticleChanges(options.backend, (change) => streams.forEach((send) => send(change)));
  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'text/plain; charset=utf-8', 'Internal error'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const decision = checkRequest(
      { port, token },
      {
        method: req.method ?? 'GET',
        host: req.headers.host,
        origin: header(req, 'origin'),
        queryToken: url.searchParams.get('token'),
        headerToken: header(req, 'x-factdesk-token'),
        cookieHeader: req.headers.cookie,
      },
    );
    if (!decision.allow) return send(res, 403, 'text/plain; charset=utf-8', `Forbidden: ${decision.reason}.`);
    if (decision.setCookie) {
      // Keep the token out of the address bar and history once the page has it; the
      // cookie holds the token bound to this port, and goes to this launch's path only.
      res.setHeader('Set-Cookie', `${cookieName(port)}=${sessionCookie({ port, token })}; HttpOnly; SameSite=Strict; Path=${base}`);
      res.setHeader('Location', base);
      return send(res, 303, 'text/plain; charset=utf-8', `See ${base}`);
    }
    if (url.pathname === base.slice(0, -1)) {
      res.setHeader('Location', base);
      return send(res, 308, 'text/plain; charset=utf-8', `See ${base}`);
    }
    // The page's own requests come under its path; a client holding the token in a header may leave it out.
    const pathname = url.pathname.startsWith(base) ? url.pathname.slice(base.length - 1) : url.pathname;
    if (pathname === '/events') return openEventStream(req, res);
    if (pathname.startsWith('/api/')) {
      let op: string;
      try {
        op = decodeURIComponent(pathname.slice(5));
      } catch {
        // A malformed %-escape is the client's mistake, not an internal error.
        return sendJson(res, 400, { ok: false, error: { message: 'The operation name in the address is not valid.', code: 'invalid' } });
      }
      return handleApi(req, res, op);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    return serveStatic(res, pathname);
  }

  /** Server-sent events: one `article` event per change, `{ articleId, version }`, until the page goes. */
  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Use GET');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    res.write('retry: 2000\n\n');
    const deliver = (change: ArticleChange) => void res.write(`event: article\ndata: ${JSON.stringify(change)}\n\n`);
    const ping = setInterval(() => res.write(': ping\n\n'), EVENT_PING_MS);
    streams.add(deliver);
    const close = () => {
      streams.delete(deliver);
      clearInterval(ping);
    };
    req.on('close', close);
    res.on('close', close);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, op: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, 'text/plain; charset=utf-8', 'Send JSON');
    }
    let input: unknown;
    try {
      input = JSON.parse(await readBody(req));
    } catch (error) {
      const message = error instanceof BodyTooLarge ? 'The request is too large.' : 'The request body is not valid JSON.';
      return sendJson(res, 400, { ok: false, error: { message, code: 'invalid' } });
    }
    const result = await backend.invoke(op, input);
    sendJson(res, result.ok ? 200 : statusFor(result.error.code), result);
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^[/\\]+/, '');
    const file = join(options.staticDir, relative);
    if (!file.startsWith(options.staticDir + sep)) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', APP_CSP);
    send(res, 200, type, body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  base = sessionPath({ port, token });
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    path: base,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function statusFor(code: string): number {
  if (code === 'not-found') return 404;
  if (code === 'conflict') return 409;
  if (code === 'internal') return 500;
  return 400;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
