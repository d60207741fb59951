import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractClaims, normalizeText } from '../../../src/shared/extract';

const score = (sentence: string): number => extractClaims(`Body\n\n${sentence}`).find((c) => c.text === sentence)!.score;

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
    const text = normalizeText(readFileSync(fileURLToPath(new URL('../../../resources/sample-article.txt', import.meta.url)), 'utf8'));
    const claims = extractClaims(text);
    for (const c of claims) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    const sorted = [...claims].sort((a, b) => b.score - a.score);
    const rank = sorted.findIndex((c) => c.text === 'Now that will have to wait.');
    expect(rank).toBeGreaterThan(sorted.length * 0.8);
  });
});
