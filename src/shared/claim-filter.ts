// The claims list's filters and sort, as pure functions: the review desk and
// the report export use the same definitions, so "export what I am looking at"
// means one thing everywhere.
import { z } from 'zod';
import { Label, Section, Status, type Claim } from './model';

/** An absent or empty field means “all”. Bounded: the report export takes it over every transport. */
export const ClaimFilter = z.object({
  statuses: z.array(Status).max(Status.options.length).optional(),
  labels: z.array(Label).max(Label.options.length).optional(),
  sections: z.array(Section).max(Section.options.length).optional(),
  checkers: z.array(z.string().max(200)).max(100).optional(),
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

/**
 * Only the fields that can leave a claim out. Choosing every status or every
 * section leaves none out; every label still does (a claim may have no label).
 */
export function narrowingFilter(filter: ClaimFilter): ClaimFilter {
  const out: ClaimFilter = {};
  const some = <T>(chosen: T[] | undefined, all: readonly T[]) => chosen?.length && !all.every((v) => chosen.includes(v));
  if (some(filter.statuses, Status.options)) out.statuses = filter.statuses;
  if (some(filter.sections, Section.options)) out.sections = filter.sections;
  if (filter.labels?.length) out.labels = filter.labels;
  if (filter.checkers?.length) out.checkers = filter.checkers;
  if (filter.changedOnly) out.changedOnly = true;
  const query = filter.query?.trim();
  if (query) out.query = query;
  return out;
}

/** True when the filter can leave a claim out (a filtered report says so). */
export function isFilterActive(filter: ClaimFilter): boolean {
  return Object.keys(narrowingFilter(filter)).length > 0;
}
