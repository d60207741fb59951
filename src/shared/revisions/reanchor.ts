// Re-anchoring: carries an article's claims (and their verdicts) over to a new
// revision of its text. Pure and process-free: the handler loads, calls this, saves.
//
// Each old claim is looked for in the new text, cheapest first:
//   1. exact position: the same words at the same offsets;
//   2. exact quote: wordings unique on both sides first, then repeated ones to the
//      nearest copy within reach of where the claim should be;
//   3. approximate: new claims within a window of where it should be (judged from
//      the in-order neighbours before and after it), else new claims sharing its
//      first or last 32 characters, else the places diff-match-patch's match_main
//      finds for the quote's head and tail between its neighbours; each scored on
//      word similarity (0.7), context similarity (0.15) and nearness (0.15). Below
//      MIN_QUOTE_SIMILARITY or MIN_SCORE there is no match.
// Matches land on the new text's extracted claims, so offsets are exactly the
// extractor's (an exact match of a claim the checker split or merged keeps the
// checker's span). One new claim receives at most one old claim: candidates are
// assigned best score first.
//   - Split (one sentence became two): the half that matches best keeps the
//     verdict and is flagged changed; the other half arrives as a new claim.
//   - Merge (two sentences became one): the better-matching old claim keeps its
//     verdict and the merged claim is flagged changed; the other becomes an
//     orphan with its verdict and notes, its history saying which new claim now
//     holds its words. Verdicts are never combined automatically: the merged
//     wording has not been checked as a whole.
// "Moved" means relocated relative to the other claims (outside the longest run
// kept in order); offsets shifted by edits elsewhere are not a move and write no
// history. A claim found unchanged in place gets no history entry either.
import { describeRange } from '../claim-edits';
import { extractClaims } from '../extract';
import { hasVerdict, quoteShort } from '../verdicts';
import { UNCHECKED, type Claim, type ExtractedClaim, type HistoryEntry } from '../model';
import { anchorOf, contextSimilarity, type Anchor } from './anchor';
import { matcher } from './similarity';
import { changedFacts, describeFacts, wordSimilarityOf, wordsOf, type FactChange } from './word-diff';

export type Outcome = 'unchanged' | 'moved' | 'changed' | 'orphaned';
export type MatchMethod = 'position' | 'quote' | 'approximate';

export interface ClaimOutcome {
  /** The old claim's id (kept by the claim it became, or by the orphan). */
  claimId: string;
  outcome: Outcome;
  method?: MatchMethod;
  /** 0..1 word similarity of old and new wording (approximate matches). */
  similarity?: number;
  /** Numbers, dates and names that changed inside the claim. */
  facts?: FactChange[];
  /** Orphans only: the new claim that now holds most of its words (a merge). */
  absorbedBy?: string;
}

export interface ReanchorReport {
  unchanged: number;
  moved: number;
  changed: number;
  orphaned: number;
  added: number;
  /** One per old claim, in the order given. */
  outcomes: ClaimOutcome[];
}

export interface ReanchorResult {
  /** The new revision's claims in text order: carried-over and new ones. */
  claims: Claim[];
  /** Old claims not found in the new text, with a history entry saying so. */
  orphans: Claim[];
  report: ReanchorReport;
}

export interface ReanchorOptions {
  /** Ids for new claims (the core has no randomness of its own). */
  newId: () => string;
  /** The revision's number (2 for the first re-import), for readable history. */
  revisionNumber?: number;
}

/** Words of the quote must be at least this alike (0..1), and the combined score at least MIN_SCORE. */
export const MIN_QUOTE_SIMILARITY = 0.4;
export const MIN_SCORE = 0.55;
/** How far (chars) from the expected position the approximate pass looks for candidates. */
const WINDOW = 2_000;
const HEAD = 32;
/** How far from the expected position match_main searches, and how many characters it may scan in all. */
const GAP_REACH = 4 * WINDOW;
const BITAP_BUDGET = 4_000_000;

interface Target {
  start: number;
  end: number;
  /** Index into the new extracted claims, or -1 for a span the extractor did not produce. */
  index: number;
  method: MatchMethod;
  similarity: number;
}

interface Pair {
  old: number;
  cand: number;
  score: number;
  q: number;
}

