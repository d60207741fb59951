// facts:mark, facts:add and facts:remove through the real store on disk, and facts
// carried through a revision: rules, history, the version check, a changed number flagged.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkerBackend } from '../support/checker-backend';
import { STALE_ARTICLE } from '../../../src/shared/contract';
import { factsOf } from '../../../src/shared/facts/fold';
import type { Article, Claim } from '../../../src/shared/model';

const TEXT = 'The bridge opened in 1932. It cost $4 million.\n\nOfficials said 1,200 cars crossed it on Monday, Mayor Celia Brandt said.';

const ana = checkerBackend('factdesk-facts-');

const reopen = async (id: string) => (await (await ana.reopen()).api['articles:get']({ id })).article;
const third = (a: Article) => a.claims.find((c) => c.text.startsWith('Officials'))!;
const factOf = (c: Claim, words: string) => factsOf(c).find((f) => f.text === words)!;

describe('facts:mark', () => {
  it('saves a fact’s verdict, cites a source, and names the fact in the claim’s history', async () => {
    const { article: a } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const { source } = await ana.backend.api['sources:add']({ articleId: a.id, source: { title: 'Traffic count', url: 'https://example.org/count' } });
    const claim = third(a);
    const result = await ana.backend.api['facts:mark']({ articleId: a.id, claimId: claim.id, factId: factOf(claim, '1,200').id, patch: { status: 'sourced', sourceIds: [source.id] } });
    expect(result.warnings).toEqual([]);
    const saved = third(await reopen(a.id));
    expect(factOf(saved, '1,200').verdict).toMatchObject({ status: 'sourced', sourceIds: [source.id], checker: 'Ana' });
    expect(saved.history.at(-1)).toMatchObject({ kind: 'fact', by: 'Ana', detail: 'fact “1,200”', fact: { text: '1,200' } });
    expect(saved.verdict.status).toBe('unchecked');
  });

  it('refuses a disputed fact without a note and a source the article does not have, writing nothing', async () => {
    const { article: a } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const file = join(ana.dir, 'articles', `${a.id}.json`);
    const before = await readFile(file, 'utf8');
    const claim = third(a);
    const factId = factOf(claim, 'Monday').id;
    await expect(ana.backend.api['facts:mark']({ articleId: a.id, claimId: claim.id, factId, patch: { status: 'disputed' } })).rejects.toThrow('A disputed fact needs a note');
    await expect(ana.backend.api['facts:mark']({ articleId: a.id, claimId: claim.id, factId, patch: { status: 'sourced', sourceIds: ['nope'] } })).rejects.toThrow('is not in the source list');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('refuses a change made against an out-of-date article', async () => {
    const { article: a } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const claim = third(a);
    const seen = a.version ?? 0;
    await ana.backend.api['claims:mark']({ articleId: a.id, claimId: claim.id, patch: { status: 'verified' }, version: seen });
    await expect(
      ana.backend.api['facts:mark']({ articleId: a.id, claimId: claim.id, factId: factOf(claim, '1,200').id, patch: { status: 'verified' }, version: seen }),
    ).rejects.toThrow(STALE_ARTICLE);
    expect(factOf(third(await reopen(a.id)), '1,200').verdict.status).toBe('unchecked');
  });
});

describe('facts:add and facts:remove', () => {
  it('make the checker’s words a fact and take a span away, each with an entry', async () => {
    const { article: a } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const claim = third(a);
    const start = claim.text.indexOf('cars crossed');
    const added = await ana.backend.api['facts:add']({ articleId: a.id, claimId: claim.id, start, end: start + 'cars crossed'.length });
    await ana.backend.api['facts:remove']({ articleId: a.id, claimId: claim.id, factId: factOf(added.claim, 'Monday').id });
    const saved = third(await reopen(a.id));
    expect(factsOf(saved).map((f) => f.text)).toEqual(['1,200', 'cars crossed', 'Mayor Celia Brandt']);
    expect(factsOf(saved).find((f) => f.id === added.factId)!.kind).toBe('words');
    expect(saved.history.map((h) => h.detail)).toEqual(['fact “cars crossed” added', 'fact “Monday” removed']);
  });
});

describe('facts through a revision', () => {
  it('keep their verdicts when the claim only moves, and flag a checked number that changed', async () => {
    const { article: a } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const claim = third(a);
    for (const [words, status] of [['1,200', 'verified'], ['Monday', 'verified']] as const) {
      const now = third((await ana.backend.api['articles:get']({ id: a.id })).article);
      await ana.backend.api['facts:mark']({ articleId: a.id, claimId: claim.id, factId: factOf(now, words).id, patch: { status } });
    }
    const first = (await ana.backend.api['articles:get']({ id: a.id })).article.claims[0]!;
    await ana.backend.api['facts:mark']({ articleId: a.id, claimId: first.id, factId: factOf(first, '1932').id, patch: { status: 'verified' } });

    const revised = `A new first paragraph.\n\n${TEXT.replace('1,200 cars', '1,400 cars')}`;
    const { article: next } = await ana.backend.api['articles:revise']({ id: a.id, text: revised });
    // The bridge claim moved (a paragraph above it): its fact is where it was in the claim, still verified.
    const bridge = next.claims.find((c) => c.id === first.id)!;
    expect(factOf(bridge, '1932')).toMatchObject({ verdict: { status: 'verified' } });
    expect(factOf(bridge, '1932').changed).toBeUndefined();
    // The changed number: its fact now holds the new value, flagged; the unchanged date keeps its verdict.
    const officials = next.claims.find((c) => c.id === claim.id)!;
    expect(factOf(officials, '1,400')).toMatchObject({ verdict: { status: 'verified' }, changed: { previousText: '1,200' } });
    expect(officials.text.slice(factOf(officials, '1,400').start, factOf(officials, '1,400').end)).toBe('1,400');
    expect(factOf(officials, 'Monday').changed).toBeUndefined();
    expect(officials.history.at(-1)).toMatchObject({ kind: 'fact', detail: 'revision 2: fact “1,200” is now “1,400”; changed since it was checked (verified)' });

    // Ruling on the new number clears its flag.
    const ruled = await ana.backend.api['facts:mark']({ articleId: a.id, claimId: claim.id, factId: factOf(officials, '1,400').id, patch: { status: 'disputed', note: 'The count says 1,200.' } });
    expect(factOf(ruled.claim, '1,400').changed).toBeUndefined();
    expect(ruled.claim.history.at(-1)!.detail).toBe('fact “1,400”; it was checked as “1,200”');
  });
});
