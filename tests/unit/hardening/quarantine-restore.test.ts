// No silent quarantine (issue 13, defect 8). Before: a writing CLI command moved a
// damaged file to quarantine/ without a word, later opens never mentioned it, and
// the CLI had no way to put anything back. Now the command says so on stderr, every
// later open lists the file as a problem until it is restored or deleted, and
// `restore` lists what can be brought back and brings it back, validated first and
// never over an article that is in the library.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/backend/backend';
import { Store } from '../../../src/backend/store/store';
import { runCli } from '../support/run-cli';
import { TEXT, refusal } from './support';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'factdesk-quarantine-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli([...args, '--data-dir', dir]);
const open = async () => createBackend(await Store.open(dir));
const BROKEN = '{"schemaVersion": 1, "article": {"trunc';

async function twoArticles() {
  const backend = await open();
  await backend.api['preferences:set']({ preferences: { checker: 'Ana' } });
  const { article: bridge } = await backend.api['articles:create']({ text: TEXT, meta: { title: 'Bridge' } });
  const { article: tunnel } = await backend.api['articles:create']({ text: 'The tunnel opened in 1927. It cost $9 million.', meta: { title: 'Tunnel' } });
  await backend.store.flush();
  return { backend, bridge, tunnel };
}

const quarantined = async () => readdir(join(dir, 'quarantine')).catch(() => [] as string[]);

describe('a damaged file moved to quarantine/', () => {
  it('is told by the writing command that moved it, in one line on stderr naming the file and where it went', async () => {
    const { bridge, tunnel } = await twoArticles();
    await writeFile(join(dir, 'articles', `${tunnel.id}.json`), BROKEN);
    const run = cli('mark', bridge.id, '1', '--status', 'verified', '--checker', 'Ana');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/is now verified/);
    const [copy] = await quarantined();
    expect(copy).toMatch(new RegExp(`^${tunnel.id}\\.json\\..+\\.corrupt$`));
    expect(run.stderr.trim().split('\n')).toEqual([
      `The article file “${tunnel.id}.json” could not be read (it is not valid JSON); it was moved to quarantine/${copy}.`,
    ]);
  }, 60_000);

  it('is listed as a problem by every later open until it is deleted', async () => {
    const { tunnel } = await twoArticles();
    await writeFile(join(dir, 'articles', `${tunnel.id}.json`), BROKEN);
    await open(); // quarantines it
    const [copy] = await quarantined();
    for (let i = 0; i < 2; i++) {
      const { problems } = await (await open()).api['library:list']({});
      expect(problems).toEqual([
        {
          file: `quarantine/${copy}`,
          message: expect.stringMatching(
            new RegExp(`^The article file “${tunnel.id}\\.json” could not be read and was moved to quarantine/${copy!.replace(/\./g, '\\.')} on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC; it stays out of the library until it is repaired and restored, or deleted\\.$`),
          ),
        },
      ]);
    }
    // The read-only command line says so too.
    const list = cli('list');
    expect(list.status).toBe(0);
    expect(list.stderr).toContain(`quarantine/${copy}`);
    await rm(join(dir, 'quarantine', copy!));
    expect((await open()).store.problems).toEqual([]);
  }, 60_000);

  it('offers the newest good backup on later opens too (the library’s Restore button)', async () => {
    const { backend, tunnel } = await twoArticles();
    await backend.api['claims:mark']({ articleId: tunnel.id, claimId: tunnel.claims[0]!.id, patch: { status: 'disputed', note: 'No.' } });
    await backend.store.flush();
    await writeFile(join(dir, 'articles', `${tunnel.id}.json`), BROKEN);
    await open();
    const later = await open();
    const [problem] = later.store.problems;
    expect(problem!.articleId).toBe(tunnel.id);
    expect(problem!.backupAt).toBe(tunnel.updatedAt);
    expect(problem!.message).toMatch(/A backup from .+ can be restored\.$/);
    await later.api['articles:restoreBackup']({ id: tunnel.id });
    expect((await later.api['library:list']({})).problems).toEqual([]);
    // Its article is back: the copy left in quarantine/ is no longer a problem.
    expect((await open()).store.problems).toEqual([]);
  });
});

