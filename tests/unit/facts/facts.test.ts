// Facts inside a claim, as pure functions: what the checker sees (extracted spans plus
// their own words, minus what they removed), the claim verdict the facts suggest, and
// the rules and history of each change.
import { describe, expect, it } from 'vitest';
import { describeSegment } from '../../../src/shared/extract';
import { addFact, markFact, removeFact } from '../../../src/shared/facts/edit';
import { factsOf, summarizeFacts } from '../../../src/shared/facts/fold';
import { suggestVerdict } from '../../../src/shared/facts/suggest';
import { UNCHECKED, type Claim } from '../../../src/shared/model';

const PREFIX = 'Headline\n\n';
const SENTENCE = 'Mayor Celia Brandt said on Monday that 1,200 homes flooded in 2023.';
const AT = '2026-03-01T10:00:00.000Z';

function claim(): Claim {
  const text = PREFIX + SENTENCE;
  return { ...describeSegment(text, PREFIX.length, text.length, 'body'), id: 'c1', verdict: { ...UNCHECKED }, history: [] };
}

let n = 0;
const ids = () => `f${n++}`;

/** Marks the fact with these words, by its id as shown. */
function mark(c: Claim, words: string, patch: Parameters<typeof markFact>[2]) {
  const fact = factsOf(c).find((f) => f.text === words)!;
  return markFact(c, fact.id, patch, 'Ana', AT, ids).claim;
}

describe('the facts of a claim', () => {
  it('are its extracted spans, unchecked, with offsets into the claim', () => {
    const facts = factsOf(claim());
    expect(facts.map((f) => [f.kind, f.text])).toEqual([
      ['name', 'Mayor Celia Brandt'],
      ['date', 'Monday'],
      ['number', '1,200'],
      ['date', '2023'],
    ]);
    for (const f of facts) expect(SENTENCE.slice(f.start, f.end)).toBe(f.text);
    expect(facts.every((f) => f.verdict.status === 'unchecked' && !f.stored)).toBe(true);
    expect(summarizeFacts(facts)).toBe('4 facts: 4 unchecked');
  });

  it('count the statuses the way the claim shows them', () => {
    let c = mark(claim(), '1,200', { status: 'verified' });
    c = mark(c, 'Monday', { status: 'verified' });
    c = mark(c, '2023', { status: 'disputed', note: 'It was 2022.' });
    expect(summarizeFacts(factsOf(c))).toBe('4 facts: 2 verified, 1 disputed, 1 unchecked');
  });

  it('take the checker’s words, and drop a removed span for good', () => {
    let c = addFact(claim(), SENTENCE.indexOf('homes flooded'), SENTENCE.indexOf('homes flooded') + 'homes flooded '.length, 'Ana', AT, 'w1');
    const monday = factsOf(c).find((f) => f.text === 'Monday')!;
    c = removeFact(c, monday.id, 'Ana', AT, ids);
    expect(factsOf(c).map((f) => f.text)).toEqual(['Mayor Celia Brandt', '1,200', 'homes flooded', '2023']);
    expect(c.history.map((h) => [h.kind, h.detail])).toEqual([
      ['fact', 'fact “homes flooded” added'],
      ['fact', 'fact “Monday” removed'],
    ]);
  });

  it('refuse words that overlap a fact, and words outside the claim', () => {
    const at = SENTENCE.indexOf('1,200');
    expect(() => addFact(claim(), at - 5, at + 2, 'Ana', AT, 'w1')).toThrow('Those words overlap the fact “1,200”');
    expect(() => addFact(claim(), 0, SENTENCE.length + 1, 'Ana', AT, 'w1')).toThrow('inside the claim');
    expect(() => addFact(claim(), 5, 6, 'Ana', AT, 'w1')).toThrow('at least one word');
  });
});

