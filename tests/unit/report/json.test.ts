import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/shared/errors';
import { SCHEMA_VERSION } from '../../../src/shared/migrations';
import { Article } from '../../../src/shared/model';
import { parseArticleJson, renderArticleJson } from '../../../src/shared/report/json';
import { testArticle } from './fixture';

describe('JSON export and import', () => {
  it('round-trips to an equal, valid article', () => {
    const article = Article.parse(testArticle());
    const text = renderArticleJson(article);
    expect(JSON.parse(text)).toMatchObject({ format: 'factdesk-article', schemaVersion: SCHEMA_VERSION });
    const back = parseArticleJson(text);
    expect(back).toEqual(article);
    expect(renderArticleJson(back)).toBe(text);
  });

  it('accepts a byte-order mark', () => {
    expect(parseArticleJson(`\uFEFF${renderArticleJson(testArticle())}`).id).toBe('art00001');
  });

  function refusal(text: string): string {
    try {
      parseArticleJson(text);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      const message = (error as Error).message;
      expect(message.split(/(?<=[.!?])\s+(?=[A-Z])/).length).toBe(1);
      return message;
    }
    throw new Error('expected a refusal');
  }

  it('refuses broken, foreign, newer and invalid files with one sentence', () => {
    const good = JSON.parse(renderArticleJson(testArticle()));
    expect(refusal('{not json')).toMatch(/not valid JSON/);
    expect(refusal('[]')).toMatch(/not a Factdesk article export/);
    expect(refusal(JSON.stringify({ ...good, format: 'other' }))).toMatch(/not a Factdesk article export/);
    expect(refusal(JSON.stringify({ ...good, schemaVersion: SCHEMA_VERSION + 1 }))).toMatch(/newer Factdesk/);
    const noTitle = structuredClone(good);
    noTitle.article.title = '';
    expect(refusal(JSON.stringify(noTitle))).toMatch(/field “article.title”/);
    const badStatus = structuredClone(good);
    badStatus.article.claims[0].verdict.status = 'true';
    expect(refusal(JSON.stringify(badStatus))).toMatch(/article.claims.0.verdict.status/);
  });

  it('refuses dangling source ids, repeated claim ids and offsets outside the text', () => {
    const good = JSON.parse(renderArticleJson(testArticle()));
    const dangling = structuredClone(good);
    dangling.article.sources = [];
    expect(refusal(JSON.stringify(dangling))).toMatch(/claim 2 cites source “src-minutes”/);
    const repeated = structuredClone(good);
    repeated.article.claims[1].id = repeated.article.claims[0].id;
    expect(refusal(JSON.stringify(repeated))).toMatch(/repeats the id/);
    const outside = structuredClone(good);
    outside.article.claims[0].end = 10_000_000;
    expect(refusal(JSON.stringify(outside))).toMatch(/outside the article text/);
  });
});
