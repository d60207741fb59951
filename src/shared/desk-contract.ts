// The shared desk's operations (src/backend/desk/), spread into the one contract.
// Kept in a file of their own so the desk's shapes sit together; every transport
// serves them like any other operation.
import { z } from 'zod';
import { ArticleId, Status } from './model';

function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/** The sync line a checker always sees: one state and one sentence. */
export const DeskSyncStatus = z.object({
  joined: z.boolean(),
  state: z.enum(['none', 'never', 'syncing', 'synced', 'waiting', 'offline', 'error', 'no-password']),
  sentence: z.string(),
  waiting: z.number().int().nonnegative(),
  url: z.string().optional(),
  user: z.string().optional(),
  roles: z.array(z.string()).default([]),
  /** ISO times, for the line's “Offline since 14:03” in the reader's own clock. */
  lastSyncAt: z.string().nullable().optional(),
  offlineSince: z.string().nullable().optional(),
  /** Set while the first sync runs: documents sent and received so far. */
  progress: z.object({ pushed: z.number().int(), pulled: z.number().int() }).optional(),
  disagreements: z.number().int().nonnegative().default(0),
  /** False when the server does not enforce the desk's rules (scripts/desk-rules.mjs): any member could write in another's name. */
  serverRules: z.boolean().nullable().optional(),
});
export type DeskSyncStatus = z.infer<typeof DeskSyncStatus>;

export const DeskSide = z.object({
  /** The event that gave this verdict: what a resolution by choice names. */
  eventId: z.string(),
  by: z.string(),
  at: z.string(),
  status: Status,
  note: z.string(),
  correction: z.string(),
});
export type DeskSide = z.infer<typeof DeskSide>;

/** What the desk says of one article: its lock, and the claims it disagrees on. */
export const DeskArticle = z.object({
  joined: z.boolean(),
  locked: z.boolean(),
  /** Who signed off (or unlocked) and when; `why` for an unlock. */
  lock: z.object({ type: z.enum(['signoff', 'unlock']), by: z.string(), at: z.string(), why: z.string().optional() }).optional(),
  disagreements: z.array(z.object({ claimId: z.string(), sides: z.array(DeskSide) })),
  /** Whether this account may settle any disagreement and sign off (the desk's editor role). */
  editor: z.boolean(),
  user: z.string().optional(),
  /** Each claim's assignee and second reader, by claim id (claims with neither left out). */
  claimRoles: z.record(z.string(), z.object({ assignee: z.string().nullable(), secondReader: z.string().nullable() })).default({}),
  /** Everyone the article's desk record names (authors, assignees): whom an editor is likely to assign to. */
  people: z.array(z.string()).default([]),
  /** What a replayed edit could not do silently (src/backend/desk/replay-edits.ts), oldest first. */
  notices: z.array(z.object({ by: z.string(), at: z.string(), text: z.string(), claimId: z.string().optional() })).default([]),
});
export type DeskArticle = z.infer<typeof DeskArticle>;

const Url = z
  .string()
  .trim()
  .max(2_000)
  .refine((url) => /^https?:\/\/[^\s/]+\/[^\s]+$/.test(url), { message: 'Give the desk database’s address, like https://desk.example.org/newsroom' });

export const deskContract = {
  'desk:status': op(z.object({}), DeskSyncStatus),
  // Checks the account against the server first: a refused password writes nothing. The
  // password is kept by the front door (safeStorage in the desktop app, memory or
  // FACTDESK_DESK_PASSWORD elsewhere), never in the data folder in clear.
  'desk:join': op(
    z.object({ url: Url, user: z.string().trim().min(1).max(200), password: z.string().min(1).max(1_000) }),
    DeskSyncStatus,
  ),
  // Runs a sync now and answers once it is done (the background one keeps running too).
  'desk:sync': op(z.object({}), DeskSyncStatus),
  'desk:article': op(z.object({ articleId: ArticleId }), DeskArticle),
  // Settles a disagreement: `choose` one side's verdict (its eventId), or give a new one.
  'desk:resolve': op(
    z
      .object({
        articleId: ArticleId,
        claimId: z.string().min(1).max(64),
        choose: z.string().min(1).max(200).optional(),
        verdict: z.object({ status: Status, note: z.string().max(20_000).default(''), correction: z.string().max(20_000).default('') }).optional(),
      })
      .refine((input) => (input.choose === undefined) !== (input.verdict === undefined), { message: 'Choose one side or give a new verdict, not both or neither' }),
    DeskArticle,
  ),
  // The editor gives the article, or the claims numbered `claims` on screen (“3-9”), to a checker.
  'desk:assign': op(z.object({ articleId: ArticleId, to: z.string().trim().min(1, 'Say who it goes to').max(200), claims: z.string().trim().max(40).optional() }), DeskArticle),
  // This account's second read of a claim another checker ruled on.
  'desk:secondRead': op(z.object({ articleId: ArticleId, claimId: z.string().min(1).max(64) }), DeskArticle),
  'desk:signoff': op(z.object({ articleId: ArticleId }), DeskArticle),
  'desk:unlock': op(z.object({ articleId: ArticleId, why: z.string().trim().min(1, 'Say why the article is unlocked').max(2_000) }), DeskArticle),
} as const;
