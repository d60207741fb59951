import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractClaims, extractSegments, normalizeText, prepareText } from '../../../src/shared/extract';
import { checkworthyModel } from '../../../src/shared/extract/checkworthy';

const score = (sentence: string): number => extractClaims(`Body\n\n${sentence}`).find((c) => c.text === sentence)!.score;
const read = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');

// An article of our own: headline, dek, byline, dateline, furniture, body claims with
// figures, dates and named officials, then opinion and predictions, and a bio.
const ARTICLE = [
  'Skip to content',
  'Riverton Council Approves $52 Million Bridge Repair After 6-1 Vote',
  'The vote ends a three-year dispute over the 1931 span, which carries 18,000 vehicles a day.',
  'By Lena Marsh',
  'Published April 9, 2025',
  'Advertisement',
  'RIVERTON, Ohio — The Riverton City Council voted 6-1 on Tuesday to spend $52 million repairing the Harlow Street Bridge, which state inspectors rated "poor" in 2022.',
  'The bridge, built in 1931, carries about 18,000 vehicles a day, according to the Ohio Department of Transportation.',
  'Mayor Ruth Okafor said the city would borrow $30 million and cover the rest with a federal grant awarded in January.',
  'Share this article',
  'Some residents think the money should go to schools instead.',
  'The work will probably take longer than planned.',
  'Lena Marsh covers local government for The Riverton Ledger.',
].join('\n');

describe('check-worthiness score', () => {
  it('ranks specific factual claims above vague or opinion sentences', () => {
    const specific = score('The council voted 5-2 on Wednesday to spend $38 million on the seawall.');
    const named = score('Gen. Amara Osei ordered 400 soldiers to Port Harlan on Oct. 3.');
    const attributed = score('Officials said the project was on schedule.');
    const opinion = score('Many residents believe the plan is a mistake.');
    const vague = score('Now that will have to wait.');
    expect(specific).toBeGreaterThan(attributed);
    expect(named).toBeGreaterThan(attributed);
    expect(attributed).toBeGreaterThan(vague);
    expect(specific).toBeGreaterThan(opinion);
    expect(attributed).toBeGreaterThan(opinion);
    expect(Math.max(vague, opinion)).toBeLessThan(0.2);
  });

  it('stays within 0..1 and puts the sample article\'s vague line near the bottom', () => {
    const text = normalizeText(read('../../../resources/sample-article.txt'));
    const claims = extractClaims(text);
    for (const c of claims) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    const sorted = [...claims].sort((a, b) => b.score - a.score);
    const rank = sorted.findIndex((c) => c.text === 'Now that will have to wait.');
    expect(rank).toBeGreaterThan(sorted.length * 0.8);
  });

  it('ranks predictions and opinion below factual claims with figures, dates and named officials', () => {
    const factual = [
      'The county\'s unemployment rate fell to 3.9 percent in March.',
      'Sen. Tom Reyes said the state lost 12,000 manufacturing jobs in 2023.',
      'Police Chief Dana Wells said 14 people were arrested on Saturday.',
      'Gov. Maria Ortiz signed the $1.2 billion budget on June 30, cutting school funding by 4 percent.',
      'The council voted 5-2 on Wednesday to spend $38 million on the seawall.',
    ].map(score);
    const soft = [
      'Prices will probably keep rising next year.',
      'Critics believe the plan is a mistake.',
      'I think we should be proud of what we have done.',
      'The mayor should resign.',
      'The new stadium will bring thousands of jobs to the city.',
      'Experts predict the deficit could double by 2030.',
    ].map(score);
    expect(Math.max(...soft)).toBeLessThan(Math.min(...factual));
    // Not only below: on the other side of the model's threshold for all but the hedged forecasts.
    const threshold = checkworthyModel().threshold;
    expect(Math.min(...factual)).toBeGreaterThan(threshold);
    expect(soft.filter((s) => s < threshold).length).toBeGreaterThanOrEqual(4);
  });

  describe('news sense, on an article of our own', () => {
    const segments = extractSegments(prepareText(ARTICLE));
    const claims = segments.filter((s) => s.setAside === undefined);
    const aside = segments.filter((s) => s.setAside !== undefined);
    const bySection = (section: string) => claims.filter((c) => c.section === section);
    const sorted = [...claims].sort((a, b) => b.score - a.score);

    it('reads the article as intended (headline, dek, byline, dateline, furniture, bio)', () => {
      expect(bySection('headline')).toHaveLength(1);
      expect(bySection('dek')).toHaveLength(1);
      expect(bySection('byline')).toHaveLength(1);
      expect(bySection('dateline')).toHaveLength(1);
      expect(bySection('bio')).toHaveLength(1);
      expect(aside.map((s) => s.text)).toEqual(['Skip to content', 'Advertisement', 'Share this article']);
    });

    it('ranks the headline and the dek with the body claims they summarise', () => {
      const lede = claims.find((c) => c.text.startsWith('RIVERTON, Ohio'))!;
      for (const c of [...bySection('headline'), ...bySection('dek')]) {
        expect(c.score, c.text).toBeGreaterThanOrEqual(lede.score - 0.1);
        expect(sorted.indexOf(c), c.text).toBeLessThan(sorted.length / 2);
      }
    });

    it('never ranks set-aside text above a claim, and keeps bylines and datelines low', () => {
      const lowestClaim = Math.min(...claims.map((c) => c.score));
      for (const s of aside) expect(s.score, s.text).toBeLessThan(lowestClaim);
      for (const c of [...bySection('byline'), ...bySection('dateline')]) expect(c.score, c.text).toBeLessThanOrEqual(0.1);
      // Below every claim with a figure, a date or a name.
      const factual = claims.filter((c) => c.section === 'body' && c.spans.length > 0);
      for (const c of [...bySection('byline'), ...bySection('dateline'), ...bySection('bio')]) {
        for (const f of factual) expect(c.score, `${c.text} < ${f.text}`).toBeLessThan(f.score);
      }
    });

    it('ranks the opinion and the prediction below every factual body claim', () => {
      const opinion = claims.find((c) => c.text.startsWith('Some residents think'))!;
      const prediction = claims.find((c) => c.text.startsWith('The work will probably'))!;
      for (const f of claims.filter((c) => c.section === 'body' && c.spans.some((s) => s.kind === 'number'))) {
        expect(opinion.score).toBeLessThan(f.score);
        expect(prediction.score).toBeLessThan(f.score);
      }
    });
  });

  it('puts every headline and dek of the sample articles in the top half of their claims, set-aside text below every claim', () => {
    for (const rel of ['../../../resources/sample-article.txt', ...['news-transit', 'feature-ferry', 'report-hospitals'].map((n) => `../../fixtures/articles/${n}.txt`)]) {
      const segments = extractSegments(prepareText(read(rel)));
      const claims = segments.filter((s) => s.setAside === undefined);
      const sorted = [...claims].sort((a, b) => b.score - a.score);
      const top = claims.filter((c) => c.section === 'headline' || c.section === 'dek');
      expect(top.length, rel).toBeGreaterThan(0);
      for (const c of top) {
        expect(sorted.indexOf(c), `${rel}: ${c.text}`).toBeLessThan(sorted.length / 2);
        expect(c.score, `${rel}: ${c.text}`).toBeGreaterThanOrEqual(checkworthyModel().threshold);
      }
      const lowestClaim = Math.min(...claims.map((c) => c.score));
      for (const s of segments.filter((x) => x.setAside !== undefined)) expect(s.score, `${rel}: ${s.text}`).toBeLessThan(lowestClaim);
    }
  });
});
