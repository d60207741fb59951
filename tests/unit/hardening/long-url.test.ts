// A long source URL must not destroy the article. A source added with no title
// gets a short title made from its URL (host and path, cut with “…”), the contract
// never accepts more than the model can read back, and the store checks the schema
// before it writes, never after: a change that would leave an unreadable file is
// refused in one sentence and the file on disk stays as it was. And one change is
// one write: `mark --source-url` adds and cites its source in the same save.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articlePath } from '../../../src/backend/store/article-files';
import { URL_TITLE_MAX, titleFromUrl } from '../../../src/backend/web-address';
import { SourceInput, contract } from '../../../src/shared/contract';
import { UserError } from '../../../src/shared/errors';
import { ArticleMeta, Source, type Article } from '../../../src/shared/model';
import { runCli } from '../support/run-cli';
import { createArticle, openDesk, refusal, reopen, snapshot, type Desk } from './support';

/** A search-engine address of exactly `length` characters. */
function longUrl(length: number): string {
  const head = 'https://www.search.example.com/search/results?q=seawall+harbor+town+vote&sxsrf=';
  return head + 'A1b2C3d4E5'.repeat(Math.ceil(length / 10)).slice(0, length - head.length);
}

let desk: Desk;
beforeEach(async () => {
  desk = await openDesk();
});
afterEach(async () => {
  await desk.backend.store.flush();
  await rm(desk.root, { recursive: true, force: true });
});

describe('a source known only by its URL', () => {
  it('gets a short title from the URL, and a 2,112-character URL leaves an article that opens after a restart', async () => {
    const article = await createArticle(desk);
    const url = longUrl(2_112);
    expect(url).toHaveLength(2_112);
    const { source } = await desk.backend.api['sources:add']({ articleId: article.id, source: { url } });
    expect(source.url).toBe(url);
    expect(source.title.length).toBeLessThanOrEqual(URL_TITLE_MAX);
    expect(source.title).toBe('search.example.com/search/results');

    const again = await reopen(desk);
    expect(again.backend.store.problems).toEqual([]);
    const { article: opened } = await again.backend.api['articles:get']({ id: article.id });
    expect(opened.sources).toEqual([source]);
  });

  it('works the same from the CLI: mark --source-url with a 2,112-character URL, then show', async () => {
    const article = await createArticle(desk);
    await desk.backend.store.flush();
    const url = longUrl(2_112);
    const marked = runCli(['mark', article.id, '1', '--status', 'sourced', '--source-url', url, '--checker', 'Ana', '--data-dir', desk.dataDir]);
    expect(marked.stderr).toBe('');
    expect(marked.status).toBe(0);
    const shown = runCli(['show', article.id, '--json', '--data-dir', desk.dataDir]);
    expect(shown.status).toBe(0);
    const opened = JSON.parse(shown.stdout) as Article;
    expect(opened.sources).toHaveLength(1);
    expect(opened.sources[0]!.url).toBe(url);
    expect(opened.claims[0]!.verdict).toMatchObject({ status: 'sourced', sourceIds: [opened.sources[0]!.id] });
    const listed = runCli(['list', '--json', '--data-dir', desk.dataDir]);
    expect(JSON.parse(listed.stdout).problems).toEqual([]);
  });

  it('has a title that reads as the address: host and path, no scheme, query or “www.”, cut on a boundary with “…”', () => {
    expect(titleFromUrl('https://www.example.org/')).toBe('example.org');
    expect(titleFromUrl('https://example.org/reports/2024/minutes.pdf?download=1#page=3')).toBe('example.org/reports/2024/minutes.pdf');
    expect(titleFromUrl('https://de.example.org/wiki/Stra%C3%9Fe')).toBe('de.example.org/wiki/Straße');
    // A decoded path that would carry control or bidi characters stays encoded.
    expect(titleFromUrl('https://example.org/a%0Ab%E2%80%AEc')).toBe('example.org/a%0Ab%E2%80%AEc');
    const long = titleFromUrl(`https://example.org/${'section/'.repeat(40)}story-about-the-seawall-vote`);
    expect(long.length).toBeLessThanOrEqual(URL_TITLE_MAX);
    expect(long).toMatch(/^example\.org\/section\/.*\/…$/);
    const oneWord = titleFromUrl(`https://example.org/${'x'.repeat(3_000)}`);
    expect(oneWord.length).toBe(URL_TITLE_MAX);
    expect(oneWord.endsWith('…')).toBe(true);
    const emoji = titleFromUrl(`https://example.org/${'😀'.repeat(200)}`);
    expect(emoji.length).toBeLessThanOrEqual(URL_TITLE_MAX);
    expect(emoji).not.toMatch(/[\ud800-\udbff]…$/);
  });
});

