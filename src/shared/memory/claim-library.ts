// The claim memory in memory: every article's claims (memory-article.ts) over one
// BM25 index (bm25-index.ts), answering library-wide search and "seen before".
// Process-free: the backend (src/backend/memory/) feeds it articles, reads and
// writes its file, and decides when; this decides what matches.
import { Bm25Index, type TermGroup } from './bm25-index';
import { compareClaims, prepareClaim, type PreparedClaim } from './claim-match';
import type { MemoryArticle, MemoryClaim } from './memory-article';
import type { SearchAnswer, SearchField, SearchGroup, SearchHit, SearchRequest, SeenBeforeMatch } from './memory-contract';
import { parseQuery, type ParsedQuery } from './search-query';
import { CANDIDATES, MAX_MATCHES, MIN_WORDS } from './thresholds';
import { indexTerms, wordCount } from './tokens';

/** Words in more than this share of claims say little about which claim is meant. */
const COMMON_SHARE = 0.1;
/** Candidates come from this many of a claim's rarest words. */
const TELLING_TERMS = 8;
const SHORT = 1;
const CHECKED = 2;

interface Held {
  article: MemoryArticle;
  slots: number[];
}

export class ClaimLibrary {
  private index = new Bm25Index();
  private slotArticle: number[] = [];
  private slotClaim: number[] = [];
  private slotFlags = new Uint8Array(1024);
  private held: (Held | undefined)[] = [];
  private readonly byId = new Map<string, number>();
  private claims = 0;

  get articleCount(): number {
    return this.byId.size;
  }

