// Revisions end to end through the real store on disk: revise, reopen, confirm.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';
import type { Article } from '../../../src/shared/model';
import { FIXTURES } from './fixture';

const T1 = new Date('2026-03-01T10:00:00Z');
const T2 = new Date('2026-03-02T10:00:00Z');
let clock = T1;
let dir: string;
let backend: Backend;
let base: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-revise-'));
  clock = T1;
  backend = createBackend(await Store.open(dir), () => clock);
  await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
  base = await readFile(join(FIXTURES, 'base.txt'), 'utf8');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** The base article with every claim ruled on: disputed with a note, or verified with a source. */
async function checkedArticle(): Promise<Article> {
  const { article } = await backend.api['articles:create']({ text: base, meta: { title: 'Water rates' } });
  const { source } = await backend.api['sources:add']({ articleId: article.id, source: { kind: 'document', title: 'State audit' } });
  await backend.api['claims:markMany']({
    articleId: article.id,
    changes: article.claims.map((c, i) => ({
      claimId: c.id,
      patch: i % 2 ? { status: 'disputed', note: `Wrong figure in claim ${i}.` } : { status: 'verified', sourceIds: [source.id] },
    })),
  });
  return (await backend.api['articles:get']({ id: article.id })).article;
}

/** A revision: “1,200” → “1,400”, the meeting paragraph cut, a new paragraph at the end. */
function revisedText(): string {
  return base
    .replace('1,200 miles', '1,400 miles')
    .replace(/About 300 residents.*\n/, '')
    .concat('The district plans a second hearing on the discount program in May.\n');
}

describe('articles:revise', () => {
  it('keeps verdicts, flags and orphans on disk, and the library counts the changed claims', async () => {
    const before = await checkedArticle();
    clock = T2;
    const { article, report } = await backend.api['articles:revise']({ id: before.id, text: revisedText() });
    expect(report).toEqual({ unchanged: 22, moved: 0, changed: 1, orphaned: 2, added: 1, unsure: 0 });

    const reopened = createBackend(await Store.open(dir));
    const saved = (await reopened.api['articles:get']({ id: before.id })).article;
    expect(saved).toEqual(article);
    expect(saved.revisions).toHaveLength(2);
    expect(saved.revisions[1]).toMatchObject({ text: saved.text, createdAt: T2.toISOString() });
    expect(saved.revisions[0]!.text).toBe(before.text);

    const audit = saved.claims.find((c) => c.text.includes('1,400 miles'))!;
    const old = before.claims.find((c) => c.id === audit.id)!;
    expect(old.text).toContain('1,200 miles');
    expect(audit.verdict).toEqual(old.verdict);
    expect(audit.changed).toEqual({ previousText: old.text, revisionId: saved.revisions[1]!.id, at: T2.toISOString() });
    expect(audit.history.at(-1)).toMatchObject({ kind: 'reanchor', by: 'Ana', detail: expect.stringContaining('number 1,200 → 1,400') });

    for (const claim of before.claims) {
      const now = saved.claims.find((c) => c.id === claim.id) ?? saved.orphans?.find((c) => c.id === claim.id);
      expect(now?.verdict).toEqual(claim.verdict);
    }
    expect(saved.orphans?.map((c) => c.text)).toEqual([
      'About 300 residents attended the meeting, which lasted nearly five hours.',
      'Several speakers said they could not aford another increase.',
    ]);
    expect(saved.claims.at(-1)).toMatchObject({ text: 'The district plans a second hearing on the discount program in May.', verdict: { status: 'unchecked' } });

    const { articles } = await reopened.api['library:list']({});
    expect(articles.find((a) => a.id === before.id)).toMatchObject({ changed: 1, total: 24 });
  });

  it('appends the orphans of a later revision to the earlier ones', async () => {
    const a = await checkedArticle();
    await backend.api['articles:revise']({ id: a.id, text: revisedText() });
    const { article } = await backend.api['articles:revise']({ id: a.id, text: revisedText().replace(/Ms\. Whitfield said.*\n/, '') });
    expect(article.revisions).toHaveLength(3);
    expect(article.orphans).toHaveLength(3);
    expect(article.orphans![2]!.history.at(-1)!.detail).toBe('revision 3: not found in the new text');
  });

  it('refuses an empty or identical revision, and an unnamed checker, changing nothing', async () => {
    const a = await checkedArticle();
    const file = join(dir, 'articles', `${a.id}.json`);
    const bytes = await readFile(file, 'utf8');
    await expect(backend.api['articles:revise']({ id: a.id, text: ' \n ' })).rejects.toThrow('The revision is empty: paste or import the new text first.');
    await expect(backend.api['articles:revise']({ id: a.id, text: `${base}\r\n\r\n` })).rejects.toThrow(/is the same as the current text of “Water rates”/);
    await backend.api['preferences:set']({ preferences: { checker: '' } });
    await expect(backend.api['articles:revise']({ id: a.id, text: revisedText() })).rejects.toThrow(/^Who is checking\?/);
    await expect(backend.api['articles:revise']({ id: 'nope00000000', text: revisedText(), checker: 'Ana' })).rejects.toThrow(/no article/);
    expect(await readFile(file, 'utf8')).toBe(bytes);
  });
});

