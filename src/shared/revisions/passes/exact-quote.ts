// Pass 2, exact quote: the same words elsewhere. Three steps:
//   1. wordings found once on each side: sure anchors, even when moved far;
//   2. repeated wordings ("He declined to comment."): the copies within reach of
//      where the claim should be (judged from its in-order neighbours). Where
//      claims compete for copies, each pair is scored on context and nearness and
//      assigned best-first, so the copy whose surroundings are the claim's own goes
//      to it, and a claim whose own copy was deleted does not take its twin's. A
//      copy found only far away waits for pass 3, so an edited sentence never
//      steals the next copy of its twin;
//   3. spans the checker drew (a split or merge), which the extractor does not
//      produce: their words, nearest to where they should be.
import { anchorOf, contextSimilarity } from '../anchor';
import { inOrder, neighbours, overlapsTaken, resegmented, shiftedLike, take, takeSegment, type Assignment, type Candidate } from '../assignment';
import { nearestOccurrence } from '../spans';
import { WINDOW } from '../weights';
import { assignBestFirst } from './best-first';
import { nearness, weighted } from './score';

export function exactQuote(a: Assignment): void {
  uniqueWordings(a);
  repeatedWordings(a);
  checkerSpans(a);
}

function uniqueWordings(a: Assignment): void {
  const oldCount = new Map<string, number>();
  for (const r of a.records) oldCount.set(r.text, (oldCount.get(r.text) ?? 0) + 1);
  for (const o of a.order) {
    const text = a.records[o]!.text;
    const copies = a.byText.get(text);
    if (a.targets[o] || oldCount.get(text) !== 1 || copies?.length !== 1 || a.owner[copies[0]!] !== -1) continue;
    takeSegment(a, o, copies[0]!, 'quote', 1);
  }
}

function repeatedWordings(a: Assignment): void {
  const kept = inOrder(a);
  const { prev, next } = neighbours(a, (o) => kept.has(o));
  const reach: [old: number, copy: number, expected: number][] = [];
  const wanted = new Map<number, number>(); // copy → how many records it is within reach of
  a.order.forEach((o, k) => {
    const r = a.records[o]!;
    const copies = a.targets[o] ? undefined : a.byText.get(r.text);
    if (!copies) return;
    // Where it should be, judged from the in-order match before it and from the one after it.
    const fromPrev = prev[k]! >= 0 ? shiftedLike(a, o, prev[k]!) : r.start;
    const fromNext = next[k]! >= 0 ? shiftedLike(a, o, next[k]!) : fromPrev;
    for (const i of copies) {
      const start = a.starts[i]!;
      const expected = Math.abs(start - fromPrev) <= Math.abs(start - fromNext) ? fromPrev : fromNext;
      if (a.owner[i] !== -1 || Math.abs(start - expected) > WINDOW) continue;
      reach.push([o, i, expected]);
      wanted.set(i, (wanted.get(i) ?? 0) + 1);
    }
  });
  // A record with one copy in reach that no other record reaches takes it: nothing to weigh.
  // The rest are weighed on context and nearness.
  const copiesOf = new Map<number, number>();
  for (const [o] of reach) copiesOf.set(o, (copiesOf.get(o) ?? 0) + 1);
  const candidates: Candidate[] = [];
  for (const [o, i, expected] of reach) {
    if (copiesOf.get(o) === 1 && wanted.get(i) === 1) {
      takeSegment(a, o, i, 'quote', 1);
      continue;
    }
    const r = a.records[o]!;
    const context = contextSimilarity(anchorOf(a.oldText, r.start, r.end), anchorOf(a.newText, a.starts[i]!, a.segments[i]!.end));
    candidates.push({ old: o, cand: i, score: weighted(1, context, nearness(a.starts[i]!, expected)), q: 1, whole: true });
  }
  assignBestFirst(a, candidates, 'quote');
}

function checkerSpans(a: Assignment): void {
  let delta = 0; // how far the last match before it moved
  for (const o of a.order) {
    const r = a.records[o]!;
    const done = a.targets[o];
    if (done) {
      delta = done.start - r.start;
      continue;
    }
    // Only for those: an ordinary sentence found inside a longer new one is a merge, for pass 3.
    if (!resegmented(r)) continue;
    const pos = nearestOccurrence(a.newText, r.text, r.start + delta, WINDOW);
    const end = pos + r.text.length;
    if (pos >= 0 && !overlapsTaken(a, pos, end)) {
      take(a, o, { start: pos, end, index: -1, method: 'quote', similarity: 1 });
      delta = pos - r.start;
    }
  }
}
