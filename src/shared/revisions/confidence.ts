// How sure a match is that the claim landed on its own words, not on a lookalike
// (the fuzzy fallback that silently re-anchors to a lookalike quote is the
// complaint web annotators hear most). A match is unsure, "moved: please confirm":
//   - ambiguous: a candidate within AMBIGUITY_MARGIN of the winning one went to
//     no one: another new sentence nobody received, or another old claim that
//     found nothing (twin sentences differing in a number, one of them deleted);
//   - weak: an approximate match scoring below SURE_SCORE; or one both moved (out
//     of the in-order run) and reworded, as a deleted sentence landing on its
//     lookalike elsewhere is; or a wording of fewer than DISTINCTIVE_WORDS words
//     found out of order in surroundings less alike than CONTEXT_SURE ("He
//     declined to comment." in someone else's paragraph).
// Splits and merges (alike by containment) are never lookalikes of each other.
import { quoteShort } from '../verdicts';
import { anchorOf, contextSimilarity } from './anchor';
import { isTaken, pushTo, type Assignment, type Candidate } from './assignment';
import type { MatchConfidence } from './types';
import { AMBIGUITY_MARGIN, CONTEXT_SURE, DISTINCTIVE_WORDS, SURE_SCORE } from './weights';
import { wordsOf } from './word-diff';

export interface Unsure {
  confidence: MatchConfidence;
  /** For the history entry: why. */
  why: string;
}

export type Judge = (old: number, moved: boolean) => Unsure | undefined;

/** A judge of the assignment's matches, once every pass has run. */
export function judgeOf(a: Assignment): Judge {
  const byOld = new Map<number, Candidate[]>();
  const byCand = new Map<number, Candidate[]>();
  for (const c of a.contests) {
    if (!c.whole) continue;
    pushTo(byOld, c.old, c);
    pushTo(byCand, c.cand, c);
  }
  return (old, moved) => {
    const t = a.targets[old];
    if (!t || t.method === 'position') return undefined;
    const won = t.won;
    if (won?.whole) {
      const near = (c: Candidate) => c !== won && c.score >= won.score - AMBIGUITY_MARGIN;
      const segment = byOld.get(old)?.find((c) => near(c) && c.cand !== won.cand && !isTaken(a, c.cand));
      if (segment) return unsure('ambiguous', 'another sentence matched nearly as well', a.segments[segment.cand]!.text);
      const record = byCand.get(won.cand)?.find((c) => near(c) && c.old !== old && !a.targets[c.old]);
      if (record) return unsure('ambiguous', 'another claim matched it nearly as well', a.records[record.old]!.text);
    }
    const r = a.records[old]!;
    if (won && t.method === 'approximate') {
      if (won.score < SURE_SCORE) return unsure('weak', `a weak match (score ${won.score.toFixed(2)})`);
      if (moved && a.segments[won.cand]!.text !== r.text) return unsure('weak', 'moved and reworded');
    }
    if (moved && wordsOf(r.text).length < DISTINCTIVE_WORDS) {
      const context = contextSimilarity(anchorOf(a.oldText, r.start, r.end), anchorOf(a.newText, t.start, t.end));
      if (context < CONTEXT_SURE) return unsure('weak', 'few words, found in new surroundings');
    }
    return undefined;
  };
}

function unsure(reason: MatchConfidence['reason'], why: string, rival?: string): Unsure {
  return {
    confidence: { level: 'low', reason, ...(rival !== undefined ? { rival } : {}) },
    why: rival !== undefined ? `${why}: “${quoteShort(rival)}”` : why,
  };
}
