// Reads an article file for the CLI: every format the app imports, through the
// same importer (src/backend/import). Every failure is one sentence naming the file.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../shared/errors';
import { MAX_IMPORT_BYTES, importFile, refusal, type ImportResult } from '../backend/import/import-file';

export async function readArticleFile(path: string): Promise<ImportResult & { bytes: Uint8Array }> {
  const bytes = await readFileBytes(path);
  return { ...(await importFile(basename(path), bytes)), bytes };
}

/** The file's bytes, after the checks that need no parsing (it exists, is a file, is not too big). */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UserError(`File “${path}” does not exist.`);
  }
  if (info.isDirectory()) throw new UserError(`“${path}” is a folder, not a file.`);
  // Checked before reading, so a huge file is refused without loading it.
  if (info.size > MAX_IMPORT_BYTES) {
    throw refusal(name, `is ${(info.size / (1024 * 1024)).toFixed(1)} MB, over the 25 MB import limit`);
  }
  return readFile(path);
}
