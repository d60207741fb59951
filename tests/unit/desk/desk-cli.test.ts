// The desk from the shell, as a checker and an editor would use it: the real
// command line (tsx) against a real desk server on loopback.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { ARTICLE_TEXT } from './support/checker';
import { USERS, startDeskServer, type DeskServer } from './support/desk-server';

let server: DeskServer;
let root: string;

beforeAll(async () => {
  server = await startDeskServer();
  root = await mkdtemp(join(tmpdir(), 'factdesk-desk-cli-'));
});
afterAll(async () => {
  await server?.stop();
  await rm(root, { recursive: true, force: true });
});

const as = (dir: string, password: string) => (...args: string[]) =>
  runCli([...args, '--data-dir', dir], { FACTDESK_DESK_PASSWORD: password });

it('refuses a wrong password in one sentence and writes nothing', async () => {
  const dir = join(root, 'wrong');
  const run = as(dir, 'not-her-password')('desk', 'join', server.url, '--user', 'ann');
  expect(run.status).toBe(1);
  expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/did not accept ann: name or password is incorrect\.$/)]);
  expect(existsSync(join(dir, 'desk'))).toBe(false);
});

it('joins, syncs, signs off and refuses a checker’s mark on the signed-off article', async () => {
  const [annDir, eveDir] = [join(root, 'ann'), join(root, 'eve')];
  const ann = as(annDir, USERS.ann);
  const eve = as(eveDir, USERS.eve);
  const file = join(root, 'seawall.txt');
  await writeFile(file, ARTICLE_TEXT);

  expect(ann('desk', 'join', server.url, '--user', 'ann').stdout).toMatch(/^Joined .* as ann \(checker\)/);
  const articleId = ann('import', file).stdout.trim().split(/\s+/).find((word) => /^[a-z0-9]{8,32}$/.test(word))!;
  expect(ann('mark', articleId, '3', '--status', 'verified').status).toBe(0);
  expect(ann('desk', 'status').stdout).toMatch(/^Not synced yet with .*; \d+ changes? waiting\./);
  expect(ann('desk', 'sync').stdout).toMatch(/^Sent [1-9]\d*, received \d+; Synced with /);

  expect(eve('desk', 'join', server.url, '--user', 'eve').status).toBe(0);
  expect(eve('desk', 'sync').status).toBe(0);
  expect(JSON.parse(eve('show', articleId, '--json').stdout).claims[2].verdict.status).toBe('verified');
  expect(eve('desk', 'signoff', articleId).stdout).toMatch(/^Signed off “.*” as eve/);
  expect(eve('desk', 'sync').status).toBe(0);

  expect(ann('desk', 'sync').status).toBe(0);
  const refused = ann('mark', articleId, '4', '--status', 'verified');
  expect(refused.status).toBe(1);
  expect(refused.stderr.trim()).toMatch(/^“.*” was signed off by eve on \d{4}-\d\d-\d\d: it is locked, and changes are refused until an editor unlocks it\.$/);
  expect(ann('desk', 'status').stdout).toMatch(/^Synced with /);

  // The password is in no file of either data folder.
  for (const dir of [annDir, eveDir]) {
    for (const name of await readdir(join(dir, 'desk'), { recursive: true })) {
      const path = join(dir, 'desk', String(name));
      if (name.toString().includes('.')) expect(await readFile(path, 'utf8')).not.toContain(dir === annDir ? USERS.ann : USERS.eve);
    }
  }
}, 60_000);
