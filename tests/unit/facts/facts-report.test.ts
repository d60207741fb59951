// The report lists a claim's facts under it once the checker ruled on any: in HTML,
// Markdown and CSV (a row per fact under its claim's row), disputed facts first; the
// JSON export carries them and reads back the same.
import { describe, expect, it } from 'vitest';
import { markFact } from '../../../src/shared/facts/edit';
import { factsOf } from '../../../src/shared/facts/fold';
import type { Article } from '../../../src/shared/model';
import { CSV_COLUMNS, renderReportCsv } from '../../../src/shared/report/csv';
import { renderReportHtml } from '../../../src/shared/report/html';
import { parseArticleJson, renderArticleJson } from '../../../src/shared/report/json';
import { renderReportMarkdown } from '../../../src/shared/report/markdown';
import { buildReportModel } from '../../../src/shared/report/report-model';
import { GENERATED, parseCsv, testArticle } from '../report/fixture';

/** Claim 3 (“The $38 million plan … 1.2 miles …”) with one fact verified and one disputed. */
function withFacts(): Article {
  const article = testArticle();
  const index = article.claims.findIndex((c) => c.text.startsWith('The $38 million plan'));
  let claim = article.claims[index]!;
  const id = (words: string) => factsOf(claim).find((f) => f.text === words)!.id;
  claim = markFact(claim, id('$38 million'), { status: 'verified', sourceIds: ['src-minutes'] }, 'Ana Ruiz', GENERATED, () => 'fact1').claim;
  claim = markFact(claim, id('1.2'), { status: 'disputed', note: 'The plan says <1.4> miles.' }, 'Ana Ruiz', GENERATED, () => 'fact2').claim;
  article.claims[index] = claim;
  return article;
}

const model = (a: Article) => buildReportModel(a, {}, GENERATED, 'UTC');

describe('facts in the report', () => {
  it('are listed, disputed first, only under a claim whose facts were ruled on', () => {
    const m = model(withFacts());
    const claim = m.claims.find((c) => c.facts.length > 0)!;
    expect(claim.facts.map((f) => `${f.status} ${f.text}`)).toEqual(['disputed 1.2', 'verified $38 million']);
    expect(claim.facts[1]!.sources.map((s) => s.number)).toEqual([1]);
    expect(m.claims.filter((c) => c.facts.length > 0)).toHaveLength(1);
  });

  it('show in HTML, escaped, with their status in words', () => {
    const html = renderReportHtml(model(withFacts()));
    expect(html).toContain('<ul class="facts" aria-label="Facts of claim 3">');
    expect(html).toContain('Disputed</span> <q>1.2</q> <span class="note">The plan says &lt;1.4&gt; miles.</span>');
    expect(html).not.toContain('<1.4>');
  });

  it('show in Markdown under the claim', () => {
    const md = renderReportMarkdown(model(withFacts()));
    expect(md).toContain('  - Facts:\n    - ✕ Disputed “1.2”: The plan says \\<1.4> miles.\n    - ✓ Verified “$38 million” [1]\n');
  });

  it('get a CSV row each, right under their claim’s row', () => {
    const rows = parseCsv(renderReportCsv(model(withFacts())).slice(1));
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const at = rows.findIndex((r) => r[col('text')]!.startsWith('The $38 million plan'));
    expect(rows[at]![col('row')]).toBe('claim');
    expect(rows.slice(at + 1, at + 3).map((r) => [r[col('number')], r[col('row')], r[col('fact kind')], r[col('text')], r[col('status')], r[col('note')]])).toEqual([
      ['3', 'fact', 'number', '1.2', 'disputed', 'The plan says <1.4> miles.'],
      ['3', 'fact', 'number', '$38 million', 'verified', ''],
    ]);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('travel in the JSON export and read back the same', () => {
    const article = withFacts();
    expect(parseArticleJson(renderArticleJson(article)).claims).toEqual(article.claims);
  });
});
