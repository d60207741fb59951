// Schema migrations: a data folder or an export written by an older Factdesk
// opens with every verdict, note and orphan intact; the file as it was is kept
// before it is rewritten; a reader without the lock rewrites nothing.
// tests/fixtures/schema/v<N>/ holds files exactly as Factdesk of schema N wrote them.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/backend';
import { SCHEMA_VERSION } from '../../../src/backend/store/documents';
import { Store } from '../../../src/backend/store/store';
import { partitionProblem } from '../../../src/shared/extract';
import { factsOf } from '../../../src/shared/facts/fold';
import { MIGRATIONS, upgradeDocument } from '../../../src/shared/migrations';
import { Article } from '../../../src/shared/model';
import { parseArticleJson } from '../../../src/shared/report/json';

const V1 = join(__dirname, '../../fixtures/schema/v1');
const HARBOR = 'lnim82l5sl8h'; // two verdicts, never revised: schema 1 wrote no `orphans`
const BAY = 'r8r8jvwfoo2k'; // revised once: one orphan with its disputed verdict
const V2 = join(__dirname, '../../fixtures/schema/v2');
const FERRY = '5dsgquo51f0k'; // schema 2 dropped its subheading, “Yes.”, bullets and boilerplate
const V4 = join(__dirname, '../../fixtures/schema/v4'); // the same article as a schema-4 Factdesk saved it: no facts

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-migrate-'));
  await cp(V1, dir, { recursive: true });
  await rm(join(dir, 'export.json'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = (path: string) => readFile(join(dir, path), 'utf8');
const v1 = (path: string) => readFile(join(V1, path), 'utf8');

/** One test per numbered migration, checked against the fixture of the schema it reads. */
const stepTests: Record<number, () => Promise<void>> = {
  2: async () => {
    const [harbor, bay] = await Promise.all([v1(`articles/${HARBOR}.json`), v1(`articles/${BAY}.json`)].map(async (p) => JSON.parse(await p)));
    expect(harbor.article.orphans).toBeUndefined();
    const step = MIGRATIONS.find((m) => m.to === 2)!;
    const migrated = step.article!(harbor.article);
    expect(migrated.orphans).toEqual([]);
    expect(migrated.claims).toEqual(harbor.article.claims);
    // An article that had orphans keeps them as they were.
    expect(step.article!(bay.article).orphans).toEqual(bay.article.orphans);
    expect(upgradeDocument(harbor)).toMatchObject({ kind: 'migrated', from: 1 });
  },
  3: async () => {
    const old = JSON.parse(await readFile(join(V2, `articles/${FERRY}.json`), 'utf8'));
    expect(old.schemaVersion).toBe(2);
    const step = MIGRATIONS.find((m) => m.to === 3)!;
    const migrated = Article.parse({ ...step.article!(old.article), schemaVersion: undefined });
    // Every word of the text is now in a claim or a set-aside segment…
    expect(partitionProblem(migrated.text, [...migrated.claims, ...migrated.setAside])).toBeNull();
    // …the claims the checker worked on are untouched, verdicts and ids included…
    for (const claim of old.article.claims) expect(migrated.claims).toContainEqual(claim);
    expect(migrated.claims.find((c) => c.verdict.status === 'disputed')!.verdict.note).toBe('The audit says $1.2 million.');
    // …and what the older extractor dropped silently is shown: as claims when it says something, set aside otherwise.
    const claimTexts = migrated.claims.map((c) => c.text);
    expect(claimTexts).toEqual(expect.arrayContaining(['Who rides it', 'Yes.']));
    const setAside = migrated.setAside.map((s) => `${s.setAside}: ${s.text}`);
    expect(setAside).toEqual(expect.arrayContaining(['furniture: Advertisement', 'furniture: * * *']));
    expect(migrated.claims.filter((c) => !old.article.claims.some((o: { id: string }) => o.id === c.id)).every((c) => c.verdict.status === 'unchecked')).toBe(true);
    // The same file migrated twice gives the same ids: a reader without the lock and a writer agree.
    expect(step.article!(old.article)).toEqual(step.article!(old.article));
  },
  4: async () => {
    const old = JSON.parse(await readFile(join(V2, `articles/${FERRY}.json`), 'utf8'));
    const three = MIGRATIONS.find((m) => m.to === 3)!.article!(old.article);
    expect(three.version).toBeUndefined();
    const step = MIGRATIONS.find((m) => m.to === 4)!;
    const migrated = Article.parse(step.article!(three));
    // Every article starts counting at 0; nothing else changes.
    expect(migrated.version).toBe(0);
    expect({ ...step.article!(three), version: undefined }).toEqual({ ...three, version: undefined });
    // A version already there is kept; a broken one starts again at 0.
    expect(step.article!({ ...three, version: 7 }).version).toBe(7);
    expect(step.article!({ ...three, version: -1 }).version).toBe(0);
    expect(step.article!({ ...three, version: 'x' }).version).toBe(0);
  },
  5: async () => {
    const old = JSON.parse(await readFile(join(V4, `articles/${FERRY}.json`), 'utf8'));
    expect(old.schemaVersion).toBe(4);
    const step = MIGRATIONS.find((m) => m.to === 5)!;
    const migrated = Article.parse(step.article!(old.article));
    // Every passage gets an empty list: nobody had ruled on a fact before schema 5…
    for (const passage of [...migrated.claims, ...migrated.setAside, ...migrated.orphans]) expect(passage.facts).toEqual([]);
    // …so each claim shows its extracted spans as unchecked facts, and keeps its own verdict.
    const disputed = migrated.claims.find((c) => c.verdict.status === 'disputed')!;
    expect(disputed.verdict.note).toBe('The audit says $1.2 million.');
    expect(factsOf(disputed).map((f) => `${f.kind} ${f.text} ${f.verdict.status}`)).toEqual(disputed.spans.map((s) => `${s.kind} ${s.text} unchecked`));
    expect(factsOf(disputed).length).toBeGreaterThan(0);
    expect({ ...migrated, claims: [], setAside: [], orphans: [] }).toEqual({ ...Article.parse(old.article), claims: [], setAside: [], orphans: [] });
    // Facts already there (a file half-written by a newer build) are kept.
    const fact = { id: 'f1', start: 0, end: 3, kind: 'words', text: 'The', verdict: migrated.claims[0]!.verdict };
    const kept = step.article!({ ...old.article, claims: [{ ...old.article.claims[0], facts: [fact] }] });
    expect((kept.claims as { facts: unknown[] }[])[0]!.facts).toEqual([fact]);

    // A data folder at schema 4 opens at 5, the old file kept byte for byte.
    const folder = await mkdtemp(join(tmpdir(), 'factdesk-migrate-v4-'));
    try {
      await cp(V4, folder, { recursive: true });
      const store = await Store.open(folder);
      expect(store.problems).toEqual([]);
      expect((await store.get(FERRY)).claims.every((c) => Array.isArray(c.facts))).toBe(true);
      expect(JSON.parse(await readFile(join(folder, `articles/${FERRY}.json`), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
      expect(await readFile(join(folder, `backups/${FERRY}/schema-4.json`), 'utf8')).toBe(await readFile(join(V4, `articles/${FERRY}.json`), 'utf8'));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  },
};

describe('numbered migrations', () => {
  it('are numbered 2, 3, … without gaps, up to the schema this Factdesk writes, and each has a test', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 2));
    expect(MIGRATIONS.at(-1)?.to ?? 1).toBe(SCHEMA_VERSION);
    expect(Object.keys(stepTests).map(Number)).toEqual(MIGRATIONS.map((m) => m.to));
  });

  for (const step of MIGRATIONS) {
    it(`migration ${step.to}: ${step.summary}`, () => stepTests[step.to]!());
  }

  it('leave a document without a usable version for validation to reject, and refuse a newer one', () => {
    expect(upgradeDocument('text')).toEqual({ kind: 'current', document: 'text' });
    expect(upgradeDocument({ schemaVersion: 0, article: {} })).toMatchObject({ kind: 'current' });
    expect(upgradeDocument({ schemaVersion: 1.5, article: {} })).toMatchObject({ kind: 'current' });
    expect(upgradeDocument({ schemaVersion: 1, article: 'not an object' })).toMatchObject({ kind: 'migrated', document: { article: 'not an object' } });
    expect(upgradeDocument({ schemaVersion: SCHEMA_VERSION + 1 })).toEqual({ kind: 'newer', version: SCHEMA_VERSION + 1 });
  });
});

describe('opening a data folder from schema 1', () => {
  it('keeps every verdict, note and orphan, rewrites the files at the current schema, and keeps the old files first', async () => {
    const store = await Store.open(dir);
    expect(store.problems).toEqual([]);
    const harbor = await store.get(HARBOR);
    const old = JSON.parse(await v1(`articles/${HARBOR}.json`)).article;
    expect(harbor.claims.map((c) => c.verdict)).toEqual(old.claims.map((c: { verdict: unknown }) => c.verdict));
    expect(harbor.claims.find((c) => c.verdict.status === 'disputed')!.verdict.note).toBe('The budget says $36 million.');
    expect((await store.get(BAY)).orphans.map((o) => o.text)).toEqual(['Ms. Brandt had hoped to break ground this spring.']);
    expect(store.preferences()).toEqual({ checker: 'Ana Ruiz', theme: 'dark' });

    for (const id of [HARBOR, BAY]) {
      expect(JSON.parse(await read(`articles/${id}.json`)).schemaVersion).toBe(SCHEMA_VERSION);
      // The backup is the file byte for byte as the older Factdesk wrote it.
      expect(await read(`backups/${id}/schema-1.json`)).toBe(await v1(`articles/${id}.json`));
    }
    expect(JSON.parse(await read('library.json')).schemaVersion).toBe(SCHEMA_VERSION);
    expect(await read('backups/library.schema-1.json')).toBe(await v1('library.json'));
  });

  it('migrates once: a second open changes nothing and the backup of the old file stays', async () => {
    await Store.open(dir);
    const after = await read(`articles/${HARBOR}.json`);
    await Store.open(dir);
    expect(await read(`articles/${HARBOR}.json`)).toBe(after);
    expect(await readdir(join(dir, 'backups', HARBOR))).toEqual(['schema-1.json']);
    expect(await read(`backups/${HARBOR}/schema-1.json`)).toBe(await v1(`articles/${HARBOR}.json`));
  });

  it('a verdict saved after the migration is there after a restart, and the old file is still kept', async () => {
    const backend = createBackend(await Store.open(dir));
    const claim = (await backend.api['articles:get']({ id: HARBOR })).article.claims[0]!;
    await backend.api['claims:mark']({ articleId: HARBOR, claimId: claim.id, patch: { status: 'verified', note: 'Agenda item 4.' } });
    const reopened = await Store.open(dir);
    expect((await reopened.get(HARBOR)).claims[0]!.verdict).toMatchObject({ status: 'verified', note: 'Agenda item 4.', checker: 'Ana Ruiz' });
    expect(await read(`backups/${HARBOR}/schema-1.json`)).toBe(await v1(`articles/${HARBOR}.json`));
  });

  it('a reader without the lock (the CLI’s list and export) migrates in memory only and cannot save', async () => {
    const store = await Store.open(dir, { readOnly: true });
    expect((await store.get(HARBOR)).orphans).toEqual([]);
    expect(store.list().map((s) => s.id).sort()).toEqual([HARBOR, BAY].sort());
    for (const id of [HARBOR, BAY]) expect(await read(`articles/${id}.json`)).toBe(await v1(`articles/${id}.json`));
    expect(await read('library.json')).toBe(await v1('library.json'));
    expect((await readdir(dir)).sort()).toEqual(['articles', 'library.json']);
    await expect(store.update(HARBOR, (a) => ({ ...a, title: 'Renamed' }))).rejects.toThrow(/opened for reading only/);
    expect(await read(`articles/${HARBOR}.json`)).toBe(await v1(`articles/${HARBOR}.json`));
  });

  it('a reader without the lock reports a damaged file and leaves it where it is', async () => {
    await writeFile(join(dir, 'articles', `${BAY}.json`), '{"schemaVersion": 1, "article": {"trunc');
    await writeFile(join(dir, 'library.json'), '{"schemaVersion": 1,');
    const store = await Store.open(dir, { readOnly: true });
    expect(store.list().map((s) => s.id)).toEqual([HARBOR]);
    expect(store.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/“library\.json” could not be read \(it is not valid JSON\); it was left in place/),
      expect.stringMatching(new RegExp(`“${BAY}\\.json” could not be read .*; it was left in place\\.$`)),
    ]);
    expect(await read(`articles/${BAY}.json`)).toBe('{"schemaVersion": 1, "article": {"trunc');
    expect((await readdir(dir)).sort()).toEqual(['articles', 'library.json']);
  });

  it('leaves a file at schema 1 (still readable) when the old copy cannot be kept', async () => {
    await writeFile(join(dir, 'backups'), 'a file where the backups folder should be');
    const store = await Store.open(dir);
    expect((await store.get(HARBOR)).claims).toHaveLength(6);
    expect(await read(`articles/${HARBOR}.json`)).toBe(await v1(`articles/${HARBOR}.json`));
  });
});

describe('an article exported by a schema-1 Factdesk', () => {
  it('imports with its verdicts and an empty orphans list', async () => {
    const article = parseArticleJson(await v1('export.json'));
    expect(article.orphans).toEqual([]);
    expect(article.claims.filter((c) => c.verdict.status !== 'unchecked').map((c) => c.verdict.status)).toEqual(['verified', 'disputed']);
  });
});
