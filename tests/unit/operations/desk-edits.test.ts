// The review desk's changes that issue 14 added to the backend: every save counts the
// article's version up and a change against an out-of-date version is refused with
// nothing written; split and merge undo each other with their ids and verdicts; a
// source is corrected or removed (with an entry in each citing claim's history); and
// every article change is told to the windows showing it. Through the real store on disk.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observeArticleChanges, type ArticleChange } from '../../../src/backend/article-events';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';
import { STALE_ARTICLE } from '../../../src/shared/contract';
import { partitionProblem } from '../../../src/shared/extract';
import type { Article } from '../../../src/shared/model';

const TEXT = 'The bridge opened in 1932. It cost $4 million.\nTraffic doubled by 1950, officials said. The toll was 5 cents.';

let dir: string;
let backend: Backend;
let clock = 0;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-desk-'));
  clock = 0;
  backend = createBackend(await Store.open(dir), () => new Date(Date.UTC(2026, 2, 1, 10, 0, clock++)));
  await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function article(): Promise<Article> {
  return (await backend.api['articles:create']({ text: TEXT, meta: {} })).article;
}
const fileOf = (a: Article) => join(dir, 'articles', `${a.id}.json`);
const reopen = async (id: string) => (await createBackend(await Store.open(dir)).api['articles:get']({ id })).article;

describe('the article version', () => {
  it('starts at 0 and is counted up by every save, and by nothing else', async () => {
    const a = await article();
    expect(a.version).toBe(0);
    const marked = await backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'verified' }, version: 0 });
    expect(marked.version).toBe(1);
    // The same verdict again writes nothing, and the version stays.
    const again = await backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'verified' }, version: 1 });
    expect(again.version).toBe(1);
    const { source, version } = await backend.api['sources:add']({ articleId: a.id, source: { title: 'Minutes' }, version: 1 });
    expect(version).toBe(2);
    expect(source.title).toBe('Minutes');
    expect((await reopen(a.id)).version).toBe(2);
  });

  it('refuses a change made against an out-of-date version in one sentence, and writes nothing', async () => {
    const a = await article();
    // Window B saves first…
    await backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[1]!.id, patch: { status: 'disputed', note: 'It cost $5 million.' }, version: 0 });
    const before = await readFile(fileOf(a), 'utf8');
    // …window A, still at version 0, tries to overwrite the note: refused, whatever the operation.
    const stale = { articleId: a.id, version: 0 };
    const attempts = [
      backend.api['claims:mark']({ ...stale, claimId: a.claims[1]!.id, patch: { note: 'confirmed with Pentagon spokesperson' } }),
      backend.api['claims:markMany']({ ...stale, changes: [{ claimId: a.claims[0]!.id, patch: { status: 'verified' } }] }),
      backend.api['claims:split']({ ...stale, claimId: a.claims[0]!.id, at: a.claims[0]!.start + 11 }),
      backend.api['claims:merge']({ ...stale, claimId: a.claims[0]!.id, nextClaimId: a.claims[1]!.id }),
      backend.api['claims:setAside']({ ...stale, claimId: a.claims[0]!.id }),
      backend.api['sources:add']({ ...stale, source: { title: 'Minutes' } }),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ message: STALE_ARTICLE, code: 'conflict' });
    expect(await readFile(fileOf(a), 'utf8')).toBe(before);
    expect((await reopen(a.id)).claims[1]!.verdict.note).toBe('It cost $5 million.');
    // The CLI sends no version: no check.
    await expect(backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'verified' } })).resolves.toMatchObject({ version: 2 });
  });

  it('compares inside the write queue: of two changes sent against the same version, the second is refused', async () => {
    const a = await article();
    const results = await Promise.allSettled([
      backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'verified' }, version: 0 }),
      backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'unchecked' }, version: 0 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((await reopen(a.id)).claims[0]!.verdict.status).toBe('verified');
  });

  it('names a claim that is gone in words, never by its id', async () => {
    const a = await article();
    const [first, second] = a.claims;
    await backend.api['claims:merge']({ articleId: a.id, claimId: first!.id, nextClaimId: second!.id });
    const error = await backend.api['claims:mark']({ articleId: a.id, claimId: second!.id, patch: { status: 'verified' } }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^That claim is no longer in “.*”: it was split, merged or set aside/);
    expect((error as Error).message).not.toContain(second!.id);
  });
});

