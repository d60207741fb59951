import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../src/shared/extract';

const spansOf = (sentence: string) => {
  const c = extractClaims(`Body\n\n${sentence}`).find((x) => x.text === sentence)!;
  return c.spans.map((s) => `${s.kind}:${s.text}`);
};

describe('spans', () => {
  it('finds money, percentages, scores and plain numbers', () => {
    expect(spansOf('The bill passed 220-207 and costs $4.2 billion, or 3.5 percent of the budget, for 3,100 people.'))
      .toEqual(['number:220-207', 'number:$4.2 billion', 'number:3.5 percent', 'number:3,100']);
  });
  it('finds dates and times as dates, not numbers', () => {
    expect(spansOf('The vote, set for Oct. 1, came at 10:45 p.m. on Tuesday after a delay since 2019.'))
      .toEqual(['date:Oct. 1', 'date:10:45 p.m.', 'date:Tuesday', 'date:2019']);
  });
  it('finds names with titles, initials and suffixes, not sentence starters', () => {
    expect(spansOf('The order came from Lt. Col. J. R. Whitfield Jr. at the Pentagon.'))
      .toEqual(['name:Lt. Col. J. R. Whitfield Jr.', 'name:Pentagon']);
  });
  it('finds short quoted words; long quotations are labelled instead', () => {
    expect(spansOf('Critics called the plan "a betrayal" and worse.')).toEqual(['quote:a betrayal']);
  });
  it('finds spelled-out numbers', () => {
    expect(spansOf('The fire burned for two dozen hours and destroyed four homes.')).toEqual(['number:two dozen', 'number:four']);
  });
});
