// The claim memory's operations through a real backend on a temporary data folder:
// search across articles (a note's words included), "seen before" with the changed
// figure, reusing an earlier check in one write, and the index file kept, rebuilt
// when missing or damaged, and left by deleted and lost articles.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { MEMORY_FILE, MEMORY_LOG, decodeIndexFile } from '../../../src/backend/memory/memory-file';
import { openBackend } from '../../../src/backend/open-backend';
import { Store } from '../../../src/backend/store/store';
import type { Article } from '../../../src/shared/model';

const QUAKE_A = 'The earthquake on Tuesday killed at least 1,200 people in the northern province, officials said.';
const QUAKE_B = 'The earthquake on Tuesday killed at least 1,400 people in the northern province, officials said.';
const RESCUE = 'Rescue teams from four countries arrived on Wednesday morning to search the rubble of the market.';
const SOURCE_URL = 'https://example.org/provincial-coroner';

let dir: string;
let backend: Backend;
let clock: Date;
const opened: Backend[] = [];

async function open(): Promise<Backend> {
  const b = createBackend(await Store.open(dir), () => {
    clock = new Date(clock.getTime() + 1_000);
    return clock;
  });
  opened.push(b);
  return b;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-memory-'));
  clock = new Date('2026-01-02T03:04:05.000Z');
  backend = await open();
  await backend.api['preferences:set']({ preferences: { checker: 'Ana Ruiz' } });
});

afterEach(async () => {
  for (const b of opened.splice(0)) {
    await b.memory.idle();
    await b.store.flush();
  }
  await rm(dir, { recursive: true, force: true });
});

async function create(text: string, title: string): Promise<Article> {
  return (await backend.api['articles:create']({ text, meta: { title } })).article;
}

/** Article A's quake claim verified with a source and a note, article B drafting the same claim with another figure. */
async function twoArticles() {
  const a = await create(`${QUAKE_A} ${RESCUE}`, 'Quake toll');
  const b = await create(`${QUAKE_B} The vote was 4-3.`, 'Quake, a week on');
  await backend.api['claims:mark']({
    articleId: a.id,
    claimId: a.claims[0]!.id,
    patch: { status: 'verified', note: 'Toll confirmed with the provincial coroner on Thursday.' },
    newSource: { kind: 'document', title: 'Coroner’s statement', url: SOURCE_URL },
  });
  return { a, b };
}

describe('search:query', () => {
  it('finds a note’s words across articles, kept current after every save', async () => {
    const { a, b } = await twoArticles();
    let answer = await backend.api['search:query']({ query: 'coroner Thursday' });
    expect(answer.memory.state).toBe('ready');
    expect(answer.groups.map((g) => [g.articleId, g.title, g.hits.map((h) => [h.claimId, h.fields])])).toEqual([
      [a.id, 'Quake toll', [[a.claims[0]!.id, ['note', 'source']]]],
    ]);
    // A note saved now, in the other article, is found by the next search.
    await backend.api['claims:mark']({ articleId: b.id, claimId: b.claims[0]!.id, patch: { note: 'Asked the coroner on Thursday for the new count.' } });
    answer = await backend.api['search:query']({ query: 'coroner Thursday' });
    expect(answer.groups.map((g) => g.articleId).sort()).toEqual([a.id, b.id].sort());
    expect(answer.total).toBe(2);
    expect((await backend.api['search:query']({ query: 'coroner', statuses: ['unchecked'] })).groups.map((g) => g.articleId)).toEqual([b.id]);
  });

  it('finds sources and corrections, and takes filters by checker', async () => {
    const { a } = await twoArticles();
    const bySource = await backend.api['search:query']({ query: 'provincial-coroner' });
    expect(bySource.groups[0]!.hits[0]!.fields).toContain('source');
    expect((await backend.api['search:query']({ query: 'earthquake', checker: 'ANA RUIZ' })).groups.map((g) => g.articleId)).toEqual([a.id]);
    expect((await backend.api['search:query']({ query: 'earthquake', checker: 'Nobody' })).matched).toBe('none');
  });

  it('drops a deleted article from the results, and brings it back with an undo', async () => {
    const { a, b } = await twoArticles();
    await backend.api['search:query']({ query: 'earthquake' });
    await backend.api['articles:delete']({ id: a.id });
    expect((await backend.api['search:query']({ query: 'earthquake' })).groups.map((g) => g.articleId)).toEqual([b.id]);
    await backend.api['articles:restore']({ id: a.id });
    expect((await backend.api['search:query']({ query: 'earthquake' })).total).toBe(2);
  });

  it('refuses a bad date in one sentence', async () => {
    const result = await backend.invoke('search:query', { query: 'quake', from: 'last week' });
    expect(result.ok).toBe(false);
  });
});

