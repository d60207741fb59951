// The library list without reading every article: `library-index.json` keeps
// each article file's summary with the file's identity (inode, size, mtime) at
// the time it was summarized. On open, a file whose identity still matches is
// not read; any other file is read, validated and summarized again. Saves never
// touch the index (the save path stays one file); the store rewrites it on the
// next open when anything moved. It is derived data: a bad or missing index is
// ignored and rebuilt, never trusted and never needed for a verdict.
import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ArticleSummary } from '../../shared/model';
import { writeFileAtomic } from './atomic-write';
import { SCHEMA_VERSION } from './documents';

export const INDEX_FILE = 'library-index.json';

/** Every save is a new file (temp file renamed over), so a save changes the inode as well as the mtime. */
const FileIdentity = z.object({ ino: z.number(), size: z.number(), mtimeMs: z.number() });
type FileIdentity = z.infer<typeof FileIdentity>;

const IndexEntry = FileIdentity.extend({ summary: ArticleSummary });
export type IndexEntry = z.infer<typeof IndexEntry>;

const IndexDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Keyed by the article's file name. */
  entries: z.record(z.string(), IndexEntry),
});

export function identityOf(stats: Stats): FileIdentity {
  return { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
}

export function sameFile(entry: FileIdentity | undefined, stats: Stats): boolean {
  return entry !== undefined && entry.ino === stats.ino && entry.size === stats.size && entry.mtimeMs === stats.mtimeMs;
}

/** The index as last written, or an empty one when it is missing, unreadable or from another schema. */
export async function readSummaryIndex(dataDir: string): Promise<Map<string, IndexEntry>> {
  try {
    const parsed = IndexDocument.safeParse(JSON.parse(await readFile(join(dataDir, INDEX_FILE), 'utf8')));
    return parsed.success ? new Map(Object.entries(parsed.data.entries)) : new Map();
  } catch {
    return new Map();
  }
}

export async function writeSummaryIndex(dataDir: string, entries: Map<string, IndexEntry>): Promise<void> {
  const document: z.infer<typeof IndexDocument> = { schemaVersion: SCHEMA_VERSION, entries: Object.fromEntries(entries) };
  await writeFileAtomic(join(dataDir, INDEX_FILE), JSON.stringify(document));
}
