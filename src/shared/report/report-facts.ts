// The facts of a claim as the report lists them under it. A claim is listed with its
// facts once the checker ruled on any of them: that is when "two of its three facts
// are right" is news for the editor. Until then its facts are only the extractor's
// underlines, and listing them for every claim would bury the report in "unchecked".
import { factsOf } from '../facts/fold';
import type { Claim, Fact, Status } from '../model';
import { hasVerdict } from '../verdicts';
import type { ReportSourceRef } from './report-model';

export interface ReportFact {
  text: string;
  kind: Fact['kind'];
  status: Status;
  note: string;
  sources: ReportSourceRef[];
  /** A revision changed its words after it was checked: the words it was checked as. */
  changedFrom: string | null;
}

/** Disputed first (what the editor must read), then the rest in the order they appear in the claim. */
export function reportFacts(claim: Claim, refs: Map<string, ReportSourceRef>): ReportFact[] {
  const facts = factsOf(claim);
  if (!facts.some((f) => hasVerdict(f.verdict) || f.changed)) return [];
  const ordered = [...facts.filter((f) => f.verdict.status === 'disputed'), ...facts.filter((f) => f.verdict.status !== 'disputed')];
  return ordered.map((f) => ({
    text: f.text,
    kind: f.kind,
    status: f.verdict.status,
    note: f.verdict.note,
    sources: f.verdict.sourceIds.flatMap((id) => refs.get(id) ?? []),
    changedFrom: f.changed?.previousText ?? null,
  }));
}
