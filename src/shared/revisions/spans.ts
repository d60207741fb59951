// Small search helpers over sorted offsets and spans, shared by the passes.
import type { ExtractedClaim } from '../model';

export interface Span {
  start: number;
  end: number;
}

/** The first index whose value is at least x (xs sorted ascending). */
export function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices of the segments overlapping [start, end) (segments sorted, not overlapping each other). */
export function overlapping(segments: readonly ExtractedClaim[], starts: readonly number[], start: number, end: number): number[] {
  const out: number[] = [];
  // The first candidate is at most one before lowerBound(start).
  for (let i = Math.max(0, lowerBound(starts, start) - 1); i < segments.length && starts[i]! < end; i++) {
    if (segments[i]!.end > start) out.push(i);
  }
  return out;
}

export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

/** Where `quote` occurs in `text` nearest to `expected`, at most `window` away; -1 if nowhere. */
export function nearestOccurrence(text: string, quote: string, expected: number, window: number): number {
  let best = -1;
  for (let at = text.indexOf(quote, Math.max(0, expected - window)); at >= 0 && at <= expected + window; at = text.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  return best;
}

/** Of the items (a key and a new start, given in old order), the keys of the longest run whose starts still rise. */
export function longestInOrder(items: ReadonlyArray<readonly [number, number]>): Set<number> {
  // Patience sorting: O(n log n).
  const tails: number[] = []; // index into items
  const parent = new Int32Array(items.length).fill(-1);
  for (let k = 0; k < items.length; k++) {
    const v = items[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[tails[mid]!]![1] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const keep = new Set<number>();
  for (let k = tails.at(-1) ?? -1; k >= 0; k = parent[k]!) keep.add(items[k]![0]);
  return keep;
}
