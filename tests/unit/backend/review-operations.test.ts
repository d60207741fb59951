// Bulk marking, split, merge and undo of delete, through the real store on disk.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';

const TEXT = 'The bridge opened in 1932. It cost $4 million.\nTraffic doubled by 1950, officials said.';

let dir: string;
let backend: Backend;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-review-'));
  backend = createBackend(await Store.open(dir), () => new Date('2026-03-01T10:00:00Z'));
  await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function article() {
  const { article } = await backend.api['articles:create']({ text: TEXT, meta: {} });
  return article;
}

describe('bulk marking', () => {
  it('sets every selected claim and records one history entry in each', async () => {
    const a = await article();
    const ids = a.claims.map((c) => c.id);
    await backend.api['claims:markMany']({ articleId: a.id, changes: ids.map((claimId) => ({ claimId, patch: { status: 'verified' } })) });
    const reopened = await createBackend(await Store.open(dir)).api['articles:get']({ id: a.id });
    for (const claim of reopened.article.claims) {
      expect(claim.verdict.status).toBe('verified');
      expect(claim.history).toHaveLength(1);
      expect(claim.history[0]!.by).toBe('Ana');
    }
  });

  it('refuses the whole batch when one claim breaks a rule, and writes nothing', async () => {
    const a = await article();
    const file = join(dir, 'articles', `${a.id}.json`);
    const before = await readFile(file, 'utf8');
    await expect(
      backend.api['claims:markMany']({
        articleId: a.id,
        changes: [
          { claimId: a.claims[0]!.id, patch: { status: 'verified' } },
          { claimId: a.claims[1]!.id, patch: { status: 'disputed' } },
        ],
      }),
    ).rejects.toThrow(/^Claim 2: A disputed claim needs a note/);
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('split and merge', () => {
  it('splits a claim into two unchecked halves that keep the old verdict in their history', async () => {
    const a = await article();
    const last = a.claims.at(-1)!;
    await backend.api['claims:mark']({ articleId: a.id, claimId: last.id, patch: { status: 'disputed', note: 'It was 1951.' } });
    const at = last.start + last.text.indexOf(', officials');
    const { article: split } = await backend.api['claims:split']({ articleId: a.id, claimId: last.id, at });
    const [first, second] = split.claims.slice(-2);
    expect(first!.text).toBe('Traffic doubled by 1950');
    expect(second!.text).toBe('officials said.');
    for (const half of [first!, second!]) {
      expect(split.text.slice(half.start, half.end)).toBe(half.text);
      expect(half.verdict.status).toBe('unchecked');
      const entry = half.history.at(-1)!;
      expect(entry.kind).toBe('split');
      expect(entry.changes).toContainEqual({ field: 'note', from: 'It was 1951.', to: '' });
    }
  });

  it('merges two neighbours, keeping both histories and a shared status', async () => {
    const a = await article();
    const [one, two] = a.claims;
    await backend.api['claims:mark']({ articleId: a.id, claimId: one!.id, patch: { status: 'verified', note: 'Opening records.' } });
    await backend.api['claims:mark']({ articleId: a.id, claimId: two!.id, patch: { status: 'verified', note: 'Budget report.' } });
    const { article: merged } = await backend.api['claims:merge']({ articleId: a.id, claimId: one!.id, nextClaimId: two!.id });
    const claim = merged.claims[0]!;
    expect(claim.text).toBe('The bridge opened in 1932. It cost $4 million.');
    expect(claim.verdict).toMatchObject({ status: 'verified', note: 'Opening records.\nBudget report.' });
    expect(claim.history.map((h) => h.kind)).toEqual(['verdict', 'verdict', 'merge']);
    expect(merged.claims).toHaveLength(a.claims.length - 1);
  });

  it('refuses to merge across a paragraph break', async () => {
    const a = await article();
    await expect(
      backend.api['claims:merge']({ articleId: a.id, claimId: a.claims[1]!.id, nextClaimId: a.claims[2]!.id }),
    ).rejects.toThrow(/different paragraphs/);
  });
});

describe('delete and undo', () => {
  it('restores a deleted article with its verdicts', async () => {
    const a = await article();
    await backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'verified' } });
    await backend.api['articles:delete']({ id: a.id });
    expect((await backend.api['library:list']({})).articles).toHaveLength(0);
    const { article: restored } = await backend.api['articles:restore']({ id: a.id });
    expect(restored.counts.verified).toBe(1);
    const reopened = await createBackend(await Store.open(dir)).api['library:list']({});
    expect(reopened.articles.map((x) => x.id)).toEqual([a.id]);
  });
});
