// The claim memory on disk, in the data folder beside the articles:
//
//   memory-index.jsonl.gz.b64  a header line, then one line per article (memory-article.ts),
//                            gzipped (notes and sources make the lines longer than the
//                            claims' text; compressed, the file is about half of it) and
//                            base64'd, written whole and atomically (atomic-write.ts, which
//                            writes text);
//   memory-index.log.jsonl   what changed since: a line per save (the article's new line)
//                            or per removal (["-", id]), appended after each save.
//
// Both are derived data: a missing, damaged or foreign file is ignored and the memory
// is built again from the article files; a damaged line costs only its article, which
// is read again. Every article's line carries the updatedAt it was read at, and the
// memory checks it against the library on every load, so neither file is ever trusted
// for what an article holds now.
import { createReadStream } from 'node:fs';
import { appendFile, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import { encodeArticle, type MemoryArticle } from '../../shared/memory/memory-article';
import { writeFileAtomic } from '../store/atomic-write';

export const MEMORY_FILE = 'memory-index.jsonl.gz.b64';
export const MEMORY_LOG = 'memory-index.log.jsonl';
/** Raised when the line format changes: an index of another version is rebuilt, not read. */
export const MEMORY_FORMAT = 1;

const HEADER = { factdesk: 'claim-memory', format: MEMORY_FORMAT };
// zlib runs on libuv's thread pool: compressing 100 MB never holds up the event loop.
const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

/** The index file's text (its lines) from what is on disk; throws when it is not a gzip in base64. */
export async function decodeIndexFile(raw: string): Promise<string> {
  return (await gunzip(Buffer.from(raw.trim(), 'base64'))).toString('utf8');
}

export function removalLine(id: string): string {
  return JSON.stringify(['-', id]);
}

/** The id of a removal line, or null for any other line. */
export function removedId(line: string): string | null {
  if (!line.startsWith('["-",')) return null;
  try {
    const row: unknown = JSON.parse(line);
    return Array.isArray(row) && row.length === 2 && row[0] === '-' && typeof row[1] === 'string' ? row[1] : null;
  } catch {
    return null;
  }
}

/**
 * The article lines of the index file. `null` when there is no usable file: missing,
 * not a gzip, or its header is not this format's.
 */
export async function indexLines(dataDir: string): Promise<Iterable<string> | null> {
  const path = join(dataDir, MEMORY_FILE);
  if (!(await exists(path))) return null;
  let text: string;
  try {
    text = await decodeIndexFile(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
  const lines = text.split('\n');
  if (!isHeader(lines[0] ?? '')) return null;
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(1);
}

/** The log's lines, oldest first (none when there is no log). */
export async function logLines(dataDir: string): Promise<AsyncIterable<string> | null> {
  const path = join(dataDir, MEMORY_LOG);
  if (!(await exists(path))) return null;
  return createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
}

function isHeader(line: string): boolean {
  try {
    const header = JSON.parse(line) as Record<string, unknown>;
    return header.factdesk === HEADER.factdesk && header.format === HEADER.format;
  } catch {
    return false;
  }
}

/**
 * Writes the whole index (atomically) from `articles`, serializing in slices that
 * yield to the event loop, then drops the log it folds in.
 */
export async function writeIndex(dataDir: string, articles: Iterable<MemoryArticle>, pause: () => Promise<void>): Promise<number> {
  const parts: string[] = [JSON.stringify(HEADER)];
  let count = 0;
  for (const article of articles) {
    parts.push(encodeArticle(article));
    if (++count % 200 === 0) await pause();
  }
  const packed = (await gzip(Buffer.from(`${parts.join('\n')}\n`, 'utf8'), { level: 6 })).toString('base64');
  await writeFileAtomic(join(dataDir, MEMORY_FILE), packed);
  await rm(join(dataDir, MEMORY_LOG), { force: true });
  return packed.length;
}

export async function appendLog(dataDir: string, lines: readonly string[]): Promise<void> {
  await appendFile(join(dataDir, MEMORY_LOG), `${lines.join('\n')}\n`, { encoding: 'utf8', mode: 0o600 });
}

export async function logSize(dataDir: string): Promise<number> {
  return (await stat(join(dataDir, MEMORY_LOG)).catch(() => null))?.size ?? 0;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
