// What a data folder knows of its desk: `desk/desk.json` (the server, the account,
// how far replication got, the last sync's outcome) and `desk/pushed.jsonl` (the
// documents the server has acknowledged). The password is never among them: it
// comes from the environment (or the OS keychain) each time.
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-write';

export const DeskConfig = z.object({
  schemaVersion: z.literal(1),
  /** The desk database's address, without credentials: https://desk.example.org/newsroom */
  url: z.url(),
  user: z.string().min(1),
  roles: z.array(z.string()),
  /** This data folder's name on the desk: its checkpoints on the server are kept under it. */
  replicaId: z.string().min(1),
  /** The last server change received and applied here. */
  pulledSeq: z.string().nullable(),
  /** Stamped on the server's checkpoint; a server that lost it (restored, recreated) is sent everything again. */
  sessionMark: z.string().nullable(),
  lastSyncAt: z.iso.datetime().nullable(),
  offlineSince: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  /** Whether the server holds the desk's rules (scripts/desk-rules.mjs); null until a sync has asked. */
  serverRules: z.boolean().nullable().default(null),
});
export type DeskConfig = z.infer<typeof DeskConfig>;

export class DeskState {
  private pushedIds: Set<string> | undefined;

  private constructor(
    private readonly dir: string,
    public config: DeskConfig,
  ) {}

  static configPath(dataDir: string): string {
    return join(dataDir, 'desk', 'desk.json');
  }

  /** The folder's desk, or undefined when it has not joined one. */
  static async load(dataDir: string): Promise<DeskState | undefined> {
    const path = DeskState.configPath(dataDir);
    if (!existsSync(path)) return undefined;
    const parsed = DeskConfig.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path} is not a desk configuration this Factdesk can read.`);
    return new DeskState(join(dataDir, 'desk'), parsed.data);
  }

  static async create(dataDir: string, config: DeskConfig): Promise<DeskState> {
    const state = new DeskState(join(dataDir, 'desk'), config);
    await mkdir(state.dir, { recursive: true });
    await state.save({});
    return state;
  }

  async save(patch: Partial<DeskConfig>): Promise<void> {
    this.config = { ...this.config, ...patch };
    await writeFileAtomic(join(this.dir, 'desk.json'), `${JSON.stringify(this.config, null, 2)}\n`);
  }

  async pushed(): Promise<Set<string>> {
    if (this.pushedIds) return this.pushedIds;
    const path = join(this.dir, 'pushed.jsonl');
    const text = existsSync(path) ? await readFile(path, 'utf8') : '';
    this.pushedIds = new Set(text.split('\n').filter((line) => line.trim() !== ''));
    return this.pushedIds;
  }

  /** Recorded only after the server acknowledged them, so a crash in between means pushing them again, never losing them. */
  async markPushed(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const pushed = await this.pushed();
    const handle = await open(join(this.dir, 'pushed.jsonl'), 'a', 0o600);
    try {
      await handle.appendFile(ids.map((id) => `${id}\n`).join(''), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    ids.forEach((id) => pushed.add(id));
  }

  /** The server no longer has what it acknowledged: everything made here is waiting again. */
  async forgetPushed(): Promise<void> {
    await rm(join(this.dir, 'pushed.jsonl'), { force: true });
    this.pushedIds = new Set();
  }
}
