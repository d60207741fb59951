import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { REPORT_CSP, renderReportHtml } from '../../../src/shared/report/html';
import { buildReportModel } from '../../../src/shared/report/report-model';
import { GENERATED, NASTY_NOTE, testArticle } from './fixture';

const html = renderReportHtml(buildReportModel(testArticle(), {}, GENERATED));
const doc = new JSDOM(html).window.document;

describe('HTML report', () => {
  it('carries the CSP meta tag and no script at all', () => {
    const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute('content')).toBe(REPORT_CSP);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(doc.querySelectorAll('script, iframe, object, embed, img, link, base, form').length).toBe(0);
    expect(html).not.toMatch(/<script/i);
  });

  it('keeps hostile notes inert: shown as text, never as markup', () => {
    const everything = Array.from(doc.querySelectorAll('*'));
    const handlers = everything.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => a.name));
    expect(handlers).toEqual([]);
    const card = doc.getElementById('disputed-2')!;
    expect(card.querySelector('.note')!.textContent).toBe(NASTY_NOTE);
    expect(doc.title).toBe('Fact-check report: Harbor Town Votes to Raise Its <Seawall> & "More"');
    expect(doc.querySelector('h1')!.textContent).toBe('Harbor Town Votes to Raise Its <Seawall> & "More"');
  });

  it('links only web addresses', () => {
    const hrefs = Array.from(doc.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')!);
    expect(hrefs.every((h) => h.startsWith('#') || /^https?:\/\//.test(h))).toBe(true);
    expect(hrefs).toContain('https://example.org/minutes?a=1&b="2"');
    expect(doc.body.textContent).toContain('Bad link');
  });

  it('puts the header, chart, disputed claims, every claim, the unchecked list and the backup in that order', () => {
    const headings = Array.from(doc.querySelectorAll('h2')).map((h) => h.textContent);
    expect(headings).toEqual([
      'Verdicts',
      '✕ Disputed claims (2)',
      'Every claim, in article order (6)',
      '○ Still unchecked (2)',
      'Set aside (3)',
      'Source list (backup)',
    ]);
    const setAside = doc.querySelector('.set-aside')!;
    expect(setAside.textContent).toContain('3 passages are set aside as no claim: credits 1, page furniture 1, set aside by the checker 1.');
    expect(setAside.querySelector('li')!.textContent).toBe('Correction <i>appended</i> below. (Ben Ode, 2026-03-02 10:30 UTC)');
    expect(doc.querySelector('.progress')!.textContent).toContain('4 of 6 claims checked.');
    expect(doc.querySelector('.progress')!.textContent).toContain('2 still unchecked');
    const meta = doc.querySelector('.meta')!.textContent!;
    for (const text of ['The Coastline Ledger', 'Nadia Ferreira', 'March 14, 2025', 'Ana Ruiz, Ben Ode', '2026-03-03 12:00 UTC']) {
      expect(meta).toContain(text);
    }
  });

  it('shows each disputed claim with its note, correction and sources', () => {
    const card = doc.getElementById('disputed-2')!;
    expect(card.querySelector('.correction')!.textContent).toBe('The council voted 4-3, "not" 5-2.');
    expect(card.textContent).toContain('Council minutes, March 12 <b>draft</b>');
    expect(card.querySelector('b')).toBeNull();
  });

  it('has one table row per claim with an anchor, and a chart with text labels', () => {
    const rows = doc.querySelectorAll('table.claims tbody tr');
    expect(rows.length).toBe(6);
    expect(rows[4]!.id).toBe('claim-5');
    expect(rows[4]!.textContent).toContain('Unchecked');
    const svg = doc.querySelector('svg.chart')!;
    expect(svg.getAttribute('aria-label')).toContain('2 disputed');
    expect(svg.textContent).toContain('✕ Disputed');
    expect(doc.querySelector('#source-3')!.textContent).toContain('Not cited by any claim');
  });

  it('says plainly when the report is filtered, and when nothing is unchecked', () => {
    const filtered = new JSDOM(renderReportHtml(buildReportModel(testArticle(), { statuses: ['disputed'] }, GENERATED))).window.document;
    expect(filtered.querySelector('.filter-note')!.textContent).toContain('disputed');
    expect(filtered.querySelectorAll('table.claims tbody tr').length).toBe(2);
    const narrowed = new JSDOM(
      renderReportHtml(buildReportModel(testArticle(), { statuses: ['disputed'], sections: ['body'], checkers: ['Ana Ruiz'], query: '<b>percent</b>' }, GENERATED)),
    ).window.document;
    expect(narrowed.querySelector('.filter-note')!.textContent).toBe(
      'This report shows only some claims (Status: disputed · Section: body · Checker: Ana Ruiz · Search: “<b>percent</b>”): 0 of 6. The chart and the progress above cover the whole article.',
    );
    expect(narrowed.querySelector('.filter-note b')).toBeNull();
    expect(narrowed.querySelector('#h-claims')!.textContent).toBe('Reported claims, in article order');
    const done = testArticle();
    done.claims = done.claims.filter((c) => c.verdict.status !== 'unchecked');
    const finished = new JSDOM(renderReportHtml(buildReportModel(done, {}, GENERATED))).window.document;
    expect(finished.querySelector('.progress')!.textContent).toBe('All 4 claims checked.');
    expect(finished.querySelector('.unchecked')!.textContent).toContain('Every claim has a verdict.');
  });
});
