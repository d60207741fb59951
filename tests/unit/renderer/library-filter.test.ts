// Finding an article in the library: every word in the title or publication, in
// any case and without accents; progress as a checker reads it.
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../src/shared/model';
import {
  countByProgress,
  emptyResultMessage,
  filterArticles,
  searchHaystacks,
  type LibraryFilter,
} from '../../../src/renderer/src/features/library/library-filter';

function summary(id: string, title: string, publication: string, counts: Partial<ArticleSummary['counts']>, changed = 0): ArticleSummary {
  const full = { unchecked: 0, verified: 0, disputed: 0, sourced: 0, ...counts };
  const total = full.unchecked + full.verified + full.disputed + full.sourced;
  return { id, title, publication, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', total, counts: full, changed };
}

const LIBRARY = [
  summary('fresh', 'Seawall vote in Pelham Point', 'The Coastline Ledger', { unchecked: 6 }),
  summary('half', 'São Paulo water rates', 'Daily Courier', { unchecked: 2, verified: 3 }),
  summary('done', 'Bridge repairs finished', 'The Coastline Ledger', { verified: 4, disputed: 1 }, 1),
  summary('empty', 'An empty draft', '', {}),
];
const ids = (filter: Partial<LibraryFilter>) =>
  filterArticles(LIBRARY, searchHaystacks(LIBRARY), { query: '', progress: 'all', ...filter }).map((a) => a.id);

describe('the library filter', () => {
  it('finds an article when every word is in its title or publication, in any case and without accents', () => {
    expect(ids({ query: 'seawall LEDGER' })).toEqual(['fresh']);
    expect(ids({ query: 'sao paulo' })).toEqual(['half']);
    expect(ids({ query: 'coastline' })).toEqual(['fresh', 'done']);
    expect(ids({ query: 'seawall courier' })).toEqual([]);
    expect(ids({ query: '   ' })).toEqual(['fresh', 'half', 'done', 'empty']);
  });

  it('sorts articles by progress the way a checker reads it, and counts each choice', () => {
    expect(ids({ progress: 'not-started' })).toEqual(['fresh']);
    expect(ids({ progress: 'in-progress' })).toEqual(['half']);
    expect(ids({ progress: 'done' })).toEqual(['done', 'empty']);
    expect(ids({ progress: 'changed' })).toEqual(['done']);
    expect(ids({ progress: 'done', query: 'ledger' })).toEqual(['done']);
    expect(countByProgress(LIBRARY)).toEqual({ all: 4, 'not-started': 1, 'in-progress': 1, done: 2, changed: 1 });
  });

  it('says what found nothing', () => {
    expect(emptyResultMessage({ query: ' budget ', progress: 'all' })).toBe('No articles match “budget”.');
    expect(emptyResultMessage({ query: '', progress: 'changed' })).toBe('No articles are changed since checked.');
    expect(emptyResultMessage({ query: 'budget', progress: 'done' })).toBe('No articles that are done match “budget”.');
  });
});