describe('restore', () => {
  it('lists quarantine/, the deleted articles and the backups of articles not in the library', async () => {
    const { backend, bridge, tunnel } = await twoArticles();
    expect(cli('restore').stdout.trim()).toBe('Nothing to restore: quarantine/ and trash/ are empty, and every article with a backup is in the library.');
    await backend.api['claims:mark']({ articleId: bridge.id, claimId: bridge.claims[0]!.id, patch: { status: 'disputed', note: 'No.' } });
    await backend.api['articles:delete']({ id: bridge.id });
    await backend.store.flush();
    await writeFile(join(dir, 'articles', `${tunnel.id}.json`), BROKEN);
    await open();
    const [copy] = await quarantined();
    const run = cli('restore');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`In quarantine/ (restore FILE, or restore ID for an article):\n  ${copy}\n      ${tunnel.id}.json, moved there `);
    expect(run.stdout).toContain('still unreadable (it is not valid JSON): repair it, or delete it');
    expect(run.stdout).toMatch(new RegExp(`Deleted \\(restore ID\\):\\n  ${bridge.id}  “Bridge”  deleted \\d{4}-`));
    expect(run.stdout).toMatch(new RegExp(`Backups of articles not in the library \\(restore ID\\):\\n  ${bridge.id}  “Bridge”  saved `));
    expect(cli('quarantine', 'list').stdout).toBe(run.stdout);
    const json = JSON.parse(cli('restore', '--json').stdout);
    expect(json.quarantined).toEqual([expect.objectContaining({ file: copy, original: `${tunnel.id}.json`, articleId: tunnel.id, readable: false, back: false })]);
  }, 60_000);

  it('refuses a file that still does not read, in one sentence, and leaves it in quarantine/', async () => {
    const { tunnel } = await twoArticles();
    await writeFile(join(dir, 'articles', `${tunnel.id}.json`), BROKEN);
    await open();
    const [copy] = await quarantined();
    const run = cli('restore', copy!);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`quarantine/${copy} still cannot be read (it is not valid JSON); it was left in quarantine/: repair it and try again, or delete it.`);
    expect(await quarantined()).toEqual([copy]);
    // By id too: there is no deleted copy and no backup to fall back on.
    expect(cli('restore', tunnel.id).stderr.trim()).toBe(
      `quarantine/${copy} still cannot be read (it is not valid JSON), and there is no deleted copy or backup of “${tunnel.id}” to restore instead.`,
    );
  }, 60_000);

  it('puts a repaired file back (named as restore lists it, or as a path), and it is no longer a problem', async () => {
    const { tunnel } = await twoArticles();
    const good = await readFile(join(dir, 'articles', `${tunnel.id}.json`), 'utf8');
    await writeFile(join(dir, 'articles', `${tunnel.id}.json`), BROKEN);
    await open();
    const [copy] = await quarantined();
    await writeFile(join(dir, 'quarantine', copy!), good); // repaired by hand
    const run = cli('quarantine', 'restore', `quarantine/${copy}`);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(`Restored “Tunnel” (${tunnel.id}) from quarantine/${copy}.`);
    expect(await quarantined()).toEqual([]);
    const after = await open();
    expect(after.store.problems).toEqual([]);
    expect((await after.api['articles:get']({ id: tunnel.id })).article.title).toBe('Tunnel');
  }, 60_000);

  it('refuses an article whose id is in the library, and overwrites nothing', async () => {
    const { tunnel } = await twoArticles();
    const current = await readFile(join(dir, 'articles', `${tunnel.id}.json`), 'utf8');
    const older = JSON.parse(current);
    older.article.title = 'Tunnel, an older copy';
    const name = `${tunnel.id}.json.2026-01-02T03-04-05-006Z.123.abcdef01.corrupt`;
    await mkdir(join(dir, 'quarantine'), { recursive: true });
    await writeFile(join(dir, 'quarantine', name), JSON.stringify(older));

    const backend = await open();
    const message = refusal(await backend.invoke('library:restoreFile', { file: name }), 'conflict');
    expect(message).toBe(`The article “${tunnel.id}” (“Tunnel, an older copy”) is already in the library; quarantine/${name} was left in quarantine/, not restored over it.`);
    expect(await readFile(join(dir, 'articles', `${tunnel.id}.json`), 'utf8')).toBe(current);
    expect(await quarantined()).toEqual([name]);
    const run = cli('restore', tunnel.id);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`The article “${tunnel.id}” is already in the library; nothing was restored.`);
  }, 60_000);

  it('brings back a deleted article, and one whose file broke from its backup, by id', async () => {
    const { backend, bridge, tunnel } = await twoArticles();
    await backend.api['claims:mark']({ articleId: tunnel.id, claimId: tunnel.claims[0]!.id, patch: { status: 'disputed', note: 'No.' } });
    await backend.api['articles:delete']({ id: bridge.id });
    await backend.store.flush();
    await writeFile(join(dir, 'articles', `${tunnel.id}.json`), BROKEN);
    await open();

    const fromTrash = cli('restore', bridge.id.slice(0, 6));
    expect(fromTrash.stderr).toBe('');
    expect(fromTrash.stdout.trim()).toBe(`Restored “Bridge” (${bridge.id}) from the trash.`);
    const fromBackup = cli('restore', tunnel.id);
    expect(fromBackup.stderr).toBe('');
    expect(fromBackup.stdout.trim()).toMatch(new RegExp(`^Restored “Tunnel” \\(${tunnel.id}\\) from its backup of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\.$`));
    const after = await open();
    expect(after.store.list().map((a) => a.id).sort()).toEqual([bridge.id, tunnel.id].sort());
    expect(after.store.problems).toEqual([]);
  }, 60_000);

  it('names only files of quarantine/, never a path elsewhere', async () => {
    const backend = await open();
    for (const file of ['../library.json', '/etc/passwd', 'a/b', '..']) {
      const result = await backend.invoke('library:restoreFile', { file });
      expect(result.ok).toBe(false);
    }
    expect(refusal(await backend.invoke('library:restoreFile', { file: '../library.json' }))).toBe('“../library.json” is not the name of a file in quarantine/ (see: restore).');
  });
});