export function reanchorClaims(
  oldText: string,
  oldClaims: readonly Claim[],
  newText: string,
  newRevisionId: string,
  at: string,
  by: string,
  options: ReanchorOptions,
): ReanchorResult {
  const extracted = extractClaims(newText);
  const starts = extracted.map((c) => c.start);
  const owner = new Int32Array(extracted.length).fill(-1); // old claim index per new claim
  const targets: (Target | undefined)[] = new Array(oldClaims.length);
  const free: Span2[] = []; // exact matches on spans the extractor did not produce
  const order = oldClaims.map((_, i) => i).sort((a, b) => oldClaims[a]!.start - oldClaims[b]!.start);

  const take = (o: number, t: Target) => {
    targets[o] = t;
    if (t.index >= 0) owner[t.index] = o;
    else free.push({ start: t.start, end: t.end });
  };

  // 1. Exact position.
  const byRange = new Map<string, number>();
  extracted.forEach((c, i) => byRange.set(`${c.start}:${c.end}`, i));
  for (const o of order) {
    const c = oldClaims[o]!;
    if (!newText.startsWith(c.text, c.start) || c.end - c.start !== c.text.length) continue;
    const i = byRange.get(`${c.start}:${c.end}`);
    if (i !== undefined && owner[i] === -1) take(o, { start: c.start, end: c.end, index: i, method: 'position', similarity: 1 });
    else if (i === undefined && resegmented(c) && !overlapsFree(free, c.start, c.end)) {
      take(o, { start: c.start, end: c.end, index: -1, method: 'position', similarity: 1 });
    }
  }

  // 2. Exact quote. First the wordings found once on each side: sure anchors, even
  // when moved far. Then repeated wordings ("He declined to comment."), each to the
  // nearest copy within reach of where it should be (the shift of the last match);
  // a repeated wording found only far away waits for pass 3, so an edited sentence
  // never steals the next copy of its twin from the claim it belongs to.
  const byText = new Map<string, number[]>();
  extracted.forEach((c, i) => {
    const list = byText.get(c.text);
    if (list) list.push(i);
    else byText.set(c.text, [i]);
  });
  const oldCount = new Map<string, number>();
  for (const c of oldClaims) oldCount.set(c.text, (oldCount.get(c.text) ?? 0) + 1);
  for (const o of order) {
    const c = oldClaims[o]!;
    const list = byText.get(c.text);
    if (targets[o] || oldCount.get(c.text) !== 1 || list?.length !== 1 || owner[list[0]!] !== -1) continue;
    const e = extracted[list[0]!]!;
    take(o, { start: e.start, end: e.end, index: list[0]!, method: 'quote', similarity: 1 });
  }
  let delta = 0;
  for (const o of order) {
    const c = oldClaims[o]!;
    const done = targets[o];
    if (done) {
      delta = done.start - c.start;
      continue;
    }
    const expected = c.start + delta;
    let best = -1;
    for (const i of byText.get(c.text) ?? []) {
      if (owner[i] !== -1 || Math.abs(starts[i]! - expected) > WINDOW) continue;
      if (best < 0 || Math.abs(starts[i]! - expected) < Math.abs(starts[best]! - expected)) best = i;
    }
    if (best >= 0) {
      take(o, { start: extracted[best]!.start, end: extracted[best]!.end, index: best, method: 'quote', similarity: 1 });
      delta = extracted[best]!.start - c.start;
      continue;
    }
    // A span the checker drew (split or merge) is not an extracted claim: look for its words nearby.
    // Only for those: an ordinary sentence found inside a longer new one is a merge, handled below.
    if (!resegmented(c)) continue;
    const pos = nearestOccurrence(newText, c.text, expected, WINDOW);
    const end = pos + c.text.length;
    if (pos >= 0 && !overlapsFree(free, pos, end) && !overlapsOwned(extracted, starts, owner, pos, end)) {
      take(o, { start: pos, end, index: -1, method: 'quote', similarity: 1 });
      delta = pos - c.start;
    }
  }

  // 3. Approximate, for the rest: expected positions from the claims kept in order.
  const inOrder = longestInOrder(order.filter((o) => targets[o]).map((o) => [o, targets[o]!.start] as const));
  const blocked = (i: number) => owner[i] !== -1 || overlapsFree(free, extracted[i]!.start, extracted[i]!.end);
  const pairs: Pair[] = [];
  const candidatesOf = new Map<number, Pair[]>();
  const newWords: (Words | undefined)[] = new Array(extracted.length);
  const wordsAt = (i: number) => (newWords[i] ??= words(extracted[i]!.text));
  // Heads and tails of the new claims: where a sentence that moved and was edited at its other end went.
  const byHead = new Map<string, number[]>();
  const byTail = new Map<string, number[]>();
  extracted.forEach((e, i) => {
    push(byHead, e.text.slice(0, HEAD), i);
    push(byTail, e.text.slice(-HEAD), i);
  });
  // The nearest claims kept in order before and after each old claim: the stretch it must be in if it did not move.
  const nextAnchor = new Int32Array(order.length).fill(-1);
  for (let k = order.length - 2; k >= 0; k--) {
    const o = order[k + 1]!;
    nextAnchor[k] = inOrder.has(o) ? o : nextAnchor[k + 1]!;
  }
  const shifted = (c: Claim, anchor: number) => c.start + (targets[anchor]!.start - oldClaims[anchor]!.start);
  let bitapBudget = BITAP_BUDGET;
  let prev = -1;
  const lenRatio = newText.length / Math.max(1, oldText.length);
  for (let k = 0; k < order.length; k++) {
    const o = order[k]!;
    if (targets[o]) {
      if (inOrder.has(o)) prev = o;
      continue;
    }
    const c = oldClaims[o]!;
    const next = nextAnchor[k]!;
    // Where it should be, judged from the anchor before it and from the one after it.
    const fromPrev = prev >= 0 ? shifted(c, prev) : undefined;
    const fromNext = next >= 0 ? shifted(c, next) : undefined;
    const expected = fromPrev ?? fromNext ?? Math.round(c.start * lenRatio);
    const expectedToo = fromNext ?? expected;
    const anchor = anchorOf(oldText, c.start, c.end);
    anchor.quote = c.text;
    const oldWords = words(c.text);
    const scored = new Map<number, Pair>();
    const consider = (i: number) => {
      if (scored.has(i) || blocked(i)) return;
      const near = Math.abs(starts[i]! - expected) <= Math.abs(starts[i]! - expectedToo) ? expected : expectedToo;
      scored.set(i, scorePair(o, i, anchor, oldWords, extracted[i]!, wordsAt(i), newText, near));
    };
    for (const e of expected === expectedToo ? [expected] : [expected, expectedToo]) {
      for (let i = lowerBound(starts, e - WINDOW); i < extracted.length && starts[i]! <= e + WINDOW; i++) consider(i);
    }
    let accepted = [...scored.values()].filter(acceptable);
    if (accepted.length === 0) {
      for (const i of byHead.get(c.text.slice(0, HEAD)) ?? []) consider(i);
      for (const i of byTail.get(c.text.slice(-HEAD)) ?? []) consider(i);
      for (const i of byText.get(c.text) ?? []) consider(i); // a repeated wording moved far away
      // Between its neighbours but beyond both windows (long insertions on both sides): fuzzy
      // search with match_main, within a fixed budget of characters so a revision that rewrote
      // a long stretch stays fast (bitap's cost grows with the text it scans).
      if (prev >= 0 && next >= 0) {
        const from = Math.max(targets[prev]!.end, expected - GAP_REACH);
        const to = Math.min(targets[next]!.start, expected + GAP_REACH);
        if (to - from > 2 * WINDOW && bitapBudget >= 2 * (to - from)) {
          bitapBudget -= 2 * (to - from);
          for (const pos of locate(newText, c.text, from, to, expected)) {
            for (const i of overlapping(extracted, starts, pos.start, pos.end)) consider(i);
          }
        }
      }
      accepted = [...scored.values()].filter(acceptable);
    }
    candidatesOf.set(o, accepted);
    pairs.push(...accepted);
  }
  pairs.sort((a, b) => b.score - a.score || a.old - b.old);
  for (const p of pairs) {
    if (targets[p.old] || owner[p.cand] !== -1) continue;
    const e = extracted[p.cand]!;
    take(p.old, { start: e.start, end: e.end, index: p.cand, method: 'approximate', similarity: p.q });
  }

  return build(oldClaims, newText, extracted, owner, targets, free, candidatesOf, order, {
    newRevisionId,
    at,
    by,
    options,
  });
}

