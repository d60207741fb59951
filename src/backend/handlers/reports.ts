import type { OpInput } from '../../shared/contract';
import { REPORT_FILES, renderReport, reportFileName } from '../../shared/report';
import { printPdfWithChromium, type PrintPdf } from '../export/pdf';
import type { HandlerContext } from './context';

/** `printPdf` is injectable so the desktop app can print with Electron instead of a separate Chromium. */
export function reportHandlers({ store, now }: HandlerContext, printPdf: PrintPdf = printPdfWithChromium) {
  return {
    'reports:export': async ({ articleId, format, filter }: OpInput<'reports:export'>) => {
      const article = await store.get(articleId);
      const generatedAt = now().toISOString();
      const fileName = reportFileName(article, format);
      const mimeType = REPORT_FILES[format].mimeType;
      if (format === 'pdf') {
        const html = renderReport(article, 'html', filter, generatedAt);
        const pdf = await printPdf(html, { title: article.title });
        return { fileName, mimeType, encoding: 'base64' as const, content: Buffer.from(pdf).toString('base64') };
      }
      return { fileName, mimeType, encoding: 'utf8' as const, content: renderReport(article, format, filter, generatedAt) };
    },
  };
}