describe('claims:seenBefore', () => {
  it('shows the claim checked in another article, with its verdict, note, source and the changed number', async () => {
    const { a, b } = await twoArticles();
    const answer = await backend.api['claims:seenBefore']({ articleId: b.id, claimId: b.claims[0]!.id });
    expect(answer.tooShort).toBe(false);
    expect(answer.matches).toHaveLength(1);
    expect(answer.matches[0]).toMatchObject({
      level: 'same',
      articleId: a.id,
      title: 'Quake toll',
      claimId: a.claims[0]!.id,
      status: 'verified',
      checker: 'Ana Ruiz',
      note: 'Toll confirmed with the provincial coroner on Thursday.',
      sources: [{ kind: 'document', title: 'Coroner’s statement', url: SOURCE_URL }],
    });
    expect(answer.matches[0]!.differences.map((d) => d.text)).toEqual(['checked as 1,200 people; this draft says 1,400']);
    // And from the first article's side, the draft's claim is not checked: nothing to show.
    expect((await backend.api['claims:seenBefore']({ articleId: a.id, claimId: a.claims[0]!.id })).matches).toEqual([]);
  });

  it('never matches a short claim', async () => {
    const { b } = await twoArticles();
    const short = b.claims.find((c) => c.text.startsWith('The vote'))!;
    expect(await backend.api['claims:seenBefore']({ articleId: b.id, claimId: short.id })).toMatchObject({ tooShort: true, words: 4, matches: [] });
  });
});

describe('claims:reuseEarlier', () => {
  it('cites the earlier sources and copies the note in one write, never the verdict', async () => {
    const { a, b } = await twoArticles();
    const input = { articleId: b.id, claimId: b.claims[0]!.id, fromArticleId: a.id, fromClaimId: a.claims[0]!.id };
    const first = await backend.api['claims:reuseEarlier'](input);
    expect(first.changed).toBe(true);
    expect(first.noteCopied).toBe(true);
    expect(first.added.map((s) => s.url)).toEqual([SOURCE_URL]);
    expect(first.claim.verdict).toMatchObject({ status: 'unchecked', note: 'Toll confirmed with the provincial coroner on Thursday.', sourceIds: [first.added[0]!.id] });
    const entry = first.claim.history.at(-1)!;
    expect(entry.kind).toBe('verdict');
    expect(entry.detail).toContain('Quake toll');
    expect(entry.changes.map((c) => c.field)).toEqual(['note', 'sourceIds']);
    const saved = (await backend.api['articles:get']({ id: b.id })).article;
    expect(saved.sources.map((s) => s.url)).toEqual([SOURCE_URL]);
    // Again: the source is there already (by URL) and the note too; nothing is written.
    const again = await backend.api['claims:reuseEarlier'](input);
    expect(again).toMatchObject({ changed: false, noteCopied: false, added: [] });
    expect((await backend.api['articles:get']({ id: b.id })).article.updatedAt).toBe(saved.updatedAt);
  });

  it('keeps a note the checker already wrote, and reuses a source the article has', async () => {
    const { a, b } = await twoArticles();
    await backend.api['sources:add']({ articleId: b.id, source: { kind: 'web', title: 'Same, other title', url: `${SOURCE_URL}/` } });
    await backend.api['claims:mark']({ articleId: b.id, claimId: b.claims[0]!.id, patch: { note: 'My own note.' } });
    const result = await backend.api['claims:reuseEarlier']({ articleId: b.id, claimId: b.claims[0]!.id, fromArticleId: a.id, fromClaimId: a.claims[0]!.id });
    expect(result.added).toEqual([]);
    expect(result.cited.map((s) => s.title)).toEqual(['Same, other title']);
    expect(result.claim.verdict.note).toBe('My own note.\n\nToll confirmed with the provincial coroner on Thursday.');
  });

  it('refuses a hostile article id in one sentence before reading anything, on either side', async () => {
    const { a } = await twoArticles();
    const claimId = a.claims[0]!.id;
    for (const [op, input] of [
      ['claims:seenBefore', { articleId: '../library', claimId }],
      ['claims:reuseEarlier', { articleId: '../library', claimId, fromArticleId: a.id, fromClaimId: claimId }],
      ['claims:reuseEarlier', { articleId: a.id, claimId, fromArticleId: '../../outside/PWNED', fromClaimId: claimId }],
    ] as const) {
      const result = await backend.invoke(op, input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/is not a Factdesk article id\.$/);
    }
  });

  it('refuses the article itself and a check with nothing to reuse', async () => {
    const { a, b } = await twoArticles();
    const self = await backend.invoke('claims:reuseEarlier', { articleId: a.id, claimId: a.claims[1]!.id, fromArticleId: a.id, fromClaimId: a.claims[0]!.id });
    expect(self).toMatchObject({ ok: false });
    const empty = await backend.invoke('claims:reuseEarlier', { articleId: a.id, claimId: a.claims[0]!.id, fromArticleId: b.id, fromClaimId: b.claims[0]!.id });
    expect(empty).toMatchObject({ ok: false, error: { message: expect.stringContaining('no note or sources') } });
  });
});

