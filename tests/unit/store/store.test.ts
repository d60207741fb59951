// The JSON database on real files: what a checker saves is there after a restart,
// a damaged file costs that one article (moved aside, named, bytes kept), a file
// from a newer Factdesk is never touched, and no write is ever lost or half done.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { readArticleFile } from '../../../src/backend/store/article-files';
import { ArticleDocument, SCHEMA_VERSION } from '../../../src/backend/store/documents';
import type { LoadProblem } from '../../../src/shared/contract';
import { Store } from '../../../src/backend/store/store';
import { UserError } from '../../../src/shared/errors';
import { extractClaims, normalizeText } from '../../../src/shared/extract';
import type { Article } from '../../../src/shared/model';

const TEXT = 'The bridge opened in 1932. It cost $4 million. Traffic doubled by 1950.';
const FIXED = new Date('2026-01-02T03:04:05Z');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-store-'));
});

afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

async function open(clock: () => Date = () => FIXED): Promise<Backend> {
  return createBackend(await Store.open(dir), clock);
}

async function createArticle(backend: Backend, text = TEXT, title = 'Bridge'): Promise<Article> {
  const { article } = await backend.api['articles:create']({ text, meta: { title } });
  return article;
}

function articleFile(id: string): string {
  return join(dir, 'articles', `${id}.json`);
}

/** Every file under the data folder, relative paths, sorted. */
async function listFiles(root = dir): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(root.length + 1))
    .sort();
}

/** The article file, validated, with the changes its log holds (store/article-log.ts) applied as an open would. */
async function readDocument(id: string): Promise<ArticleDocument> {
  const raw = await readFile(articleFile(id), 'utf8');
  const parsed = ArticleDocument.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`article file ${id}.json does not validate: ${parsed.error.message}`);
  const problems: LoadProblem[] = [];
  const article = await readArticleFile(dir, `${id}.json`, problems, { writable: false });
  if (!article || problems.length > 0) throw new Error(`article ${id} does not read with its log: ${JSON.stringify(problems)}`);
  return { ...parsed.data, article };
}

