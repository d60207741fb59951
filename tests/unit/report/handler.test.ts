// reports:export as every front door reaches it: through the backend's invoke,
// on a real store in a temp folder. The PDF is printed by headless Chromium and
// read back with pdfjs (skipped, saying so, where no Chromium is installed).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { findChromium } from '../../../src/backend/export/chromium';
import { Store } from '../../../src/backend/store/store';
import type { ClaimFilter } from '../../../src/shared/claim-filter';
import type { Article } from '../../../src/shared/model';
import { parseArticleJson } from '../../../src/shared/report/json';
import { describeTimeZone, formatTimestamp, machineTimeZone } from '../../../src/shared/report/report-model';
import { reportHandlers } from '../../../src/backend/handlers/reports';
import { NASTY_NOTE, parseCsv } from './fixture';

const TEXT = [
  'Harbor Town Votes to Raise Its Seawall',
  'The town council voted 5-2 on Wednesday night to raise the seawall by four feet.',
  'The $38 million plan calls for a concrete cap along 1.2 miles of shoreline.',
  'Storm surges topped the wall three times in the past decade.',
].join('\n');

let dir: string;
let backend: Backend;
let article: Article;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-report-'));
  backend = createBackend(await Store.open(dir), () => new Date('2026-04-01T08:00:00.000Z'));
  const { api } = backend;
  article = (await api['articles:create']({ text: TEXT, meta: { publication: 'The Ledger' } })).article;
  const { source } = await api['sources:add']({ articleId: article.id, source: { title: 'Council minutes', url: 'https://example.org/m' } });
  const mark = (i: number, patch: object) =>
    api['claims:mark']({ articleId: article.id, claimId: article.claims[i]!.id, checker: 'Ana Ruiz', patch });
  await mark(1, { status: 'disputed', note: NASTY_NOTE, correction: 'The council voted 4-3.', sourceIds: [source.id] });
  await mark(2, { status: 'verified', sourceIds: [source.id] });
  article = (await api['articles:get']({ id: article.id })).article;
});

afterAll(async () => {
  await backend.store.flush();
  await rm(dir, { recursive: true, force: true });
});

