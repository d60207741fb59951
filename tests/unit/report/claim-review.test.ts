// ClaimReview output checked against a zod schema written from schema.org's
// definitions (ClaimReview < Review < CreativeWork; Rating; Claim) and the
// fields Google's fact-check markup guide lists as required or recommended.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from '../../../src/shared/errors';
import { claimReviewsFor, isoDate, renderClaimReview } from '../../../src/shared/report/claim-review';
import { buildReportModel } from '../../../src/shared/report/report-model';
import { GENERATED, testArticle } from './fixture';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/);
const WebUrl = z.url({ protocol: /^https?$/ });
const Agent = z.object({ '@type': z.enum(['Person', 'Organization']), name: z.string().min(1), url: WebUrl.optional() });

const Rating = z.object({
  '@type': z.literal('Rating'),
  alternateName: z.string().min(1),
  ratingValue: z.number(),
  bestRating: z.number(),
  worstRating: z.number(),
}).refine((r) => r.worstRating <= r.ratingValue && r.ratingValue <= r.bestRating, 'ratingValue lies outside worstRating..bestRating');

const CreativeWork = z.object({
  '@type': z.literal('CreativeWork'),
  url: WebUrl,
  headline: z.string().optional(),
  datePublished: IsoDate.optional(),
});

const Claim = z.object({
  '@type': z.literal('Claim'),
  appearance: CreativeWork,
  author: Agent.optional(),
  datePublished: IsoDate.optional(),
});

const ClaimReview = z.strictObject({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  url: WebUrl,
  claimReviewed: z.string().min(1),
  reviewRating: Rating,
  author: Agent,
  datePublished: IsoDate,
  itemReviewed: Claim,
});

describe('ClaimReview JSON-LD', () => {
  const article = testArticle();
  const reviews = JSON.parse(renderClaimReview(buildReportModel(article, {}, GENERATED))) as unknown[];

  it('passes the schema.org-derived schema, one review per claim with a verdict', () => {
    expect(z.array(ClaimReview).parse(reviews)).toHaveLength(4);
  });

  it('points each review at its claim and rates it in words', () => {
    const [disputed, verified, sourced] = reviews as z.infer<typeof ClaimReview>[];
    expect(disputed!.url).toBe('https://news.example.com/2025/03/seawall#claim-2');
    expect(disputed!.claimReviewed).toBe(article.claims[1]!.text);
    expect(disputed!.reviewRating).toMatchObject({ alternateName: 'Disputed', ratingValue: 1 });
    expect(verified!.reviewRating).toMatchObject({ alternateName: 'Verified', ratingValue: 5 });
    expect(verified!.datePublished).toBe('2026-03-01');
    expect(sourced!.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Mayor Celia Brandt' });
    expect(disputed!.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Nadia Ferreira' });
    expect(disputed!.itemReviewed.appearance).toEqual({
      '@type': 'CreativeWork',
      url: 'https://news.example.com/2025/03/seawall',
      headline: article.title,
      datePublished: '2025-03-14',
    });
    expect(disputed!.author).toEqual({ '@type': 'Organization', name: 'The Coastline Ledger' });
  });

  it('follows the filter', () => {
    const only = claimReviewsFor(buildReportModel(article, { statuses: ['verified'] }, GENERATED));
    expect(only.map((r) => r.reviewRating.alternateName)).toEqual(['Verified']);
  });

  it('refuses an article without a published web address, in one sentence', () => {
    for (const sourceUrl of ['', '  ', 'not a url', 'javascript:alert(1)']) {
      const model = buildReportModel(testArticle({ sourceUrl }), {}, GENERATED);
      expect(() => claimReviewsFor(model)).toThrow(UserError);
      expect(() => claimReviewsFor(model)).toThrow(/^ClaimReview needs .*\.$/);
    }
  });

  it('reads published dates only when they are unambiguous', () => {
    expect(isoDate('2025-03-14')).toBe('2025-03-14');
    expect(isoDate('2025-03-14T08:00:00Z')).toBe('2025-03-14');
    expect(isoDate('March 14, 2025')).toBe('2025-03-14');
    expect(isoDate('Sept. 4, 2025')).toBe('2025-09-04');
    expect(isoDate('14 March 2025')).toBe('2025-03-14');
    expect(isoDate('February 30, 2025')).toBeUndefined();
    expect(isoDate('03/14/2025')).toBeUndefined();
    expect(isoDate('yesterday')).toBeUndefined();
  });
});
