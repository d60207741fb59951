// The command line as a user runs it: the real CLI in a child process, a temp data
// folder, stdout for results, one line on stderr for a refusal. Each spawn costs
// ~0.4 s (tsx startup), so the file keeps to about twenty of them.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli';
import { INDEX_FILE } from '../../../src/backend/store/summary-index';
import { extractClaims, extractSegments, normalizeText, partitionProblem, prepareText } from '../../../src/shared/extract';
import { Article } from '../../../src/shared/model';

// Normalization has work to do (NBSP, CRLF, trailing spaces) but the split is unambiguous.
const FILE_TEXT = 'The bridge opened in 1932.\u00A0It cost $4 million.  \r\nTraffic doubled by 1950.\r\n';

let root: string;
let home: string;
let dataDir: string;
let articlePath: string;
let articleId = '';

type Run = CliRun;

const cli = (args: string[], env: Record<string, string> = {}): Run =>
  runCli(args, { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...env });

function ok(run: Run): string {
  expect(run.stderr, run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

function showJson(ref: string): Article {
  const out = ok(cli(['show', ref, '--json', '--data-dir', dataDir]));
  return Article.parse(JSON.parse(out));
}

/**
 * Every file under a folder with its bytes, but the library's summary index:
 * derived data that any open brings up to date with the articles.
 */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (!existsSync(folder)) return out;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (path === join(folder, INDEX_FILE)) continue;
    out[path.slice(folder.length)] = entry.isFile() ? (await readFile(path)).toString('base64') : '<dir>';
  }
  return out;
}

