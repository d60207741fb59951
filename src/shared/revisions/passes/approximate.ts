// Pass 3, approximate: for every record still unplaced, the new segments that
// could be its words, scored (score.ts), then assigned best-first. Candidates,
// cheapest first:
//   - segments within WINDOW of where it should be, judged from the in-order
//     matches before and after it;
//   - else segments sharing its first or last HEAD characters (a sentence moved
//     and edited at its other end), and copies of its exact wording far away;
//   - else, between its neighbours but beyond both windows (long insertions on
//     both sides), the places match_main finds for its head and tail, within a
//     budget of characters so a revision that rewrote a long stretch stays fast.
import { inOrder, isTaken, neighbours, pushTo, shiftedLike, type Assignment, type Candidate } from '../assignment';
import { lowerBound, overlapping } from '../spans';
import { BITAP_BUDGET, GAP_REACH, HEAD, WINDOW } from '../weights';
import { assignBestFirst } from './best-first';
import { locate } from './locate';
import { acceptable, probe, score, words, type Words } from './score';

/** What the pass looks new segments up by, built once per run (heads and tails only if needed). */
interface Lookup {
  words: (Words | undefined)[];
  ends?: { byHead: Map<string, number[]>; byTail: Map<string, number[]> };
  bitapBudget: number;
}

export function approximate(a: Assignment): void {
  const kept = inOrder(a);
  const { prev, next } = neighbours(a, (o) => kept.has(o));
  const lookup: Lookup = { words: new Array(a.segments.length), bitapBudget: BITAP_BUDGET };
  const all: Candidate[] = [];
  a.order.forEach((o, k) => {
    if (a.targets[o]) return;
    const accepted = candidatesFor(a, lookup, o, prev[k]!, next[k]!);
    a.candidatesOf.set(o, accepted);
    all.push(...accepted);
  });
  assignBestFirst(a, all, 'approximate');
}

function candidatesFor(a: Assignment, lookup: Lookup, o: number, prev: number, next: number): Candidate[] {
  const r = a.records[o]!;
  const fromPrev = prev >= 0 ? shiftedLike(a, o, prev) : undefined;
  const fromNext = next >= 0 ? shiftedLike(a, o, next) : undefined;
  const expected = fromPrev ?? fromNext ?? Math.round(r.start * (a.newText.length / Math.max(1, a.oldText.length)));
  const expectedToo = fromNext ?? expected;
  const p = probe(o, a.oldText, r.start, r.end, r.text);
  const scored = new Map<number, Candidate>();
  const consider = (i: number) => {
    if (scored.has(i) || isTaken(a, i)) return;
    const start = a.starts[i]!;
    const near = Math.abs(start - expected) <= Math.abs(start - expectedToo) ? expected : expectedToo;
    scored.set(i, score(p, i, a.segments[i]!, (lookup.words[i] ??= words(a.segments[i]!.text)), a.newText, near));
  };
  for (const e of expected === expectedToo ? [expected] : [expected, expectedToo]) {
    for (let i = lowerBound(a.starts, e - WINDOW); i < a.segments.length && a.starts[i]! <= e + WINDOW; i++) consider(i);
  }
  const accepted = [...scored.values()].filter(acceptable);
  if (accepted.length > 0) return accepted;

  const { byHead, byTail } = (lookup.ends ??= endsOf(a));
  for (const i of byHead.get(r.text.slice(0, HEAD)) ?? []) consider(i);
  for (const i of byTail.get(r.text.slice(-HEAD)) ?? []) consider(i);
  for (const i of a.byText.get(r.text) ?? []) consider(i); // a repeated wording moved far away
  if (prev >= 0 && next >= 0) {
    const from = Math.max(a.targets[prev]!.end, expected - GAP_REACH);
    const to = Math.min(a.targets[next]!.start, expected + GAP_REACH);
    // Bitap's cost grows with the text it scans: a fixed budget for the whole revision.
    if (to - from > 2 * WINDOW && lookup.bitapBudget >= 2 * (to - from)) {
      lookup.bitapBudget -= 2 * (to - from);
      for (const span of locate(a.newText, r.text, from, to, expected)) {
        for (const i of overlapping(a.segments, a.starts, span.start, span.end)) consider(i);
      }
    }
  }
  return [...scored.values()].filter(acceptable);
}

/** New segments by their first and last HEAD characters. */
function endsOf(a: Assignment): NonNullable<Lookup['ends']> {
  const byHead = new Map<string, number[]>();
  const byTail = new Map<string, number[]>();
  a.segments.forEach((s, i) => {
    pushTo(byHead, s.text.slice(0, HEAD), i);
    pushTo(byTail, s.text.slice(-HEAD), i);
  });
  return { byHead, byTail };
}
