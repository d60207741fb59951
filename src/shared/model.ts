// The data model: every file on disk and every message across a transport is
// validated against these schemas. Process-free: no electron, no node:*, no DOM.
import { z } from 'zod';

export const STATUSES = ['unchecked', 'verified', 'disputed', 'sourced'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const SECTIONS = ['headline', 'dek', 'byline', 'dateline', 'caption', 'subheading', 'body', 'bio'] as const;
export const Section = z.enum(SECTIONS);
export type Section = z.infer<typeof Section>;

/**
 * Why a stretch of the article is no claim. Every word of an article is either in a
 * claim or in a set-aside segment of one of these kinds, shown dimmed and counted:
 * subheading (a label such as "Contents" or "See also"), credit (a photo credit),
 * furniture (share bars, newsletter prompts, "Advertisement", related links),
 * list-marker (a bullet glyph), speaker-label and timestamp (transcripts), reference
 * (a reference list), contents (a table of contents), comment (readers' comments under a
 * web page's article), not-a-claim (the checker's call).
 */
export const SET_ASIDE_KINDS = [
  'subheading', 'credit', 'furniture', 'list-marker', 'speaker-label', 'timestamp', 'reference', 'contents', 'comment', 'not-a-claim',
] as const;
export const SetAsideKind = z.enum(SET_ASIDE_KINDS);
export type SetAsideKind = z.infer<typeof SetAsideKind>;

export const LABELS = ['quote', 'number', 'date', 'entity', 'attribution', 'prediction', 'opinion'] as const;
export const Label = z.enum(LABELS);
export type Label = z.infer<typeof Label>;

export const SPAN_KINDS = ['number', 'date', 'name', 'quote'] as const;
export const SpanKind = z.enum(SPAN_KINDS);
export type SpanKind = z.infer<typeof SpanKind>;

export const SOURCE_KINDS = ['document', 'interview', 'web', 'dataset', 'other'] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

const Id = z.string().min(1).max(64);

/**
 * An article's id names its files (articles/<id>.json, backups/<id>/, trash/), so it
 * is only ever what Factdesk makes (src/backend/ids.ts: 12 characters of a–z and
 * 0–9), never a path: every file, export and contract input is held to this.
 */
export const ARTICLE_ID_PATTERN = /^[a-z0-9]{8,32}$/;
export const ArticleId = z.string().regex(ARTICLE_ID_PATTERN, {
  error: (issue) => `“${shownId(issue.input)}” is not a Factdesk article id`,
});

/** A rejected id as it can be quoted in one line: control characters escaped, cut short. */
function shownId(value: unknown): string {
  const escaped = JSON.stringify(String(value).slice(0, 41)).slice(1, -1);
  return escaped.length > 40 ? `${escaped.slice(0, 40)}…` : escaped;
}

const Timestamp = z.iso.datetime();
const Offset = z.number().int().nonnegative();

/** A checkable part inside a claim, with offsets into the article text. */
export const Span = z.object({ start: Offset, end: Offset, kind: SpanKind, text: z.string() });
export type Span = z.infer<typeof Span>;

export const Verdict = z.object({
  status: Status,
  note: z.string().max(20_000),
  correction: z.string().max(20_000),
  sourceIds: z.array(Id),
  checker: z.string().nullable(),
  updatedAt: Timestamp.nullable(),
});
export type Verdict = z.infer<typeof Verdict>;

export const UNCHECKED: Verdict = {
  status: 'unchecked',
  note: '',
  correction: '',
  sourceIds: [],
  checker: null,
  updatedAt: null,
};

/** One field's change inside a history entry. */
export const FieldChange = z.object({
  field: z.enum(['status', 'note', 'correction', 'sourceIds']),
  from: z.union([z.string(), z.array(z.string())]),
  to: z.union([z.string(), z.array(z.string())]),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const HistoryEntry = z.object({
  at: Timestamp,
  by: z.string(),
  /**
   * verdict: a checker changed the verdict; split/merge: the claim was re-segmented;
   * reanchor: a new revision of the article moved or changed the claim;
   * confirm: a checker confirmed a claim whose wording changed since it was checked;
   * set-aside: a checker set the claim aside as no claim; promote: a checker made a
   * set-aside segment a claim.
   */
  kind: z.enum(['verdict', 'split', 'merge', 'reanchor', 'confirm', 'set-aside', 'promote', 'fact']),
  changes: z.array(FieldChange),
  detail: z.string().optional(),
  /** kind `fact`: the fact inside the claim that was marked, added, removed or re-anchored (src/shared/facts/). */
  fact: z.object({ id: Id, text: z.string() }).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** What the extractor produces for one claim: a span of the normalized article text. */
export const ExtractedClaim = z.object({
  text: z.string(),
  start: Offset,
  end: Offset,
  section: Section,
  labels: z.array(Label),
  speaker: z.string().optional(),
  spans: z.array(Span),
  score: z.number().min(0).max(1),
});
export type ExtractedClaim = z.infer<typeof ExtractedClaim>;

/** Set when a revision changed the claim's wording after it was checked, or was unsure it found the claim (`confidence`). */
export const ClaimChange = z.object({
  /** The wording the verdict was given on. */
  previousText: z.string(),
  revisionId: Id,
  at: Timestamp,
  /**
   * Set when the revision was unsure the claim landed on its own words ("moved:
   * please confirm"): a weak match, or another sentence or claim matched nearly as
   * well (a lookalike). The wording may then be unchanged. Absent when sure.
   */
  confidence: z
    .object({
      level: z.literal('low'),
      /** weak: little evidence it is the same claim; ambiguous: something else matched nearly as well. */
      reason: z.enum(['weak', 'ambiguous']),
      /** Ambiguous: the wording that matched nearly as well (another sentence, or another claim). */
      rival: z.string().optional(),
    })
    .optional(),
});
export type ClaimChange = z.infer<typeof ClaimChange>;

/**
 * A fact inside a claim that the checker ruled on, added or removed (schema 5). The
 * claim's other spans are facts too, computed from `spans` and unchecked: only what
 * the checker touched is stored (see src/shared/facts/fold.ts). Offsets are relative
 * to the claim's text, so a revision that only moves the claim leaves them as they are.
 */
export const Fact = z.object({
  id: Id,
  start: Offset,
  end: Offset,
  /** A span kind the extractor found, or `words` the checker selected. */
  kind: z.enum([...SPAN_KINDS, 'words']),
  text: z.string(),
  verdict: Verdict,
  /** The checker said this is no fact: kept so the span is not shown again, and its verdict not lost. */
  removed: z.boolean().optional(),
  /** A revision changed its words (a number, a date, a name) after it was checked. */
  changed: z.object({ previousText: z.string(), revisionId: Id, at: Timestamp }).optional(),
});
export type Fact = z.infer<typeof Fact>;

export const Claim = ExtractedClaim.extend({
  id: Id,
  verdict: Verdict,
  /** Append-only: entries are added, never edited or removed. */
  history: z.array(HistoryEntry),
  /** Present while the claim needs review because its words changed (revisions). */
  changed: ClaimChange.optional(),
  /** The facts the checker touched (schema 5); absent or empty: every span is an unchecked fact. */
  facts: z.array(Fact).optional(),
});
export type Claim = z.infer<typeof Claim>;

/**
 * Text of the article that is no claim, kept with the same fields as a claim so it
 * can be made one (and a claim set aside) without losing its verdict or history.
 */
export const SetAsideSegment = Claim.extend({ setAside: SetAsideKind });
export type SetAsideSegment = z.infer<typeof SetAsideSegment>;

export const Source = z.object({
  id: Id,
  kind: SourceKind,
  title: z.string().max(2_000),
  url: z.string().max(4_000),
  contact: z.string().max(2_000),
  accessedAt: z.string().max(40),
  excerpt: z.string().max(20_000),
  createdAt: Timestamp,
});
export type Source = z.infer<typeof Source>;

export const Revision = z.object({ id: Id, text: z.string(), createdAt: Timestamp });
export type Revision = z.infer<typeof Revision>;

export const ArticleMeta = z.object({
  title: z.string().min(1).max(1_000),
  sourceUrl: z.string().max(4_000),
  author: z.string().max(1_000),
  publication: z.string().max(1_000),
  publishedAt: z.string().max(40),
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

export const Article = ArticleMeta.extend({
  id: ArticleId,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The current revision's normalized text; claim offsets point into it. */
  text: z.string(),
  revisions: z.array(Revision).min(1),
  claims: z.array(Claim),
  /**
   * The rest of the text, in text order: with `claims` it partitions the article, so
   * every non-space character is in exactly one claim or set-aside segment.
   */
  setAside: z.array(SetAsideSegment),
  /** Claims that vanished in a revision, kept with their verdicts and notes. */
  orphans: z.array(Claim),
  sources: z.array(Source),
  /**
   * Counted up by every save. A change made against an older version (another window
   * saved in between) is refused instead of written over the newer one. Every file has
   * it from schema 4 on; an article built in memory before its first save may leave it
   * out, which counts as 0.
   */
  version: z.number().int().nonnegative().optional(),
});
export type Article = z.infer<typeof Article>;

/** What the library list shows for each article, computed from its file. */
export const ArticleSummary = z.object({
  id: ArticleId,
  title: z.string(),
  publication: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  total: z.number().int(),
  counts: z.record(Status, z.number().int()),
  /** Claims flagged “changed since checked” by a revision. */
  changed: z.number().int().default(0),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Preferences = z.object({
  checker: z.string().max(200),
  theme: z.enum(['system', 'light', 'dark']),
});
export type Preferences = z.infer<typeof Preferences>;