  get claimCount(): number {
    return this.claims;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  stampOf(id: string): string | undefined {
    const n = this.byId.get(id);
    return n === undefined ? undefined : this.held[n]!.article.stamp;
  }

  get(id: string): MemoryArticle | undefined {
    const n = this.byId.get(id);
    return n === undefined ? undefined : this.held[n]!.article;
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  *articles(): Iterable<MemoryArticle> {
    for (const held of this.held) if (held) yield held.article;
  }

  /** Half the index is claims since replaced: build a fresh library from `articles()`. */
  wantsRebuild(): boolean {
    return this.index.deadShare() > 0.5 && this.claims > 1_000;
  }

  /** Adds the article, or replaces what the library held of it. */
  upsert(article: MemoryArticle): void {
    let n = this.byId.get(article.id);
    if (n === undefined) {
      n = this.held.length;
      this.held.push(undefined);
      this.byId.set(article.id, n);
    } else {
      this.dropSlots(this.held[n]!);
    }
    const slots: number[] = [];
    article.claims.forEach((claim, i) => {
      const slot = this.index.add(indexTerms(documentText(article, claim)));
      if (slot >= this.slotFlags.length) {
        const flags = new Uint8Array(this.slotFlags.length * 2);
        flags.set(this.slotFlags);
        this.slotFlags = flags;
      }
      this.slotArticle[slot] = n;
      this.slotClaim[slot] = i;
      this.slotFlags[slot] = (wordCount(claim.text) < MIN_WORDS ? SHORT : 0) | (isChecked(claim) ? CHECKED : 0);
      slots.push(slot);
    });
    this.held[n] = { article, slots };
    this.claims += slots.length;
  }

  remove(id: string): void {
    const n = this.byId.get(id);
    if (n === undefined) return;
    this.dropSlots(this.held[n]!);
    this.held[n] = undefined;
    this.byId.delete(id);
  }

  private dropSlots(held: Held): void {
    for (const slot of held.slots) this.index.remove(slot);
    this.claims -= held.slots.length;
  }

  private at(slot: number): { article: MemoryArticle; claim: MemoryClaim; number: number } {
    const article = this.held[this.slotArticle[slot]!]!.article;
    const i = this.slotClaim[slot]!;
    return { article, claim: article.claims[i]!, number: i + 1 };
  }

  // ---- library-wide search -------------------------------------------------------

  search(request: SearchRequest): SearchAnswer {
    const query = parseQuery(request.query, (prefix, max) => this.index.expand(prefix, max));
    if (query.groups.length === 0) return { terms: [], matched: 'none', total: 0, articles: 0, groups: [] };
    const seen = new Set<number>();
    const accept = this.filterFor(request, query, seen);
    let matched: SearchAnswer['matched'] = 'all';
    let result = this.index.match(query.groups, 'all', request.limit, accept);
    if (result.total === 0 && query.groups.length > 1 && query.phrases.length === 0) {
      seen.clear();
      matched = 'some';
      result = this.index.match(query.groups, 'any', request.limit, accept);
    }
    if (result.total === 0) return { terms: query.terms, matched: 'none', total: 0, articles: 0, groups: [] };
    const groups = new Map<string, SearchGroup>();
    const wanted = new Set(query.groups.flatMap((g) => g.terms));
    for (const { slot, score } of result.top) {
      const { article, claim, number } = this.at(slot);
      let group = groups.get(article.id);
      if (!group) {
        group = { articleId: article.id, title: article.title, date: article.date, hits: [] };
        groups.set(article.id, group);
      }
      const hit: SearchHit = { ...verdictView(article, claim, number), fields: fieldsMatching(article, claim, wanted), score };
      group.hits.push(hit);
    }
    return { terms: query.terms, matched, total: result.total, articles: seen.size, groups: [...groups.values()] };
  }

  private filterFor(request: SearchRequest, query: ParsedQuery, seen: Set<number>): (slot: number) => boolean {
    const statuses = request.statuses && request.statuses.length > 0 ? new Set(request.statuses) : null;
    const checker = request.checker?.trim().toLowerCase() || null;
    const { from, to } = request;
    const byVerdict = request.dateOf === 'verdict';
    const plain = !statuses && checker === null && !from && !to && query.phrases.length === 0;
    const slotArticle = this.slotArticle;
    return (slot) => {
      const n = slotArticle[slot]!;
      if (!plain) {
        const article = this.held[n]!.article;
        const claim = article.claims[this.slotClaim[slot]!]!;
        if (statuses && !statuses.has(claim.status)) return false;
        if (checker !== null && claim.checker.toLowerCase() !== checker) return false;
        if (from || to) {
          const day = byVerdict ? claim.checkedAt : article.date;
          if (!day || (from && day < from) || (to && day > to)) return false;
        }
        if (query.phrases.length > 0 && !query.phrases.every((p) => hasPhrase(article, claim, p))) return false;
      }
      seen.add(n);
      return true;
    };
  }

  // ---- seen before ---------------------------------------------------------------

  /**
   * Claims of other articles like `text`: BM25 candidates re-ranked by wording
   * (claim-match.ts). Empty for a claim under MIN_WORDS words.
   */
  seenBefore(articleId: string, text: string, options: { includeUnchecked?: boolean } = {}): SeenBeforeMatch[] {
    const draft = prepareClaim(text);
    if (draft.words < MIN_WORDS) return [];
    const own = this.byId.get(articleId);
    const needed = options.includeUnchecked ? 0 : CHECKED;
    const groups = this.telling([...new Set(indexTerms(text))]);
    const { top } = this.index.match(groups, 'any', CANDIDATES, (slot) => {
      const flags = this.slotFlags[slot]!;
      return (flags & SHORT) === 0 && (flags & needed) === needed && this.slotArticle[slot] !== own;
    });
    const matches: SeenBeforeMatch[] = [];
    const prepared = new Map<string, PreparedClaim>();
    for (const { slot } of top) {
      const { article, claim, number } = this.at(slot);
      const earlier = prepared.get(claim.text) ?? prepareClaim(claim.text);
      prepared.set(claim.text, earlier);
      const { level, similarity, differences } = compareClaims(earlier, draft);
      if (!level) continue;
      matches.push({ level, similarity, articleId: article.id, title: article.title, date: article.date, ...verdictView(article, claim, number), differences });
    }
    matches.sort((a, b) => (a.level === b.level ? b.similarity - a.similarity : a.level === 'same' ? -1 : 1));
    return matches.slice(0, MAX_MATCHES);
  }

  /**
   * The claim's terms that tell claims apart: its rarest words (a claim seen before
   * shares them; words in most claims add time, not candidates).
   */
  private telling(terms: string[]): TermGroup[] {
    const limit = Math.max(50, COMMON_SHARE * this.index.liveDocuments);
    const byRarity = terms.map((t) => ({ t, df: this.index.documentFrequency(t) })).filter((x) => x.df > 0).sort((a, b) => a.df - b.df);
    const rare = byRarity.filter((x) => x.df <= limit);
    const kept = (rare.length >= 3 ? rare : byRarity).slice(0, TELLING_TERMS);
    return kept.map(({ t }) => ({ terms: [t] }));
  }
}

/** Whether one of the claim's fields holds the phrase (lowercased, spaces collapsed), cheapest field first. */
function hasPhrase(article: MemoryArticle, claim: MemoryClaim, phrase: string): boolean {
  const holds = (text: string) => text !== '' && (text.toLowerCase().includes(phrase) || (/\s\s|[\t\n]/.test(text) && text.toLowerCase().replace(/\s+/g, ' ').includes(phrase)));
  return holds(claim.text) || holds(claim.note) || holds(claim.correction) || claim.sources.some((i) => holds(article.sources[i]!.title));
}

function isChecked(claim: MemoryClaim): boolean {
  return claim.status !== 'unchecked' || claim.note !== '' || claim.correction !== '' || claim.sources.length > 0;
}

/** What the index holds for a claim: its words, its note and correction, and its sources' titles and addresses. */
function documentText(article: MemoryArticle, claim: MemoryClaim): string {
  let text = claim.text;
  if (claim.note) text += `\n${claim.note}`;
  if (claim.correction) text += `\n${claim.correction}`;
  for (const i of claim.sources) {
    const source = article.sources[i]!;
    text += `\n${source.title} ${source.url}`;
  }
  return text;
}

function verdictView(article: MemoryArticle, claim: MemoryClaim, number: number) {
  return {
    claimId: claim.id,
    number,
    text: claim.text,
    status: claim.status,
    checker: claim.checker,
    checkedAt: claim.checkedAt,
    note: claim.note,
    correction: claim.correction,
    sources: claim.sources.map((i) => ({ ...article.sources[i]! })),
  };
}

function fieldsMatching(article: MemoryArticle, claim: MemoryClaim, wanted: ReadonlySet<string>): SearchField[] {
  const has = (text: string) => text !== '' && indexTerms(text).some((t) => wanted.has(t));
  const fields: SearchField[] = [];
  if (has(claim.text)) fields.push('claim');
  if (has(claim.note)) fields.push('note');
  if (has(claim.correction)) fields.push('correction');
  if (claim.sources.some((i) => has(`${article.sources[i]!.title} ${article.sources[i]!.url}`))) fields.push('source');
  return fields;
}
