// A verdict, once acknowledged, is never lost: a writer process saving as fast
// as it can is killed with SIGKILL at random moments, many times. After every
// kill each file still parses and validates, and every acknowledged save is there.
// A save is an append to the article's log (store/article-log.ts), so the kills
// land mid-append; a second run compacts the log into the article file between
// saves, so they land mid-compaction as well.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';

const ROOT = resolve(import.meta.dirname, '../../..');
const KILLS = 12;
const dir = mkdtempSync(join(tmpdir(), 'factdesk-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until it has acknowledged some saves, kills it after a random delay, returns the last ACK seen. */
function burstAndKill(articleId: string, delayMs: number, mode = ''): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/store/support/burst-writer.ts', dir, articleId, mode], { cwd: ROOT });
    let acked = 0;
    let buffer = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('ACK ')) acked = Number(line.slice(4));
        if (line === 'READY' && !armed) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolvePromise(acked) : reject(new Error(`writer exited on its own: ${stderr}`))));
  });
}

describe('crash safety', () => {
  it.each([
    { mode: '', claims: 40, what: 'mid-write (log appends)' },
    // Bigger, so that rewriting the file takes most of the writer's time and the kills land in it.
    { mode: 'compact', claims: 400, what: 'mid-compaction of the log into the article file' },
  ])(`keeps every acknowledged verdict through ${KILLS} SIGKILLs $what`, async ({ mode, claims }) => {
    const setup = createBackend(await Store.open(dir));
    await setup.api['preferences:set']({ preferences: { checker: 'Burst' } });
    const text = Array.from({ length: claims }, (_, i) => `Claim number ${i + 1} says the bridge cost $${i + 1} million in ${1910 + (i % 90)}.`).join('\n');
    const { article } = await setup.api['articles:create']({ text, meta: { title: 'Crash test' }, allowDuplicate: true });
    const claimCount = article.claims.length;
    const seen = new Map<string, number>(); // claim id -> highest acknowledged note
    let totalAcked = 0;

    for (let round = 0; round < KILLS; round++) {
      const acked = await burstAndKill(article.id, 30 + Math.floor(Math.random() * 400), mode);
      // What was acknowledged in this round, per claim (the writer restarts its counter each round).
      const store = await Store.open(dir);
      expect(store.problems, `round ${round}: every file parses and validates`).toEqual([]);
      const { article: after } = await createBackend(store).api['articles:get']({ id: article.id });
      for (let n = Math.max(1, acked - claimCount + 1); n <= acked; n++) {
        const claim = after.claims[n % claimCount]!;
        expect(Number(claim.verdict.note), `round ${round}: save ${n} was acknowledged`).toBeGreaterThanOrEqual(n);
        seen.set(claim.id, n);
      }
      // A clean slate for the next round's counter, written by this process.
      await createBackend(store).api['claims:markMany']({
        articleId: article.id,
        checker: 'Burst',
        changes: after.claims.map((c) => ({ claimId: c.id, patch: { note: '0', status: 'verified' } })),
      });
      // The killed writer's half-written temp file is cleared away on the next open.
      expect(readdirSync(join(dir, 'articles')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      totalAcked += acked;
    }
    expect(totalAcked, 'the kills landed while saves were being acknowledged').toBeGreaterThan(KILLS * 5);
    expect(seen.size).toBeGreaterThan(0);
  }, 120_000);
});
