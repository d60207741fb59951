// Prints the HTML report to PDF with headless Chromium (playwright-core): the
// path for the browser shell and the CLI, where Electron is absent. The desktop
// app can hand the report handlers Electron's webContents.printToPDF instead
// (see PrintPdf). The page gets no network at all: the report is self-contained,
// and a request would mean a bug or an injection.
import { chromium } from 'playwright-core';
import { UserError } from '../../shared/errors';
import { escapeHtml } from '../../shared/report/escape';
import { CHROMIUM_FLAGS, findChromium } from './chromium';

export type PrintPdf = (html: string, options: { title: string }) => Promise<Uint8Array>;

export const printPdfWithChromium: PrintPdf = async (html, { title }) => {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new UserError(
      'PDF export needs Chromium: install it (for example “apt-get install chromium”) or set FACTDESK_CHROMIUM to its path, or export HTML and print that.',
      'refused',
    );
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith('data:') || url === 'about:blank' ? route.continue() : route.abort('blockedbyclient');
    });
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      // Chromium fills the .pageNumber/.totalPages spans; the title is ours, escaped.
      footerTemplate:
        '<div style="font: 8px Arial, sans-serif; color: #555; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between;">' +
        `<span>${escapeHtml(truncate(`Fact-check report: ${title}`, 110))}</span>` +
        '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>',
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
};

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
