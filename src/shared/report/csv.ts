// The CSV export: one row per claim, RFC 4180 quoting, CRLF line ends and a
// UTF-8 byte-order mark so Excel reads accents and curly quotes correctly.
import { csvField } from './escape';
import { SECTION_WORDS, STATUS_WORDS, type ReportModel } from './report-model';

export const CSV_COLUMNS = ['number', 'section', 'text', 'status', 'note', 'correction', 'sources', 'checker', 'last changed'] as const;

export function renderReportCsv(m: ReportModel): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const c of m.claims) {
    const sources = c.sources.map((s) => (s.url && s.url !== s.title ? `[${s.number}] ${s.title} <${s.url}>` : `[${s.number}] ${s.title}`));
    lines.push(
      [
        c.number,
        SECTION_WORDS[c.section].toLowerCase(),
        c.text,
        STATUS_WORDS[c.status].label.toLowerCase(),
        c.note,
        c.correction,
        sources.join('; '),
        c.checker ?? '',
        c.updatedAt ?? '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
