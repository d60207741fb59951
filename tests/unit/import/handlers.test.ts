// The import operations through the backend, as the UI and the CLI reach them:
// inspect prefills without creating anything, import creates one article, every
// refusal leaves the data folder byte for byte as it was.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';
import { UserError } from '../../../src/shared/errors';
import { renderArticleJson } from '../../../src/shared/report/json';
import { ARTICLE, makeDocx } from './make-files';
import { expectOneSentenceNaming } from './one-sentence';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const SAVED_PAGE = b64(readFileSync(join(FIXTURES, 'saved-page.html')));

let dir: string;
let backend: Backend;
let docx: string;

beforeAll(async () => {
  docx = b64(await makeDocx());
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-import-'));
  backend = createBackend(await Store.open(dir), () => new Date('2026-02-03T04:05:06.000Z'));
});
afterEach(async () => {
  await backend.store.flush();
  await rm(dir, { recursive: true, force: true });
});

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = await readFile(join(entry.parentPath, entry.name), 'base64');
  }
  return out;
}

async function refused(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('articles:inspect', () => {
  it('prefills the metadata and previews the text without creating anything', async () => {
    const before = await snapshot();
    const result = await backend.api['articles:inspect']({ fileName: 'seawall.docx', data: docx });
    expect(result.meta).toEqual({ title: ARTICLE.headline, sourceUrl: '', author: '', publication: '', publishedAt: '' });
    expect(result.preview.startsWith(`${ARTICLE.headline}\n\n${ARTICLE.byline}\n\n`)).toBe(true);
    expect(result.claimCount).toBeGreaterThanOrEqual(5);
    expect(await snapshot()).toEqual(before);
    expect((await backend.api['library:list']({})).articles).toEqual([]);
  });
});

describe('articles:import', () => {
  it('creates the article with the file’s metadata, where the person’s edits win', async () => {
    const { article } = await backend.api['articles:import']({
      fileName: 'gull-island.html',
      data: SAVED_PAGE,
      meta: { title: 'Gull Island ferry (edited)', publication: '' },
    });
    expect(article).toMatchObject({
      title: 'Gull Island ferry (edited)',
      author: 'Priya Castellanos',
      publication: '',
      publishedAt: '2025-02-03',
      sourceUrl: 'https://ledger.example/2025/02/gull-island-ferry',
    });
    expect(article.claims[0]).toMatchObject({ section: 'headline', text: 'Ferry Line to Gull Island Will End Winter Service' });
    expect((await backend.api['library:list']({})).articles.map((a) => a.id)).toEqual([article.id]);
  });

  it('an empty title means the file’s title', async () => {
    const { article } = await backend.api['articles:import']({ fileName: 'seawall.docx', data: docx, meta: { title: '  ' } });
    expect(article.title).toBe(ARTICLE.headline);
  });

  it.each([
    ['a scanned or broken file', { fileName: 'notes.docx', data: b64(Buffer.from('not a zip')) }, 'notes.docx'],
    ['an empty file', { fileName: 'empty.md', data: '' }, 'empty.md'],
    ['a page with no article', { fileName: 'politics.html', data: b64(readFileSync(join(FIXTURES, 'index-page.html'))) }, 'politics.html'],
  ])('%s is refused in one sentence and the library is unchanged', async (_label, input, name) => {
    const before = await snapshot();
    const error = await refused(backend.api['articles:import'](input));
    expectOneSentenceNaming(error.message, name);
    expect(await snapshot()).toEqual(before);
    expect((await backend.api['library:list']({})).articles).toEqual([]);
  });

  it('refuses a source URL that is not a web address, creating nothing', async () => {
    const error = await refused(
      backend.api['articles:import']({ fileName: 'seawall.docx', data: docx, meta: { sourceUrl: 'javascript:alert(1)' } }),
    );
    expect(error.message).toBe('The source URL “javascript:alert(1)” is not a web address (it must start with http:// or https://).');
    expect((await backend.api['library:list']({})).articles).toEqual([]);
  });
});

describe('articles:updateMeta', () => {
  it('edits the metadata after import; an empty title or a non-web URL is refused', async () => {
    const { article } = await backend.api['articles:import']({ fileName: 'seawall.docx', data: docx });
    const { article: summary } = await backend.api['articles:updateMeta']({
      id: article.id,
      meta: { title: ' Seawall vote ', author: 'Nadia Ferreira', publication: 'The Coastline Ledger', sourceUrl: 'https://ledger.example/seawall' },
    });
    expect(summary).toMatchObject({ id: article.id, title: 'Seawall vote', publication: 'The Coastline Ledger' });
    const saved = (await backend.api['articles:get']({ id: article.id })).article;
    expect(saved).toMatchObject({ title: 'Seawall vote', author: 'Nadia Ferreira', sourceUrl: 'https://ledger.example/seawall', publishedAt: '' });
    expect(saved.claims).toEqual(article.claims);

    const before = await snapshot();
    expect((await refused(backend.api['articles:updateMeta']({ id: article.id, meta: { title: '  ' } }))).message).toBe('The title cannot be empty.');
    expect((await refused(backend.api['articles:updateMeta']({ id: article.id, meta: { sourceUrl: 'ftp://x.example/a' } }))).message).toMatch(/not a web address/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a Factdesk JSON export', () => {
  it('comes back with its claims, verdicts and history; a different version needs copy or replace', async () => {
    const { article } = await backend.api['articles:import']({ fileName: 'seawall.docx', data: docx });
    const claim = article.claims[2]!;
    await backend.api['claims:mark']({ articleId: article.id, claimId: claim.id, checker: 'Ana', patch: { status: 'disputed', note: 'Minutes say 4-3.' } });
    const exported = (await backend.api['articles:get']({ id: article.id })).article;
    const json = b64(Buffer.from(renderArticleJson(exported)));

    // Into another library: the same article, verdicts and history included.
    const otherDir = await mkdtemp(join(tmpdir(), 'factdesk-import-other-'));
    try {
      const other = createBackend(await Store.open(otherDir));
      const { article: copy } = await other.api['articles:import']({ fileName: 'seawall.json', data: json });
      expect(copy).toEqual(exported);
      expect(copy.claims[2]!.history[0]).toMatchObject({ by: 'Ana', kind: 'verdict' });
      await other.store.flush();
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }

    // The same version again: nothing new.
    expect((await backend.api['articles:import']({ fileName: 'seawall.json', data: json })).article.id).toBe(article.id);
    expect((await backend.api['library:list']({})).articles).toHaveLength(1);

    // A different version of the same article: refused unless copy or replace.
    await backend.api['articles:updateMeta']({ id: article.id, meta: { title: 'Changed here' } });
    const before = await snapshot();
    const conflict = await refused(backend.api['articles:import']({ fileName: 'seawall.json', data: json }));
    expect(conflict.code).toBe('conflict');
    expectOneSentenceNaming(conflict.message, 'seawall.json');
    expect(await snapshot()).toEqual(before);

    const { article: asCopy } = await backend.api['articles:import']({ fileName: 'seawall.json', data: json, onConflict: 'copy' });
    expect(asCopy.id).not.toBe(article.id);
    expect(asCopy.title).toBe(`${exported.title} (copy)`);
    expect(asCopy.claims).toEqual(exported.claims);

    // The version replaced is kept in backups/, with the verdict saved on it moments ago.
    await backend.api['claims:mark']({ articleId: article.id, claimId: claim.id, checker: 'Ana', patch: { note: 'Minutes say 4-3; clerk confirmed.' } });
    const { article: replaced } = await backend.api['articles:import']({ fileName: 'seawall.json', data: json, onConflict: 'replace' });
    expect(replaced).toEqual(exported);
    const kept = await Promise.all(
      (await readdir(join(dir, 'backups', article.id))).map(async (name) => JSON.parse(await readFile(join(dir, 'backups', article.id, name), 'utf8'))),
    );
    expect(kept.map((d) => d.article.claims[2].verdict.note)).toContain('Minutes say 4-3; clerk confirmed.');
    expect((await backend.api['articles:get']({ id: article.id })).article.title).toBe(exported.title);
    expect((await backend.api['library:list']({})).articles).toHaveLength(2);
  });
});
