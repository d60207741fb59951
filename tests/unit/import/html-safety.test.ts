// A saved page is data, never a program: nothing in it runs, nothing is fetched,
// none of its markup reaches the article, and none of its page furniture is a claim.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INERT_DOM_OPTIONS } from '../../../src/backend/import/html-dom';
import { importFile } from '../../../src/backend/import/import-file';
import { extractSegments } from '../../../src/shared/extract';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');

// The site around the article in saved-page.html: none of it is article text.
const SITE_CHROME = [
  'Skip to content',
  'We use cookies',
  'Accept all cookies',
  'Manage preferences',
  'Subscribe for $1 a week',
  'Politics',
  'Opinion',
  'Buy boats now',
  'Most popular',
  'Lobster Prices Hit a Record',
  'A Lighthouse Keeper Retires',
  'Iframe text should never appear',
  'All rights reserved',
  'Privacy policy',
  'PWNED',
];
// Furniture inside the article: kept visible and set aside (every word accounted for), never a claim.
const IN_ARTICLE_FURNITURE = [
  'Advertisement',
  'Share',
  'Tweet',
  'Related',
  'Port Ames Approves New Ferry Terminal',
  'Gull Island School Fights to Stay Open',
  'Sign up for our morning newsletter',
];

describe('the saved-page fixture', () => {
  it('keeps every article paragraph, leaves the site around it out, and makes no claim of the furniture inside it', async () => {
    const { text, structure } = await importFile('gull-island.html', readFileSync(join(FIXTURES, 'saved-page.html')));
    const segments = extractSegments(text, structure);
    const claims = segments.filter((s) => s.setAside === undefined);
    expect(claims.length).toBeGreaterThanOrEqual(10);
    for (const line of SITE_CHROME) {
      expect(text, line).not.toContain(line);
    }
    for (const line of [...SITE_CHROME, ...IN_ARTICLE_FURNITURE]) {
      expect(claims.filter((c) => c.text.includes(line)).map((c) => c.text), line).toEqual([]);
    }
    for (const line of IN_ARTICLE_FURNITURE) {
      expect(segments.some((s) => s.setAside === 'furniture' && s.text.includes(line)), line).toBe(true);
    }
    expect(text).not.toMatch(/[<>]|window\.|https?:|\.(?:js|css|gif|jpg|woff2)\b/);
    expect(claims.map((c) => c.section).slice(0, 2)).toEqual(['headline', 'byline']);
    expect(claims.some((c) => c.text.startsWith('“We cannot keep burning money on empty boats,” said Dana Whitcomb'))).toBe(true);
  });
});

describe('nothing runs and nothing is fetched', () => {
  let server: Server;
  let base = '';
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.setHeader('content-type', req.url?.endsWith('.js') ? 'text/javascript' : 'text/html');
      res.end(req.url?.endsWith('.js') ? `fetch('${base}/external-script-ran')` : '<p>remote</p>');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('the DOM is built with no runScripts, no resources and no url', () => {
    expect(INERT_DOM_OPTIONS).toEqual({});
    expect(Object.isFrozen(INERT_DOM_OPTIONS)).toBe(true);
  });

  it('scripts, handlers, images, fonts, stylesheets, iframes and refreshes stay dead', async () => {
    const html = `<!doctype html><html><head>
      <meta http-equiv="refresh" content="0; url=${base}/refresh">
      <link rel="stylesheet" href="${base}/style.css">
      <link rel="preload" as="font" href="${base}/font.woff2">
      <style>@import url("${base}/imported.css"); body { background: url(${base}/bg.png) }</style>
      <script src="${base}/external.js"></script>
      <script>fetch('${base}/inline-script-ran'); document.title = 'PWNED';</script>
      <base href="${base}/">
      </head><body onload="fetch('${base}/onload-ran')">
      <article>
        <h1>Quarry Expansion Wins Approval After Long Fight</h1>
        <img src="${base}/photo.jpg" onerror="fetch('${base}/onerror-ran')" srcset="${base}/photo-2x.jpg 2x">
        <p>The county planning board approved the quarry expansion 4-1 on Thursday, allowing blasting on 60 more acres north of Route 9.</p>
        <iframe src="${base}/frame.html"></iframe>
        <iframe srcdoc="<script>fetch('${base}/srcdoc-ran')</script>"></iframe>
        <object data="${base}/object.swf"></object><embed src="${base}/embed.swf">
        <video poster="${base}/poster.jpg" src="${base}/video.mp4"></video>
        <p>Neighbors said the noise would drive down home prices; the company said monitoring would keep blasts under 120 decibels.</p>
        <svg><script>fetch('${base}/svg-ran')</script><image href="${base}/svg-image.png"/></svg>
      </article></body></html>`;
    const { text } = await importFile('quarry.html', Buffer.from(html));
    await new Promise((done) => setTimeout(done, 300)); // anything asynchronous would have happened by now
    expect(requests).toEqual([]);
    expect(text).toBe(
      'Quarry Expansion Wins Approval After Long Fight\n\n' +
        'The county planning board approved the quarry expansion 4-1 on Thursday, allowing blasting on 60 more acres north of Route 9.\n\n' +
        'Neighbors said the noise would drive down home prices; the company said monitoring would keep blasts under 120 decibels.',
    );
  });
});
