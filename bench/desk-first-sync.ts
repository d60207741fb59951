// A new member's first sync with a desk that already holds `articles` articles with
// verdicts: how long until the new data folder holds every article and every
// verdict (checked claim by claim against the member who made them), what crossed
// the wire, and how big the new folder is.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../src/backend/backend';
import { Desk } from '../src/backend/desk/desk';
import { withDesk } from '../src/backend/desk/with-desk';
import { Store } from '../src/backend/store/store';
import { memberPassword, startBenchServer } from './desk-bench-server';
import { articleText } from './desk-load-text';

export interface FirstSyncOptions {
  articles: number;
  claims: number;
  /** Claims given a verdict in each article before the new member joins. */
  verdicts: number;
  runs: number;
}

export interface FirstSyncRun {
  ms: number;
  pulled: number;
  bytes: number;
  /** articles/: the article files and their logs. */
  articleBytes: number;
  /** backups/: the store's copy of each article as first written. */
  backupBytes: number;
  /** desk/: journals, the shared article copies, acknowledgements. */
  deskBytes: number;
  files: number;
}

export interface FirstSyncResult {
  seedMs: number;
  shareMs: number;
  /** Documents on the server when the new member joins. */
  docs: number;
  runs: FirstSyncRun[];
}

async function member(url: string, name: string) {
  const dir = await mkdtemp(join(tmpdir(), `factdesk-bench-first-${name}-`));
  const store = await Store.open(dir);
  const desk = await Desk.join(dir, store, url, name, memberPassword(name));
  const backend = withDesk(createBackend(store, undefined, { memoryPersists: false }), desk);
  await backend.api['preferences:set']({ preferences: { checker: name } });
  return { dir, store, desk, backend, sync: () => desk.sync(memberPassword(name)) };
}

/**
 * Bytes and files under `dir` right after the sync, by top folder (articles/,
 * backups/, desk/). The store may be folding an article's log into its file
 * meanwhile: a file gone before it is measured is left out (its content is in the
 * article file now).
 */
async function sizeOf(dir: string): Promise<{ bytes: number; files: number; byFolder: Map<string, number> }> {
  let bytes = 0;
  let files = 0;
  const byFolder = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const found = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!found) continue;
    bytes += found.size;
    files += 1;
    const top = relative(dir, path).split(sep)[0]!;
    byFolder.set(top, (byFolder.get(top) ?? 0) + found.size);
  }
  return { bytes, files, byFolder };
}

/** Every claim's verdict, article by article: what a member who holds the whole desk shows. */
async function verdictsOf(store: Store): Promise<Map<string, string>> {
  const shown = new Map<string, string>();
  for (const { id } of store.list()) {
    for (const claim of (await store.get(id)).claims) shown.set(`${id}/${claim.id}`, `${claim.verdict.status}|${claim.verdict.note}|${claim.verdict.checker ?? ''}`);
  }
  return shown;
}

/** The desk database's document count, as the server says it. */
async function documentsOn(url: string): Promise<number> {
  const response = await fetch(url, { headers: { authorization: `Basic ${Buffer.from(`seeder:${memberPassword('seeder')}`).toString('base64')}` } });
  return ((await response.json()) as { doc_count: number }).doc_count;
}

export async function runFirstSync(options: FirstSyncOptions): Promise<FirstSyncResult> {
  const server = await startBenchServer(['seeder', 'newcomer']);
  const seeder = await member(server.url, 'seeder');
  try {
    let t = performance.now();
    for (let a = 0; a < options.articles; a++) {
      const { article } = await seeder.backend.api['articles:create']({ text: articleText(options.claims, a), meta: { title: `Seawall, part ${a + 1}` }, allowDuplicate: true });
      const changes = article.claims.slice(0, options.verdicts).map((claim, i) => ({ claimId: claim.id, patch: { status: i % 2 ? ('disputed' as const) : ('verified' as const), note: `Checked against the council minutes, item ${i + 1}` } }));
      if (changes.length > 0) await seeder.backend.api['claims:markMany']({ articleId: article.id, changes });
    }
    const seedMs = performance.now() - t;
    t = performance.now();
    await seeder.sync();
    const shareMs = performance.now() - t;
    const docs = await documentsOn(server.url);
    const expected = await verdictsOf(seeder.store);

    const runs: FirstSyncRun[] = [];
    for (let i = 0; i < options.runs; i++) {
      const newcomer = await member(server.url, 'newcomer');
      t = performance.now();
      const { pulled } = await newcomer.sync();
      await newcomer.store.flush();
      const ms = performance.now() - t;
      const shown = await verdictsOf(newcomer.store);
      const wrong = [...expected].filter(([key, verdict]) => shown.get(key) !== verdict);
      if (newcomer.store.list().length !== options.articles || shown.size !== expected.size || wrong.length > 0) {
        throw new Error(`First sync incomplete: ${newcomer.store.list().length} of ${options.articles} articles, ${wrong.length} of ${expected.size} claims not as the desk has them (e.g. ${wrong[0]?.[0]})`);
      }
      const size = await sizeOf(newcomer.dir);
      const folder = (name: string) => size.byFolder.get(name) ?? 0;
      runs.push({ ms, pulled, bytes: size.bytes, articleBytes: folder('articles'), backupBytes: folder('backups'), deskBytes: folder('desk'), files: size.files });
      await rm(newcomer.dir, { recursive: true, force: true });
    }
    return { seedMs, shareMs, docs, runs };
  } finally {
    await seeder.store.flush();
    await rm(seeder.dir, { recursive: true, force: true });
    await server.stop();
  }
}
