// Import end to end in a real Chromium through the browser shell: a .docx through
// the “Open file…” picker (title edited before import), a saved web page dropped
// on the window, and a bad file that gets its one sentence and changes nothing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ARTICLE, makeDocx, makeScannedPdf } from '../unit/import/make-files';
import { REPO_ROOT, newDataDir, startShell, type Shell } from './support/shell';

let shell: Shell | undefined;
test.afterEach(async () => {
  await shell?.stop();
  shell = undefined;
});

async function open(page: Page): Promise<Shell> {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await page.getByLabel('Checker’s name').fill('Ana Ruiz');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  return shell;
}

const articleFiles = (dataDir: string) => readdirSync(join(dataDir, 'articles')).sort();

test('import a .docx through Open file…, edit the prefilled title, and review it', async ({ page }, testInfo) => {
  const { dataDir } = await open(page);
  const docxPath = testInfo.outputPath('seawall.docx');
  writeFileSync(docxPath, await makeDocx());

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles(docxPath);

  const form = page.getByRole('form', { name: 'Import “seawall.docx”' });
  await expect(form.getByLabel('Title')).toHaveValue(ARTICLE.headline);
  await expect(form.getByText(/\d+ claims found/)).toBeVisible();
  await expect(form.getByLabel('Text preview')).toContainText(ARTICLE.byline);
  await form.getByLabel('Title').fill('Seawall vote (Ferreira draft 2)');
  await form.getByLabel('Author').fill('Nadia Ferreira');
  await testInfo.attach('import-review', { body: await page.screenshot(), contentType: 'image/png' });
  await page.screenshot({ path: testInfo.outputPath('import-review.png') });
  expect(articleFiles(dataDir)).toEqual([]); // nothing is created before “Import”

  await form.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Seawall vote (Ferreira draft 2)');
  await expect(page.getByText('PELHAM POINT, Maine').first()).toBeVisible();
  expect(articleFiles(dataDir)).toHaveLength(1);
});

test('a page that shows less of the article than its own data holds says so before Import', async ({ page }, testInfo) => {
  await open(page);
  const body = [...ARTICLE.body, ...ARTICLE.body.map((p) => p.replace('council', 'board'))];
  const html = `<html><head><title>${ARTICLE.headline}</title><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body.join('\n\n') })}</script></head>
    <body><article><h1>${ARTICLE.headline}</h1><p>${ARTICLE.body[0]}</p><div class="paywall">Subscribe to keep reading.</div></article></body></html>`;
  await page.getByTestId('import-file-input').setInputFiles({ name: 'seawall.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  const form = page.getByRole('form', { name: 'Import “seawall.html”' });
  await expect(form.getByRole('note')).toHaveText(/^The page shows \d+% of the article text its own data holds .* paste the full text to check all of it\.$/);
  await page.screenshot({ path: testInfo.outputPath('import-notice.png') });
});

test('drop a saved web page on the window', async ({ page }) => {
  await open(page);
  const html = readFileSync(join(REPO_ROOT, 'tests/fixtures/import/saved-page.html'), 'utf8');
  const drop = async (type: 'dragenter' | 'drop') =>
    page.evaluate(
      ({ html, type }) => {
        const data = new DataTransfer();
        data.items.add(new File([html], 'gull-island.html', { type: 'text/html' }));
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { html, type },
    );
  await drop('dragenter');
  await expect(page.getByText('Drop the file to import it')).toBeVisible();
  await drop('drop');
  await expect(page.getByText('Drop the file to import it')).toBeHidden();
  const form = page.getByRole('form', { name: 'Import “gull-island.html”' });
  await expect(form.getByLabel('Title')).toHaveValue('Ferry Line to Gull Island Will End Winter Service');
  await expect(form.getByLabel('Author')).toHaveValue('Priya Castellanos');
  await expect(form.getByLabel('Publication', { exact: true })).toHaveValue('The Coastline Ledger');
  await expect(form.getByLabel('Publication date')).toHaveValue('2025-02-03');
  await expect(form.getByLabel('Source URL')).toHaveValue('https://ledger.example/2025/02/gull-island-ferry');
  await expect(form.getByLabel('Text preview')).not.toContainText('cookies');
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ferry Line to Gull Island');

  // On the article view no screen takes files: a stray drop is cancelled (the
  // browser would otherwise navigate to the file and leave the desk) and nothing opens.
  const cancelled = await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['text'], 'stray.txt', { type: 'text/plain' }));
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    document.body.dispatchEvent(over);
    document.body.dispatchEvent(drop);
    return [over.defaultPrevented, drop.defaultPrevented];
  });
  expect(cancelled).toEqual([true, true]);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ferry Line to Gull Island');
  await expect(page.getByRole('form', { name: /Import/ })).toHaveCount(0);
});

test('a file that cannot be imported gets one sentence and the library is unchanged', async ({ page }, testInfo) => {
  const { dataDir } = await open(page);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Article text').fill('The bridge opened in 1932. It cost $4 million.');
  await page.getByRole('button', { name: 'Split into claims' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Back to the library: the page lives under its launch's path (the only one its cookie goes to).
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
  const before = articleFiles(dataDir);

  const scan = testInfo.outputPath('report.pdf');
  writeFileSync(scan, await makeScannedPdf());
  await page.getByTestId('import-file-input').setInputFiles(scan);
  await expect(page.getByRole('alert')).toHaveText('“report.pdf” has no text layer (it looks scanned); run it through OCR first.');
  await page.screenshot({ path: testInfo.outputPath('import-error.png') });
  await expect(page.getByRole('form', { name: /Import/ })).toHaveCount(0);

  await page.getByTestId('import-file-input').setInputFiles({ name: 'notes.rtf', mimeType: 'application/rtf', buffer: Buffer.from('{\\rtf1 x}') });
  await expect(page.getByRole('alert')).toContainText('“notes.rtf” is a Rich Text file (.rtf)');

  await page.reload();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
  expect(articleFiles(dataDir)).toEqual(before);
});
