// `export` from the command line, as a user runs it: the real CLI in a child process.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { findChromium } from '../../../src/backend/export/chromium';
import { parseCsv } from './fixture';

let root: string;
let articleId = '';

const cli = (...args: string[]) => runCli(args, { FACTDESK_DATA_DIR: join(root, 'data') });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'factdesk-cli-export-'));
  const file = join(root, 'story.txt');
  await writeFile(file, 'The bridge opened in 1932.\nIt cost $4 million.\nTraffic doubled by 1950.\n');
  articleId = cli('import', file, '--title', 'Bridge, "old"').stdout.trim();
  expect(cli('mark', articleId, '2', '--status', 'disputed', '--note', '<script>x</script>, "q"', '--checker', 'Ana').status).toBe(0);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('factdesk export', () => {
  it('writes CSV to stdout, filtered by repeated or comma-separated --status', () => {
    const run = cli('export', articleId.slice(0, 6), '--format', 'csv', '--status', 'disputed', '--status', 'verified,sourced');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = parseCsv(run.stdout.replace(/^\uFEFF/, ''));
    expect(rows.map((r) => r[0])).toEqual(['number', '2']);
    expect(rows[1]![4]).toBe('<script>x</script>, "q"');
  });

  it('takes the claims list’s other filters as flags, and the report states them', () => {
    const csv = (...flags: string[]) => parseCsv(cli('export', articleId, '--format', 'csv', ...flags).stdout.replace(/^\uFEFF/, '')).map((r) => r[0]);
    expect(csv('--search', 'MILLION')).toEqual(['number', '2']);
    expect(csv('--label', 'date', '--status', 'unchecked')).toEqual(['number', '1', '3']);
    expect(csv('--section', 'body,headline', '--checker', 'Ana')).toEqual(['number', '2']);
    expect(csv('--changed')).toEqual(['number']);
    const md = cli('export', articleId, '--format', 'md', '--section', 'body', '--label', 'number', '--search', 'cost');
    expect(md.stdout).toContain('> This report shows only some claims (Section: body · Label: number · Search: “cost”): 1 of 3.');
  });

  it('writes a file with -o and prints its path', async () => {
    const out = join(root, 'report.html');
    const run = cli('export', articleId, '--format', 'html', '-o', out);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(out);
    expect(await readFile(out, 'utf8')).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it('refuses a bad format, status, section or label and ClaimReview without a URL with one line on stderr', () => {
    for (const args of [
      ['--format', 'docx'],
      ['--format', 'csv', '--status', 'maybe'],
      ['--format', 'csv', '--section', 'footer'],
      ['--format', 'csv', '--label', 'number,rumour'],
      ['--format', 'claimreview'],
    ]) {
      const run = cli('export', articleId, ...args);
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it.skipIf(!findChromium())('prints a PDF to a file', async () => {
    const out = join(root, 'report.pdf');
    expect(cli('export', articleId, '--format', 'pdf', '-o', out).status).toBe(0);
    expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
