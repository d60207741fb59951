// The claims list's filters and sort, as pure functions: the review desk and
// the report export use the same definitions.
import { z } from 'zod';
import { Label, Section, Status, type Claim } from './model';

export const ClaimFilter = z.object({
  statuses: z.array(Status).optional(),
  labels: z.array(Label).optional(),
  sections: z.array(Section).optional(),
  checkers: z.array(z.string()).optional(),
  /** Only claims flagged “changed since checked” by a revision. */
  changedOnly: z.boolean().optional(),
  /** Words to find in the claim's text, note or correction (case-insensitive). */
  query: z.string().max(500).optional(),
});
export type ClaimFilter = z.infer<typeof ClaimFilter>;

export type ClaimSort = 'article' | 'worthiness';

export function matchesFilter(claim: Claim, filter: ClaimFilter): boolean {
  if (filter.statuses?.length && !filter.statuses.includes(claim.verdict.status)) return false;
  if (filter.changedOnly && !claim.changed) return false;
  if (filter.sections?.length && !filter.sections.includes(claim.section)) return false;
  if (filter.labels?.length && !filter.labels.some((l) => claim.labels.includes(l))) return false;
  if (filter.checkers?.length && !filter.checkers.includes(claim.verdict.checker ?? '')) return false;
  const query = filter.query?.trim().toLowerCase();
  if (query) {
    const haystack = `${claim.text}\n${claim.verdict.note}\n${claim.verdict.correction}`.toLowerCase();
    if (!query.split(/\s+/).every((word) => haystack.includes(word))) return false;
  }
  return true;
}

/** Indexes (into `claims`) of the claims that pass the filter, in the chosen order. */
export function filterAndSort(claims: readonly Claim[], filter: ClaimFilter, sort: ClaimSort): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < claims.length; i++) if (matchesFilter(claims[i]!, filter)) indexes.push(i);
  if (sort === 'worthiness') indexes.sort((a, b) => claims[b]!.score - claims[a]!.score || a - b);
  return indexes;
}

export function isFilterActive(filter: ClaimFilter): boolean {
  return Boolean(
    filter.changedOnly || filter.statuses?.length || filter.labels?.length || filter.sections?.length || filter.checkers?.length || filter.query?.trim(),
  );
}
