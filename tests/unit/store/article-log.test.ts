// The per-article log (src/backend/store/article-log.ts): a save appends its change
// and leaves the article file alone, so its cost is the change's, not the article's;
// an open replays the log; a record cut short by a crash (never acknowledged) is
// dropped silently, a damaged one is reported; a compaction killed half way loses
// nothing and applies nothing twice.
import { existsSync } from 'node:fs';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';
import type { Article } from '../../../src/shared/model';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-log-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function open(): Promise<Backend> {
  const backend = createBackend(await Store.open(dir), undefined, { memoryPersists: false });
  await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
  return backend;
}

async function create(backend: Backend, claims: number): Promise<Article> {
  const text = Array.from({ length: claims }, (_, i) => `The council spent $${i + 1}.5 million on section ${i} of the seawall in ${1990 + (i % 30)}.`).join('\n');
  return (await backend.api['articles:create']({ text, meta: { title: 'Seawall' }, allowDuplicate: true })).article;
}

const files = (id: string) => ({ snapshot: join(dir, 'articles', `${id}.json`), log: join(dir, 'articles', `${id}.log`) });
const size = async (path: string) => (await stat(path).catch(() => null))?.size ?? 0;

async function mark(backend: Backend, article: Article, i: number, note = `n${i}`): Promise<void> {
  await backend.api['claims:mark']({ articleId: article.id, claimId: article.claims[i % article.claims.length]!.id, patch: { status: 'verified', note } });
}