/** A refusal as the user sees it: non-zero exit, one line on stderr, no stack, nothing on stdout. */
function expectRefusal(run: Run): string {
  expect(run.status, `stdout: ${run.stdout} stderr: ${run.stderr}`).not.toBe(0);
  expect(run.stdout).toBe('');
  const lines = run.stderr.replace(/\n$/, '').split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]!.trim().length).toBeGreaterThan(5);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/internal error/i);
  return lines[0]!;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'factdesk-cli-'));
  home = join(root, 'home');
  await mkdir(home);
  dataDir = join(root, 'data');
  articlePath = join(root, 'bridge.txt');
  await writeFile(articlePath, FILE_TEXT);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('factdesk CLI', () => {
  it('extract FILE --json prints the claims and what is set aside as JSON, with offsets into the prepared text, and creates no data folder', () => {
    const extractDir = join(root, 'never-created');
    const out = ok(cli(['extract', articlePath, '--json', '--data-dir', extractDir]));
    const parsed = JSON.parse(out) as { claims: Array<Record<string, unknown>>; setAside: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(['claims', 'setAside']);

    const normalized = prepareText(FILE_TEXT);
    const segments = extractSegments(normalized);
    const expected = segments.filter((s) => !s.setAside);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(parsed.claims).toEqual(
      expected.map(({ text, start, end, section, labels, score, speaker }) => ({ text, start, end, section, labels, score, ...(speaker ? { speaker } : {}) })),
    );
    // Every word is in a claim or set aside.
    expect(partitionProblem(normalized, [...parsed.claims, ...parsed.setAside] as { start: number; end: number; text: string }[])).toBeNull();
    for (const claim of parsed.claims) {
      expect(normalized.slice(claim.start as number, claim.end as number)).toBe(claim.text);
    }
    expect(existsSync(extractDir)).toBe(false);
    expect(existsSync(join(home, '.config', 'Factdesk'))).toBe(false);
  });

  it('import FILE --title T --url URL prints the new article’s id', () => {
    const out = ok(cli(['import', articlePath, '--title', 'The Bridge', '--url', 'https://example.org/bridge', '--data-dir', dataDir]));
    expect(out).toMatch(/^[a-z0-9]+\n$/);
    articleId = out.trim();
    expect(existsSync(join(dataDir, 'articles', `${articleId}.json`))).toBe(true);
  });

  it('list shows the article with its id and title', () => {
    const out = ok(cli(['list', '--data-dir', dataDir]));
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(articleId);
    expect(lines[0]).toContain('The Bridge');
  });

  it('show ID --json prints the whole article: title, source URL, claims with exact offsets', () => {
    const article = showJson(articleId);
    expect(article.id).toBe(articleId);
    expect(article.title).toBe('The Bridge');
    expect(article.sourceUrl).toBe('https://example.org/bridge');
    expect(article.text).toBe(normalizeText(FILE_TEXT));
    expect(article.claims.map((c) => c.text)).toEqual(extractClaims(normalizeText(FILE_TEXT)).map((c) => c.text));
    for (const c of article.claims) expect(article.text.slice(c.start, c.end)).toBe(c.text);
  });

  it('mark ID 2 --status disputed --note --correction --checker saves the verdict with history by that checker', () => {
    const out = ok(
      cli([
        'mark', articleId, '2',
        '--status', 'disputed',
        '--note', 'City records say $4.5 million.',
        '--correction', 'It cost $4.5 million.',
        '--checker', 'Ana',
        '--data-dir', dataDir,
      ]),
    );
    expect(out).toContain('disputed');
    const claim = showJson(articleId).claims[1]!;
    expect(claim.verdict).toMatchObject({
      status: 'disputed',
      note: 'City records say $4.5 million.',
      correction: 'It cost $4.5 million.',
      checker: 'Ana',
    });
    expect(claim.history).toHaveLength(1);
    expect(claim.history[0]).toMatchObject({ by: 'Ana', kind: 'verdict' });
    expect(claim.history[0]!.changes).toContainEqual({ field: 'status', from: 'unchecked', to: 'disputed' });
    expect(claim.history[0]!.changes).toContainEqual({ field: 'correction', from: '', to: 'It cost $4.5 million.' });
  });

  it('mark --status sourced --source-url adds the source once and cites it; reusing the URL adds no duplicate', () => {
    const url = 'https://example.org/report';
    ok(cli(['mark', articleId, '3', '--status', 'sourced', '--source-url', url, '--checker', 'Ana', '--data-dir', dataDir]));
    ok(cli(['mark', articleId, '1', '--status', 'sourced', '--source-url', url, '--checker', 'Ben', '--data-dir', dataDir]));
    const article = showJson(articleId);
    expect(article.sources).toHaveLength(1);
    const source = article.sources[0]!;
    expect(source.url).toBe(url);
    expect(article.claims[2]!.verdict).toMatchObject({ status: 'sourced', sourceIds: [source.id], checker: 'Ana' });
    expect(article.claims[0]!.verdict).toMatchObject({ status: 'sourced', sourceIds: [source.id], checker: 'Ben' });
    expect(article.claims[0]!.history[0]!.by).toBe('Ben');
  });

  it('FACTDESK_DATA_DIR works like --data-dir, and an id prefix finds the article', () => {
    const prefix = articleId.slice(0, 5);
    const out = ok(cli(['show', prefix, '--json'], { FACTDESK_DATA_DIR: dataDir }));
    const article = Article.parse(JSON.parse(out));
    expect(article.id).toBe(articleId);
    expect(article.claims[1]!.verdict.status).toBe('disputed');
    expect(existsSync(join(home, '.config', 'Factdesk'))).toBe(false);
  });

  it('a refused import of a missing file into a new data folder creates no folder', () => {
    const fresh = join(root, 'fresh-data');
    const message = expectRefusal(cli(['import', join(root, 'missing.txt'), '--data-dir', fresh]));
    expect(message).toContain('missing.txt');
    expect(existsSync(fresh)).toBe(false);
  });
});

describe('factdesk CLI refusals change nothing', () => {
  const cases: Array<{ name: string; args: () => string[]; mentions?: string }> = [
    { name: 'import of a missing file', args: () => ['import', join(root, 'nope.txt')], mentions: 'nope.txt' },
    { name: 'show of an unknown article', args: () => ['show', 'zzzzunknown'], mentions: 'zzzzunknown' },
    { name: 'an invalid status', args: () => ['mark', articleId, '1', '--status', 'true-ish'], mentions: 'true-ish' },
    { name: 'claim number 0', args: () => ['mark', articleId, '0', '--status', 'verified'], mentions: '0' },
    { name: 'a claim number past the end', args: () => ['mark', articleId, '99', '--status', 'verified'], mentions: '99' },
    { name: 'a claim number that is not a number', args: () => ['mark', articleId, 'abc', '--status', 'verified'], mentions: 'abc' },
    { name: 'disputed without a note', args: () => ['mark', articleId, '3', '--status', 'disputed', '--checker', 'Ana'], mentions: 'note' },
    {
      name: 'a source URL that is not a web address (no source is left behind)',
      args: () => ['mark', articleId, '3', '--status', 'sourced', '--source-url', 'ftp://example.org/x', '--checker', 'Ana'],
      mentions: 'ftp://example.org/x',
    },
    { name: 'mark without --status', args: () => ['mark', articleId, '1'], mentions: '--status' },
    { name: 'an unknown command', args: () => ['frobnicate'], mentions: 'frobnicate' },
    { name: 'an unknown flag', args: () => ['list', '--bogus'], mentions: '--bogus' },
  ];

  it.each(cases)('$name', async ({ args, mentions }) => {
    expect(articleId).not.toBe('');
    const before = await snapshot(dataDir);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    const message = expectRefusal(cli([...args(), '--data-dir', dataDir]));
    if (mentions) expect(message).toContain(mentions);
    expect(await snapshot(dataDir)).toEqual(before);
  });
});
