// Reads an article file for the CLI: every format the app imports, through the
// same importer (src/backend/import). Every failure is one sentence naming the file.
import { basename } from 'node:path';
import { importFile, type ImportResult } from '../backend/import/import-file';
import { readFileCapped } from '../backend/import/read-file-capped';

export async function readArticleFile(path: string): Promise<ImportResult & { bytes: Uint8Array }> {
  const bytes = await readFileBytes(path);
  return { ...(await importFile(basename(path), bytes)), bytes };
}

/**
 * The file's bytes, after the checks that need no parsing: it exists, it is a regular
 * file (not a folder, a FIFO or a device such as /dev/zero, whose `stat` size says
 * nothing), and it is within the import limit, counted on the bytes actually read.
 */
export function readFileBytes(path: string): Promise<Uint8Array> {
  return readFileCapped(path);
}
