// The state the passes share, made explicit: which old record went to which new
// segment, and what is taken. Each pass reads it and adds matches with `take`;
// nothing is ever unassigned, so a later pass only fills what earlier ones left.
import type { Segment } from '../extract';
import { longestInOrder, overlapping, overlapsAny, type Span } from './spans';
import type { Anchorable, MatchMethod } from './types';

/** One old record weighed against one new segment by a best-first step. */
export interface Candidate {
  /** Index into `records`. */
  old: number;
  /** Index into `segments`. */
  cand: number;
  score: number;
  /** Word similarity of the two wordings (0..1). */
  q: number;
  /** Alike as whole sentences, not as one half of a split or merge: only these can be lookalikes. */
  whole: boolean;
}

/** Where an old record landed. */
export interface Target extends Span {
  /** Index into `segments`, or -1 for a span the extractor did not produce (a checker's split or merge). */
  index: number;
  method: MatchMethod;
  similarity: number;
  /** The candidate that won it, for matches assigned best-first: its confidence is judged on it. */
  won?: Candidate;
}

export interface Assignment {
  readonly oldText: string;
  /** The old claims and set-aside segments, in the order given. */
  readonly records: readonly Anchorable[];
  readonly newText: string;
  /** The new text's extracted segments (claims and set-aside), in text order. */
  readonly segments: readonly Segment[];
  readonly starts: readonly number[];
  /** Indices of `records` in old text order. */
  readonly order: readonly number[];
  /** Per segment: the index of the record it received, or -1. */
  readonly owner: Int32Array;
  /** Per record: where it landed, if anywhere yet. */
  readonly targets: (Target | undefined)[];
  /** Spans the extractor did not produce that a record took (a checker's own split or merge). */
  readonly free: Span[];
  /** Segment indices by exact wording. */
  readonly byText: ReadonlyMap<string, number[]>;
  /** Every candidate the best-first steps weighed: the rivals a match is judged against. */
  readonly contests: Candidate[];
  /** Per record the approximate pass looked for: its acceptable candidates (whose words an orphan's are now part of). */
  readonly candidatesOf: Map<number, Candidate[]>;
}

export function createAssignment(oldText: string, records: readonly Anchorable[], newText: string, segments: readonly Segment[]): Assignment {
  const byText = new Map<string, number[]>();
  segments.forEach((s, i) => pushTo(byText, s.text, i));
  return {
    oldText,
    records,
    newText,
    segments,
    starts: segments.map((s) => s.start),
    order: records.map((_, i) => i).sort((a, b) => records[a]!.start - records[b]!.start),
    owner: new Int32Array(segments.length).fill(-1),
    targets: new Array<Target | undefined>(records.length),
    free: [],
    byText,
    contests: [],
    candidatesOf: new Map(),
  };
}

export function take(a: Assignment, old: number, target: Target): void {
  a.targets[old] = target;
  if (target.index >= 0) a.owner[target.index] = old;
  else a.free.push({ start: target.start, end: target.end });
}

/** Takes a whole segment for a record. */
export function takeSegment(a: Assignment, old: number, index: number, method: MatchMethod, similarity: number, won?: Candidate): void {
  const { start, end } = a.segments[index]!;
  take(a, old, { start, end, index, method, similarity, ...(won ? { won } : {}) });
}

/** A segment already received a record, or lies under a span a record took. */
export function isTaken(a: Assignment, index: number): boolean {
  return a.owner[index] !== -1 || overlapsAny(a.free, a.segments[index]!.start, a.segments[index]!.end);
}

/** [start, end) overlaps something already taken. */
export function overlapsTaken(a: Assignment, start: number, end: number): boolean {
  return overlapsAny(a.free, start, end) || overlapping(a.segments, a.starts, start, end).some((i) => a.owner[i] !== -1);
}

/** The checker split or merged it, so its span need not be one the extractor draws. */
export function resegmented(record: Anchorable): boolean {
  return record.history.some((h) => h.kind === 'split' || h.kind === 'merge');
}

/** The matched records that kept their order: the rest moved. */
export function inOrder(a: Assignment): Set<number> {
  return longestInOrder(a.order.filter((o) => a.targets[o]).map((o) => [o, a.targets[o]!.start] as const));
}

/**
 * For each position k in `a.order`, the nearest record before and after it that
 * `isAnchor` accepts (-1 if none): the stretch a record must be in if it did not move.
 */
export function neighbours(a: Assignment, isAnchor: (old: number) => boolean): { prev: Int32Array; next: Int32Array } {
  const n = a.order.length;
  const prev = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  for (let k = 1; k < n; k++) prev[k] = isAnchor(a.order[k - 1]!) ? a.order[k - 1]! : prev[k - 1]!;
  for (let k = n - 2; k >= 0; k--) next[k] = isAnchor(a.order[k + 1]!) ? a.order[k + 1]! : next[k + 1]!;
  return { prev, next };
}

/** Where record `old` would start now if it shifted as much as the matched record `anchor` did. */
export function shiftedLike(a: Assignment, old: number, anchor: number): number {
  return a.records[old]!.start + (a.targets[anchor]!.start - a.records[anchor]!.start);
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
