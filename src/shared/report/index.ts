// Report rendering: every text format from one article and one filter. PDF is
// printed from the HTML by the backend (it needs a browser engine).
import type { ClaimFilter } from '../claim-filter';
import type { Article } from '../model';
import { renderClaimReview } from './claim-review';
import { renderReportCsv } from './csv';
import { closingLine, renderReportHtml } from './html';
import { renderArticleJson } from './json';
import { renderReportMarkdown } from './markdown';
import { buildReportModel, fileSlug } from './report-model';
import type { ReportDesk } from './report-desk';
import { REPORT_FILES, type ReportFormat, type TextReportFormat } from './report-format';

export function reportFileName(article: Pick<Article, 'title'>, format: ReportFormat): string {
  return `${fileSlug(article.title)}${REPORT_FILES[format].suffix}`;
}

/**
 * The report as text. JSON is always the whole article (it is a hand-over,
 * not a view), so the filter does not apply to it. Times are shown in
 * `timeZone` (an IANA name), the machine's when none is given.
 */
export function renderReport(article: Article, format: TextReportFormat, filter: ClaimFilter | undefined, generatedAt: string, timeZone?: string, desk?: ReportDesk): string {
  if (format === 'json') return renderArticleJson(article);
  const model = buildReportModel(article, filter ?? {}, generatedAt, timeZone, desk);
  switch (format) {
    case 'html':
      return renderReportHtml(model);
    case 'md':
      return renderReportMarkdown(model);
    case 'csv':
      return renderReportCsv(model);
    case 'claimreview':
      return renderClaimReview(model);
  }
}

export type { ReportDesk } from './report-desk';
export { REPORT_FILES, REPORT_FORMATS, ReportFormat, type TextReportFormat } from './report-format';
export { buildReportModel, type ReportModel } from './report-model';
export { renderReportHtml, closingLine, REPORT_CSP } from './html';

/** The HTML Factdesk prints to PDF, and the closing line the printer puts in every page's footer. */
export function renderPdfHtml(article: Article, filter: ClaimFilter | undefined, generatedAt: string, timeZone?: string, desk?: ReportDesk): { html: string; closing: string } {
  const model = buildReportModel(article, filter ?? {}, generatedAt, timeZone, desk);
  return { html: renderReportHtml(model, { forPdf: true }), closing: closingLine(model) };
}
export { renderReportMarkdown } from './markdown';
export { renderReportCsv } from './csv';
export { renderArticleJson, parseArticleJson } from './json';
export { claimReviewsFor, renderClaimReview } from './claim-review';
