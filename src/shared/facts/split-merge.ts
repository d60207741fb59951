// Facts through a split or a merge (src/shared/claim-edits.ts). A fact's offsets index
// its claim's text, so each stored record (removed ones too, so a span the checker
// removed stays removed) is moved onto the claim that now holds its words:
// - split: a record goes with the part that holds all of its words. A record the split
//   point cuts through goes with neither part: its verdict was given on words that now
//   lie in two claims, and putting it on either half would claim a check nobody made
//   of those words. The split's history entry names it with its verdict, each part shows
//   whatever facts the extractor finds in its own words, and undoing the split brings
//   the record back as it was (RestoredClaim.facts).
// - merge: the records of both claims are kept, the second's shifted by where it starts
//   in the merged claim.
import type { Claim, Fact } from '../model';
import { hasVerdict, quoteShort } from '../verdicts';
import { storedFacts } from './fold';

/** Where a claim lies in the article text. */
type Place = Pick<Claim, 'start' | 'end'>;
type WithFacts = Pick<Claim, 'start' | 'facts'>;

export interface SplitFacts {
  /** Each part's records, offsets into its own text; undefined when it has none. */
  parts: [Fact[] | undefined, Fact[] | undefined];
  /** Checked facts the split point falls inside, kept by neither part. */
  cut: Fact[];
}

export function splitFacts(claim: WithFacts, parts: readonly [Place, Place]): SplitFacts {
  const kept: [Fact[], Fact[]] = [[], []];
  const cut: Fact[] = [];
  for (const fact of storedFacts(claim)) {
    const start = claim.start + fact.start;
    const end = claim.start + fact.end;
    const i = parts.findIndex((p) => p.start <= start && end <= p.end);
    if (i < 0) {
      if (!fact.removed && hasVerdict(fact.verdict)) cut.push(fact);
      continue;
    }
    kept[i]!.push(moved(fact, claim.start - parts[i]!.start));
  }
  return { parts: [orNone(kept[0]), orNone(kept[1])], cut };
}

/** The records of two neighbouring claims, in the claim made of both that starts at `start`. */
export function mergeFacts(first: WithFacts, second: WithFacts, start: number): Fact[] | undefined {
  const facts = [...storedFacts(first).map((f) => moved(f, first.start - start)), ...storedFacts(second).map((f) => moved(f, second.start - start))];
  return orNone(facts);
}

/** For the split's history entry: “; fact “Mayor Celia Brandt” (verified) was cut by the split”. */
export function cutNote(cut: readonly Fact[]): string {
  if (cut.length === 0) return '';
  const named = cut.map((f) => `“${quoteShort(f.text, 40)}” (${f.verdict.status}${f.verdict.note ? `, note “${quoteShort(f.verdict.note, 40)}”` : ''})`);
  return `; ${cut.length === 1 ? 'fact' : 'facts'} ${named.join(', ')} ${cut.length === 1 ? 'was' : 'were'} cut by the split`;
}

/**
 * The records an undo puts back on a claim, those whose words are still where they
 * were (a record that no longer fits the claim's text would underline the wrong words).
 */
export function fittingFacts(claim: Pick<Claim, 'text'>, facts: readonly Fact[]): Fact[] | undefined {
  return orNone(facts.filter((f) => f.start < f.end && claim.text.slice(f.start, f.end) === f.text));
}

function moved(fact: Fact, by: number): Fact {
  return by === 0 ? fact : { ...fact, start: fact.start + by, end: fact.end + by };
}

function orNone(facts: Fact[]): Fact[] | undefined {
  return facts.length > 0 ? facts : undefined;
}
