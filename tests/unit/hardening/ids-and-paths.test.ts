// Ids are the app's, never the file's: an article id names files, so only an id
// Factdesk could have made ever reaches a path. An export whose id is a path
// (`../../../outside/PWNED`, `../library`, `../articles/<another id>`, `x/y`, NUL)
// is refused in one sentence naming the file, from every front door, and nothing
// is written anywhere: not outside the data folder, not library.json, not an empty
// folder in backups/.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleIdPath, isArticleId, newId } from '../../../src/backend/ids';
import { articlePath } from '../../../src/backend/store/article-files';
import { BackupKeeper, backupDir } from '../../../src/backend/store/backups';
import { SCHEMA_VERSION } from '../../../src/backend/store/documents';
import { startHttpServer } from '../../../src/server/http-server';
import { OP_NAMES, contract, type OpName } from '../../../src/shared/contract';
import { UserError } from '../../../src/shared/errors';
import { ArticleId } from '../../../src/shared/model';
import { runCli } from '../support/run-cli';
import { createArticle, exportOf, importInput, openDesk, refusal, reopen, snapshot, type Desk } from './support';

let roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
  roots = [];
});

async function desk(): Promise<Desk> {
  const d = await openDesk();
  roots.push(d.root);
  return d;
}

const HOSTILE_IDS = [
  '../../../outside/PWNED',
  '../library',
  '..',
  '.',
  'x/y',
  'a\\b',
  'abc\u0000defgh',
  'abcdefgh\n',
  '/etc/passwd',
  'C:\\Windows\\win',
  'ABCDEFGHIJKL',
  'abcdefgh.json',
  'abc',
  'a'.repeat(33),
  '',
];

