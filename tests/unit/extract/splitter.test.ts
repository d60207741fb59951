import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/shared/extract';

const split = (t: string): string[] => splitSentences(t).map((r) => t.slice(r.start, r.end));

describe('splitSentences', () => {
  it('returns trimmed ranges with exclusive ends', () => {
    const t = 'One here.  Two there.';
    expect(splitSentences(t)).toEqual([{ start: 0, end: 9 }, { start: 11, end: 21 }]);
  });
  it('ends a sentence at every newline', () => {
    expect(split('Gen. Ruiz said\nthe plan failed.')).toEqual(['Gen. Ruiz said', 'the plan failed.']);
  });
  it('starts a sentence at a name capitalised inside (iPhone, eBay, mRNA), but not after an abbreviation', () => {
    expect(split('Apple sold more phones. iPhone sales rose 5 percent.')).toEqual(['Apple sold more phones.', 'iPhone sales rose 5 percent.']);
    expect(split('The plant makes 40 tons a day. eBay listed it. Was it sold? mRNA makers bid.')).toEqual([
      'The plant makes 40 tons a day.',
      'eBay listed it.',
      'Was it sold?',
      'mRNA makers bid.',
    ]);
    expect(split('Devices, e.g. iPhone models, sold well. Phones (incl. iPhone models) did too.')).toEqual([
      'Devices, e.g. iPhone models, sold well.',
      'Phones (incl. iPhone models) did too.',
    ]);
    expect(split('Sales rose. the rest fell.')).toEqual(['Sales rose. the rest fell.']);
  });
  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n\n ')).toEqual([]);
  });
  it('handles an unbalanced parenthesis without swallowing the rest of the line', () => {
    expect(split('The fee (unpaid rose. Then it fell.')).toEqual(['The fee (unpaid rose.', 'Then it fell.']);
  });
  it('is linear: a long paragraph of abbreviations and quotes segments quickly', () => {
    const para = 'Mr. A. B. Cole of the U.S. Army said "Why?" at 5 p.m. Then he left. '.repeat(20_000);
    const t0 = performance.now();
    const n = splitSentences(para).length;
    expect(n).toBe(40_000);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