interface Span2 {
  start: number;
  end: number;
}

/** The checker split or merged it, so its span need not be one the extractor draws. */
function resegmented(c: Claim): boolean {
  return c.history.some((h) => h.kind === 'split' || h.kind === 'merge');
}

function acceptable(p: Pair): boolean {
  return p.q >= MIN_QUOTE_SIMILARITY && p.score >= MIN_SCORE;
}

/** Word similarity of the quotes, with credit for a sentence split off or merged in. */
export function quoteSimilarity(a: string, b: string): number {
  return quoteSimilarityOf(words(a), words(b));
}

interface Words {
  list: string[];
  counts: Map<string, number>;
}

function words(text: string): Words {
  const list = wordsOf(text);
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { list, counts };
}

const COVER_WEIGHT = 0.7;
const COVER_MIN_WORDS = 5;

function quoteSimilarityOf(a: Words, b: Words): number {
  const { symmetric, cover, shorterWords } = wordSimilarityOf(a.list, b.list);
  return shorterWords >= COVER_MIN_WORDS ? Math.max(symmetric, COVER_WEIGHT * cover) : symmetric;
}

/** An upper bound of quoteSimilarityOf from the words both share (in any order): cheap, no diff. */
function similarityBound(a: Words, b: Words): number {
  let shared = 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  for (const [w, n] of small.counts) shared += Math.min(n, large.counts.get(w) ?? 0);
  const longer = Math.max(a.list.length, b.list.length);
  const shorter = Math.min(a.list.length, b.list.length);
  if (longer === 0) return 1;
  return Math.max(shared / longer, shorter >= COVER_MIN_WORDS ? (COVER_WEIGHT * shared) / shorter : 0);
}

