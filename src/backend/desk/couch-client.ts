// The CouchDB replication protocol's endpoints that a desk of immutable documents
// needs, over fetch: _session, _revs_diff, _bulk_docs (new_edits=false, as the
// replicator writes), _changes and _local checkpoints. Every failure becomes a
// DeskError with one sentence a checker can act on.
import { UserError } from '../../shared/errors';

export class DeskError extends UserError {
  constructor(
    message: string,
    /** offline: the server could not be reached; the others are answers from it. */
    readonly reason: 'offline' | 'unauthorized' | 'forbidden' | 'missing' | 'server',
  ) {
    super(message, 'refused');
  }
}

export interface Credentials {
  user: string;
  password: string;
}

/** A document the desk's rules would not take, and the server's reason. */
export interface Refusal {
  id: string;
  reason: string;
}

export interface Change {
  seq: string;
  id: string;
  deleted?: boolean;
  doc?: unknown;
}

const TIMEOUT_MS = 15_000;

export class CouchClient {
  private readonly db: string;
  private readonly root: string;
  private readonly auth: string;

  constructor(dbUrl: string, private readonly credentials: Credentials) {
    this.db = dbUrl.replace(/\/+$/, '');
    this.root = new URL('../', `${this.db}/`).href;
    this.auth = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
  }

  /** Who the server says we are, with the roles the desk gave us (checker, editor). */
  async session(): Promise<{ name: string; roles: string[] }> {
    const answer = await this.request<{ userCtx?: { name?: string | null; roles?: string[] } }>('GET', `${this.root}_session`);
    const name = answer.userCtx?.name;
    if (!name) throw new DeskError(`The desk did not accept ${this.credentials.user}: name or password is incorrect.`, 'unauthorized');
    return { name, roles: answer.userCtx?.roles ?? [] };
  }

  async info(): Promise<{ update_seq: unknown }> {
    return this.request('GET', this.db);
  }

  /** The revisions the server does not have yet, by document id. */
  async revsDiff(revs: Record<string, string[]>): Promise<Set<string>> {
    const answer = await this.request<Record<string, { missing?: string[] }>>('POST', `${this.db}/_revs_diff`, revs);
    return new Set(Object.entries(answer).filter(([, v]) => (v.missing ?? []).length > 0).map(([id]) => id));
  }

  /**
   * Writes documents with the revisions they carry, as the replicator does: no conflict is
   * possible for a document already there. The ones the desk's rules refuse (`forbidden`,
   * scripts/desk-rules.mjs) are returned with the server's reason; any other failure is thrown.
   */
  async bulkDocs(docs: object[]): Promise<Refusal[]> {
    const answer = await this.request<Array<{ id?: string; error?: string; reason?: string }>>('POST', `${this.db}/_bulk_docs`, { docs, new_edits: false });
    const rows = Array.isArray(answer) ? answer : [];
    const failed = rows.find((row) => row.error && row.error !== 'forbidden');
    if (failed) throw new DeskError(`The desk refused ${failed.id ?? 'a change'}: ${failed.reason ?? failed.error}.`, 'server');
    return rows.filter((row) => row.error === 'forbidden').map((row) => ({ id: row.id ?? '', reason: row.reason ?? 'refused by the desk’s rules' }));
  }

  async changes(since: string | null, limit: number): Promise<{ results: Change[]; lastSeq: string }> {
    const query = new URLSearchParams({ include_docs: 'true', style: 'main_only', limit: String(limit), since: since ?? '0' });
    const answer = await this.request<{ results: Array<Change & { seq: unknown }>; last_seq: unknown }>('GET', `${this.db}/_changes?${query}`);
    return { results: answer.results.map((row) => ({ ...row, seq: String(row.seq) })), lastSeq: String(answer.last_seq) };
  }

  /**
   * Waits (CouchDB's longpoll feed) until the server has a change after `since`, or
   * `timeoutMs` passes; true when there is one. Lets a member see another's change
   * within a second without polling the server every second.
   */
  async waitForChanges(since: string | null, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    const query = new URLSearchParams({ feed: 'longpoll', since: since ?? '0', limit: '1', timeout: String(timeoutMs) });
    const answer = await this.request<{ results: unknown[] }>('GET', `${this.db}/_changes?${query}`, undefined, { timeoutMs: timeoutMs + TIMEOUT_MS, signal });
    return answer.results.length > 0;
  }

  /** Whether the database holds the design document `name` (the desk's rules are `_design/factdesk`). */
  async hasDesign(name: string): Promise<boolean> {
    try {
      await this.request('GET', `${this.db}/_design/${encodeURIComponent(name)}`);
      return true;
    } catch (error) {
      if (error instanceof DeskError && error.reason === 'missing') return false;
      throw error;
    }
  }

  async getLocal(id: string): Promise<Record<string, unknown> | undefined> {
    try {
      return await this.request('GET', `${this.db}/_local/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof DeskError && error.reason === 'missing') return undefined;
      throw error;
    }
  }

  async putLocal(id: string, body: Record<string, unknown>): Promise<void> {
    const current = await this.getLocal(id);
    await this.request('PUT', `${this.db}/_local/${encodeURIComponent(id)}`, { ...body, ...(current?._rev ? { _rev: current._rev } : {}) });
  }

  private async request<T>(method: string, url: string, body?: unknown, wait: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<T> {
    const where = new URL(this.db).host;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: this.auth, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: wait.signal ? AbortSignal.any([wait.signal, AbortSignal.timeout(wait.timeoutMs ?? TIMEOUT_MS)]) : AbortSignal.timeout(wait.timeoutMs ?? TIMEOUT_MS),
      });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new DeskError(`The desk at ${where} cannot be reached (${code}); your changes are kept here and sent on the next sync.`, 'offline');
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return JSON.parse(text) as T;
    const reason = reasonIn(text) ?? response.statusText;
    if (response.status === 401) throw new DeskError(`The desk at ${where} did not accept ${this.credentials.user}: name or password is incorrect.`, 'unauthorized');
    if (response.status === 403) throw new DeskError(`${this.credentials.user} may not use the desk at ${where} (${reason}); ask the desk's administrator.`, 'forbidden');
    if (response.status === 404) throw new DeskError(`The desk at ${where} has no such database or document (${reason}).`, 'missing');
    throw new DeskError(`The desk at ${where} answered ${response.status}: ${reason}.`, 'server');
  }
}

/** CouchDB's `reason`, when the answer is CouchDB's JSON (a proxy may answer with a page of HTML). */
function reasonIn(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { reason?: string }).reason;
  } catch {
    return undefined;
  }
}
