// A contender for the data folder's lock, for the lock race test: a separate
// process that opens the folder through the real code and waits on stdin.
//
//   lock mode (long-lived): on `GO <trial> <epochMs>` it waits for that instant, then
//     takes the lock (acquireDataDirLock, no waiting) and opens the store; while it
//     holds the lock it owns a sentinel file made with O_EXCL, so a second holder at
//     the same time is caught (`DOUBLE`). It prints `HELD <trial>` or
//     `REFUSED <trial> <sentence>`, releases, and waits for the next GO.
//   mark mode (long-lived): on `GO <trial> <epochMs> <claimNumber> <note>` it opens the
//     backend as a writing front door does (openBackend with lockAs “command line”,
//     which waits a few seconds for another command-line holder), marks that claim
//     disputed with that note, prints `ACK <trial>` once the store acknowledged it (or
//     `REFUSED <trial> <sentence>`), and closes the backend, releasing the lock.
import { closeSync, openSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { acquireDataDirLock } from '../../../../src/backend/store/data-dir-lock';
import { Store } from '../../../../src/backend/store/store';

const [mode, dataDir, sentinel] = process.argv.slice(2) as [string, string, string];
// Only the writers load the whole backend (the lock's contenders stay light: twelve of them start at once).
const { openBackend } = mode === 'mark' ? await import('../../../../src/backend/open-backend') : { openBackend: undefined };
const HOLD_MS = 120;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(at: number): Promise<void> {
  const wait = at - Date.now() - 3;
  if (wait > 0) await sleep(wait);
  while (Date.now() < at) {
    // spin the last few milliseconds so every contender starts at the same instant
  }
}

const say = (line: string): void => void process.stdout.write(`${line.replace(/\n/g, ' ')}\n`);

async function lockTrial(trial: string): Promise<void> {
  let lock: { release(): void };
  try {
    lock = await acquireDataDirLock(dataDir, `contender ${process.pid}`);
  } catch (error) {
    return say(`REFUSED ${trial} ${(error as Error).message}`);
  }
  let mine = false;
  try {
    closeSync(openSync(sentinel, 'wx'));
    mine = true;
  } catch {
    say(`DOUBLE ${trial}`);
  }
  await Store.open(dataDir);
  await sleep(HOLD_MS);
  if (mine) unlinkSync(sentinel);
  lock.release();
  say(`HELD ${trial}`);
}

async function markTrial(trial: string, claimNumber: number, note: string): Promise<void> {
  let backend: Awaited<ReturnType<NonNullable<typeof openBackend>>> | undefined;
  try {
    backend = await openBackend!(dataDir, { lockAs: 'command line' });
    const { api } = backend;
    const { articles } = await api['library:list']({});
    const { article } = await api['articles:get']({ id: articles[0]!.id });
    const claim = article.claims[claimNumber - 1]!;
    await api['claims:mark']({ articleId: article.id, claimId: claim.id, checker: `Contender ${process.pid}`, patch: { status: 'disputed', note } });
    await backend.close();
    say(`ACK ${trial}`);
  } catch (error) {
    await backend?.close();
    say(`REFUSED ${trial} ${(error as Error).message}`);
  }
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [command, trial, at, claimNumber, note] = line.split(' ');
  if (command === 'EXIT') process.exit(0);
  if (command !== 'GO') return;
  void until(Number(at)).then(() => (mode === 'mark' ? markTrial(trial!, Number(claimNumber), note!) : lockTrial(trial!)));
});
say(`READY ${join(dataDir)}`);
