// Each re-anchoring pass on its own, over an explicit assignment: what it takes,
// and what it leaves for the passes after it.
import { describe, expect, it } from 'vitest';
import { extractSegments } from '../../../src/shared/extract';
import { UNCHECKED, type Claim } from '../../../src/shared/model';
import { createAssignment, type Assignment } from '../../../src/shared/revisions/assignment';
import { approximate } from '../../../src/shared/revisions/passes/approximate';
import { exactPosition } from '../../../src/shared/revisions/passes/exact-position';
import { exactQuote } from '../../../src/shared/revisions/passes/exact-quote';
import { locate } from '../../../src/shared/revisions/passes/locate';
import { MIN_SCORE, SURE_SCORE, WEIGHTS } from '../../../src/shared/revisions/weights';

function assignment(oldText: string, newText: string): Assignment {
  const old: Claim[] = extractSegments(oldText).map((s, i) => ({ ...s, id: `c${i}`, verdict: { ...UNCHECKED }, history: [] }));
  return createAssignment(oldText, old, newText, extractSegments(newText));
}
/** Per old record: the text of the segment it took and how, or null. */
const placed = (a: Assignment) => Array.from(a.targets, (t) => (t ? [a.newText.slice(t.start, t.end), t.method] : null));

describe('exact position', () => {
  it('takes the same words at the same offsets, and nothing that shifted', () => {
    const a = assignment('The mayor spoke. The council met. It rained.', 'The mayor spoke. The whole council met. It rained.');
    exactPosition(a);
    expect(placed(a)).toEqual([['The mayor spoke.', 'position'], null, null]);
  });
});

describe('exact quote', () => {
  it('finds a wording found once on each side wherever it moved', () => {
    const a = assignment('The mayor spoke. The council met. It rained all day.', 'It rained all day. The mayor spoke. The council met.');
    exactPosition(a);
    exactQuote(a);
    expect(placed(a)).toEqual([
      ['The mayor spoke.', 'quote'],
      ['The council met.', 'quote'],
      ['It rained all day.', 'quote'],
    ]);
  });

  it('gives a repeated wording to the claim whose surroundings it kept, and leaves the claim whose copy was cut', () => {
    const a = assignment(
      'The sheriff was asked about arrests. He declined to comment.\nThe commissioner was asked about the audit. He declined to comment.',
      'The commissioner was asked about the audit. He declined to comment.',
    );
    exactPosition(a);
    exactQuote(a);
    expect(placed(a)).toEqual([null, null, ['The commissioner was asked about the audit.', 'quote'], ['He declined to comment.', 'quote']]);
  });
});

describe('approximate', () => {
  it('finds an edited sentence near where it should be, once the exact passes have run', () => {
    const a = assignment('The mayor spoke. The city hired 1,200 workers in 2024. It rained.', 'The mayor spoke. The city hired 1,400 workers in 2024. It rained.');
    exactPosition(a);
    exactQuote(a);
    expect(a.targets[1]).toBeUndefined();
    approximate(a);
    expect(placed(a)[1]).toEqual(['The city hired 1,400 workers in 2024.', 'approximate']);
    expect(a.targets[1]!.won).toMatchObject({ old: 1, whole: true });
  });

  it('assigns one to one, best first: of two claims alike one sentence, the better takes it', () => {
    const a = assignment(
      'The county recorded 174 overdose deaths in 2023, the report said.\nThe county recorded 151 overdose deaths in 2024, the report said.',
      'The county recorded 149 overdose deaths in 2024, the report said.',
    );
    approximate(a);
    expect(placed(a)).toEqual([null, ['The county recorded 149 overdose deaths in 2024, the report said.', 'approximate']]);
    // Both were weighed: the loser is the rival a match's confidence is judged against.
    expect(a.contests.map((c) => c.old).sort()).toEqual([0, 1]);
    expect(a.candidatesOf.get(0)).toHaveLength(1);
  });

  it('never gives a segment a second record', () => {
    const a = assignment('He declined to comment. He declined to comment.', 'He declined to comment.');
    exactPosition(a);
    exactQuote(a);
    approximate(a);
    expect(placed(a).filter(Boolean)).toHaveLength(1);
    expect([...a.owner]).toEqual([0]);
  });
});

describe('locate (match_main on an instance of its own)', () => {
  it('finds a fuzzy copy of the quote’s head and tail in a long stretch', () => {
    const filler = 'Other words fill the stretch between. '.repeat(200);
    const quote = 'The council approved the harbor budget after a long debate on Monday night.';
    const text = `${filler}The city council approved the harbor budget after a long debate on Monday evening.${filler}`;
    const spans = locate(text, quote, 0, text.length, filler.length);
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(Math.abs(s.start - filler.length)).toBeLessThan(20);
  });
});

describe('weights', () => {
  it('add up to one, and the thresholds are in order', () => {
    expect(WEIGHTS.words + WEIGHTS.context + WEIGHTS.nearness).toBeCloseTo(1);
    expect(MIN_SCORE).toBeLessThan(SURE_SCORE);
    expect(SURE_SCORE).toBeLessThan(1);
  });
});
