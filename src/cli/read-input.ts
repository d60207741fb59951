// Reads an article file for the CLI. Plain text for now; every failure is one
// sentence naming the file.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError } from '../shared/errors';

export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export async function readArticleFile(path: string): Promise<string> {
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UserError(`File “${path}” does not exist.`);
  }
  if (info.isDirectory()) throw new UserError(`“${path}” is a folder, not a file.`);
  if (info.size > MAX_FILE_BYTES) throw new UserError(`File “${name}” is larger than 25 MB.`);
  const bytes = await readFile(path);
  if (bytes.includes(0)) throw new UserError(`File “${name}” is not a text file.`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.trim() === '') throw new UserError(`File “${name}” is empty.`);
  return text;
}
