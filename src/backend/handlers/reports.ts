import type { OpInput } from '../../shared/contract';
import { REPORT_FILES, renderPdfHtml, renderReport, reportFileName, type ReportDesk } from '../../shared/report';
import { printPdfWithChromium, type PrintPdf } from '../export/pdf';
import type { HandlerContext } from './context';

export interface ReportOptions {
  /** The IANA time zone the report's times are shown in; the machine's by default (as the app shows them). */
  timeZone?: string;
  /** The shared desk's part (assignees, second reads, sign-off), set once a desk is wrapped around the backend. */
  desk?: { of?: (articleId: string) => Promise<ReportDesk | undefined> };
}

/**
 * `printPdf` is injectable so the desktop app can print with Electron instead of a
 * separate Chromium; the time zone so tests (and a desk in another zone) can fix it.
 */
export function reportHandlers({ store, now }: HandlerContext, printPdf: PrintPdf = printPdfWithChromium, { timeZone, desk }: ReportOptions = {}) {
  return {
    'reports:export': async ({ articleId, format, filter }: OpInput<'reports:export'>) => {
      const article = await store.get(articleId);
      const generatedAt = now().toISOString();
      const fileName = reportFileName(article, format);
      const mimeType = REPORT_FILES[format].mimeType;
      const roles = await desk?.of?.(articleId);
      if (format === 'pdf') {
        const { html, closing } = renderPdfHtml(article, filter, generatedAt, timeZone, roles);
        const pdf = await printPdf(html, { title: article.title, closing });
        return { fileName, mimeType, encoding: 'base64' as const, content: Buffer.from(pdf).toString('base64') };
      }
      return { fileName, mimeType, encoding: 'utf8' as const, content: renderReport(article, format, filter, generatedAt, timeZone, roles) };
    },
  };
}
