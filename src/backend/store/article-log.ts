// The per-article write-ahead log: `articles/<id>.log`, one change a line, appended
// and fsynced before a save is acknowledged. A save then costs its change, not the
// article: the snapshot `<id>.json` is rewritten whole only when the store compacts
// the log into it (after enough records, when idle, before a backup or any write that
// replaces the file), after which the log is removed.
//
// Each record carries the version it produces. Opening an article reads its snapshot
// and applies the records past the snapshot's version, in order, each exactly one
// past the last: a record the snapshot already holds (a compaction killed between
// its rename and the log's removal) is skipped, and a gap stops the replay. The last
// line without its newline is a record cut short mid-append: it was never
// acknowledged (that waits for the whole line to be fsynced), so it is dropped
// silently, as a writer's orphaned temp file is.
import { open, rm, stat } from 'node:fs/promises';
import { z } from 'zod';
import { Article } from '../../shared/model';
import { articleIdPath } from '../ids';
import { dirname } from 'node:path';
import { fsyncDirectory } from './atomic-write';
import { readRegularFile } from './faults';

/** The long arrays, stored as splices: a verdict on one claim of 5,000 logs that claim. */
const SPLICED = ['claims', 'setAside', 'orphans'] as const;
type Spliced = (typeof SPLICED)[number];
const isSpliced = (key: string): key is Spliced => (SPLICED as readonly string[]).includes(key);

/** `[start, deleteCount, items]`, as Array.prototype.splice takes them. */
const Splice = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.array(z.unknown())]);

export const LogRecord = z.object({
  /** The version this record makes of the article (Article.version). */
  v: z.number().int().positive(),
  /** Top-level fields replaced whole. */
  set: z.record(z.string(), z.unknown()).optional(),
  /** Long arrays changed in one run of elements. */
  splice: z.record(z.string(), Splice).optional(),
});
export type LogRecord = z.infer<typeof LogRecord>;

/**
 * A log's first line: the snapshot it continues (its version and updatedAt). A
 * snapshot changed behind the log's back (another program, a copy put back by hand)
 * no longer matches, and the log is not applied to it.
 */
export const LogHeader = z.object({ base: z.object({ v: z.number().int().nonnegative(), at: z.string() }) });
export type LogHeader = z.infer<typeof LogHeader>;

export function headerOf(snapshot: Article): LogHeader {
  return { base: { v: snapshot.version ?? 0, at: snapshot.updatedAt } };
}

/** articles/<id>.log; refused unless `id` is an article id. */
export function logPath(dataDir: string, id: string): string {
  return articleIdPath(dataDir, 'articles', id, '.log');
}

/**
 * The record that turns `previous` (an article the schema has checked) into `next`,
 * with `next` checked against the schema field by field: only what changed (by
 * reference, as a change built by spreading leaves it) is parsed, so the check costs
 * the change. Article is a plain object of independent fields, so this accepts and
 * yields exactly what a whole parse would. Null when something does not validate:
 * the caller then runs the whole check, which says why in one sentence.
 */
export function checkedChange(previous: Article, next: Article, version: number): { article: Article; record: LogRecord } | null {
  const shape = Article.shape as Record<string, z.ZodTypeAny>;
  const article: Record<string, unknown> = { ...previous, version };
  const record: LogRecord = { v: version };
  for (const key of Object.keys(shape)) {
    if (key === 'version') continue;
    const before = (previous as Record<string, unknown>)[key];
    const after = (next as Record<string, unknown>)[key];
    if (before === after) continue;
    if (isSpliced(key) && Array.isArray(before) && Array.isArray(after)) {
      let start = 0;
      while (start < before.length && start < after.length && before[start] === after[start]) start++;
      let end = 0;
      while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
      const element = (shape[key] as z.ZodArray<z.ZodTypeAny>).element;
      const items: unknown[] = [];
      for (const item of after.slice(start, after.length - end)) {
        const parsed = element.safeParse(item);
        if (!parsed.success) return null;
        items.push(parsed.data);
      }
      const deleted = before.length - start - end;
      if (deleted === 0 && items.length === 0) continue;
      const merged = [...before];
      merged.splice(start, deleted, ...items);
      article[key] = merged;
      (record.splice ??= {})[key] = [start, deleted, items];
      continue;
    }
    const parsed = shape[key]!.safeParse(after);
    if (!parsed.success) return null;
    if (parsed.data === undefined) delete article[key];
    else article[key] = parsed.data;
    (record.set ??= {})[key] = parsed.data ?? null;
  }
  return { article: article as Article, record };
}

