// What differs between a claim checked before and the draft's claim, in the
// checker's words: "checked as 1,200 killed; this draft says 1,400". The facts
// come from the revisions' changed-facts diff (numbers, dates, names), so "seen
// before" and "changed since checked" call out a difference the same way.
import { changedFacts, type FactKind } from '../revisions/word-diff';
import { STOP_WORDS } from './tokens';

export interface FactDifference {
  kind: FactKind;
  /** As the earlier claim had it; null when the draft adds it. */
  earlier: string | null;
  /** As the draft has it; null when the draft leaves it out. */
  draft: string | null;
  /** One sentence for the panel. */
  text: string;
}

export function factDifferences(earlierText: string, draftText: string): FactDifference[] {
  return changedFacts({ text: earlierText }, { text: draftText }).map(({ kind, from, to }) => ({
    kind,
    earlier: from,
    draft: to,
    text: calloutText(kind, from === null ? null : withCountedWord(earlierText, from, kind), to),
  }));
}

function calloutText(kind: FactKind, earlier: string | null, draft: string | null): string {
  if (earlier !== null && draft !== null) return `checked as ${earlier}; this draft says ${draft}`;
  if (earlier !== null) return `checked with the ${kind} ${earlier}, which this draft leaves out`;
  return `this draft adds the ${kind} ${draft}, which the earlier check did not have`;
}

/** "1,200" → "1,200 killed": a number reads better with the word it counts. */
function withCountedWord(text: string, fact: string, kind: FactKind): string {
  if (kind !== 'number') return fact;
  const at = text.indexOf(fact);
  if (at < 0) return fact;
  const next = /^\s+([\p{L}]+)/u.exec(text.slice(at + fact.length));
  return next && !STOP_WORDS.has(next[1]!.toLowerCase()) ? `${fact} ${next[1]}` : fact;
}