describe('limits', () => {
  it('the contract never accepts more than the model reads back', () => {
    const maxOf = (schema: unknown): number | null => {
      let s = schema as { maxLength?: number | null; unwrap?: () => unknown; def?: { innerType?: unknown } };
      while (s.def?.innerType) s = s.def.innerType as typeof s;
      return s.maxLength ?? null;
    };
    for (const key of Object.keys(SourceInput.shape) as Array<keyof typeof SourceInput.shape>) {
      if (key === 'kind') continue;
      const input = maxOf(SourceInput.shape[key]);
      const model = maxOf(Source.shape[key]);
      expect(input, key).not.toBeNull();
      if (model !== null) expect(input!, key).toBeLessThanOrEqual(model);
    }
    const createMeta = contract['articles:create'].input.shape.meta;
    for (const key of Object.keys(ArticleMeta.shape) as Array<keyof typeof ArticleMeta.shape>) {
      const model = maxOf(ArticleMeta.shape[key]);
      const input = maxOf((createMeta.def.innerType as unknown as { shape: Record<string, unknown> }).shape[key]);
      if (model !== null) expect(input ?? Infinity, key).toBeLessThanOrEqual(model);
    }
  });

  it('maximal inputs for sources:add, claims:mark and articles:create are written and read back after a restart', async () => {
    const meta = {
      title: 'T'.repeat(1_000),
      sourceUrl: longUrl(4_000),
      author: 'A'.repeat(1_000),
      publication: 'P'.repeat(1_000),
      publishedAt: 'D'.repeat(40),
    };
    const { article } = await desk.backend.api['articles:create']({ text: 'The bridge opened in 1932. It cost $4 million.', meta });
    const full = { kind: 'document' as const, title: 'S'.repeat(2_000), url: longUrl(4_000), contact: 'C'.repeat(2_000), accessedAt: '9'.repeat(40), excerpt: 'E'.repeat(20_000) };
    await desk.backend.api['sources:add']({ articleId: article.id, source: full });
    await desk.backend.api['sources:add']({ articleId: article.id, source: { ...full, title: '' } });
    await desk.backend.api['claims:mark']({
      articleId: article.id,
      claimId: article.claims[0]!.id,
      checker: 'C'.repeat(200),
      patch: { status: 'disputed', note: 'N'.repeat(20_000), correction: 'K'.repeat(20_000) },
      newSource: { ...full, title: '  ' },
    });
    const again = await reopen(desk);
    expect(again.backend.store.problems).toEqual([]);
    const { article: opened } = await again.backend.api['articles:get']({ id: article.id });
    expect(opened.sources).toHaveLength(3);
    expect(opened).toMatchObject(meta);
    expect(opened.claims[0]!.verdict.note).toHaveLength(20_000);
  });
});