describe('undoing a split or a merge', () => {
  it('a merge restoring the claim a split made two: its id, verdict and “changed” flag, one copy of its history', async () => {
    const a = await article();
    const claim = a.claims[2]!; // “Traffic doubled by 1950, officials said.”
    await backend.api['claims:mark']({ articleId: a.id, claimId: claim.id, patch: { status: 'disputed', note: 'It was 1951.', correction: 'by 1951' } });
    const marked = (await backend.api['articles:get']({ id: a.id })).article.claims[2]!;
    const split = (await backend.api['claims:split']({ articleId: a.id, claimId: claim.id, at: claim.text.indexOf('officials') + claim.start })).article;
    const [h1, h2] = [split.claims[2]!, split.claims[3]!];
    expect(h1.verdict.status).toBe('unchecked');

    const { article: undone } = await backend.api['claims:merge']({
      articleId: a.id,
      claimId: h1.id,
      nextClaimId: h2.id,
      restore: { id: claim.id, patch: { status: 'disputed', note: 'It was 1951.', correction: 'by 1951', sourceIds: [] } },
    });
    const back = undone.claims[2]!;
    expect(back.id).toBe(claim.id);
    expect(back.text).toBe(claim.text);
    expect(back.verdict).toMatchObject({ status: 'disputed', note: 'It was 1951.', correction: 'by 1951' });
    expect(undone.claims).toHaveLength(a.claims.length);
    // History: what it had, the split, the merge that undid it, the verdict put back; nothing twice.
    expect(back.history.slice(0, marked.history.length)).toEqual(marked.history);
    expect(back.history.slice(marked.history.length).map((e) => e.kind)).toEqual(['split', 'merge', 'verdict']);
    expect(back.history.at(-2)!.detail).toMatch(/\(undoing a split\)$/);
    expect(partitionProblem(undone.text, [...undone.claims, ...undone.setAside])).toBeNull();

    // Redo of the split: the halves come back with their own ids.
    const { article: redone } = await backend.api['claims:split']({
      articleId: a.id,
      claimId: claim.id,
      at: claim.text.indexOf('officials') + claim.start,
      restore: [{ id: h1.id }, { id: h2.id }],
    });
    expect([redone.claims[2]!.id, redone.claims[3]!.id]).toEqual([h1.id, h2.id]);
  });

  it('a split restoring the two claims a merge made one, each with its own verdict', async () => {
    const a = await article();
    const [first, second] = a.claims;
    await backend.api['claims:mark']({ articleId: a.id, claimId: first!.id, patch: { status: 'verified' } });
    await backend.api['claims:mark']({ articleId: a.id, claimId: second!.id, patch: { status: 'disputed', note: '$5 million.' } });
    const merged = (await backend.api['claims:merge']({ articleId: a.id, claimId: first!.id, nextClaimId: second!.id })).article.claims[0]!;
    expect(merged.verdict.status).toBe('unchecked');
    const { article: undone } = await backend.api['claims:split']({
      articleId: a.id,
      claimId: merged.id,
      at: second!.start,
      restore: [
        { id: first!.id, patch: { status: 'verified', note: '', correction: '', sourceIds: [] } },
        { id: second!.id, patch: { status: 'disputed', note: '$5 million.', correction: '', sourceIds: [] } },
      ],
    });
    expect(undone.claims.slice(0, 2).map((c) => [c.id, c.text, c.verdict.status, c.verdict.note])).toEqual([
      [first!.id, first!.text, 'verified', ''],
      [second!.id, second!.text, 'disputed', '$5 million.'],
    ]);
    expect(undone.claims[1]!.history.at(-2)!.detail).toMatch(/\(undoing a merge\)$/);
  });

  it('takes a new id when the one asked for is taken, and never cites a source removed since', async () => {
    const a = await article();
    const [first, second] = a.claims;
    const { source } = await backend.api['sources:add']({ articleId: a.id, source: { title: 'Minutes' } });
    const merged = (await backend.api['claims:merge']({ articleId: a.id, claimId: first!.id, nextClaimId: second!.id })).article.claims[0]!;
    await backend.api['sources:remove']({ articleId: a.id, sourceId: source.id });
    const { article: undone } = await backend.api['claims:split']({
      articleId: a.id,
      claimId: merged.id,
      at: second!.start,
      restore: [
        { id: a.claims[2]!.id, patch: { status: 'verified', sourceIds: [source.id] } },
        { id: second!.id },
      ],
    });
    expect(undone.claims[0]!.id).not.toBe(a.claims[2]!.id);
    expect(undone.claims[0]!.verdict).toMatchObject({ status: 'verified', sourceIds: [] });
    expect(undone.claims[1]!.id).toBe(second!.id);
  });
});

