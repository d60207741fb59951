import { describe, expect, it } from 'vitest';
import { filterAndSort, isFilterActive, matchesFilter, narrowingFilter, type ClaimFilter } from '../../../src/shared/claim-filter';
import { SECTIONS, UNCHECKED, type Claim } from '../../../src/shared/model';

function claim(text: string, extra: Partial<Claim> = {}): Claim {
  return { id: text, text, start: 0, end: text.length, section: 'body', labels: [], spans: [], score: 0.5, verdict: UNCHECKED, history: [], ...extra };
}

const claims = [
  claim('The vote was 5-2.', { labels: ['number'], score: 0.9 }),
  claim('Now that will have to wait.', { score: 0.1 }),
  claim('By Nadia Ferreira', { section: 'byline', score: 0.4, verdict: { ...UNCHECKED, status: 'verified', checker: 'Ana', updatedAt: '2026-01-01T00:00:00.000Z' } }),
  claim('It cost $38 million.', { labels: ['number'], score: 0.9, verdict: { ...UNCHECKED, status: 'disputed', note: 'Budget says 36 million', checker: 'Ben', updatedAt: '2026-01-01T00:00:00.000Z' } }),
];

describe('claim filters', () => {
  it('filters by status, section, label and checker together', () => {
    expect(filterAndSort(claims, { statuses: ['unchecked'] }, 'article')).toEqual([0, 1]);
    expect(filterAndSort(claims, { sections: ['byline'] }, 'article')).toEqual([2]);
    expect(filterAndSort(claims, { labels: ['number'], statuses: ['disputed'] }, 'article')).toEqual([3]);
    expect(filterAndSort(claims, { checkers: ['Ana'] }, 'article')).toEqual([2]);
  });

  it('searches the text, the note and the correction, every word', () => {
    expect(matchesFilter(claims[3]!, { query: 'budget 36' })).toBe(true);
    expect(matchesFilter(claims[3]!, { query: 'budget 37' })).toBe(false);
    expect(filterAndSort(claims, { query: 'WAIT' }, 'article')).toEqual([1]);
  });

  it('sorts by check-worthiness, ties in article order', () => {
    expect(filterAndSort(claims, {}, 'worthiness')).toEqual([0, 3, 2, 1]);
    expect(filterAndSort(claims, {}, 'article')).toEqual([0, 1, 2, 3]);
  });
});

describe('which fields narrow', () => {
  it('keeps only the fields that can leave a claim out, so “filtered” means the same in the list and the report', () => {
    expect(narrowingFilter({ statuses: [], labels: [], sections: [], checkers: [], changedOnly: false, query: '  ' })).toEqual({});
    expect(narrowingFilter({ statuses: ['unchecked', 'verified', 'disputed', 'sourced'] })).toEqual({});
    expect(narrowingFilter({ sections: [...SECTIONS] })).toEqual({});
    expect(narrowingFilter({ statuses: ['disputed'], sections: ['body'], labels: ['number'], checkers: ['Ana'], changedOnly: true, query: ' 36 ' })).toEqual({
      statuses: ['disputed'],
      sections: ['body'],
      labels: ['number'],
      checkers: ['Ana'],
      changedOnly: true,
      query: '36',
    });
    expect(isFilterActive({ query: ' ' })).toBe(false);
    expect(isFilterActive({ statuses: ['unchecked', 'verified', 'disputed', 'sourced'] })).toBe(false);
    expect(isFilterActive({ labels: ['quote', 'number', 'date', 'entity', 'attribution', 'prediction', 'opinion'] })).toBe(true);
  });

  it('keeps the same claims as the filter it came from', () => {
    const filters: ClaimFilter[] = [{ statuses: ['unchecked', 'verified', 'disputed', 'sourced'] }, { query: '  BUDGET ' }, { labels: ['number'], checkers: ['Ben'] }];
    for (const filter of filters) {
      expect(filterAndSort(claims, narrowingFilter(filter), 'article')).toEqual(filterAndSort(claims, filter, 'article'));
    }
  });
});