describe('the index on disk', () => {
  async function ready(b: Backend) {
    await b.api['memory:status']({});
    await b.memory.idle();
  }

  it('is written once built, logs each save, and is read back (log folded in) by the next start', async () => {
    const { a } = await twoArticles();
    await ready(backend);
    const file = await decodeIndexFile(await readFile(join(dir, MEMORY_FILE), 'utf8'));
    expect(file.split('\n')[0]).toContain('claim-memory');
    expect(file).toContain(a.id);
    await backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[1]!.id, patch: { note: 'Four countries: the ministry’s list.' } });
    await backend.memory.idle();
    expect(await readFile(join(dir, MEMORY_LOG), 'utf8')).toContain('ministry’s list');
    const next = await open();
    await ready(next);
    expect((await next.api['search:query']({ query: 'ministry list' })).total).toBe(1);
    expect(await readdir(dir)).not.toContain(MEMORY_LOG);
  });

  it('is rebuilt from the article files when missing or damaged', async () => {
    await twoArticles();
    await ready(backend);
    const packed = (text: string) => gzipSync(Buffer.from(text)).toString('base64');
    for (const damage of [
      null, // missing
      'not a gzip at all',
      packed('not json at all\n{"factdesk":"claim-memory","format":1}\n'), // no header first
      packed('{"factdesk":"claim-memory","format":99}\n'), // another format
      packed('{"factdesk":"claim-memory","format":1}\n["broken",\n'), // a damaged line
    ]) {
      if (damage === null) await rm(join(dir, MEMORY_FILE));
      else await writeFile(join(dir, MEMORY_FILE), damage);
      const next = await open();
      await ready(next);
      expect((await next.api['search:query']({ query: 'earthquake' })).total).toBe(2);
      expect((await decodeIndexFile(await readFile(join(dir, MEMORY_FILE), 'utf8'))).split('\n')).toHaveLength(4); // header, two articles, end
    }
  });

  it('leaves out an article deleted or lost while the app was closed', async () => {
    const { a, b } = await twoArticles();
    await ready(backend);
    await backend.api['articles:delete']({ id: a.id });
    await writeFile(join(dir, 'articles', `${b.id}.json`), '{ damaged');
    const next = await open();
    await ready(next);
    expect((await next.api['search:query']({ query: 'earthquake' })).matched).toBe('none');
    expect(await decodeIndexFile(await readFile(join(dir, MEMORY_FILE), 'utf8'))).not.toContain(a.id);
  });

  it('re-reads an article changed behind its back (another process, a restored backup)', async () => {
    const { a } = await twoArticles();
    await ready(backend);
    const path = join(dir, 'articles', `${a.id}.json`);
    const document = JSON.parse(await readFile(path, 'utf8'));
    document.article.claims[1].verdict.note = 'Edited elsewhere: zeppelin.';
    document.article.updatedAt = '2026-05-05T00:00:00.000Z';
    await writeFile(path, JSON.stringify(document));
    const next = await open();
    await ready(next);
    expect((await next.api['search:query']({ query: 'zeppelin' })).total).toBe(1);
  });

  it('is never written by a reader without the folder’s lock', async () => {
    await twoArticles();
    await backend.store.flush();
    const reader = await openBackend(dir);
    opened.push(reader);
    await ready(reader);
    expect((await reader.api['search:query']({ query: 'earthquake' })).total).toBe(2);
    expect(await readdir(dir)).not.toContain(MEMORY_FILE);
  });
});
