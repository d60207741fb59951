// One-to-one, best first: candidates sorted by score (ties to the earlier old
// record), each old record takes its best segment still free and each segment
// receives at most one record. Factdesk needs this rather than each claim's own
// best: two claims must never land on one sentence.
import { isTaken, takeSegment, type Assignment, type Candidate } from '../assignment';
import type { MatchMethod } from '../types';

export function assignBestFirst(a: Assignment, candidates: Candidate[], method: MatchMethod): void {
  candidates.sort((x, y) => y.score - x.score || x.old - y.old);
  for (const c of candidates) {
    if (a.targets[c.old] || isTaken(a, c.cand)) continue;
    takeSegment(a, c.old, c.cand, method, c.q, c);
  }
  // Kept: a match is later judged against the candidates it beat (confidence.ts).
  for (const c of candidates) a.contests.push(c);
}
