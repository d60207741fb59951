import { describe, expect, it } from 'vitest';
import type { ClaimFilter } from '../../../src/shared/claim-filter';
import { buildReportModel, describeFilter, fileSlug, formatTimestamp } from '../../../src/shared/report/report-model';
import { SECTIONS } from '../../../src/shared/model';
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

  it('follows the claims list’s whole filter, and says in words what each field keeps', () => {
    // Claim 5 (unchecked) was flagged by a revision.
    const flagged = testArticle();
    flagged.claims[4] = { ...flagged.claims[4]!, changed: { previousText: 'Storm surges topped it twice.', revisionId: 'rev-2', at: T1 } };
    const cases: [ClaimFilter, number[], string][] = [
      [{ statuses: ['disputed'] }, [2, 6], 'Status: disputed'],
      [{ sections: ['headline'] }, [1], 'Section: headline'],
      [{ labels: ['quote'] }, [4], 'Label: quote'],
      [{ checkers: ['Ben Ode'] }, [3], 'Checker: Ben Ode'],
      [{ changedOnly: true }, [5], 'Changed since checked'],
      [{ query: '  PERCENT ' }, [6], 'Search: “PERCENT”'],
      [
        { query: 'percent', labels: ['number'], sections: ['body'], statuses: ['disputed'] },
        [6],
        'Status: disputed · Section: body · Label: number · Search: “percent”',
      ],
      [{ statuses: ['unchecked', 'disputed'], sections: ['bio', 'headline'] }, [1], 'Status: disputed, unchecked · Section: headline, author bio'],
    ];
    for (const [filter, numbers, words] of cases) {
      const model = buildReportModel(flagged, filter, GENERATED);
      expect(model.claims.map((c) => c.number), words).toEqual(numbers);
      expect(model.wholeArticle, words).toBe(false);
      expect(model.total).toBe(6);
      expect(describeFilter(model.filter)).toBe(words);
    }
  });

  it('counts a filter that leaves no claim out as the whole article, and names only the fields that narrow', () => {
    const article = testArticle();
    const everything: ClaimFilter = {
      statuses: ['unchecked', 'verified', 'disputed', 'sourced'],
      sections: [...SECTIONS],
      labels: [],
      checkers: [],
      changedOnly: false,
      query: '   ',
    };
    const whole = buildReportModel(article, everything, GENERATED);
    expect(whole.wholeArticle).toBe(true);
    expect(whole.filter).toEqual({});
    expect(describeFilter(everything)).toBe('');
    expect(describeFilter({ ...everything, query: 'vote' })).toBe('Search: “vote”');
    // Every label still leaves out a claim with none, so it narrows.
    expect(buildReportModel(article, { labels: ['quote', 'number', 'date', 'entity', 'attribution', 'prediction', 'opinion'] }, GENERATED).wholeArticle).toBe(false);
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
