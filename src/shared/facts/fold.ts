// The facts of a claim, as the checker sees them: every span the extractor found in
// it, plus the words the checker added, minus the ones the checker removed. Only the
// facts the checker touched are stored (`claim.facts`); the rest are computed here
// from `claim.spans`, unchecked. So a claim from before schema 5, a claim just split
// or promoted, and a claim a revision re-extracted all show their facts without any
// step having to write them, and the file holds only what a person decided.
import { UNCHECKED, type Claim, type Fact, type Status } from '../model';

/** A fact on screen and in the report. `stored`: the checker has touched it (its record is in `claim.facts`). */
export interface ShownFact extends Fact {
  stored: boolean;
}

/**
 * The id of a fact nobody has touched yet: its place in the claim. It only has to
 * name the span until the first change stores the fact under a random id; stored
 * ids (src/backend/ids.ts) never contain a dash, so the two cannot collide.
 */
export function computedFactId(start: number, end: number): string {
  return `span-${start}-${end}`;
}

/** Every record of the claim, removed ones included (what the handlers change). */
export function storedFacts(claim: Pick<Claim, 'facts'>): Fact[] {
  return claim.facts ?? [];
}

/**
 * The claim's facts in text order: stored records (not removed) and the extracted
 * spans no record covers. A record covers a span when it holds the same words at
 * the same place, or overlaps it (a checker's selection wins over the extractor's).
 */
export function factsOf(claim: Pick<Claim, 'start' | 'text' | 'spans' | 'facts'>): ShownFact[] {
  const records = storedFacts(claim);
  const shown: ShownFact[] = records.filter((f) => !f.removed).map((f) => ({ ...f, stored: true }));
  for (const span of claim.spans) {
    const start = span.start - claim.start;
    const end = span.end - claim.start;
    if (start < 0 || end > claim.text.length || end <= start) continue; // a span outside its claim: the extractor's slip, not a fact
    if (records.some((f) => f.start < end && start < f.end)) continue;
    shown.push({ id: computedFactId(start, end), start, end, kind: span.kind, text: span.text, verdict: { ...UNCHECKED }, stored: false });
  }
  return shown.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function countFacts(facts: readonly Pick<Fact, 'verdict'>[]): Record<Status, number> {
  const counts: Record<Status, number> = { unchecked: 0, verified: 0, disputed: 0, sourced: 0 };
  for (const fact of facts) counts[fact.verdict.status] += 1;
  return counts;
}

const SUMMARY_ORDER: readonly Status[] = ['verified', 'disputed', 'sourced', 'unchecked'];

/** “3 facts: 2 verified, 1 disputed”; “1 fact: unchecked”; “No facts found: F selects words to add one.” */
export function summarizeFacts(facts: readonly Pick<Fact, 'verdict'>[]): string {
  if (facts.length === 0) return 'No facts found: F selects words to add one.';
  const counts = countFacts(facts);
  const parts = SUMMARY_ORDER.filter((s) => counts[s] > 0).map((s) => (facts.length === 1 ? s : `${counts[s]} ${s}`));
  return `${facts.length} fact${facts.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