describe('the longest input each writing operation accepts reads back after a restart', () => {
  it('articles:updateMeta, articles:rename, sources:update, claims:markMany, claims:setAside and preferences:set', async () => {
    const article = await createArticle(desk);
    const longest = { kind: 'interview' as const, title: 'S'.repeat(2_000), url: longUrl(4_000), contact: 'C'.repeat(2_000), accessedAt: '9'.repeat(40), excerpt: 'E'.repeat(20_000) };
    const meta = { title: 'T'.repeat(1_000), sourceUrl: longUrl(4_000), author: 'A'.repeat(1_000), publication: 'P'.repeat(1_000), publishedAt: 'D'.repeat(40) };
    const api = desk.backend.api;
    await api['articles:updateMeta']({ id: article.id, meta });
    await api['articles:rename']({ id: article.id, title: 'R'.repeat(1_000) });
    const { source } = await api['sources:add']({ articleId: article.id, source: { url: 'https://example.org/' } });
    await api['sources:update']({ articleId: article.id, sourceId: source.id, source: longest });
    const [first, second] = article.claims;
    await api['claims:markMany']({
      articleId: article.id,
      checker: 'K'.repeat(200),
      changes: [
        { claimId: first!.id, patch: { status: 'sourced', sourceIds: [source.id], note: 'N'.repeat(20_000), correction: 'C'.repeat(20_000) } },
        { claimId: second!.id, patch: { status: 'disputed', note: 'M'.repeat(20_000) } },
      ],
    });
    await api['claims:setAside']({ articleId: article.id, claimId: second!.id, kind: 'not-a-claim', checker: 'K'.repeat(200) });
    await api['preferences:set']({ preferences: { checker: 'Q'.repeat(200), theme: 'dark' } });

    const again = await reopen(desk);
    expect(again.backend.store.problems).toEqual([]);
    const { article: opened } = await again.backend.api['articles:get']({ id: article.id });
    expect(opened.title).toBe('R'.repeat(1_000));
    expect(opened.sourceUrl).toBe(meta.sourceUrl);
    expect(opened.sources[0]).toMatchObject(longest);
    expect(opened.claims[0]!.verdict).toMatchObject({ status: 'sourced', note: 'N'.repeat(20_000), correction: 'C'.repeat(20_000) });
    expect(opened.setAside?.some((s) => s.text === second!.text)).toBe(true);
    expect((await again.backend.api['preferences:get']({})).preferences.checker).toBe('Q'.repeat(200));
  });
});

describe('the schema is checked before the write, never after', () => {
  it('store.update refuses a change that would break the schema in one sentence, and the file on disk is untouched', async () => {
    const article = await createArticle(desk);
    await desk.backend.store.flush();
    const file = articlePath(desk.dataDir, article.id);
    const bytes = await readFile(file, 'utf8');
    const before = await snapshot(desk.dataDir);

    const breaking: Array<(a: Article) => Article> = [
      (a) => ({ ...a, sources: [{ id: 'src1', kind: 'web', title: 'x'.repeat(2_001), url: '', contact: '', accessedAt: '', excerpt: '', createdAt: a.createdAt }] }),
      (a) => ({ ...a, title: '' }),
      (a) => ({ ...a, claims: [{ ...a.claims[0]!, start: -1 }, ...a.claims.slice(1)] }),
      (a) => ({ ...a, updatedAt: 'yesterday' }),
    ];
    for (const change of breaking) {
      const error = await desk.backend.store.update(article.id, change).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserError);
      const message = (error as UserError).message;
      expect(message).toMatch(/^The change was not saved, since it would leave (“Bridge”|the article) unreadable: field “[^”]+”: .+\.$/);
      expect(message).not.toContain('\n');
      expect((error as UserError).code).toBe('invalid');
    }
    expect(await readFile(file, 'utf8')).toBe(bytes);
    expect(await snapshot(desk.dataDir)).toEqual(before);
    // The store still holds the saved version, and so does the next start.
    expect((await desk.backend.api['articles:get']({ id: article.id })).article).toEqual(article);
    const again = await reopen(desk);
    expect(again.backend.store.problems).toEqual([]);
    expect((await again.backend.api['articles:get']({ id: article.id })).article).toEqual(article);
  });

  it('store.create and store.replace refuse an invalid article the same way, writing nothing', async () => {
    const article = await createArticle(desk);
    await desk.backend.store.flush();
    const before = await snapshot(desk.dataDir);
    await expect(desk.backend.store.create({ ...article, id: 'newarticle01', revisions: [] })).rejects.toThrow(/field “revisions”/);
    await expect(desk.backend.store.create({ ...article, id: '../library' })).rejects.toThrow(/is not a Factdesk article id/);
    await expect(desk.backend.store.replace({ ...article, title: 'x'.repeat(1_001) })).rejects.toThrow(/field “title”/);
    expect(await snapshot(desk.dataDir)).toEqual(before);
  });
});

