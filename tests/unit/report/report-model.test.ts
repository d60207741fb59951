import { describe, expect, it } from 'vitest';
import type { ClaimFilter } from '../../../src/shared/claim-filter';
import { buildReportModel, describeFilter, describeTimeZone, fileSlug, formatDay, formatTimestamp, machineTimeZone } from '../../../src/shared/report/report-model';
import { reportFileName } from '../../../src/shared/report';
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
  it('formats timestamps as local time with the zone’s offset, the same in every locale', () => {
    expect(formatTimestamp('2026-03-02T10:30:00.000Z', 'UTC')).toBe('2026-03-02 10:30 UTC');
    expect(formatTimestamp('2026-03-02T10:30:00.000Z', 'Europe/Paris')).toBe('2026-03-02 11:30 +01:00');
    // Summer time, and zones whose offset is not whole hours.
    expect(formatTimestamp('2026-07-02T10:30:00.000Z', 'Europe/Paris')).toBe('2026-07-02 12:30 +02:00');
    expect(formatTimestamp('2026-03-02T10:30:00.000Z', 'Asia/Kolkata')).toBe('2026-03-02 16:00 +05:30');
    expect(formatTimestamp('2026-03-02T10:30:00.000Z', 'America/St_Johns')).toBe('2026-03-02 07:00 -03:30');
    // London is at UTC+0 in winter, but it is not UTC: the offset says so.
    expect(formatTimestamp('2026-01-02T10:30:00.000Z', 'Europe/London')).toBe('2026-01-02 10:30 +00:00');
    // The day can differ from UTC's.
    expect(formatDay('2026-03-02T23:30:00.000Z', 'Asia/Tokyo')).toBe('2026-03-03');
    expect(formatTimestamp(null, 'UTC')).toBe('');
    expect(formatTimestamp('not a time', 'UTC')).toBe('not a time');
    expect(describeTimeZone('Europe/Paris', '2026-03-02T10:30:00.000Z')).toBe('Europe/Paris (+01:00)');
    expect(describeTimeZone('UTC', '2026-03-02T10:30:00.000Z')).toBe('UTC');
  });

  it('takes the machine’s zone unless one is given, and UTC for a zone it does not know', () => {
    expect(buildReportModel(testArticle(), {}, GENERATED).timeZone).toBe(machineTimeZone());
    expect(buildReportModel(testArticle(), {}, GENERATED, 'Europe/Paris').timeZone).toBe('Europe/Paris');
    expect(buildReportModel(testArticle(), {}, GENERATED, 'Mars/Olympus_Mons').timeZone).toBe('UTC');
  });

  it('makes file-safe slugs', () => {
    expect(fileSlug('Harbor Town Votes to Raise Its <Seawall> & "More"')).toBe('harbor-town-votes-to-raise-its-seawall-more');
    expect(fileSlug('Café über ../../etc')).toBe('cafe-uber-etc');
    expect(fileSlug('***')).toBe('article');
  });

  it('cuts a long title’s slug at a whole word', () => {
    const title = 'Pentagon confirms the drawdown of 3,000 troops as military planners weigh next steps';
    const slug = fileSlug(title);
    expect(slug).toBe('pentagon-confirms-the-drawdown-of-3-000-troops-as-military');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(reportFileName({ title }, 'pdf')).toBe('pentagon-confirms-the-drawdown-of-3-000-troops-as-military-fact-check.pdf');
    // Every cut ends on a whole word of the title, whatever the length.
    const words = 'a ab abc abcd abcde abcdef abcdefg'.split(' ');
    for (let n = 1; n < 200; n++) {
      const long = Array.from({ length: n }, (_, i) => words[i % words.length]).join(' ');
      const cut = fileSlug(long);
      expect(`${long.replace(/ /g, '-')}-`.startsWith(`${cut}-`), long).toBe(true);
      expect(cut.length).toBeLessThanOrEqual(60);
    }
    // A hyphen right at the limit is a word boundary too; a single endless word can only be cut inside.
    expect(fileSlug(`${'a'.repeat(60)} b`)).toBe('a'.repeat(60));
    expect(fileSlug('x'.repeat(80))).toBe('x'.repeat(60));
  });
});
