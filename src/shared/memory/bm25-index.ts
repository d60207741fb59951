// A BM25 inverted index over numbered documents (the claim memory's slots), in
// typed arrays: 600,000 claims take tens of megabytes, not hundreds, and a query
// walks flat arrays. Documents are only ever appended; a removed one is marked
// dead and skipped (its slot is never reused, so each posting list stays sorted
// by slot, which lets "every word" queries intersect by binary search). IDF and
// average length count the dead too: an approximation that a rebuild (every
// launch, or when half the slots are dead) takes away.
//
// Why not MiniSearch or FlexSearch: measured on 600,000 synthetic claims here,
// MiniSearch took 7.6 s to add them with a 880 MB heap and 40–350 ms per query;
// FlexSearch took 7.9 s and 420 MB, answered in up to 80 ms, and does not rank
// by BM25. See bench/memory.bench.ts.

const K1 = 1.2;
const B = 0.6;

interface Postings {
  slots: Int32Array;
  tfs: Uint8Array;
  n: number;
}

/** A query word: one term, or the terms a prefix expands to (any of them matches). */
export interface TermGroup {
  terms: readonly string[];
}

export interface Scored {
  slot: number;
  score: number;
}

export interface MatchResult {
  /** The best `limit` matches, best first. */
  top: Scored[];
  /** How many documents matched (and were accepted), in all. */
  total: number;
}

