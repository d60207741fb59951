import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../src/shared/extract';

const one = (sentence: string) => {
  const claims = extractClaims(`Body\n\n${sentence}`).filter((c) => c.text === sentence);
  expect(claims).toHaveLength(1);
  return claims[0]!;
};

describe('labels', () => {
  it('labels numbers, dates and entities', () => {
    const c = one('The council approved $4.2 million for Harbor Road on Oct. 3, 2024.');
    expect(c.labels).toEqual(expect.arrayContaining(['number', 'date', 'entity']));
  });
  it('labels attribution', () => {
    expect(one('Officials said the bridge was closed for repairs.').labels).toContain('attribution');
    expect(one('Crime fell sharply, according to police records.').labels).toContain('attribution');
  });
  it('labels predictions and opinions from hedges', () => {
    expect(one('The bridge could reopen within a year.').labels).toContain('prediction');
    expect(one('Construction is expected to take about 30 months.').labels).toContain('prediction');
    expect(one('Many residents believe the plan is a mistake.').labels).toContain('opinion');
    expect(one('Some fear the wall will block the view.').labels).toContain('opinion');
    expect(one('The storm was the worst in years.').labels).not.toContain('prediction');
  });
  it('does not take the month May or the name Will for hedges', () => {
    expect(one('Will Darnell joined the board in May 2019.').labels).not.toContain('prediction');
  });
  it('labels quotations, including sentences inside a quote that spans several', () => {
    const claims = extractClaims('Body\n\n“We lost everything. The house, the car. Nobody came,” she said.');
    expect(claims.slice(1).every((c) => c.labels.includes('quote'))).toBe(true);
  });
});

describe('speaker', () => {
  it('finds "said Title Name", "Name said", appositives and "according to"', () => {
    expect(one('"We are not doing this for us," said Mayor Celia Brandt, who cast the deciding vote.').speaker).toBe('Mayor Celia Brandt');
    expect(one('“It is working,” Ms. Marsh-Afolabi said.').speaker).toBe('Ms. Marsh-Afolabi');
    expect(one('"We didn\'t want a bridge," said Gus Tamura, 83, a farmer.').speaker).toBe('Gus Tamura');
    expect(one('Hollis Grantham, 58, a retired bus driver, said he waited "six hours."').speaker).toBe('Hollis Grantham');
    expect(one('A spokeswoman for Lumora, Ines Halloran, said the firm was "cooperating fully."').speaker).toBe('Ines Halloran');
    expect(one('Taxes will rise 3.5 percent, according to Dr. Evelyn Sato, the finance director.').speaker).toBe('Dr. Evelyn Sato');
    expect(one('“I used to wave at them,” said the florist, Maureen Kaplan.').speaker).toBe('Maureen Kaplan');
    expect(one('“Not one,” said Gen. Marcus L. Whitfield Jr., the chief.').speaker).toBe('Gen. Marcus L. Whitfield Jr.');
  });
  it('resolves "he said" to a speaker named nearby, and leaves it unknown otherwise', () => {
    const claims = extractClaims('Body\n\nTom Haskell said the wall would block the view.\n\n"Who will pay $14 for that?" he asked.');
    expect(claims.at(-1)!.speaker).toBe('Tom Haskell');
    const lone = extractClaims('Body\n\nThe sea rose.\n\n"It will not wait," she said.');
    expect(lone.at(-1)!.labels).toContain('quote');
    expect(lone.at(-1)!.speaker).toBeUndefined();
  });
});