describe('the article log', () => {
  it('a save at 5,000 claims writes bytes in proportion to the change, not the article', async () => {
    const backend = await open();
    const article = await create(backend, 5_000);
    expect(article.claims.length).toBeGreaterThanOrEqual(5_000);
    const { snapshot, log } = files(article.id);
    const snapshotBytes = await size(snapshot);
    const before = await stat(snapshot);
    expect(snapshotBytes).toBeGreaterThan(2_000_000);
    await mark(backend, article, 0); // the first save also starts the log (its header) and takes the backup
    const grown: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const at = await size(log);
      await mark(backend, article, i * 97);
      grown.push((await size(log)) - at);
    }
    // One claim with its history entry, the summary fields: well under 2 KB, against megabytes.
    expect(Math.max(...grown)).toBeLessThan(2_000);
    const after = await stat(snapshot);
    expect([after.ino, after.size, after.mtimeMs]).toEqual([before.ino, before.size, before.mtimeMs]);
    // What a reopen reads is every save.
    const reopened = await open();
    const { article: again } = await reopened.api['articles:get']({ id: article.id });
    for (let i = 1; i <= 20; i++) expect(again.claims[(i * 97) % again.claims.length]!.verdict.note).toBe(`n${i * 97}`);
    expect(again.version).toBe((article.version ?? 0) + 21);
  }, 60_000);

  it('compacts into the article file (same article, log gone) and the summary and index agree', async () => {
    const backend = await open();
    const article = await create(backend, 20);
    for (let i = 0; i < 5; i++) await mark(backend, article, i);
    const live = (await backend.api['articles:get']({ id: article.id })).article;
    await backend.store.compactAll();
    expect(existsSync(files(article.id).log)).toBe(false);
    const document = JSON.parse(await readFile(files(article.id).snapshot, 'utf8')) as { article: Article };
    expect(document.article).toEqual(live);
    const reopened = await open();
    expect((await reopened.api['library:list']({})).articles[0]!.counts).toMatchObject({ verified: 5 });
  });

  it('a record cut short mid-append (never acknowledged) is dropped silently; the next save goes after the last whole one', async () => {
    const backend = await open();
    const article = await create(backend, 20);
    for (let i = 0; i < 3; i++) await mark(backend, article, i);
    await appendFile(files(article.id).log, '{"v":99,"splice":{"claims":[3,1,[{"te');
    const reopened = await open();
    expect(reopened.store.problems).toEqual([]);
    const { article: again } = await reopened.api['articles:get']({ id: article.id });
    expect(again.claims.slice(0, 3).map((c) => c.verdict.note)).toEqual(['n0', 'n1', 'n2']);
    await mark(reopened, article, 3);
    const third = await open();
    expect(third.store.problems).toEqual([]);
    expect((await third.api['articles:get']({ id: article.id })).article.claims[3]!.verdict.note).toBe('n3');
  });

  it('a damaged whole record is reported by name; the changes before it are kept and the log moved to quarantine/', async () => {
    const backend = await open();
    const article = await create(backend, 20);
    for (let i = 0; i < 3; i++) await mark(backend, article, i);
    const lines = (await readFile(files(article.id).log, 'utf8')).split('\n');
    lines[3] = '{"v": "garbled"}'; // the third record (after the header)
    await writeFile(files(article.id).log, lines.join('\n'));
    const reopened = await open();
    expect(reopened.store.problems).toHaveLength(1);
    expect(reopened.store.problems[0]!.message).toMatch(new RegExp(`“${article.id}.log” .* damaged record; the article opened with the 2 changes before it; it was moved to quarantine/`));
    const { article: again } = await reopened.api['articles:get']({ id: article.id });
    expect(again.claims.slice(0, 3).map((c) => c.verdict.note)).toEqual(['n0', 'n1', '']);
    expect((await readdir(join(dir, 'quarantine'))).some((n) => n.startsWith(`${article.id}.log.`))).toBe(true);
    // Later saves are not stuck behind the bad line.
    await mark(reopened, article, 5);
    expect((await (await open()).api['articles:get']({ id: article.id })).article.claims[5]!.verdict.note).toBe('n5');
  });

  it('a compaction killed after the new file but before the log is removed applies nothing twice', async () => {
    const backend = await open();
    const article = await create(backend, 20);
    for (let i = 0; i < 4; i++) await mark(backend, article, 0, `note ${i}`);
    const kept = join(dir, 'kept.log');
    await copyFile(files(article.id).log, kept);
    await backend.store.compactAll();
    await copyFile(kept, files(article.id).log); // as if killed before the removal
    const reopened = await open();
    expect(reopened.store.problems).toEqual([]);
    const { article: again } = await reopened.api['articles:get']({ id: article.id });
    expect(again.claims[0]!.verdict.note).toBe('note 3');
    expect(again.claims[0]!.history).toHaveLength(4);
    expect(existsSync(files(article.id).log)).toBe(false); // recognised as compacted, and removed
  });

  it('an article file changed behind the log’s back is not patched with it: the log is set aside and said so', async () => {
    const backend = await open();
    const article = await create(backend, 20);
    await mark(backend, article, 0);
    const document = JSON.parse(await readFile(files(article.id).snapshot, 'utf8')) as { article: Article };
    document.article.title = 'Edited elsewhere';
    document.article.updatedAt = '2026-05-05T00:00:00.000Z';
    await writeFile(files(article.id).snapshot, JSON.stringify(document));
    const reopened = await open();
    expect(reopened.store.problems.map((p) => p.file)).toEqual([`${article.id}.log`]);
    expect((await reopened.api['articles:get']({ id: article.id })).article.title).toBe('Edited elsewhere');
  });

  it('a delete and a replace keep every logged change (in trash/, in the backup)', async () => {
    const backend = await open();
    const article = await create(backend, 20);
    await mark(backend, article, 1, 'logged');
    await backend.api['articles:delete']({ id: article.id });
    expect(existsSync(files(article.id).log)).toBe(false);
    await backend.api['articles:restore']({ id: article.id });
    expect((await backend.api['articles:get']({ id: article.id })).article.claims[1]!.verdict.note).toBe('logged');
  });

  it('something else at the log’s name (a folder) is reported, never opened, and the article is then saved whole', async () => {
    const backend = await open();
    const article = await create(backend, 20);
    await mkdir(files(article.id).log);
    const reopened = await open();
    expect(reopened.store.problems.map((p) => p.file)).toEqual([`${article.id}.log`]);
    await mark(reopened, article, 2, 'whole');
    const document = JSON.parse(await readFile(files(article.id).snapshot, 'utf8')) as { article: Article };
    expect(document.article.claims[2]!.verdict.note).toBe('whole');
  });
});
