// `import` and `extract` on the command line accept every format; a file that
// cannot be imported gets one line on stderr naming it and leaves the data folder
// as it was. Each spawn costs ~0.5 s, so the file keeps to a dozen of them.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { ARTICLE, makeDocx, makeScannedPdf, makeTextPdf, utf16 } from './make-files';
import { expectOneSentenceNaming } from './one-sentence';

const REPO = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(REPO, 'tests/fixtures/import');
let root: string;
let dataDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'factdesk-cli-import-'));
  dataDir = join(root, 'data');
  await writeFile(join(root, 'seawall.docx'), await makeDocx());
  await writeFile(join(root, 'seawall.pdf'), await makeTextPdf());
  await writeFile(join(root, 'scan.pdf'), await makeScannedPdf());
  await writeFile(join(root, 'utf16.txt'), utf16(`${ARTICLE.headline}\n${ARTICLE.byline}\n${ARTICLE.body.join('\n')}`, 'be'));
  await writeFile(join(root, 'broken.docx'), Buffer.from('PK\u0003\u0004 truncated'));
  await writeFile(join(root, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  for (const name of ['saved-page.html', 'index-page.html', 'sample.md']) await copyFile(join(FIXTURES, name), join(root, name));
  // A page that builds its text with JavaScript, the article only in its JSON-LD.
  const articleBody = [ARTICLE.body.join(' '), ARTICLE.body.join(' ')].join('\n\n');
  await writeFile(join(root, 'app-page.html'), `<html><head><title>${ARTICLE.headline}</title><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody })}</script></head><body><div id="root"></div></body></html>`);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, { HOME: root });

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (!existsSync(dataDir)) return out;
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = await readFile(join(entry.parentPath, entry.name), 'base64');
  }
  return out;
}

describe('factdesk import and extract, every format', () => {
  it('imports each format; the file’s metadata is prefilled and the flags win', () => {
    const imported: Record<string, string> = {};
    for (const file of ['seawall.docx', 'seawall.pdf', 'saved-page.html', 'sample.md', 'utf16.txt']) {
      const extra = file === 'seawall.docx' ? ['--author', 'N. Ferreira', '--publication', 'The Coastline Ledger', '--date', '2025-03-14'] : [];
      const run = cli('import', join(root, file), '--data-dir', dataDir, ...extra);
      expect(run.stderr, file).toBe('');
      expect(run.status).toBe(0);
      imported[file] = run.stdout.trim();
    }
    const list = JSON.parse(cli('list', '--json', '--data-dir', dataDir).stdout) as { articles: Array<{ id: string; title: string; publication: string }> };
    const byId = Object.fromEntries(list.articles.map((a) => [a.id, a]));
    expect(byId[imported['seawall.docx']!]).toMatchObject({ title: ARTICLE.headline, publication: 'The Coastline Ledger' });
    expect(byId[imported['seawall.pdf']!]).toMatchObject({ title: 'Seawall story' });
    expect(byId[imported['saved-page.html']!]).toMatchObject({ title: 'Ferry Line to Gull Island Will End Winter Service', publication: 'The Coastline Ledger' });
    expect(byId[imported['sample.md']!]).toMatchObject({ title: 'Council Delays Vote on Library Hours' });
    expect(byId[imported['utf16.txt']!]).toMatchObject({ title: ARTICLE.headline });

    const docx = JSON.parse(cli('show', imported['seawall.docx']!, '--json', '--data-dir', dataDir).stdout);
    expect(docx).toMatchObject({ author: 'N. Ferreira', publishedAt: '2025-03-14' });
  });

  it('imports a page whose text is only in its own data, and says so on stderr', () => {
    const run = cli('import', join(root, 'app-page.html'), '--data-dir', dataDir);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\S+$/);
    expect(run.stderr.trim()).toMatch(/^The page shows no article text itself .*JSON-LD articleBody.*\.$/);
  });

  it('extract reads a PDF', () => {
    const run = cli('extract', join(root, 'seawall.pdf'), '--json');
    expect(run.stderr).toBe('');
    const { claims } = JSON.parse(run.stdout) as { claims: Array<{ text: string; section: string }> };
    expect(claims[0]).toMatchObject({ text: ARTICLE.headline, section: 'headline' });
    expect(claims[1]).toMatchObject({ section: 'byline' });
  });

  it.each([
    ['scan.pdf', /no text layer/],
    ['broken.docx', /damaged or not a Word document/],
    ['index-page.html', /no article text/],
    ['binary.txt', /binary file/],
  ])('%s is refused in one line naming it, and the library is unchanged', async (file, says) => {
    const before = await snapshot();
    const run = cli('import', join(root, file), '--data-dir', dataDir);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    const message = run.stderr.replace(/\n$/, '');
    expect(message).toMatch(says);
    expectOneSentenceNaming(message, file);
    expect(await snapshot()).toEqual(before);
  });
});
