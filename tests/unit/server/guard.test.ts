// The browser shell's front door as pure decisions. Anything on the machine (another
// user's page, a DNS-rebinding site, a curious local process) can reach 127.0.0.1:
// only the page we served, holding this launch's token, may read or change the library.
import { describe, expect, it } from 'vitest';
import { checkRequest, cookieName, readCookie, sessionCookie, sessionPath, type RequestFacts } from '../../../src/server/guard';

const PORT = 41234;
const TOKEN = 'tok_2f9c1a8e7b6d5c4b3a2910ffeeddccbb';
const config = { port: PORT, token: TOKEN };
const COOKIE = sessionCookie(config);

function facts(overrides: Partial<RequestFacts> = {}): RequestFacts {
  return {
    method: 'GET',
    host: `127.0.0.1:${PORT}`,
    origin: undefined,
    queryToken: null,
    headerToken: TOKEN,
    cookieHeader: undefined,
    ...overrides,
  };
}

describe('checkRequest', () => {
  it('allows the served page: right host, no origin, token in the header', () => {
    expect(checkRequest(config, facts())).toEqual({ allow: true, setCookie: false });
    expect(checkRequest(config, facts({ method: 'POST', origin: `http://127.0.0.1:${PORT}` }))).toEqual({
      allow: true,
      setCookie: false,
    });
    expect(checkRequest(config, facts({ host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` })).allow).toBe(true);
  });

  it('refuses a foreign Host even with the right token (DNS rebinding)', () => {
    for (const host of [
      `evil.example:${PORT}`,
      'evil.example',
      `127.0.0.1.evil.example:${PORT}`,
      `127.0.0.1:${PORT + 1}`,
      '127.0.0.1',
      `[::1]:${PORT}`,
      '',
      undefined,
    ]) {
      const decision = checkRequest(config, facts({ host, cookieHeader: `${cookieName(PORT)}=${COOKIE}`, queryToken: TOKEN }));
      expect(decision.allow, String(host)).toBe(false);
    }
  });

  it('refuses a cross-site Origin even with the right token', () => {
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${PORT}`,
      `https://127.0.0.1:${PORT}`,
      `http://127.0.0.1:${PORT + 1}`,
      `http://127.0.0.1:${PORT}.evil.example`,
      'null',
      '',
    ]) {
      const decision = checkRequest(config, facts({ method: 'POST', origin }));
      expect(decision.allow, origin).toBe(false);
    }
  });

  it('refuses a request without a token', () => {
    const decision = checkRequest(config, facts({ headerToken: undefined }));
    expect(decision).toMatchObject({ allow: false });
    expect(checkRequest(config, facts({ headerToken: '' })).allow).toBe(false);
  });

  it('refuses a wrong token, including a prefix, a longer one, and a different case', () => {
    for (const wrong of [
      'wrong',
      TOKEN.slice(0, -1),
      `${TOKEN}x`,
      TOKEN.toUpperCase(),
      ` ${TOKEN}`,
    ]) {
      expect(checkRequest(config, facts({ headerToken: wrong })).allow, wrong).toBe(false);
      expect(checkRequest(config, facts({ headerToken: undefined, cookieHeader: `${cookieName(PORT)}=${wrong}x` })).allow).toBe(false);
      expect(checkRequest(config, facts({ headerToken: undefined, cookieHeader: `${cookieName(PORT)}=${COOKIE.slice(0, -1)}` })).allow).toBe(false);
      expect(checkRequest(config, facts({ headerToken: undefined, queryToken: wrong })).allow).toBe(false);
    }
  });

  it('accepts this launch’s session cookie, among other cookies, for GET and POST', () => {
    const cookieHeader = `theme=dark; ${cookieName(PORT)}=${COOKIE}; other=1`;
    for (const method of ['GET', 'POST']) {
      expect(checkRequest(config, facts({ method, headerToken: undefined, cookieHeader }))).toEqual({
        allow: true,
        setCookie: false,
      });
    }
  });

  it('names the cookie per port, so another launch’s cookie does not open this one', () => {
    expect(cookieName(PORT)).not.toBe(cookieName(PORT + 1));
    const otherLaunch = `${cookieName(PORT + 1)}=${COOKIE}`;
    expect(checkRequest(config, facts({ headerToken: undefined, cookieHeader: otherLaunch })).allow).toBe(false);
    // A cookie whose name merely ends with ours does not count either.
    const lookalike = `x${cookieName(PORT)}=${COOKIE}`;
    expect(checkRequest(config, facts({ headerToken: undefined, cookieHeader: lookalike })).allow).toBe(false);
  });

  it('never puts the token in the cookie: it holds the token bound to the port, useless on any other', () => {
    expect(COOKIE).not.toContain(TOKEN);
    expect(COOKIE.length).toBeGreaterThanOrEqual(32);
    // The token itself in the cookie opens nothing (only the page's own cookie does).
    expect(checkRequest(config, facts({ headerToken: undefined, cookieHeader: `${cookieName(PORT)}=${TOKEN}` })).allow).toBe(false);
    // The same token on another port gives another cookie, and another path.
    const other = { port: PORT + 1, token: TOKEN };
    expect(sessionCookie(other)).not.toBe(COOKIE);
    expect(checkRequest(other, facts({ host: `127.0.0.1:${PORT + 1}`, headerToken: undefined, cookieHeader: `${cookieName(PORT + 1)}=${COOKIE}` })).allow).toBe(false);
    expect(sessionPath(other)).not.toBe(sessionPath(config));
  });

  it('scopes the cookie to a path of this launch that does not reveal the token', () => {
    const path = sessionPath(config);
    expect(path).toMatch(/^\/s\/[A-Za-z0-9_-]{22}\/$/);
    expect(path).not.toContain(TOKEN.slice(4, 12));
    expect(sessionPath({ port: PORT, token: `${TOKEN}2` })).not.toBe(path);
  });

  it('accepts the token in the query only for GET, and then asks to set the cookie', () => {
    expect(checkRequest(config, facts({ headerToken: undefined, queryToken: TOKEN }))).toEqual({ allow: true, setCookie: true });
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      expect(checkRequest(config, facts({ method, headerToken: undefined, queryToken: TOKEN })).allow, method).toBe(false);
    }
  });

  it('explains each refusal with a short reason', () => {
    const reasons = [
      checkRequest(config, facts({ host: 'evil.example' })),
      checkRequest(config, facts({ origin: 'http://evil.example' })),
      checkRequest(config, facts({ headerToken: undefined })),
    ].map((d) => (d.allow ? 'allowed' : d.reason));
    expect(new Set(reasons).size).toBe(3);
    for (const reason of reasons) expect(reason).not.toBe('allowed');
  });
});

describe('readCookie', () => {
  it('reads one cookie by exact name from a Cookie header', () => {
    expect(readCookie('a=1; b=2;c=3', 'b')).toBe('2');
    expect(readCookie('a=1; b=2;c=3', 'c')).toBe('3');
    expect(readCookie('ab=1', 'b')).toBeUndefined();
    expect(readCookie(undefined, 'b')).toBeUndefined();
    expect(readCookie('', 'b')).toBeUndefined();
  });
});
