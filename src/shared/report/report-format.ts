// The export formats, named once for the contract, the CLI and the dialog.
import { z } from 'zod';

export const REPORT_FORMATS = ['html', 'pdf', 'md', 'csv', 'json', 'claimreview'] as const;
export const ReportFormat = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;
export type TextReportFormat = Exclude<ReportFormat, 'pdf'>;

export const REPORT_FILES: Record<ReportFormat, { suffix: string; mimeType: string; label: string }> = {
  html: { suffix: '-fact-check.html', mimeType: 'text/html;charset=utf-8', label: 'HTML report' },
  pdf: { suffix: '-fact-check.pdf', mimeType: 'application/pdf', label: 'PDF report' },
  md: { suffix: '-fact-check.md', mimeType: 'text/markdown;charset=utf-8', label: 'Markdown report' },
  csv: { suffix: '-claims.csv', mimeType: 'text/csv;charset=utf-8', label: 'CSV (a row per claim)' },
  json: { suffix: '.factdesk.json', mimeType: 'application/json', label: 'Factdesk JSON (the whole article, re-importable)' },
  claimreview: { suffix: '-claimreview.jsonld', mimeType: 'application/ld+json', label: 'ClaimReview JSON-LD (schema.org)' },
};
