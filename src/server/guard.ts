// The browser shell's front door, as pure decisions: is this request from the
// page we served (right Host, right Origin, right token)? Kept apart from the
// HTTP plumbing so each rule is tested on its own.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface GuardConfig {
  port: number;
  token: string;
}

export interface RequestFacts {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  /** `token` from the query string, if any. */
  queryToken: string | null;
  headerToken: string | undefined;
  cookieHeader: string | undefined;
}

export type GuardDecision =
  | { allow: true; setCookie: boolean }
  | { allow: false; reason: string };

export function cookieName(port: number): string {
  // Cookies ignore ports, so each launch's port gets its own name.
  return `factdesk_${port}`;
}

/**
 * Where this launch serves the page, and the only path its cookie is sent to. Cookies
 * ignore ports: scoped to `/`, the browser would hand the cookie to any other server on
 * 127.0.0.1 as well. A path made from the token (and not revealing it) keeps it here.
 */
export function sessionPath(config: GuardConfig): string {
  return `/s/${keyed(config, 'path').slice(0, 22)}/`;
}

/**
 * What the session cookie holds: the token bound to this port, never the token itself,
 * so a cookie that does reach another program opens nothing but this one launch.
 */
export function sessionCookie(config: GuardConfig): string {
  return keyed(config, 'cookie');
}

function keyed(config: GuardConfig, purpose: string): string {
  return createHmac('sha256', config.token).update(`factdesk ${purpose} 127.0.0.1:${config.port}`).digest('base64url');
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkRequest(config: GuardConfig, req: RequestFacts): GuardDecision {
  const hosts = allowedHosts(config.port);
  // A DNS-rebinding page reaches us under its own host name: refuse it.
  if (!req.host || !hosts.includes(req.host.toLowerCase())) return { allow: false, reason: 'bad host' };
  if (req.origin !== undefined && !hosts.some((h) => req.origin === `http://${h}`)) {
    return { allow: false, reason: 'cross-origin request' };
  }
  if (tokenMatches(config.token, req.headerToken)) return { allow: true, setCookie: false };
  if (tokenMatches(sessionCookie(config), readCookie(req.cookieHeader, cookieName(config.port)))) {
    return { allow: true, setCookie: false };
  }
  // The token in the URL is accepted only to open the page; it is then kept in a cookie.
  if (req.method === 'GET' && tokenMatches(config.token, req.queryToken ?? undefined)) {
    return { allow: true, setCookie: true };
  }
  return { allow: false, reason: 'missing or wrong token' };
}

export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
