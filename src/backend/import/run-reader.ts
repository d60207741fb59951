// Runs a format reader in a worker thread with a time limit and a memory limit: the
// readers of web pages, Word documents and PDFs are libraries (jsdom, mammoth, pdfjs)
// whose worst cases are not ours to bound, and in the desktop app the backend shares
// Electron's main process with the window. Whatever a file does to a reader, the
// importer gets an answer: the text, or a refusal in words that follow the file's name.
//
//   time     a wall clock per file; past it the thread is terminated (a reader busy in
//            a loop is interrupted, not waited for).
//   heap     the thread's V8 heap is capped (resourceLimits): running out ends the
//            thread, not the process.
//   memory   what the heap cap cannot see (typed arrays: a PDF's decoded streams)
//            shows in the process's resident size, watched while the thread reads.
//
// One thread is kept warm between files (loading jsdom or pdfjs costs more than most
// reads), reads one file at a time, never keeps the process alive when idle, and is
// replaced after any limit is hit. Where the thread is found:
//   - from TypeScript sources (tsx, vitest): import-worker.ts, loaded through tsx;
//   - in the desktop app's bundle: import-worker.js, built beside the main entry.
// If no thread can be started at all, the reader runs in-process (the pre-checks
// still apply) and the reason is reported once on stderr.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { READER_LIMITS, type ReaderLimits } from './import-limits';
import type { ReaderReply, ReaderRequest } from './import-worker';
import { readJob, type ReaderJob } from './read-format';
import { describeFailure, type ReaderFailure } from './reader-failure';
import type { ImportedText } from './types';

/** A reader failure, as the thread reported it or as a limit ended it. */
export class ReaderFailed extends Error {
  constructor(readonly failure: ReaderFailure) {
    super(failure.kind === 'refusal' ? failure.reason : failure.kind);
    this.name = 'ReaderFailed';
  }
}

/** Reads one file in a reader thread, within `limits`; rejects with ReaderFailed. */
export async function runReader(job: ReaderJob, limits: Partial<ReaderLimits> = {}): Promise<ImportedText> {
  const all: ReaderLimits = { ...READER_LIMITS, ...limits };
  const lane = laneFor(all.heapMb);
  const turn = lane.tail.then(() => runInThread(lane, job, all));
  lane.tail = turn.then(
    () => undefined,
    () => undefined,
  );
  return turn;
}

/** Ends every reader thread (for tests and orderly shutdowns; idle threads never hold the process open anyway). */
export async function stopReaders(): Promise<void> {
  const stopping = [...lanes.values()].map((lane) => {
    if (lane.idleTimer) clearTimeout(lane.idleTimer);
    return lane.thread?.worker.terminate();
  });
  lanes.clear();
  await Promise.all(stopping);
}

// ---- lanes: one warm thread per heap size, one file at a time ----------------------

interface Thread {
  worker: Worker;
  /** Settles once the thread has loaded its code and said so. */
  ready: Promise<void>;
}

interface Lane {
  heapMb: number;
  thread: Thread | null;
  /** The end of the queue: files are read one after another. */
  tail: Promise<void>;
  idleTimer: NodeJS.Timeout | null;
}

const lanes = new Map<number, Lane>();
/** An idle thread is ended after this long (its heap holds a parser's caches). */
const IDLE_MS = 60_000;
/** A thread that has not loaded its code by then is taken as unable to start. */
const START_MS = 60_000;
/** How often the process's resident memory is looked at while a thread reads. */
const WATCH_MS = 50;

function laneFor(heapMb: number): Lane {
  let lane = lanes.get(heapMb);
  if (!lane) {
    lane = { heapMb, thread: null, tail: Promise.resolve(), idleTimer: null };
    lanes.set(heapMb, lane);
  }
  return lane;
}

let nextId = 1;

async function runInThread(lane: Lane, job: ReaderJob, limits: ReaderLimits): Promise<ImportedText> {
  if (lane.idleTimer) clearTimeout(lane.idleTimer);
  lane.idleTimer = null;
  let thread: Thread;
  try {
    thread = lane.thread ??= startThread(lane);
    thread.ready.catch(() => undefined);
    thread.worker.ref();
    await thread.ready;
  } catch (error) {
    lane.thread = null;
    return readInProcess(job, error);
  }
  try {
    return await readOnce(lane, thread, job, limits);
  } finally {
    if (lane.thread === thread) {
      thread.worker.unref();
      lane.idleTimer = setTimeout(() => endThread(lane, thread), IDLE_MS);
      lane.idleTimer.unref();
    }
  }
}

