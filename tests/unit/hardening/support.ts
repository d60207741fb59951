// What the hardening tests share: a backend on a data folder inside a private root
// (so a test can prove nothing was written next to or above the data folder), a
// snapshot of every file under that root, and the one-sentence refusal check.
import { mkdir, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';
import type { Envelope } from '../../../src/shared/contract';

export const TEXT = 'The bridge opened in 1932. It cost $4 million. Traffic doubled by 1950.\n\nPhoto: Ana Ruiz\n\nThe mayor said 12,000 cars cross it daily.';

export interface Desk {
  /** A private folder; the data folder is three levels below it, so `../../../x` from articles/ still lands inside it. */
  root: string;
  dataDir: string;
  backend: Backend;
  clock: { now: Date };
}

export async function openDesk(root?: string, clock = { now: new Date('2026-01-02T03:04:05.000Z') }): Promise<Desk> {
  const base = root ?? (await mkdtemp(join(tmpdir(), 'factdesk-hardening-')));
  const dataDir = join(base, 'home', 'user', 'data');
  await mkdir(dataDir, { recursive: true });
  const backend = createBackend(await Store.open(dataDir), () => clock.now);
  await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
  return { root: base, dataDir, backend, clock };
}

/** The same data folder opened again, as after a restart. */
export async function reopen(desk: Desk): Promise<Desk> {
  await desk.backend.store.flush();
  return { ...desk, backend: createBackend(await Store.open(desk.dataDir), () => desk.clock.now) };
}

/** Bytes of every file under `dir`, by path, and every folder (as ''), to prove a refusal wrote nothing anywhere. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) out.set(`${path}/`, '');
    else out.set(path, (await readFile(path)).toString('base64'));
  }
  return out;
}

/** A refusal: not ok, one sentence (no line break, no stack), never an internal error. */
export function refusal(result: Envelope<unknown>, code = 'invalid'): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  const { message } = result.error;
  expect(message).not.toContain('\n');
  expect(message).not.toMatch(/\bat .*:\d+:\d+|internal error|Error:/);
  expect(message).toMatch(/[.!?]$/);
  expect(result.error.code).toBe(code);
  return message;
}

export async function createArticle(desk: Desk, text = TEXT, title = 'Bridge') {
  return (await desk.backend.api['articles:create']({ text, meta: { title } })).article;
}

/** The article's JSON export, as a colleague would hand it over (parsed, to be edited). */
export async function exportOf(desk: Desk, articleId: string): Promise<{ format: string; schemaVersion: number; article: Record<string, unknown> & { id: string } }> {
  const { content } = await desk.backend.api['reports:export']({ articleId, format: 'json' });
  return JSON.parse(content);
}

export function importInput(fileName: string, document: unknown, onConflict: 'ask' | 'copy' | 'replace' = 'ask') {
  const data = Buffer.from(typeof document === 'string' ? document : JSON.stringify(document)).toString('base64');
  return { fileName, data, onConflict };
}
