// The claim memory's operations as the contract names them (src/shared/contract.ts
// lists them): library-wide search, "seen before", reusing an earlier check, and the
// memory's own state. Shaped for a thin UI: results come grouped and ready to show
// (titles, dates, verdicts, sources, the differences in words), and `memory` on every
// answer says whether the index is still being read or built, with its progress.
import { z } from 'zod';
import { ArticleId, Claim, Source, Status } from '../model';

const Id = z.string().min(1).max(64);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'A date is written YYYY-MM-DD' });

export const MemoryState = z.enum(['idle', 'loading', 'building', 'ready', 'failed']);
export type MemoryState = z.infer<typeof MemoryState>;

/**
 * idle: not started (any memory operation starts it); loading: reading the index
 * file; building: reading article files (all of them when the index was missing or
 * damaged, else the ones changed since); ready; failed: `message` says why (search
 * then answers from what was read). `done`/`total` count article files while building.
 */
export const MemoryStatus = z.object({
  state: MemoryState,
  done: z.number().int(),
  total: z.number().int(),
  articles: z.number().int(),
  claims: z.number().int(),
  message: z.string().optional(),
});
export type MemoryStatus = z.infer<typeof MemoryStatus>;

export const MemorySourceRef = z.object({ kind: z.string(), title: z.string(), url: z.string() });

const ClaimVerdictView = {
  claimId: Id,
  /** The claim's position in its article, from 1. */
  number: z.number().int(),
  text: z.string(),
  status: Status,
  checker: z.string(),
  /** YYYY-MM-DD, empty when unchecked. */
  checkedAt: z.string(),
  note: z.string(),
  correction: z.string(),
  sources: z.array(MemorySourceRef),
};

export const SearchField = z.enum(['claim', 'note', 'correction', 'source']);
export type SearchField = z.infer<typeof SearchField>;

export const SearchInput = z.object({
  /** Words (every one must appear; the last may be the start of a word) and "quoted phrases". */
  query: z.string().max(1_000),
  statuses: z.array(Status).max(4).optional(),
  /** A checker's name, any case. */
  checker: z.string().trim().max(200).optional(),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  /** What the date range applies to: the article's date, or the day of the verdict. */
  dateOf: z.enum(['article', 'verdict']).default('article'),
  limit: z.number().int().min(1).max(500).default(100),
});
export type SearchInput = z.input<typeof SearchInput>;
export type SearchRequest = z.output<typeof SearchInput>;

export const SearchHit = z.object({
  ...ClaimVerdictView,
  /** Where the words were found. */
  fields: z.array(SearchField),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({ articleId: ArticleId, title: z.string(), date: z.string(), hits: z.array(SearchHit) });
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchAnswer = z.object({
  /** The words searched for, as the index reads them (for highlighting: see highlight.ts). */
  terms: z.array(z.string()),
  /** all: claims with every word; some: none had every word, these have some; none: nothing. */
  matched: z.enum(['all', 'some', 'none']),
  /** Matching claims and articles in all (the groups show the best `limit`). */
  total: z.number().int(),
  articles: z.number().int(),
  /** Best first; an article's hits in the order of their scores. */
  groups: z.array(SearchGroup),
});
export type SearchAnswer = z.infer<typeof SearchAnswer>;

export const SeenBeforeInput = z.object({
  articleId: ArticleId,
  claimId: Id,
  /** Also list lookalikes nobody has ruled on yet (by default only checked claims). */
  includeUnchecked: z.boolean().default(false),
});

export const FactDifference = z.object({
  kind: z.enum(['number', 'date', 'name']),
  earlier: z.string().nullable(),
  draft: z.string().nullable(),
  /** "checked as 1,200 killed; this draft says 1,400" */
  text: z.string(),
});

export const SeenBeforeMatch = z.object({
  /** same: shown prominently; possibly: shown quietly. */
  level: z.enum(['same', 'possibly']),
  similarity: z.number(),
  articleId: ArticleId,
  title: z.string(),
  date: z.string(),
  ...ClaimVerdictView,
  differences: z.array(FactDifference),
});
export type SeenBeforeMatch = z.infer<typeof SeenBeforeMatch>;

export const SeenBeforeAnswer = z.object({
  /** Claims under MIN_WORDS words are never matched: `matches` is then empty. */
  tooShort: z.boolean(),
  words: z.number().int(),
  /** "Same" first, then by similarity. */
  matches: z.array(SeenBeforeMatch),
});
export type SeenBeforeAnswer = z.infer<typeof SeenBeforeAnswer>;

export const ReuseEarlierInput = z.object({
  articleId: ArticleId,
  claimId: Id,
  fromArticleId: ArticleId,
  fromClaimId: Id,
  checker: z.string().trim().min(1).max(200).optional(),
});

export const ReuseEarlierAnswer = z.object({
  claim: Claim,
  /** Sources copied into this article's list (those it did not have, by URL or title). */
  added: z.array(Source),
  /** Every source of the earlier claim, as this article's sources, now cited by the claim. */
  cited: z.array(Source),
  noteCopied: z.boolean(),
  /** False when the claim already cited them all and held the note: nothing was written. */
  changed: z.boolean(),
});