describe('claims:confirm', () => {
  it('clears the flag with a confirm entry naming the checked wording; a second confirm changes nothing', async () => {
    const a = await checkedArticle();
    const { article } = await backend.api['articles:revise']({ id: a.id, text: revisedText() });
    const flagged = article.claims.find((c) => c.changed)!;
    clock = T2;
    const { claim } = await backend.api['claims:confirm']({ articleId: a.id, claimId: flagged.id, checker: 'Ben' });
    expect(claim.changed).toBeUndefined();
    expect(claim.verdict).toEqual(flagged.verdict);
    expect(claim.history.slice(0, -1)).toEqual(flagged.history);
    expect(claim.history.at(-1)).toEqual({
      at: T2.toISOString(),
      by: 'Ben',
      kind: 'confirm',
      changes: [],
      detail: `confirmed the new wording; it was checked as “${flagged.changed!.previousText}”`,
    });
    const reopened = createBackend(await Store.open(dir));
    expect((await reopened.api['library:list']({})).articles[0]!.changed).toBe(0);
    const again = await reopened.api['claims:confirm']({ articleId: a.id, claimId: flagged.id });
    expect(again.claim).toEqual(claim);
    await expect(reopened.api['claims:confirm']({ articleId: a.id, claimId: 'nope' })).rejects.toThrow(/has no claim with id “nope”/);
  });
});

describe('a lookalike through the store', () => {
  it('keeps the “moved: please confirm” doubt on disk, counts it as changed, and a confirm clears it', async () => {
    const lookalikes = join(FIXTURES, 'lookalikes');
    const text = await readFile(join(lookalikes, 'base.txt'), 'utf8');
    const { article: a } = await backend.api['articles:create']({ text, meta: { title: 'Overdose deaths' } });
    await backend.api['claims:markMany']({
      articleId: a.id,
      changes: a.claims.map((c, i) => ({ claimId: c.id, patch: { status: 'disputed', note: `Checked claim ${i}.` } })),
    });
    clock = T2;
    const { report } = await backend.api['articles:revise']({ id: a.id, text: await readFile(join(lookalikes, 'twins-become-one.txt'), 'utf8') });
    expect(report).toMatchObject({ changed: 1, orphaned: 1 });

    const reopened = createBackend(await Store.open(dir));
    const saved = (await reopened.api['articles:get']({ id: a.id })).article;
    const flagged = saved.claims.find((c) => c.changed)!;
    expect(flagged.changed!.confidence).toEqual({
      level: 'low',
      reason: 'ambiguous',
      rival: 'The county recorded 174 overdose deaths in 2023, the department said in its annual report.',
    });
    expect((await reopened.api['library:list']({})).articles[0]!.changed).toBe(1);
    const { claim } = await reopened.api['claims:confirm']({ articleId: a.id, claimId: flagged.id });
    expect(claim.changed).toBeUndefined();
  });
});
