// The one contract: every operation the UI, the CLI and the tests can ask of the
// backend, named `domain:verb`, with zod schemas for input and output. Electron
// IPC, the browser shell's HTTP and direct calls all serve exactly this map.
import { z } from 'zod';
import {
  Article,
  ArticleId,
  ArticleMeta,
  ArticleSummary,
  Claim,
  ClaimChange,
  Fact,
  Preferences,
  SetAsideKind,
  Source,
  SourceKind,
  Status,
} from './model';
import { ClaimFilter } from './claim-filter';
import type { ErrorPayload } from './errors';
import { MAX_IMPORT_DATA_CHARS } from './import-formats';
import { ReportFormat } from './report/report-format';
import {
  MemoryStatus,
  ReuseEarlierAnswer,
  ReuseEarlierInput,
  SearchAnswer,
  SearchInput,
  SeenBeforeAnswer,
  SeenBeforeInput,
} from './memory/memory-contract';
import { deskContract } from './desk-contract';

const Id = z.string().min(1).max(64);

/**
 * The article's version the client last saw (Article.version). A change sent with a
 * version that is no longer the article's is refused with STALE_ARTICLE and nothing is
 * written: another window saved in between. Left out (the CLI), no check is made.
 */
const SeenVersion = z.number().int().nonnegative().optional();
const Version = z.number().int().nonnegative();

/** The one sentence a change against an out-of-date article gets (the window then reloads it). */
export const STALE_ARTICLE = 'This article changed in another window; it has been reloaded.';

/** A file in the data folder that could not be opened, told to the user by name. */
export const LoadProblem = z.object({
  file: z.string(),
  message: z.string(),
  /** Set when a good backup of the unreadable article can be restored. */
  articleId: z.string().optional(),
  backupAt: z.string().optional(),
});
export type LoadProblem = z.infer<typeof LoadProblem>;

/**
 * What can be brought back into the library (the CLI's `restore`): files moved to
 * quarantine/, deleted articles in trash/, and the newest good backup of each
 * article that is not in the library. `back`: its article is in the library again.
 */
export const Recoverable = z.object({
  quarantined: z.array(
    z.object({
      file: z.string(),
      original: z.string().optional(),
      movedAt: z.string().optional(),
      articleId: z.string().optional(),
      title: z.string().optional(),
      readable: z.boolean(),
      reason: z.string().optional(),
      back: z.boolean(),
    }),
  ),
  deleted: z.array(z.object({ file: z.string(), id: z.string(), title: z.string().optional(), deletedAt: z.string().optional(), back: z.boolean() })),
  backups: z.array(z.object({ id: z.string(), title: z.string(), savedAt: z.string() })),
});
export type Recoverable = z.infer<typeof Recoverable>;

export const SourceInput = z.object({
  kind: SourceKind.default('web'),
  title: z.string().max(2_000).default(''),
  url: z.string().max(4_000).default(''),
  contact: z.string().max(2_000).default(''),
  accessedAt: z.string().max(40).default(''),
  excerpt: z.string().max(20_000).default(''),
});
export type SourceInput = z.input<typeof SourceInput>;

export const VerdictPatch = z.object({
  status: Status.optional(),
  note: z.string().max(20_000).optional(),
  correction: z.string().max(20_000).optional(),
  sourceIds: z.array(Id).max(500).optional(),
});
export type VerdictPatch = z.infer<typeof VerdictPatch>;

/**
 * A claim brought back by an undo or a redo of a split or a merge: its id (kept when no
 * other passage has it since) and the verdict it had, applied after the re-segmentation;
 * `facts`: its fact records as they were (a split drops a fact it cuts through).
 */
export const RestoredClaim = z.object({
  id: Id,
  patch: VerdictPatch.optional(),
  restoreChange: ClaimChange.optional(),
  facts: z.array(Fact).max(2_000).optional(),
});
export type RestoredClaim = z.infer<typeof RestoredClaim>;

/**
 * An article already in the library that new text repeats: the same prepared text
 * (now or in an earlier revision), or 95% of the same passages both ways (see
 * findDuplicate in src/backend/handlers/articles.ts).
 */
