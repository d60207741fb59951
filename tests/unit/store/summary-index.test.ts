// The library list from the summary index: an unchanged article file is not
// read again on open, while any file that changed, appeared or vanished since
// is noticed; a bad index costs a full read, never a wrong or missing article.
import { mkdtemp, open as openFile, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';
import { INDEX_FILE } from '../../../src/backend/store/summary-index';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-index-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function backend(): Promise<Backend> {
  return createBackend(await Store.open(dir));
}

async function library(titles: string[]): Promise<{ api: Backend['api']; ids: string[] }> {
  const { api } = await backend();
  const ids: string[] = [];
  for (const title of titles) {
    ids.push((await api['articles:create']({ text: `${title} opened in 1932. It cost $4 million.`, meta: { title } })).article.id);
  }
  return { api, ids };
}

const titles = (store: Store) => store.list().map((s) => s.title).sort();
const articleFile = (id: string) => join(dir, 'articles', `${id}.json`);

describe('the summary index', () => {
  it('is written on open and gives the same list as reading every file', async () => {
    const { api, ids } = await library(['Bridge', 'Tunnel', 'Ferry']);
    const claim = (await api['articles:get']({ id: ids[1]! })).article.claims[0]!;
    await api['claims:mark']({ articleId: ids[1]!, claimId: claim.id, checker: 'Ana', patch: { status: 'disputed', note: 'No.' } });
    const first = await Store.open(dir); // reads the files, writes the index
    const fromFiles = first.list();
    await stat(join(dir, INDEX_FILE));
    const second = await Store.open(dir);
    expect(second.list()).toEqual(fromFiles);
    expect(second.list().find((s) => s.id === ids[1])!.counts.disputed).toBe(1);
  });

  it('does not read a file again while it is the same file (inode, size and time unchanged)', async () => {
    const { ids } = await library(['Bridge']);
    const path = articleFile(ids[0]!);
    const time = 1_700_000_000; // whole seconds, so the times put back below are exactly the same
    await utimes(path, time, time);
    await Store.open(dir);
    // Rewrite the title in place, same length, same inode, same times: only a
    // store that trusts the index still shows the old title.
    const text = await readFile(path, 'utf8');
    const handle = await openFile(path, 'r+');
    await handle.write(text.replace('"title": "Bridge"', '"title": "Bridgf"'), 0, 'utf8');
    await handle.close();
    await utimes(path, time, time);
    expect(titles(await Store.open(dir))).toEqual(['Bridge']);
    // Any real change (a save is a new file) is seen.
    await writeFile(path, text.replace('"title": "Bridge"', '"title": "Pier"'));
    expect(titles(await Store.open(dir))).toEqual(['Pier']);
  });

  it('notices articles saved by another process, added, deleted or renamed since it was written', async () => {
    const { ids } = await library(['Bridge', 'Tunnel', 'Ferry']);
    await Store.open(dir);
    // Another front door (the CLI, say) renames one and adds one while this one is closed.
    const other = await backend();
    await other.api['articles:rename']({ id: ids[0]!, title: 'Old Bridge' });
    await other.api['articles:create']({ text: 'The pier is 300 metres long.', meta: { title: 'Pier' } });
    await rm(articleFile(ids[1]!));
    // A file moved to another article's name holds that other article: it is skipped and named.
    await rename(articleFile(ids[2]!), join(dir, 'articles', 'moved.json'));
    const store = await Store.open(dir);
    expect(titles(store)).toEqual(['Old Bridge', 'Pier']);
    expect(store.problems.map((p) => p.file)).toEqual(['moved.json']);
  });

  it('a file that changed into garbage since is quarantined, not listed from the index', async () => {
    const { ids } = await library(['Bridge', 'Tunnel']);
    await Store.open(dir);
    await writeFile(articleFile(ids[0]!), '{"schemaVersion": 2, "article": {"trunc');
    const store = await Store.open(dir);
    expect(titles(store)).toEqual(['Tunnel']);
    expect(store.problems[0]!.message).toMatch(new RegExp(`${ids[0]}\\.json.*could not be read`));
  });

  it('a damaged, foreign or missing index costs a full read and is rebuilt', async () => {
    await library(['Bridge', 'Tunnel']);
    const expected = titles(await Store.open(dir));
    for (const bad of ['{"schemaVersion": 2, "entries": {"x.json": {"ino": "no"}}}', '[]', '{not json', '{"schemaVersion": 999, "entries": {}}']) {
      await writeFile(join(dir, INDEX_FILE), bad);
      expect(titles(await Store.open(dir))).toEqual(expected);
      expect(Object.keys(JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8')).entries)).toHaveLength(2);
    }
    await rm(join(dir, INDEX_FILE));
    expect(titles(await Store.open(dir))).toEqual(expected);
  });

  it('is not written by a save (a save stays one file) nor by a reader without the lock', async () => {
    const { ids } = await library(['Bridge']);
    const { api } = await backend();
    const written = await readFile(join(dir, INDEX_FILE), 'utf8');
    const claim = (await api['articles:get']({ id: ids[0]! })).article.claims[0]!;
    await api['claims:mark']({ articleId: ids[0]!, claimId: claim.id, checker: 'Ana', patch: { status: 'verified' } });
    expect(await readFile(join(dir, INDEX_FILE), 'utf8')).toBe(written);
    const reader = await Store.open(dir, { readOnly: true });
    expect(reader.list()[0]!.counts.verified).toBe(1); // the changed file was read …
    expect(await readFile(join(dir, INDEX_FILE), 'utf8')).toBe(written); // … and the index left as it was
  });
});
