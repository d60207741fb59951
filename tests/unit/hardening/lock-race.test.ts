// One holder of the data folder's lock, always (issue 13, defect 5). Before the fix
// the lock file was created empty and written after, and a contender that read it
// empty called it stale and deleted it: contenders started at the same instant
// double-held the lock, and two writers each saved over the other's verdict.
//
// Here contenders in separate processes, each opening the folder through the real
// code, are released at the same instant, many times, from a free folder, from a
// lock left by a dead process and from an empty lock left long ago: exactly one
// holds the lock each time and every other one is refused in one sentence naming
// the holder. Two writing front doors started at the same instant both save (the
// second waits for a command-line holder) and no acknowledged verdict is lost.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/backend';
import { LOCK_FILE } from '../../../src/backend/store/data-dir-lock';
import { Store } from '../../../src/backend/store/store';

const ROOT = resolve(import.meta.dirname, '../../..');
const CONTENDERS = 12;
const LOCK_TRIALS = 30;
const MARK_TRIALS = 20;
const CLI_TRIALS = 2;

const base = mkdtempSync(join(tmpdir(), 'factdesk-lock-race-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

interface Contender {
  child: ChildProcess;
  lines: string[];
  waiters: Array<() => void>;
}

function startContender(mode: 'lock' | 'mark', dataDir: string, sentinel: string): Contender {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/hardening/child/lock-contender.ts', mode, dataDir, sentinel], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const contender: Contender = { child, lines: [], waiters: [] };
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    contender.lines.push(...parts);
    for (const wake of contender.waiters.splice(0)) wake();
  });
  child.on('exit', () => {
    for (const wake of contender.waiters.splice(0)) wake();
  });
  return contender;
}

/** Waits for the contender's next line matching `pattern` (and removes it). */
async function lineOf(contender: Contender, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const index = contender.lines.findIndex((line) => pattern.test(line));
    if (index >= 0) return contender.lines.splice(index, 1)[0]!;
    if (contender.child.exitCode !== null || Date.now() > deadline) throw new Error(`no line matching ${pattern}; got ${contender.lines.join(' | ')}`);
    await new Promise<void>((wake) => {
      contender.waiters.push(wake);
      setTimeout(wake, 200);
    });
  }
}

function deadPid(): number {
  return spawnSync('true').pid!;
}

const HOLDER_SENTENCE = /^The data folder .+ is in use by another Factdesk \((contender \d+|command line), process \d+ on .+, since .+\); (close it first|try again when it has finished)\.$/;