describe('saved work survives a restart', () => {
  it('keeps verdicts, notes, corrections, sources and history after reopening the folder', async () => {
    const backend = await open();
    const article = await createArticle(backend);
    expect(article.claims.length).toBe(extractClaims(normalizeText(TEXT)).length);
    expect(article.claims.length).toBeGreaterThanOrEqual(2);
    const [first, second] = article.claims as [Article['claims'][number], Article['claims'][number]];

    const { source } = await backend.api['sources:add']({
      articleId: article.id,
      source: { kind: 'document', title: 'City records', url: 'https://example.org/records' },
    });
    await backend.api['claims:mark']({
      articleId: article.id,
      claimId: first.id,
      checker: 'Ana',
      patch: { status: 'verified', note: 'Matches the city records.', sourceIds: [source.id] },
    });
    await backend.api['claims:mark']({
      articleId: article.id,
      claimId: second.id,
      checker: 'Ben',
      patch: { status: 'disputed', note: 'Records say $4.5 million.', correction: 'It cost $4.5 million.' },
    });
    await backend.store.flush();

    const reopened = await open();
    expect(reopened.store.problems).toEqual([]);
    const { article: again } = await reopened.api['articles:get']({ id: article.id });
    expect(again.title).toBe('Bridge');
    expect(again.sources).toEqual([source]);

    const a = again.claims.find((c) => c.id === first.id)!;
    expect(a.verdict).toMatchObject({
      status: 'verified',
      note: 'Matches the city records.',
      sourceIds: [source.id],
      checker: 'Ana',
      updatedAt: FIXED.toISOString(),
    });
    expect(a.history).toEqual([
      {
        at: FIXED.toISOString(),
        by: 'Ana',
        kind: 'verdict',
        changes: [
          { field: 'status', from: 'unchecked', to: 'verified' },
          { field: 'note', from: '', to: 'Matches the city records.' },
          { field: 'sourceIds', from: [], to: [source.id] },
        ],
      },
    ]);

    const b = again.claims.find((c) => c.id === second.id)!;
    expect(b.verdict).toMatchObject({
      status: 'disputed',
      note: 'Records say $4.5 million.',
      correction: 'It cost $4.5 million.',
      checker: 'Ben',
    });
    expect(b.history).toHaveLength(1);
    expect(b.history[0]!.by).toBe('Ben');

    const { articles } = await reopened.api['library:list']({});
    expect(articles).toHaveLength(1);
    expect(articles[0]!.counts).toMatchObject({ verified: 1, disputed: 1 });
    expect(articles[0]!.total).toBe(article.claims.length);
  });

  it('keeps the preferences (the checker’s name) after reopening', async () => {
    const backend = await open();
    await backend.api['preferences:set']({ preferences: { checker: 'Ana', theme: 'dark' } });
    const reopened = await open();
    expect((await reopened.api['preferences:get']({})).preferences).toEqual({ checker: 'Ana', theme: 'dark' });
  });

  it('saving a verdict writes only that article’s files (its log), not the library or other articles', async () => {
    const backend = await open();
    await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
    const one = await createArticle(backend, TEXT, 'One');
    const two = await createArticle(backend, 'The dam opened in 1936. It is 221 meters tall.', 'Two');
    const libraryBefore = await readFile(join(dir, 'library.json'));
    const twoBefore = await readFile(articleFile(two.id));
    const oneBefore = await readFile(articleFile(one.id));

    await backend.api['claims:mark']({ articleId: one.id, claimId: one.claims[0]!.id, patch: { status: 'verified' } });

    expect(await readFile(join(dir, 'library.json'))).toEqual(libraryBefore);
    expect(await readFile(articleFile(two.id))).toEqual(twoBefore);
    expect(existsSync(join(dir, 'articles', `${two.id}.log`))).toBe(false);
    // Appended to its log; the snapshot takes it in when the store compacts.
    expect(existsSync(join(dir, 'articles', `${one.id}.log`))).toBe(true);
    expect(await readFile(articleFile(one.id))).toEqual(oneBefore);
    expect((await readDocument(one.id)).article.claims[0]!.verdict.status).toBe('verified');
    await backend.store.compactAll();
    expect(existsSync(join(dir, 'articles', `${one.id}.log`))).toBe(false);
    expect(await readFile(articleFile(one.id))).not.toEqual(oneBefore);
    expect(await readFile(articleFile(two.id))).toEqual(twoBefore);
  });
});

