import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExtractedClaim } from '../../../src/shared/model';
import { extractClaims, extractSegments, normalizeText, partitionProblem } from '../../../src/shared/extract';
import { ARTICLE_NAMES, loadArticle } from './metrics';

function checkInvariants(text: string): number {
  // Every word accounted for: claims and set-aside segments partition the text.
  expect(partitionProblem(text, extractSegments(text))).toBeNull();
  const claims = extractClaims(text);
  let prevEnd = 0;
  for (const c of claims) {
    expect(ExtractedClaim.safeParse(c).success).toBe(true);
    expect(c.text).toBe(text.slice(c.start, c.end));
    expect(c.start).toBeGreaterThanOrEqual(prevEnd); // article order, no overlap
    expect(c.text.trim()).toBe(c.text);
    prevEnd = c.end;
    let spanEnd = c.start;
    for (const s of c.spans) {
      expect(s.text).toBe(text.slice(s.start, s.end));
      expect(s.start).toBeGreaterThanOrEqual(spanEnd); // sorted, non-overlapping
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.end).toBeLessThanOrEqual(c.end);
      spanEnd = s.end;
    }
  }
  return claims.length;
}

const sample = normalizeText(readFileSync(fileURLToPath(new URL('../../../resources/sample-article.txt', import.meta.url)), 'utf8'));

describe('offset invariants', () => {
  it('hold on the shipped sample article, which has 25–40 claims and no boilerplate claims', () => {
    const n = checkInvariants(sample);
    expect(n).toBeGreaterThanOrEqual(25);
    expect(n).toBeLessThanOrEqual(40);
    const texts = extractClaims(sample).map((c) => c.text);
    expect(texts).not.toContain('Advertisement');
    expect(texts).not.toContain('Share full article');
    expect(texts).not.toContain('Skip to content');
  });
  it('hold on the three fixture articles', () => {
    for (const name of ARTICLE_NAMES) checkInvariants(normalizeText(loadArticle(name).raw));
  });
  it('hold on generated noise (random mixes of hard characters)', () => {
    const atoms = ['Mr.', ' ', 'U.S.', '“', '”', '"', '(', ')', '...', '…', '?', '!', '.', '\n', '\n\n', 'Advertisement',
      '$4.2', '10 a.m.', 'By Jo Lee', 'Credit...', 'said', 'Gen.', 'Oct. 1', 'word', 'The', '—', '220-207', 'é', '’'];
    let seed = 42;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 200; k++) {
      let s = '';
      for (let i = 0; i < 60; i++) s += atoms[Math.floor(rand() * atoms.length)]!;
      checkInvariants(normalizeText(s));
    }
  });
});