export const DuplicateOf = z.object({
  id: ArticleId,
  title: z.string(),
  createdAt: z.string(),
  /** True for the very same text; false when nearly all its passages are the same. */
  sameText: z.boolean(),
});
export type DuplicateOf = z.infer<typeof DuplicateOf>;

/** What a revision did to the article's claims (counts of the old claims; `added`: new ones). */
export const RevisionReport = z.object({
  unchanged: z.number().int(),
  moved: z.number().int(),
  changed: z.number().int(),
  orphaned: z.number().int(),
  added: z.number().int(),
  /** Claims carried over that may have landed on a lookalike sentence (“moved: please confirm”). */
  unsure: z.number().int(),
});
export type RevisionReport = z.infer<typeof RevisionReport>;

function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  'library:list': op(
    z.object({}),
    z.object({ articles: z.array(ArticleSummary), problems: z.array(LoadProblem) }),
  ),
  'library:recoverable': op(z.object({}), Recoverable),
  // A file of quarantine/ put back once it reads and validates; an article whose id is taken is refused, not overwritten.
  'library:restoreFile': op(
    z.object({ file: z.string().min(1).max(255) }),
    z.object({ restored: z.enum(['article', 'library']), article: ArticleSummary.optional() }),
  ),
  'articles:create': op(
    z.object({
      text: z.string().max(20_000_000),
      // An empty title means “take the headline”.
      meta: ArticleMeta.extend({ title: z.string().trim().max(1_000) }).partial().default({}),
      // Text the library already has (see DuplicateOf) is refused ('conflict') unless the checker chose a copy.
      allowDuplicate: z.boolean().default(false),
    }),
    z.object({ article: Article }),
  ),
  // A file brought in from disk, its bytes as base64 (MAX_IMPORT_BYTES of file; the size
  // itself is checked by the importer so the refusal can name the file); or pasted
  // text, to learn which article it repeats before creating it.
  'articles:inspect': op(
    z
      .object({ fileName: z.string().max(1_000).optional(), data: z.string().max(MAX_IMPORT_DATA_CHARS).optional(), text: z.string().max(20_000_000).optional() })
      .refine((input) => (input.text === undefined) !== (input.data === undefined && input.fileName === undefined), {
        message: 'Give either a file (its name and data) or pasted text, not both or neither',
      })
      .refine((input) => input.text !== undefined || (input.data !== undefined && input.fileName !== undefined), {
        message: 'A file needs both its name and its data',
      }),
    z.object({
      meta: ArticleMeta.extend({ title: z.string().max(1_000) }),
      preview: z.string(),
      claimCount: z.number().int(),
      /** The article in the library this text repeats, if any: importing it then needs the checker's say-so. */
      duplicateOf: DuplicateOf.optional(),
      /** How the text was read, when the checker should know (a page that shows less than its data holds). */
      notice: z.string().optional(),
    }),
  ),
  'articles:import': op(
    z.object({
      fileName: z.string().max(1_000),
      data: z.string().max(MAX_IMPORT_DATA_CHARS),
      // Given fields override the file's own metadata; an empty title means “the file's title, else the headline”.
      meta: ArticleMeta.extend({ title: z.string().trim().max(1_000) }).partial().default({}),
      // 'ask' refuses ('conflict') an export whose article the library holds in another version, and
      // text the library already has (DuplicateOf); 'copy' imports either as a new article.
      onConflict: z.enum(['ask', 'copy', 'replace']).default('ask'),
    }),
    z.object({ article: Article }),
  ),
  'articles:updateMeta': op(
    // Checked by the handler (title not empty, URL a web address) to answer in one sentence.
    z.object({ id: ArticleId, meta: ArticleMeta.extend({ title: z.string().max(1_000) }).partial() }),
    z.object({ article: ArticleSummary }),
  ),
  'articles:get': op(z.object({ id: ArticleId }), z.object({ article: Article })),
  'articles:rename': op(
    z.object({ id: ArticleId, title: z.string().trim().min(1).max(1_000) }),
    z.object({ article: ArticleSummary }),
  ),
  'articles:delete': op(z.object({ id: ArticleId }), z.object({ deleted: ArticleId })),
  'articles:restore': op(z.object({ id: ArticleId }), z.object({ article: ArticleSummary })),
  'articles:restoreBackup': op(z.object({ id: ArticleId }), z.object({ article: ArticleSummary })),
  // A new revision of the article's text (raw; normalized by the handler): claims are re-anchored on it.
  // It comes pasted (`text`) or as a file, passed as `articles:import` passes one (its bytes as base64).
  'articles:revise': op(
    z
      .object({
        id: ArticleId,
        text: z.string().max(20_000_000).optional(),
        file: z.object({ fileName: z.string().max(1_000), data: z.string().max(MAX_IMPORT_DATA_CHARS) }).optional(),
        checker: z.string().trim().min(1).max(200).optional(),
      })
      .refine((input) => (input.text === undefined) !== (input.file === undefined), {
        message: 'Give the new revision either as text or as a file, not both or neither',
      }),
    z.object({ article: Article, report: RevisionReport }),
  ),
  'claims:mark': op(
    z.object({
      articleId: ArticleId,
      claimId: Id,
      patch: VerdictPatch,
      /**
       * A source to add to the article's list and cite, in the same write as the
       * verdict: a refused verdict leaves no source behind (the CLI's --source-url).
       */
      newSource: SourceInput.optional(),
      /** Who is ruling; defaults to the checker named in the preferences. */
      checker: z.string().trim().min(1).max(200).optional(),
      version: SeenVersion,
    }),
    z.object({ claim: Claim, warnings: z.array(z.string()), version: Version }),
  ),
  'claims:markMany': op(
    z.object({
      articleId: ArticleId,
      /**
       * Applied all together or not at all; one history entry per claim. An undo
       * sends `restoreChange` to put back the “changed since checked” flag that
       * the change it undoes had cleared.
       */
      changes: z.array(z.object({ claimId: Id, patch: VerdictPatch, restoreChange: ClaimChange.optional() })).min(1).max(20_000),
      checker: z.string().trim().min(1).max(200).optional(),
      version: SeenVersion,
    }),
    z.object({ claims: z.array(Claim), warnings: z.array(z.string()), version: Version }),
  ),
  // Split and merge undo each other: an undo (or a redo) passes `restore`, the ids the
  // claims had and the verdicts to put back, so the steps around it still find them.
  'claims:split': op(
    z.object({
      articleId: ArticleId,
      claimId: Id,
      at: z.number().int().nonnegative(),
      restore: z.tuple([RestoredClaim, RestoredClaim]).optional(),
      version: SeenVersion,
    }),
    z.object({ article: Article }),
  ),
  'claims:merge': op(
    z.object({ articleId: ArticleId, claimId: Id, nextClaimId: Id, restore: RestoredClaim.optional(), version: SeenVersion }),
    z.object({ article: Article }),
  ),
  // The checker's call on what is a claim: set a claim aside as “not a claim”, or make a
  // set-aside segment (a subheading, a credit, furniture…) a claim. Both keep the verdict
  // and the history, and add an entry; each undoes the other.
  'claims:setAside': op(
    z.object({
      articleId: ArticleId,
      claimId: Id,
      /** Why it is no claim: the checker's own call unless an undo puts back what it was (a credit, furniture…). */
      kind: SetAsideKind.default('not-a-claim'),
      checker: z.string().trim().min(1).max(200).optional(),
      version: SeenVersion,
    }),
    z.object({ article: Article }),
  ),
  'claims:promote': op(
    z.object({ articleId: ArticleId, segmentId: Id, checker: z.string().trim().min(1).max(200).optional(), version: SeenVersion }),
    z.object({ article: Article }),
  ),
  // Accepts a claim's new wording after a revision changed it: clears `changed`.
  'claims:confirm': op(
    z.object({ articleId: ArticleId, claimId: Id, checker: z.string().trim().min(1).max(200).optional() }),
    z.object({ claim: Claim }),
  ),
  // Facts inside a claim (src/shared/facts/): a verdict on one fact (the claim rules, worded for a fact),
  // words of the claim made a fact (`start`/`end` index the claim's text), a fact removed. Each answers
  // with the claim, its history holding one `fact` entry that names the fact. An undo marks with the
  // earlier verdict (and `restoreChange`, the flag the ruling cleared) and takes a removal back
  // with facts:add `restore`: the removed fact at those words, back with its verdict.
  'facts:mark': op(
    z.object({ articleId: ArticleId, claimId: Id, factId: Id, patch: VerdictPatch, restoreChange: Fact.shape.changed, checker: z.string().trim().min(1).max(200).optional(), version: SeenVersion }),
    z.object({ claim: Claim, warnings: z.array(z.string()), version: Version }),
  ),
  'facts:add': op(
    z.object({ articleId: ArticleId, claimId: Id, start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), restore: z.boolean().optional(), checker: z.string().trim().min(1).max(200).optional(), version: SeenVersion }),
    z.object({ claim: Claim, factId: Id, version: Version }),
  ),
  'facts:remove': op(
    z.object({ articleId: ArticleId, claimId: Id, factId: Id, checker: z.string().trim().min(1).max(200).optional(), version: SeenVersion }),
    z.object({ claim: Claim, version: Version }),
  ),
  'sources:add': op(
    z.object({ articleId: ArticleId, source: SourceInput, version: SeenVersion }),
    z.object({ source: Source, version: Version }),
  ),
  // A source's details corrected (a typo in its title or URL); the claims citing it cite it still.
  'sources:update': op(
    z.object({ articleId: ArticleId, sourceId: Id, source: SourceInput, version: SeenVersion }),
    z.object({ source: Source, version: Version }),
  ),
  // A source taken off the article's list: every claim that cited it stops citing it, with an
  // entry in its history naming the source; a sourced claim left without a source is unchecked again.
  'sources:remove': op(
    z.object({ articleId: ArticleId, sourceId: Id, checker: z.string().trim().min(1).max(200).optional(), version: SeenVersion }),
    z.object({ article: Article }),
  ),
  'reports:export': op(
    z.object({ articleId: ArticleId, format: ReportFormat, filter: ClaimFilter.optional() }),
    z.object({ fileName: z.string(), mimeType: z.string(), encoding: z.enum(['utf8', 'base64']), content: z.string() }),
  ),
  'preferences:get': op(z.object({}), z.object({ preferences: Preferences })),
  'preferences:set': op(
    z.object({ preferences: Preferences.partial() }),
    z.object({ preferences: Preferences }),
  ),
  // The claim memory (src/shared/memory/): a derived index of every article's claims,
  // notes, corrections and sources. Each answer carries the memory's state: while it is
  // loading or building, answers come from what is read so far. `memory:status` starts
  // it and reports progress (call it when the library opens; poll while it builds).
  'memory:status': op(z.object({}), z.object({ memory: MemoryStatus })),
  // Library-wide search: every word (the last may be a prefix), grouped by article.
  'search:query': op(SearchInput, SearchAnswer.extend({ memory: MemoryStatus })),
  // Similar claims checked in other articles, “same” or “possibly” the same, with what differs.
  'claims:seenBefore': op(SeenBeforeInput, SeenBeforeAnswer.extend({ memory: MemoryStatus })),
  // Cites the earlier claim's sources here and adds its note to this claim's note; never the verdict.
  'claims:reuseEarlier': op(ReuseEarlierInput, ReuseEarlierAnswer),
  // The shared desk (src/shared/desk-contract.ts): join, sync status, disagreements, sign-off.
  ...deskContract,
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;

export const OP_NAMES = Object.keys(contract) as OpName[];

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The typed client every front end talks to, whatever the transport. */
export type Api = { [K in OpName]: (input: OpInput<K>) => Promise<OpOutput<K>> };

/**
 * Told to every window after an article was saved, so one showing it can catch up: over
 * IPC on the ARTICLE_CHANGED channel (the desktop app), as an `article` server-sent
 * event (the browser shell). `version` is the article's now; null when it is gone.
 */
export interface ArticleChange {
  articleId: string;
  version: number | null;
}
export const ARTICLE_CHANGED = 'article:changed';

/** What travels over IPC and HTTP: a value or a one-sentence error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
