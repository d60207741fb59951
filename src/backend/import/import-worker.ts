// The reader thread: reads one file at a time for run-reader.ts, inside a worker
// thread whose heap is capped, so that a file built to exhaust or stall a parser we
// did not write (jsdom, mammoth, pdfjs) costs a refusal, never the app. Built as its
// own entry (electron.vite.config.ts) for the desktop app; run from source under tsx
// and vitest.
import { parentPort } from 'node:worker_threads';
import { readJob, type ReaderJob } from './read-format';
import { describeFailure, type ReaderFailure } from './reader-failure';
import type { ImportedText } from './types';

export type ReaderRequest = ReaderJob & { id: number };
export type ReaderReply =
  | { ready: true }
  | { id: number; ok: true; value: ImportedText }
  | { id: number; ok: false; failure: ReaderFailure };

const port = parentPort;
if (!port) throw new Error('import-worker runs only as a worker thread (see run-reader.ts).');

let pdfWorkerLoaded: Promise<unknown> | null = null;

/**
 * pdfjs runs its parser in-process through a "fake worker" that it finds by sniffing
 * the environment (Node, or Electron's main process); handing it the parser module
 * directly takes the sniffing out of the question in any thread of any process.
 */
function loadPdfParser(): Promise<unknown> {
  // @ts-expect-error pdfjs-dist ships no type declarations for its parser module.
  pdfWorkerLoaded ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then((parser: unknown) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = parser;
  });
  return pdfWorkerLoaded;
}

port.on('message', async (request: ReaderRequest) => {
  const { id } = request;
  let reply: ReaderReply;
  try {
    if (request.format === 'pdf') await loadPdfParser();
    reply = { id, ok: true, value: await readJob(request) };
  } catch (error) {
    reply = { id, ok: false, failure: describeFailure(error) };
  }
  port.postMessage(reply);
});

port.postMessage({ ready: true } satisfies ReaderReply);
