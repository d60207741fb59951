// Finding an article in the library, as pure functions over the summaries the
// list already has: no request per keystroke, and the bench can use the same rule.
import type { ArticleSummary } from '../../../../shared/model';

export const PROGRESS = ['all', 'not-started', 'in-progress', 'done', 'changed'] as const;
export type Progress = (typeof PROGRESS)[number];

export const PROGRESS_LABEL: Record<Progress, string> = {
  all: 'All',
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  changed: 'Changed since checked',
};

export interface LibraryFilter {
  /** Words to find in the title or publication; every word must be there. */
  query: string;
  progress: Progress;
}

export const NO_FILTER: LibraryFilter = { query: '', progress: 'all' };

/** Lower case without accents, so “sao paulo” finds “São Paulo”. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

export function matchesProgress(article: ArticleSummary, progress: Progress): boolean {
  const checked = article.total - article.counts.unchecked;
  switch (progress) {
    case 'all':
      return true;
    case 'not-started':
      return article.total > 0 && checked === 0;
    case 'in-progress':
      return checked > 0 && article.counts.unchecked > 0;
    case 'done':
      // An article with no claims has nothing left to check.
      return article.counts.unchecked === 0;
    case 'changed':
      return article.changed > 0;
  }
}

/** How many articles each progress choice would show, for the filter's labels. */
export function countByProgress(articles: readonly ArticleSummary[]): Record<Progress, number> {
  const counts = Object.fromEntries(PROGRESS.map((p) => [p, 0])) as Record<Progress, number>;
  for (const article of articles) for (const p of PROGRESS) if (matchesProgress(article, p)) counts[p]++;
  return counts;
}

/**
 * The articles that pass the filter, in the library's order. `haystacks` holds
 * each article's folded title and publication (see `searchHaystacks`), built
 * once per list rather than once per keystroke.
 */
export function filterArticles(articles: readonly ArticleSummary[], haystacks: readonly string[], filter: LibraryFilter): ArticleSummary[] {
  const words = searchWords(filter.query);
  if (words.length === 0 && filter.progress === 'all') return articles as ArticleSummary[];
  return articles.filter((a, i) => matchesProgress(a, filter.progress) && words.every((w) => haystacks[i]!.includes(w)));
}

export function searchHaystacks(articles: readonly ArticleSummary[]): string[] {
  return articles.map((a) => foldForSearch(`${a.title}\n${a.publication}`));
}

/** What to say when nothing passes the filter. */
export function emptyResultMessage(filter: LibraryFilter): string {
  const query = filter.query.trim();
  const state = PROGRESS_LABEL[filter.progress].toLowerCase();
  if (filter.progress === 'all') return `No articles match “${query}”.`;
  if (!query) return `No articles are ${state}.`;
  return `No articles that are ${state} match “${query}”.`;
}