function scorePair(o: number, i: number, anchor: Anchor, oldWords: Words, cand: ExtractedClaim, candWords: Words, newText: string, expected: number): Pair {
  const longer = Math.max(anchor.quote.length, cand.text.length);
  const shorter = Math.min(anchor.quote.length, cand.text.length);
  // Far apart in length: not the same sentence, nor one half of it.
  if (shorter * 5 < longer) return { old: o, cand: i, score: 0, q: 0 };
  if (similarityBound(oldWords, candWords) < MIN_QUOTE_SIMILARITY) return { old: o, cand: i, score: 0, q: 0 };
  const q = anchor.quote === cand.text ? 1 : quoteSimilarityOf(oldWords, candWords);
  if (q < MIN_QUOTE_SIMILARITY) return { old: o, cand: i, score: 0, q };
  const ctx = contextSimilarity(anchor, anchorOf(newText, cand.start, cand.end));
  // Decays without reaching 0, so that between two far candidates the nearer still wins.
  const near = 1 / (1 + Math.abs(cand.start - expected) / WINDOW);
  return { old: o, cand: i, score: 0.7 * q + 0.15 * ctx + 0.15 * near, q };
}

/**
 * Where diff-match-patch's fuzzy match_main finds the quote's head and tail in
 * text[from, to), searching out from `expected`. Bitap works on patterns of at
 * most Match_MaxBits (32) chars, hence the head/tail strategy.
 */
