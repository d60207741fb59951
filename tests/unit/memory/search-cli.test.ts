// `search` from the shell: one line per claim under its article, terminal-safe,
// --status and --checker filters, --json; it reads the library and writes nothing.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/backend';
import { MEMORY_FILE } from '../../../src/backend/memory/memory-file';
import { Store } from '../../../src/backend/store/store';
import { runCli } from '../support/run-cli';

let dir: string;
let ids: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-search-cli-'));
  const backend = createBackend(await Store.open(dir));
  const a = (await backend.api['articles:create']({ text: 'The seawall vote passed 5-2 on Wednesday night. Crews began work in March.', meta: { title: 'Seawall \u001b[31mvote' } })).article;
  const b = (await backend.api['articles:create']({ text: 'Opponents of the seawall filed suit on Friday. The judge set a hearing for June.', meta: { title: 'Seawall suit' } })).article;
  await backend.api['claims:mark']({ articleId: a.id, claimId: a.claims[0]!.id, checker: 'Ana Ruiz', patch: { status: 'disputed', note: 'Minutes say 4-3.' } });
  await backend.store.flush();
  ids = [a.id, b.id];
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('search', () => {
  it('prints one line per claim found, grouped by article, with control characters made visible', () => {
    const run = runCli(['search', 'seawall', '--data-dir', dir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('2 claims in 2 articles:');
    expect(lines).toContainEqual(expect.stringMatching(/^Seawall \\x1b\[31mvote {2}\(\w+, \d{4}-\d{2}-\d{2}\)$/));
    expect(lines).toContainEqual('     1. [disputed Ana Ruiz] The seawall vote passed 5-2 on Wednesday night.');
    expect(run.stdout).not.toContain('\u001b');
  });

  it('finds a note’s words and says where they were found; filters by status and checker', () => {
    expect(runCli(['search', 'minutes', '--data-dir', dir]).stdout).toContain('[in the note]');
    const verified = runCli(['search', 'seawall', '--status', 'unchecked', '--data-dir', dir]).stdout;
    expect(verified).toContain('Seawall suit');
    expect(verified).not.toContain('vote passed');
    expect(runCli(['search', 'seawall', '--checker', 'ana ruiz', '--data-dir', dir]).stdout).toContain('1 claim in 1 article:');
  });

  it('answers in JSON, and refuses a wrong status in one line', async () => {
    const json = JSON.parse(runCli(['search', 'seawall', '--json', '--data-dir', dir]).stdout);
    expect(json.groups.map((g: { articleId: string }) => g.articleId).sort()).toEqual([...ids].sort());
    const wrong = runCli(['search', 'seawall', '--status', 'maybe', '--data-dir', dir]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe('Status “maybe” is not one of unchecked, verified, disputed, sourced.\n');
    expect(await readdir(dir)).not.toContain(MEMORY_FILE);
  });
});