describe('one change is one write', () => {
  function countWrites(d: Desk): { updates: number } {
    const counter = { updates: 0 };
    const store = d.backend.store;
    // Every change to an article goes through updateWith (`update` included).
    const updateWith = store.updateWith.bind(store);
    store.updateWith = ((...args: Parameters<typeof updateWith>) => {
      counter.updates++;
      return updateWith(...args);
    }) as typeof store.updateWith;
    return counter;
  }

  it('claims:mark with a new source adds and cites it in a single save', async () => {
    const article = await createArticle(desk);
    const counter = countWrites(desk);
    const { claim } = await desk.backend.api['claims:mark']({
      articleId: article.id,
      claimId: article.claims[1]!.id,
      patch: { status: 'sourced' },
      newSource: { url: 'https://example.org/minutes' },
    });
    expect(counter.updates).toBe(1);
    const { article: opened } = await (await reopen(desk)).backend.api['articles:get']({ id: article.id });
    expect(opened.sources).toHaveLength(1);
    expect(opened.sources[0]).toMatchObject({ url: 'https://example.org/minutes', title: 'example.org/minutes', kind: 'web' });
    expect(claim.verdict.sourceIds).toEqual([opened.sources[0]!.id]);
    expect(opened.claims[1]!.verdict.sourceIds).toEqual([opened.sources[0]!.id]);
  });

  it('a refused mark (disputed without a note, or a bad URL) leaves neither the source nor the verdict', async () => {
    const article = await createArticle(desk);
    await desk.backend.store.flush();
    const before = await snapshot(desk.dataDir);
    const base = { articleId: article.id, claimId: article.claims[1]!.id, checker: 'Ana' };
    const noNote = refusal(await desk.backend.invoke('claims:mark', { ...base, patch: { status: 'disputed' }, newSource: { url: 'https://example.org/minutes' } }));
    expect(noNote).toMatch(/needs a note/);
    const badUrl = refusal(await desk.backend.invoke('claims:mark', { ...base, patch: { status: 'sourced' }, newSource: { url: 'javascript:alert(1)' } }));
    expect(badUrl).toMatch(/is not a web address/);
    refusal(await desk.backend.invoke('claims:mark', { ...base, patch: { status: 'sourced' }, newSource: { url: '', title: ' ' } }));
    await desk.backend.store.flush();
    expect(await snapshot(desk.dataDir)).toEqual(before);
    const { article: opened } = await desk.backend.api['articles:get']({ id: article.id });
    expect(opened.sources).toEqual([]);
    expect(opened.claims[1]!.verdict.status).toBe('unchecked');
  });

  it('the CLI’s mark --source-url, refused, leaves neither behind', async () => {
    const article = await createArticle(desk);
    await desk.backend.store.flush();
    const before = await snapshot(join(desk.dataDir, 'articles'));
    const run = runCli(['mark', article.id, '2', '--status', 'disputed', '--source-url', 'https://example.org/minutes', '--checker', 'Ana', '--data-dir', desk.dataDir]);
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^Claim 2: A disputed claim needs a note/);
    expect(await snapshot(join(desk.dataDir, 'articles'))).toEqual(before);
  });
});
