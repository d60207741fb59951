// What is a claim is the checker's call: setting a claim aside and making set-aside text a
// claim, through the real store on disk. Nothing is lost either way, every move is in the
// history, each undoes the other, and the text stays partitioned through merges and revisions.
import { describe, expect, it } from 'vitest';
import { checkerBackend } from '../support/checker-backend';
import { partitionProblem } from '../../../src/shared/extract';
import type { Article } from '../../../src/shared/model';
import { buildReportModel, describeSetAside } from '../../../src/shared/report/report-model';

const TEXT = [
  'Harbor Town Votes to Raise Its Seawall',
  'By Nadia Ferreira',
  'Advertisement',
  'The council voted 5-2 on Wednesday. The plan costs $38 million.',
  'Workers inspect the wall.',
  'Credit...Owen Lacroix for The Ledger',
  'Construction starts in May.',
].join('\n\n');

const ana = checkerBackend('factdesk-set-aside-');

const whole = (a: Article) => partitionProblem(a.text, [...a.claims, ...a.setAside]);
const reopen = async (id: string) => (await (await ana.reopen()).api['articles:get']({ id })).article;

describe('set aside and promote', () => {
  it('a new article is partitioned: furniture and credits are set aside, shown, and counted', async () => {
    const { article } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    expect(whole(article)).toBeNull();
    expect(article.setAside.map((s) => [s.setAside, s.text])).toEqual([
      ['furniture', 'Advertisement'],
      ['credit', 'Credit...Owen Lacroix for The Ledger'],
    ]);
    expect(describeSetAside(buildReportModel(article, {}, '2026-03-01T10:00:00Z').setAside)).toBe(
      '2 passages are set aside as no claim: credits 1, page furniture 1.',
    );
  });

  it('sets a checked claim aside with its verdict and history, and brings it back the same', async () => {
    const { article } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const claim = article.claims.find((c) => c.text === 'The plan costs $38 million.')!;
    await ana.backend.api['claims:mark']({ articleId: article.id, claimId: claim.id, patch: { status: 'disputed', note: 'It is $36 million.' } });

    const { article: aside } = await ana.backend.api['claims:setAside']({ articleId: article.id, claimId: claim.id });
    expect(aside.claims.map((c) => c.id)).not.toContain(claim.id);
    const segment = aside.setAside.find((s) => s.id === claim.id)!;
    expect(segment).toMatchObject({ setAside: 'not-a-claim', text: claim.text, verdict: { status: 'disputed', note: 'It is $36 million.' } });
    expect(segment.history.at(-1)).toMatchObject({ kind: 'set-aside', by: 'Ana', detail: 'set aside as not a claim (it was disputed)' });
    expect(whole(aside)).toBeNull();
    expect(await reopen(article.id)).toEqual(aside);
    const report = buildReportModel(aside, {}, '2026-03-01T10:00:00Z');
    expect(report.setAside.byChecker).toEqual([{ text: claim.text, by: 'Ana', at: '2026-03-01T10:00:00.000Z' }]);
    expect(report.claims.map((c) => c.text)).not.toContain(claim.text);

    const { article: back } = await ana.backend.api['claims:promote']({ articleId: article.id, segmentId: claim.id });
    const restored = back.claims.find((c) => c.id === claim.id)!;
    expect(restored.verdict).toMatchObject({ status: 'disputed', note: 'It is $36 million.' });
    expect(restored.history.map((h) => h.kind)).toEqual(['verdict', 'set-aside', 'promote']);
    expect(back.claims.map((c) => c.start)).toEqual([...back.claims.map((c) => c.start)].sort((a, b) => a - b));
    expect(whole(back)).toBeNull();
  });

  it('makes a credit a claim, saying what it was, and refuses an id that is not set aside in one sentence', async () => {
    const { article } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const credit = article.setAside.find((s) => s.setAside === 'credit')!;
    const { article: promoted } = await ana.backend.api['claims:promote']({ articleId: article.id, segmentId: credit.id });
    const claim = promoted.claims.find((c) => c.id === credit.id)!;
    expect(claim).not.toHaveProperty('setAside');
    expect(claim.history.at(-1)!.detail).toBe('made a claim (it was set aside as a credit)');
    // Scored as a claim once promoted; set aside again, it sinks below every claim.
    expect(claim.score).toBeGreaterThan(credit.score);
    expect(claim.score).toBeGreaterThanOrEqual(0.01);
    await expect(ana.backend.api['claims:promote']({ articleId: article.id, segmentId: credit.id })).rejects.toThrow(/has no set-aside text with id/);
    // Undoing the promotion puts it back as what it was, not as the checker's “not a claim”.
    const { article: undone } = await ana.backend.api['claims:setAside']({ articleId: article.id, claimId: credit.id, kind: 'credit' });
    expect(undone.setAside.find((s) => s.id === credit.id)).toMatchObject({ setAside: 'credit' });
    expect(undone.setAside.find((s) => s.id === credit.id)!.score).toBeLessThan(Math.min(...undone.claims.map((c) => c.score)));
    expect(undone.setAside.find((s) => s.id === credit.id)!.history.at(-1)!.detail).toBe('set aside as a credit (it was unchecked)');
    await expect(ana.backend.api['claims:setAside']({ articleId: article.id, claimId: 'nosuchclaim' })).rejects.toThrow(/has no claim with id/);
  });

  it('merging two claims around a set-aside segment takes it in, so nothing is covered twice', async () => {
    const { article } = await ana.backend.api['articles:create']({ text: '• 9. Norway scored 71. • 10. Sweden scored 68.', meta: {} });
    const [ninth, tenth] = article.claims;
    expect([ninth!.text, tenth!.text]).toEqual(['9. Norway scored 71.', '10. Sweden scored 68.']);
    expect(article.setAside.map((s) => s.setAside)).toEqual(['list-marker', 'list-marker']);
    const { article: merged } = await ana.backend.api['claims:merge']({ articleId: article.id, claimId: ninth!.id, nextClaimId: tenth!.id });
    expect(merged.claims[0]!.text).toBe('9. Norway scored 71. • 10. Sweden scored 68.');
    expect(merged.setAside).toHaveLength(1);
    expect(whole(merged)).toBeNull();
  });

  it('a revision keeps the checker’s call on what is a claim, and the text stays partitioned', async () => {
    const { article } = await ana.backend.api['articles:create']({ text: TEXT, meta: {} });
    const claim = article.claims.find((c) => c.text === 'Workers inspect the wall.')!;
    const ad = article.setAside.find((s) => s.text === 'Advertisement')!;
    await ana.backend.api['claims:setAside']({ articleId: article.id, claimId: claim.id });
    await ana.backend.api['claims:promote']({ articleId: article.id, segmentId: ad.id });
    const { article: revised } = await ana.backend.api['articles:revise']({
      id: article.id,
      text: TEXT.replace('$38 million', '$41 million').concat('\n\nThe work ends in 2027.\n\nShare this article'),
    });
    expect(whole(revised)).toBeNull();
    expect(revised.setAside.find((s) => s.id === claim.id)).toMatchObject({ setAside: 'not-a-claim' });
    expect(revised.claims.find((c) => c.id === ad.id)).toMatchObject({ text: 'Advertisement' });
    expect(revised.setAside.map((s) => s.text)).toContain('Share this article');
    expect(revised.claims.map((c) => c.text)).toContain('The work ends in 2027.');
  });
});