describe('reports:export', () => {
  it('exports HTML, Markdown and CSV as text with a file name and type', async () => {
    const html = await backend.api['reports:export']({ articleId: article.id, format: 'html' });
    expect(html).toMatchObject({ fileName: 'harbor-town-votes-to-raise-its-seawall-fact-check.html', mimeType: 'text/html;charset=utf-8', encoding: 'utf8' });
    expect(html.content).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.content).toContain('2 of 4 claims checked.');
    const md = await backend.api['reports:export']({ articleId: article.id, format: 'md' });
    expect(md.fileName.endsWith('.md')).toBe(true);
    const csv = await backend.api['reports:export']({ articleId: article.id, format: 'csv', filter: { statuses: ['disputed'] } });
    const rows = parseCsv(csv.content.slice(1));
    expect(rows.length).toBe(2);
    expect(rows[1]![4]).toBe(NASTY_NOTE);
  });

  it('exports JSON that imports back to the stored article', async () => {
    const json = await backend.api['reports:export']({ articleId: article.id, format: 'json', filter: { statuses: ['disputed'] } });
    expect(json.mimeType).toBe('application/json');
    expect(parseArticleJson(json.content)).toEqual(article);
  });

  it('refuses ClaimReview without a published URL, in one sentence, and makes it with one', async () => {
    const refused = await backend.invoke('reports:export', { articleId: article.id, format: 'claimreview' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'refused', message: 'ClaimReview needs the article’s published URL: add it to the article first.' },
    });
    // The same text again: a copy, chosen as such.
    const withUrl = (await backend.api['articles:create']({ text: TEXT, meta: { sourceUrl: 'https://example.com/story' }, allowDuplicate: true })).article;
    await backend.api['claims:mark']({ articleId: withUrl.id, claimId: withUrl.claims[1]!.id, checker: 'Ana', patch: { status: 'verified' } });
    const out = await backend.api['reports:export']({ articleId: withUrl.id, format: 'claimreview' });
    expect(out.mimeType).toBe('application/ld+json');
    expect(JSON.parse(out.content)).toHaveLength(1);
  });

  it('takes the claims list’s whole filter and states it in the report', async () => {
    // backend.api goes through invoke, so the contract's input schema checks the filter.
    const filter: ClaimFilter = { statuses: ['verified'], sections: ['body'], labels: ['number'], checkers: ['Ana Ruiz'], changedOnly: false, query: 'million' };
    const md = await backend.api['reports:export']({ articleId: article.id, format: 'md', filter });
    expect(md.content).toContain(
      '> This report shows only some claims (Status: verified · Section: body · Label: number · Checker: Ana Ruiz · Search: “million”): 1 of 4.',
    );
    const csv = await backend.api['reports:export']({ articleId: article.id, format: 'csv', filter: { sections: ['headline'] } });
    expect(parseCsv(csv.content.slice(1)).map((r) => [r[0], r[1]])).toEqual([
      ['number', 'section'],
      ['1', 'headline'],
    ]);
  });

  it('shows times in the zone it is given, the machine’s by default', async () => {
    const context = { store: backend.store, now: () => new Date('2026-04-01T08:00:00.000Z') };
    const paris = reportHandlers(context, undefined, { timeZone: 'Europe/Paris' })['reports:export'];
    const md = (await paris({ articleId: article.id, format: 'md' })).content;
    expect(md).toContain('- **Report generated:** 2026-04-01 10:00 +02:00');
    expect(md).toContain('- **Times are in:** Europe/Paris (+02:00)');
    const csv = parseCsv((await paris({ articleId: article.id, format: 'csv' })).content.slice(1));
    expect(csv[2]![8]).toMatch(/^2026-04-01 10:00 \+02:00$/);
    const machine = (await backend.api['reports:export']({ articleId: article.id, format: 'md' })).content;
    expect(machine).toContain(`- **Times are in:** ${describeTimeZone(machineTimeZone(), '2026-04-01T08:00:00.000Z')}`);
  });

  it('refuses unknown formats, statuses and articles', async () => {
    expect((await backend.invoke('reports:export', { articleId: article.id, format: 'docx' })).ok).toBe(false);
    expect((await backend.invoke('reports:export', { articleId: article.id, format: 'csv', filter: { statuses: ['true'] } })).ok).toBe(false);
    for (const filter of [{ sections: ['footer'] }, { labels: ['rumour'] }, { query: 'x'.repeat(501) }, { checkers: ['x'.repeat(201)] }, { changedOnly: 'yes' }]) {
      expect((await backend.invoke('reports:export', { articleId: article.id, format: 'csv', filter })).ok, JSON.stringify(filter).slice(0, 40)).toBe(false);
    }
    const missing = await backend.invoke('reports:export', { articleId: 'nope00000000', format: 'csv' });
    expect(missing.ok ? '' : missing.error.code).toBe('not-found');
  });
});

const chromium = findChromium();

describe.skipIf(!chromium)(`PDF export (Chromium: ${chromium ?? 'not installed'})`, () => {
  async function pages(base64: string): Promise<string[]> {
    const pdf = await getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')), useSystemFonts: false }).promise;
    const texts: string[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
    }
    await pdf.destroy();
    return texts;
  }

  it('prints the report with the right pages and text', async () => {
    const out = await backend.api['reports:export']({ articleId: article.id, format: 'pdf' });
    expect(out).toMatchObject({ encoding: 'base64', mimeType: 'application/pdf', fileName: 'harbor-town-votes-to-raise-its-seawall-fact-check.pdf' });
    expect(Buffer.from(out.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const texts = await pages(out.content);
    // A four-claim report takes two A4 pages here (fonts differ between machines,
    // so allow one either side); every page's footer agrees with the PDF's count.
    expect(texts.length).toBeGreaterThanOrEqual(1);
    expect(texts.length).toBeLessThanOrEqual(3);
    texts.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${texts.length}`));
    // The closing line is in every page's footer, not alone at the end.
    const closing = `Generated by Factdesk on ${formatTimestamp('2026-04-01T08:00:00.000Z', machineTimeZone())} from article ${article.id}.`;
    texts.forEach((text) => expect(text).toContain(closing));
    const all = texts.join(' ');
    expect(all).toContain('Harbor Town Votes to Raise Its Seawall');
    expect(all).toContain('2 of 4 claims checked.');
    expect(all).toContain('<script>alert(1)</script>');
    expect(all).toContain('The council voted 4-3.');
  }, 60_000);

  it('grows page by page with a long article', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `The council approved measure ${i + 1} by a vote of 5-2 on Wednesday.`).join('\n');
    const created = (await backend.api['articles:create']({ text: long, meta: { title: 'Long' } })).article;
    const texts = await pages((await backend.api['reports:export']({ articleId: created.id, format: 'pdf' })).content);
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.at(-1)).toContain(`Page ${texts.length} of ${texts.length}`);
    expect(texts.join(' ')).toContain('measure 120 by a vote');
  }, 60_000);
});
