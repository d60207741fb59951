// The contract's handlers behind one `invoke`: every transport (IPC, HTTP,
// direct calls) goes through here, so input is validated, output is checked and
// errors become one sentence the same way everywhere.
import { apiOver } from '../shared/api-client';
import { contract, isOpName, type Api, type Envelope } from '../shared/contract';
import { describeZodError } from '../shared/describe-zod-error';
import { UserError, toErrorPayload } from '../shared/errors';
import { articleHandlers } from './handlers/articles';
import type { DeskHost } from './desk/desk-host';
import { deskHandlers } from './handlers/desk';
import type { Handlers } from './handler-types';
import { claimHandlers } from './handlers/claims';
import { factHandlers } from './handlers/facts';
import type { HandlerContext } from './handlers/context';
import { importHandlers } from './handlers/import';
import { libraryHandlers } from './handlers/library';
import { preferenceHandlers } from './handlers/preferences';
import { reportHandlers } from './handlers/reports';
import type { ReportDesk } from '../shared/report';
import { revisionHandlers } from './handlers/revisions';
import { sourceHandlers } from './handlers/sources';
import { isArticleId } from './ids';
import { ClaimMemory } from './memory/claim-memory';
import { memoryHandlers } from './memory/memory-handlers';
import type { Store } from './store/store';

export interface Backend {
  /** Validates `input` against the contract, runs the handler, never throws. */
  invoke(op: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** A typed client over `invoke` that throws UserError on failure. */
  api: Api;
  store: Store;
  /** The claim memory (library-wide search, "seen before"): derived, kept current after every save. */
  memory: ClaimMemory;
  /** The shared desk this front door runs (src/backend/desk/desk-host.ts), when it may write. */
  deskHost?: DeskHost;
  /** Where the desk wrapper (with-desk.ts) plugs in what the report says of the desk. */
  reportDesk: { of?: (articleId: string) => Promise<ReportDesk | undefined> };
}

export interface BackendOptions {
  /** Whether the claim memory may write its index files; false for a reader without the folder's lock. */
  memoryPersists?: boolean;
  /** The front door's desk; without it the desk operations answer “not on a desk”. */
  desk?: DeskHost;
}

export function createBackend(store: Store, now: () => Date = () => new Date(), options: BackendOptions = {}): Backend {
  const context: HandlerContext = { store, now };
  const reportDesk: Backend['reportDesk'] = {};
  const memory = new ClaimMemory(store, { persist: options.memoryPersists ?? true });
  const handlers = {
    ...libraryHandlers(context),
    ...articleHandlers(context),
    ...importHandlers(context),
    ...claimHandlers(context),
    ...factHandlers(context),
    ...sourceHandlers(context),
    ...preferenceHandlers(context),
    ...reportHandlers(context, undefined, { desk: reportDesk }),
    ...revisionHandlers(context),
    ...memoryHandlers(context, memory),
    ...deskHandlers(context, options.desk),
  } satisfies Handlers;

  async function invoke(op: unknown, input: unknown): Promise<Envelope<unknown>> {
    try {
      if (!isOpName(op)) throw new UserError(`Unknown operation “${String(op)}”.`);
      const parsed = contract[op].input.safeParse(input ?? {});
      if (!parsed.success) throw new UserError(describeZodError(parsed.error, `Operation ${op}`));
      const handler = handlers[op] as (input: unknown) => Promise<unknown>;
      const output = contract[op].output.safeParse(await handler(parsed.data));
      // An output that breaks the contract is a bug in Factdesk, not the user's doing.
      if (!output.success) throw new Error(`${op} returned invalid output: ${output.error.message}`);
      // The memory learns of saves here, off the store: it re-indexes what changed once this answer is out.
      memory.touched(articlesNamed(parsed.data, output.data));
      return { ok: true, value: output.data };
    } catch (error) {
      if (!(error instanceof UserError)) reportInternalError(op, error);
      return { ok: false, error: toErrorPayload(error) };
    }
  }

  return { invoke, api: apiOver(invoke), store, memory, reportDesk, ...(options.desk ? { deskHost: options.desk } : {}) };
}

/** The articles an operation's input or answer names (an id, an articleId, an article, a deleted id). */
function articlesNamed(input: unknown, output: unknown): string[] {
  const ids: string[] = [];
  const take = (value: unknown) => {
    if (isArticleId(value) && !ids.includes(value)) ids.push(value);
  };
  const fields = (value: unknown) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  take(fields(input).articleId);
  take(fields(input).id);
  take(fields(fields(output).article).id);
  take(fields(output).deleted);
  return ids;
}

function reportInternalError(op: unknown, error: unknown): void {
  // Logged for the developer on the backend's stderr; the user sees one sentence.
  console.error(`[factdesk] internal error in ${String(op)}:`, error);
}