describe('the data folder lock under contention', () => {
  it(`has exactly one holder when ${CONTENDERS} processes race for it, ${LOCK_TRIALS} times`, async () => {
    const dataDir = join(base, 'lock');
    const sentinel = join(base, 'inside-the-lock');
    mkdirSync(dataDir, { recursive: true });
    const contenders = Array.from({ length: CONTENDERS }, () => startContender('lock', dataDir, sentinel));
    try {
      await Promise.all(contenders.map((c) => lineOf(c, /^READY/)));
      const figures = { trials: 0, doubleHeld: 0, noHolder: 0, extraHolders: 0, badRefusals: [] as string[] };
      for (let trial = 1; trial <= LOCK_TRIALS; trial++) {
        // A third of the trials start from a lock a dead process left, a third from an empty one left long ago.
        if (trial % 3 === 1) {
          writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), kind: 'browser shell', since: '2026-01-01T00:00:00.000Z' }));
        } else if (trial % 3 === 2) {
          writeFileSync(join(dataDir, LOCK_FILE), '');
          const longAgo = new Date(Date.now() - 60_000);
          utimesSync(join(dataDir, LOCK_FILE), longAgo, longAgo);
        }
        const at = Date.now() + 150;
        for (const c of contenders) c.child.stdin!.write(`GO ${trial} ${at}\n`);
        const results = await Promise.all(contenders.map((c) => lineOf(c, new RegExp(`^(HELD|REFUSED) ${trial}\\b`))));
        const doubles = contenders.filter((c) => c.lines.some((l) => l === `DOUBLE ${trial}`)).length;
        const held = results.filter((r) => r.startsWith('HELD')).length;
        figures.trials++;
        if (doubles > 0 || held > 1) figures.doubleHeld++;
        if (held === 0) figures.noHolder++;
        figures.extraHolders += Math.max(0, held - 1);
        for (const r of results.filter((r) => r.startsWith('REFUSED'))) {
          const sentence = r.replace(/^REFUSED \d+ /, '');
          if (!HOLDER_SENTENCE.test(sentence)) figures.badRefusals.push(sentence);
        }
        expect(existsSync(join(dataDir, LOCK_FILE)), `trial ${trial}: released by its holder`).toBe(false);
      }
      console.log(`[lock race] ${JSON.stringify({ contenders: CONTENDERS, ...figures, badRefusals: figures.badRefusals.slice(0, 3) })}`);
      expect(figures).toEqual({ trials: LOCK_TRIALS, doubleHeld: 0, noHolder: 0, extraHolders: 0, badRefusals: [] });
    } finally {
      for (const c of contenders) c.child.kill('SIGKILL');
    }
  }, 180_000);

  it(`loses no acknowledged verdict when two writers start at the same instant, ${MARK_TRIALS} times`, async () => {
    const dataDir = join(base, 'mark');
    const setup = createBackend(await Store.open(dataDir));
    await setup.api['preferences:set']({ preferences: { checker: 'Setup' } });
    const { article } = await setup.api['articles:create']({ text: 'The bridge opened in 1932. It cost $4 million. Traffic doubled by 1950.', meta: { title: 'Bridge' } });
    expect(article.claims.length).toBeGreaterThanOrEqual(2);
    const figures = { trials: 0, acknowledged: 0, refused: 0, lost: 0, badRefusals: [] as string[] };
    const pair = [startContender('mark', dataDir, ''), startContender('mark', dataDir, '')];
    try {
      await Promise.all(pair.map((c) => lineOf(c, /^READY/)));
      for (let trial = 1; trial <= MARK_TRIALS; trial++) {
        const at = Date.now() + 150;
        pair.forEach((c, i) => c.child.stdin!.write(`GO ${trial} ${at} ${i + 1} trial-${trial}-writer-${i + 1}\n`));
        const results = await Promise.all(pair.map((c) => lineOf(c, new RegExp(`^(ACK|REFUSED) ${trial}\\b`))));
        const { article: after } = await createBackend(await Store.open(dataDir, { readOnly: true })).api['articles:get']({ id: article.id });
        figures.trials++;
        results.forEach((result, i) => {
          if (result.startsWith('ACK')) {
            figures.acknowledged++;
            if (after.claims[i]!.verdict.note !== `trial-${trial}-writer-${i + 1}`) figures.lost++;
          } else {
            figures.refused++;
            const sentence = result.replace(/^REFUSED \d+ /, '');
            if (!HOLDER_SENTENCE.test(sentence)) figures.badRefusals.push(sentence);
          }
        });
      }
    } finally {
      for (const c of pair) c.child.kill('SIGKILL');
    }
    console.log(`[mark race] ${JSON.stringify({ ...figures, badRefusals: figures.badRefusals.slice(0, 3) })}`);
    expect(figures.lost).toBe(0);
    expect(figures.badRefusals).toEqual([]);
    // The second writer waits for a command-line holder instead of being refused.
    expect(figures.acknowledged).toBe(2 * MARK_TRIALS);
  }, 300_000);

  it(`keeps both verdicts of two real “mark” commands started together, ${CLI_TRIALS} times`, async () => {
    const dataDir = join(base, 'cli');
    const setup = createBackend(await Store.open(dataDir));
    await setup.api['preferences:set']({ preferences: { checker: 'Setup' } });
    const { article } = await setup.api['articles:create']({ text: 'The bridge opened in 1932. It cost $4 million. Traffic doubled by 1950.', meta: { title: 'Bridge' } });
    const mark = (claim: number, note: string) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'mark', article.id, String(claim), '--status', 'disputed', '--note', note, '--data-dir', dataDir], {
          cwd: ROOT,
          env: { ...process.env, NODE_OPTIONS: '', FACTDESK_DATA_DIR: '' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('exit', (status) => done({ status, stdout, stderr }));
      });
    for (let trial = 1; trial <= CLI_TRIALS; trial++) {
      const runs = await Promise.all([mark(1, `cli-${trial}-a`), mark(2, `cli-${trial}-b`)]);
      const { article: after } = await createBackend(await Store.open(dataDir, { readOnly: true })).api['articles:get']({ id: article.id });
      runs.forEach((run, i) => {
        expect(run.stderr, `trial ${trial}, writer ${i + 1}`).toBe('');
        expect(run.status).toBe(0);
        expect(after.claims[i]!.verdict.note).toBe(`cli-${trial}-${i === 0 ? 'a' : 'b'}`);
      });
    }
  }, 120_000);
});