describe('a verdict on a fact', () => {
  it('follows the claim rules, worded for a fact', () => {
    expect(() => mark(claim(), '1,200', { status: 'disputed' })).toThrow('A disputed fact needs a note');
    expect(() => mark(claim(), '1,200', { status: 'sourced' })).toThrow('A sourced fact needs at least one cited source');
    const verified = markFact(claim(), factsOf(claim())[2]!.id, { status: 'verified' }, 'Ana', AT, ids);
    expect(verified.warnings).toEqual([expect.stringContaining('Verified without a cited source')]);
  });

  it('is stored under a new id, and appended to the claim’s history naming the fact', () => {
    const c = mark(claim(), '1,200', { status: 'disputed', note: 'The county counts 1,400.' });
    const fact = factsOf(c).find((f) => f.text === '1,200')!;
    expect(fact).toMatchObject({ stored: true, verdict: { status: 'disputed', note: 'The county counts 1,400.', checker: 'Ana' } });
    expect(fact.id).not.toMatch(/^span-/);
    expect(c.history).toEqual([
      {
        at: AT,
        by: 'Ana',
        kind: 'fact',
        changes: [
          { field: 'status', from: 'unchecked', to: 'disputed' },
          { field: 'note', from: '', to: 'The county counts 1,400.' },
        ],
        detail: 'fact “1,200”',
        fact: { id: fact.id, text: '1,200' },
      },
    ]);
    // The claim's own verdict is the checker's to give.
    expect(c.verdict.status).toBe('unchecked');
  });

  it('that changes nothing writes nothing', () => {
    const c = mark(claim(), '1,200', { status: 'verified' });
    const fact = factsOf(c).find((f) => f.text === '1,200')!;
    expect(markFact(c, fact.id, { status: 'verified' }, 'Ana', AT, ids).claim).toBe(c);
  });
});

describe('the claim verdict the facts suggest', () => {
  const settle = (statuses: Record<string, 'verified' | 'disputed' | 'sourced'>) => {
    let c = claim();
    for (const [words, status] of Object.entries(statuses)) {
      c = mark(c, words, { status, note: status === 'disputed' ? `${words} is wrong.` : '', sourceIds: status === 'sourced' ? ['s1'] : [] });
    }
    return c;
  };
  const all = { 'Mayor Celia Brandt': 'verified', Monday: 'verified', '1,200': 'verified', '2023': 'verified' } as const;

  it('is disputed as soon as one fact is, even with others unchecked, with that fact’s note', () => {
    const s = suggestVerdict(settle({ '1,200': 'disputed' }))!;
    expect(s.status).toBe('disputed');
    expect(s.patch).toEqual({ status: 'disputed', note: '“1,200”: 1,200 is wrong.', sourceIds: [] });
    expect(s.reason).toBe('“1,200” is disputed');
  });

  it('waits while a fact is unchecked and none is disputed', () => {
    expect(suggestVerdict(settle({ '1,200': 'verified', Monday: 'verified' }))).toBeNull();
    expect(suggestVerdict(claim())).toBeNull();
  });

  it('is verified when every fact is, and sourced when any rests on a source alone', () => {
    expect(suggestVerdict(settle(all))!.status).toBe('verified');
    const sourced = suggestVerdict(settle({ ...all, '2023': 'sourced' }))!;
    expect(sourced).toMatchObject({ status: 'sourced', reason: '1 of 4 facts rest on a source alone', patch: { sourceIds: ['s1'] } });
  });

  it('keeps the claim’s own note, and is gone once the claim has that verdict', () => {
    const c = settle({ '1,200': 'disputed' });
    const noted = { ...c, verdict: { ...c.verdict, note: 'My own words.' } };
    expect(suggestVerdict(noted)!.patch.note).toBe('My own words.');
    const accepted = { ...c, verdict: { ...c.verdict, status: 'disputed' as const, note: '“1,200”: 1,200 is wrong.' } };
    expect(suggestVerdict(accepted)).toBeNull();
  });
});
