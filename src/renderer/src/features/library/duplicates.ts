// Rows that look like copies of another: the same title (in any case and spacing)
// and the same number of claims, which is what the same text imported twice gives.
// From the summaries the list already has, so marking costs no request; the
// backend's own test (identical text, or 95% of the same passages) guards creation.
import type { ArticleSummary } from '../../../../shared/model';

function copyKey(article: ArticleSummary): string {
  return `${article.total}\u0000${article.title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** Each later copy's id → the first article (the oldest) it looks like; the first is left unmarked. */
export function findCopies(articles: readonly ArticleSummary[]): Map<string, ArticleSummary> {
  const first = new Map<string, ArticleSummary>();
  for (const article of articles) {
    const key = copyKey(article);
    const seen = first.get(key);
    if (!seen || article.createdAt < seen.createdAt) first.set(key, article);
  }
  const copies = new Map<string, ArticleSummary>();
  for (const article of articles) {
    const original = first.get(copyKey(article))!;
    if (original.id !== article.id) copies.set(article.id, original);
  }
  return copies;
}