describe('editing and removing sources', () => {
  it('corrects a source’s details in place: same id, still cited', async () => {
    const a = await article();
    const { source } = await backend.api['sources:add']({ articleId: a.id, source: { title: 'Cuonty minutes', url: 'https://example.org/minuets' } });
    await backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'sourced', sourceIds: [source.id] } });
    const { source: fixed } = await backend.api['sources:update']({
      articleId: a.id,
      sourceId: source.id,
      source: { ...source, title: 'County minutes', url: 'https://example.org/minutes' },
    });
    expect(fixed).toMatchObject({ id: source.id, title: 'County minutes', url: 'https://example.org/minutes', createdAt: source.createdAt });
    const saved = await reopen(a.id);
    expect(saved.sources).toEqual([fixed]);
    expect(saved.claims[0]!.verdict.sourceIds).toEqual([source.id]);
    await expect(backend.api['sources:update']({ articleId: a.id, sourceId: source.id, source: { title: '', url: '' } })).rejects.toThrow('A source needs a title or a URL.');
    await expect(backend.api['sources:update']({ articleId: a.id, sourceId: source.id, source: { url: 'javascript:alert(1)' } })).rejects.toThrow(/is not a web address/);
  });

  it('removes a cited source: each citing claim records it, and a claim sourced on it alone is unchecked again', async () => {
    const a = await article();
    const { source: minutes } = await backend.api['sources:add']({ articleId: a.id, source: { title: 'Minutes' } });
    const { source: audit } = await backend.api['sources:add']({ articleId: a.id, source: { title: 'Audit' } });
    await backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'sourced', sourceIds: [minutes.id] } });
    await backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[1]!.id, patch: { status: 'sourced', sourceIds: [minutes.id, audit.id] } });
    await backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[2]!.id, patch: { status: 'verified', sourceIds: [audit.id] } });

    const { article: after } = await backend.api['sources:remove']({ articleId: a.id, sourceId: minutes.id });
    expect(after.sources.map((s) => s.title)).toEqual(['Audit']);
    const [c1, c2, c3] = after.claims;
    expect(c1!.verdict).toMatchObject({ status: 'unchecked', sourceIds: [] });
    expect(c1!.history.at(-1)).toMatchObject({
      kind: 'verdict',
      by: 'Ana',
      changes: [
        { field: 'status', from: 'sourced', to: 'unchecked' },
        { field: 'sourceIds', from: [minutes.id], to: [] },
      ],
      detail: 'source “Minutes” removed from the article; the claim rested on it alone, so it is unchecked again',
    });
    expect(c2!.verdict).toMatchObject({ status: 'sourced', sourceIds: [audit.id] });
    expect(c2!.history.at(-1)!.detail).toBe('source “Minutes” removed from the article');
    // A claim that did not cite it is untouched.
    expect(c3!.history).toHaveLength(1);
    expect(await reopen(a.id)).toEqual(after);
    await expect(backend.api['sources:remove']({ articleId: a.id, sourceId: minutes.id })).rejects.toThrow(/^That source is no longer in the source list/);
  });
});

describe('telling other windows', () => {
  it('reports every article a successful change wrote, with its version; reads and refusals report nothing', async () => {
    const changes: ArticleChange[] = [];
    const observed = observeArticleChanges(backend, (change) => changes.push(change));
    const { article: a } = await observed.api['articles:create']({ text: TEXT, meta: {} });
    await observed.api['articles:get']({ id: a.id });
    await observed.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'verified' } });
    await observed.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'disputed' } }).catch(() => undefined);
    await observed.api['reports:export']({ articleId: a.id, format: 'md' });
    // Reads that name an article (the panel's polls) are not changes: told as changes, each window would reload on them.
    await observed.api['claims:seenBefore']({ articleId: a.id, claimId: a.claims[0]!.id });
    await observed.api['search:query']({ query: 'bridge' });
    await observed.api['articles:delete']({ id: a.id });
    expect(changes).toEqual([
      { articleId: a.id, version: 0 },
      { articleId: a.id, version: 1 },
      { articleId: a.id, version: null },
    ]);
  });
});