function locate(text: string, quote: string, from: number, to: number, expected: number): Span2[] {
  const found: Span2[] = [];
  const head = quote.slice(0, HEAD);
  const tail = quote.slice(-HEAD);
  const dmp = matcher();
  dmp.Match_Threshold = 0.35;
  // Nearness to `expected` counts little: the region is already the stretch it must be in.
  dmp.Match_Distance = 4 * (to - from);
  const region = text.slice(from, to);
  const loc = Math.max(0, Math.min(region.length, expected - from));
  const h = region ? dmp.match_main(region, head, loc) : -1;
  if (h >= 0) found.push({ start: from + h, end: from + h + quote.length });
  const t = region ? dmp.match_main(region, tail, Math.min(region.length, loc + quote.length - tail.length)) : -1;
  if (t >= 0) found.push({ start: from + t + tail.length - quote.length, end: from + t + tail.length });
  return found;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function nearestOccurrence(text: string, quote: string, expected: number, window: number): number {
  let best = -1;
  for (let at = text.indexOf(quote, Math.max(0, expected - window)); at >= 0 && at <= expected + window; at = text.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  return best;
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices of extracted claims overlapping [start, end). */
function overlapping(extracted: readonly ExtractedClaim[], starts: readonly number[], start: number, end: number): number[] {
  const out: number[] = [];
  // Claims do not overlap each other, so the first candidate is at most one before lowerBound(start).
  for (let i = Math.max(0, lowerBound(starts, start) - 1); i < extracted.length && starts[i]! < end; i++) {
    if (extracted[i]!.end > start) out.push(i);
  }
  return out;
}

function overlapsOwned(extracted: readonly ExtractedClaim[], starts: readonly number[], owner: Int32Array, start: number, end: number): boolean {
  return overlapping(extracted, starts, start, end).some((i) => owner[i] !== -1);
}

function overlapsFree(free: readonly Span2[], start: number, end: number): boolean {
  return free.some((s) => s.start < end && start < s.end);
}

/** The old claims (given in old order with their new starts) that form the longest run still in order. */
function longestInOrder(items: ReadonlyArray<readonly [number, number]>): Set<number> {
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

interface Context {
  newRevisionId: string;
  at: string;
  by: string;
  options: ReanchorOptions;
}

function build(
  oldClaims: readonly Claim[],
  newText: string,
  extracted: readonly ExtractedClaim[],
  owner: Int32Array,
  targets: readonly (Target | undefined)[],
  free: readonly Span2[],
  candidatesOf: ReadonlyMap<number, Pair[]>,
  order: readonly number[],
  { newRevisionId, at, by, options }: Context,
): ReanchorResult {
  const rev = options.revisionNumber !== undefined ? `revision ${options.revisionNumber}` : `revision ${newRevisionId}`;
  const entry = (detail: string): HistoryEntry => ({ at, by, kind: 'reanchor', changes: [], detail: `${rev}: ${detail}` });
  const inOrder = longestInOrder(order.filter((o) => targets[o]).map((o) => [o, targets[o]!.start] as const));
  const report: ReanchorReport = { unchanged: 0, moved: 0, changed: 0, orphaned: 0, added: 0, outcomes: [] };
  const claims: Claim[] = [];
  const orphans: Claim[] = [];

  oldClaims.forEach((old, o) => {
    const t = targets[o];
    if (!t) {
      const absorbed = candidatesOf.get(o)?.filter((p) => owner[p.cand] !== -1).sort((a, b) => b.q - a.q)[0];
      const holder = absorbed ? oldClaims[owner[absorbed.cand]!] : undefined;
      const detail = absorbed
        ? `not found on its own; its words are now part of “${quoteShort(extracted[absorbed.cand]!.text)}”`
        : 'not found in the new text';
      orphans.push({ ...old, history: [...old.history, entry(detail)] });
      report.orphaned++;
      report.outcomes.push({ claimId: old.id, outcome: 'orphaned', ...(holder ? { absorbedBy: holder.id } : {}) });
      return;
    }
    const base = t.index >= 0 ? extracted[t.index]! : describeRange(newText, t.start, t.end, old.section);
    const moved = !inOrder.has(o);
    const claim: Claim = {
      ...base,
      id: old.id,
      verdict: old.verdict,
      history: old.history,
      ...(old.changed ? { changed: old.changed } : {}),
    };
    if (base.text === old.text) {
      if (moved) {
        claim.history = [...old.history, entry('moved, matched exactly')];
        report.moved++;
      } else report.unchanged++;
      report.outcomes.push({ claimId: old.id, outcome: moved ? 'moved' : 'unchanged', method: t.method, similarity: 1 });
      claims.push(claim);
      return;
    }
    const facts = changedFacts(old, base);
    const similarity = Math.round(t.similarity * 100) / 100;
    const how = `${moved ? 'moved and ' : ''}matched approximately (similarity ${similarity.toFixed(2)})`;
    const factNote = facts.length > 0 ? `; ${describeFacts(facts)}` : '';
    claim.history = [...old.history, entry(`${how}; was “${old.text}”${factNote}`)];
    const previousText = old.changed?.previousText ?? old.text;
    if (previousText === base.text) delete claim.changed; // edited back to the wording that was checked
    else if (old.changed || hasVerdict(old.verdict)) claim.changed = { previousText, revisionId: newRevisionId, at };
    report.changed++;
    report.outcomes.push({ claimId: old.id, outcome: 'changed', method: t.method, similarity, facts });
    claims.push(claim);
  });

  extracted.forEach((e, i) => {
    if (owner[i] !== -1 || overlapsFree(free, e.start, e.end)) return;
    claims.push({ ...e, id: options.newId(), verdict: { ...UNCHECKED }, history: [] });
    report.added++;
  });
  claims.sort((a, b) => a.start - b.start);
  return { claims, orphans, report };
}
