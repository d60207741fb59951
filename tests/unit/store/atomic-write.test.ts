// writeFileAtomic is the only thing that puts bytes on disk: a reader must see the
// old file or the new one, never half of either, and a failed write must leave the
// old file as it was and no temp file lying around.
import * as fsp from 'node:fs/promises';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../src/backend/store/atomic-write';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, rename: vi.fn(actual.rename) };
});

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-atomic-'));
});

afterEach(async () => {
  vi.mocked(fsp.rename).mockClear();
  await rm(dir, { recursive: true, force: true });
});

const tempFiles = async (folder: string) => (await readdir(folder)).filter((n) => n.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('creates a new file with exactly the given text', async () => {
    const target = join(dir, 'a.json');
    await writeFileAtomic(target, '{"x":"é – ✓"}');
    expect(await readFile(target, 'utf8')).toBe('{"x":"é – ✓"}');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('replaces the whole content of an existing file, including a longer one', async () => {
    const target = join(dir, 'a.json');
    await writeFile(target, 'x'.repeat(10_000));
    await writeFileAtomic(target, 'short');
    expect(await readFile(target, 'utf8')).toBe('short');
    expect(await tempFiles(dir)).toEqual([]);
  });

  it('many concurrent writes to one file end with one complete version and no temp files', async () => {
    const target = join(dir, 'a.json');
    const versions = Array.from({ length: 25 }, (_, i) => JSON.stringify({ version: i, pad: String(i).repeat(5_000) }));
    await Promise.all(versions.map((v) => writeFileAtomic(target, v)));
    expect(versions).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('rejects when the target folder has been removed, and leaves no temp file anywhere', async () => {
    const folder = join(dir, 'articles');
    await mkdir(folder);
    await rm(folder, { recursive: true });
    await expect(writeFileAtomic(join(folder, 'a.json'), 'data')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects when the target path is a folder, leaving that folder and its contents intact and no temp file', async () => {
    const target = join(dir, 'a.json');
    await mkdir(target);
    await writeFile(join(target, 'inside.txt'), 'keep me');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readFile(join(target, 'inside.txt'), 'utf8')).toBe('keep me');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('when the final rename fails, rejects with that error, keeps the old file intact and removes the temp file', async () => {
    const target = join(dir, 'a.json');
    await writeFile(target, 'old content');
    const failure = Object.assign(new Error('EIO: simulated disk failure'), { code: 'EIO' });
    vi.mocked(fsp.rename).mockRejectedValueOnce(failure);

    await expect(writeFileAtomic(target, 'new content')).rejects.toBe(failure);
    expect(vi.mocked(fsp.rename)).toHaveBeenCalledTimes(1);
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['a.json']);

    // And the next write goes through normally.
    await writeFileAtomic(target, 'new content');
    expect(await readFile(target, 'utf8')).toBe('new content');
  });

  it('writes through a temp file in the same folder (so the rename never crosses file systems)', async () => {
    const target = join(dir, 'a.json');
    await writeFileAtomic(target, 'data');
    const call = vi.mocked(fsp.rename).mock.calls[0];
    expect(call).toBeDefined();
    const [from, to] = call! as [string, string];
    expect(to).toBe(target);
    expect(from.startsWith(join(dir, '.a.json.'))).toBe(true);
    expect(from.endsWith('.tmp')).toBe(true);
  });
});
