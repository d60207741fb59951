// Which claims a report covers: the claims list's status filter, with the same
// meaning (src/shared/claim-filter.ts), so "export what I am looking at" means
// one thing everywhere. Extendable (labels, sections) without changing callers:
// an absent or empty field means "all", as in the claims list.
import { z } from 'zod';
import { Status, type Claim } from '../model';

export const ReportFilter = z.object({
  statuses: z.array(Status).max(Status.options.length).optional(),
});
export type ReportFilter = z.infer<typeof ReportFilter>;

/** True when the filter lets every claim through (no field set, or every status chosen). */
export function isWholeArticle(filter: ReportFilter | undefined): boolean {
  const statuses = filter?.statuses;
  return !statuses?.length || Status.options.every((s) => statuses.includes(s));
}

export function claimMatches(claim: Pick<Claim, 'verdict'>, filter: ReportFilter | undefined): boolean {
  const statuses = filter?.statuses;
  return !statuses?.length || statuses.includes(claim.verdict.status);
}
