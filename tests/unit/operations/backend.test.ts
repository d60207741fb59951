// The contract's handlers, as every front door reaches them: through
// `backend.invoke(op, input)` (what IPC and HTTP call) and the typed `backend.api`.
// A refusal is one sentence the checker can act on, and it writes nothing.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';
import type { Envelope } from '../../../src/shared/contract';
import { UserError } from '../../../src/shared/errors';
import { extractClaims, normalizeText } from '../../../src/shared/extract';
import type { Article, Claim } from '../../../src/shared/model';

const TEXT = 'The bridge opened in 1932. It cost $4 million. Traffic doubled by 1950.';
const T0 = '2026-01-02T03:04:05.000Z';

let dir: string;
let backend: Backend;
let clock: Date;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-backend-'));
  clock = new Date(T0);
  backend = createBackend(await Store.open(dir), () => clock);
});

afterEach(async () => {
  await backend.store.flush();
  await rm(dir, { recursive: true, force: true });
});

function tick(seconds: number): string {
  clock = new Date(clock.getTime() + seconds * 1000);
  return clock.toISOString();
}

async function createArticle(text = TEXT, title = 'Bridge'): Promise<Article> {
  return (await backend.api['articles:create']({ text, meta: { title } })).article;
}

function articleFile(id: string): string {
  return join(dir, 'articles', `${id}.json`);
}

/** Bytes of every file in the data folder, to prove a refusal wrote nothing. */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path, await readFile(path, 'utf8'));
  }
  return out;
}

/** A refusal: ok false, one sentence, no stack trace, no internal-error code. */
function expectRefusal(result: Envelope<unknown>, code?: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  const { message } = result.error;
  expect(message.length).toBeGreaterThan(10);
  expect(message.length).toBeLessThan(300);
  expect(message).not.toContain('\n');
  expect(message).not.toMatch(/\bat .*:\d+:\d+/);
  expect(message).toMatch(/[.!?]$/);
  expect(result.error.code).not.toBe('internal');
  if (code) expect(result.error.code).toBe(code);
  return message;
}

/** `checker: null` sends no checker at all, so the preferences decide. */
async function mark(article: Article, claim: Claim, patch: Record<string, unknown>, checker: string | null = 'Ana') {
  return backend.invoke('claims:mark', {
    articleId: article.id,
    claimId: claim.id,
    patch,
    ...(checker === null ? {} : { checker }),
  });
}

