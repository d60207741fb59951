// The CSV export: one row per claim (and one per fact, right under its claim), RFC 4180 quoting, CRLF line ends and a
// UTF-8 byte-order mark so Excel reads accents and curly quotes correctly.
import { SECTION_WORDS, STATUS_WORDS, formatTimestamp, type ReportModel, type ReportSourceRef } from './report-model';

// The article's title and URL repeat on every row, so rows pasted into a desk-wide sheet still say where they come from.
export const CSV_COLUMNS = [
  'number', 'section', 'text', 'status', 'note', 'correction', 'sources', 'checker', 'last changed',
  'labels', 'speaker', 'article title', 'article url',
  // `claim`, or `fact` for a fact of the claim above: same number, its own words, status, note and sources.
  'row', 'fact kind',
  // On a shared desk (empty otherwise): the claim's checker by assignment, and its second reader.
  'assigned to', 'second read by',
] as const;

export function renderReportCsv(m: ReportModel): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  const cite = (s: ReportSourceRef) => (s.url && s.url !== s.title ? `[${s.number}] ${s.title} <${s.url}>` : `[${s.number}] ${s.title}`);
  for (const c of m.claims) {
    const sources = c.sources.map(cite);
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
        // Local time with its offset, as in every other format.
        formatTimestamp(c.updatedAt, m.timeZone),
        c.labels.join('; '),
        c.speaker ?? '',
        m.title,
        m.sourceUrl,
        'claim',
        '',
        c.assignee ?? '',
        c.secondReader ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
    for (const f of c.facts) {
      const note = f.changedFrom ? `${f.note}${f.note ? ' ' : ''}(changed since checked: was “${f.changedFrom}”)` : f.note;
      const row = [c.number, SECTION_WORDS[c.section].toLowerCase(), f.text, STATUS_WORDS[f.status].label.toLowerCase(), note, '', f.sources.map(cite).join('; ')];
      lines.push([...row, '', '', '', '', m.title, m.sourceUrl, 'fact', f.kind, '', ''].map(csvCell).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A spreadsheet set to another separator than ours (`;` in much of Europe, or a
 * tab) does not see our quotes where they open, so it starts a cell after every
 * `;`, tab or line break inside a field. Each of those places, the start of the
 * field and (for a careless splitter) a comma get the formula guard.
 */
const CELL_START = /(^|[,;\t\r\n])(?=[\s"]*[=+\-@])/g;

/**
 * One CSV field per RFC 4180, made safe for spreadsheets whatever separator they
 * read it with. A cell that would start with = + - @ (or tab/CR) is a formula to
 * Excel, LibreOffice and Google Sheets; an apostrophe before it keeps it text
 * (OWASP's advice). Numbers are numbers, never formulas.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string') {
    if (/^[\t\r]/.test(text)) text = `'${text}`;
    text = text.replace(CELL_START, "$1'");
  }
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
