import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderReportCsv } from '../../../src/shared/report/csv';
import { renderReportMarkdown } from '../../../src/shared/report/markdown';
import { buildReportModel } from '../../../src/shared/report/report-model';
import { GENERATED, NASTY_NOTE, parseCsv, testArticle } from './fixture';

describe('CSV export', () => {
  const csv = renderReportCsv(buildReportModel(testArticle(), {}, GENERATED));

  it('starts with a BOM and a header, ends rows with CRLF', () => {
    expect(csv.startsWith('\uFEFFnumber,section,text,status,note,correction,sources,checker,last changed\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has one row per claim that a strict RFC 4180 parser reads back exactly', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length).toBe(7);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const disputed = rows[2]!;
    expect(disputed[0]).toBe('2');
    expect(disputed[3]).toBe('disputed');
    expect(disputed[4]).toBe(NASTY_NOTE);
    expect(disputed[5]).toBe('The council voted 4-3, "not" 5-2.');
    expect(disputed[6]).toBe('[1] Council minutes, March 12 <b>draft</b> <https://example.org/minutes?a=1&b="2">; [2] Bad link <javascript:alert(3)>');
    expect(disputed[7]).toBe('Ana Ruiz');
    expect(disputed[8]).toBe('2026-03-02T10:30:00.000Z');
  });

  it('keeps a note that looks like a formula as text', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[3]![4]).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('exports only the filtered claims', () => {
    const rows = parseCsv(renderReportCsv(buildReportModel(testArticle(), { statuses: ['unchecked'] }, GENERATED)).slice(1));
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([
      ['1', 'unchecked'],
      ['5', 'unchecked'],
    ]);
  });
});

describe('Markdown export', () => {
  const md = renderReportMarkdown(buildReportModel(testArticle(), {}, GENERATED));

  it('has the sections in the editor’s order', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Verdicts',
      '## ✕ Disputed claims (2)',
      '## Every claim, in article order (6)',
      '## ○ Still unchecked (2)',
      '## Set aside (3)',
      '## Source list (backup)',
    ]);
    expect(md).toContain('3 passages are set aside as no claim: credits 1, page furniture 1, set aside by the checker 1.');
    expect(md).toContain('- Correction \\<i\\>appended\\</i\\> below. (Ben Ode, 2026-03-02 10:30 UTC)');
    expect(md).toContain('**4 of 6 claims checked.**');
  });

  it('lets no raw HTML or markup through', () => {
    // Every < is backslash-escaped, so no tag (and no autolink) can form.
    expect(md.replace(/\\</g, '')).not.toContain('<');
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(md).toContain('# Fact-check report: Harbor Town Votes to Raise Its \\<Seawall\\> \\& "More"');
  });

  it('says which filter the report follows, every narrowing field, escaped', () => {
    const filtered = renderReportMarkdown(buildReportModel(testArticle(), { sections: ['body'], labels: ['number'], query: '*60* percent' }, GENERATED));
    expect(filtered).toContain('> This report shows only some claims (Section: body · Label: number · Search: “\\*60\\* percent”): 0 of 6.');
    const byLabel = renderReportMarkdown(buildReportModel(testArticle(), { changedOnly: false, labels: ['prediction'] }, GENERATED));
    expect(byLabel).toContain('(Label: prediction): 1 of 6.');
    expect(byLabel).toContain('## Reported claims, in article order (1)');
  });
});