describe('a damaged article file', () => {
  const BAD_FILES: Record<string, string> = {
    'notjson.json': '{"schemaVersion": 1, "article": {',
    'badschema.json': JSON.stringify({ schemaVersion: 1, article: { id: 'badschema', title: '' } }),
    'empty.json': '',
  };

  it('is moved to quarantine/ with its bytes intact, named in problems, and the other articles still open', async () => {
    const backend = await open();
    const good = await createArticle(backend);
    for (const [name, content] of Object.entries(BAD_FILES)) await writeFile(join(dir, 'articles', name), content);

    const reopened = await open();
    const problems = reopened.store.problems;
    expect(problems.map((p) => p.file).sort()).toEqual(Object.keys(BAD_FILES).sort());
    for (const problem of problems) {
      // Told to the user by name, in one line.
      expect(problem.message).toContain(problem.file);
      expect(problem.message).not.toContain('\n');
    }

    // Gone from articles/, present in quarantine/ with exactly the original bytes.
    const articleNames = await readdir(join(dir, 'articles'));
    expect(articleNames).toEqual([`${good.id}.json`]);
    const quarantined = await readdir(join(dir, 'quarantine'));
    expect(quarantined).toHaveLength(3);
    for (const [name, content] of Object.entries(BAD_FILES)) {
      const copy = quarantined.find((q) => q.startsWith(`${name}.`));
      expect(copy, `quarantine copy of ${name}`).toBeDefined();
      expect(await readFile(join(dir, 'quarantine', copy!), 'utf8')).toBe(content);
    }

    // The good article is listed and opens; the problems reach the UI through library:list.
    const listed = await reopened.api['library:list']({});
    expect(listed.articles.map((a) => a.id)).toEqual([good.id]);
    expect(listed.problems.map((p) => p.file).sort()).toEqual(Object.keys(BAD_FILES).sort());
    const { article } = await reopened.api['articles:get']({ id: good.id });
    expect(article.claims).toHaveLength(good.claims.length);
  });

  it('reports a schema failure with the field that is wrong', async () => {
    await open();
    await writeFile(join(dir, 'articles', 'badschema.json'), BAD_FILES['badschema.json']!);
    const reopened = await open();
    expect(reopened.store.problems).toHaveLength(1);
    expect(reopened.store.problems[0]!.message).toMatch(/field “article\./);
  });

  it('never overwrites an earlier quarantined copy, even when the same file breaks twice in the same millisecond', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-04T05:06:07.008Z'));
    await open();
    await writeFile(join(dir, 'articles', 'twice.json'), 'first broken version');
    await open();
    await writeFile(join(dir, 'articles', 'twice.json'), 'second broken version');
    const second = await open();
    // The new one, then the copy the first open quarantined: still listed, as nothing is quarantined silently.
    expect(second.store.problems.map((p) => p.file)).toEqual(['twice.json', expect.stringMatching(/^quarantine\/twice\.json\..+\.corrupt$/)]);

    const copies = await readdir(join(dir, 'quarantine'));
    const contents = await Promise.all(copies.map((c) => readFile(join(dir, 'quarantine', c), 'utf8')));
    expect(contents.sort()).toEqual(['first broken version', 'second broken version']);
  });
});

describe('an article file that disappears while the app runs', () => {
  it('is reported as that article not found, not with an unrelated earlier problem', async () => {
    const article = await createArticle(await open());
    await writeFile(join(dir, 'articles', 'broken.json'), '{');
    const withProblem = await open(); // a fresh store: nothing cached, one earlier problem
    expect(withProblem.store.problems.map((p) => p.file)).toEqual(['broken.json']);
    await rm(articleFile(article.id));

    const result = await withProblem.invoke('articles:get', { id: article.id });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not-found');
    expect(result.error.message).toContain(article.id);
    expect(result.error.message).not.toContain('broken.json');
  });
});

