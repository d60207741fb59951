// Publishers paste ClaimReview inside <script type="application/ld+json"> in
// their article pages. A claim (or a title, a speaker, a publication) quoting
// `</script>` must not end that element, and the element's text must still
// parse to exactly the reviews.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { claimReviewsFor, renderClaimReview } from '../../../src/shared/report/claim-review';
import { buildReportModel } from '../../../src/shared/report/report-model';
import { GENERATED, testArticle } from './fixture';

const BREAKOUT = '</script><script>document.title="pwned"</script><!-- <script> &amp; \u2028\u2029 -->';

function hostileModel() {
  const article = testArticle({
    title: `Seawall ${BREAKOUT}`,
    author: `</SCRIPT ><img src=x onerror=alert(1)>`,
    publication: `Ledger ]]> ${BREAKOUT}`,
  });
  const claims = article.claims.map((c, i) => (i === 1 ? { ...c, text: `${c.text} ${BREAKOUT}` } : c));
  return buildReportModel({ ...article, claims }, {}, GENERATED);
}

describe('ClaimReview embedded in a page', () => {
  const model = hostileModel();
  const jsonLd = renderClaimReview(model);

  it('writes no character that means something to HTML, and no raw U+2028/U+2029', () => {
    expect(jsonLd).not.toMatch(/[<>&\u2028\u2029]/);
    expect(jsonLd.toLowerCase()).not.toContain('</script');
    expect(jsonLd).toContain('\\u003c/script\\u003e');
    expect(jsonLd).toContain('\\u2028');
  });

  it('is still JSON for the same values', () => {
    expect(JSON.parse(jsonLd)).toEqual(claimReviewsFor(model));
    expect(JSON.parse(jsonLd)[0].claimReviewed).toContain(BREAKOUT);
  });

  it('stays one script element in a page, whose text parses back to the reviews, and runs nothing', () => {
    const html = `<!doctype html><html><head><title>Article</title><script type="application/ld+json">${jsonLd}</script></head><body><p id="after">after</p></body></html>`;
    const dom = new JSDOM(html, { runScripts: 'dangerously' });
    try {
      const scripts = dom.window.document.querySelectorAll('script');
      expect(scripts).toHaveLength(1);
      expect(scripts[0]!.type).toBe('application/ld+json');
      expect(JSON.parse(scripts[0]!.textContent ?? '')).toEqual(claimReviewsFor(model));
      expect(dom.window.document.title).toBe('Article');
      expect(dom.window.document.querySelector('img')).toBeNull();
      expect(dom.window.document.getElementById('after')?.textContent).toBe('after');
    } finally {
      dom.window.close();
    }
  });
});
