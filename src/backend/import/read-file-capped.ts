// A file's bytes from disk, for an import: only a regular file is read, and never
// more than the import limit plus one byte, whatever `stat` says. A FIFO, a device
// (/dev/zero, /dev/random) or a file in /proc reports a size of 0 and would be read
// forever; a FIFO with no writer would block the open itself. Each refusal is one
// sentence naming the file.
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Stats } from 'node:fs';
import { UserError } from '../../shared/errors';
import { MAX_IMPORT_BYTES, limitMb, megabytes, overImportLimit } from '../../shared/import-formats';

const CHUNK = 1024 * 1024;

export async function readFileCapped(path: string, maxBytes = MAX_IMPORT_BYTES): Promise<Uint8Array> {
  const name = basename(path) || path;
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw openFailure(path, error);
  }
  if (info.isDirectory()) throw new UserError(`“${path}” is a folder, not a file.`);
  if (!info.isFile()) throw notAFile(name, info);
  // Checked before reading, so a file that says it is huge is refused without loading it.
  if (info.size > maxBytes) throw tooLarge(name, megabytes(info.size), maxBytes);

  // O_NONBLOCK: should the path turn into a FIFO between the stat and the open, the
  // open returns at once instead of waiting for a writer (and the fstat refuses it).
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((error: unknown) => {
    throw openFailure(path, error);
  });
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notAFile(name, opened);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const room = maxBytes + 1 - total;
      if (room <= 0) throw tooLarge(name, null, maxBytes);
      // The first read takes the size `stat` gave (plus the byte that shows it was wrong).
      const chunk = new Uint8Array(Math.min(total === 0 ? Math.max(info.size + 1, 64 * 1024) : CHUNK, room));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxBytes) throw tooLarge(name, null, maxBytes);
    return concat(chunks, total);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`“${name}” could not be read (${describeCode(error)}).`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The size as `stat` gave it, or null when the file only showed it was larger as it was read. */
function tooLarge(name: string, size: string | null, maxBytes: number): UserError {
  return new UserError(`“${name}” ${overImportLimit(size ?? `more than ${limitMb(maxBytes)}`, maxBytes)}.`);
}

function notAFile(name: string, info: Stats): UserError {
  if (info.isFIFO()) {
    return new UserError(`“${name}” is a named pipe (FIFO), not a regular file; save what it carries to a file and import that file.`);
  }
  const what = info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : info.isSocket() ? 'a socket' : 'a special file';
  return new UserError(`“${name}” is ${what}, not a regular file that Factdesk can import.`);
}

function openFailure(path: string, error: unknown): UserError {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UserError(`File “${path}” does not exist.`);
  return new UserError(`“${basename(path) || path}” could not be read (${describeCode(error)}).`);
}

function describeCode(error: unknown): string {
  switch ((error as { code?: string }).code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EIO':
      return 'a disk error';
    default:
      return 'the system refused to read it';
  }
}