describe('invoke', () => {
  it('answers an unknown operation with one sentence naming it', async () => {
    const message = expectRefusal(await backend.invoke('claims:delete-everything', {}));
    expect(message).toContain('claims:delete-everything');
  });

  it('does not treat inherited object keys as operations', async () => {
    expectRefusal(await backend.invoke('constructor', {}));
    expectRefusal(await backend.invoke('__proto__', {}));
  });

  it('answers invalid input with one sentence naming the field, and writes nothing', async () => {
    const article = await createArticle();
    const before = await snapshot();
    const badStatus = expectRefusal(
      await backend.invoke('claims:mark', {
        articleId: article.id,
        claimId: article.claims[0]!.id,
        checker: 'Ana',
        patch: { status: 'probably-true' },
      }),
      'invalid',
    );
    expect(badStatus).toContain('patch.status');

    const missing = expectRefusal(
      await backend.invoke('claims:mark', { claimId: article.claims[0]!.id, checker: 'Ana', patch: {} }),
      'invalid',
    );
    expect(missing).toContain('articleId');

    const wrongType = expectRefusal(await backend.invoke('articles:create', { text: 42 }), 'invalid');
    expect(wrongType).toContain('text');

    expectRefusal(await backend.invoke('sources:add', { articleId: article.id, source: { kind: 'rumour', url: 'https://x.org' } }));
    expectRefusal(await backend.invoke('preferences:set', { preferences: { theme: 'neon' } }));
    expect(await snapshot()).toEqual(before);
  });

  it('the typed api throws a UserError carrying the same sentence', async () => {
    const error = await backend.api['articles:get']({ id: 'nosuchid' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('not-found');
    expect((error as UserError).message).toContain('nosuchid');
  });
});

describe('articles', () => {
  it('create stores the normalized text and claims whose offsets point exactly at their text', async () => {
    const raw = 'The bridge opened in 1932.\u00A0It cost $4 million.\r\nTraffic doubled by 1950.  \r\n';
    const { article } = await backend.api['articles:create']({ text: raw, meta: { title: 'Bridge', sourceUrl: 'https://example.org/b' } });
    expect(article.text).toBe(normalizeText(raw));
    expect(article.revisions).toHaveLength(1);
    expect(article.revisions[0]!.text).toBe(article.text);
    expect(article.createdAt).toBe(T0);
    expect(article.sourceUrl).toBe('https://example.org/b');
    const expected = extractClaims(normalizeText(raw));
    expect(article.claims.map((c) => [c.start, c.end, c.text])).toEqual(expected.map((c) => [c.start, c.end, c.text]));
    expect(article.claims.length).toBeGreaterThan(0);
    for (const claim of article.claims) {
      expect(article.text.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.verdict.status).toBe('unchecked');
      expect(claim.history).toEqual([]);
    }
    expect(new Set(article.claims.map((c) => c.id)).size).toBe(article.claims.length);
  });

  it('create with whitespace-only text is refused and creates no file', async () => {
    const before = await snapshot();
    const message = expectRefusal(await backend.invoke('articles:create', { text: ' \n\t\u00A0\u200B\r\n  ' }));
    expect(message.toLowerCase()).toContain('empty');
    expect(await snapshot()).toEqual(before);
    expect((await backend.api['library:list']({})).articles).toEqual([]);
  });

  it('create without a title (or with a blank one) takes one from the text; a given title is trimmed', async () => {
    for (const meta of [{}, { title: '' }, { title: '   ' }]) {
      // The same text again each time: a copy the checker chose to add.
      const { article } = await backend.api['articles:create']({ text: TEXT, meta, allowDuplicate: true });
      expect(article.title.trim().length, JSON.stringify(meta)).toBeGreaterThan(0);
      expect(TEXT.startsWith(article.title.replace(/…$/, '')), article.title).toBe(true);
    }
    const { article } = await backend.api['articles:create']({ text: TEXT, meta: { title: '  Bridge story  ' }, allowDuplicate: true });
    expect(article.title).toBe('Bridge story');
  });

  it('rename changes the title and the library list shows it', async () => {
    const article = await createArticle();
    const at = tick(60);
    const { article: summary } = await backend.api['articles:rename']({ id: article.id, title: '  New title  ' });
    expect(summary.title).toBe('New title');
    expect(summary.updatedAt).toBe(at);
    expect((await backend.api['library:list']({})).articles[0]!.title).toBe('New title');
  });

  it('rename to an empty title is refused', async () => {
    const article = await createArticle();
    const before = await snapshot();
    expect(expectRefusal(await backend.invoke('articles:rename', { id: article.id, title: '   ' }))).toContain('title');
    expect(await snapshot()).toEqual(before);
  });

  it('delete removes the article from the library', async () => {
    const article = await createArticle();
    await backend.api['articles:delete']({ id: article.id });
    expect((await backend.api['library:list']({})).articles).toEqual([]);
    expectRefusal(await backend.invoke('articles:get', { id: article.id }), 'not-found');
  });

  it('unknown ids give a not-found sentence naming the id, for every operation that takes one', async () => {
    const article = await createArticle();
    const before = await snapshot();
    for (const [op, input] of [
      ['articles:get', { id: 'missing123' }],
      ['articles:rename', { id: 'missing123', title: 'X' }],
      ['articles:delete', { id: 'missing123' }],
      ['claims:mark', { articleId: 'missing123', claimId: 'c', checker: 'Ana', patch: { status: 'verified' } }],
      ['sources:add', { articleId: 'missing123', source: { url: 'https://example.org' } }],
    ] as const) {
      expect(expectRefusal(await backend.invoke(op, input), 'not-found'), op).toContain('missing123');
    }
    const unknownClaim = expectRefusal(
      await backend.invoke('claims:mark', { articleId: article.id, claimId: 'noclaim', checker: 'Ana', patch: { status: 'verified' } }),
      'not-found',
    );
    // A claim that is gone (merged away in another window, say) is named in words, not by its internal id.
    expect(unknownClaim).toMatch(/^That claim is no longer in “.+”/);
    expect(unknownClaim).not.toContain('noclaim');
    expect(await snapshot()).toEqual(before);
  });
});

describe('claims:mark rules', () => {
  it('disputed without a note is refused with the rule’s sentence and the file is unchanged', async () => {
    const article = await createArticle();
    const before = await readFile(articleFile(article.id), 'utf8');
    for (const note of [undefined, '', '   ']) {
      const patch = note === undefined ? { status: 'disputed' } : { status: 'disputed', note };
      const message = expectRefusal(await mark(article, article.claims[0]!, patch));
      expect(message).toBe('A disputed claim needs a note saying what is wrong with it.');
    }
    expect(await readFile(articleFile(article.id), 'utf8')).toBe(before);
  });

  it('disputed with a note and a correction is saved', async () => {
    const article = await createArticle();
    const result = await mark(article, article.claims[1]!, { status: 'disputed', note: 'Records say $4.5m.', correction: 'It cost $4.5 million.' });
    expect(result.ok).toBe(true);
    const { article: saved } = await backend.api['articles:get']({ id: article.id });
    expect(saved.claims[1]!.verdict).toMatchObject({ status: 'disputed', note: 'Records say $4.5m.', correction: 'It cost $4.5 million.' });
  });

  it('sourced without a source is refused, and the file is unchanged', async () => {
    const article = await createArticle();
    const before = await readFile(articleFile(article.id), 'utf8');
    const message = expectRefusal(await mark(article, article.claims[0]!, { status: 'sourced', note: 'Per the mayor.' }));
    expect(message).toBe('A sourced claim needs at least one cited source.');
    expect(await readFile(articleFile(article.id), 'utf8')).toBe(before);
  });

  it('removing the last source of a sourced claim is refused', async () => {
    const article = await createArticle();
    const { source } = await backend.api['sources:add']({ articleId: article.id, source: { kind: 'interview', title: 'Mayor, phone call' } });
    expect((await mark(article, article.claims[0]!, { status: 'sourced', sourceIds: [source.id] })).ok).toBe(true);
    expectRefusal(await mark(article, article.claims[0]!, { sourceIds: [] }));
  });

  it('verified without a source is saved, with a warning', async () => {
    const article = await createArticle();
    const result = await backend.api['claims:mark']({
      articleId: article.id,
      claimId: article.claims[0]!.id,
      checker: 'Ana',
      patch: { status: 'verified' },
    });
    expect(result.claim.verdict.status).toBe('verified');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/source/i);
    const { article: saved } = await backend.api['articles:get']({ id: article.id });
    expect(saved.claims[0]!.verdict.status).toBe('verified');
  });

  it('verified with a source is saved without a warning', async () => {
    const article = await createArticle();
    const { source } = await backend.api['sources:add']({ articleId: article.id, source: { url: 'https://example.org/census' } });
    const result = await backend.api['claims:mark']({
      articleId: article.id,
      claimId: article.claims[2]!.id,
      checker: 'Ana',
      patch: { status: 'verified', sourceIds: [source.id] },
    });
    expect(result.warnings).toEqual([]);
  });

  it('citing a source id that is not in the article’s source list is refused', async () => {
    const article = await createArticle();
    const other = await createArticle('The dam opened in 1936.', 'Dam');
    const { source: foreign } = await backend.api['sources:add']({ articleId: other.id, source: { url: 'https://example.org/dam' } });
    const before = await readFile(articleFile(article.id), 'utf8');
    for (const id of ['made-up-id', foreign.id]) {
      const message = expectRefusal(await mark(article, article.claims[0]!, { status: 'sourced', sourceIds: [id] }));
      expect(message).toContain(id);
    }
    expect(await readFile(articleFile(article.id), 'utf8')).toBe(before);
  });

  it('uses the checker from the preferences when none is given', async () => {
    const article = await createArticle();
    await backend.api['preferences:set']({ preferences: { checker: 'Pref Checker' } });
    const result = await mark(article, article.claims[0]!, { status: 'verified' }, null);
    expect(result.ok).toBe(true);
    const { article: saved } = await backend.api['articles:get']({ id: article.id });
    expect(saved.claims[0]!.verdict.checker).toBe('Pref Checker');
    expect(saved.claims[0]!.history[0]!.by).toBe('Pref Checker');
  });

  it('an explicit checker wins over the preferences', async () => {
    const article = await createArticle();
    await backend.api['preferences:set']({ preferences: { checker: 'Pref Checker' } });
    await mark(article, article.claims[0]!, { status: 'verified' }, 'Ana');
    const { article: saved } = await backend.api['articles:get']({ id: article.id });
    expect(saved.claims[0]!.history[0]!.by).toBe('Ana');
  });

  it('marking with no checker anywhere is refused and writes nothing', async () => {
    const article = await createArticle();
    const before = await snapshot();
    const message = expectRefusal(await mark(article, article.claims[0]!, { status: 'verified' }, null));
    expect(message.toLowerCase()).toContain('checker');
    expectRefusal(await mark(article, article.claims[0]!, { status: 'verified' }, '   '));
    expect(await snapshot()).toEqual(before);
  });
});

describe('history', () => {
  it('every change appends exactly one entry with who, when and each field’s from/to', async () => {
    const article = await createArticle();
    const claim = article.claims[0]!;
    const { source } = await backend.api['sources:add']({ articleId: article.id, source: { title: 'Annual report', url: 'https://example.org/r' } });

    const t1 = tick(10);
    await mark(article, claim, { status: 'disputed', note: 'Opened in 1933.' }, 'Ana');
    const t2 = tick(10);
    await mark(article, claim, { status: 'sourced', sourceIds: [source.id], correction: 'The bridge opened in 1933.' }, 'Ben');
    const t3 = tick(10);
    await mark(article, claim, { note: 'Opened in 1933, per the annual report.' }, 'Ana');

    const { article: saved } = await backend.api['articles:get']({ id: article.id });
    const history = saved.claims[0]!.history;
    expect(history).toEqual([
      {
        at: t1,
        by: 'Ana',
        kind: 'verdict',
        changes: [
          { field: 'status', from: 'unchecked', to: 'disputed' },
          { field: 'note', from: '', to: 'Opened in 1933.' },
        ],
      },
      {
        at: t2,
        by: 'Ben',
        kind: 'verdict',
        changes: [
          { field: 'status', from: 'disputed', to: 'sourced' },
          { field: 'correction', from: '', to: 'The bridge opened in 1933.' },
          { field: 'sourceIds', from: [], to: [source.id] },
        ],
      },
      {
        at: t3,
        by: 'Ana',
        kind: 'verdict',
        changes: [{ field: 'note', from: 'Opened in 1933.', to: 'Opened in 1933, per the annual report.' }],
      },
    ]);
    expect(saved.claims[0]!.verdict).toMatchObject({ checker: 'Ana', updatedAt: t3, status: 'sourced' });
    // Other claims are untouched.
    expect(saved.claims.slice(1).every((c) => c.history.length === 0 && c.verdict.status === 'unchecked')).toBe(true);
  });

  it('is append-only: earlier entries stay exactly as they were across several marks', async () => {
    const article = await createArticle();
    const claim = article.claims[1]!;
    const snapshots: unknown[][] = [];
    const patches = [
      { status: 'verified' },
      { status: 'disputed', note: 'No.' },
      { status: 'unchecked' },
      { status: 'verified', note: 'Yes after all.' },
    ];
    for (const [i, patch] of patches.entries()) {
      tick(1);
      const result = await mark(article, claim, patch, `Checker ${i}`);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const { article: saved } = await backend.api['articles:get']({ id: article.id });
      const history = saved.claims[1]!.history;
      expect(history).toHaveLength(i + 1);
      for (const [j, earlier] of snapshots.entries()) expect(history.slice(0, j + 1)).toEqual(earlier);
      snapshots.push(structuredClone(history));
      expect(history[i]!.by).toBe(`Checker ${i}`);
    }
  });

  it('a patch that changes nothing appends no history and does not rewrite the file', async () => {
    const article = await createArticle();
    const claim = article.claims[0]!;
    const { source } = await backend.api['sources:add']({ articleId: article.id, source: { url: 'https://example.org/y' } });
    await mark(article, claim, { status: 'disputed', note: 'Wrong year.', sourceIds: [source.id] });
    const before = await readFile(articleFile(article.id), 'utf8');

    tick(3600);
    const noOps = [
      {},
      { status: 'disputed' },
      { status: 'disputed', note: 'Wrong year.' },
      // Citing the same source twice is not a change either.
      { sourceIds: [source.id, source.id] },
    ];
    for (const patch of noOps) {
      const result = await mark(article, claim, patch, 'Somebody Else');
      expect(result.ok).toBe(true);
    }
    expect(await readFile(articleFile(article.id), 'utf8')).toBe(before);
    const { article: saved } = await backend.api['articles:get']({ id: article.id });
    expect(saved.claims[0]!.history).toHaveLength(1);
    expect(saved.claims[0]!.verdict.checker).toBe('Ana');
    expect(saved.updatedAt).toBe(T0);
  });

  it('a refused mark appends no history', async () => {
    const article = await createArticle();
    const claim = article.claims[0]!;
    await mark(article, claim, { status: 'verified' });
    expectRefusal(await mark(article, claim, { status: 'disputed' }));
    const { article: saved } = await backend.api['articles:get']({ id: article.id });
    expect(saved.claims[0]!.history).toHaveLength(1);
    expect(saved.claims[0]!.verdict.status).toBe('verified');
  });
});

describe('sources:add', () => {
  it('adds a source to the article’s list with the injected time', async () => {
    const article = await createArticle();
    const at = tick(5);
    const { source } = await backend.api['sources:add']({
      articleId: article.id,
      source: { kind: 'dataset', title: '  Traffic counts  ', url: ' https://example.org/traffic.csv ', excerpt: 'Doubled.' },
    });
    expect(source).toMatchObject({ kind: 'dataset', title: 'Traffic counts', url: 'https://example.org/traffic.csv', createdAt: at });
    const { article: saved } = await backend.api['articles:get']({ id: article.id });
    expect(saved.sources).toEqual([source]);
  });

  it('accepts a source with only a title (an interview has no URL)', async () => {
    const article = await createArticle();
    const { source } = await backend.api['sources:add']({ articleId: article.id, source: { kind: 'interview', title: 'Phone call with the mayor' } });
    expect(source.url).toBe('');
  });

  it('rejects non-web URLs and empty sources, naming the URL, and writes nothing', async () => {
    const article = await createArticle();
    const before = await snapshot();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.org/x', 'example.org/report', 'data:text/html,hi']) {
      const message = expectRefusal(await backend.invoke('sources:add', { articleId: article.id, source: { url } }));
      expect(message).toContain(url);
    }
    expectRefusal(await backend.invoke('sources:add', { articleId: article.id, source: {} }));
    expectRefusal(await backend.invoke('sources:add', { articleId: article.id, source: { title: '   ', url: '  ' } }));
    expect(await snapshot()).toEqual(before);
    expect((await backend.api['articles:get']({ id: article.id })).article.sources).toEqual([]);
  });
});

describe('preferences', () => {
  it('set merges a partial change and get returns it', async () => {
    await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
    await backend.api['preferences:set']({ preferences: { theme: 'dark' } });
    expect((await backend.api['preferences:get']({})).preferences).toEqual({ checker: 'Ana', theme: 'dark' });
  });
});
