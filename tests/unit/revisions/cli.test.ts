// `revise ARTICLE FILE` as a user runs it: the real CLI in a child process.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { Article } from '../../../src/shared/model';
import { FIXTURES } from './fixture';

let root: string;
let dataDir: string;

const cli = (args: string[]) => runCli([...args, '--data-dir', dataDir], { HOME: root, XDG_CONFIG_HOME: join(root, '.config') });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'factdesk-cli-revise-'));
  dataDir = join(root, 'data');
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe('factdesk revise', () => {
  it('re-anchors the claims on the new file and prints a one-line summary', () => {
    const imported = cli(['import', join(FIXTURES, 'base.txt'), '--title', 'Water rates']);
    expect(imported.stderr).toBe('');
    const id = imported.stdout.trim();
    expect(cli(['mark', id, '5', '--status', 'disputed', '--note', 'The audit says 1,100.', '--checker', 'Ana']).status).toBe(0);

    const revised = cli(['revise', id.slice(0, 6), join(FIXTURES, 'number-changed.txt'), '--checker', 'Ben']);
    expect(revised.stderr).toBe('');
    expect(revised.status).toBe(0);
    expect(revised.stdout).toBe('Revision 2 of “Water rates”: 24 unchanged, 0 moved, 1 changed (1 flagged), 0 orphaned, 0 new.\n');

    const article = Article.parse(JSON.parse(cli(['show', id, '--json']).stdout));
    const claim = article.claims[4]!;
    expect(claim.text).toContain('1,400 miles');
    expect(claim.verdict).toMatchObject({ status: 'disputed', note: 'The audit says 1,100.' });
    expect(claim.changed?.previousText).toContain('1,200 miles');
    expect(claim.history.at(-1)).toMatchObject({ kind: 'reanchor', by: 'Ben' });

    // The same text again is refused in one line, and a missing file too, and a
    // Factdesk export (read as the app reads it: a whole article, not a draft).
    const exported = join(root, 'water-rates.json');
    expect(cli(['export', id, '--format', 'json', '-o', exported]).status).toBe(0);
    const refused = [
      cli(['revise', id, join(FIXTURES, 'number-changed.txt')]),
      cli(['revise', id, join(root, 'missing.txt')]),
      cli(['revise', id, exported]),
    ];
    for (const run of refused) {
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/internal error|^\s+at /m);
    }
    expect(refused[2]!.stderr).toContain('“water-rates.json” is a Factdesk export, a whole article rather than a new draft of its text');
  });
});