function readOnce(lane: Lane, thread: Thread, job: ReaderJob, limits: ReaderLimits): Promise<ImportedText> {
  const { worker } = thread;
  const id = nextId++;
  return new Promise<ImportedText>((resolve, reject) => {
    const baseline = process.memoryUsage.rss();
    const settle = (outcome: { value: ImportedText } | { failure: ReaderFailure }, endThreadToo: boolean) => {
      clearTimeout(timer);
      clearInterval(watch);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (endThreadToo) endThread(lane, thread);
      if ('value' in outcome) resolve(outcome.value);
      else reject(new ReaderFailed(outcome.failure));
    };
    const onMessage = (reply: ReaderReply) => {
      if (!('id' in reply) || reply.id !== id) return;
      settle(reply.ok ? { value: reply.value } : { failure: reply.failure }, false);
    };
    const onError = (error: Error & { code?: string }) =>
      settle({ failure: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuchMemory(limits.heapMb) : describeFailure(error) }, true);
    const onExit = () => settle({ failure: { kind: 'damaged' } }, true);
    const timer = setTimeout(() => settle({ failure: tooSlow(limits.timeMs) }, true), limits.timeMs);
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limits.rssMb * 1024 * 1024) settle({ failure: tooMuchMemory(limits.rssMb) }, true);
    }, WATCH_MS);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const request: ReaderRequest = { ...job, id };
    if ('bytes' in job) {
      // A copy in an ArrayBuffer of its own, for the thread to own: the caller keeps its
      // bytes (a Buffer's slice() would be a view, and might sit in Node's shared pool).
      const bytes = new Uint8Array(job.bytes);
      worker.postMessage({ ...request, bytes }, [bytes.buffer]);
    } else {
      worker.postMessage(request);
    }
  });
}

function tooSlow(ms: number): ReaderFailure {
  const limit = ms >= 1000 ? `${Math.round(ms / 1000)} second${ms === 1000 ? '' : 's'}` : `${ms} milliseconds`;
  return { kind: 'refusal', reason: `took longer than ${limit} to read; it may be damaged or built to stall an importer`, code: 'invalid' };
}

function tooMuchMemory(mb: number): ReaderFailure {
  const amount = mb >= 1024 ? `${(mb / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} GB` : `${mb} MB`;
  return { kind: 'refusal', reason: `is too large or too complex to import (it would need more than ${amount} of memory)`, code: 'invalid' };
}

function endThread(lane: Lane, thread: Thread): void {
  if (lane.thread === thread) lane.thread = null;
  if (lane.idleTimer) clearTimeout(lane.idleTimer);
  lane.idleTimer = null;
  void thread.worker.terminate();
}

// ---- starting a thread ---------------------------------------------------------------

function startThread(lane: Lane): Thread {
  const options = {
    resourceLimits: { maxOldGenerationSizeMb: lane.heapMb },
    // Nothing inherited: no --inspect, no loaders, no flags of the test runner.
    execArgv: [] as string[],
  };
  const worker = fromSources
    ? // From TypeScript: tsx loads the thread's entry (its own loader hooks, scoped to that import).
      new Worker(SOURCE_BOOTSTRAP, { ...options, eval: true, workerData: { tsx: tsxApi(), entry: sourceEntry.href } })
    : new Worker(bundledEntry(), options);
  worker.unref();
  // Always listened to: a thread that fails while idle (an unhandled 'error' would end
  // the process) is simply dropped, and the next file starts a new one.
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    if (lane.thread?.worker === worker) lane.thread = null;
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the import reader thread did not start in time')), START_MS);
    timer.unref();
    const onMessage = (reply: ReaderReply) => {
      if (!('ready' in reply)) return;
      cleanup();
      resolve();
    };
    const fail = (error: unknown) => {
      cleanup();
      void worker.terminate();
      reject(error);
    };
    const onExit = (code: number) => fail(new Error(`the import reader thread exited (code ${code}) before it was ready`));
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', fail);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', fail);
    worker.on('exit', onExit);
  });
  return { worker, ready };
}

/** Running from TypeScript sources (tsx, vitest) rather than the desktop app's bundle. */
const fromSources = import.meta.url.endsWith('.ts');
const sourceEntry = new URL('./import-worker.ts', import.meta.url);

const SOURCE_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then(({ tsImport }) => tsImport(workerData.entry, workerData.entry))
  .catch((error) => setImmediate(() => { throw error; }));
`;

/** tsx's ESM API (tsImport), as a file URL: its package's export map names the file. */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const file = manifest.exports['./esm/api']?.import?.default;
  if (!file) throw new Error('tsx has no ESM API (tsx/esm/api) to load the import reader with');
  return new URL(file, pathToFileURL(manifestPath)).href;
}

/** The bundled entry: beside the main bundle, whether this code sits in it or in one of its chunks. */
function bundledEntry(): URL {
  const name = 'import-worker.js';
  const candidates = [new URL(`./${name}`, import.meta.url), new URL(`../${name}`, import.meta.url)];
  const found = candidates.find((url) => existsSync(fileURLToPath(url)));
  if (!found) throw new Error(`${name} is missing beside ${fileURLToPath(import.meta.url)}`);
  return found;
}

// ---- the fallback --------------------------------------------------------------------

let warned = false;

/** Without a thread: the same reader, in-process, with only the pre-checks for protection. */
async function readInProcess(job: ReaderJob, why: unknown): Promise<ImportedText> {
  if (!warned) {
    warned = true;
    const reason = why instanceof Error ? why.message : String(why);
    process.stderr.write(`Factdesk: imports are read without their time and memory limits (${reason}).\n`);
  }
  try {
    return await readJob(job);
  } catch (error) {
    throw new ReaderFailed(describeFailure(error));
  }
}