/** `article` with `record` applied (not validated: the replay checks the result whole). */
export function applyRecord(article: Article, record: LogRecord): Article {
  const next: Record<string, unknown> = { ...article, version: record.v };
  for (const [key, value] of Object.entries(record.set ?? {})) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  for (const [key, [start, deleted, items]] of Object.entries(record.splice ?? {})) {
    const merged = [...((next[key] as unknown[]) ?? [])];
    merged.splice(start, deleted, ...items);
    next[key] = merged;
  }
  return next as Article;
}

export interface LogRead {
  header?: LogHeader;
  /** The records in file order, up to the first line that does not read. */
  records: LogRecord[];
  /** Bytes of whole, readable lines: where the next append goes. */
  size: number;
  /** A whole line that does not read (not a torn tail): something the disk or a person changed. */
  damaged: boolean;
}

/** The log's records; an empty read when there is none. */
export async function readLog(path: string): Promise<LogRead> {
  // Only a regular file is opened (a FIFO there would hang the open); anything else throws FileFaultError.
  const text = await readRegularFile(path);
  if (text === null) return { records: [], size: 0, damaged: false };
  const records: LogRecord[] = [];
  let header: LogHeader | undefined;
  let size = 0;
  let from = 0;
  for (;;) {
    const end = text.indexOf('\n', from);
    if (end < 0) break; // the torn tail, if any: never acknowledged
    const line = text.slice(from, end);
    let record: LogRecord | null = null;
    try {
      const json: unknown = JSON.parse(line);
      const parsed = LogRecord.safeParse(json);
      if (parsed.success) record = parsed.data;
      else if (from === 0) header = LogHeader.safeParse(json).data;
    } catch {
      // damaged
    }
    if (!record && !(from === 0 && header)) return { header, records, size, damaged: true };
    if (record) records.push(record);
    from = end + 1;
    size = Buffer.byteLength(text.slice(0, from), 'utf8');
  }
  return { header, records, size, damaged: false };
}

/**
 * `article` (the snapshot) with the log's records past its version applied, in
 * order; `gap` when a record that should follow is missing, which stops the replay.
 */
export function replay(article: Article, records: LogRecord[]): { article: Article; applied: number; gap: boolean } {
  let current = article;
  let applied = 0;
  for (const record of records) {
    const version = current.version ?? 0;
    if (record.v <= version) continue;
    if (record.v !== version + 1) return { article: current, applied, gap: true };
    current = applyRecord(current, record);
    applied++;
  }
  return { article: current, applied, gap: false };
}

/**
 * Appends one line at `at` (the end of the log's whole lines, cutting off a torn
 * tail) and fsyncs it; a new log's folder entry is fsynced too. On failure the log
 * is cut back to `at`, so a half-written line never sits before the next one.
 * Returns the log's new size.
 */
export async function appendRecord(path: string, record: LogRecord, at: number, header: LogHeader): Promise<number> {
  // A new log starts with the snapshot it continues, in the same write as its first record.
  const line = Buffer.from(`${at === 0 ? `${JSON.stringify(header)}\n` : ''}${JSON.stringify(record)}\n`, 'utf8');
  const created = at === 0 && !(await stat(path).catch(() => null));
  const handle = await open(path, at === 0 ? 'w' : 'r+', 0o600);
  try {
    try {
      if (at > 0) await handle.truncate(at);
      await handle.write(line, 0, line.length, at);
      await handle.sync();
    } catch (error) {
      await handle.truncate(at).catch(() => undefined);
      throw error;
    }
  } finally {
    await handle.close();
  }
  if (created) await fsyncDirectory(dirname(path));
  return at + line.length;
}

/** Removes the log once its records are in the snapshot; the folder is fsynced so it stays removed. */
export async function removeLog(path: string): Promise<void> {
  await rm(path, { force: true });
  await fsyncDirectory(dirname(path));
}