describe('a file written by a newer Factdesk', () => {
  it('is refused, left byte-for-byte untouched (not quarantined), and listed in problems', async () => {
    const backend = await open();
    const good = await createArticle(backend);
    const futureBytes = `${JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, article: { id: 'futurearticle', shape: 'unknown' } }, null, 3)}\n`;
    const futurePath = join(dir, 'articles', 'futurearticle.json');
    await writeFile(futurePath, futureBytes);
    const before = await stat(futurePath);

    const reopened = await open();
    expect(reopened.store.problems).toHaveLength(1);
    expect(reopened.store.problems[0]!.file).toBe('futurearticle.json');
    expect(reopened.store.problems[0]!.message).toContain('futurearticle.json');
    expect((await reopened.api['library:list']({})).articles.map((a) => a.id)).toEqual([good.id]);

    // Work on other articles does not touch it either.
    await reopened.api['claims:mark']({ articleId: good.id, claimId: good.claims[0]!.id, checker: 'Ana', patch: { status: 'verified' } });
    await createArticle(reopened, 'The tunnel opened in 1927.', 'Tunnel');
    await reopened.store.flush();

    expect(await readFile(futurePath, 'utf8')).toBe(futureBytes);
    expect((await stat(futurePath)).mtimeMs).toBe(before.mtimeMs);
    await expect(readdir(join(dir, 'quarantine'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(reopened.api['articles:get']({ id: 'futurearticle' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('library.json', () => {
  it('when corrupt is quarantined (bytes kept), reported, the preferences reset, and articles still open', async () => {
    const backend = await open();
    await backend.api['preferences:set']({ preferences: { checker: 'Ana', theme: 'dark' } });
    const good = await createArticle(backend);
    const broken = '{"schemaVersion":1,"preferences":{"checker":"Ana",';
    await writeFile(join(dir, 'library.json'), broken);

    const reopened = await open();
    expect(reopened.store.problems.map((p) => p.file)).toEqual(['library.json']);
    expect(reopened.store.problems[0]!.message).toContain('library.json');
    expect((await reopened.api['preferences:get']({})).preferences).toEqual({ checker: '', theme: 'system' });
    const quarantined = await readdir(join(dir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.startsWith('library.json.')).toBe(true);
    expect(await readFile(join(dir, 'quarantine', quarantined[0]!), 'utf8')).toBe(broken);
    expect((await reopened.api['articles:get']({ id: good.id })).article.id).toBe(good.id);

    // The reset preferences can be saved again.
    await reopened.api['preferences:set']({ preferences: { checker: 'Ben' } });
    expect((await (await open()).api['preferences:get']({})).preferences.checker).toBe('Ben');
  });

  it('that is valid JSON but breaks the schema is quarantined too', async () => {
    await writeFile(join(dir, 'library.json'), JSON.stringify({ schemaVersion: 1, preferences: { checker: 'A', theme: 'purple' } }));
    const reopened = await open();
    expect(reopened.store.problems.map((p) => p.file)).toEqual(['library.json']);
    expect(reopened.store.preferences()).toEqual({ checker: '', theme: 'system' });
  });

  it('from a newer Factdesk makes Store.open refuse with a sentence naming the folder, leaving it untouched', async () => {
    const bytes = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 5, preferences: { checker: 'Ana', theme: 'dark', more: 1 } });
    await writeFile(join(dir, 'library.json'), bytes);
    const error = await Store.open(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(dir);
    expect((error as UserError).message).not.toContain('\n');
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(bytes);
    await expect(readdir(join(dir, 'quarantine'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('writes', () => {
  it('clear away the temp files of a writer that died mid-save, and leave a live writer’s alone', async () => {
    const backend = await open();
    const article = await createArticle(backend);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // exited: its pid is free
    const leftovers = [
      join(dir, 'articles', `.${article.id}.json.${dead}.0a1b2c.tmp`),
      join(dir, `.library.json.${dead}.0a1b2c.tmp`),
      join(dir, `.library-index.json.${dead}.0a1b2c.tmp`),
    ];
    const live = join(dir, 'articles', `.${article.id}.json.${process.pid}.3d4e5f.tmp`);
    for (const path of [...leftovers, live]) await writeFile(path, '{"half": ');
    await open();
    for (const path of leftovers) expect(existsSync(path), path).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('leave no temp files behind and the article file always validates against ArticleDocument', async () => {
    const backend = await open();
    await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
    const article = await createArticle(backend);
    expect((await readDocument(article.id)).article).toEqual(article);

    const { source } = await backend.api['sources:add']({ articleId: article.id, source: { url: 'https://example.org/a' } });
    expect((await readDocument(article.id)).article.sources).toEqual([source]);

    for (const [i, claim] of article.claims.entries()) {
      await backend.api['claims:mark']({
        articleId: article.id,
        claimId: claim.id,
        patch: i % 2 === 0 ? { status: 'sourced', sourceIds: [source.id] } : { status: 'disputed', note: `Wrong ${i}.` },
      });
      const doc = await readDocument(article.id);
      expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
      expect(doc.article.claims[i]!.verdict.status).toBe(i % 2 === 0 ? 'sourced' : 'disputed');
    }
    await backend.api['articles:rename']({ id: article.id, title: 'Renamed' });
    expect((await readDocument(article.id)).article.title).toBe('Renamed');
    await backend.store.flush();
    await backend.store.compactAll(); // the log into the article file, and gone
    expect((await readDocument(article.id)).article.title).toBe('Renamed');

    const files = await listFiles();
    expect(files.filter((f) => f.includes('.tmp'))).toEqual([]);
    // Besides the article and the library, only the article's first backup (the
    // version before the first change; later ones wait for the backup interval).
    expect(files.filter((f) => !f.startsWith('backups/'))).toEqual(['articles/' + `${article.id}.json`, 'library.json'].sort());
    expect(files.filter((f) => f.startsWith(`backups/${article.id}/`))).toHaveLength(1);
  });

  it('50 concurrent claims:mark calls on different claims of one article all survive a reopen', async () => {
    const text = Array.from({ length: 60 }, (_, i) => `The harbor crane number ${i + 1} was painted blue.`).join('\n\n');
    const expected = extractClaims(normalizeText(text));
    expect(expected.length).toBeGreaterThanOrEqual(50);
    const backend = await open();
    const article = await createArticle(backend, text, 'Cranes');
    const targets = article.claims.slice(0, 50);

    const results = await Promise.all(
      targets.map((claim, i) =>
        backend.invoke('claims:mark', {
          articleId: article.id,
          claimId: claim.id,
          checker: `Checker ${i}`,
          patch: { status: 'disputed', note: `Note ${i}` },
        }),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    await backend.store.flush();
    expect((await listFiles()).filter((f) => f.includes('.tmp'))).toEqual([]);

    const onDisk = (await readDocument(article.id)).article;
    const reopened = await open();
    const { article: again } = await reopened.api['articles:get']({ id: article.id });
    expect(again).toEqual(onDisk);
    targets.forEach((claim, i) => {
      const saved = again.claims.find((c) => c.id === claim.id)!;
      expect(saved.verdict).toMatchObject({ status: 'disputed', note: `Note ${i}`, checker: `Checker ${i}` });
      expect(saved.history).toHaveLength(1);
    });
    expect(again.claims.slice(50).every((c) => c.verdict.status === 'unchecked')).toBe(true);
  });

  it('a refused mark leaves the file byte-for-byte unchanged', async () => {
    const backend = await open();
    const article = await createArticle(backend);
    const before = await readFile(articleFile(article.id));
    const result = await backend.invoke('claims:mark', {
      articleId: article.id,
      claimId: article.claims[0]!.id,
      checker: 'Ana',
      patch: { status: 'disputed' },
    });
    expect(result.ok).toBe(false);
    expect(await readFile(articleFile(article.id))).toEqual(before);
  });
});

describe('delete', () => {
  it('moves the article file into trash/ (kept, not destroyed) and it stays gone after a reopen', async () => {
    const backend = await open();
    const keep = await createArticle(backend, TEXT, 'Keep');
    const gone = await createArticle(backend, 'The dam opened in 1936.', 'Gone');
    const bytes = await readFile(articleFile(gone.id), 'utf8');

    expect(await backend.api['articles:delete']({ id: gone.id })).toEqual({ deleted: gone.id });

    await expect(stat(articleFile(gone.id))).rejects.toMatchObject({ code: 'ENOENT' });
    const trash = await readdir(join(dir, 'trash'));
    expect(trash).toHaveLength(1);
    expect(trash[0]!.startsWith(gone.id)).toBe(true);
    expect(await readFile(join(dir, 'trash', trash[0]!), 'utf8')).toBe(bytes);
    expect((await backend.api['library:list']({})).articles.map((a) => a.id)).toEqual([keep.id]);
    await expect(backend.api['articles:get']({ id: gone.id })).rejects.toMatchObject({ code: 'not-found' });

    const reopened = await open();
    expect(reopened.store.problems).toEqual([]);
    expect((await reopened.api['library:list']({})).articles.map((a) => a.id)).toEqual([keep.id]);
  });

  it('ignores stray non-article files in articles/ without reporting or moving them', async () => {
    await mkdir(join(dir, 'articles'), { recursive: true });
    await writeFile(join(dir, 'articles', 'notes.txt'), 'my notes');
    const reopened = await open();
    expect(reopened.store.problems).toEqual([]);
    expect(await readFile(join(dir, 'articles', 'notes.txt'), 'utf8')).toBe('my notes');
  });
});