describe('the article id pattern', () => {
  it('accepts every id Factdesk makes and refuses paths, separators, NUL, capitals and odd lengths', () => {
    for (let i = 0; i < 500; i++) expect(isArticleId(newId())).toBe(true);
    for (const id of HOSTILE_IDS) expect(isArticleId(id), JSON.stringify(id)).toBe(false);
    expect(isArticleId(42)).toBe(false);
  });

  it('says what is wrong in one line, even for an id with control characters', () => {
    const issue = ArticleId.safeParse('abc\u0000\n\u001b[31mdef').error!.issues[0]!;
    expect(issue.message).toMatch(/ is not a Factdesk article id$/);
    // eslint-disable-next-line no-control-regex
    expect(issue.message).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('the one place an id becomes a path', () => {
  it('refuses every hostile id with a one-sentence UserError, before any folder is made', async () => {
    const d = await desk();
    const before = await snapshot(d.root);
    for (const id of HOSTILE_IDS) {
      for (const make of [() => articlePath(d.dataDir, id), () => backupDir(d.dataDir, id), () => articleIdPath(d.dataDir, 'trash', id, '.1.json')]) {
        let error: unknown;
        try {
          make();
        } catch (e) {
          error = e;
        }
        expect(error, JSON.stringify(id)).toBeInstanceOf(UserError);
        expect((error as UserError).code).toBe('invalid');
        expect((error as UserError).message).not.toContain('\n');
      }
      const keeper = new BackupKeeper(d.dataDir);
      await expect(keeper.beforeReplace(id, join(d.dataDir, 'library.json'), true)).rejects.toBeInstanceOf(UserError);
    }
    expect(await snapshot(d.root)).toEqual(before);
    expect(existsSync(join(d.dataDir, 'backups'))).toBe(false);
  });

  it('keeps a valid id inside its folder, and a suffix cannot climb out either', async () => {
    const d = await desk();
    const id = newId();
    expect(articlePath(d.dataDir, id)).toBe(join(d.dataDir, 'articles', `${id}.json`));
    expect(backupDir(d.dataDir, id)).toBe(join(d.dataDir, 'backups', id));
    expect(() => articleIdPath(d.dataDir, 'trash', id, '/../../library.json')).toThrow(UserError);
  });
});

describe('importing an export whose id is a path', () => {
  it('is refused in one sentence naming the file, and writes nothing anywhere', async () => {
    const d = await desk();
    const victim = await createArticle(d, undefined, 'Victim');
    const other = await createArticle(d, 'The tunnel opened in 1927. It is 2.6 km long.', 'Tunnel');
    const exported = await exportOf(d, other.id);
    const ids = [...HOSTILE_IDS, `../articles/${victim.id}`, `../backups/${victim.id}/x`];
    const libraryBefore = await readFile(join(d.dataDir, 'library.json'));
    const before = await snapshot(d.root);

    for (const [n, id] of ids.entries()) {
      const fileName = `hostile-${n}.json`;
      const document = { ...exported, article: { ...exported.article, id } };
      for (const onConflict of ['ask', 'copy', 'replace'] as const) {
        const message = refusal(await d.backend.invoke('articles:import', importInput(fileName, document, onConflict)));
        expect(message).toContain(`“${fileName}”`);
        expect(message).toMatch(/is not a Factdesk article id/);
        refusal(await d.backend.invoke('articles:inspect', importInput(fileName, document)));
      }
    }
    await d.backend.store.flush();
    expect(await snapshot(d.root)).toEqual(before);
    expect(await readFile(join(d.dataDir, 'library.json'))).toEqual(libraryBefore);
    expect(existsSync(join(d.root, 'home', 'outside'))).toBe(false);

    // The library still lists both articles, after a restart too.
    const again = await reopen(d);
    const listed = await again.backend.api['library:list']({});
    expect(listed.articles.map((a) => a.title).sort()).toEqual(['Tunnel', 'Victim']);
    expect(listed.problems).toEqual([]);
    expect((await again.backend.api['articles:get']({ id: victim.id })).article.title).toBe('Victim');
  });

  it('is refused the same way by the browser shell, over HTTP', async () => {
    const d = await desk();
    const article = await createArticle(d);
    const exported = await exportOf(d, article.id);
    const staticDir = join(d.root, 'static');
    await mkdir(staticDir);
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Factdesk</title>');
    const server = await startHttpServer({ backend: d.backend, staticDir, port: 0 });
    try {
      const before = await snapshot(d.dataDir);
      const document = { ...exported, article: { ...exported.article, id: '../../../outside/PWNED' } };
      const reply = await post(server.port, server.token, 'articles:import', importInput('pwned.json', document, 'replace'));
      expect(reply.ok).toBe(false);
      refusal(reply as never);
      expect(reply.error.message).toContain('“pwned.json”');
      expect(await snapshot(d.dataDir)).toEqual(before);
      expect(existsSync(join(d.root, 'home', 'outside'))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('is refused by the CLI in one line, and the data folder stays as it was', async () => {
    const d = await desk();
    const article = await createArticle(d);
    const exported = await exportOf(d, article.id);
    await d.backend.store.flush();
    const file = join(d.root, 'library-overwrite.json');
    await writeFile(file, JSON.stringify({ ...exported, article: { ...exported.article, id: '../library' } }));
    const before = await snapshot(d.dataDir);
    const run = runCli(['import', file, '--on-conflict', 'replace', '--data-dir', d.dataDir]);
    expect(run.status).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('“library-overwrite.json”');
    expect(lines[0]).toMatch(/is not a Factdesk article id/);
    expect(await snapshot(d.dataDir)).toEqual(before);
  });
});

describe('every operation that takes an article id', () => {
  it('refuses a hostile one in one sentence (code invalid), before anything is read or written', async () => {
    const d = await desk();
    const article = await createArticle(d);
    const claimId = article.claims[0]!.id;
    const inputs = (id: string): Partial<Record<OpName, unknown>> => ({
      'articles:get': { id },
      'articles:rename': { id, title: 'Pwned' },
      'articles:delete': { id },
      'articles:restore': { id },
      'articles:restoreBackup': { id },
      'articles:updateMeta': { id, meta: { title: 'Pwned' } },
      'articles:revise': { id, text: 'The bridge opened in 1933.', checker: 'Ana' },
      'claims:mark': { articleId: id, claimId, checker: 'Ana', patch: { status: 'verified' } },
      'claims:markMany': { articleId: id, checker: 'Ana', changes: [{ claimId, patch: { status: 'verified' } }] },
      'claims:split': { articleId: id, claimId, at: 5 },
      'claims:merge': { articleId: id, claimId, nextClaimId: article.claims[1]!.id },
      'claims:setAside': { articleId: id, claimId, checker: 'Ana' },
      'claims:promote': { articleId: id, segmentId: claimId, checker: 'Ana' },
      'claims:confirm': { articleId: id, claimId, checker: 'Ana' },
      'facts:mark': { articleId: id, claimId, factId: 'fact1', checker: 'Ana', patch: { status: 'verified' } },
      'facts:add': { articleId: id, claimId, start: 0, end: 3, checker: 'Ana' },
      'facts:remove': { articleId: id, claimId, factId: 'fact1', checker: 'Ana' },
      'sources:add': { articleId: id, source: { url: 'https://example.org/' } },
      'sources:update': { articleId: id, sourceId: 'source1', source: { url: 'https://example.org/' } },
      'sources:remove': { articleId: id, sourceId: 'source1', checker: 'Ana' },
      'reports:export': { articleId: id, format: 'json' },
      'claims:seenBefore': { articleId: id, claimId },
      'desk:article': { articleId: id },
      'desk:resolve': { articleId: id, claimId, choose: 'event1' },
      'desk:assign': { articleId: id, to: 'ann' },
      'desk:secondRead': { articleId: id, claimId },
      'desk:signoff': { articleId: id },
      'desk:unlock': { articleId: id, why: 'A correction' },
      'claims:reuseEarlier': { articleId: id, claimId, fromArticleId: article.id, fromClaimId: claimId, checker: 'Ana' },
    });
    // Every operation whose input names an article (`id` or `articleId`) is in the table above.
    const withId = OP_NAMES.filter((op) => {
      const shape = (contract[op].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      return 'id' in shape || 'articleId' in shape;
    });
    expect(withId.sort()).toEqual(Object.keys(inputs('x')).sort());

    const before = await snapshot(d.root);
    for (const id of ['../library', '../../../outside/PWNED', 'x/y', 'abc\u0000defgh']) {
      for (const [op, input] of Object.entries(inputs(id))) {
        const message = refusal(await d.backend.invoke(op, input));
        expect(message, `${op} ${JSON.stringify(id)}`).toMatch(/is not a Factdesk article id\.$/);
      }
    }
    await d.backend.store.flush();
    expect(await snapshot(d.root)).toEqual(before);
  });
});

describe('an article file in the data folder with a hostile id inside', () => {
  it('is moved aside and named, never followed; library.json and the other articles stay as they were', async () => {
    const d = await desk();
    const good = await createArticle(d);
    const exported = await exportOf(d, good.id);
    await d.backend.store.flush();
    const forgedName = `${newId()}.json`;
    await writeFile(join(d.dataDir, 'articles', forgedName), JSON.stringify({ schemaVersion: SCHEMA_VERSION, article: { ...exported.article, id: '../library' } }));
    const library = await readFile(join(d.dataDir, 'library.json'));

    const again = await reopen(d);
    const { articles, problems } = await again.backend.api['library:list']({});
    expect(articles.map((a) => a.id)).toEqual([good.id]);
    expect(problems.map((p) => p.file)).toEqual([forgedName]);
    expect(problems[0]!.message).toMatch(/is not a Factdesk article id/);
    expect(problems[0]!.message).not.toContain('\n');
    expect(await readFile(join(d.dataDir, 'library.json'))).toEqual(library);
    expect(await readdir(join(d.dataDir, 'articles'))).toEqual([`${good.id}.json`]);
  });
});

/** One API call over the browser shell's HTTP, with its token. */
function post(port: number, token: string, op: string, input: unknown): Promise<{ ok: boolean; error: { message: string; code: string } }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${op}`,
        headers: { 'Content-Type': 'application/json', 'X-Factdesk-Token': token, 'Content-Length': Buffer.byteLength(body) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
