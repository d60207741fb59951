import { describe, expect, it } from 'vitest';
import { buildReportModel, fileSlug, formatTimestamp } from '../../../src/shared/report/report-model';
import { GENERATED, T0, T1, testArticle } from './fixture';

describe('buildReportModel', () => {
  const article = testArticle();
  const model = buildReportModel(article, {}, GENERATED);

  it('counts progress over the whole article', () => {
    expect(model.total).toBe(6);
    expect(model.checked).toBe(4);
    expect(model.counts).toEqual({ unchecked: 2, verified: 1, disputed: 2, sourced: 1 });
  });

  it('keeps article order and numbering, and lists disputed and unchecked claims apart', () => {
    expect(model.claims.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(model.disputed.map((c) => c.number)).toEqual([2, 6]);
    expect(model.unchecked.map((c) => c.number)).toEqual([1, 5]);
  });

  it('names the checkers in order of first appearance and the span of checking', () => {
    expect(model.checkers).toEqual(['Ana Ruiz', 'Ben Ode']);
    expect(model.firstCheckedAt).toBe(T0);
    expect(model.lastCheckedAt).toBe(T1);
  });

  it('says what each source supports, numbering the backup', () => {
    expect(model.sources.map((s) => [s.number, s.supports])).toEqual([
      [1, [2, 3, 4]],
      [2, [2]],
      [3, []],
    ]);
    expect(model.claims[1]!.sources.map((s) => s.number)).toEqual([1, 2]);
  });

  it('filters by status but keeps whole-article numbers and progress', () => {
    const only = buildReportModel(article, { statuses: ['disputed'] }, GENERATED);
    expect(only.wholeArticle).toBe(false);
    expect(only.claims.map((c) => c.number)).toEqual([2, 6]);
    expect(only.unchecked).toEqual([]);
    expect(only.total).toBe(6);
    expect(only.sources[0]!.supports).toEqual([2]);
    expect(buildReportModel(article, { statuses: ['unchecked', 'verified', 'disputed', 'sourced'] }, GENERATED).wholeArticle).toBe(true);
    // As in the claims list, an empty status filter means every status.
    expect(buildReportModel(article, { statuses: [] }, GENERATED).claims).toHaveLength(6);
  });

  it('handles an article with no claims and no sources', () => {
    const empty = buildReportModel(testArticle({ claims: [], sources: [] }), {}, GENERATED);
    expect(empty.total).toBe(0);
    expect(empty.checkers).toEqual([]);
    expect(empty.firstCheckedAt).toBeNull();
  });
});

describe('helpers', () => {
  it('formats timestamps without locale or time zone', () => {
    expect(formatTimestamp('2026-03-02T10:30:00.000Z')).toBe('2026-03-02 10:30 UTC');
    expect(formatTimestamp(null)).toBe('');
  });

  it('makes file-safe slugs', () => {
    expect(fileSlug('Harbor Town Votes to Raise Its <Seawall> & "More"')).toBe('harbor-town-votes-to-raise-its-seawall-more');
    expect(fileSlug('Café über ../../etc')).toBe('cafe-uber-etc');
    expect(fileSlug('***')).toBe('article');
  });
});
