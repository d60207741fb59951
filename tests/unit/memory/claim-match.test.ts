// "Seen before"'s decision, held on the labelled pairs (tests/fixtures/memory/pairs.json):
// the precision floor for "same claim", the short-claim rule, and the differences
// called out in the checker's words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareClaims, prepareClaim } from '../../../src/shared/memory/claim-match';
import { factDifferences } from '../../../src/shared/memory/fact-callouts';
import { MIN_WORDS } from '../../../src/shared/memory/thresholds';
import { wordCount } from '../../../src/shared/memory/tokens';
import { scorePairs, type LabelledPair } from './pair-metrics';

const { pairs } = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/memory/pairs.json'), 'utf8')) as { pairs: LabelledPair[] };

describe('the labelled pairs', () => {
  it('are at least 200, of every kind', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(pairs.map((p) => p.kind));
    for (const kind of ['paraphrase', 'changed-figure', 'related', 'short']) expect(kinds).toContain(kind);
  });

  it('"same claim" holds a precision of at least 0.95, and "possibly" finds most matches', () => {
    const score = scorePairs(pairs);
    expect(score.same.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.same.recall).toBeGreaterThanOrEqual(0.8);
    expect(score.possibly.precision).toBeGreaterThanOrEqual(0.85);
    expect(score.possibly.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('never matches a claim under MIN_WORDS words, however alike', () => {
    const short = pairs.filter((p) => p.kind === 'short');
    expect(short.length).toBeGreaterThanOrEqual(20);
    for (const p of short) {
      expect(Math.min(wordCount(p.earlier), wordCount(p.draft))).toBeLessThan(MIN_WORDS);
      expect(compareClaims(prepareClaim(p.earlier), prepareClaim(p.draft)).level).toBeNull();
    }
    expect(compareClaims(prepareClaim('The vote was 4-3.'), prepareClaim('The vote was 4-3.')).level).toBeNull();
  });

  it('calls out the changed figure or name of every matched pair that has one', () => {
    for (const p of pairs.filter((x) => x.changed)) {
      const { level, differences } = compareClaims(prepareClaim(p.earlier), prepareClaim(p.draft));
      if (!level) continue;
      expect(differences.some((d) => d.earlier?.includes(p.changed!.from) && d.draft?.includes(p.changed!.to)), p.draft).toBe(true);
    }
  });
});

describe('compareClaims', () => {
  it('takes the same sentence with another figure as the same claim, and says what changed', () => {
    const earlier = 'The earthquake on Tuesday killed 1,200 people in the northern province, officials said.';
    const draft = 'The earthquake on Tuesday killed 1,400 people in the northern province, officials said.';
    const result = compareClaims(prepareClaim(earlier), prepareClaim(draft));
    expect(result.level).toBe('same');
    expect(result.differences).toEqual([{ kind: 'number', earlier: '1,200', draft: '1,400', text: 'checked as 1,200 people; this draft says 1,400' }]);
  });

  it('takes a swapped ordinary word as at most possibly the same claim', () => {
    const a = 'The storm left 96,000 homes without power across the region on Saturday night.';
    const b = 'The storm left 96,000 homes without water across the region on Saturday night.';
    expect(compareClaims(prepareClaim(a), prepareClaim(b)).level).toBe('possibly');
  });

  it('leaves unrelated claims alone', () => {
    const a = 'The museum plans to lend part of its collection to a gallery in Lisbon next year.';
    const b = 'The transit authority carried 1.4 million riders on an average weekday in 2023.';
    expect(compareClaims(prepareClaim(a), prepareClaim(b)).level).toBeNull();
  });
});

describe('factDifferences', () => {
  it('says the issue’s sentence', () => {
    expect(factDifferences('Officials said 1,200 killed in the attack on the market.', 'Officials said 1,400 killed in the attack on the market.')[0]!.text).toBe(
      'checked as 1,200 killed; this draft says 1,400',
    );
  });

  it('names a date or a name, and a fact only one side has', () => {
    const texts = factDifferences('The law was signed on June 12 by Governor Priya Nair.', 'The law was signed on June 21 by Governor Priya Nair in 2024.').map((d) => d.text);
    expect(texts).toContain('checked as June 12; this draft says June 21');
    expect(texts.some((t) => t.startsWith('this draft adds'))).toBe(true);
  });
});