export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings[] = [];
  private lengths = new Uint16Array(1024);
  private alive = new Uint8Array(1024);
  private slots = 0;
  private dead = 0;
  private totalLength = 0;
  private scratch = new Float64Array(0);
  private sortedTerms: string[] | null = null;

  /** Adds a document of these terms (in any order, repeats counted); returns its slot. */
  add(terms: readonly string[]): number {
    const slot = this.slots++;
    if (slot >= this.alive.length) this.grow();
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.postings.length;
        this.termIds.set(term, id);
        this.postings.push({ slots: new Int32Array(4), tfs: new Uint8Array(4), n: 0 });
        this.sortedTerms = null;
      }
      const list = this.postings[id]!;
      if (list.n === list.slots.length) {
        const slots = new Int32Array(list.n * 2);
        slots.set(list.slots);
        const tfs = new Uint8Array(list.n * 2);
        tfs.set(list.tfs);
        list.slots = slots;
        list.tfs = tfs;
      }
      list.slots[list.n] = slot;
      list.tfs[list.n] = Math.min(tf, 255);
      list.n++;
    }
    const length = Math.min(terms.length, 65_535);
    this.lengths[slot] = length;
    this.totalLength += length;
    this.alive[slot] = 1;
    return slot;
  }

  remove(slot: number): void {
    if (slot < 0 || slot >= this.slots || this.alive[slot] === 0) return;
    this.alive[slot] = 0;
    this.dead++;
  }

  isAlive(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  /** The share of slots that are dead: past a half, a rebuild pays for itself. */
  deadShare(): number {
    return this.slots === 0 ? 0 : this.dead / this.slots;
  }

  get liveDocuments(): number {
    return this.slots - this.dead;
  }

  /** How many documents hold the term (dead ones included). */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postings[id]!.n;
  }

  /** The indexed terms that start with `prefix`, most frequent first, at most `max`. */
  expand(prefix: string, max: number): string[] {
    if (!this.sortedTerms) this.sortedTerms = [...this.termIds.keys()].sort();
    const terms = this.sortedTerms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) found.push(terms[i]!);
    found.sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a));
    return found.slice(0, max);
  }

  /**
   * Documents holding a term of every group ("all") or of any group ("any"),
   * ranked by BM25; `accept` filters (status, checker, article…) before ranking.
   */
  match(groups: readonly TermGroup[], mode: 'all' | 'any', limit: number, accept: (slot: number) => boolean): MatchResult {
    const lists = groups.map((g) => g.terms.map((t) => this.termIds.get(t)).filter((id) => id !== undefined).map((id) => this.postings[id!]!));
    if (mode === 'all') {
      if (lists.length === 0 || lists.some((l) => l.length === 0)) return { top: [], total: 0 };
      return this.matchAll(lists, limit, accept);
    }
    return this.matchAny(lists.filter((l) => l.length > 0), limit, accept);
  }

  private idf(list: Postings): number {
    return Math.log(1 + (this.slots - list.n + 0.5) / (list.n + 0.5));
  }

  private matchAny(groups: Postings[][], limit: number, accept: (slot: number) => boolean): MatchResult {
    if (this.scratch.length < this.slots) this.scratch = new Float64Array(Math.max(this.slots, this.scratch.length * 2));
    const scores = this.scratch;
    const alive = this.alive;
    const lengths = this.lengths;
    const touched: number[] = [];
    const norm = B / (this.totalLength / Math.max(1, this.slots) || 1);
    for (const group of groups) {
      for (const list of group) {
        const idf = this.idf(list);
        const { slots, tfs, n } = list;
        for (let i = 0; i < n; i++) {
          const slot = slots[i]!;
          if (alive[slot] === 0) continue;
          const tf = tfs[i]!;
          const score = scores[slot]!;
          if (score === 0) touched.push(slot);
          scores[slot] = score + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + norm * lengths[slot]!));
        }
      }
    }
    const heap = new TopK(limit);
    let total = 0;
    for (const slot of touched) {
      const score = scores[slot]!;
      scores[slot] = 0;
      if (!accept(slot)) continue;
      total++;
      heap.push(slot, score);
    }
    return { top: heap.sorted(), total };
  }

  private matchAll(groups: Postings[][], limit: number, accept: (slot: number) => boolean): MatchResult {
    const sizes = groups.map((g) => g.reduce((sum, l) => sum + l.n, 0));
    const order = groups.map((_, i) => i).sort((a, b) => sizes[a]! - sizes[b]!);
    const norm = B / (this.totalLength / Math.max(1, this.slots) || 1);
    const lengths = this.lengths;
    const first = groups[order[0]!]!;
    const rest = order.slice(1).map((i) => groups[i]!);
    const all = [first, ...rest];
    const idfs = all.map((group) => group.map((list) => this.idf(list)));
    // The rarest word's documents are the candidates (one list: already unique and in order).
    let candidates: Iterable<number>;
    if (first.length === 1) {
      const list = first[0]!;
      candidates = list.slots.subarray(0, list.n);
    } else {
      const set = new Set<number>();
      for (const list of first) for (let i = 0; i < list.n; i++) set.add(list.slots[i]!);
      candidates = set;
    }
    const heap = new TopK(limit);
    let total = 0;
    next: for (const slot of candidates) {
      if (this.alive[slot] === 0) continue;
      for (const group of rest) if (!group.some((list) => find(list, slot) >= 0)) continue next;
      if (!accept(slot)) continue;
      total++;
      let score = 0;
      const lengthNorm = K1 * (1 - B + norm * lengths[slot]!);
      all.forEach((group, g) => {
        group.forEach((list, l) => {
          const at = find(list, slot);
          if (at >= 0) {
            const tf = list.tfs[at]!;
            score += (idfs[g]![l]! * tf * (K1 + 1)) / (tf + lengthNorm);
          }
        });
      });
      heap.push(slot, score);
    }
    return { top: heap.sorted(), total };
  }

  private grow(): void {
    const size = this.alive.length * 2;
    const lengths = new Uint16Array(size);
    lengths.set(this.lengths);
    const alive = new Uint8Array(size);
    alive.set(this.alive);
    this.lengths = lengths;
    this.alive = alive;
  }
}

/** Where `slot` is in the (sorted) list, or -1. */
function find(list: Postings, slot: number): number {
  let lo = 0;
  let hi = list.n - 1;
  const slots = list.slots;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = slots[mid]!;
    if (v === slot) return mid;
    if (v < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The best k by score, kept in a min-heap; ties go to the earlier slot. */
class TopK {
  private readonly slots: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  push(slot: number, score: number): void {
    if (this.k <= 0) return;
    if (this.slots.length < this.k) {
      this.slots.push(slot);
      this.scores.push(score);
      this.up(this.slots.length - 1);
    } else if (score > this.scores[0]!) {
      this.slots[0] = slot;
      this.scores[0] = score;
      this.down(0);
    }
  }

  sorted(): Scored[] {
    return this.slots.map((slot, i) => ({ slot, score: this.scores[i]! })).sort((a, b) => b.score - a.score || a.slot - b.slot);
  }

  private swap(i: number, j: number): void {
    [this.slots[i], this.slots[j]] = [this.slots[j]!, this.slots[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.scores[parent]! <= this.scores[i]!) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.slots.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.scores[l]! < this.scores[m]!) m = l;
      if (r < n && this.scores[r]! < this.scores[m]!) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
