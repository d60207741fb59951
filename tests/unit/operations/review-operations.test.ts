// Bulk marking, split, merge and undo of delete, through the real store on disk.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkerBackend } from '../support/checker-backend';
import { partitionProblem } from '../../../src/shared/extract';

const TEXT = 'The bridge opened in 1932. It cost $4 million.\nTraffic doubled by 1950, officials said.';

const ana = checkerBackend('factdesk-review-');

async function article() {
  const { article } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
  return article;
}

describe('bulk marking', () => {
  it('sets every selected claim and records one history entry in each', async () => {
    const a = await article();
    const ids = a.claims.map((c) => c.id);
    await ana.backend.api['claims:markMany']({ articleId: a.id, changes: ids.map((claimId) => ({ claimId, patch: { status: 'verified' } })) });
    const reopened = await (await ana.reopen()).api['articles:get']({ id: a.id });
    for (const claim of reopened.article.claims) {
      expect(claim.verdict.status).toBe('verified');
      expect(claim.history).toHaveLength(1);
      expect(claim.history[0]!.by).toBe('Ana');
    }
  });

  it('refuses the whole batch when one claim breaks a rule, and writes nothing', async () => {
    const a = await article();
    const file = join(ana.dir, 'articles', `${a.id}.json`);
    const before = await readFile(file, 'utf8');
    await expect(
      ana.backend.api['claims:markMany']({
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
    await ana.backend.api['claims:mark']({ articleId: a.id, claimId: last.id, patch: { status: 'disputed', note: 'It was 1951.' } });
    const at = last.start + last.text.indexOf(', officials');
    const { article: split } = await ana.backend.api['claims:split']({ articleId: a.id, claimId: last.id, at });
    const [first, second] = split.claims.slice(-2);
    // The comma stays with the first half: every character of the text stays in a claim.
    expect(first!.text).toBe('Traffic doubled by 1950,');
    expect(second!.text).toBe('officials said.');
    expect(partitionProblem(split.text, [...split.claims, ...split.setAside])).toBeNull();
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
    await ana.backend.api['claims:mark']({ articleId: a.id, claimId: one!.id, patch: { status: 'verified', note: 'Opening records.' } });
    await ana.backend.api['claims:mark']({ articleId: a.id, claimId: two!.id, patch: { status: 'verified', note: 'Budget report.' } });
    const { article: merged } = await ana.backend.api['claims:merge']({ articleId: a.id, claimId: one!.id, nextClaimId: two!.id });
    const claim = merged.claims[0]!;
    expect(claim.text).toBe('The bridge opened in 1932. It cost $4 million.');
    expect(claim.verdict).toMatchObject({ status: 'verified', note: 'Opening records.\nBudget report.' });
    expect(claim.history.map((h) => h.kind)).toEqual(['verdict', 'verdict', 'merge']);
    expect(merged.claims).toHaveLength(a.claims.length - 1);
  });

  it('refuses to merge across a paragraph break', async () => {
    const a = await article();
    await expect(
      ana.backend.api['claims:merge']({ articleId: a.id, claimId: a.claims[1]!.id, nextClaimId: a.claims[2]!.id }),
    ).rejects.toThrow(/different paragraphs/);
  });
});

describe('claims flagged “changed since checked”', () => {
  const REVISED = 'The bridge opened in 1933. It cost $5 million.\nTraffic doubled by 1951, officials said.';

  /** TEXT with each claim given `statuses[i]`, then a revision that changes a number in every claim: the checked ones are flagged. */
  async function flaggedArticle(statuses: ('verified' | 'unchecked')[]) {
    const a = await article();
    await ana.backend.api['claims:markMany']({
      articleId: a.id,
      changes: a.claims.flatMap((c, i) => (statuses[i] === 'verified' ? [{ claimId: c.id, patch: { status: 'verified' as const } }] : [])),
    });
    const { article: revised } = await ana.backend.api['articles:revise']({ id: a.id, text: REVISED });
    return revised;
  }

  async function changedCount(): Promise<number> {
    const { articles } = await (await ana.reopen()).api['library:list']({});
    return articles[0]!.changed;
  }

  it('a new verdict clears the flag, says so in the history, and the library counts one fewer', async () => {
    const a = await flaggedArticle(['verified', 'verified', 'verified']);
    expect(await changedCount()).toBe(3);
    const [one, two] = a.claims;
    const { claims } = await ana.backend.api['claims:markMany']({
      articleId: a.id,
      changes: [
        { claimId: one!.id, patch: { status: 'disputed', note: 'It opened in 1932.' } },
        { claimId: two!.id, patch: { note: 'Budget report, p. 4.' } },
      ],
    });
    expect(claims.map((c) => c.changed)).toEqual([undefined, undefined]);
    expect(claims[0]!.history.at(-1)).toMatchObject({
      kind: 'verdict',
      by: 'Ana',
      detail: 'verdict given on the new wording; it was checked as “The bridge opened in 1932.”',
    });
    expect(claims[1]!.history.at(-1)!.detail).toBe('verdict given on the new wording; it was checked as “It cost $4 million.”');
    const { article: saved } = await (await ana.reopen()).api['articles:get']({ id: a.id });
    expect(saved.claims.map((c) => c.changed !== undefined)).toEqual([false, false, true]);
    expect(await changedCount()).toBe(1);
  });

  it('a mark that changes nothing writes nothing and leaves the flag', async () => {
    const a = await flaggedArticle(['verified', 'verified', 'verified']);
    const file = join(ana.dir, 'articles', `${a.id}.json`);
    const before = await readFile(file, 'utf8');
    const { claim } = await ana.backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'verified' } });
    expect(claim.changed).toEqual(a.claims[0]!.changed);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await changedCount()).toBe(3);
  });

  it('splitting a flagged claim leaves two unchecked, unflagged halves whose history names the checked wording', async () => {
    const a = await flaggedArticle(['verified', 'verified', 'verified']);
    const last = a.claims.at(-1)!;
    const at = last.start + last.text.indexOf(', officials');
    const { article: split } = await ana.backend.api['claims:split']({ articleId: a.id, claimId: last.id, at });
    for (const half of split.claims.slice(-2)) {
      expect(half.verdict.status).toBe('unchecked');
      expect(half.changed).toBeUndefined();
      expect(half.history.at(-1)!.detail).toBe(
        'split from “Traffic doubled by 1951, officials said.”; its wording had changed since it was checked as “Traffic doubled by 1950, officials said.”',
      );
    }
    expect(await changedCount()).toBe(2);
  });

  it('merging keeps the flag when the merged claim keeps a verdict, with both checked wordings', async () => {
    const a = await flaggedArticle(['verified', 'verified', 'unchecked']);
    const [one, two] = a.claims;
    const { article: merged } = await ana.backend.api['claims:merge']({ articleId: a.id, claimId: one!.id, nextClaimId: two!.id });
    const claim = merged.claims[0]!;
    expect(claim.verdict.status).toBe('verified');
    expect(claim.changed).toEqual({
      previousText: 'The bridge opened in 1932. It cost $4 million.',
      revisionId: a.revisions.at(-1)!.id,
      at: '2026-03-01T10:00:00.000Z',
    });
    expect(claim.history.at(-1)!.detail).toContain('its wording had changed since it was checked as “The bridge opened in 1932.” and “It cost $4 million.”');
    expect(await changedCount()).toBe(1);
  });

  it('merging a flagged claim with an unflagged one flags the merge with the unflagged one’s own words', async () => {
    const a = await flaggedArticle(['verified', 'verified', 'unchecked']);
    const [one, two] = a.claims;
    await ana.backend.api['claims:confirm']({ articleId: a.id, claimId: one!.id });
    const { article: merged } = await ana.backend.api['claims:merge']({ articleId: a.id, claimId: one!.id, nextClaimId: two!.id });
    expect(merged.claims[0]!.changed?.previousText).toBe('The bridge opened in 1933. It cost $4 million.');
  });

  it('merging drops the flag when the merged claim is unchecked again', async () => {
    const a = await flaggedArticle(['verified', 'verified', 'unchecked']);
    const [one, two] = a.claims;
    await ana.backend.api['claims:mark']({ articleId: a.id, claimId: one!.id, patch: { status: 'disputed', note: 'It opened in 1932.' } });
    const { article: merged } = await ana.backend.api['claims:merge']({ articleId: a.id, claimId: one!.id, nextClaimId: two!.id });
    const claim = merged.claims[0]!;
    expect(claim.verdict.status).toBe('unchecked');
    expect(claim.changed).toBeUndefined();
    expect(claim.history.at(-1)!.detail).toBe(
      'merged “The bridge opened in 1933.” (disputed) with “It cost $5 million.” (verified); its wording had changed since it was checked as “It cost $4 million.”',
    );
    expect(await changedCount()).toBe(0);
  });
});

describe('delete and undo', () => {
  it('restores a deleted article with its verdicts', async () => {
    const a = await article();
    await ana.backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, patch: { status: 'verified' } });
    await ana.backend.api['articles:delete']({ id: a.id });
    expect((await ana.backend.api['library:list']({})).articles).toHaveLength(0);
    const { article: restored } = await ana.backend.api['articles:restore']({ id: a.id });
    expect(restored.counts.verified).toBe(1);
    const reopened = await (await ana.reopen()).api['library:list']({});
    expect(reopened.articles.map((x) => x.id)).toEqual([a.id]);
  });
});
